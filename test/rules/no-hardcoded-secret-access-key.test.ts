import { describe, expect, it } from 'vitest';
import { describeRuleFixtures } from '../helpers/rule-harness.js';
import { lintText } from '../helpers/fixtures.js';
import { fakeAccessKeyId, fakeSecretAccessKey } from '../helpers/fake-keys.js';
import { decodeAccountId } from '../../src/detect/aws-keys.js';

const RULE = 'no-hardcoded-secret-access-key';

describeRuleFixtures(RULE);

describe(RULE, () => {
  const secret = fakeSecretAccessKey('unit-1');
  const keyId = fakeAccessKeyId('unit-1');
  const lint = (path: string, text: string, config = {}) => lintText(path, text, { rules: [RULE], config }).findings;

  it('reports the secret value in a Python keyword argument at its exact columns', () => {
    const findings = lint('app.py', `s3 = boto3.client("s3", aws_secret_access_key="${secret}")\n`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: RULE,
      messageId: 'hardcoded',
      severity: 'error',
      region: { startLine: 1, startColumn: 48, endLine: 1, endColumn: 88 },
    });
    expect(findings[0]!.message).toContain('assigned to aws_secret_access_key');
  });

  it('reports aws configure set aws_secret_access_key in a shell script', () => {
    const findings = lint('setup.sh', `#!/bin/sh\naws configure set aws_secret_access_key ${secret}\n`);
    expect(findings.map((f) => f.region)).toEqual([{ startLine: 2, startColumn: 41, endLine: 2, endColumn: 81 }]);
  });

  it('reports an unlabelled secret on the line after an access key id', () => {
    const findings = lint('Creds.java', `new BasicAWSCredentials("${keyId}",\n    "${secret}");\n`);
    expect(findings.map((f) => f.region)).toEqual([{ startLine: 2, startColumn: 6, endLine: 2, endColumn: 46 }]);
    expect(findings[0]!.message).toContain(`next to access key id AKIA…${keyId.slice(-4)}`);
  });

  it('does not pair an unlabelled secret with a typed stand-in id, only with a plausible one', () => {
    const standIn = 'AKIA' + 'X'.repeat(16);
    expect(lint('Creds.java', `new BasicAWSCredentials("${standIn}", "${secret}");\n`)).toHaveLength(0);
    const findings = lint('Creds.java', `new BasicAWSCredentials("${keyId}", "${secret}");\n`);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.region).toEqual({ startLine: 1, startColumn: 50, endLine: 1, endColumn: 90 });
  });

  it('does not pair a secret more than five lines away from the key id', () => {
    const text = `id = "${keyId}"\n${'\n'.repeat(5)}other = "${secret}"\n`;
    expect(lint('a.py', text)).toHaveLength(0);
    const near = `id = "${keyId}"\n${'\n'.repeat(4)}other = "${secret}"\n`;
    expect(lint('a.py', near)).toHaveLength(1);
  });

  it('redacts the secret in message and snippet', () => {
    const f = lint('a.env', `AWS_SECRET_ACCESS_KEY=${secret}\n`)[0]!;
    expect(f.message).toContain(`${secret.slice(0, 4)}…`);
    expect(JSON.stringify(f)).not.toContain(secret);
    expect(f.snippet).toBe(`AWS_SECRET_ACCESS_KEY=${secret.slice(0, 4)}${'*'.repeat(36)}`);
  });

  it('skips the AWS documentation example secret and values ending in EXAMPLEKEY', () => {
    expect(lint('README.md', 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n')).toHaveLength(0);
    expect(lint('a.py', 'SECRET_KEY = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"\n')).toHaveLength(0);
  });

  it('skips placeholders, references, hashes and text in a secret slot', () => {
    const values = [
      '${AWS_SECRET}',
      '<YOUR_SECRET_ACCESS_KEY>',
      'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b',
      Buffer.from('this is not a secret, just some words!').toString('base64').slice(0, 40),
      'src/components/Header/index/ButtonGroup1',
    ];
    for (const v of values) expect(lint('a.env', `AWS_SECRET_ACCESS_KEY=${v}\n`), v).toHaveLength(0);
  });

  it('does not report a 40-char value under an unrelated name with no key id nearby', () => {
    expect(lint('a.py', `client_secret = "${secret}"\n`)).toHaveLength(0);
    expect(lint('a.py', `checksum = "${secret}"\n`)).toHaveLength(0);
  });

  it('does not report secrets inside longer base64 runs', () => {
    expect(lint('a.txt', `${keyId}\n${secret}AAAA\n${secret}==\n`)).toHaveLength(0);
  });

  it('skips a secret paired with an allow-listed account and reports a deny-listed one', () => {
    const account = decodeAccountId(keyId)!;
    const text = `aws_access_key_id = ${keyId}\naws_secret_access_key = ${secret}\n`;
    expect(lint('a.ini', text)).toHaveLength(1);
    expect(lint('a.ini', text, { allow: { accountIds: [account] } })).toHaveLength(0);
    const doc = `aws_access_key_id = ${keyId}\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n`;
    expect(lint('a.ini', doc)).toHaveLength(0);
    expect(lint('a.ini', doc, { deny: { accountIds: [account] } })).toHaveLength(1);
  });

  it('uses the secret as identity: the fingerprint survives moving the line', () => {
    const a = lint('a.env', `AWS_SECRET_ACCESS_KEY=${secret}\n`)[0]!;
    const b = lint('a.env', `\n\nX=1\nAWS_SECRET_ACCESS_KEY=${secret}\n`)[0]!;
    expect(a.fingerprint).toBe(b.fingerprint);
  });

  it('reports a name/value pair in a Kubernetes env list', () => {
    const text = `env:\n  - name: AWS_SECRET_ACCESS_KEY\n    value: ${secret}\n`;
    expect(lint('deploy.yaml', text).map((f) => f.region.startLine)).toEqual([3]);
  });
});
