// Every IAM policy of a document, in the one policy model, with the principals they reach.
//
// CloudFormation / SAM (roles, users, groups, `AWS::IAM::Policy`/`ManagedPolicy`/`*Policy`,
// `ManagedPolicyArns`, `UserToGroupAddition`, SAM function `Policies`, resource policies),
// Terraform (`aws_iam_*` policies, every `*_policy_attachment`, group memberships,
// `inline_policy`, `managed_policy_arns`, resource policies; JSON as heredoc, string,
// `jsonencode`, `file()`/`templatefile()`, `data "aws_iam_policy_document"`), standalone
// policy JSON files and Serverless Framework `iam.role.statements` / `iamRoleStatements`.
// AWS managed policies attached by ARN (any partition, `${AWS::Partition}`,
// `data.aws_partition`) or by SAM name are read from the snapshot by content.
//
// Built once per document (cached) and only for documents that hold a policy.
import type { SourceDocument } from '../engine/document.js';
import { baseName } from '../kinds.js';
import { describeNode, resourceGraph, type GraphNode, type ResourceGraph } from '../iac/graph.js';
import type { IacMap, IacValue, Range } from '../iac/value.js';
import { asList, branchChoices, branchItems, knownString, mapEntry, mapGet, valueTokenRange } from '../iac/value.js';
import { parseCloudFormation, parseYamlDocuments } from '../parsers/cloudformation.js';
import { moduleOf, parseTerraform, terraformPolicyDocument, type TfBlock } from '../parsers/terraform.js';
import { policyFromPlain, policyFromStatements, policyFromValue, type PolicyDocument, type PolicyKind, type PolicyMeta, type SourceFile } from './policy.js';
import { loadManagedPoliciesFile } from './data.js';
import { samPolicyTemplate } from './sam-templates.js';
import { programFor } from '../js/parse.js';
import { cdkIamModel, CDK_KEYWORDS } from '../js/cdk-iam.js';

export type PrincipalKind = 'role' | 'user' | 'group';

export interface AttachedPolicy {
  readonly document: PolicyDocument;
  /** Where the attachment is written (the inline policy, the ARN, the attachment resource). */
  readonly range: Range;
  readonly via: 'inline' | 'customer-managed' | 'aws-managed';
  /** The attachment is written in another file of the Terraform module: `range` is an offset into that file. */
  readonly elsewhere?: SourceFile;
  /** The `Fn::If` branches the attachment is written in (`Condition=index`; see branchChoices). */
  readonly when?: readonly string[];
}

export interface IamPrincipal {
  readonly id: string;
  readonly kind: PrincipalKind;
  /** `AWS::IAM::Role App`, `aws_iam_role.app`, `Serverless function role`. */
  readonly label: string;
  /** Its name token (logical id, block label). */
  readonly range: Range;
  /** Defined in the scanned document (a module sibling's principal is not reported here). */
  readonly local: boolean;
  /**
   * Not declared in the module at all (`role = var.role_name`, a literal name, `data.aws_iam_role.x.name`,
   * `module.x.role_name`): known only through what this module attaches to it.
   */
  readonly external?: boolean;
  readonly policies: AttachedPolicy[];
  /** A user's groups (their policies apply to it). */
  readonly groups: IamPrincipal[];
  /** The role's trust policy. */
  trust?: PolicyDocument;
  /** Services that may assume the role (`ec2.amazonaws.com` …), from its trust policy or its kind (SAM, Serverless). */
  readonly assumedBy: string[];
  /** Compute resources that carry the role (instances, launch templates, functions, tasks …). */
  readonly carriers: string[];
  /** Some attached policy is not known (a variable ARN, a policy of another stack). */
  unknownPolicies: boolean;
  /** A role a framework creates (SAM functions, Serverless): its policies are written the framework's way. */
  readonly implicit?: boolean;
}

export interface IamModel {
  /** Every policy document of the scanned document, once each, in source order. */
  readonly documents: readonly PolicyDocument[];
  readonly principals: readonly IamPrincipal[];
  /** The principals a document reaches. */
  principalsOf(document: PolicyDocument): readonly IamPrincipal[];
}

// ---------------------------------------------------------------------------------------
// AWS managed policies

/** `arn:aws:iam::aws:policy/…`, any partition, or with the partition as a placeholder. */
const MANAGED_ARN = /^arn:(?:aws|aws-cn|aws-us-gov|aws-iso(?:-[a-z])?|\$\{[^}]+\}):iam::aws:policy\/((?:[\w+=,.@-]+\/)*)([\w+=,.@-]+)$/;

const managedCache = new Map<string, PolicyDocument | null>();

/** An AWS managed policy from the snapshot, by ARN text (or SAM's bare name), with every range at `at`. */
export function awsManagedPolicy(arnOrName: string, at: Range): PolicyDocument | undefined {
  const m = MANAGED_ARN.exec(arnOrName.trim());
  const name = m ? (m[2] as string) : /^[\w+=,.@-]+$/.test(arnOrName) ? arnOrName : undefined;
  if (!name) return undefined;
  const entry = loadManagedPoliciesFile().policies[name];
  if (!entry) return undefined;
  const key = `${name}\0${at.start}\0${at.end}`;
  const cached = managedCache.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const doc = policyFromPlain(entry.d, { kind: 'identity', label: `AWS managed policy ${name}`, range: at, managed: name }, at) ?? null;
  if (managedCache.size > 5000) managedCache.clear();
  managedCache.set(key, doc);
  return doc ?? undefined;
}

/** Whether an AWS managed policy (by name) lives under `/service-role/`: written by AWS for a service's role. */
export function isServiceRolePolicy(name: string | undefined): boolean {
  return name !== undefined && loadManagedPoliciesFile().policies[name]?.p.startsWith('service-role/') === true;
}

/** Whether a value is an AWS managed policy ARN whose name the snapshot does not know (still an AWS managed policy). */
function isManagedArnText(s: string | undefined): boolean {
  return s !== undefined && MANAGED_ARN.test(s.trim());
}

/** Text of a string value, placeholders kept (an ARN with `${AWS::Partition}` is still readable). */
function textOf(v: IacValue | undefined): string | undefined {
  return v?.kind === 'string' ? v.value : knownString(v);
}

// ---------------------------------------------------------------------------------------
// Policies of the other files of a Terraform module

const foreignDocs = new WeakMap<IacValue, Map<string, PolicyDocument | null>>();

/**
 * policyFromValue, once per value and description for a policy written in another file of the
 * module: every file of a module is a document of its own whose model reads the policies of
 * the whole module, and a sibling's attribute values are the same objects in each
 * (src/parsers/terraform.ts keeps the sibling files of a directory, each attribute caches its
 * value), so the documents built from them are too. Nothing changes a document once built.
 */
function policyOfValue(value: IacValue, meta: PolicyMeta): PolicyDocument | undefined {
  if (!meta.foreign || !meta.elsewhere) return policyFromValue(value, meta);
  const key = `${meta.kind}\0${meta.label}\0${meta.range.start}:${meta.range.end}\0${meta.elsewhere.absPath}`;
  let byMeta = foreignDocs.get(value);
  if (!byMeta) foreignDocs.set(value, (byMeta = new Map()));
  const hit = byMeta.get(key);
  if (hit !== undefined) return hit ?? undefined;
  const doc = policyFromValue(value, meta);
  byMeta.set(key, doc ?? null);
  return doc;
}

// ---------------------------------------------------------------------------------------
// The model under construction

class Builder {
  readonly documents: PolicyDocument[] = [];
  readonly principals: IamPrincipal[] = [];
  private readonly seen = new Map<string, PolicyDocument>();
  readonly reach = new Map<PolicyDocument, IamPrincipal[]>();

  /** Registers a document once (the same data source or managed policy may be attached many times). */
  add(doc: PolicyDocument | undefined): PolicyDocument | undefined {
    if (!doc) return undefined;
    if (doc.managed || doc.foreign) return doc;
    const first = doc.statements[0];
    const key = `${doc.kind}\0${doc.range.start}\0${first ? `${first.range.start}:${first.range.end}` : 'none'}`;
    const prev = this.seen.get(key);
    if (prev) return prev;
    this.seen.set(key, doc);
    this.documents.push(doc);
    return doc;
  }

  principal(init: Omit<IamPrincipal, 'policies' | 'groups' | 'assumedBy' | 'carriers' | 'unknownPolicies'> & Partial<Pick<IamPrincipal, 'assumedBy' | 'carriers' | 'implicit' | 'unknownPolicies'>>): IamPrincipal {
    const p: IamPrincipal = { policies: [], groups: [], assumedBy: [], carriers: [], unknownPolicies: false, ...init };
    this.principals.push(p);
    return p;
  }

  attach(p: IamPrincipal, doc: PolicyDocument | undefined, range: Range, via: AttachedPolicy['via'], elsewhere?: SourceFile, when?: readonly string[]): void {
    if (!doc) {
      p.unknownPolicies = true;
      return;
    }
    p.policies.push({ document: doc, range, via, ...(elsewhere ? { elsewhere } : {}), ...(when && when.length > 0 ? { when } : {}) });
    const list = this.reach.get(doc);
    if (list) {
      if (!list.includes(p)) list.push(p);
    } else this.reach.set(doc, [p]);
  }

  model(): IamModel {
    const documents = [...this.documents].sort((a, b) => a.range.start - b.range.start);
    return { documents, principals: this.principals, principalsOf: (d) => this.reach.get(d) ?? [] };
  }
}

/** Service principals of a trust policy's Allow statements. */
function trustedServices(trust: PolicyDocument | undefined): string[] {
  const out: string[] = [];
  for (const st of trust?.statements ?? []) {
    if (st.effect !== 'Allow') continue;
    for (const s of st.principal?.types.get('Service')?.items ?? []) if (s.state !== 'unknown' && s.value) out.push(s.value.replace(/\$\{AWS::URLSuffix\}/g, 'amazonaws.com'));
  }
  return out;
}

/** Compute resources that carry a role: through instance profiles, or directly (functions, tasks, projects …). */
function carriersOf(graph: ResourceGraph, role: GraphNode): string[] {
  const out = new Set<string>();
  for (const r of graph.referrers(role)) {
    if (r.kind === 'instance-profile') {
      for (const c of graph.referrers(r)) if (c.kind !== 'other' && c.kind !== 'instance-profile') out.add(describeNode(c));
    } else if (!['policy', 'policy-attachment', 'role', 'user', 'group', 'group-membership', 'other'].includes(r.kind) || /Lambda|lambda|ECS|ecs|CodeBuild|codebuild|Batch|batch|Glue|glue|SageMaker|sagemaker|StepFunctions|sfn|AppRunner|apprunner/.test(r.type)) {
      if (!/Policy|policy_attachment|_policy$|InstanceProfile|instance_profile/.test(r.type)) out.add(describeNode(r));
    }
  }
  return [...out].sort();
}

// ---------------------------------------------------------------------------------------
// CloudFormation

/** Resource policies: type → property holding the document. */
const CFN_RESOURCE_POLICIES: Readonly<Record<string, string>> = {
  'AWS::S3::BucketPolicy': 'PolicyDocument',
  'AWS::S3::AccessPoint': 'Policy',
  'AWS::S3ObjectLambda::AccessPointPolicy': 'PolicyDocument',
  'AWS::SQS::QueuePolicy': 'PolicyDocument',
  'AWS::SNS::TopicPolicy': 'PolicyDocument',
  'AWS::KMS::Key': 'KeyPolicy',
  'AWS::KMS::ReplicaKey': 'KeyPolicy',
  'AWS::ECR::Repository': 'RepositoryPolicyText',
  'AWS::ECR::RegistryPolicy': 'PolicyText',
  'AWS::SecretsManager::ResourcePolicy': 'ResourcePolicy',
  'AWS::Events::EventBusPolicy': 'Statement',
  'AWS::OpenSearchService::Domain': 'AccessPolicies',
  'AWS::Elasticsearch::Domain': 'AccessPolicies',
  'AWS::EFS::FileSystem': 'FileSystemPolicy',
  'AWS::Backup::BackupVault': 'AccessPolicy',
  'AWS::ApiGateway::RestApi': 'Policy',
  'AWS::Logs::ResourcePolicy': 'PolicyDocument',
  'AWS::Glue::ResourcePolicy': 'PolicyInJson',
  'AWS::CodeArtifact::Domain': 'PermissionsPolicyDocument',
  'AWS::CodeArtifact::Repository': 'PermissionsPolicyDocument',
  'AWS::Lambda::LayerVersionPermission': '',
  'AWS::S3Express::BucketPolicy': 'PolicyDocument',
  'AWS::IoT::Policy': '',
};

function cfnModel(doc: SourceDocument, graph: ResourceGraph, b: Builder): void {
  const props = (n: GraphNode) => n.cfn?.properties;
  const byName = new Map<string, GraphNode>();
  for (const n of graph.nodes) {
    const nameKey = n.kind === 'role' ? 'RoleName' : n.kind === 'user' ? 'UserName' : n.kind === 'group' ? 'GroupName' : n.type === 'AWS::IAM::ManagedPolicy' ? 'ManagedPolicyName' : undefined;
    const name = nameKey ? knownString(mapGet(props(n), nameKey)) : undefined;
    if (name) byName.set(`${n.kind}:${name}`, n);
  }
  const principals = new Map<string, IamPrincipal>();
  const targetOf = (v: IacValue, kind: PrincipalKind): IamPrincipal | undefined => {
    if (v.kind === 'ref') return principals.get(v.target);
    const s = knownString(v);
    if (s !== undefined) {
      const n = byName.get(`${kind}:${s}`) ?? byName.get(`${kind}:${s.split('/').pop()}`);
      return n ? principals.get(n.id) : undefined;
    }
    if (v.kind === 'string' && v.hasPlaceholders) {
      const m = /^\$\{([A-Za-z0-9]+)(?:\.[A-Za-z]+)?\}$/.exec(v.value);
      if (m) return principals.get(m[1] as string);
    }
    return undefined;
  };
  const label = (n: GraphNode, what: string) => `${describeNode(n)}${what ? ` (${what})` : ''}`;

  // Principals first, so that policies can attach to them in any order.
  for (const n of graph.nodes) {
    if (n.kind === 'role' || n.kind === 'user' || n.kind === 'group') {
      principals.set(n.id, b.principal({ id: n.id, kind: n.kind, label: describeNode(n), range: n.nameRange, local: true }));
    } else if (n.type === 'AWS::Serverless::Function' || n.type === 'AWS::Serverless::StateMachine') {
      // SAM creates the role unless `Role` is given.
      if (mapGet(props(n), 'Role') === undefined) {
        const service = n.type === 'AWS::Serverless::Function' ? 'lambda.amazonaws.com' : 'states.amazonaws.com';
        principals.set(n.id, b.principal({ id: n.id, kind: 'role', label: `the role SAM creates for ${describeNode(n)}`, range: n.nameRange, local: true, assumedBy: [service], carriers: [describeNode(n)], implicit: true }));
      }
    }
  }
  const managedArns = (p: IamPrincipal, value: IacValue | undefined) => {
    for (const arn of branchItems(value)) attachArn(b, graph, p, arn, (t) => targetPolicy(t));
  };
  const customer = new Map<string, PolicyDocument | undefined>();
  const targetPolicy = (n: GraphNode): PolicyDocument | undefined => {
    if (customer.has(n.id)) return customer.get(n.id);
    const d = b.add(policyFromValue(mapGet(props(n), 'PolicyDocument'), { kind: 'identity', label: label(n, ''), range: n.nameRange }));
    customer.set(n.id, d);
    return d;
  };

  for (const n of graph.nodes) {
    const p = props(n);
    const principal = principals.get(n.id);
    if (principal && (n.kind === 'role' || n.kind === 'user' || n.kind === 'group')) {
      // `branchItems`: an `Fn::If` around the list or an item contributes each branch's policies.
      for (const pol of branchItems(mapGet(p, 'Policies'))) {
        const name = knownString(mapGet(pol, 'PolicyName'));
        const entry = mapEntry(pol, 'PolicyDocument');
        const d = b.add(policyFromValue(entry?.value, { kind: 'identity', label: label(n, `inline policy${name ? ` ${name}` : ''}`), range: entry?.keyRange ?? n.nameRange }));
        b.attach(principal, d, entry?.keyRange ?? n.nameRange, 'inline', undefined, branchChoices(pol));
      }
      const policies = mapGet(p, 'Policies');
      if (policies && policies.kind !== 'list' && !(policies.kind === 'unknown' && policies.alternatives)) principal.unknownPolicies = true;
      managedArns(principal, mapGet(p, 'ManagedPolicyArns'));
      if (n.kind === 'role') {
        const trust = mapEntry(p, 'AssumeRolePolicyDocument');
        const t = b.add(policyFromValue(trust?.value, { kind: 'trust', label: label(n, 'trust policy'), range: trust?.keyRange ?? n.nameRange }));
        if (t) principal.trust = t;
        principal.assumedBy.push(...trustedServices(t));
        principal.carriers.push(...carriersOf(graph, n));
      }
      if (n.kind === 'user') for (const g of branchItems(mapGet(p, 'Groups'))) { const gp = targetOf(g, 'group'); if (gp) principal.groups.push(gp); }
      continue;
    }
    if (principal && (n.type === 'AWS::Serverless::Function' || n.type === 'AWS::Serverless::StateMachine')) {
      samPolicies(b, graph, principal, mapEntry(p, 'Policies'), n);
      continue;
    }
    if (n.type === 'AWS::IAM::Policy' || n.type === 'AWS::IAM::ManagedPolicy' || n.type === 'AWS::IAM::RolePolicy' || n.type === 'AWS::IAM::UserPolicy' || n.type === 'AWS::IAM::GroupPolicy') {
      const d = targetPolicy(n);
      const via = n.type === 'AWS::IAM::ManagedPolicy' ? 'customer-managed' : 'inline';
      for (const [key, kind] of [['Roles', 'role'], ['Users', 'user'], ['Groups', 'group'], ['RoleName', 'role'], ['UserName', 'user'], ['GroupName', 'group']] as const) {
        for (const v of branchItems(mapGet(p, key))) {
          const target = targetOf(v, kind);
          if (target) b.attach(target, d, n.nameRange, via, undefined, branchChoices(v));
        }
      }
      continue;
    }
    if (n.type === 'AWS::IAM::UserToGroupAddition') {
      const group = targetOf(mapGet(p, 'GroupName') ?? { kind: 'null', range: n.nameRange }, 'group');
      if (group) for (const u of branchItems(mapGet(p, 'Users'))) targetOf(u, 'user')?.groups.push(group);
      continue;
    }
    const key = CFN_RESOURCE_POLICIES[n.type];
    if (key) {
      const entry = mapEntry(p, key);
      if (entry) b.add(policyFromValue(entry.value, { kind: 'resource', label: label(n, key), range: entry.keyRange }));
      else if (n.type === 'AWS::Events::EventBusPolicy' && p) {
        // The legacy form: Principal/Action/Condition as properties of the resource.
        void p;
      }
    }
  }
  void doc;
}

/** SAM `Policies`: a managed policy name or ARN, an inline document, a list of those, or policy templates. */
function samPolicies(b: Builder, graph: ResourceGraph, p: IamPrincipal, entry: ReturnType<typeof mapEntry>, n: GraphNode): void {
  if (!entry) return;
  const v = entry.value;
  if (v.kind === 'map' && mapGet(v, 'Statement')) {
    b.attach(p, b.add(policyFromValue(v, { kind: 'identity', label: `${describeNode(n)} (Policies)`, range: entry.keyRange })), entry.keyRange, 'inline');
    return;
  }
  for (const item of branchItems(v)) {
    if (item.kind === 'map' && mapGet(item, 'Statement')) {
      b.attach(p, b.add(policyFromValue(item, { kind: 'identity', label: `${describeNode(n)} (Policies)`, range: item.range })), item.range, 'inline');
    } else if (item.kind === 'map' && item.entries.length === 1) {
      // A policy template: `- S3ReadPolicy: { BucketName: !Ref B }`.
      const t = item.entries[0]!;
      const statements = samPolicyTemplate(t.key, t.value, t.keyRange);
      if (statements === undefined) p.unknownPolicies = true;
      else b.attach(p, b.add(policyFromStatements(statements, { kind: 'identity', label: `${describeNode(n)} (SAM policy template ${t.key})`, range: t.keyRange })), t.keyRange, 'aws-managed');
    } else attachArn(b, graph, p, item, () => undefined);
  }
}

/** Attaches a managed policy given by ARN/name value: AWS managed (snapshot), a policy of the file, or unknown. */
function attachArn(b: Builder, graph: ResourceGraph, p: IamPrincipal, arn: IacValue, local: (n: GraphNode) => PolicyDocument | undefined, extra?: (v: IacValue) => string | undefined, elsewhere?: SourceFile): void {
  const text = textOf(arn) ?? extra?.(arn);
  const range = valueTokenRange(arn);
  const when = branchChoices(arn);
  if (text !== undefined) {
    const m = awsManagedPolicy(text, range);
    if (m) return b.attach(p, m, range, 'aws-managed', elsewhere, when);
    if (isManagedArnText(text)) return b.attach(p, undefined, range, 'aws-managed', elsewhere);
  }
  const r = graph.resolve(arn);
  if (r?.state === 'node' && (r.node.kind === 'policy' || r.node.type === 'AWS::IAM::ManagedPolicy')) return b.attach(p, local(r.node), range, 'customer-managed', elsewhere, when);
  b.attach(p, undefined, range, 'customer-managed', elsewhere);
}

// ---------------------------------------------------------------------------------------
// Terraform

const TF_RESOURCE_POLICIES: Readonly<Record<string, string>> = {
  aws_s3_bucket_policy: 'policy',
  aws_s3_bucket: 'policy',
  aws_s3_access_point: 'policy',
  aws_s3control_access_point_policy: 'policy',
  aws_sqs_queue_policy: 'policy',
  aws_sqs_queue: 'policy',
  aws_sns_topic_policy: 'policy',
  aws_sns_topic: 'policy',
  aws_kms_key: 'policy',
  aws_kms_key_policy: 'policy',
  aws_kms_replica_key: 'policy',
  aws_ecr_repository_policy: 'policy',
  aws_ecr_registry_policy: 'policy',
  aws_ecrpublic_repository_policy: 'policy',
  aws_secretsmanager_secret_policy: 'policy',
  aws_secretsmanager_secret: 'policy',
  aws_opensearch_domain_policy: 'access_policies',
  aws_opensearch_domain: 'access_policies',
  aws_elasticsearch_domain_policy: 'access_policies',
  aws_elasticsearch_domain: 'access_policies',
  aws_efs_file_system_policy: 'policy',
  aws_glacier_vault: 'access_policy',
  aws_backup_vault_policy: 'policy',
  aws_api_gateway_rest_api_policy: 'policy',
  aws_api_gateway_rest_api: 'policy',
  aws_cloudwatch_log_resource_policy: 'policy_document',
  aws_cloudwatch_event_bus_policy: 'policy',
  aws_glue_resource_policy: 'policy',
  aws_codeartifact_domain_permissions_policy: 'policy_document',
  aws_codeartifact_repository_permissions_policy: 'policy_document',
  aws_media_store_container_policy: 'policy',
  aws_vpc_endpoint_policy: 'policy',
  aws_vpc_endpoint: 'policy',
};

function tfModel(doc: SourceDocument, graph: ResourceGraph, b: Builder): void {
  const file = parseTerraform(doc);
  const mod = moduleOf(file);
  const attr = (n: GraphNode, name: string) => (n.tf as TfBlock).attribute(name);
  const principals = new Map<string, IamPrincipal>();
  const byName = new Map<string, IamPrincipal>();
  for (const n of graph.nodes) {
    const kind = n.type === 'aws_iam_role' ? 'role' : n.type === 'aws_iam_user' ? 'user' : n.type === 'aws_iam_group' ? 'group' : undefined;
    if (!kind) continue;
    const p = b.principal({ id: n.id, kind, label: describeNode(n), range: n.nameRange, local: n.local });
    principals.set(n.id, p);
    // The name as written, interpolations kept: `role = "app-${var.env}"` names the role whose `name` is that same text.
    const name = textOf(attr(n, 'name')?.value());
    if (name) byName.set(`${kind}:${name}`, p);
  }
  /** The file a node is written in, when that is not the scanned one (its ranges are offsets there). */
  const elsewhere = (n: GraphNode): SourceFile | undefined => (n.local ? undefined : { absPath: (n.tf as TfBlock).file.path, text: (n.tf as TfBlock).file.text });
  const targetOf = (v: IacValue | undefined, kind: PrincipalKind): IamPrincipal | undefined => {
    if (!v) return undefined;
    const r = graph.resolve(v);
    if (r?.state === 'node') return principals.get(r.node.id);
    const s = textOf(v);
    return s !== undefined ? byName.get(`${kind}:${s}`) : undefined;
  };
  const external = new Map<string, IamPrincipal>();
  /**
   * The principal an attachment names: one of the module, or — a role, user or group the
   * module does not declare (`var.role_name`, `"legacy"`, `data.aws_iam_role.x.name`,
   * `module.x.role_name`, `local.x`) — one known only by that name, which every attachment
   * naming it the same way shares. Named by its expression; one that depends on
   * `each`/`count` is its own per block.
   */
  const principalOf = (n: GraphNode, v: IacValue | undefined, kind: PrincipalKind, whole: string): IamPrincipal | undefined => {
    if (!v || v.kind === 'null') return undefined;
    const local = targetOf(v, kind);
    if (local) return local;
    const text = (n.tf as TfBlock).file.text;
    const written = v.range.end > v.range.start && v.range.end <= text.length ? text.slice(v.range.start, v.range.end).trim() : whole;
    const expr = (written.length > 0 && written.length <= 200 ? written : whole).replace(/\s+/g, ' ');
    const name = expr.replace(/^(data\.aws_iam_(?:role|user|group)\.[\w-]+(?:\[[^\]]*\])?)\.(?:name|id|arn|unique_id)$/, '$1');
    const key = `${kind}:${/\b(?:each|count)\./.test(name) ? `${n.id}:` : ''}${name}`;
    let p = external.get(key);
    if (!p) {
      p = b.principal({ id: `external:${key}`, kind, label: `${kind} ${name}`, range: valueTokenRange(v), local: false, external: true, unknownPolicies: true });
      external.set(key, p);
    }
    return p;
  };
  const docOf = (n: GraphNode, name: string, kind: PolicyKind, what: string) => {
    const a = attr(n, name);
    if (!a) return undefined;
    const range = n.local ? a.nameRange : n.nameRange;
    const where = elsewhere(n);
    return b.add(policyOfValue(a.value(), { kind, label: `${describeNode(n)}${what ? ` (${what})` : ''}`, range, ...(where ? { foreign: true, elsewhere: where } : {}) }));
  };
  const customer = new Map<string, PolicyDocument | undefined>();
  const customerPolicy = (n: GraphNode) => {
    if (!customer.has(n.id)) customer.set(n.id, docOf(n, 'policy', 'identity', ''));
    return customer.get(n.id);
  };
  /** `data.aws_iam_policy.x.arn` with a literal `arn` or `name` in the data block. */
  const dataPolicyArn = (v: IacValue): string | undefined => {
    const m = v.kind === 'unknown' && v.label ? /^data\.aws_iam_policy\.([\w-]+)\.arn$/.exec(v.label) : null;
    if (!m) return undefined;
    const block = mod.data.get(`aws_iam_policy.${m[1]}`);
    const arn = textOf(block?.attribute('arn')?.value());
    if (arn) return arn;
    const name = knownString(block?.attribute('name')?.value());
    return name ? `arn:aws:iam::aws:policy/${name}` : undefined;
  };
  const attachArns = (p: IamPrincipal, v: IacValue | undefined, n: GraphNode) => {
    const where = elsewhere(n);
    for (const arn of v?.kind === 'list' ? v.items : v ? [v] : []) attachArn(b, graph, p, arn, customerPolicy, dataPolicyArn, where);
    if (v && v.kind !== 'list' && v.kind !== 'string') p.unknownPolicies = true;
  };

  for (const n of graph.nodes) {
    const block = n.tf as TfBlock;
    const p = principals.get(n.id);
    if (p) {
      for (const ip of block.blocks('inline_policy')) {
        const a = ip.attribute('policy');
        const name = knownString(ip.attribute('name')?.value());
        const where = elsewhere(n);
        const d = a ? b.add(policyOfValue(a.value(), { kind: 'identity', label: `${describeNode(n)} (inline_policy${name ? ` ${name}` : ''})`, range: n.local ? a.nameRange : n.nameRange, ...(where ? { foreign: true, elsewhere: where } : {}) })) : undefined;
        if (a) b.attach(p, d, n.local ? a.nameRange : n.nameRange, 'inline', where);
      }
      if (block.blocks('dynamic').some((d) => d.labels[0]?.value === 'inline_policy')) p.unknownPolicies = true;
      attachArns(p, attr(n, 'managed_policy_arns')?.value(), n);
      if (n.type === 'aws_iam_role') {
        const t = docOf(n, 'assume_role_policy', 'trust', 'assume_role_policy');
        if (t) p.trust = t;
        p.assumedBy.push(...trustedServices(t));
        p.carriers.push(...carriersOf(graph, n));
      }
      continue;
    }
    switch (n.type) {
      case 'aws_iam_policy':
        customerPolicy(n);
        break;
      case 'aws_iam_role_policy':
      case 'aws_iam_user_policy':
      case 'aws_iam_group_policy': {
        const kind = n.type === 'aws_iam_role_policy' ? 'role' : n.type === 'aws_iam_user_policy' ? 'user' : 'group';
        const d = docOf(n, 'policy', 'identity', '');
        const a = attr(n, kind);
        const target = principalOf(n, a?.value(), kind, a?.source() ?? '');
        if (target) b.attach(target, d, n.nameRange, 'inline', elsewhere(n));
        break;
      }
      case 'aws_iam_role_policy_attachment':
      case 'aws_iam_user_policy_attachment':
      case 'aws_iam_group_policy_attachment': {
        const kind = n.type === 'aws_iam_role_policy_attachment' ? 'role' : n.type === 'aws_iam_user_policy_attachment' ? 'user' : 'group';
        const a = attr(n, kind);
        const target = principalOf(n, a?.value(), kind, a?.source() ?? '');
        if (target) attachArns(target, attr(n, 'policy_arn')?.value(), n);
        break;
      }
      case 'aws_iam_role_policy_attachments_exclusive':
      case 'aws_iam_user_policy_attachments_exclusive':
      case 'aws_iam_group_policy_attachments_exclusive': {
        const kind = n.type === 'aws_iam_role_policy_attachments_exclusive' ? 'role' : n.type === 'aws_iam_user_policy_attachments_exclusive' ? 'user' : 'group';
        const a = attr(n, `${kind}_name`);
        const target = principalOf(n, a?.value(), kind, a?.source() ?? '');
        if (target) attachArns(target, attr(n, 'policy_arns')?.value(), n);
        break;
      }
      case 'aws_iam_policy_attachment':
        for (const [key, kind] of [['roles', 'role'], ['users', 'user'], ['groups', 'group']] as const) {
          const a = attr(n, key);
          const v = a?.value();
          // `roles = var.roles`: nobody known to attach to (the policy is still judged on its own).
          if (v?.kind !== 'list') continue;
          for (const item of v.items) {
            const target = principalOf(n, item, kind, a?.source() ?? '');
            if (target) attachArns(target, attr(n, 'policy_arn')?.value(), n);
          }
        }
        break;
      case 'aws_iam_group_membership': {
        const group = targetOf(attr(n, 'group')?.value(), 'group');
        if (group) for (const u of asList(attr(n, 'users')?.value())) targetOf(u, 'user')?.groups.push(group);
        break;
      }
      case 'aws_iam_user_group_membership': {
        const user = targetOf(attr(n, 'user')?.value(), 'user');
        if (user) for (const g of asList(attr(n, 'groups')?.value())) { const gp = targetOf(g, 'group'); if (gp) user.groups.push(gp); }
        break;
      }
      default: {
        const key = TF_RESOURCE_POLICIES[n.type];
        if (key) docOf(n, key, 'resource', key);
      }
    }
  }
  // `data "aws_iam_policy_document"` blocks of the scanned file that nothing above consumed:
  // still policies someone will use (through a module output, a variable of another module).
  for (const blk of file.blocks) {
    if (blk.type !== 'data' || blk.labels[0]?.value !== 'aws_iam_policy_document' || !blk.labels[1]) continue;
    const value = terraformPolicyDocument(blk);
    if (!value) continue;
    const hasPrincipals = blk.blocks('statement').some((s) => s.blocks('principals').length > 0 || s.blocks('not_principals').length > 0);
    const assume = hasPrincipals && /sts:AssumeRole/i.test(blk.blocks('statement').map((s) => s.attribute('actions')?.source() ?? '').join(' '));
    b.add(policyFromValue(value, { kind: assume ? 'trust' : hasPrincipals ? 'resource' : 'identity', label: `data.aws_iam_policy_document.${blk.labels[1].value}`, range: blk.labels[1].range }));
  }
}

// ---------------------------------------------------------------------------------------
// Policy JSON files and Serverless Framework

/** A standalone policy document: a JSON (or YAML) file whose top level has `Statement` (and usually `Version`). */
function policyFileModel(doc: SourceDocument, b: Builder): void {
  const [root] = parseYamlDocuments(doc);
  if (root?.kind !== 'map') return;
  const st = mapGet(root, 'Statement');
  if (!st || (st.kind !== 'list' && st.kind !== 'map')) return;
  const statements = asList(st);
  // A trust or resource policy names principals.
  const principal = statements.some((s) => mapGet(s, 'Principal') !== undefined || mapGet(s, 'NotPrincipal') !== undefined);
  const assume = principal && statements.every((s) => asList(mapGet(s, 'Action')).some((a) => /^sts:(?:AssumeRole|AssumeRoleWith\w+|TagSession|SetSourceIdentity|\*)$/i.test(knownString(a) ?? '')));
  const name = baseName(doc.path);
  b.add(policyFromValue(markPlaceholders(root) as IacMap, { kind: assume ? 'trust' : principal ? 'resource' : 'identity', label: name, range: mapEntry(root, 'Statement')!.keyRange }));
}

/** Plain YAML has no intrinsics: `${…}` (Serverless variables, templating) marks a partly known value. */
function markPlaceholders(v: IacValue): IacValue {
  if (v.kind === 'string') return v.value.includes('${') || v.value.includes('{{') ? { ...v, hasPlaceholders: true } : v;
  if (v.kind === 'list') return { ...v, items: v.items.map(markPlaceholders) };
  if (v.kind === 'map') {
    // CloudFormation intrinsics written in Serverless `resources`/statements (`Fn::GetAtt`, `Ref`): not known here.
    if (v.entries.length === 1 && /^(?:Ref|Fn::\w+)$/.test(v.entries[0]!.key)) return { kind: 'unknown', reason: 'dynamic', range: v.range, label: v.entries[0]!.key };
    return { ...v, entries: v.entries.map((e) => ({ ...e, value: markPlaceholders(e.value) })) };
  }
  return v;
}

const SERVERLESS_NAME = /^serverless(?:\.[\w-]+)?\.ya?ml$/i;

function serverlessModel(root: IacValue, b: Builder): void {
  const provider = mapGet(root, 'provider');
  const p = b.principal({ id: 'serverless:provider', kind: 'role', label: 'the Serverless Framework provider role', range: mapEntry(root, 'provider')?.keyRange ?? root.range, local: true, assumedBy: ['lambda.amazonaws.com'], implicit: true });
  const functions = mapGet(root, 'functions');
  for (const f of functions?.kind === 'map' ? functions.entries : []) p.carriers.push(`Serverless function ${f.key}`);
  const statementsAt = (owner: IamPrincipal, entry: ReturnType<typeof mapEntry>, what: string) => {
    if (!entry) return;
    const v = markPlaceholders(entry.value);
    if (v.kind !== 'list') {
      owner.unknownPolicies = true;
      return;
    }
    b.attach(owner, b.add(policyFromStatements(v.items, { kind: 'identity', label: what, range: entry.keyRange })), entry.keyRange, 'inline');
  };
  const role = getEntryPath(provider, ['iam', 'role']);
  if (role && role.value.kind !== 'map') p.unknownPolicies = true; // `iam.role: arn:…` — an existing role
  statementsAt(p, getEntryPath(provider, ['iam', 'role', 'statements']), 'provider.iam.role.statements');
  statementsAt(p, mapEntry(provider, 'iamRoleStatements'), 'provider.iamRoleStatements');
  for (const arns of [getEntryPath(provider, ['iam', 'role', 'managedPolicies']), mapEntry(provider, 'iamManagedPolicies')]) {
    if (!arns) continue;
    for (const arn of asList(markPlaceholders(arns.value))) {
      const text = textOf(arn);
      const range = valueTokenRange(arn);
      const m = text !== undefined ? awsManagedPolicy(text, range) : undefined;
      b.attach(p, m, range, 'aws-managed');
    }
  }
  // serverless-iam-roles-per-function: a role per function.
  for (const f of functions?.kind === 'map' ? functions.entries : []) {
    const entry = mapEntry(f.value, 'iamRoleStatements');
    if (!entry) continue;
    const fp = b.principal({ id: `serverless:function:${f.key}`, kind: 'role', label: `the role of Serverless function ${f.key}`, range: f.keyRange, local: true, assumedBy: ['lambda.amazonaws.com'], carriers: [`Serverless function ${f.key}`], implicit: true });
    statementsAt(fp, entry, `functions.${f.key}.iamRoleStatements`);
  }
}

function getEntryPath(v: IacValue | undefined, path: readonly string[]): ReturnType<typeof mapEntry> {
  let cur = v;
  let entry: ReturnType<typeof mapEntry>;
  for (const step of path) {
    entry = mapEntry(cur, step);
    if (!entry) return undefined;
    cur = entry.value;
  }
  return entry;
}

// ---------------------------------------------------------------------------------------
// AWS CDK (TypeScript/JavaScript): read by src/js/cdk-iam.ts on the file's syntax tree

function cdkModel(doc: SourceDocument, b: Builder): void {
  // Only files that import CDK are parsed for this (the rules' keywords are shared with YAML/HCL).
  if (!CDK_KEYWORDS.test(doc.text)) return;
  const program = programFor(doc);
  if (!program) return;
  const cdk = cdkIamModel(program, doc.text);
  for (const d of cdk.documents) b.add(d);
  const made = new Map<(typeof cdk.principals)[number], IamPrincipal>();
  for (const c of cdk.principals) {
    const p = b.principal({ id: c.id, kind: c.kind, label: c.label, range: c.range, local: true, assumedBy: c.assumedBy, carriers: c.carriers, ...(c.implicit ? { implicit: true } : {}) });
    if (c.trust) p.trust = b.add(c.trust);
    if (c.unknownPolicies) p.unknownPolicies = true;
    made.set(c, p);
  }
  for (const c of cdk.principals) {
    const p = made.get(c)!;
    for (const g of c.groups) p.groups.push(made.get(g)!);
    for (const a of c.attachments) {
      if (a.document) b.attach(p, b.add(a.document), a.range, a.via);
      else b.attach(p, a.managedArn !== undefined ? awsManagedPolicy(a.managedArn, a.range) : undefined, a.range, a.via);
    }
  }
}

// ---------------------------------------------------------------------------------------
// Entry point

const models = new WeakMap<SourceDocument, IamModel | null>();

/** Quick test before any parse: could this document hold a policy at all? */
export const POLICY_KEYWORDS = /Statement|statement|ManagedPolicyArns|managed_policy_arns|policy_arn|Policies|iamManagedPolicies|managedPolicies|aws_iam_|ManagedPolicy|assumedBy|Principal\(/;

/** Per-kind pre-filters of the IAM rules: in JavaScript only CDK code can declare a policy. */
export const POLICY_KIND_KEYWORDS = { javascript: CDK_KEYWORDS } as const;

/** The IAM model of a document (CloudFormation, Terraform, policy JSON, Serverless, CDK code), built once. */
export function iamModel(doc: SourceDocument): IamModel | undefined {
  const cached = models.get(doc);
  if (cached !== undefined) return cached ?? undefined;
  let model: IamModel | null = null;
  const b = new Builder();
  if (doc.kind === 'cloudformation') {
    const graph = resourceGraph(doc);
    if (graph) cfnModel(doc, graph, b);
    if (SERVERLESS_NAME.test(baseName(doc.path))) {
      const t = parseCloudFormation(doc);
      if (t) serverlessModel(t.root, b);
    }
    model = b.model();
  } else if (doc.kind === 'terraform') {
    const graph = resourceGraph(doc);
    if (graph && graph.format === 'terraform' && !graph.nodes.some((n) => n.plan)) tfModel(doc, graph, b);
    model = b.model();
  } else if (doc.kind === 'text' && (doc.language === 'json' || doc.language === 'yaml')) {
    if (SERVERLESS_NAME.test(baseName(doc.path))) {
      const [root] = parseYamlDocuments(doc);
      if (root?.kind === 'map') serverlessModel(root, b);
    } else if (doc.language === 'json' && /"Statement"\s*:/.test(doc.text)) policyFileModel(doc, b);
    model = b.model();
  } else if (doc.kind === 'javascript') {
    cdkModel(doc, b);
    model = b.model();
  }
  models.set(doc, model);
  return model ?? undefined;
}
