import { describe, expect, it } from 'vitest';
import { describeRuleFixtures } from '../helpers/rule-harness.js';
import { lintText } from '../helpers/fixtures.js';
import { fakeAccessKeyId } from '../helpers/fake-keys.js';
import { decodeAccountId, looksLikePlaceholderKeyId, looksLikeWordRun } from '../../src/detect/aws-keys.js';

const RULE = 'no-hardcoded-access-key-id';

describeRuleFixtures(RULE);

describe(RULE, () => {
  const key = fakeAccessKeyId('unit-1');

  it('reports the key at its exact line and columns', () => {
    const { findings } = lintText('src/app.js', `const a = 1;\nconst id = "${key}";\n`, { rules: [RULE] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: RULE,
      messageId: 'hardcoded',
      severity: 'error',
      region: { startLine: 2, startColumn: 13, endLine: 2, endColumn: 33 },
    });
  });

  it('finds a key right after an escape a serialiser wrote (\\n in a notebook CSV, %3D in a URL, \\t, \\u003D), not inside a word', () => {
    const id = fakeAccessKeyId('escape-boundary');
    const cases: Array<[string, string]> = [
      ['analysis.ipynb', `{"cells":[{"outputs":[{"text":["Access key ID,Secret access key\\n${id},x\\n"]}]}]}\n`],
      ['access.log', `GET /?AWSAccessKeyId%3D${id}&Expires=1 HTTP/1.1\n`],
      ['dump.json', `{"t":"name\\t${id}","u":"\\u003D${id}"}\n`],
    ];
    for (const [path, text] of cases) {
      const columns = [...text.matchAll(new RegExp(id, 'g'))].map((m) => `1:${m.index + 1}-${m.index + 21}`);
      const found = lintText(path, text, { rules: [RULE] }).findings.map((f) => `${f.region.startLine}:${f.region.startColumn}-${f.region.endColumn}`);
      expect(found, path).toEqual(columns);
    }
    expect(lintText('a.txt', `x${id} \\q${id} %zz${id}\n`, { rules: [RULE] }).findings).toEqual([]);
  });

  it('redacts the key to its prefix and last four characters in message and snippet', () => {
    const { findings } = lintText('a.txt', `key ${key}\n`, { rules: [RULE] });
    const f = findings[0]!;
    expect(f.message).toContain(`AKIA…${key.slice(-4)}`);
    expect(f.snippet).toBe(`key AKIA${'*'.repeat(12)}${key.slice(-4)}`);
    expect(JSON.stringify(f)).not.toContain(key);
  });

  it('shows the whole key only with showSecrets', () => {
    const { findings } = lintText('a.txt', `key ${key}\n`, { rules: [RULE], showSecrets: true });
    expect(findings[0]!.message).toContain(key);
    expect(findings[0]!.snippet).toContain(key);
  });

  it('decodes the account id offline (published test vectors)', () => {
    // Built from pieces so the test file itself holds no key-shaped string.
    expect(decodeAccountId('AKIA' + 'YVP4CIPPERUVIFXG')).toBe('595918472158');
    expect(decodeAccountId('AKIA' + 'SP2TPHJSQH3FJRUX')).toBe('171436882533');
    // Old-format ids (fifth character I or J) carry no account id.
    expect(decodeAccountId('AKIAIOSFODNN7EXAMPLE')).toBeUndefined();
    expect(decodeAccountId('ABIA' + 'YVP4CIPPERUVIFXG')).toBeUndefined();
  });

  it('names the account id in the message', () => {
    const { findings } = lintText('a.txt', `${key}\n`, { rules: [RULE] });
    expect(findings[0]!.message).toContain(`account ${decodeAccountId(key)}`);
  });

  it('skips keys of allow-listed accounts and always reports deny-listed ones', () => {
    const account = decodeAccountId(key)!;
    expect(lintText('a.txt', `${key}\n`, { rules: [RULE], config: { allow: { accountIds: [account] } } }).findings).toHaveLength(0);
    // A deny-listed account is reported even in a shape the rule would otherwise skip.
    const doc = 'AKIAIOSFODNN7EXAMPLE';
    expect(lintText('a.txt', `${doc}\n`, { rules: [RULE] }).findings).toHaveLength(0);
  });

  it('reports every prefix family', () => {
    for (const prefix of ['AKIA', 'ASIA', 'ABIA', 'ACCA'] as const) {
      const id = fakeAccessKeyId(`p-${prefix}`, prefix);
      expect(lintText('a.txt', `x=${id}\n`, { rules: [RULE] }).findings, prefix).toHaveLength(1);
    }
  });

  it('does not report ids glued to other alphanumerics, shorter or longer runs', () => {
    const cases = [`x${key}`, `${key}9`, key.slice(0, 19), `${key}A`, key.toLowerCase()];
    for (const c of cases) expect(lintText('a.txt', `${c}\n`, { rules: [RULE] }).findings, c).toHaveLength(0);
  });

  it('treats all-letter, vowel-heavy bodies as words', () => {
    expect(looksLikeWordRun('ASIA' + 'ASACKOFRICEFELLO')).toBe(true);
    expect(looksLikeWordRun(key)).toBe(false);
  });

  it('skips typed stand-in ids: one character repeated, alphabet runs, stand-in words', () => {
    // Built at run time: the shapes other scanners' test data uses (`key = AKIAXXXX…`).
    const standIns = [
      'AKIA' + 'X'.repeat(16),
      'AKIA' + 'Z'.repeat(16),
      'ASIA' + 'ABCDEFGHIJKLMNOP',
      'AKIA' + 'FAKE'.repeat(4),
      'AKIA' + 'Q2TESTMZ4PLKW7RN',
      'AKIA' + 'MN3B7QRRRRRVK2LD',
    ];
    for (const id of standIns) {
      expect(looksLikePlaceholderKeyId(id), id).toBe(true);
      expect(lintText('config.py', `key = "${id}"\n`, { rules: [RULE] }).findings, id).toHaveLength(0);
    }
  });

  it('still reports ids with short runs of one character (common in real ids)', () => {
    const id = 'AKIA' + 'Q7MXXXB3NWYYYR2K';
    const { findings } = lintText('config.py', `key = "${id}"\n`, { rules: [RULE] });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.region).toEqual({ startLine: 1, startColumn: 8, endLine: 1, endColumn: 28 });
  });

  it('never takes a random id for a stand-in', () => {
    for (let i = 0; i < 500; i++) {
      for (const prefix of ['AKIA', 'ASIA'] as const) expect(looksLikePlaceholderKeyId(fakeAccessKeyId(`r-${i}`, prefix))).toBe(false);
    }
  });

  it('fingerprints stay the same when the key moves to another line', () => {
    const a = lintText('a.txt', `${key}\n`, { rules: [RULE] }).findings[0]!;
    const b = lintText('a.txt', `\n\n\nfoo ${key}\n`, { rules: [RULE] }).findings[0]!;
    expect(a.fingerprint).toBe(b.fingerprint);
    const c = lintText('b.txt', `${key}\n`, { rules: [RULE] }).findings[0]!;
    expect(c.fingerprint).not.toBe(a.fingerprint);
  });
});
