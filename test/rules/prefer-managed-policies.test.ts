import { describe, expect, it } from 'vitest';
import { describeRuleFixtures } from '../helpers/rule-harness.js';
import { tempDir } from '../helpers/tmp.js';
import { lint } from '../../src/index.js';
import { lintText } from '../helpers/fixtures.js';

const RULE = 'prefer-managed-policies';

describeRuleFixtures(RULE);

function run(path: string, text: string) {
  return lintText(path, text, { rules: [RULE] }).findings;
}

describe(RULE, () => {
  it('notes an inline_policy block of a role at its policy attribute, as a note', () => {
    const tf = 'resource "aws_iam_role" "r" {\n  assume_role_policy = "{}"\n  inline_policy {\n    name   = "p"\n    policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }] })\n  }\n}\n';
    const [f, ...rest] = run('main.tf', tf);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ messageId: 'inlinePolicy', severity: 'note', region: { startLine: 5, startColumn: 5, endLine: 5, endColumn: 11 } });
  });

  it('notes a policy attached to a user through aws_iam_policy_attachment', () => {
    const tf = 'resource "aws_iam_user" "u" { name = "u" }\nresource "aws_iam_policy_attachment" "a" {\n  name       = "a"\n  users      = [aws_iam_user.u.name]\n  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"\n}\n';
    expect(run('main.tf', tf).map((f) => [f.messageId, f.region.startLine, f.region.startColumn])).toEqual([['userPolicy', 5, 17]]);
  });

  it('leaves the roles SAM creates alone', () => {
    const yaml = 'Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      Policies:\n        - Statement: [{ Effect: Allow, Action: s3:GetObject, Resource: "*" }]\n';
    expect(run('template.yaml', yaml)).toEqual([]);
  });

  it('notes an attachment where it is written: in attach.tf for a user of user.tf, and for a user the module does not declare', async () => {
    const t = tempDir('credlint-iam9-');
    t.write('user.tf', 'resource "aws_iam_user" "u" {\n  name = "u"\n}\n');
    t.write('attach.tf', 'resource "aws_iam_user_policy_attachment" "a" {\n  user       = aws_iam_user.u.name\n  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"\n}\nresource "aws_iam_user_policy_attachment" "b" {\n  user       = var.user\n  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"\n}\n');
    const result = await lint(['.'], { cwd: t.dir, useGit: false, concurrency: 'off' });
    expect(result.findings.filter((f) => f.ruleId === RULE).map((f) => [f.path, f.messageId, f.region.startLine, f.region.startColumn, f.region.endColumn, f.message.split(' is ')[0]])).toEqual([
      ['attach.tf', 'userPolicy', 3, 17, 55, 'aws_iam_user.u'],
      ['attach.tf', 'userPolicy', 7, 17, 55, 'user var.user'],
    ]);
  });
});
