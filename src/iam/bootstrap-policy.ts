// An instance's role and what its bootstrap needs from it: the chain instance → instance
// profile → role → effective permissions, each call of the user data decided against it,
// and the least-privilege policy the calls need (JSON, and HCL for Terraform).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2_instance-profiles.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
import type { SourceDocument } from '../engine/document.js';
import { describeNode, resourceGraph, type GraphNode, type NodeAttribute, type ResourceGraph } from '../iac/graph.js';
import { bootstrapCallsOf, bootstrapOf, type BootstrapCall, type BootstrapCalls } from '../iac/bootstrap.js';
import { iamModel, type IamPrincipal } from './sources.js';
import { effectiveOf, type Effective } from './effective.js';
import { decide, type Verdict } from './simulate.js';
import { renderResource, type Need } from './cli-actions.js';
import type { PolicyDocument } from './policy.js';
import { valueTokenRange, type IacValue, type Range } from '../iac/value.js';
import { parseCloudFormation } from '../parsers/cloudformation.js';
import { moduleOf } from '../parsers/terraform.js';

/**
 * AWS managed policies AWS documents for the agents of every managed instance — the SSM Agent
 * (Session Manager, Patch Manager, Run Command), the CloudWatch agent, the X-Ray daemon, the
 * CodeDeploy agent. Their writes (`ssm:UpdateInstanceInformation`, `logs:PutLogEvents`,
 * `cloudwatch:PutMetricData` …) are the instance's operations, not something its user data
 * should use: they never count as granted beyond what the bootstrap needs.
 */
const AGENT_POLICIES: ReadonlySet<string> = new Set([
  'AmazonSSMManagedInstanceCore',
  'AmazonSSMManagedEC2InstanceDefaultPolicy',
  'AmazonSSMPatchAssociation',
  'CloudWatchAgentServerPolicy',
  'AWSXrayWriteOnlyAccess',
  'AWSXRayDaemonWriteAccess',
  'AmazonEC2RoleforAWSCodeDeploy',
]);

/** The effective permissions without the grants of the instance agents' AWS managed policies. */
export function withoutAgentPolicies(eff: Effective): Effective {
  const allows = eff.allows.filter((g) => !AGENT_POLICIES.has(g.attached.document.managed ?? ''));
  return allows.length === eff.allows.length ? eff : { ...eff, allows };
}

/** Compute resources whose user data runs with an instance profile. */
export const COMPUTE_KINDS = ['instance', 'launch-template', 'launch-configuration', 'spot-request'] as const;

export interface InstanceRole {
  /** The compute resource's instance profile setting. */
  readonly profileSetting: NodeAttribute;
  readonly profile: GraphNode;
  /** The profile's `Roles` / `role` entry. */
  readonly roleSetting: NodeAttribute;
  readonly role: GraphNode;
  readonly principal: IamPrincipal;
}

/** Whether a value mentions a resource (a reference, or `${Id…}` inside a string). */
function mentions(v: IacValue | undefined, id: string): boolean {
  if (!v) return false;
  if (v.kind === 'ref') return v.target === id || v.target.startsWith(`${id}.`);
  if (v.kind === 'list') return v.items.some((i) => mentions(i, id));
  if (v.kind === 'map') return v.entries.some((e) => mentions(e.value, id));
  if (v.kind === 'string') return v.value.includes(`\${${id}`);
  return false;
}

/**
 * Whether the role leaves the file — a stack output or a module output hands it to whoever
 * deploys the template, who may attach more policies to it. Then what it lacks here is not
 * known to be lacking.
 */
export function roleLeavesFile(doc: SourceDocument, role: GraphNode): boolean {
  if (role.format === 'cloudformation') return (parseCloudFormation(doc)?.outputs ?? []).some((o) => mentions(o.value, role.id));
  if (!role.tf) return false;
  const name = role.id.split('.').slice(1).join('.');
  const re = new RegExp(`\\baws_iam_role\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`);
  return moduleOf(role.tf.file).files.some((f) => f.blocks.some((b) => b.type === 'output' && re.test(b.attribute('value')?.source() ?? '')));
}

/** The role behind a compute resource, when every link is in the file (undefined otherwise: never guessed). */
export function instanceRoleOf(doc: SourceDocument, graph: ResourceGraph, node: GraphNode): InstanceRole | undefined {
  const profileSetting = graph.instanceProfileOf(node);
  if (!profileSetting) return undefined;
  const p = graph.resolve(profileSetting.value);
  if (p?.state !== 'node' || p.node.kind !== 'instance-profile') return undefined;
  const roles = graph.rolesOf(p.node);
  // An instance profile holds one role (IAM's limit).
  if (roles.length !== 1) return undefined;
  const roleSetting = roles[0] as NodeAttribute;
  const r = graph.resolve(roleSetting.value);
  if (r?.state !== 'node' || r.node.kind !== 'role') return undefined;
  const principal = iamModel(doc)?.principals.find((x) => x.id === (r.node as GraphNode).id);
  if (!principal) return undefined;
  return { profileSetting, profile: p.node, roleSetting, role: r.node, principal };
}

/** Where a profile or role setting is written: the reference itself (`Arn: !GetAtt P.Arn` → the GetAtt). */
export function settingRange(attr: NodeAttribute): Range {
  const v = attr.value;
  if (v.kind === 'map') {
    const inner = v.entries.find((e) => ['Arn', 'Name', 'arn', 'name'].includes(e.key));
    if (inner) return valueTokenRange(inner.value);
  }
  return valueTokenRange(v);
}

export interface DecidedNeed extends Need {
  readonly verdict: Verdict;
}

export interface DecidedCall {
  readonly call: BootstrapCall;
  readonly needs: readonly DecidedNeed[];
}

export interface BootstrapPermissions {
  readonly node: GraphNode;
  readonly bootstrap: BootstrapCalls;
  readonly role: InstanceRole | undefined;
  readonly effective: Effective | undefined;
  /** Calls made with the role's credentials and mapped to actions, each need decided. */
  readonly decided: readonly DecidedCall[];
  /** Calls whose needs are not known (not mapped, other credentials, parts unknown). */
  readonly unresolved: readonly { readonly call: BootstrapCall; readonly reason: string }[];
}

/** Resource policies of the file: they may grant what the role lacks. */
function resourcePolicies(doc: SourceDocument): PolicyDocument[] {
  return (iamModel(doc)?.documents ?? []).filter((d) => d.kind === 'resource');
}

/** The bootstrap of a compute node judged against its role (undefined without user data). */
export function bootstrapPermissions(doc: SourceDocument, graph: ResourceGraph, node: GraphNode): BootstrapPermissions | undefined {
  const bootstrap = bootstrapOf(doc, graph, node);
  if (!bootstrap) return undefined;
  return judged(doc, node, bootstrap, instanceRoleOf(doc, graph, node));
}

/**
 * The bootstrap judged against the role behind the instance profile, only when there is one
 * (without it every verdict is unknown: nothing to report) — the role is looked up first, so
 * user data of an instance whose profile leaves the file is never parsed — and with the calls
 * alone (bootstrapCallsOf: a script that makes no AWS call is not parsed either).
 */
export function roleBootstrapPermissions(doc: SourceDocument, graph: ResourceGraph, node: GraphNode): BootstrapPermissions | undefined {
  const role = instanceRoleOf(doc, graph, node);
  if (!role) return undefined;
  const bootstrap = bootstrapCallsOf(doc, graph, node);
  return bootstrap ? judged(doc, node, bootstrap, role) : undefined;
}

function judged(doc: SourceDocument, node: GraphNode, bootstrap: BootstrapCalls, role: InstanceRole | undefined): BootstrapPermissions {
  const effective = role ? effectiveOf(role.principal) : undefined;
  // A role handed out of the file may get more policies elsewhere: nothing it lacks is certain.
  const shared = role ? roleLeavesFile(doc, role.role) : false;
  const policies = resourcePolicies(doc);
  const decided: DecidedCall[] = [];
  const unresolved: { call: BootstrapCall; reason: string }[] = [];
  for (const call of bootstrap.calls) {
    const m = call.mapping;
    if (m.state === 'none') continue;
    if (call.credentials === 'other') {
      unresolved.push({ call, reason: 'runs with other credentials than the instance role (a profile, exported keys or a credentials file)' });
      continue;
    }
    if (m.state === 'unresolved') {
      unresolved.push({ call, reason: m.reason });
      continue;
    }
    decided.push({
      call,
      needs: m.needs.map((n) => {
        const verdict = effective ? decide(effective, n.action, n.resource, policies) : { decision: 'unknown' as const };
        return { ...n, verdict: shared && verdict.decision === 'denied' && !verdict.grant ? { decision: 'unknown' as const } : verdict };
      }),
    });
  }
  return { node, bootstrap, role, effective, decided, unresolved };
}

/** Every compute resource of a document with its bootstrap judged (those with user data). */
export function documentBootstraps(doc: SourceDocument): BootstrapPermissions[] {
  const graph = resourceGraph(doc);
  if (!graph) return [];
  const out: BootstrapPermissions[] = [];
  for (const node of graph.localNodes([...COMPUTE_KINDS])) {
    const b = bootstrapPermissions(doc, graph, node);
    if (b) out.push(b);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// The least-privilege policy

export interface ProposedStatement {
  readonly Effect: 'Allow';
  readonly Action: string[];
  readonly Resource: string[];
}

export interface ProposedPolicy {
  readonly Version: '2012-10-17';
  readonly Statement: ProposedStatement[];
}

/** The policy the needs call for: one statement per set of resources, actions sorted. */
export function proposePolicy(needs: readonly Need[]): ProposedPolicy {
  const byAction = new Map<string, Set<string>>();
  for (const n of needs) {
    const set = byAction.get(n.action) ?? new Set<string>();
    set.add(renderResource(n.resource));
    byAction.set(n.action, set);
  }
  // `*` covers every other resource of the same action.
  for (const set of byAction.values()) if (set.has('*')) for (const r of [...set]) if (r !== '*') set.delete(r);
  const byResources = new Map<string, { actions: string[]; resources: string[] }>();
  for (const [action, set] of byAction) {
    const resources = [...set].sort();
    const key = resources.join('\n');
    const entry = byResources.get(key) ?? { actions: [], resources };
    entry.actions.push(action);
    byResources.set(key, entry);
  }
  const statements = [...byResources.values()]
    .map((e) => ({ Effect: 'Allow' as const, Action: e.actions.sort(), Resource: e.resources }))
    .sort((a, b) => (a.Action[0] as string).localeCompare(b.Action[0] as string));
  return { Version: '2012-10-17', Statement: statements };
}

/** Every need of the calls that were mapped (whatever their verdict). */
export function neededBy(b: BootstrapPermissions): Need[] {
  return b.decided.flatMap((d) => d.needs.map(({ action, resource }) => ({ action, resource })));
}

/** The policy as JSON text (2-space indentation). */
export function policyJson(policy: ProposedPolicy): string {
  return JSON.stringify(policy, null, 2);
}

/** A Terraform name from a node id: `aws_instance.web` → `web_bootstrap`. */
function tfName(node: GraphNode): string {
  const base = (node.id.split('.').pop() ?? node.id).replace(/[^A-Za-z0-9_-]/g, '_');
  return `${/^[A-Za-z_]/.test(base) ? base : `r_${base}`}_bootstrap`;
}

/** The policy as a Terraform `data "aws_iam_policy_document"` block. */
export function policyHcl(policy: ProposedPolicy, node: GraphNode): string {
  const q = (s: string) => JSON.stringify(s);
  const lines = [`data "aws_iam_policy_document" "${tfName(node)}" {`];
  for (const st of policy.Statement) {
    lines.push('  statement {', `    actions   = [${st.Action.map(q).join(', ')}]`, `    resources = [${st.Resource.map(q).join(', ')}]`, '  }');
  }
  lines.push('}');
  return lines.join('\n');
}

/** How messages name the role's policies: `AWS managed policy AmazonS3ReadOnlyAccess, AWS::IAM::Role R (inline policy s3)`. */
export function policiesOf(p: IamPrincipal): string {
  const names = [...new Set([p, ...p.groups].flatMap((o) => o.policies.map((a) => a.document.label)))];
  return names.length === 0 ? 'no policies' : names.join(', ');
}

export { describeNode };
