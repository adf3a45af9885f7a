// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html
// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html
import { defineRule } from '../src/rule.js';
import { AWS_API_USE, describeNode, resourceGraph, type GraphNode, type ResourceGraph } from '../src/iac/graph.js';

const COMPUTE = ['instance', 'launch-template', 'launch-configuration', 'spot-request', 'fleet'] as const;

/**
 * Launch templates consumed by a service that supplies the instance role itself: EKS
 * managed node groups (`node_role_arn`; AWS rejects a template with a profile) and Batch
 * compute environments (`InstanceRole`). Such templates correctly have no profile.
 */
function usedByRoleSupplyingService(graph: ResourceGraph, template: GraphNode): boolean {
  return graph.referrers(template).some((n) => n.kind === 'eks-nodegroup' || n.kind === 'batch-compute');
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
  keywords: /AWS::EC2::(?:Instance|LaunchTemplate|SpotFleet)|AWS::AutoScaling::LaunchConfiguration|aws_(?:instance|launch_template|launch_configuration|spot_instance_request|spot_fleet_request)\b/,
  messages: {
    missing: '{{resource}} has no IAM instance profile: anything on it that calls AWS will need static keys; attach a role through an instance profile',
    missingWithApiCalls:
      '{{resource}} has no IAM instance profile but its user data calls AWS ({{call}}): that script can only work with static keys; attach a role through an instance profile',
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
      const userData = graph.userDataOf(node);
      const call = userData ? AWS_API_USE.exec(userData)?.[0]?.trim().replace(/^[;&|(`"'$]/, '') : undefined;
      context.report({
        messageId: call ? 'missingWithApiCalls' : 'missing',
        data: { resource: describeNode(node), ...(call ? { call: call.slice(0, 40) } : {}) },
        start: node.typeRange.start,
        end: node.typeRange.end,
        identity: `${node.id}:instance-profile`,
        ...(call ? { severity: 'error' as const } : {}),
      });
    }
  },
});
