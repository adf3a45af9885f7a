import { describe, expect, it } from 'vitest';
import { describeRuleFixtures } from '../helpers/rule-harness.js';
import { lintText } from '../helpers/fixtures.js';

const RULE = 'no-wildcard-principal';

describeRuleFixtures(RULE);

function run(path: string, text: string) {
  return lintText(path, text, { rules: [RULE] }).findings;
}

const bucketPolicy = (statement: string) =>
  ['Resources:', '  P:', '    Type: AWS::S3::BucketPolicy', '    Properties:', '      Bucket: b', '      PolicyDocument:', '        Statement:', ...statement.split('\n').map((l) => `          ${l}`), ''].join('\n');

describe(RULE, () => {
  it('reports Principal "*" of a bucket policy at the "*"', () => {
    const [f, ...rest] = run('template.yaml', bucketPolicy("- Effect: Allow\n  Principal: '*'\n  Action: s3:GetObject\n  Resource: arn:aws:s3:::b/*"));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ messageId: 'wildcardPrincipal', region: { startLine: 9, startColumn: 25, endLine: 9, endColumn: 26 } });
    expect(f!.message).toContain('AWS::S3::BucketPolicy P');
  });

  it('accepts a condition that pins the caller, not one that does not', () => {
    const pinned = bucketPolicy("- Effect: Allow\n  Principal: { AWS: '*' }\n  Action: s3:GetObject\n  Resource: arn:aws:s3:::b/*\n  Condition:\n    StringEquals: { aws:PrincipalOrgID: o-abc123 }");
    expect(run('template.yaml', pinned)).toEqual([]);
    const star = pinned.replace('aws:PrincipalOrgID: o-abc123', "aws:PrincipalOrgID: '*'");
    expect(run('template.yaml', star).map((f) => f.messageId)).toEqual(['wildcardPrincipal']);
    const tls = pinned.replace('StringEquals: { aws:PrincipalOrgID: o-abc123 }', "Bool: { aws:SecureTransport: 'true' }");
    expect(run('template.yaml', tls).map((f) => f.messageId)).toEqual(['wildcardPrincipal']);
  });

  it('never reports Deny statements or the account root', () => {
    expect(run('template.yaml', bucketPolicy("- Effect: Deny\n  Principal: '*'\n  Action: s3:*\n  Resource: arn:aws:s3:::b/*"))).toEqual([]);
    expect(run('template.yaml', bucketPolicy("- Effect: Allow\n  Principal: { AWS: !Sub 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' }\n  Action: s3:*\n  Resource: arn:aws:s3:::b/*"))).toEqual([]);
  });

  it('reports a trust policy that any AWS principal may assume, in a Terraform heredoc', () => {
    const tf = 'resource "aws_iam_role" "r" {\n  assume_role_policy = <<EOF\n{"Statement": [{"Effect": "Allow", "Principal": {"AWS": ["*"]}, "Action": "sts:AssumeRole"}]}\nEOF\n}\n';
    const [f] = run('main.tf', tf);
    expect(f).toMatchObject({ messageId: 'wildcardTrust', region: { startLine: 3, startColumn: 59, endLine: 3, endColumn: 60 } });
  });

  it('reports Allow with NotPrincipal at the key', () => {
    const [f] = run('template.yaml', bucketPolicy("- Effect: Allow\n  NotPrincipal: { AWS: arn:aws:iam::111122223333:root }\n  Action: s3:GetObject\n  Resource: arn:aws:s3:::b/*"));
    expect(f).toMatchObject({ messageId: 'notPrincipalAllow', region: { startLine: 9, startColumn: 3 + 10, endLine: 9, endColumn: 15 + 10 } });
  });

  it('reads both branches of !If around AssumeRolePolicyDocument and reports the wildcard in its branch', () => {
    const yaml = [
      'Resources:',
      '  Role:',
      '    Type: AWS::IAM::Role',
      '    Properties:',
      '      AssumeRolePolicyDocument: !If',
      '        - Shared',
      "        - Statement: [{ Effect: Allow, Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }]",
      "        - Statement: [{ Effect: Allow, Principal: { Service: ec2.amazonaws.com }, Action: 'sts:AssumeRole' }]",
      '',
    ].join('\n');
    const found = run('template.yaml', yaml);
    expect(found.map((f) => [f.region.startLine, f.region.startColumn, f.region.endColumn])).toEqual([[7, 59, 60]]);
  });
});
