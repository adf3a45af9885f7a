// Helpers the IAM rules share: which principals a document reaches, whether an Allow is
// undone by an explicit Deny of every principal it reaches, which conditions narrow a
// statement, and how messages name compute services and counts.
import type { SourceDocument } from '../engine/document.js';
import { resourceStar, type PolicyCondition, type PolicyDocument, type PolicyStatement, type PolicyString, type SourceFile } from './policy.js';
import { iamModel, isServiceRolePolicy, type IamModel, type IamPrincipal } from './sources.js';
import { deniedBroadly, effectiveOf, type Effective, type Grant } from './effective.js';
import { compatibleChoices, type Range } from '../iac/value.js';
import type { ReportDescriptor } from '../rule.js';
import { countLevels, getCatalog, hasWildcard, isWriteLevel, type CatalogAction } from './catalog.js';

export { iamModel, POLICY_KEYWORDS, POLICY_KIND_KEYWORDS } from './sources.js';

const standalone = new WeakMap<PolicyDocument, IamPrincipal>();

/**
 * The principals a document reaches; a document attached to nothing (an `aws_iam_policy`
 * without attachment, a policy JSON file) stands for a principal of its own, so its own
 * Deny statements still count.
 */
export function principalsReaching(model: IamModel, doc: PolicyDocument): readonly IamPrincipal[] {
  const reached = model.principalsOf(doc);
  if (reached.length > 0) return reached;
  let p = standalone.get(doc);
  if (!p) {
    p = { id: `document:${doc.label}`, kind: 'role', label: doc.label, range: doc.range, local: true, policies: [{ document: doc, range: doc.range, via: 'inline' }], groups: [], assumedBy: [], carriers: [], unknownPolicies: false };
    standalone.set(doc, p);
  }
  return [p];
}

/** Whether every principal the document reaches has an explicit Deny that may take `action` away. */
export function undoneByDeny(model: IamModel, doc: PolicyDocument, actionId: string): boolean {
  return principalsReaching(model, doc).every((p) => deniedBroadly(effectiveOf(p), actionId) !== undefined);
}

/** Identity policies of a document that some rule can look at. */
export function identityDocuments(document: SourceDocument): { model: IamModel; docs: PolicyDocument[] } | undefined {
  const model = iamModel(document);
  if (!model) return undefined;
  return { model, docs: model.documents.filter((d) => d.kind === 'identity') };
}

/**
 * Global condition keys that do not narrow which resources a statement writes to (they
 * restrict when or how, not what). Every other key — `aws:ResourceTag/…`, `aws:RequestTag/…`,
 * `aws:ResourceAccount`, service keys such as `ec2:ResourceTag/…`, `s3:prefix`,
 * `iam:PassedToService` — is taken as narrowing.
 */
const NOT_NARROWING = new Set(['aws:securetransport', 'aws:multifactorauthpresent', 'aws:multifactorauthage', 'aws:requestedregion', 'aws:currenttime', 'aws:epochtime', 'aws:sourceip', 'aws:useragent', 'aws:referer', 'aws:viaawsservice', 'aws:calledvia', 'aws:calledviafirst', 'aws:calledvialast', 'aws:principaltype', 'aws:tokenissuetime']);

/** An Allow statement with actions on `Resource: "*"`, and that `*`. */
export interface UnscopedAllow {
  readonly doc: PolicyDocument;
  readonly statement: PolicyStatement & { readonly action: NonNullable<PolicyStatement['action']> };
  readonly star: PolicyString;
}

/**
 * The Allow statements of the document's identity policies that name actions on
 * `Resource: "*"` with no condition that could narrow them: what no-unscoped-write and
 * no-credential-exposure each judge by their own action sets. None at all: undefined, so the
 * rules never load the action catalogue (~0.1 s) for a JSON file that only looks like a policy.
 */
export function unscopedAllows(document: SourceDocument): { model: IamModel; allows: UnscopedAllow[] } | undefined {
  const found = identityDocuments(document);
  if (!found) return undefined;
  const allows: UnscopedAllow[] = [];
  for (const doc of found.docs) {
    for (const st of doc.statements) {
      if (st.effect !== 'Allow' || !st.action) continue;
      const star = resourceStar(st);
      if (!star || hasNarrowingCondition(st)) continue;
      allows.push({ doc, statement: st as UnscopedAllow['statement'], star });
    }
  }
  return allows.length > 0 ? { model: found.model, allows } : undefined;
}

/** Whether a statement has a condition that may narrow its resources (an unknown condition counts). */
export function hasNarrowingCondition(st: PolicyStatement): boolean {
  const c = st.condition;
  if (!c) return false;
  if (c.incomplete) return true;
  return c.entries.some((e) => !NOT_NARROWING.has(e.key.toLowerCase()) && !allValuesStar(e));
}

function allValuesStar(e: PolicyCondition): boolean {
  return !e.values.incomplete && e.values.items.length > 0 && e.values.items.every((i) => i.state === 'known' && i.value === '*');
}

/** Compute services whose code runs with the role's credentials. */
const COMPUTE_SERVICES: Readonly<Record<string, string>> = {
  'ec2.amazonaws.com': 'EC2',
  'lambda.amazonaws.com': 'Lambda',
  'edgelambda.amazonaws.com': 'Lambda@Edge',
  'ecs-tasks.amazonaws.com': 'ECS tasks',
  'ecs.amazonaws.com': 'ECS',
  'codebuild.amazonaws.com': 'CodeBuild',
  'glue.amazonaws.com': 'Glue',
  'sagemaker.amazonaws.com': 'SageMaker',
  'batch.amazonaws.com': 'Batch',
  'states.amazonaws.com': 'Step Functions',
  'build.apprunner.amazonaws.com': 'App Runner',
  'tasks.apprunner.amazonaws.com': 'App Runner',
  'elasticmapreduce.amazonaws.com': 'EMR',
  'datapipeline.amazonaws.com': 'Data Pipeline',
  'eks.amazonaws.com': 'EKS',
  'pods.eks.amazonaws.com': 'EKS pods',
  'ssm.amazonaws.com': 'Systems Manager',
};

/** Compute services (by display name) that may assume a principal. */
export function computeServices(p: IamPrincipal): string[] {
  const out = new Set<string>();
  for (const s of p.assumedBy) {
    const name = COMPUTE_SERVICES[s.toLowerCase().replace(/\.cn$/, '')];
    if (name) out.add(name);
  }
  return [...out];
}

/** `EC2 (aws_instance.web)` — who runs with a role, for messages. */
export function whoRunsIt(p: IamPrincipal): string | undefined {
  const services = computeServices(p);
  if (services.length === 0) return undefined;
  const carriers = p.carriers.slice(0, 3);
  const more = p.carriers.length > 3 ? ` and ${p.carriers.length - 3} more` : '';
  return `${services.join(', ')}${carriers.length > 0 ? ` (${carriers.join(', ')}${more})` : ''}`;
}

/** What a list of actions grants, in counts: `12 write and 3 permissions-management`. */
export function describeCounts(actions: readonly CatalogAction[]): string {
  const c = countLevels(actions);
  const parts: string[] = [];
  if (c.Write) parts.push(`${c.Write} write`);
  if (c['Permissions management']) parts.push(`${c['Permissions management']} permissions-management`);
  if (c.Tagging) parts.push(`${c.Tagging} tagging`);
  if (c.Read) parts.push(`${c.Read} read`);
  if (c.List) parts.push(`${c.List} list`);
  return parts.length === 0 ? 'no' : parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * Whether no-wildcard-action reports an action pattern: `*`, a service wildcard, or a pattern
 * that expands to any Write or Permissions-management action. The other action rules skip
 * those entries (one defect, one finding).
 */
export function isReportedWildcard(pattern: string): boolean {
  if (!hasWildcard(pattern)) return false;
  if (pattern === '*' || /^[^:]*:\*$/.test(pattern)) return true;
  return getCatalog().expand(pattern).some((a) => a.level === 'Write' || a.level === 'Permissions management');
}

export { isWriteLevel };

// ---------------------------------------------------------------------------------------
// Where a principal's finding goes when its policies are spread over the files of a module

/** A range in the scanned document, or in another file of the module (`elsewhere`). */
export interface Place {
  readonly range: Range;
  readonly elsewhere?: SourceFile;
}

/**
 * Where a grant is written: `range` (an element of its statement) in the policy's own file, or
 * for an AWS managed policy its attachment (the `policy_arn`) in the attachment's file.
 */
export function placeOf(g: Grant, range: Range): Place {
  const elsewhere = g.attached.via === 'aws-managed' ? g.attached.elsewhere : g.attached.document.elsewhere;
  return elsewhere ? { range, elsewhere } : { range };
}

/** The file a grant's place is in: the scanned document's path (`here`) or the other file's. */
function fileOf(g: Grant, here: string): string {
  return (g.attached.via === 'aws-managed' ? g.attached.elsewhere : g.attached.document.elsewhere)?.absPath ?? here;
}

/**
 * Grants in one order whichever file of the module is scanned (by file, then as written), so
 * that every file's scan picks the same grant to report at. Stable: within one file the order
 * is the model's.
 */
export function inModuleOrder(grants: readonly Grant[], here: string): Grant[] {
  const keyed = grants.map((g, i) => ({ g, i, file: fileOf(g, here) }));
  keyed.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.i - b.i));
  return keyed.map((k) => k.g);
}

/**
 * Where one finding about a principal is reported, so that a module scanned file by file
 * reports it once, at the defect's element: at `lead` when that is in the scanned document;
 * otherwise at the first of `others` that is, or at the principal's own name when it is
 * declared here — referring to `lead`, so the finding is dropped when `lead`'s file is scanned
 * too and reports it there; otherwise not here at all.
 */
export function findingPlace(p: IamPrincipal, lead: Place, others: readonly Place[]): { range: Range; refersTo?: ReportDescriptor['refersTo'] } | undefined {
  if (!lead.elsewhere) return { range: lead.range };
  const at = others.find((o) => !o.elsewhere)?.range ?? (p.local ? p.range : undefined);
  if (!at) return undefined;
  return { range: at, refersTo: { absPath: lead.elsewhere.absPath, text: lead.elsewhere.text, start: lead.range.start, end: lead.range.end } };
}

/** Whether some grant of the principal (its groups' included) is written in the scanned file. */
export function placedHere(p: IamPrincipal): boolean {
  return [p, ...p.groups].some((o) => o.policies.some((a) => !(a.via === 'aws-managed' ? a.elsewhere : a.document.elsewhere)));
}

// ---------------------------------------------------------------------------------------
// AWS service roles

/**
 * Whether only AWS services may assume the role: every Allow of its trust policy names
 * service principals and nothing else (no account, federated user or `*`), and the policy is
 * fully known — or it is a role a framework creates for one service (SAM, Serverless).
 */
export function assumedOnlyByServices(p: IamPrincipal): boolean {
  if (p.kind !== 'role' || p.assumedBy.length === 0) return false;
  if (!p.trust) return p.implicit === true;
  if (p.trust.incomplete) return false;
  const allows = p.trust.statements.filter((st) => st.effect === 'Allow');
  return allows.length > 0 && allows.every((st) => st.principal !== undefined && !st.notPrincipal && !st.principal.star && !st.principal.incomplete && [...st.principal.types.keys()].every((t) => t === 'Service') && !(st.principal.types.get('Service')?.incomplete ?? true));
}

/**
 * The grants of a role's effective permissions without those of AWS managed policies under
 * `/service-role/` when only AWS services may assume it: AWS writes those policies for the
 * service's own work (EMR launching clusters with `iam:PassRole` + `ec2:RunInstances`, Glue,
 * ECS registering instances …) and nobody but the service holds them — not a path a person or
 * the workload can take. A customer policy on the same role, and any other AWS policy
 * (AdministratorAccess, IAMFullAccess), still count.
 */
export function withoutServiceOwnGrants(eff: Effective): Effective {
  if (!assumedOnlyByServices(eff.principal)) return eff;
  const allows = eff.allows.filter((g) => !isServiceRolePolicy(g.attached.document.managed));
  return allows.length === eff.allows.length ? eff : { ...eff, allows };
}

/**
 * Whether grants can hold together in one deployed stack: none two are written in different
 * branches of the same CloudFormation condition (`Fn::If`), whether the conditional is around
 * the statement or around the policy that carries it.
 */
export function grantsCoexist(grants: readonly Grant[]): boolean {
  return compatibleChoices(grants.flatMap((g) => [g.attached.when ?? [], g.statement.when ?? []]));
}
