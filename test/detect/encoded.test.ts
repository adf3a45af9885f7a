// Secrets written JSON-escaped or URL-encoded are found and reported at their ENCODED range,
// masked in every output; ordinary encoded text is not. Keys are generated at test time.
import { describe, expect, it } from 'vitest';
import { decodeSecretEscapes, encodedRuns } from '../../src/detect/encoded.js';
import { formatJson, formatSarif, formatStylish } from '../../src/index.js';
import { rules } from '../../rules/index.js';
import type { Finding, ScanResult } from '../../src/engine/types.js';
import { lintText } from '../helpers/fixtures.js';
import { fakeAccessKeyId, fakeSecretAccessKey, fakeSessionToken } from '../helpers/fake-keys.js';

/** A generated secret that holds both `/` and `+` (so every encoding changes it). */
function secretWithSlashAndPlus(seed: string): string {
  const s = fakeSecretAccessKey(seed);
  return `${s.slice(0, 9)}/${s.slice(10, 19)}+${s.slice(20, 29)}/${s.slice(30)}`;
}
const url = (s: string, lower = false): string => {
  const out = s.replaceAll('/', '%2F').replaceAll('+', '%2B').replaceAll('=', '%3D');
  return lower ? out.replace(/%2F|%2B|%3D/g, (e) => e.toLowerCase()) : out;
};
const json = (s: string): string => s.replaceAll('/', '\\/');
const unicode = (s: string): string => s.replaceAll('/', '\\u002F').replaceAll('+', '\\u002B');

function pieces(value: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 12 <= value.length; i++) out.push(value.slice(i, i + 12));
  return out;
}

/** Every output format of a result, as one string. */
function allOutputs(path: string, text: string): string {
  const { findings, notifications } = lintText(path, text);
  const result = { findings, notifications, stats: { filesDiscovered: 1, filesScanned: 1, bytesScanned: text.length }, enabledRules: [], ruleSeverities: {}, baseDir: '/' } as unknown as ScanResult;
  const context = { result, rules, version: '0' };
  return formatStylish(context) + formatJson(context) + formatSarif(context) + JSON.stringify(findings);
}

/** `line:startColumn-endColumn ruleId` of the findings of `ruleId`. */
function at(findings: readonly Finding[], ruleId: string): string[] {
  return findings.filter((f) => f.ruleId === ruleId).map((f) => `${f.region.startLine}:${f.region.startColumn}-${f.region.endColumn}`);
}

/** 1-based column range of `needle` in the one-line `text`. */
function cols(text: string, needle: string, line = 1): string {
  const lineText = text.split('\n')[line - 1] as string;
  const i = lineText.indexOf(needle);
  expect(i, `${needle} in ${lineText}`).toBeGreaterThanOrEqual(0);
  return `${line}:${i + 1}-${i + 1 + needle.length}`;
}

describe('decodeSecretEscapes / encodedRuns', () => {
  it('decodes \\/, \\u002F, \\u002B, \\u003D and %2F %2B %3D in either case, leaving other escapes', () => {
    expect(decodeSecretEscapes('a\\/b\\u002Fc\\u002bd%2Fe%2bf%3d\\u003D')).toBe('a/b/c+d/e+f==');
    expect(decodeSecretEscapes('a%20b\\nc')).toBe('a%20b\\nc');
  });
  it('finds maximal runs holding an escape, with their encoded range and padding', () => {
    const text = 'x=ab%2Fcd%2B==; y=plainrun; z=\\/q%3D%3D';
    expect(encodedRuns(text)).toEqual([
      { start: 2, end: 14, value: 'ab/cd+==', padding: 2 },
      { start: 30, end: 39, value: '/q==', padding: 2 },
    ]);
  });
  it('a lone %3D is a separator, not a run', () => {
    expect(encodedRuns('name%3Dvalue')).toEqual([]);
  });
});

describe('encoded secret access keys are reported at the encoded range', () => {
  const id = fakeAccessKeyId('enc-1');
  const secret = secretWithSlashAndPlus('enc-1');

  const cases: Array<[string, string, (s: string) => string]> = [
    ['JSON \\/ (json_encode)', 'config.json', json],
    ['JSON \\u002F \\u002B', 'config.json', unicode],
    ['URL-encoded %2F %2B', 'app.properties', (s) => url(s)],
    ['URL-encoded lower case %2f %2b', 'app.properties', (s) => url(s, true)],
    ['JSON in JSON \\\\/', 'config.json', (s) => s.replaceAll('/', '\\\\/')],
    ['PHP json_encode twice \\\\\\/', 'config.json', (s) => s.replaceAll('/', '\\\\\\/')],
    ['URL-encoded twice %252F %252B', 'app.properties', (s) => s.replaceAll('/', '%252F').replaceAll('+', '%252B')],
  ];
  for (const [name, path, encode] of cases) {
    it(`${name}, assigned to a name`, () => {
      const value = encode(secret);
      const text = path.endsWith('.json') ? `{"aws_secret_access_key": "${value}"}\n` : `aws_secret_access_key=${value}\n`;
      const { findings } = lintText(path, text);
      expect(at(findings, 'no-hardcoded-secret-access-key')).toEqual([cols(text, value)]);
      const out = allOutputs(path, text);
      for (const p of [...pieces(secret), ...pieces(value)]) expect(out).not.toContain(p);
    });
  }

  // Escapes the value readers do not take as part of a value (`\x2f`, HTML references) are not
  // reported as secrets, but the fail-closed mask still hides every piece on the finding's line.
  const masked: Array<[string, (s: string) => string]> = [
    ['hex escapes \\x2f \\x2B', (s) => s.replaceAll('/', '\\x2f').replaceAll('+', '\\x2B')],
    ['HTML references &#x2F; &#43;', (s) => s.replaceAll('/', '&#x2F;').replaceAll('+', '&#43;')],
    ['HTML named references &sol; &plus;', (s) => s.replaceAll('/', '&sol;').replaceAll('+', '&plus;')],
    ['decimal references &#47; and a padded &#x002F;', (s) => s.replace('/', '&#47;').replace('/', '&#x002F;')],
  ];
  for (const [name, encode] of masked) {
    it(`${name} next to a key id: no piece of the secret in any output`, () => {
      const value = encode(secret);
      const text = `<p>AWS_ACCESS_KEY_ID=${id} aws_secret_access_key=${value}</p>\n`;
      const { findings } = lintText('page.html', text);
      expect(at(findings, 'no-hardcoded-access-key-id')).toEqual([cols(text, id)]);
      const out = allOutputs('page.html', text);
      for (const p of [...pieces(secret), ...pieces(value)]) expect(out).not.toContain(p);
    });
  }

  it('s3a://ID:SECRET@bucket with %2F: the pair, each at its own range', () => {
    const value = url(secret);
    const text = `fs.defaultFS=s3a://${id}:${value}@my-bucket/data\n`;
    const { findings } = lintText('core-site.properties', text);
    expect(at(findings, 'no-hardcoded-secret-access-key')).toEqual([cols(text, value)]);
    expect(findings.find((f) => f.ruleId === 'no-hardcoded-secret-access-key')?.message).toContain('next to access key id');
    const out = allOutputs('core-site.properties', text);
    for (const p of [...pieces(secret), ...pieces(value), ...pieces(id)]) expect(out).not.toContain(p);
  });

  it('https://user:pass@ with lower-case escapes, and a form body', () => {
    const a = url(secret, true);
    const text = `curl https://${id}:${a}@example.com/upload\nbody="aws_access_key_id=${id}&aws_secret_access_key=${url(secret)}&region=eu-west-1"\n`;
    const { findings } = lintText('notes.txt', text);
    expect(at(findings, 'no-hardcoded-secret-access-key')).toEqual([cols(text, a), cols(text, url(secret), 2)]);
  });

  it('a JavaScript string with \\u002F next to its key id', () => {
    const value = unicode(secret);
    const text = `const creds = { accessKeyId: '${id}', secretAccessKey: '${value}' };\n`;
    const { findings } = lintText('creds.js', text, { rules: ['no-hardcoded-secret-access-key'] });
    expect(at(findings, 'no-hardcoded-secret-access-key')).toEqual([cols(text, value)]);
  });

  it('the identity is the decoded key: the same fingerprint however it is written', () => {
    const plain = lintText('a.properties', `aws_secret_access_key=${secret}\n`).findings.find((f) => f.ruleId === 'no-hardcoded-secret-access-key');
    const encoded = lintText('a.properties', `aws_secret_access_key=${url(secret)}\n`).findings.find((f) => f.ruleId === 'no-hardcoded-secret-access-key');
    expect(encoded?.fingerprint).toBeDefined();
    expect(encoded?.fingerprint).toBe(plain?.fingerprint);
  });
});

describe('encoded text that is not a secret', () => {
  const id = fakeAccessKeyId('enc-2');
  const secret = secretWithSlashAndPlus('enc-2');

  it('a 40-character piece of a longer escaped blob is not a key (before or after the escape)', () => {
    const blob = `${secret}\\/${fakeSecretAccessKey('enc-3')}`;
    const text = `{"id": "${id}", "blob": "${blob}"}\n`;
    expect(at(lintText('x.json', text).findings, 'no-hardcoded-secret-access-key')).toEqual([]);
  });
  it('URL-encoded base64 of another length, or padded, next to a key id', () => {
    const sig = url(`${secret.slice(0, 27)}=`);
    const long = url(`${secret}${secret.slice(0, 4)}==`);
    const padded = url(`${secret.slice(0, 39)}=`);
    const text = `?AWSAccessKeyId=${id}&Expires=1700000000&Signature=${sig}\nhash=${long}\nx=${padded}\n`;
    expect(at(lintText('urls.txt', text).findings, 'no-hardcoded-secret-access-key')).toEqual([]);
  });
  it('ordinary URL-encoded paths and query strings', () => {
    const text = `${id}\nhttps://example.com/download?file=reports%2F2024%2Fq1%2Fsummary-final-version-2.pdf&redirect=%2Fhome%2Fdashboard%2Fsettings%2Fprofile\n`;
    expect(at(lintText('links.txt', text).findings, 'no-hardcoded-secret-access-key')).toEqual([]);
  });
});

describe('presigned URLs', () => {
  const id = fakeAccessKeyId('presign', 'ASIA');
  const token = fakeSessionToken('presign');
  const signature = 'f'.repeat(8) + '0123456789abcdef'.repeat(3) + 'a1b2c3d4';
  const text = `https://bucket.s3.amazonaws.com/report.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${id}%2F20240101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240101T000000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Security-Token=${url(token)}&X-Amz-Signature=${signature}\n`;

  it('a presigned URL is a link, not a pasted credential: its token is no finding (but masked), its key id stays a key id, the signature no key', () => {
    const { findings } = lintText('links.md', text);
    expect(findings.map((f) => `${f.ruleId} ${f.region.startLine}:${f.region.startColumn}-${f.region.endColumn}`)).toEqual([
      `no-hardcoded-access-key-id ${cols(text, id)}`,
    ]);
    const out = allOutputs('links.md', text);
    for (const p of [...pieces(token), ...pieces(url(token)), ...pieces(id)]) expect(out).not.toContain(p);
  });

  it('the same token URL-encoded outside a presigned URL (a form body) is a finding at its encoded range', () => {
    const body = `curl -d "aws_session_token=${url(token)}&region=us-east-1" https://example.com/upload\n`;
    const { findings } = lintText('deploy.sh', body);
    expect(at(findings, 'no-hardcoded-session-token')).toEqual([cols(body, url(token))]);
  });

  it('a JSON-escaped token with its STS header and no name', () => {
    const body = `{"u": "${json(token)}"}\n`;
    const { findings } = lintText('x.json', body);
    expect(at(findings, 'no-hardcoded-session-token')).toEqual([cols(body, json(token))]);
  });
});
