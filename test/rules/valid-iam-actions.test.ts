import { describe, expect, it } from 'vitest';
import { describeRuleFixtures } from '../helpers/rule-harness.js';
import { lintText } from '../helpers/fixtures.js';

const RULE = 'valid-iam-actions';

describeRuleFixtures(RULE);

function run(path: string, text: string) {
  return lintText(path, text, { rules: [RULE] }).findings;
}

const policy = (statement: string, version = '2012-10-17') => `{"Version": "${version}", "Statement": [${statement}]}\n`;

describe(RULE, () => {
  it('reports an action that does not exist at the action, with the nearest valid name', () => {
    const [f, ...rest] = run('policy.json', policy('{"Effect": "Allow", "Action": ["s3:GetObjects"], "Resource": "arn:aws:s3:::b/*"}'));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ messageId: 'unknownAction', region: { startLine: 1, startColumn: 73, endLine: 1, endColumn: 86 } });
    expect(f!.message).toContain('did you mean "s3:GetObject"');
  });

  it('reports an unknown service prefix and a pattern that matches nothing', () => {
    const found = run('policy.json', policy('{"Effect": "Allow", "Action": ["cognitoidp:*", "s3:Gett*"], "Resource": "*"}'));
    expect(found.map((f) => f.messageId)).toEqual(['unknownService', 'unknownPattern']);
    expect(found[0]!.message).toContain('did you mean "cognito-idp"');
  });

  it('reports a bucket ARN for object actions and an object ARN for bucket actions, not path wildcards that span fields', () => {
    const found = run('policy.json', policy('{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b"}, {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b/*"}, {"Effect": "Allow", "Action": "logs:PutLogEvents", "Resource": "arn:aws:logs:*:111122223333:log-group:/aws/lambda/*"}'));
    expect(found.map((f) => [f.messageId, f.severity])).toEqual([['resourceMismatch', 'warning'], ['resourceMismatch', 'warning']]);
  });

  it('reports an unknown Version at its value and accepts 2008-10-17', () => {
    expect(run('policy.json', policy('{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}', '2012-10-18')).map((f) => [f.messageId, f.region.startColumn, f.region.endColumn])).toEqual([['invalidVersion', 14, 24]]);
    expect(run('policy.json', policy('{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}', '2008-10-17'))).toEqual([]);
  });

  it('accepts action names in any case and names that are not known statically', () => {
    const tf = 'data "aws_iam_policy_document" "p" {\n  statement {\n    actions   = ["S3:getobject", var.extra, "${var.service}:Get*"]\n    resources = ["*"]\n  }\n}\n';
    expect(run('main.tf', tf)).toEqual([]);
  });
});
