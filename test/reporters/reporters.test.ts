import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { rules } from '../../rules/index.js';
import type { Finding, ScanResult } from '../../src/engine/types.js';
import { buildSarif, MAX_SARIF_RESULTS, pathToUri } from '../../src/reporters/sarif.js';
import { formatGithub } from '../../src/reporters/github.js';
import { formatStylish } from '../../src/reporters/stylish.js';
import { formatJson } from '../../src/reporters/json.js';
import { ROOT } from '../helpers/fixtures.js';

function finding(i: number, extra: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'no-hardcoded-access-key-id',
    messageId: 'hardcoded',
    message: `AWS access key id AKIA…000${i % 10} is hard-coded`,
    severity: i % 2 ? 'warning' : 'error',
    path: `dir/file ${i}.txt`,
    region: { startLine: i + 1, startColumn: 3, endLine: i + 1, endColumn: 23 },
    snippet: `k=AKIA************000${i % 10}`,
    fingerprint: `${i.toString(16).padStart(32, '0')}:1`,
    kind: 'text',
    ...extra,
  };
}

function result(findings: Finding[], extra: Partial<ScanResult> = {}): ScanResult {
  return {
    findings,
    notifications: [],
    stats: { filesDiscovered: findings.length, filesScanned: findings.length, bytesScanned: 100 },
    enabledRules: ['no-hardcoded-access-key-id'],
    baseDir: '/work/repo',
    ...extra,
  };
}

const ctx = (r: ScanResult) => ({ result: r, rules, version: '1.2.3' });

describe('SARIF reporter', () => {
  const ajv = new Ajv({ strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'test/schemas/sarif-schema-2.1.0.json'), 'utf8')));

  it('encodes paths as relative URIs', () => {
    expect(pathToUri('dir with space/ключ.txt')).toBe('dir%20with%20space/%D0%BA%D0%BB%D1%8E%D1%87.txt');
    expect(pathToUri('../up/a#b.txt')).toBe('../up/a%23b.txt');
  });

  it('turns notifications into toolExecutionNotifications with locations', () => {
    const log = buildSarif(
      ctx(
        result([finding(0)], {
          notifications: [
            { id: 'binary-file', level: 'note', message: 'x.bin: skipped: binary file', path: 'x.bin' },
            { id: 'unknown-suppression', level: 'error', message: 'bad id', path: 'a.py', line: 3, column: 2 },
          ],
        }),
      ),
    );
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const notes = log.runs[0]!.invocations![0]!.toolExecutionNotifications!;
    expect(notes).toHaveLength(2);
    expect(notes[1]).toMatchObject({
      level: 'error',
      descriptor: { id: 'unknown-suppression' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'a.py', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 2 } } }],
    });
    expect(log.runs[0]!.originalUriBaseIds!['%SRCROOT%']!.uri).toBe('file:///work/repo/');
  });

  it(`truncates above ${MAX_SARIF_RESULTS} results, keeping the most severe, and says so`, () => {
    const many = Array.from({ length: MAX_SARIF_RESULTS + 10 }, (_, i) => finding(i));
    const log = buildSarif(ctx(result(many)));
    const run = log.runs[0]!;
    expect(run.results).toHaveLength(MAX_SARIF_RESULTS);
    // All errors (even indices) are kept before any warning.
    expect(run.results!.filter((r) => r.level === 'error')).toHaveLength(Math.ceil((MAX_SARIF_RESULTS + 10) / 2));
    const last = run.invocations![0]!.toolExecutionNotifications!.at(-1)!;
    expect(last.descriptor!.id).toBe('results-truncated');
    expect(last.message.text).toMatch(/^10 results were left out/);
  });

  it('puts the masked line in contextRegion, not the bare region', () => {
    const log = buildSarif(ctx(result([finding(1)])));
    const loc = log.runs[0]!.results![0]!.locations![0]!.physicalLocation!;
    expect(loc.region!.snippet).toBeUndefined();
    expect(loc.contextRegion!.snippet!.text).toBe('k=AKIA************0001');
  });
});

describe('GitHub reporter', () => {
  it('escapes properties and data', () => {
    const out = formatGithub(ctx(result([finding(0, { path: 'a,b:c.txt', message: 'line1\nline2 100%' })])));
    expect(out).toBe(
      '::error file=a%2Cb%3Ac.txt,line=1,col=3,endLine=1,endColumn=23,title=credlint no-hardcoded-access-key-id::line1%0Aline2 100%25\n',
    );
  });

  it('leaves suppressed findings out and maps note to notice', () => {
    const out = formatGithub(ctx(result([finding(0, { suppression: { kind: 'inSource' } }), finding(2, { severity: 'note' })])));
    expect(out.split('\n').filter(Boolean)).toHaveLength(1);
    expect(out).toMatch(/^::notice /);
  });
});

describe('stylish reporter', () => {
  it('colours only when asked', () => {
    const plain = formatStylish(ctx(result([finding(0)])), { color: false });
    const colored = formatStylish(ctx(result([finding(0)])), { color: true });
    expect(plain).not.toContain('\u001b[');
    expect(colored).toContain('\u001b[31m');
  });

  it('draws carets under a cropped long line at the right place', () => {
    const f = finding(0, { snippet: 'xx AKIA************0000 yy', snippetColumn: 1001, region: { startLine: 1, startColumn: 1004, endLine: 1, endColumn: 1024 } });
    const out = formatStylish(ctx(result([f])), { color: false });
    const lines = out.split('\n');
    const code = lines.findIndex((l) => l.includes('AKIA****'));
    expect(lines[code + 1]!.indexOf('^')).toBe(lines[code]!.indexOf('AKIA'));
    expect(lines[code + 1]!.match(/\^+/)![0]).toHaveLength(20);
  });

  it('summarises counts and suppressed findings', () => {
    const out = formatStylish(ctx(result([finding(0), finding(1), finding(2, { suppression: { kind: 'inSource' } })])), { color: false });
    expect(out).toContain('✖ 2 problems (1 error, 1 warning, 0 notes)');
    expect(out).toContain('1 suppressed');
  });
});

describe('JSON reporter', () => {
  it('is stable data with 1-based positions', () => {
    const parsed = JSON.parse(formatJson(ctx(result([finding(0)]))));
    expect(parsed.findings[0]).toMatchObject({ line: 1, column: 3, endLine: 1, endColumn: 23, fingerprint: expect.any(String) });
    expect(parsed.tool).toEqual({ name: 'credlint', version: '1.2.3' });
  });
});
