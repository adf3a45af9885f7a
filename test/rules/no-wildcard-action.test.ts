import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeRuleFixtures } from '../helpers/rule-harness.js';
import { lintText } from '../helpers/fixtures.js';
import { getCatalog } from '../../src/iam/catalog.js';

const RULE = 'no-wildcard-action';

describeRuleFixtures(RULE);

function run(path: string, text: string, absPath?: string) {
  return lintText(path, text, { rules: [RULE], ...(absPath ? { absPath } : {}) }).findings.filter((f) => f.ruleId === RULE);
}

describe(RULE, () => {
  it('reports s3:* at the action with the counts of the catalogue', () => {
    const yaml = ['Resources:', '  P:', '    Type: AWS::IAM::ManagedPolicy', '    Properties:', '      PolicyDocument:', '        Statement:', '          - Effect: Allow', '            Action: s3:*', "            Resource: '*'", ''].join('\n');
    const [f, ...rest] = run('template.yaml', yaml);
    expect(rest).toEqual([]);
    const s3 = getCatalog().expand('s3:*');
    const writes = s3.filter((a) => a.level === 'Write').length;
    expect(f).toMatchObject({ messageId: 'serviceWildcard', region: { startLine: 8, startColumn: 21, endLine: 8, endColumn: 25 } });
    expect(f!.message).toContain(`allows ${s3.length} s3 actions (${writes} write`);
    expect(f!.message).toContain('on every resource');
  });

  it('reports "*" as an error only when it applies to every resource', () => {
    const onStar = run('policy.json', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}\n');
    expect(onStar.map((f) => [f.messageId, f.severity, f.region.startColumn, f.region.endColumn])).toEqual([['allActions', 'error', 72, 73]]);
    const scoped = run('policy.json', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::b/*"}]}\n');
    expect(scoped.map((f) => [f.messageId, f.severity])).toEqual([['allActions', 'warning']]);
  });

  it('reports Allow with NotAction at the NotAction key, and never Deny with NotAction', () => {
    const json = '{"Statement": [{"Effect": "Allow", "NotAction": ["iam:*"], "Resource": "*"}, {"Effect": "Deny", "NotAction": "s3:*", "Resource": "*"}]}\n';
    expect(run('policy.json', json).map((f) => [f.messageId, f.region.startColumn, f.region.endColumn])).toEqual([['notAction', 36, 47]]);
  });

  it('accepts wildcards that only expand to List and Read actions', () => {
    const json = '{"Statement": [{"Effect": "Allow", "Action": ["s3:Get*", "s3:List*", "ec2:Describe*", "cloudwatch:Get*"], "Resource": "*"}]}\n';
    expect(run('policy.json', json)).toEqual([]);
  });

  it('reports a pattern that expands to write actions at its exact place inside a CloudFormation JSON string', () => {
    const json = '{"Resources": {"P": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"PolicyDocument": "{\\"Statement\\": [{\\"Effect\\": \\"Allow\\", \\"Action\\": \\"sns:*\\", \\"Resource\\": \\"*\\"}]}"}}}}\n';
    const [f] = run('template.json', json);
    expect(f).toMatchObject({ messageId: 'serviceWildcard' });
    expect(json.slice(f!.region.startColumn - 1, f!.region.endColumn - 1)).toBe('sns:*');
  });

  it('reads a policy from file() next to the Terraform module', () => {
    const dir = mkdtempSync(join(tmpdir(), 'credlint-iam-'));
    writeFileSync(join(dir, 'policy.json'), '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:*", "Resource": "*"}]}\n');
    const tf = 'resource "aws_iam_policy" "p" {\n  policy = file("${path.module}/policy.json")\n}\n';
    writeFileSync(join(dir, 'main.tf'), tf);
    const [f, ...rest] = run('main.tf', tf, join(dir, 'main.tf'));
    expect(rest).toEqual([]);
    // A policy read from another file maps to the file() call.
    expect(f).toMatchObject({ messageId: 'serviceWildcard', region: { startLine: 2, startColumn: 12, endLine: 2, endColumn: 46 } });
  });

  it('never reports statements of a sibling file of the module at this file\'s offsets', () => {
    const dir = mkdtempSync(join(tmpdir(), 'credlint-iam-'));
    const iam = 'resource "aws_iam_role_policy" "p" {\n  role   = aws_iam_role.r.id\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*" }] })\n}\n';
    const main = 'resource "aws_iam_role" "r" {\n  name               = "r"\n  assume_role_policy = "{}"\n}\n';
    writeFileSync(join(dir, 'iam.tf'), iam);
    writeFileSync(join(dir, 'main.tf'), main);
    expect(run('main.tf', main, join(dir, 'main.tf'))).toEqual([]);
    expect(run('iam.tf', iam, join(dir, 'iam.tf')).map((f) => f.region.startLine)).toEqual([3]);
  });

  it('follows source_policy_documents and override_policy_documents of a policy document', () => {
    const tf = [
      'data "aws_iam_policy_document" "base" {',
      '  statement {',
      '    sid       = "Logs"',
      '    actions   = ["logs:*"]',
      '    resources = ["*"]',
      '  }',
      '}',
      'data "aws_iam_policy_document" "final" {',
      '  source_policy_documents = [data.aws_iam_policy_document.base.json]',
      '  statement {',
      '    actions   = ["sqs:*"]',
      '    resources = ["arn:aws:sqs:*:*:jobs"]',
      '  }',
      '}',
      '',
    ].join('\n');
    const found = run('main.tf', tf).map((f) => `${f.region.startLine}:${f.region.startColumn}`);
    expect(found).toEqual(['4:19', '11:19']);
    // An override replaces the statement of the same sid: the own sqs:* statement is gone.
    const override = tf.replace('source_policy_documents', 'override_policy_documents').replace('actions   = ["sqs:*"]', 'sid = "Logs"\n    actions   = ["sqs:*"]');
    expect(run('main.tf', override).map((f) => f.region.startLine)).toEqual([4]);
  });

  it('accepts an Allow that a Deny in another policy of the same user takes back', () => {
    const tf = [
      'resource "aws_iam_user" "u" { name = "u" }',
      'resource "aws_iam_user_policy" "allow" {',
      '  user   = aws_iam_user.u.name',
      '  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "lambda:*", Resource = "*" }] })',
      '}',
      'resource "aws_iam_user_policy" "deny" {',
      '  user   = aws_iam_user.u.name',
      '  policy = jsonencode({ Statement = [{ Effect = "Deny", Action = "lambda:*", Resource = "*" }] })',
      '}',
      '',
    ].join('\n');
    expect(run('main.tf', tf)).toEqual([]);
  });

  it('reports a statement written identically in both branches of !If once, at the first branch', () => {
    const st = "{ Effect: Allow, Action: 's3:*', Resource: '*' }";
    const yaml = ['Resources:', '  P:', '    Type: AWS::IAM::ManagedPolicy', '    Properties:', '      PolicyDocument:', `        Statement: !If [Wide, [${st}], [${st}, { Effect: Allow, Action: 'sqs:*', Resource: '*' }]]`, ''].join('\n');
    const found = run('template.yaml', yaml);
    const line = yaml.split('\n')[5]!;
    expect(found.map((f) => [f.region.startLine, f.region.startColumn])).toEqual([
      [6, line.indexOf("'s3:*'") + 2],
      [6, line.indexOf("'sqs:*'") + 2],
    ]);
  });
});
