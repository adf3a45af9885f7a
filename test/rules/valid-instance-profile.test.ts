import { describe, expect, it } from 'vitest';
import { describeRuleFixtures } from '../helpers/rule-harness.js';
import { lintText } from '../helpers/fixtures.js';
import { trustsEc2 } from '../../src/iac/graph.js';
import type { IacValue } from '../../src/iac/value.js';

const RULE = 'valid-instance-profile';

describeRuleFixtures(RULE);

function run(path: string, text: string) {
  return lintText(path, text, { rules: [RULE] }).findings.filter((f) => f.ruleId === RULE);
}

const EC2_ROLE_YAML = [
  '  Role:',
  '    Type: AWS::IAM::Role',
  '    Properties:',
  '      AssumeRolePolicyDocument:',
  '        Statement:',
  '          - Effect: Allow',
  '            Principal: { Service: ec2.amazonaws.com }',
  '            Action: sts:AssumeRole',
];

describe(RULE, () => {
  it('reports !Ref of an AWS::IAM::Role as an instance profile at the !Ref token', () => {
    const yaml = ['Resources:', ...EC2_ROLE_YAML, '  Web:', '    Type: AWS::EC2::Instance', '    Properties:', '      IamInstanceProfile: !Ref Role', ''].join('\n');
    const found = run('template.yaml', yaml);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ messageId: 'roleInsteadOfProfile', region: { startLine: 13, startColumn: 27, endLine: 13, endColumn: 36 } });
    expect(found[0]!.message).toContain('AWS::IAM::Role Role');
  });

  it('reports a role ARN in LaunchTemplateData.IamInstanceProfile.Arn written with Fn::GetAtt in JSON', () => {
    const json = [
      '{"Resources": {',
      '  "Role": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}}},',
      '  "LT": {"Type": "AWS::EC2::LaunchTemplate", "Properties": {"LaunchTemplateData": {"IamInstanceProfile": {"Arn": {"Fn::GetAtt": ["Role", "Arn"]}}}}}',
      '}}',
    ].join('\n');
    expect(run('template.json', json).map((f) => [f.messageId, f.region])).toEqual([
      ['roleInsteadOfProfile', { startLine: 3, startColumn: 114, endLine: 3, endColumn: 145 }],
    ]);
  });

  it('reports a literal role ARN with pseudo parameters at the string, not the !Sub tag', () => {
    const yaml = 'Resources:\n  LC:\n    Type: AWS::AutoScaling::LaunchConfiguration\n    Properties:\n      IamInstanceProfile: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/app"\n';
    const [f] = run('template.yaml', yaml);
    expect(f).toMatchObject({ messageId: 'roleArn', region: { startLine: 5, startColumn: 33, endLine: 5, endColumn: 86 } });
  });

  it('accepts an instance profile ARN and a reference to the role name when a profile is named after the role', () => {
    expect(run('template.yaml', 'Resources:\n  LC:\n    Type: AWS::AutoScaling::LaunchConfiguration\n    Properties:\n      IamInstanceProfile: arn:aws:iam::123456789012:instance-profile/app\n')).toEqual([]);
    const yaml = ['Resources:', ...EC2_ROLE_YAML, '  Profile:', '    Type: AWS::IAM::InstanceProfile', '    Properties:', '      InstanceProfileName: !Ref Role', '      Roles: [!Ref Role]', '  Web:', '    Type: AWS::EC2::Instance', '    Properties:', '      IamInstanceProfile: !Ref Role', ''].join('\n');
    expect(run('template.yaml', yaml)).toEqual([]);
  });

  it('reports aws_iam_role.x.name as iam_instance_profile of an aws_instance at the expression', () => {
    const tf = [
      'resource "aws_iam_role" "app" {',
      '  name               = "app"',
      '  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }] })',
      '}',
      'resource "aws_instance" "app" {',
      '  ami                  = "ami-1"',
      '  iam_instance_profile = aws_iam_role.app.name',
      '}',
      '',
    ].join('\n');
    const [f, ...rest] = run('main.tf', tf);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ messageId: 'roleInsteadOfProfile', region: { startLine: 7, startColumn: 26, endLine: 7, endColumn: 47 } });
  });

  it('reports "${aws_iam_role.x.arn}" in a launch template iam_instance_profile block', () => {
    const tf = 'resource "aws_iam_role" "r" {\n  assume_role_policy = "{}"\n}\nresource "aws_launch_template" "lt" {\n  iam_instance_profile {\n    arn = "${aws_iam_role.r.arn}"\n  }\n}\n';
    expect(run('main.tf', tf).map((f) => [f.messageId, f.region])).toEqual([['roleInsteadOfProfile', { startLine: 6, startColumn: 11, endLine: 6, endColumn: 34 }]]);
  });

  it('reports an aws_iam_instance_profile without role at its type label, and role = null too', () => {
    const tf = 'resource "aws_iam_instance_profile" "p" {\n  name = "p"\n}\nresource "aws_iam_instance_profile" "q" {\n  role = null\n}\n';
    expect(run('main.tf', tf).map((f) => [f.messageId, f.region])).toEqual([
      ['profileWithoutRole', { startLine: 1, startColumn: 11, endLine: 1, endColumn: 35 }],
      ['profileWithoutRole', { startLine: 4, startColumn: 11, endLine: 4, endColumn: 35 }],
    ]);
  });

  it('reports a wrapped role whose trust policy names only lambda.amazonaws.com at its assume_role_policy attribute, once', () => {
    const tf = [
      'resource "aws_iam_role" "fn" {',
      '  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { Service = ["lambda.amazonaws.com"] }, Action = ["sts:AssumeRole"] }] })',
      '}',
      'resource "aws_iam_instance_profile" "a" {',
      '  role = aws_iam_role.fn.name',
      '}',
      'resource "aws_iam_instance_profile" "b" {',
      '  role = aws_iam_role.fn.id',
      '}',
      '',
    ].join('\n');
    expect(run('main.tf', tf).map((f) => [f.messageId, f.region])).toEqual([['roleNotTrustingEc2', { startLine: 2, startColumn: 3, endLine: 2, endColumn: 21 }]]);
  });

  it('stays silent when the trust policy document merges statements it cannot see (source_policy_documents, dynamic)', () => {
    const tf = [
      'data "aws_iam_policy_document" "trust" {',
      '  source_policy_documents = [file("ec2-trust.json")]',
      '  statement {',
      '    actions = ["sts:AssumeRole"]',
      '    principals {',
      '      type        = "Service"',
      '      identifiers = ["ssm.amazonaws.com"]',
      '    }',
      '  }',
      '}',
      'resource "aws_iam_role" "r" {',
      '  assume_role_policy = data.aws_iam_policy_document.trust.json',
      '}',
      'resource "aws_iam_instance_profile" "p" {',
      '  role = aws_iam_role.r.name',
      '}',
      '',
    ].join('\n');
    expect(run('main.tf', tf)).toEqual([]);
  });

  it('stays silent on variables without default, parameters, imports and data sources', () => {
    expect(run('main.tf', 'variable "p" {}\nresource "aws_instance" "a" {\n  iam_instance_profile = var.p\n}\nresource "aws_iam_instance_profile" "x" {\n  role = var.p\n}\n')).toEqual([]);
    expect(run('main.tf', 'data "aws_iam_role" "r" {\n  name = "r"\n}\nresource "aws_instance" "a" {\n  iam_instance_profile = data.aws_iam_role.r.name\n}\n')).toEqual([]);
    expect(run('t.yaml', 'Resources:\n  I:\n    Type: AWS::EC2::Instance\n    Properties:\n      IamInstanceProfile: !ImportValue shared-profile\n')).toEqual([]);
    expect(run('t.yaml', 'Parameters:\n  R:\n    Type: String\nResources:\n  P:\n    Type: AWS::IAM::InstanceProfile\n    Properties:\n      Roles: [!Ref R]\n')).toEqual([]);
  });
});

describe('trustsEc2', () => {
  const doc = (statements: unknown[]): IacValue => ({ kind: 'string', value: JSON.stringify({ Statement: statements }), range: { start: 0, end: 0 } });
  const allowEc2 = { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' };

  it('accepts Service as string or list and actions as wildcards', () => {
    expect(trustsEc2(doc([allowEc2]))).toBe(true);
    expect(trustsEc2(doc([{ ...allowEc2, Principal: { Service: ['ssm.amazonaws.com', 'ec2.amazonaws.com'] } }]))).toBe(true);
    for (const Action of ['sts:*', '*', 'sts:Assume*', ['sts:TagSession', 'STS:ASSUMEROLE']]) expect(trustsEc2(doc([{ ...allowEc2, Action }]))).toBe(true);
    expect(trustsEc2(doc([{ ...allowEc2, Principal: '*' }]))).toBe(true);
  });

  it('rejects other services, other actions, a NotAction that excludes AssumeRole and an unconditional Deny', () => {
    expect(trustsEc2(doc([{ ...allowEc2, Principal: { Service: 'lambda.amazonaws.com' } }]))).toBe(false);
    expect(trustsEc2(doc([{ ...allowEc2, Action: 'sts:AssumeRoleWithWebIdentity' }]))).toBe(false);
    expect(trustsEc2(doc([{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, NotAction: 'sts:*' }]))).toBe(false);
    expect(trustsEc2(doc([allowEc2, { Effect: 'Deny', Principal: { Service: 'ec2.amazonaws.com' }, Action: '*' }]))).toBe(false);
  });

  it('does not guess: conditions on a Deny, unknown principals and unknown statements are not a verdict of false', () => {
    expect(trustsEc2(doc([allowEc2, { Effect: 'Deny', Principal: '*', Action: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }]))).toBe(true);
    expect(trustsEc2(doc([{ ...allowEc2, Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } } }]))).toBe(true);
    expect(trustsEc2(doc([{ ...allowEc2, Principal: { Service: 'ec2.${AWS::URLSuffix}' } }]))).toBeUndefined();
    expect(trustsEc2({ kind: 'map', entries: [{ key: 'Statement', keyRange: { start: 0, end: 0 }, value: { kind: 'unknown', reason: 'dynamic', range: { start: 0, end: 0 } } }], range: { start: 0, end: 0 } })).toBeUndefined();
  });
});
