import { describe, expect, it } from 'vitest';
import { describeRuleFixtures } from '../helpers/rule-harness.js';
import { lintText } from '../helpers/fixtures.js';

const RULE = 'no-credential-exposure';

describeRuleFixtures(RULE);

function run(path: string, text: string, rules: string[] = [RULE]) {
  return lintText(path, text, { rules }).findings;
}

const policy = (statement: string) => `{"Version": "2012-10-17", "Statement": [${statement}]}\n`;

describe(RULE, () => {
  it('reports secretsmanager:GetSecretValue on "*" at the action', () => {
    const [f, ...rest] = run('policy.json', policy('{"Effect": "Allow", "Action": ["secretsmanager:GetSecretValue"], "Resource": "*"}'));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ messageId: 'credentialAction', region: { startLine: 1, startColumn: 73, endLine: 1, endColumn: 102 } });
    expect(f!.message).toContain('every secret of the account');
  });

  it('reports a narrow pattern with the credential actions it covers', () => {
    const [f] = run('policy.json', policy('{"Effect": "Allow", "Action": "secretsmanager:Get*", "Resource": "*"}'));
    expect(f!.message).toMatch(/^"secretsmanager:Get\*" \(secretsmanager:GetSecretValue\)/);
  });

  it('leaves "*" and service wildcards to no-wildcard-action (one defect, one finding)', () => {
    const json = policy('{"Effect": "Allow", "Action": ["secretsmanager:*", "ssm:*"], "Resource": "*"}');
    expect(run('policy.json', json, [RULE, 'no-wildcard-action']).map((f) => f.ruleId)).toEqual(['no-wildcard-action', 'no-wildcard-action']);
  });

  it('accepts scoped resources, a kms:ViaService condition and a Deny of the same principal', () => {
    expect(run('policy.json', policy('{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*", "Condition": {"StringEquals": {"kms:ViaService": "s3.eu-west-1.amazonaws.com"}}}'))).toEqual([]);
    expect(run('policy.json', policy('{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "arn:aws:iam::111122223333:role/deployer"}'))).toEqual([]);
    expect(run('policy.json', policy('{"Effect": "Allow", "Action": "iam:CreateAccessKey", "Resource": "*"}, {"Effect": "Deny", "Action": "iam:*AccessKey*", "Resource": "*"}'))).toEqual([]);
  });
});
