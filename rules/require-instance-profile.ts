// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html
// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html
import { defineRule } from '../src/rule.js';
import { AWS_API_USE, describeNode, ec2ModuleOf, resourceGraph, type GraphNode, type ModuleCall, type ResourceGraph } from '../src/iac/graph.js';
import { knownString, valueTokenRange, type IacValue } from '../src/iac/value.js';

const COMPUTE = ['instance', 'launch-template', 'launch-configuration', 'spot-request', 'fleet'] as const;

/**
 * Launch templates consumed by a service that supplies the instance role itself: EKS
 * managed node groups (`node_role_arn`; AWS rejects a template with a profile) and Batch
 * compute environments (`InstanceRole`). Such templates correctly have no profile.
 */
function usedByRoleSupplyingService(graph: ResourceGraph, template: GraphNode): boolean {
  return graph.referrers(template).some((n) => n.kind === 'eks-nodegroup' || n.kind === 'batch-compute');
}

/** The first AWS CLI/SDK call in a user data text, trimmed for a message. */
function awsCallIn(userData: string | undefined): string | undefined {
  const call = userData ? AWS_API_USE.exec(userData)?.[0]?.trim().replace(/^[;&|(`"'$]/, '') : undefined;
  return call ? call.slice(0, 40) : undefined;
}

/** An input passed to a module call, or undefined when the call does not pass it. */
function input(call: ModuleCall, name: string): IacValue | undefined {
  return call.block.attribute(name)?.value();
}

/** A known boolean input (`true`, `"false"`…); undefined when absent or not known statically. */
function knownBool(value: IacValue | undefined): boolean | undefined {
  const s = knownString(value)?.trim().toLowerCase();
  return s === 'true' ? true : s === 'false' ? false : undefined;
}

/**
 * Whether an input gives something: present and not a known `null` or empty string. A
 * reference, a variable without default or a conditional counts as given (never guess).
 */
function given(value: IacValue | undefined): boolean {
  if (!value || value.kind === 'null') return false;
  return knownString(value)?.trim() !== '';
}

/**
 * The profile inputs of the terraform-aws-modules modules that launch instances themselves.
 * Both default to no profile (`iam_instance_profile*` null, `create_iam_instance_profile`
 * false). The EKS node group modules create their own node role and profile: not listed.
 * https://registry.terraform.io/modules/terraform-aws-modules/ec2-instance/aws/latest#inputs
 * https://registry.terraform.io/modules/terraform-aws-modules/autoscaling/aws/latest#inputs
 */
const MODULE_PROFILE_INPUTS: Readonly<Record<string, { readonly profile: readonly string[]; readonly hint: string }>> = {
  'terraform-aws-modules/ec2-instance': { profile: ['iam_instance_profile'], hint: 'pass iam_instance_profile' },
  'terraform-aws-modules/autoscaling': { profile: ['iam_instance_profile_arn', 'iam_instance_profile_name'], hint: 'pass iam_instance_profile_arn' },
};

/** Whether a module call launches instances whose profile is decided elsewhere (or launches none). */
function profileDecidedElsewhere(call: ModuleCall, source: string): boolean {
  // `create = false` creates nothing (unknown counts as creating, but then other inputs decide).
  if (knownBool(input(call, 'create')) === false) return true;
  if (source === 'terraform-aws-modules/ec2-instance') {
    // An instance launched from a launch template takes the template's profile.
    return given(input(call, 'launch_template'));
  }
  // autoscaling: with `create_launch_template = false` the group launches from a template
  // created outside the module (`launch_template`, `launch_template_name`/`_id` by version),
  // which carries the profile and is checked where it is defined; the profile inputs are unused.
  const createTemplate = input(call, 'create_launch_template');
  if (createTemplate && knownBool(createTemplate) !== true) {
    if (knownBool(createTemplate) === undefined) return true;
    return ['launch_template', 'launch_template_name', 'launch_template_id'].some((name) => given(input(call, name)));
  }
  return false;
}

export default defineRule({
  id: 'require-instance-profile',
  description: 'Require an IAM instance profile on EC2 instances, launch templates, launch configurations and spot requests',
  fullDescription:
    'An EC2 instance gets AWS credentials safely only from an IAM role attached through an instance profile: the ' +
    'instance metadata service hands out temporary STS credentials that rotate on their own. An instance without a ' +
    'profile has no identity, so whatever it runs that needs AWS access ends up with static access keys baked into ' +
    'user data, an AMI or a configuration file.',
  severity: 'warning',
  securitySeverity: 5.0,
  precision: 'high',
  cwe: ['CWE-522'],
  tags: ['security', 'aws', 'iam', 'ec2'],
  kinds: ['cloudformation', 'terraform'],
  keywords: /AWS::EC2::(?:Instance|LaunchTemplate|SpotFleet)|AWS::AutoScaling::LaunchConfiguration|aws_(?:instance|launch_template|launch_configuration|spot_instance_request|spot_fleet_request)\b|terraform-aws-modules/,
  messages: {
    missing: '{{resource}} has no IAM instance profile: anything on it that calls AWS will need static keys; attach a role through an instance profile',
    missingWithApiCalls:
      '{{resource}} has no IAM instance profile but its user data calls AWS ({{call}}): that script can only work with static keys; attach a role through an instance profile',
    moduleMissing:
      '{{module}} ({{source}}) launches an instance without an IAM instance profile: {{hint}} or set create_iam_instance_profile = true',
    moduleMissingWithApiCalls:
      '{{module}} ({{source}}) launches an instance without an IAM instance profile but its user_data calls AWS ({{call}}): that script can only work with static keys; {{hint}} or set create_iam_instance_profile = true',
  },
  recommendation: [
    'Create an IAM role whose trust policy lets `ec2.amazonaws.com` call `sts:AssumeRole`, grant it only what the ',
    'instance needs, wrap it in an instance profile and reference the profile: `IamInstanceProfile: !Ref Profile` ',
    '(CloudFormation), `iam_instance_profile = aws_iam_instance_profile.app.name` (Terraform). In a launch template, ',
    'set it under `LaunchTemplateData.IamInstanceProfile` / `iam_instance_profile { name = … }`. The AWS CLI and SDKs ',
    'on the instance then find temporary credentials through the metadata service with no configuration.',
  ].join(''),
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2_instance-profiles.html',
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html',
    'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ec2-instance.html#cfn-ec2-instance-iaminstanceprofile',
    'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance#iam_instance_profile',
  ],
  defaultOptions: {},
  check(context) {
    const graph = resourceGraph(context.document);
    if (!graph) return;
    for (const node of graph.localNodes([...COMPUTE])) {
      if (graph.instanceProfileOf(node)) continue;
      // Launched from a template (or, for a fleet, only from templates): the template's
      // profile applies, and the template is checked on its own; an unknown one is fine.
      const templates = graph.launchTemplatesOf(node);
      if (templates.length > 0) continue;
      if (node.type === 'AWS::EC2::EC2Fleet' || node.type === 'aws_ec2_fleet') continue;
      if (node.kind === 'fleet' && node.format === 'cloudformation' && !node.cfn?.properties) continue;
      if (node.kind === 'launch-template' && usedByRoleSupplyingService(graph, node)) continue;
      const call = awsCallIn(graph.userDataOf(node));
      context.report({
        messageId: call ? 'missingWithApiCalls' : 'missing',
        data: { resource: describeNode(node), ...(call ? { call } : {}) },
        start: node.typeRange.start,
        end: node.typeRange.end,
        identity: `${node.id}:instance-profile`,
        ...(call ? { severity: 'error' as const } : {}),
      });
    }
    // terraform-aws-modules calls that launch instances themselves: the profile is an input.
    for (const call of graph.moduleCalls()) {
      const source = ec2ModuleOf(call.source);
      const inputs = source ? MODULE_PROFILE_INPUTS[source] : undefined;
      const sourceAttr = call.block.attribute('source');
      if (!source || !inputs || !sourceAttr) continue;
      if (inputs.profile.some((name) => given(input(call, name)))) continue;
      // Absent means false (the module default); unknown counts as true.
      const create = input(call, 'create_iam_instance_profile');
      if (create && knownBool(create) !== false) continue;
      if (profileDecidedElsewhere(call, source)) continue;
      // `user_data` is plain text for ec2-instance and base64 for autoscaling (usually
      // `base64encode(…)`, which evaluates to the text before encoding).
      const userData = input(call, 'user_data') ?? input(call, 'user_data_base64');
      const apiCall = awsCallIn(userData?.kind === 'string' ? userData.value : undefined);
      const range = valueTokenRange(sourceAttr.value());
      context.report({
        messageId: apiCall ? 'moduleMissingWithApiCalls' : 'moduleMissing',
        data: { module: call.id, source, hint: inputs.hint, ...(apiCall ? { call: apiCall } : {}) },
        start: range.start,
        end: range.end,
        identity: `${call.id}:instance-profile`,
        ...(apiCall ? { severity: 'error' as const } : {}),
      });
    }
  },
});
