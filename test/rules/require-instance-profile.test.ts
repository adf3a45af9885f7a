import { describe, expect, it } from 'vitest';
import { describeRuleFixtures } from '../helpers/rule-harness.js';
import { lintText } from '../helpers/fixtures.js';

const RULE = 'require-instance-profile';

describeRuleFixtures(RULE);

function run(path: string, text: string) {
  return lintText(path, text, { rules: [RULE] }).findings.filter((f) => f.ruleId === RULE);
}

describe(RULE, () => {
  it('reports a CloudFormation instance at its Type value, as an error when its user data calls the AWS CLI', () => {
    const yaml = [
      'Resources:',
      '  Web:',
      '    Type: AWS::EC2::Instance',
      '    Properties:',
      '      ImageId: ami-123',
      '      UserData:',
      '        Fn::Base64: !Sub |',
      '          #!/bin/bash',
      '          aws s3 sync s3://bucket/ /srv/',
      '',
    ].join('\n');
    const [f, ...rest] = run('template.yaml', yaml);
    expect(rest).toHaveLength(0);
    expect(f).toMatchObject({
      messageId: 'missingWithApiCalls',
      severity: 'error',
      region: { startLine: 3, startColumn: 11, endLine: 3, endColumn: 29 },
    });
  });

  it('reports a Terraform aws_instance at its type label as a warning when the user data does not call AWS', () => {
    const tf = 'resource "aws_instance" "web" {\n  ami = "ami-1"\n  user_data = "#!/bin/bash\\necho hi"\n}\n';
    const [f] = run('main.tf', tf);
    expect(f).toMatchObject({ messageId: 'missing', severity: 'warning', region: { startLine: 1, startColumn: 11, endLine: 1, endColumn: 23 } });
  });

  it('reports a launch template with no profile in CloudFormation JSON', () => {
    const json = '{"Resources": {"LT": {"Type": "AWS::EC2::LaunchTemplate", "Properties": {"LaunchTemplateData": {"ImageId": "ami-1"}}}}}';
    expect(run('template.json', json).map((f) => f.region)).toEqual([{ startLine: 1, startColumn: 32, endLine: 1, endColumn: 56 }]);
  });

  it('accepts an instance whose profile comes from a launch template, an import, a parameter or a variable', () => {
    expect(run('main.tf', 'resource "aws_instance" "a" {\n  launch_template {\n    name = "shared"\n  }\n}\n')).toHaveLength(0);
    expect(run('main.tf', 'variable "p" {}\nresource "aws_instance" "a" {\n  iam_instance_profile = var.p\n}\n')).toHaveLength(0);
    expect(run('t.yaml', 'Resources:\n  I:\n    Type: AWS::EC2::Instance\n    Properties:\n      IamInstanceProfile: !ImportValue shared-profile\n')).toHaveLength(0);
  });

  it('does not report a launch template used by an EKS managed node group', () => {
    const tf = 'resource "aws_launch_template" "n" {\n  name = "n"\n}\nresource "aws_eks_node_group" "g" {\n  launch_template {\n    id = aws_launch_template.n.id\n    version = 1\n  }\n}\n';
    expect(run('main.tf', tf)).toHaveLength(0);
  });

  it('does not report a launch template an EKS node group reaches through a local and try()', () => {
    const tf =
      'resource "aws_launch_template" "n" {\n  count = 1\n}\nlocals {\n  lt = try(aws_launch_template.n[0].name, null)\n  alias = local.lt\n}\n' +
      'resource "aws_eks_node_group" "g" {\n  dynamic "launch_template" {\n    for_each = [1]\n    content {\n      name = local.alias\n    }\n  }\n}\n';
    expect(run('main.tf', tf)).toHaveLength(0);
    // Without the node group the template is reported at its type label.
    expect(run('main.tf', 'resource "aws_launch_template" "n" {\n  count = 1\n}\n').map((f) => f.region)).toEqual([{ startLine: 1, startColumn: 11, endLine: 1, endColumn: 30 }]);
  });

  it('treats a dynamic "iam_instance_profile" block as a profile decided by the module inputs', () => {
    const tf = 'resource "aws_launch_template" "lt" {\n  dynamic "iam_instance_profile" {\n    for_each = var.arn == null ? [] : [1]\n    content {\n      arn = var.arn\n    }\n  }\n}\n';
    expect(run('main.tf', tf)).toHaveLength(0);
  });
});

describe(`${RULE} on terraform-aws-modules calls`, () => {
  const call = (source: string, inputs = '') => `module "web" {\n  source = "${source}"\n${inputs}}\n`;

  it('reports an ec2-instance module call without profile inputs at its source value, as a warning naming the module', () => {
    const found = run('main.tf', call('terraform-aws-modules/ec2-instance/aws', '  name = "web"\n'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      messageId: 'moduleMissing',
      severity: 'warning',
      message:
        'module.web (terraform-aws-modules/ec2-instance) launches an instance without an IAM instance profile: pass iam_instance_profile or set create_iam_instance_profile = true',
      region: { startLine: 2, startColumn: 13, endLine: 2, endColumn: 51 },
    });
  });

  it('reports as an error when the module user_data calls the AWS CLI', () => {
    const found = run('main.tf', call('terraform-aws-modules/ec2-instance/aws', '  user_data = "#!/bin/bash\\naws s3 sync s3://b/ /srv/"\n'));
    expect(found.map((f) => [f.messageId, f.severity, f.region])).toEqual([
      ['moduleMissingWithApiCalls', 'error', { startLine: 2, startColumn: 13, endLine: 2, endColumn: 51 }],
    ]);
  });

  it('reports create_iam_instance_profile = false with a null or empty iam_instance_profile', () => {
    for (const inputs of ['  create_iam_instance_profile = false\n', '  create_iam_instance_profile = false\n  iam_instance_profile = null\n', '  iam_instance_profile = ""\n']) {
      expect(run('main.tf', call('terraform-aws-modules/ec2-instance/aws', inputs)).map((f) => f.messageId), inputs).toEqual(['moduleMissing']);
    }
  });

  it('accepts a passed profile, create_iam_instance_profile = true, a launch template and create = false', () => {
    for (const inputs of [
      '  iam_instance_profile = aws_iam_instance_profile.app.name\n',
      '  iam_instance_profile = "app-profile"\n',
      '  create_iam_instance_profile = true\n',
      '  launch_template = { name = "shared" }\n',
      '  create = false\n',
    ]) {
      expect(run('main.tf', call('terraform-aws-modules/ec2-instance/aws', inputs)), inputs).toHaveLength(0);
    }
  });

  it('treats a variable without default and a conditional as passed, but reads a variable default', () => {
    const vars = 'variable "p" {}\nvariable "c" {\n  type = bool\n}\nvariable "empty" {\n  default = ""\n}\n';
    expect(run('main.tf', vars + call('terraform-aws-modules/ec2-instance/aws', '  iam_instance_profile = var.p\n'))).toHaveLength(0);
    expect(run('main.tf', vars + call('terraform-aws-modules/ec2-instance/aws', '  create_iam_instance_profile = var.c\n'))).toHaveLength(0);
    expect(run('main.tf', vars + call('terraform-aws-modules/ec2-instance/aws', '  iam_instance_profile = var.p == "" ? null : var.p\n'))).toHaveLength(0);
    const found = run('main.tf', vars + call('terraform-aws-modules/ec2-instance/aws', '  iam_instance_profile = var.empty\n'));
    expect(found.map((f) => [f.messageId, f.region])).toEqual([['moduleMissing', { startLine: 9, startColumn: 13, endLine: 9, endColumn: 51 }]]);
  });

  it('reports an autoscaling module call without iam_instance_profile_arn, as an error when its base64encode user_data calls an SDK', () => {
    const inputs = '  user_data = base64encode(<<-EOT\n    #!/bin/bash\n    python3 -c "import boto3"\n  EOT\n  )\n';
    const found = run('main.tf', call('git::https://github.com/terraform-aws-modules/terraform-aws-autoscaling.git?ref=v7.4.0', inputs));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ messageId: 'moduleMissingWithApiCalls', severity: 'error', region: { startLine: 2, startColumn: 13, endLine: 2, endColumn: 99 } });
    expect(found[0]?.message).toContain('module.web (terraform-aws-modules/autoscaling)');
    expect(found[0]?.message).toContain('pass iam_instance_profile_arn or set create_iam_instance_profile = true');
  });

  it('accepts an autoscaling module with a profile ARN or name, a created profile, or an external launch template', () => {
    for (const inputs of [
      '  iam_instance_profile_arn = aws_iam_instance_profile.app.arn\n',
      '  iam_instance_profile_name = "app"\n',
      '  create_iam_instance_profile = true\n',
      '  create_launch_template = false\n  launch_template = "shared"\n',
      '  create_launch_template = false\n  launch_template_name = "shared"\n',
      '  create_launch_template = var.create_lt\n',
    ]) {
      expect(run('main.tf', call('terraform-aws-modules/autoscaling/aws', inputs)), inputs).toHaveLength(0);
    }
    // A template the module creates itself (named by launch_template_name) has no profile.
    expect(run('main.tf', call('terraform-aws-modules/autoscaling/aws', '  launch_template_name = "workers"\n')).map((f) => f.messageId)).toEqual(['moduleMissing']);
  });

  it('does not report EKS node group modules, other terraform-aws-modules or other organisations', () => {
    for (const source of [
      'terraform-aws-modules/eks/aws//modules/eks-managed-node-group',
      'terraform-aws-modules/eks/aws//modules/self-managed-node-group',
      'terraform-aws-modules/vpc/aws',
      'cloudposse/ec2-instance/aws',
      './modules/ec2-instance',
    ]) {
      expect(run('main.tf', call(source)), source).toHaveLength(0);
    }
  });

  it('reports a module call of a .tf.json file at its source value', () => {
    const json = '{"module": {"web": {\n  "source": "terraform-aws-modules/ec2-instance/aws",\n  "name": "web"\n}}}\n';
    expect(run('main.tf.json', json).map((f) => [f.messageId, f.region])).toEqual([['moduleMissing', { startLine: 2, startColumn: 14, endLine: 2, endColumn: 52 }]]);
  });
});
