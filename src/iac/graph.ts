// The resource graph of a CloudFormation template or a Terraform module: compute resources
// (instances, launch templates/configurations, spot requests, fleets, Auto Scaling groups),
// instance profiles, roles and their trust and permission policies, IAM users and access
// keys, Lambda functions and ECS task definitions, linked by their references.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2_instance-profiles.html
//
// One model for both formats. References that leave the file or module (parameters and
// variables without a default, `data` sources, `Fn::ImportValue`, other stacks) resolve to
// `unknown` — a rule must treat them as "fine, cannot tell", never as missing.
// The graph is built lazily per document and cached.
import type { SourceDocument } from '../engine/document.js';
import { parseCloudFormation, type CfnResource, type CfnTemplate } from '../parsers/cloudformation.js';
import { looksLikeTerraformPlan, moduleOf, parseTerraform, parseTerraformPlan, type PlanResource, type TfAttribute, type TfBlock, type TfFile } from '../parsers/terraform.js';
import type { IacEntry, IacMap, IacValue, Range } from './value.js';
import { asList, getPath, knownString, mapEntry, mapGet } from './value.js';

export type NodeKind =
  | 'instance'
  | 'launch-template'
  | 'launch-configuration'
  | 'spot-request'
  | 'fleet'
  | 'autoscaling-group'
  | 'instance-profile'
  | 'role'
  | 'policy'
  | 'policy-attachment'
  | 'user'
  | 'group'
  | 'group-membership'
  | 'access-key'
  | 'lambda'
  | 'ecs-task-definition'
  | 'eks-nodegroup'
  | 'batch-compute'
  | 'other';

const CFN_KINDS: Readonly<Record<string, NodeKind>> = {
  'AWS::EC2::Instance': 'instance',
  'AWS::EC2::LaunchTemplate': 'launch-template',
  'AWS::AutoScaling::LaunchConfiguration': 'launch-configuration',
  'AWS::EC2::SpotFleet': 'fleet',
  'AWS::EC2::EC2Fleet': 'fleet',
  'AWS::AutoScaling::AutoScalingGroup': 'autoscaling-group',
  'AWS::IAM::InstanceProfile': 'instance-profile',
  'AWS::IAM::Role': 'role',
  'AWS::IAM::Policy': 'policy',
  'AWS::IAM::ManagedPolicy': 'policy',
  'AWS::IAM::RolePolicy': 'policy',
  'AWS::IAM::User': 'user',
  'AWS::IAM::Group': 'group',
  'AWS::IAM::UserToGroupAddition': 'group-membership',
  'AWS::IAM::UserPolicy': 'policy',
  'AWS::IAM::GroupPolicy': 'policy',
  'AWS::IAM::AccessKey': 'access-key',
  'AWS::Lambda::Function': 'lambda',
  'AWS::Serverless::Function': 'lambda',
  'AWS::ECS::TaskDefinition': 'ecs-task-definition',
  'AWS::EKS::Nodegroup': 'eks-nodegroup',
  'AWS::Batch::ComputeEnvironment': 'batch-compute',
};

const TF_KINDS: Readonly<Record<string, NodeKind>> = {
  aws_instance: 'instance',
  aws_launch_template: 'launch-template',
  aws_launch_configuration: 'launch-configuration',
  aws_spot_instance_request: 'spot-request',
  aws_spot_fleet_request: 'fleet',
  aws_ec2_fleet: 'fleet',
  aws_autoscaling_group: 'autoscaling-group',
  aws_iam_instance_profile: 'instance-profile',
  aws_iam_role: 'role',
  aws_iam_policy: 'policy',
  aws_iam_role_policy: 'policy',
  aws_iam_role_policy_attachment: 'policy-attachment',
  aws_iam_policy_attachment: 'policy-attachment',
  aws_iam_user: 'user',
  aws_iam_group: 'group',
  aws_iam_group_membership: 'group-membership',
  aws_iam_user_group_membership: 'group-membership',
  aws_iam_user_policy: 'policy',
  aws_iam_group_policy: 'policy',
  aws_iam_user_policy_attachment: 'policy-attachment',
  aws_iam_group_policy_attachment: 'policy-attachment',
  aws_iam_access_key: 'access-key',
  aws_lambda_function: 'lambda',
  aws_ecs_task_definition: 'ecs-task-definition',
  aws_eks_node_group: 'eks-nodegroup',
  aws_batch_compute_environment: 'batch-compute',
};

/** An attribute of a node: its value and the ranges to report (the value, and the name). */
export interface NodeAttribute {
  readonly value: IacValue;
  /** Range of the attribute's name/key; equal to the value range when there is none. */
  readonly keyRange: Range;
}

export interface MetadataOptions {
  readonly httpTokens?: NodeAttribute;
  readonly httpEndpoint?: NodeAttribute;
  readonly hopLimit?: NodeAttribute;
  /** Range of the `MetadataOptions` key / `metadata_options` block name. */
  readonly range: Range;
}

export interface GraphNode {
  /** CloudFormation logical id, or Terraform `type.name`. */
  readonly id: string;
  readonly format: 'cloudformation' | 'terraform';
  /** `AWS::EC2::Instance` or `aws_instance`. */
  readonly type: string;
  readonly kind: NodeKind;
  /** The type token: CloudFormation `Type:` value, Terraform block's first label. */
  readonly typeRange: Range;
  /** The logical id key, or the Terraform block's second label. */
  readonly nameRange: Range;
  /** Defined in the scanned document (ranges are reportable); false for module siblings. */
  readonly local: boolean;
  readonly cfn?: CfnResource;
  readonly tf?: TfBlock;
  /** A resource of a Terraform plan (`terraform show -json`): its planned values. */
  readonly plan?: PlanResource;
}

/** A Terraform `module "name" { source = … }` call in the scanned file. */
export interface ModuleCall {
  /** `module.<name>`. */
  readonly id: string;
  readonly nameRange: Range;
  /** The `source` string when it is a literal (Terraform requires one). */
  readonly source?: string;
  readonly block: TfBlock;
}

/** What an instance-profile (or any) reference points at. */
export type Resolution =
  | { readonly state: 'node'; readonly node: GraphNode }
  /** Comes from outside (parameter, variable, import, data source, literal name/ARN of something not in the file). */
  | { readonly state: 'unknown' };

export interface ResourceGraph {
  readonly format: 'cloudformation' | 'terraform';
  readonly nodes: readonly GraphNode[];
  node(id: string): GraphNode | undefined;
  /** Nodes defined in the scanned document. */
  localNodes(kinds?: readonly NodeKind[]): GraphNode[];
  /** A node's attribute by path (CloudFormation property path / Terraform attribute or nested block path). */
  attribute(node: GraphNode, path: readonly string[]): NodeAttribute | undefined;
  /** Resolves a reference value to a node of the graph, or unknown. */
  resolve(value: IacValue | undefined): Resolution | undefined;
  /** The instance profile setting of a compute node (undefined when absent). */
  instanceProfileOf(node: GraphNode): NodeAttribute | undefined;
  /** Launch templates a compute node or group launches from (their references). */
  launchTemplatesOf(node: GraphNode): IacValue[];
  /** The user data text (with placeholders) of a compute node, when known. */
  userDataOf(node: GraphNode): string | undefined;
  metadataOptionsOf(node: GraphNode): MetadataOptions | undefined;
  /** Role references of an instance profile. */
  rolesOf(profile: GraphNode): NodeAttribute[];
  /** The trust policy document of a role, when set. */
  trustPolicyOf(role: GraphNode): NodeAttribute | undefined;
  /** Nodes that reference `target` anywhere in their attributes. */
  referrers(target: GraphNode): GraphNode[];
  /** Every (node, attribute) pair holding a policy document that applies to `role`. */
  policiesOf(role: GraphNode): { node: GraphNode; document: IacValue }[];
  /** Terraform `module` calls of the scanned file (none for CloudFormation and plans). */
  moduleCalls(): ModuleCall[];
}

// ---------------------------------------------------------------------------------------
// Shared helpers

/** How messages name a node: `AWS::EC2::Instance Web` / `aws_instance.web`. */
export function describeNode(node: GraphNode): string {
  return node.format === 'cloudformation' ? `${node.type} ${node.id}` : node.id;
}

function attrOf(entry: IacEntry | undefined): NodeAttribute | undefined {
  return entry ? { value: entry.value, keyRange: entry.keyRange } : undefined;
}

function tfAttr(attr: TfAttribute | undefined): NodeAttribute | undefined {
  return attr ? { value: attr.value(), keyRange: attr.nameRange } : undefined;
}

/** All reference targets found in a value. */
function referencesIn(value: IacValue | undefined, out: Set<string>): void {
  if (!value) return;
  if (value.kind === 'ref') out.add(value.target);
  else if (value.kind === 'list') value.items.forEach((v) => referencesIn(v, out));
  else if (value.kind === 'map') value.entries.forEach((e) => referencesIn(e.value, out));
  else if (value.kind === 'string') {
    if (value.encoded) referencesIn(value.encoded, out);
    // `!Sub '${Role.Arn}'`, `"${aws_iam_role.r.arn}"`: names inside placeholders.
    if (value.hasPlaceholders) for (const m of value.value.matchAll(/\$\{([A-Za-z][\w:-]*(?:\.[\w-]+)?)(?:\.[\w-]+)*\}/g)) out.add((m[1] as string).split('.').slice(0, 2).join('.'));
  }
}

/** Parses a policy given as a JSON string (heredoc, `jsonencode`, `data.aws_iam_policy_document`). */
export function policyDocument(value: IacValue | undefined): IacValue | undefined {
  if (!value) return undefined;
  if (value.kind === 'map') return value;
  if (value.kind === 'string') {
    if (value.encoded) return value.encoded;
    if (value.hasPlaceholders && !value.value.trim().startsWith('{')) return undefined;
    try {
      return plainToValue(JSON.parse(value.value), value.range);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function plainToValue(v: unknown, range: Range): IacValue {
  if (typeof v === 'string') return { kind: 'string', value: v, range, ...(v.includes('${') ? { hasPlaceholders: true } : {}) };
  if (typeof v === 'number') return { kind: 'number', value: v, range };
  if (typeof v === 'boolean') return { kind: 'bool', value: v, range };
  if (v === null || v === undefined) return { kind: 'null', range };
  if (Array.isArray(v)) return { kind: 'list', items: v.map((i) => plainToValue(i, range)), range };
  return { kind: 'map', entries: Object.entries(v as Record<string, unknown>).map(([key, val]) => ({ key, keyRange: range, value: plainToValue(val, range) })), range };
}

// ---------------------------------------------------------------------------------------
// CloudFormation

function cfnGraph(template: CfnTemplate): ResourceGraph {
  const nodes: GraphNode[] = template.resources.map((r) => ({
    id: r.logicalId,
    format: 'cloudformation',
    type: r.type,
    kind: CFN_KINDS[r.type] ?? 'other',
    typeRange: r.typeRange,
    nameRange: r.idRange,
    local: true,
    cfn: r,
  }));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  let cfnReferrers: Map<string, GraphNode[]> | undefined;
  const props = (n: GraphNode) => n.cfn?.properties;
  const attribute = (n: GraphNode, path: readonly string[]): NodeAttribute | undefined => {
    let current: IacValue | undefined = props(n);
    let entry: IacEntry | undefined;
    for (const step of path) {
      entry = mapEntry(current, step);
      if (!entry) return undefined;
      current = entry.value;
    }
    return attrOf(entry);
  };
  const templateData = (n: GraphNode) => (n.kind === 'launch-template' ? 'LaunchTemplateData' : undefined);
  const under = (n: GraphNode, path: string[]) => (templateData(n) ? [templateData(n) as string, ...path] : path);

  const resolve = (value: IacValue | undefined): Resolution | undefined => {
    if (!value) return undefined;
    if (value.kind === 'ref') {
      const node = byId.get(value.target);
      return node ? { state: 'node', node } : { state: 'unknown' };
    }
    if (value.kind === 'map') {
      // A launch template / profile specification: {LaunchTemplateId: !Ref LT} or {Arn: !GetAtt P.Arn}.
      for (const key of ['LaunchTemplateId', 'LaunchTemplateName', 'Arn', 'Name']) {
        const inner = mapGet(value, key);
        if (inner) return resolve(inner);
      }
      return { state: 'unknown' };
    }
    if (value.kind === 'string' && value.hasPlaceholders) {
      const refs = new Set<string>();
      referencesIn(value, refs);
      for (const r of refs) {
        const node = byId.get(r.split('.')[0] as string);
        if (node) return { state: 'node', node };
      }
    }
    return { state: 'unknown' };
  };

  return {
    format: 'cloudformation',
    nodes,
    node: (id) => byId.get(id),
    localNodes: (kinds) => nodes.filter((n) => !kinds || kinds.includes(n.kind)),
    attribute,
    resolve,
    instanceProfileOf(n) {
      if (n.kind === 'fleet') {
        // SpotFleet: every launch specification needs its own profile.
        const specs = asList(getPath(props(n), ['SpotFleetRequestConfigData', 'LaunchSpecifications']));
        for (const spec of specs) {
          const p = mapEntry(spec, 'IamInstanceProfile');
          if (p) return attrOf(p);
        }
        return undefined;
      }
      return attribute(n, under(n, ['IamInstanceProfile']));
    },
    launchTemplatesOf(n) {
      const out: IacValue[] = [];
      const p = props(n);
      const lt = mapGet(p, 'LaunchTemplate');
      if (lt) out.push(lt);
      const mixed = getPath(p, ['MixedInstancesPolicy', 'LaunchTemplate', 'LaunchTemplateSpecification']);
      if (mixed) out.push(mixed);
      for (const cfg of asList(getPath(p, ['SpotFleetRequestConfigData', 'LaunchTemplateConfigs']))) {
        const spec = mapGet(cfg, 'LaunchTemplateSpecification');
        if (spec) out.push(spec);
      }
      for (const cfg of asList(mapGet(p, 'LaunchTemplateConfigs'))) {
        const spec = mapGet(cfg, 'LaunchTemplateSpecification');
        if (spec) out.push(spec);
      }
      const lc = mapGet(p, 'LaunchConfigurationName');
      if (lc) out.push(lc);
      return out;
    },
    userDataOf(n) {
      const ud = n.kind === 'fleet' ? mapGet(asList(getPath(props(n), ['SpotFleetRequestConfigData', 'LaunchSpecifications']))[0], 'UserData') : attribute(n, under(n, ['UserData']))?.value;
      return ud?.kind === 'string' ? ud.value : undefined;
    },
    metadataOptionsOf(n) {
      const entry = n.kind === 'launch-template' ? mapEntry(mapGet(props(n), 'LaunchTemplateData'), 'MetadataOptions') : mapEntry(props(n), 'MetadataOptions');
      if (!entry) return undefined;
      return {
        range: entry.keyRange,
        ...optional('httpTokens', attrOf(mapEntry(entry.value, 'HttpTokens'))),
        ...optional('httpEndpoint', attrOf(mapEntry(entry.value, 'HttpEndpoint'))),
        ...optional('hopLimit', attrOf(mapEntry(entry.value, 'HttpPutResponseHopLimit'))),
      };
    },
    rolesOf(profile) {
      const roles = mapEntry(props(profile), 'Roles');
      if (!roles) return [];
      return asList(roles.value).map((value) => ({ value, keyRange: roles.keyRange }));
    },
    trustPolicyOf(role) {
      return attribute(role, ['AssumeRolePolicyDocument']);
    },
    referrers(target) {
      // One pass over the template builds the reverse index; each later call is a lookup.
      if (!cfnReferrers) {
        cfnReferrers = new Map();
        for (const n of nodes) {
          const refs = new Set<string>();
          referencesIn(n.cfn?.properties, refs);
          const ids = new Set([...refs].map((r) => r.split('.')[0] as string));
          for (const id of ids) {
            const list = cfnReferrers.get(id);
            if (list) list.push(n);
            else cfnReferrers.set(id, [n]);
          }
        }
      }
      return cfnReferrers.get(target.id) ?? [];
    },
    policiesOf(role) {
      const out: { node: GraphNode; document: IacValue }[] = [];
      for (const p of asList(mapGet(props(role), 'Policies'))) {
        const doc = mapGet(p, 'PolicyDocument');
        if (doc) out.push({ node: role, document: doc });
      }
      for (const n of nodes) {
        if (n.kind !== 'policy') continue;
        const roles = asList(mapGet(props(n), 'Roles')).concat(mapGet(props(n), 'RoleName') ? [mapGet(props(n), 'RoleName') as IacValue] : []);
        if (roles.some((r) => r.kind === 'ref' && r.target === role.id)) {
          const doc = mapGet(props(n), 'PolicyDocument');
          if (doc) out.push({ node: n, document: doc });
        }
      }
      return out;
    },
    moduleCalls: () => [],
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

// ---------------------------------------------------------------------------------------
// Terraform

/**
 * Nested blocks of a type, including the `content` of `dynamic "<type>"` blocks: modules
 * generate launch specifications, launch templates and metadata options that way
 * (terraform-aws-modules, cloudposse). How many a `for_each` makes is not known; what the
 * content says is what each generated block holds.
 * https://developer.hashicorp.com/terraform/language/expressions/dynamic-blocks
 */
function blocksWithDynamic(block: TfBlock | undefined, type: string): TfBlock[] {
  if (!block) return [];
  const generated = block.blocks('dynamic').filter((d) => d.labels[0]?.value === type).flatMap((d) => d.blocks('content').slice(0, 1));
  return [...block.blocks(type), ...generated];
}

/** The `dynamic "<type>"` blocks of a block. */
function dynamicBlocks(block: TfBlock, type: string): TfBlock[] {
  return block.blocks('dynamic').filter((d) => d.labels[0]?.value === type);
}

/** A value standing for something a `dynamic` block or a `for_each` decides at plan time. */
function dynamicValue(range: Range, label: string): IacValue {
  return { kind: 'unknown', reason: 'dynamic', range, label };
}

/** `type.name` prefixes of every traversal in an expression's source text (`aws_launch_template.this[0].name` → `aws_launch_template.this`). */
const TRAVERSAL = /(?<![\w.$-])([A-Za-z_][\w-]*)\.([A-Za-z_][\w-]*)/g;

const traversals = new WeakMap<TfAttribute, ReadonlyArray<readonly [string, string]>>();

/**
 * The `type.name` prefixes of an attribute's source, once per attribute: every file of a
 * module is its own document with its own graph, and each graph reads the references of every
 * block of the module — a sibling's attributes are the same objects each time (the directory
 * cache of src/parsers/terraform.ts keeps them).
 */
function traversalsOf(attr: TfAttribute): ReadonlyArray<readonly [string, string]> {
  let found = traversals.get(attr);
  if (!found) {
    // Native syntax: the expression; JSON syntax: the JSON text with its `${…}` templates.
    found = [...attr.source().matchAll(TRAVERSAL)].map((m) => [m[1] as string, m[2] as string] as const);
    traversals.set(attr, found);
  }
  return found;
}

/**
 * The resources an attribute refers to, read from its source text so that references
 * inside function calls, conditionals and `try()` count too, and followed through
 * `local.x` (modules route most references through locals). Values are not needed: only
 * which resources are mentioned.
 */
function attributeReferences(attr: TfAttribute, locals: ReadonlyMap<string, TfAttribute>, out: Set<string>, seen: Set<TfAttribute>): void {
  if (seen.has(attr)) return;
  seen.add(attr);
  for (const [head, name] of traversalsOf(attr)) {
    if (head === 'local') {
      const l = locals.get(name);
      if (l) attributeReferences(l, locals, out, seen);
    } else out.add(`${head}.${name}`);
  }
}

function tfGraph(file: TfFile): ResourceGraph {
  const mod = moduleOf(file);
  const nodes: GraphNode[] = [];
  const byId = new Map<string, GraphNode>();
  for (const f of mod.files) {
    for (const b of f.blocks) {
      if (b.type !== 'resource' || b.labels.length < 2) continue;
      const type = b.labels[0]!.value;
      const id = `${type}.${b.labels[1]!.value}`;
      if (byId.has(id)) continue;
      const node: GraphNode = { id, format: 'terraform', type, kind: TF_KINDS[type] ?? 'other', typeRange: b.labels[0]!.range, nameRange: b.labels[1]!.range, local: f === file, tf: b };
      nodes.push(node);
      byId.set(id, node);
    }
  }
  const attribute = (n: GraphNode, path: readonly string[]): NodeAttribute | undefined => {
    let block: TfBlock | undefined = n.tf;
    for (let i = 0; i < path.length - 1; i++) {
      const nested: TfBlock | undefined = block?.blocks(path[i] as string)[0];
      if (!nested) {
        // `metadata_options = {…}` written as an object attribute (JSON configs).
        const obj = block?.attribute(path[i] as string)?.value();
        const entry = obj ? mapEntry(obj.kind === 'list' ? obj.items[0] : obj, path[path.length - 1] as string) : undefined;
        return i === path.length - 2 ? attrOf(entry) : undefined;
      }
      block = nested;
    }
    return tfAttr(block?.attribute(path[path.length - 1] as string));
  };
  const resolve = (value: IacValue | undefined): Resolution | undefined => {
    if (!value) return undefined;
    if (value.kind === 'ref') {
      const node = byId.get(value.target);
      return node ? { state: 'node', node } : { state: 'unknown' };
    }
    if (value.kind === 'string' && value.hasPlaceholders) {
      const refs = new Set<string>();
      referencesIn(value, refs);
      for (const r of refs) {
        const node = byId.get(r);
        if (node) return { state: 'node', node };
      }
    }
    return { state: 'unknown' };
  };
  const blockOf = (n: GraphNode) => n.tf as TfBlock;
  const references = new Map<GraphNode, Set<string>>();
  let referrersIndex: Map<string, GraphNode[]> | undefined;
  /** Every resource a node's attributes (nested and dynamic blocks included) mention. */
  const referencesOf = (n: GraphNode): Set<string> => {
    let refs = references.get(n);
    if (refs) return refs;
    const found = new Set<string>();
    const seen = new Set<TfAttribute>();
    const walk = (b: TfBlock) => {
      for (const a of b.attributes()) attributeReferences(a, mod.locals, found, seen);
      for (const nb of b.blocks()) walk(nb);
    };
    walk(blockOf(n));
    refs = found;
    references.set(n, refs);
    return refs;
  };
  return {
    format: 'terraform',
    nodes,
    node: (id) => byId.get(id),
    localNodes: (kinds) => nodes.filter((n) => n.local && (!kinds || kinds.includes(n.kind))),
    attribute,
    resolve,
    instanceProfileOf(n) {
      const b = blockOf(n);
      if (n.type === 'aws_launch_template') {
        const spec = b.blocks('iam_instance_profile')[0];
        if (spec) {
          const inner = spec.attribute('name') ?? spec.attribute('arn');
          return inner ? tfAttr(inner) : { value: { kind: 'unknown', reason: 'dynamic', range: spec.typeRange }, keyRange: spec.typeRange };
        }
        // `dynamic "iam_instance_profile"`: whether a profile is set is decided by its for_each.
        const dyn = dynamicBlocks(b, 'iam_instance_profile')[0];
        if (dyn) return { value: dynamicValue(dyn.range, 'dynamic "iam_instance_profile"'), keyRange: dyn.typeRange };
        return tfAttr(b.attribute('iam_instance_profile'));
      }
      if (n.type === 'aws_spot_fleet_request') {
        const dyn = dynamicBlocks(b, 'launch_specification')[0];
        if (dyn) return { value: dynamicValue(dyn.range, 'dynamic "launch_specification"'), keyRange: dyn.typeRange };
        for (const spec of b.blocks('launch_specification')) {
          const p = spec.attribute('iam_instance_profile') ?? spec.attribute('iam_instance_profile_arn');
          if (p) return tfAttr(p);
        }
        return undefined;
      }
      return tfAttr(b.attribute('iam_instance_profile'));
    },
    launchTemplatesOf(n) {
      const b = blockOf(n);
      const out: IacValue[] = [];
      const specs = [
        ...blocksWithDynamic(b, 'launch_template'),
        ...blocksWithDynamic(b, 'mixed_instances_policy').flatMap((m) => blocksWithDynamic(m, 'launch_template').flatMap((lt) => blocksWithDynamic(lt, 'launch_template_specification'))),
        ...blocksWithDynamic(b, 'launch_template_config').flatMap((c) => blocksWithDynamic(c, 'launch_template_specification')),
      ];
      for (const spec of specs) {
        const ref = spec.attribute('id') ?? spec.attribute('launch_template_id') ?? spec.attribute('name') ?? spec.attribute('launch_template_name');
        out.push(ref ? ref.value() : { kind: 'unknown', reason: 'dynamic', range: spec.typeRange });
      }
      const lc = b.attribute('launch_configuration');
      if (lc) out.push(lc.value());
      return out;
    },
    userDataOf(n) {
      const b = blockOf(n);
      const ud = b.attribute('user_data') ?? b.attribute('user_data_base64') ?? b.blocks('launch_specification')[0]?.attribute('user_data');
      const v = ud?.value();
      return v?.kind === 'string' ? v.value : undefined;
    },
    metadataOptionsOf(n) {
      const b = blockOf(n);
      const block = b.blocks('metadata_options')[0];
      if (block) {
        return {
          range: block.typeRange,
          ...optional('httpTokens', tfAttr(block.attribute('http_tokens'))),
          ...optional('httpEndpoint', tfAttr(block.attribute('http_endpoint'))),
          ...optional('hopLimit', tfAttr(block.attribute('http_put_response_hop_limit'))),
        };
      }
      const dyn = dynamicBlocks(b, 'metadata_options')[0];
      if (dyn) {
        // Generated by a for_each that may produce nothing: only a literal in the content
        // that is wrong whenever a block is generated is worth reporting; anything else is
        // not known (never "missing").
        const content = dyn.blocks('content')[0];
        const tokens = content?.attribute('http_tokens');
        const tokenValue = knownString(tokens?.value());
        const hop = content?.attribute('http_put_response_hop_limit');
        return {
          range: dyn.typeRange,
          httpTokens: tokens && tokenValue !== undefined && tokenValue.toLowerCase() !== 'required' ? (tfAttr(tokens) as NodeAttribute) : { value: dynamicValue(tokens?.range ?? dyn.range, 'dynamic "metadata_options"'), keyRange: tokens?.nameRange ?? dyn.typeRange },
          ...optional('httpEndpoint', tfAttr(content?.attribute('http_endpoint'))),
          ...optional('hopLimit', tfAttr(hop)),
        };
      }
      const obj = b.attribute('metadata_options');
      if (!obj) return undefined;
      const v = obj.value();
      const m = v.kind === 'list' ? v.items[0] : v;
      return {
        range: obj.nameRange,
        ...optional('httpTokens', attrOf(mapEntry(m, 'http_tokens'))),
        ...optional('httpEndpoint', attrOf(mapEntry(m, 'http_endpoint'))),
        ...optional('hopLimit', attrOf(mapEntry(m, 'http_put_response_hop_limit'))),
      };
    },
    rolesOf(profile) {
      const b = blockOf(profile);
      const role = b.attribute('role');
      if (role) return [{ value: role.value(), keyRange: role.nameRange }];
      const roles = b.attribute('roles');
      return roles ? asList(roles.value()).map((value) => ({ value, keyRange: roles.nameRange })) : [];
    },
    trustPolicyOf(role) {
      return tfAttr(blockOf(role).attribute('assume_role_policy'));
    },
    referrers(target) {
      // One pass over the module builds the reverse index; each later call is a lookup.
      if (!referrersIndex) {
        referrersIndex = new Map();
        for (const n of nodes) for (const id of referencesOf(n)) { const list = referrersIndex.get(id); if (list) list.push(n); else referrersIndex.set(id, [n]); }
      }
      return referrersIndex.get(target.id) ?? [];
    },
    policiesOf(role) {
      const out: { node: GraphNode; document: IacValue }[] = [];
      const rb = blockOf(role);
      for (const ip of rb.blocks('inline_policy')) {
        const doc = policyDocument(ip.attribute('policy')?.value());
        if (doc) out.push({ node: role, document: doc });
      }
      const refersToRole = (v: IacValue | undefined) => asList(v).some((x) => x.kind === 'ref' && x.target === role.id);
      for (const n of nodes) {
        if (n.type === 'aws_iam_role_policy' && refersToRole(blockOf(n).attribute('role')?.value())) {
          const doc = policyDocument(blockOf(n).attribute('policy')?.value());
          if (doc) out.push({ node: n, document: doc });
        }
        if (n.kind === 'policy-attachment' && (refersToRole(blockOf(n).attribute('role')?.value()) || refersToRole(blockOf(n).attribute('roles')?.value()))) {
          const target = resolve(blockOf(n).attribute('policy_arn')?.value());
          if (target?.state === 'node') {
            const doc = policyDocument(blockOf(target.node).attribute('policy')?.value());
            if (doc) out.push({ node: target.node, document: doc });
          }
        }
      }
      for (const arn of asList(rb.attribute('managed_policy_arns')?.value())) {
        const target = resolve(arn);
        if (target?.state === 'node') {
          const doc = policyDocument(blockOf(target.node).attribute('policy')?.value());
          if (doc) out.push({ node: target.node, document: doc });
        }
      }
      return out;
    },
    moduleCalls() {
      const out: ModuleCall[] = [];
      for (const b of file.blocks) {
        const label = b.labels[0];
        if (b.type !== 'module' || !label) continue;
        const source = knownString(b.attribute('source')?.value());
        out.push({ id: `module.${label.value}`, nameRange: label.range, ...(source !== undefined ? { source } : {}), block: b });
      }
      return out;
    },
  };
}

// ---------------------------------------------------------------------------------------
// Community modules that launch EC2 (https://github.com/terraform-aws-modules)

/**
 * The terraform-aws-modules module a `source` names, registry or git form, with an optional
 * `//subdir` and `?ref=`: `terraform-aws-modules/ec2-instance/aws`,
 * `registry.terraform.io/terraform-aws-modules/eks/aws//modules/eks-managed-node-group`,
 * `git::https://github.com/terraform-aws-modules/terraform-aws-ec2-instance.git?ref=v5.0.0`,
 * `git@github.com:terraform-aws-modules/terraform-aws-autoscaling.git`.
 * The organisation is required: other modules named `ec2-instance` (cloudposse…) take
 * different inputs, so `metadata_options` there means nothing known.
 */
const TERRAFORM_AWS_MODULES = /(?:^|[/:])terraform-aws-modules\/(?:([\w-]+)\/aws|terraform-aws-([\w-]+?)(?:\.git)?)(?:\/\/([\w./-]*?))?\/?(?:[?#]|$)/i;

/** Modules whose `metadata_options` input (a map) becomes the metadata options of the instances they launch. */
const EC2_MODULES: Readonly<Record<string, readonly string[]>> = {
  'ec2-instance': [''],
  autoscaling: [''],
  // The root eks module takes node groups as maps of maps; only the node group modules take `metadata_options` directly.
  eks: ['modules/eks-managed-node-group', 'modules/self-managed-node-group'],
};

/** `terraform-aws-modules/ec2-instance`, `terraform-aws-modules/eks//modules/eks-managed-node-group`, or undefined for any other source. */
export function ec2ModuleOf(source: string | undefined): string | undefined {
  const m = source === undefined ? null : TERRAFORM_AWS_MODULES.exec(source.trim());
  if (!m) return undefined;
  const name = (m[1] ?? m[2] ?? '').toLowerCase();
  const subdir = (m[3] ?? '').replace(/^\/+|\/+$/g, '').toLowerCase();
  if (!EC2_MODULES[name]?.includes(subdir)) return undefined;
  return `terraform-aws-modules/${name}${subdir ? `//${subdir}` : ''}`;
}

/**
 * The `metadata_options` map passed to a module call (undefined when absent). Only explicit
 * entries are read: what the module does without them depends on its version.
 */
export function moduleMetadataOptions(call: ModuleCall): MetadataOptions | undefined {
  const attr = call.block.attribute('metadata_options');
  if (!attr) return undefined;
  const v = attr.value();
  const m = v.kind === 'list' ? v.items[0] : v;
  return {
    range: attr.nameRange,
    ...optional('httpTokens', attrOf(mapEntry(m, 'http_tokens'))),
    ...optional('httpEndpoint', attrOf(mapEntry(m, 'http_endpoint'))),
    ...optional('hopLimit', attrOf(mapEntry(m, 'http_put_response_hop_limit'))),
  };
}

// ---------------------------------------------------------------------------------------
// Terraform plan JSON (`terraform show -json plan.out`)
//
// Planned values are what Terraform will create, with every reference already evaluated:
// there are no references left to resolve (`resolve` is always unknown), nested blocks are
// lists of objects, and values that are only known after apply are simply absent.
// https://developer.hashicorp.com/terraform/internals/json-format#plan-representation

function planGraph(resources: readonly PlanResource[], text: string): ResourceGraph {
  const nodes: GraphNode[] = [];
  const byId = new Map<string, GraphNode>();
  for (const r of resources) {
    if (r.mode !== 'managed' || !r.values || byId.has(r.address)) continue;
    // The type value without its quotes: `"aws_instance"` → aws_instance.
    const quoted = text[r.typeRange.start] === '"' && text[r.typeRange.end - 1] === '"' && r.typeRange.end - r.typeRange.start >= 2;
    const typeRange = quoted ? { start: r.typeRange.start + 1, end: r.typeRange.end - 1 } : r.typeRange;
    const node: GraphNode = { id: r.address, format: 'terraform', type: r.type, kind: TF_KINDS[r.type] ?? 'other', typeRange, nameRange: typeRange, local: true, plan: r };
    nodes.push(node);
    byId.set(node.id, node);
  }
  const values = (n: GraphNode): IacValue | undefined => n.plan?.values;
  /** A nested block in planned values: a list of one object (or an object). */
  const first = (v: IacValue | undefined): IacValue | undefined => (v?.kind === 'list' ? v.items[0] : v);
  const entryAt = (n: GraphNode, path: readonly string[]): IacEntry | undefined => {
    let current = values(n);
    let entry: IacEntry | undefined;
    for (const step of path) {
      entry = mapEntry(first(current), step);
      if (!entry) return undefined;
      current = entry.value;
    }
    return entry;
  };
  /** Null and empty lists are how a plan writes "not set". */
  const isSet = (v: IacValue | undefined) => v !== undefined && v.kind !== 'null' && !(v.kind === 'list' && v.items.length === 0) && !(v.kind === 'string' && v.value === '');
  const setAttr = (entry: IacEntry | undefined): NodeAttribute | undefined => (entry && isSet(entry.value) ? attrOf(entry) : undefined);
  return {
    format: 'terraform',
    nodes,
    node: (id) => byId.get(id),
    localNodes: (kinds) => nodes.filter((n) => !kinds || kinds.includes(n.kind)),
    attribute: (n, path) => setAttr(entryAt(n, path)),
    resolve: (value) => (value ? { state: 'unknown' } : undefined),
    instanceProfileOf(n) {
      if (n.type === 'aws_launch_template') {
        const spec = first(entryAt(n, ['iam_instance_profile'])?.value);
        return setAttr(mapEntry(spec, 'name')) ?? setAttr(mapEntry(spec, 'arn'));
      }
      if (n.type === 'aws_spot_fleet_request') {
        for (const spec of asList(entryAt(n, ['launch_specification'])?.value)) {
          const p = setAttr(mapEntry(spec, 'iam_instance_profile')) ?? setAttr(mapEntry(spec, 'iam_instance_profile_arn'));
          if (p) return p;
        }
        return undefined;
      }
      return setAttr(entryAt(n, ['iam_instance_profile']));
    },
    launchTemplatesOf(n) {
      const out: IacValue[] = [];
      const specs = [
        ...asList(entryAt(n, ['launch_template'])?.value),
        ...asList(getPath(first(entryAt(n, ['mixed_instances_policy'])?.value), ['launch_template'])).flatMap((lt) => asList(mapGet(lt, 'launch_template_specification'))),
        ...asList(entryAt(n, ['launch_template_config'])?.value).flatMap((c) => asList(mapGet(c, 'launch_template_specification'))),
      ];
      for (const spec of specs) if (spec.kind === 'map') out.push(spec);
      const lc = setAttr(entryAt(n, ['launch_configuration']));
      if (lc) out.push(lc.value);
      return out;
    },
    userDataOf(n) {
      return knownString(entryAt(n, ['user_data'])?.value);
    },
    metadataOptionsOf(n) {
      const entry = entryAt(n, ['metadata_options']);
      const m = first(entry?.value);
      if (!entry || m?.kind !== 'map') return undefined;
      return {
        range: entry.keyRange,
        ...optional('httpTokens', setAttr(mapEntry(m, 'http_tokens'))),
        ...optional('httpEndpoint', setAttr(mapEntry(m, 'http_endpoint'))),
        ...optional('hopLimit', setAttr(mapEntry(m, 'http_put_response_hop_limit'))),
      };
    },
    rolesOf(profile) {
      const role = setAttr(entryAt(profile, ['role']));
      return role ? [role] : [];
    },
    trustPolicyOf(role) {
      return setAttr(entryAt(role, ['assume_role_policy']));
    },
    // Planned values hold no references: relations are not known.
    referrers: () => [],
    policiesOf: () => [],
    // Plans flatten modules into their resources (checked as such).
    moduleCalls: () => [],
  };
}

// ---------------------------------------------------------------------------------------
// Entry point

const graphs = new WeakMap<SourceDocument, ResourceGraph | null>();

/** The resource graph of a CloudFormation or Terraform document (or Terraform plan JSON), built once per document. */
export function resourceGraph(doc: SourceDocument): ResourceGraph | undefined {
  const cached = graphs.get(doc);
  if (cached !== undefined) return cached ?? undefined;
  let graph: ResourceGraph | null = null;
  if (doc.kind === 'cloudformation') {
    const template = parseCloudFormation(doc);
    if (template) graph = cfnGraph(template);
  } else if (doc.kind === 'terraform' && !/\.tfvars(?:\.json)?$/i.test(doc.path)) {
    graph = tfGraph(parseTerraform(doc));
  } else if (doc.kind === 'text' && doc.language === 'json' && looksLikeTerraformPlan(doc.text)) {
    graph = planGraph(parseTerraformPlan(doc), doc.text);
  }
  graphs.set(doc, graph);
  return graph ?? undefined;
}

// ---------------------------------------------------------------------------------------
// Policy helpers shared by the IAM-aware rules

/** Statements of a policy document (a map with `Statement`, as object or list). */
export function policyStatements(doc: IacValue | undefined): IacMap[] {
  return asList(mapGet(doc, 'Statement')).filter((s): s is IacMap => s.kind === 'map');
}

/**
 * An IAM action pattern (`sts:*`, `sts:Assume*`, `*`) matched case-insensitively against an
 * action name. A greedy two-pointer glob match, O(pattern × action) at worst, instead of a
 * regex built from the pattern: a 64K-character pattern made the regex too large to compile,
 * and `*a*a*a…` patterns backtrack exponentially in a regex engine.
 */
function actionPattern(pattern: string): { test(action: string): boolean } {
  const p = pattern.toLowerCase();
  return {
    test(action: string): boolean {
      const t = action.toLowerCase();
      let pi = 0;
      let ti = 0;
      let star = -1;
      let mark = 0;
      while (ti < t.length) {
        if (pi < p.length && (p[pi] === '?' || p[pi] === t[ti])) {
          pi++;
          ti++;
        } else if (pi < p.length && p[pi] === '*') {
          star = pi++;
          mark = ti;
        } else if (star !== -1) {
          pi = star + 1;
          ti = ++mark;
        } else return false;
      }
      while (pi < p.length && p[pi] === '*') pi++;
      return pi === p.length;
    },
  };
}

/** Whether a statement's Action / NotAction covers `action`: true, false, or undefined (not known). */
function statementCoversAction(st: IacMap, action: string): boolean | undefined {
  const matches = (list: readonly IacValue[]): boolean | undefined => {
    let uncertain = false;
    for (const a of list) {
      const s = knownString(a);
      if (s === undefined) uncertain = true;
      else if (actionPattern(s).test(action)) return true;
    }
    return uncertain ? undefined : false;
  };
  const act = mapGet(st, 'Action');
  if (act) {
    if (act.kind !== 'list' && act.kind !== 'string') return undefined;
    return matches(asList(act));
  }
  const notAct = mapGet(st, 'NotAction');
  if (notAct) {
    if (notAct.kind !== 'list' && notAct.kind !== 'string') return undefined;
    const m = matches(asList(notAct));
    return m === undefined ? undefined : !m;
  }
  return undefined;
}

/** Whether a statement's Principal names the EC2 service: true, false, or undefined (not known). */
function statementCoversEc2(st: IacMap): boolean | undefined {
  if (mapGet(st, 'NotPrincipal')) return undefined;
  const principal = mapGet(st, 'Principal');
  if (!principal) return undefined;
  if (principal.kind === 'string') return principal.hasPlaceholders ? undefined : principal.value === '*';
  if (principal.kind !== 'map') return undefined;
  let uncertain = false;
  for (const e of principal.entries) {
    if (e.key !== 'Service') {
      // `AWS: "*"` is every AWS principal; whether that includes a service is not worth a guess.
      if (e.key === 'AWS' && asList(e.value).some((v) => knownString(v) === undefined || knownString(v) === '*')) uncertain = true;
      continue;
    }
    if (e.value.kind !== 'list' && e.value.kind !== 'string') {
      uncertain = true;
      continue;
    }
    for (const s of asList(e.value)) {
      const v = knownString(s);
      if (v === undefined) uncertain = true;
      // ec2.amazonaws.com, ec2.amazonaws.com.cn (China partitions)
      else if (/^ec2\.amazonaws\.com(?:\.cn)?$/i.test(v.trim()) || v === '*') return true;
    }
  }
  return uncertain ? undefined : false;
}

/**
 * Whether a trust policy lets EC2 assume the role (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html):
 * some Allow statement covers `sts:AssumeRole` (`Action` string or list, wildcards such as
 * `sts:*`, `sts:Assume*`, `*`, or a `NotAction` that leaves it out) for the principal
 * `Service: ec2.amazonaws.com` (string or list) or `*`, and no unconditional Deny statement
 * certainly covers the same. A `Condition` on an Allow is taken as satisfiable and one on a
 * Deny as not always applying: conditions are never guessed at.
 * undefined when the document or a relevant part of it is not known statically.
 */
export function trustsEc2(trust: IacValue | undefined): boolean | undefined {
  const doc = policyDocument(trust);
  if (!doc || doc.kind !== 'map') return undefined;
  const statementValue = mapGet(doc, 'Statement');
  if (!statementValue || (statementValue.kind !== 'list' && statementValue.kind !== 'map')) return undefined;
  // IAM rejects an empty trust policy: seeing none means part of it is not visible here.
  if (statementValue.kind === 'list' && statementValue.items.length === 0) return undefined;
  let uncertain = false;
  let allowed = false;
  for (const st of asList(statementValue)) {
    if (st.kind !== 'map') {
      uncertain = true;
      continue;
    }
    const effect = knownString(mapGet(st, 'Effect'))?.toLowerCase();
    const action = statementCoversAction(st, 'sts:AssumeRole');
    const principal = statementCoversEc2(st);
    if (effect === 'deny') {
      if (action === true && principal === true && !mapGet(st, 'Condition')) return false;
      continue;
    }
    if (effect !== 'allow') {
      uncertain = true;
      continue;
    }
    if (action === true && principal === true) allowed = true;
    else if (action !== false && principal !== false) uncertain = true;
  }
  if (allowed) return true;
  return uncertain ? undefined : false;
}

/** Matches user data that will call AWS APIs and so needs credentials. */
export const AWS_API_USE = /(?:^|[\s;&|(`"'$])aws\s+(?:s3|ssm|ec2|sts|secretsmanager|ecr|dynamodb|sqs|sns|cloudwatch|logs|configure|kms|autoscaling|elbv2|route53|lambda|iam|[a-z0-9-]+\s+[a-z])|\bboto3\b|\bbotocore\b|\baws-sdk\b|@aws-sdk\/|\bAWSPowerShell\b|\b(?:Read|Write|Copy)-S3Object\b|\bGet-SSMParameter\b|\baws-cli\b/;
