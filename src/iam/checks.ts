// Helpers the IAM rules share: which principals a document reaches, whether an Allow is
// undone by an explicit Deny of every principal it reaches, which conditions narrow a
// statement, and how messages name compute services and counts.
import type { SourceDocument } from '../engine/document.js';
import { resourceStar, type PolicyCondition, type PolicyDocument, type PolicyStatement, type PolicyString } from './policy.js';
import { iamModel, type IamModel, type IamPrincipal } from './sources.js';
import { deniedBroadly, effectiveOf } from './effective.js';
import { countLevels, getCatalog, hasWildcard, isWriteLevel, type CatalogAction } from './catalog.js';

export { iamModel, POLICY_KEYWORDS } from './sources.js';

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
 * no-credential-exposure each judge by their own action sets.
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
  return { model: found.model, allows };
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
