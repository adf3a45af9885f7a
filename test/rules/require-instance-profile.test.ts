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
