import { describe, expect, it } from 'vitest';
import { describeRuleFixtures } from '../helpers/rule-harness.js';
import { lintText } from '../helpers/fixtures.js';

const RULE = 'no-admin-policy';

describeRuleFixtures(RULE);

function run(path: string, text: string) {
  return lintText(path, text, { rules: [RULE, 'no-wildcard-action'] }).findings;
}

const EC2_ROLE = ['  Role:', '    Type: AWS::IAM::Role', '    Properties:', '      AssumeRolePolicyDocument:', '        Statement:', '          - Effect: Allow', '            Principal: { Service: ec2.amazonaws.com }', '            Action: sts:AssumeRole'];

describe(RULE, () => {
  it('reports AdministratorAccess on an EC2 role at the ARN and names the instance that runs with it', () => {
    const yaml = ['Resources:', ...EC2_ROLE, '      ManagedPolicyArns: [arn:aws-cn:iam::aws:policy/AdministratorAccess]', '  Profile:', '    Type: AWS::IAM::InstanceProfile', '    Properties:', '      Roles: [!Ref Role]', '  Web:', '    Type: AWS::EC2::Instance', '    Properties:', '      IamInstanceProfile: !Ref Profile', ''].join('\n');
    const [f, ...rest] = run('template.yaml', yaml);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ruleId: RULE, messageId: 'adminCompute', severity: 'error', region: { startLine: 10, startColumn: 27, endLine: 10, endColumn: 73 } });
    expect(f!.message).toContain('runs on EC2 (AWS::EC2::Instance Web)');
    expect(f!.message).toContain('through AdministratorAccess');
  });

  it('reports "*" on "*" once, under no-admin-policy (it supersedes no-wildcard-action at the same token)', () => {
    const yaml = ['Resources:', ...EC2_ROLE, '      Policies:', '        - PolicyName: p', '          PolicyDocument:', '            Statement:', '              - Effect: Allow', "                Action: '*'", "                Resource: '*'", ''].join('\n');
    expect(run('template.yaml', yaml).map((f) => [f.ruleId, f.messageId, f.region.startLine, f.region.startColumn, f.region.endColumn])).toEqual([[RULE, 'adminCompute', 15, 26, 27]]);
  });

  it('judges AWS managed policies by content: PowerUserAccess is near-admin, ReadOnlyAccess is not', () => {
    const tf = (arn: string) => `resource "aws_iam_user" "u" {\n  name = "u"\n}\nresource "aws_iam_user_policy_attachment" "a" {\n  user       = aws_iam_user.u.name\n  policy_arn = "${arn}"\n}\n`;
    const [f] = run('main.tf', tf('arn:aws:iam::aws:policy/PowerUserAccess'));
    expect(f).toMatchObject({ messageId: 'nearAdmin', severity: 'warning', region: { startLine: 6, startColumn: 17, endLine: 6, endColumn: 56 } });
    expect(run('main.tf', tf('arn:aws:iam::aws:policy/ReadOnlyAccess'))).toEqual([]);
    expect(run('main.tf', tf('arn:aws-us-gov:iam::aws:policy/AmazonS3FullAccess'))).toEqual([]);
  });

  it('combines the policies of a user and the groups it belongs to', () => {
    const tf = [
      'resource "aws_iam_group" "g" { name = "g" }',
      'resource "aws_iam_user" "u" { name = "u" }',
      'resource "aws_iam_group_membership" "m" {',
      '  name  = "m"',
      '  group = aws_iam_group.g.name',
      '  users = [aws_iam_user.u.name]',
      '}',
      'resource "aws_iam_group_policy" "all_but_s3" {',
      '  group  = aws_iam_group.g.name',
      '  policy = jsonencode({ Statement = [{ Effect = "Allow", NotAction = "s3:*", Resource = "*" }] })',
      '}',
      'resource "aws_iam_user_policy" "s3" {',
      '  user   = aws_iam_user.u.name',
      '  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*" }] })',
      '}',
      '',
    ].join('\n');
    const found = run('main.tf', tf).filter((f) => f.ruleId === RULE);
    // The group alone is near-admin; the user, with its own s3:*, has every action.
    expect(found.map((f) => [f.messageId, f.region.startLine, f.message.slice(0, 16)])).toEqual([['nearAdmin', 10, 'aws_iam_group.g '], ['admin', 14, 'aws_iam_user.u h']]);
  });

  it('stays silent when the admin policy comes from outside (a variable ARN)', () => {
    const tf = 'resource "aws_iam_role" "r" {\n  assume_role_policy = "{}"\n  managed_policy_arns = [var.admin_arn]\n}\n';
    expect(run('main.tf', tf)).toEqual([]);
  });
});
