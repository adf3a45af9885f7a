import { describe, expect, it } from 'vitest';
import { describeRuleFixtures } from '../helpers/rule-harness.js';
import { lintText } from '../helpers/fixtures.js';
import { fakeAccessKeyId, fakeSecretAccessKey } from '../helpers/fake-keys.js';

const RULE = 'no-committed-credentials-file';

describeRuleFixtures(RULE);

describe(RULE, () => {
  const id = fakeAccessKeyId('unit-1');
  const id2 = fakeAccessKeyId('unit-2');
  const secret = fakeSecretAccessKey('unit-1');
  const lint = (path: string, text: string) => lintText(path, text, { rules: [RULE] }).findings;

  it('reports a shared credentials file once, at the first key value, naming every profile', () => {
    const text = `[default]\naws_access_key_id = ${id}\naws_secret_access_key = ${secret}\n\n[prod]\naws_access_key_id = ${id2}\n`;
    const findings = lint('.aws/credentials', text);
    expect(lint('ops/aws-keys.ini.bak', text)[0]!.message).toContain('[default], [prod]');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      messageId: 'credentialsFile',
      region: { startLine: 2, startColumn: 21, endLine: 2, endColumn: 41 },
    });
    expect(findings[0]!.message).toContain('[default], [prod]');
    // Every key in the file is masked, not only the reported one.
    expect(JSON.stringify(findings)).not.toContain(id);
    expect(JSON.stringify(findings)).not.toContain(secret);
  });

  it('reports the documentation example keys: the committed file is the defect', () => {
    const text = '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n';
    expect(lint('credentials', text).map((f) => f.messageId)).toEqual(['credentialsFile']);
  });

  it('reports an INI file with keys whatever its name, but not code or prose that quotes one', () => {
    const ini = `[ci]\naws_secret_access_key = ${secret}\n`;
    expect(lint('ops/keys.backup', ini)).toHaveLength(1);
    expect(lint('docs/setup.md', `To configure, write:\n\n${ini}\nand then run the deploy script with the profile.\nIt reads the file.\n`)).toHaveLength(0);
  });

  it('reports the IAM console access key CSV at the access key id', () => {
    const findings = lint('bob_accessKeys.csv', `Access key ID,Secret access key\r\n${id},${secret}\r\n`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ messageId: 'accessKeyCsv', region: { startLine: 2, startColumn: 1, endLine: 2, endColumn: 21 } });
  });

  it('names the user of the older credentials.csv layout', () => {
    const text = `User name,Password,Access key ID,Secret access key,Console login link\nci-bot,,${id},${secret},https://x.signin.aws.amazon.com/console\n`;
    expect(lint('credentials.csv', text)[0]!.message).toContain('user ci-bot');
  });

  it('reports s3cmd keys only in s3cmd configs', () => {
    const s3cfg = `[default]\naccess_key = ${id}\nsecret_key = ${secret}\n`;
    expect(lint('.s3cfg', s3cfg)).toHaveLength(1);
    // The same generic names in some other INI file are not AWS shared-credentials keys.
    expect(lint('app/settings.conf', `[storage]\naccess_key = ${id}\nsecret_key = ${secret}\n`)).toHaveLength(0);
  });

  it('reports dotenv files that set the AWS variables to literals, with export or not', () => {
    const findings = lint('.env.production', `X=1\nexport AWS_SECRET_ACCESS_KEY='${secret}'\n`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ messageId: 'dotenv', region: { startLine: 2, startColumn: 31, endLine: 2, endColumn: 71 } });
    expect(findings[0]!.message).toContain('AWS_SECRET_ACCESS_KEY');
  });

  it('does not report dotenv references, empty values or placeholders', () => {
    for (const v of ['${AWS_SECRET}', '', '""', '<secret>', 'changeme', '$AWS_SECRET']) {
      expect(lint('.env', `AWS_SECRET_ACCESS_KEY=${v}\n`), v).toHaveLength(0);
    }
  });

  it('does not report a credentials file that holds only placeholders', () => {
    expect(lint('credentials', '[default]\naws_access_key_id = ${AWS_ACCESS_KEY_ID}\naws_secret_access_key =\n')).toHaveLength(0);
  });
});
