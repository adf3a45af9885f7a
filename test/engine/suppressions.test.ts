import { describe, expect, it } from 'vitest';
import { lintText } from '../helpers/fixtures.js';
import { fakeAccessKeyId } from '../helpers/fake-keys.js';

const RULE = 'no-hardcoded-access-key-id';
const key = fakeAccessKeyId('sup-1');

function lint(path: string, text: string, reportUnusedSuppressions = false) {
  return lintText(path, text, { rules: [RULE], reportUnusedSuppressions });
}

describe('inline suppressions', () => {
  const syntaxes: Array<[string, string]> = [
    ['app.py', `# credlint-disable-next-line ${RULE} -- rotated test key\nKEY = "${key}"\n`],
    ['app.js', `// credlint-disable-next-line ${RULE} -- rotated test key\nconst k = "${key}";\n`],
    ['app.ts', `/* credlint-disable-next-line ${RULE} -- rotated test key */\nconst k = "${key}";\n`],
    ['conf.yaml', `a:\n  # credlint-disable-next-line ${RULE} -- rotated test key\n  b: ${key}\n`],
    ['main.tf', `locals {\n  // credlint-disable-next-line ${RULE} -- rotated test key\n  k = "${key}"\n}\n`],
    ['main2.tf', `locals {\n  # credlint-disable-next-line ${RULE} -- rotated test key\n  k = "${key}"\n}\n`],
    ['Dockerfile', `FROM x\n# credlint-disable-next-line ${RULE} -- rotated test key\nENV K=${key}\n`],
    ['run.sh', `#!/bin/sh\nexport K=${key} # credlint-disable-line ${RULE} -- rotated test key\n`],
    ['credentials', `[default]\n; credlint-disable-next-line ${RULE} -- rotated test key\naws_access_key_id = ${key}\n`],
    ['.env', `# credlint-disable-next-line ${RULE} -- rotated test key\nAWS_ACCESS_KEY_ID=${key}\n`],
    ['page.html', `<!-- credlint-disable-next-line ${RULE} -- rotated test key -->\n<p>${key}</p>\n`],
    ['q.sql', `-- credlint-disable-next-line ${RULE} -- rotated test key\nSELECT '${key}';\n`],
  ];
  for (const [path, text] of syntaxes) {
    it(`suppresses with the comment syntax of ${path} and keeps the justification`, () => {
      const { findings, notifications } = lint(path, text, true);
      expect(findings).toHaveLength(1);
      expect(findings[0]!.suppression).toEqual({ kind: 'inSource', justification: 'rotated test key' });
      expect(notifications).toEqual([]);
    });
  }

  it('file-level credlint-disable covers the whole file', () => {
    const { findings } = lint('a.py', `# credlint-disable ${RULE} -- fixture file\n\nA = "${key}"\nB = "${fakeAccessKeyId('x2')}"\n`);
    expect(findings.map((f) => !!f.suppression)).toEqual([true, true]);
  });

  it('a directive for another rule does not suppress', () => {
    const { findings } = lint('a.py', `# credlint-disable-next-line no-hardcoded-secret-access-key\nA = "${key}"\n`);
    expect(findings[0]!.suppression).toBeUndefined();
  });

  it('several ids may be listed, separated by commas', () => {
    const { findings } = lint('a.py', `# credlint-disable-next-line no-hardcoded-secret-access-key, ${RULE}\nA = "${key}"\n`);
    expect(findings[0]!.suppression).toEqual({ kind: 'inSource' });
  });

  it('reports a suppression naming an unknown rule id, and the finding stays', () => {
    const { findings, notifications } = lint('a.py', `# credlint-disable-next-line no-hardcoded-acess-key-id -- typo\nA = "${key}"\n`);
    expect(findings[0]!.suppression).toBeUndefined();
    expect(notifications).toMatchObject([{ id: 'unknown-suppression', level: 'error', line: 1, column: 3 }]);
    expect(notifications[0]!.message).toContain('unknown rule id "no-hardcoded-acess-key-id"');
  });

  it('reports an unused suppression as a note only when asked', () => {
    const text = `# credlint-disable-next-line ${RULE} -- nothing here\nA = 1\n`;
    expect(lint('a.py', text).notifications).toEqual([]);
    expect(lint('a.py', text, true).notifications).toMatchObject([{ id: 'unknown-suppression', level: 'note', line: 1 }]);
  });

  it('ignores the directive word inside a string', () => {
    const { findings } = lint('a.py', `A = "credlint-disable-line ${RULE}" + "${key}"\n`);
    expect(findings[0]!.suppression).toBeUndefined();
  });

  it('stacked next-line directives all apply to the first code line', () => {
    const { findings } = lint('a.py', `# credlint-disable-next-line other-rule\n# credlint-disable-next-line ${RULE}\nA = "${key}"\n`);
    expect(findings[0]!.suppression).toBeDefined();
  });
});

describe('superseded findings', () => {
  it('a pasted ASIA id with its secret is reported once, as temporary credentials', async () => {
    const { fakeSecretAccessKey } = await import('../helpers/fake-keys.js');
    const asia = fakeAccessKeyId('sup-asia', 'ASIA');
    const text = `aws_access_key_id = ${asia}\naws_secret_access_key = ${fakeSecretAccessKey('sup-asia')}\n`;
    const { findings } = lintText('creds.txt', text, { rules: ['no-hardcoded-access-key-id', 'no-hardcoded-session-token'] });
    const atId = findings.filter((f) => f.region.startLine === 1);
    expect(atId.map((f) => `${f.ruleId}/${f.messageId}`)).toEqual(['no-hardcoded-session-token/temporaryCredentials']);
    // With the specific rule off, the general one still reports the id.
    const alone = lintText('creds.txt', text, { rules: ['no-hardcoded-access-key-id'] }).findings;
    expect(alone.map((f) => f.ruleId)).toEqual(['no-hardcoded-access-key-id']);
  });
});

describe('what is not a directive', () => {
  it('a string that contains the directive word suppresses nothing and is not reported', () => {
    const key2 = fakeAccessKeyId('sup-str');
    const text = `const found = text.includes('credlint-disable') ? 1 : 0; const k = "${key2}"; // credlint-disable-line ${'${RULE}'}\n`;
    const { findings, notifications } = lint('a.ts', text, true);
    expect(findings[0]!.suppression).toBeUndefined();
    expect(notifications).toEqual([]);
  });
});
