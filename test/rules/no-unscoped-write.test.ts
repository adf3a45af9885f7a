import { describe, expect, it } from 'vitest';
import { describeRuleFixtures } from '../helpers/rule-harness.js';
import { lintText } from '../helpers/fixtures.js';

const RULE = 'no-unscoped-write';

describeRuleFixtures(RULE);

function run(path: string, text: string, rules: string[] = [RULE]) {
  return lintText(path, text, { rules }).findings;
}

const policy = (statement: string) => `{"Version": "2012-10-17", "Statement": [${statement}]}\n`;

describe(RULE, () => {
  it('reports scopable write actions on "*" at the "*" token, naming them and their resource types', () => {
    const json = policy('{"Effect": "Allow", "Action": ["s3:PutObject", "ec2:DescribeInstances"], "Resource": "*"}');
    const [f, ...rest] = run('policy.json', json);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ messageId: 'unscopedWrite', region: { startLine: 1, startColumn: 127, endLine: 1, endColumn: 128 } });
    expect(f!.message).toBe('s3:PutObject on every resource: it can be scoped to accesspointobject, object ARNs');
  });

  it('accepts actions that only accept "*" (checkov\'s classic false positive)', () => {
    const json = policy('{"Effect": "Allow", "Action": ["ec2:DescribeInstances", "s3:ListAllMyBuckets", "ecr:GetAuthorizationToken", "cloudwatch:PutMetricData", "sts:GetCallerIdentity"], "Resource": "*"}');
    expect(run('policy.json', json)).toEqual([]);
  });

  it('accepts a condition on resource tags or a service key, not one on transport', () => {
    const tagged = policy('{"Effect": "Allow", "Action": "ec2:StopInstances", "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/env": "dev"}}}');
    expect(run('policy.json', tagged)).toEqual([]);
    const tls = policy('{"Effect": "Allow", "Action": "ec2:StopInstances", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}');
    expect(run('policy.json', tls).map((f) => f.messageId)).toEqual(['unscopedWrite']);
  });

  it('leaves wildcards, iam:PassRole and credential actions to the more specific rules (one defect, one finding)', () => {
    const json = policy('{"Effect": "Allow", "Action": ["s3:*", "iam:PassRole", "secretsmanager:GetSecretValue", "kms:Decrypt"], "Resource": "*"}');
    expect(run('policy.json', json)).toEqual([]);
  });

  it('reports a Terraform data document statement at its resources entry', () => {
    const tf = 'data "aws_iam_policy_document" "p" {\n  statement {\n    actions   = ["sqs:SendMessage"]\n    resources = ["*"]\n  }\n}\n';
    expect(run('main.tf', tf).map((f) => [f.region.startLine, f.region.startColumn, f.region.endColumn])).toEqual([[4, 19, 20]]);
  });

  it('reports a Resource "*" chosen by !If at the "*" of its branch', () => {
    const yaml = ['Resources:', '  P:', '    Type: AWS::IAM::ManagedPolicy', '    Properties:', '      PolicyDocument:', '        Statement:', '          - Effect: Allow', '            Action: s3:PutObject', "            Resource: !If [AnyBucket, '*', 'arn:aws:s3:::b/*']", ''].join('\n');
    expect(run('template.yaml', yaml).map((f) => [f.region.startLine, f.region.startColumn, f.region.endColumn])).toEqual([[9, 40, 41]]);
  });
});
