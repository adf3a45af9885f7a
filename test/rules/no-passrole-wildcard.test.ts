import { describe, expect, it } from 'vitest';
import { describeRuleFixtures } from '../helpers/rule-harness.js';
import { lintText } from '../helpers/fixtures.js';

const RULE = 'no-passrole-wildcard';

describeRuleFixtures(RULE);

function run(path: string, text: string) {
  return lintText(path, text, { rules: [RULE] }).findings;
}

const policy = (statement: string) => `{"Version": "2012-10-17", "Statement": [${statement}]}\n`;

describe(RULE, () => {
  it('reports iam:PassRole on "*" at the resource, as an error without iam:PassedToService', () => {
    const [f, ...rest] = run('policy.json', policy('{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}'));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ messageId: 'passRoleAnyRole', severity: 'error', region: { startLine: 1, startColumn: 100, endLine: 1, endColumn: 101 } });
  });

  it('reports PassRole through "*" or "iam:*" and a role/* ARN, as a warning with iam:PassedToService', () => {
    const json = policy('{"Effect": "Allow", "Action": "*", "Resource": "arn:aws:iam::111122223333:role/*", "Condition": {"StringEquals": {"iam:PassedToService": ["ec2.amazonaws.com"]}}}');
    const [f] = run('policy.json', json);
    expect(f).toMatchObject({ messageId: 'passRoleAnyRoleToService', severity: 'warning' });
    expect(f!.message).toContain('passed to ec2.amazonaws.com');
  });

  it('accepts a PassRole scoped to one role, a role path, or roles with a tag', () => {
    expect(run('policy.json', policy('{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/app"}'))).toEqual([]);
    expect(run('policy.json', policy('{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/app/*"}'))).toEqual([]);
    expect(run('policy.json', policy('{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*", "Condition": {"StringEquals": {"iam:ResourceTag/passable": "yes"}}}'))).toEqual([]);
  });

  it('accepts a PassRole that a Deny in another policy of the same role takes back', () => {
    const tf = [
      'resource "aws_iam_role" "r" {',
      '  assume_role_policy = "{}"',
      '  inline_policy {',
      '    name   = "allow"',
      '    policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "iam:PassRole", Resource = "*" }] })',
      '  }',
      '}',
      'resource "aws_iam_role_policy" "deny" {',
      '  role   = aws_iam_role.r.id',
      '  policy = jsonencode({ Statement = [{ Effect = "Deny", Action = "iam:*", Resource = "*" }] })',
      '}',
      '',
    ].join('\n');
    expect(run('main.tf', tf)).toEqual([]);
    expect(run('main.tf', tf.replace('Effect = "Deny", Action = "iam:*"', 'Effect = "Deny", Action = "iam:DeleteRole"')).map((f) => f.region.startLine)).toEqual([5]);
  });
});
