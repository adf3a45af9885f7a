// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2_instance-profiles.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html
// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html
//
// An instance gets credentials through an instance profile that wraps one role whose trust
// policy lets `ec2.amazonaws.com` call `sts:AssumeRole`. Each link can be wrong in a way that
// deploys fine (or fails late) and leaves the instance without credentials, which is exactly
// when people fall back to static keys. Everything that comes from outside the file or module
// (parameters, variables without default, imports, data sources, names of roles created
// elsewhere) is "cannot tell" and never reported.
import { defineRule, type RuleContext } from '../src/rule.js';
import { describeNode, resourceGraph, trustsEc2, type GraphNode, type ResourceGraph } from '../src/iac/graph.js';
import type { IacRef, IacValue } from '../src/iac/value.js';
import { asList, getPath, knownString, mapEntry, mapGet, valueTokenRange } from '../src/iac/value.js';
import type { TfBlock } from '../src/parsers/terraform.js';

/** Resources that launch instances and take an instance profile (read through the graph). */
const COMPUTE = ['instance', 'launch-template', 'launch-configuration', 'spot-request', 'fleet'] as const;

/**
 * Other resources whose setting takes an instance profile (not a role) although it is often
 * named like one: AWS Batch `InstanceRole`, EMR `JobFlowRole` / `instance_profile`, EC2 Image
 * Builder `InstanceProfileName`.
 */
const CFN_PROFILE_SETTINGS: Readonly<Record<string, readonly string[]>> = {
  'AWS::Batch::ComputeEnvironment': ['ComputeResources', 'InstanceRole'],
  'AWS::EMR::Cluster': ['JobFlowRole'],
  'AWS::ImageBuilder::InfrastructureConfiguration': ['InstanceProfileName'],
};
const TF_PROFILE_SETTINGS: Readonly<Record<string, readonly string[]>> = {
  aws_batch_compute_environment: ['compute_resources', 'instance_role'],
  aws_emr_cluster: ['ec2_attributes', 'instance_profile'],
  aws_imagebuilder_infrastructure_configuration: ['instance_profile_name'],
};
/** Elastic Beanstalk takes the profile as an option setting. */
const EB_NAMESPACE = 'aws:autoscaling:launchconfiguration';
const EB_OPTION = 'IamInstanceProfile';

/** `arn:aws:iam::123456789012:role/app`, also with `${AWS::AccountId}` or `${data.x.account_id}` in it. */
const ROLE_ARN = /^arn:(?:\$\{[^}]*\}|[^:\s])*:iam::(?:\$\{[^}]*\}|[^:\s])*:role\//;

/** Role attributes that hold its name (which may coincide with a profile's name) and those that never can. */
const TF_ROLE_NAME_ATTRIBUTES = new Set(['name', 'id']);

/** A data source reference that is certainly a role ARN: `data.aws_iam_role.x.arn`. */
const TF_DATA_ROLE_ARN = /^data\.aws_iam_role\.[\w-]+\.(?:arn|unique_id)$/;

interface ProfileSetting {
  readonly value: IacValue;
}

/** Every instance-profile setting of a resource, in source order. */
function profileSettings(graph: ResourceGraph, node: GraphNode): ProfileSetting[] {
  const out: ProfileSetting[] = [];
  if (node.format === 'cloudformation') {
    const props = node.cfn?.properties;
    if (node.kind === 'fleet') {
      for (const spec of asList(getPath(props, ['SpotFleetRequestConfigData', 'LaunchSpecifications']))) {
        const p = mapGet(spec, 'IamInstanceProfile');
        if (p) out.push(...specificationValues(p));
      }
      return out;
    }
    if ((COMPUTE as readonly string[]).includes(node.kind)) {
      const p = graph.instanceProfileOf(node);
      if (p) out.push(...specificationValues(p.value));
      return out;
    }
    const path = CFN_PROFILE_SETTINGS[node.type];
    if (path) {
      const v = getPath(props, path);
      if (v) out.push({ value: v });
    }
    if (node.type === 'AWS::ElasticBeanstalk::Environment' || node.type === 'AWS::ElasticBeanstalk::ConfigurationTemplate') {
      for (const opt of asList(mapGet(props, 'OptionSettings'))) {
        if (knownString(mapGet(opt, 'Namespace')) === EB_NAMESPACE && knownString(mapGet(opt, 'OptionName')) === EB_OPTION) {
          const v = mapGet(opt, 'Value');
          if (v) out.push({ value: v });
        }
      }
    }
    return out;
  }
  const block = node.tf as TfBlock;
  const attrValue = (b: TfBlock | undefined, name: string) => b?.attribute(name)?.value();
  const push = (v: IacValue | undefined) => {
    if (v) out.push({ value: v });
  };
  switch (node.type) {
    case 'aws_launch_template': {
      const spec = block.blocks('iam_instance_profile')[0];
      if (spec) {
        push(attrValue(spec, 'name'));
        push(attrValue(spec, 'arn'));
      } else {
        // `iam_instance_profile = { name = … }` (JSON syntax or an object attribute).
        for (const v of specificationValues(attrValue(block, 'iam_instance_profile'), ['name', 'arn'])) out.push(v);
      }
      return out;
    }
    case 'aws_spot_fleet_request':
      for (const spec of block.blocks('launch_specification')) {
        push(attrValue(spec, 'iam_instance_profile'));
        push(attrValue(spec, 'iam_instance_profile_arn'));
      }
      return out;
    case 'aws_elastic_beanstalk_environment':
    case 'aws_elastic_beanstalk_configuration_template':
      for (const s of block.blocks('setting')) {
        if (knownString(attrValue(s, 'namespace')) === EB_NAMESPACE && knownString(attrValue(s, 'name')) === EB_OPTION) push(attrValue(s, 'value'));
      }
      return out;
    default: {
      if ((COMPUTE as readonly string[]).includes(node.kind)) {
        push(attrValue(block, 'iam_instance_profile'));
        return out;
      }
      const path = TF_PROFILE_SETTINGS[node.type];
      if (!path) return out;
      let b: TfBlock | undefined = block;
      for (const step of path.slice(0, -1)) b = b?.blocks(step)[0];
      push(attrValue(b, path[path.length - 1] as string));
      return out;
    }
  }
}

/** `{Name: X}` / `{Arn: X}` specifications (CloudFormation launch templates, spot fleets) → X; anything else as is. */
function specificationValues(value: IacValue | undefined, keys: readonly string[] = ['Name', 'Arn']): ProfileSetting[] {
  if (!value) return [];
  if (value.kind !== 'map') return [{ value }];
  return keys.map((k) => mapGet(value, k)).filter((v): v is IacValue => v !== undefined).map((v) => ({ value: v }));
}

/** A value that is one reference: `!Ref X`, `!GetAtt X.Arn`, `aws_iam_role.x.name`, `"${aws_iam_role.x.name}"`, `!Sub '${X.Arn}'`. */
function singleReference(value: IacValue, format: ResourceGraph['format']): Pick<IacRef, 'target' | 'attribute'> | undefined {
  if (value.kind === 'ref') return value;
  if (value.kind !== 'string' || !value.hasPlaceholders) return undefined;
  const m = /^\$\{\s*([A-Za-z][\w:-]*)((?:\.[\w-]+)*)\s*\}$/.exec(value.value);
  if (!m) return undefined;
  const parts = `${m[1]}${m[2]}`.split('.');
  if (format === 'terraform') {
    if (parts.length < 2) return undefined;
    return { target: `${parts[0]}.${parts[1]}`, ...(parts[2] ? { attribute: parts[2] } : {}) };
  }
  return { target: parts[0] as string, ...(parts.length > 1 ? { attribute: parts.slice(1).join('.') } : {}) };
}

/** Whether `role`'s name certainly also names an instance profile of the graph (then a name reference to the role works). */
function profileNamedLikeRole(graph: ResourceGraph, role: GraphNode): boolean {
  const roleName = knownString(graph.attribute(role, [role.format === 'cloudformation' ? 'RoleName' : 'name'])?.value);
  return graph.nodes.some((n) => {
    if (n.kind !== 'instance-profile') return false;
    const name = graph.attribute(n, [n.format === 'cloudformation' ? 'InstanceProfileName' : 'name'])?.value;
    if (!name) return false;
    const ref = singleReference(name, graph.format);
    if (ref && ref.target === role.id && (n.format === 'cloudformation' ? ref.attribute === undefined : TF_ROLE_NAME_ATTRIBUTES.has(ref.attribute ?? ''))) return true;
    const literal = knownString(name);
    return literal !== undefined && roleName !== undefined && literal === roleName;
  });
}

function checkSetting(context: RuleContext, graph: ResourceGraph, node: GraphNode, setting: ProfileSetting): void {
  const { value } = setting;
  const resource = describeNode(node);
  const ref = singleReference(value, graph.format);
  if (ref) {
    const target = graph.node(ref.target);
    if (target?.kind !== 'role') return;
    // `!Ref Role` / `aws_iam_role.x.name` is the role's name: it works when a profile of the
    // same name exists (a profile named after its role is a common, valid pattern).
    const byName = graph.format === 'cloudformation' ? ref.attribute === undefined : TF_ROLE_NAME_ATTRIBUTES.has(ref.attribute ?? '');
    if (byName && profileNamedLikeRole(graph, target)) return;
    context.report({
      messageId: 'roleInsteadOfProfile',
      data: { resource, role: describeNode(target) },
      start: value.range.start,
      end: value.range.end,
      identity: `${node.id}:instance-profile-role:${target.id}`,
    });
    return;
  }
  if (value.kind === 'string' && ROLE_ARN.test(value.value)) {
    const range = valueTokenRange(value);
    context.report({ messageId: 'roleArn', data: { resource, arn: value.value.replace(/\$\{[^}]*\}/g, '…') }, start: range.start, end: range.end, identity: `${node.id}:instance-profile-role-arn` });
    return;
  }
  // `data.aws_iam_role.x.arn`: outside the module, but certainly a role's ARN.
  if (value.kind === 'unknown' && value.label && TF_DATA_ROLE_ARN.test(value.label)) {
    context.report({ messageId: 'roleArn', data: { resource, arn: value.label }, start: value.range.start, end: value.range.end, identity: `${node.id}:instance-profile-role-arn` });
  }
}

/** Whether a profile certainly has no role: the setting is missing, an empty list, null or an empty string. */
function hasNoRole(graph: ResourceGraph, profile: GraphNode): boolean {
  const roles = graph.rolesOf(profile);
  if (profile.format === 'cloudformation') {
    const entry = mapEntry(profile.cfn?.properties, 'Roles');
    if (!entry) return profile.cfn?.properties !== undefined || !mapEntry(profile.cfn?.node, 'Properties');
    if (entry.value.kind === 'null') return true;
    return entry.value.kind === 'list' && entry.value.items.length === 0;
  }
  if (roles.length === 0) return true;
  return roles.every((r) => r.value.kind === 'null' || (r.value.kind === 'string' && !r.value.hasPlaceholders && r.value.value.trim() === ''));
}

function checkProfile(context: RuleContext, graph: ResourceGraph, profile: GraphNode, reportedRoles: Set<string>): void {
  if (hasNoRole(graph, profile)) {
    context.report({
      messageId: 'profileWithoutRole',
      data: { profile: describeNode(profile) },
      start: profile.typeRange.start,
      end: profile.typeRange.end,
      identity: `${profile.id}:no-role`,
    });
    return;
  }
  for (const { value } of graph.rolesOf(profile)) {
    const ref = singleReference(value, graph.format);
    const role = ref ? graph.node(ref.target) : undefined;
    if (role?.kind !== 'role') continue;
    const trust = graph.trustPolicyOf(role);
    if (!trust || trustsEc2(trust.value) !== false) continue;
    const data = { role: describeNode(role), profile: describeNode(profile) };
    if (role.local) {
      // One finding per role, at its trust policy, however many profiles wrap it.
      if (reportedRoles.has(role.id)) continue;
      reportedRoles.add(role.id);
      context.report({ messageId: 'roleNotTrustingEc2', data, start: trust.keyRange.start, end: trust.keyRange.end, identity: `${role.id}:trust-ec2` });
    } else {
      // The role lives in another file of the module: report where this file uses it.
      context.report({ messageId: 'roleNotTrustingEc2', data, start: value.range.start, end: value.range.end, identity: `${profile.id}:${role.id}:trust-ec2` });
    }
  }
}

const CFN_EXTRA_TYPES = new Set([...Object.keys(CFN_PROFILE_SETTINGS), 'AWS::ElasticBeanstalk::Environment', 'AWS::ElasticBeanstalk::ConfigurationTemplate']);
const TF_EXTRA_TYPES = new Set([...Object.keys(TF_PROFILE_SETTINGS), 'aws_elastic_beanstalk_environment', 'aws_elastic_beanstalk_configuration_template']);

export default defineRule({
  id: 'valid-instance-profile',
  description: 'Require instance profile references to name an instance profile that wraps a role EC2 can assume',
  fullDescription:
    'An EC2 instance gets credentials only through an instance profile that wraps one role whose trust policy lets ' +
    '`ec2.amazonaws.com` call `sts:AssumeRole`. Pointing the instance-profile setting at the role itself, creating a ' +
    'profile without a role, or wrapping a role that trusts another service (Lambda, ECS tasks) leaves the instance ' +
    'without credentials — the launch fails or the instance silently has no identity, and the usual workaround is ' +
    'static access keys.',
  severity: 'error',
  securitySeverity: 4.0,
  precision: 'high',
  cwe: ['CWE-1188', 'CWE-522'],
  tags: ['security', 'aws', 'iam', 'ec2', 'correctness'],
  kinds: ['cloudformation', 'terraform'],
  keywords: /IamInstanceProfile|iam_instance_profile|AWS::IAM::InstanceProfile|InstanceRole|instance_role|JobFlowRole|instance_profile|InstanceProfileName/,
  messages: {
    roleInsteadOfProfile:
      '{{resource}} sets its instance profile to {{role}}, which is an IAM role, not an instance profile: wrap the role in an instance profile and reference the profile',
    roleArn: '{{resource}} sets its instance profile to a role ARN ({{arn}}): instance profiles have ARNs of the form arn:aws:iam::<account>:instance-profile/<name>',
    profileWithoutRole: '{{profile}} has no role: instances launched with it get no AWS credentials; add the role (Roles / role)',
    roleNotTrustingEc2:
      '{{role}} is wrapped in {{profile}} but its trust policy does not let ec2.amazonaws.com call sts:AssumeRole: instances can never get its credentials',
  },
  recommendation: [
    'Reference an instance profile, not a role: `IamInstanceProfile: !Ref Profile` with `Profile` an ',
    '`AWS::IAM::InstanceProfile` whose `Roles` lists the role (CloudFormation), `iam_instance_profile = ',
    'aws_iam_instance_profile.app.name` with `role = aws_iam_role.app.name` in the profile (Terraform). Give the role a ',
    'trust policy with `Effect: Allow`, `Principal: {Service: ec2.amazonaws.com}` and `Action: sts:AssumeRole`. ',
    'Launch templates and spot fleets take `{Name: …}` or `{Arn: …}` of the profile (`arn:aws:iam::<account>:instance-profile/<name>`).',
  ].join(''),
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2_instance-profiles.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html',
    'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-instanceprofile.html',
    'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_instance_profile',
  ],
  defaultOptions: {},
  check(context) {
    const graph = resourceGraph(context.document);
    if (!graph) return;
    const extra = graph.format === 'cloudformation' ? CFN_EXTRA_TYPES : TF_EXTRA_TYPES;
    for (const node of graph.localNodes()) {
      if (!(COMPUTE as readonly string[]).includes(node.kind) && !extra.has(node.type)) continue;
      for (const setting of profileSettings(graph, node)) checkSetting(context, graph, node, setting);
    }
    const reportedRoles = new Set<string>();
    for (const profile of graph.localNodes(['instance-profile'])) checkProfile(context, graph, profile, reportedRoles);
  },
});
