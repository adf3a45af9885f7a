import { describe, expect, it } from 'vitest';
import { describeRuleFixtures } from '../helpers/rule-harness.js';
import { lintText } from '../helpers/fixtures.js';
import { fakeAccessKeyId, fakeSecretAccessKey, fakeSessionToken, prng } from '../helpers/fake-keys.js';
import { decodeAccountId } from '../../src/detect/aws-keys.js';

const RULE = 'no-hardcoded-session-token';

describeRuleFixtures(RULE);

describe(RULE, () => {
  const token = fakeSessionToken('unit-1');
  const asia = fakeAccessKeyId('unit-1', 'ASIA');
  const secret = fakeSecretAccessKey('unit-1');
  const lint = (path: string, text: string, config = {}) => lintText(path, text, { rules: [RULE], config }).findings;

  it('reports an aws_session_token value in a credentials file at its exact columns', () => {
    const findings = lint('creds.ini', `[tmp]\naws_session_token = ${token}\n`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      messageId: 'sessionToken',
      severity: 'error',
      region: { startLine: 2, startColumn: 21, endLine: 2, endColumn: 21 + token.length },
    });
    expect(findings[0]!.message).toContain('assigned to aws_session_token');
    expect(JSON.stringify(findings)).not.toContain(token);
  });

  it('reports pasted temporary credentials at the ASIA id with their own message id', () => {
    const findings = lint('debug.py', `key = "${asia}"\nsecret = "${secret}"\n`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      messageId: 'temporaryCredentials',
      region: { startLine: 1, startColumn: 8, endLine: 1, endColumn: 28 },
    });
    expect(findings[0]!.message).toContain('1 line below');
    expect(JSON.stringify(findings)).not.toContain(secret);
  });

  it('does not report an AKIA id with a secret (that is the secret rule) nor an ASIA id alone', () => {
    expect(lint('a.py', `key = "${fakeAccessKeyId('x')}"\nsecret = "${secret}"\n`)).toHaveLength(0);
    expect(lint('a.py', `key = "${asia}"\n`)).toHaveLength(0);
  });

  it('recognises tokens by their STS header without a name, but not other long base64', () => {
    expect(lint('a.txt', `value: ${token}\n`).map((f) => f.messageId)).toEqual(['sessionToken']);
    const rand = prng('other');
    let other = '';
    const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    for (let i = 0; i < 300; i++) other += chars[Math.floor(rand() * 64)];
    expect(lint('a.txt', `value: ${other}\n`)).toHaveLength(0);
    expect(lint('a.txt', `SessionToken: ${other}\n`)).toHaveLength(1);
  });

  it('skips placeholders and short values', () => {
    for (const v of ['${AWS_SESSION_TOKEN}', '<token>', 'abc', `${'x'.repeat(200)}`, '$(aws sts get-session-token)']) {
      expect(lint('a.env', `AWS_SESSION_TOKEN=${v}\n`), v).toHaveLength(0);
    }
  });

  it('skips temporary credentials of an allow-listed account', () => {
    const account = decodeAccountId(asia)!;
    const text = `id = "${asia}"\nsecret = "${secret}"\n`;
    expect(lint('a.py', text, { allow: { accountIds: [account] } })).toHaveLength(0);
  });

  it('skips the AWS guides\' example tokens (they spell EXAMPLE) but reports the same shape without it', () => {
    const rand = prng('doc-token');
    const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    let body = '';
    for (let i = 0; i < 300; i++) body += chars[Math.floor(rand() * 64)];
    const doc = `AQoDYXdzEPT//////////w${body.slice(0, 7)}EXAMPLE${body.slice(7)}`;
    expect(lint('README.md', `"SessionToken": "${doc}",\n`)).toHaveLength(0);
    expect(lint('README.md', `token: ${doc}\n`)).toHaveLength(0);
    const live = `AQoDYXdzEPT//////////w${body}`;
    const findings = lint('README.md', `"SessionToken": "${live}",\n`);
    expect(findings.map((f) => f.messageId)).toEqual(['sessionToken']);
    expect(findings[0]!.region).toEqual({ startLine: 1, startColumn: 18, endLine: 1, endColumn: 18 + live.length });
  });

  it('reports one finding per token even when name and header both match', () => {
    expect(lint('a.sh', `export AWS_SESSION_TOKEN=${token}\n`)).toHaveLength(1);
  });
});
