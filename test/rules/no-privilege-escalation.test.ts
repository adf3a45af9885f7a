import { describe, expect, it } from 'vitest';
import { describeRuleFixtures } from '../helpers/rule-harness.js';
import { lintText } from '../helpers/fixtures.js';
import { buildSarif } from '../../src/reporters/sarif.js';
import { rules } from '../../rules/index.js';

const RULE = 'no-privilege-escalation';

describeRuleFixtures(RULE);

function run(path: string, text: string) {
  return lintText(path, text, { rules: [RULE] }).findings;
}

const role = (policies: string[]) =>
  [
    'resource "aws_iam_role" "ci" {',
    '  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { Service = "codebuild.amazonaws.com" }, Action = "sts:AssumeRole" }] })',
    '}',
    ...policies.map((p, i) => `resource "aws_iam_role_policy" "p${i}" {\n  role   = aws_iam_role.ci.id\n  policy = jsonencode({ Statement = [${p}] })\n}`),
    '',
  ].join('\n');

describe(RULE, () => {
  it('combines two policies of one role into the PassRole + RunInstances path and points at both statements', () => {
    const tf = role(['{ Effect = "Allow", Action = "ec2:RunInstances", Resource = "*" }', '{ Effect = "Allow", Action = "iam:PassRole", Resource = "*" }']);
    const found = run('main.tf', tf);
    expect(found.map((f) => [f.messageId, f.region.startLine, f.region.startColumn, f.region.endColumn])).toEqual([['escalation', 10, 68, 80]]);
    expect(found[0]!.message).toContain('pass a role to a new EC2 instance (iam:PassRole + ec2:RunInstances)');
    expect(found[0]!.related).toEqual([{ region: { startLine: 6, startColumn: 68, endLine: 6, endColumn: 84 }, message: 'ec2:RunInstances (aws_iam_role_policy.p0)' }]);
  });

  it('carries the statements of the path as SARIF relatedLocations', () => {
    const tf = role(['{ Effect = "Allow", Action = ["ec2:RunInstances", "iam:PassRole"], Resource = "*" }', '{ Effect = "Allow", Action = "lambda:UpdateFunctionCode", Resource = "*" }']);
    const { findings } = lintText('main.tf', tf, { rules: [RULE] });
    const log = buildSarif({ result: { findings, notifications: [], stats: { filesDiscovered: 1, filesScanned: 1, bytesScanned: tf.length }, enabledRules: [RULE], baseDir: '/tmp' }, rules, version: '0.0.0' });
    const result = log.runs[0]!.results![0]!;
    expect(result.relatedLocations?.map((l) => [l.id, l.physicalLocation?.region?.startLine, l.message?.text])).toEqual([[1, 6, 'ec2:RunInstances (aws_iam_role_policy.p0)']]);
    expect(result.message.text).toContain('1 more path');
  });

  it('honours resource scope, iam:PassedToService for another service and explicit Deny', () => {
    expect(run('main.tf', role(['{ Effect = "Allow", Action = ["ec2:RunInstances"], Resource = "*" }', '{ Effect = "Allow", Action = "iam:PassRole", Resource = "arn:aws:iam::111122223333:role/worker" }']))).toEqual([]);
    expect(run('main.tf', role(['{ Effect = "Allow", Action = ["ec2:RunInstances", "iam:PassRole"], Resource = "*", Condition = { StringEquals = { "iam:PassedToService" = "ecs-tasks.amazonaws.com" } } }']))).toEqual([]);
    // PassedToService naming the path's service keeps the path open.
    expect(run('main.tf', role(['{ Effect = "Allow", Action = ["ec2:RunInstances"], Resource = "*" }', '{ Effect = "Allow", Action = ["iam:PassRole"], Resource = "*", Condition = { StringEquals = { "iam:PassedToService" = "ec2.amazonaws.com" } } }'])).map((f) => f.messageId)).toEqual(['escalation']);
    expect(run('main.tf', role(['{ Effect = "Allow", Action = ["iam:CreatePolicyVersion"], Resource = "*" }', '{ Effect = "Deny", Action = "iam:*PolicyVersion", Resource = "*" }']))).toEqual([]);
  });

  it('leaves full administrators to no-admin-policy', () => {
    expect(run('main.tf', role(['{ Effect = "Allow", Action = "*", Resource = "*" }']))).toEqual([]);
  });
});
