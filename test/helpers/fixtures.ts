// Fixture harness: fixtures/<id>/positive and fixtures/<id>/negative hold real files in
// their real formats. Positive fixtures mark each expected finding with a comment on the
// line before it (`# expect: <id>`, `// expect: <id>`, `<!-- expect: <id> -->` …); a format
// without comments gets a sidecar `<file>.expect.json` ([{"ruleId", "line", "column"?}]).
// Keys are templated (`{{AKIA:1}}`, `{{SECRET:1}}` …) and generated at test time.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { rules } from '../../rules/index.js';
import { resolveConfig, type UserConfig } from '../../src/config.js';
import { createSetup } from '../../src/engine/setup.js';
import { scanText } from '../../src/engine/scan-file.js';
import type { Finding, Notification } from '../../src/engine/types.js';
import type { Extractor } from '../../src/extract/types.js';
import { renderTemplate } from './fake-keys.js';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const FIXTURES = join(ROOT, 'fixtures');

export interface Expected {
  readonly ruleId: string;
  readonly line: number;
  readonly column?: number;
}

export interface FixtureFile {
  /** Path relative to fixtures/<id>/, e.g. `positive/user-data.sh`. */
  readonly name: string;
  readonly text: string;
  readonly secrets: readonly string[];
  readonly expected: readonly Expected[];
}

/** Every fixture file below `dir` (expectation files left out), sorted. */
export function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...walk(full));
    else if (!entry.endsWith('.expect.json')) out.push(full);
  }
  return out;
}

const EXPECT_ONLY = /^\s*(?:#|\/\/|<!--|;|--|\/\*|\*|REM\b)\s*expect:/;
const EXPECT = /\bexpect:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/g;

/** Reads `expect:` comments: each names findings on the next line that is not itself an expect line. */
/**
 * Every fixture, keys rendered, written at its own path under a new temporary root (so `file()`
 * and module siblings resolve as on disk). The caller removes `root`.
 */
export function renderedFixtureTree(prefix: string): { root: string; files: Array<{ path: string; absPath: string; text: string }> } {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const files = walk(FIXTURES).map((full) => {
    const path = relative(FIXTURES, full).split('\\').join('/');
    const { text } = renderTemplate(readFileSync(full, 'utf8'));
    const absPath = join(root, path);
    mkdirSync(dirname(absPath), { recursive: true });
    writeFileSync(absPath, text);
    return { path, absPath, text };
  });
  return { root, files };
}

export function parseExpectations(text: string): Expected[] {
  const lines = text.split('\n');
  const expected: Expected[] = [];
  lines.forEach((line, i) => {
    for (const m of line.matchAll(EXPECT)) {
      let target = i + 1;
      while (target < lines.length && EXPECT_ONLY.test(lines[target] as string)) target++;
      for (const id of (m[1] as string).split(/\s*,\s*/)) expected.push({ ruleId: id, line: target + 1 });
    }
  });
  return expected;
}

export function loadFixtures(ruleId: string, which: 'positive' | 'negative'): FixtureFile[] {
  const dir = join(FIXTURES, ruleId, which);
  return walk(dir).map((full) => {
    const raw = readFileSync(full, 'utf8');
    const { text, secrets } = renderTemplate(raw);
    const sidecar = `${full}.expect.json`;
    const expected = existsSync(sidecar) ? (JSON.parse(readFileSync(sidecar, 'utf8')) as Expected[]) : parseExpectations(raw);
    return { name: relative(join(FIXTURES, ruleId), full).split('\\').join('/'), text, secrets, expected };
  });
}

export interface LintTextOptions {
  readonly rules?: readonly string[];
  readonly config?: UserConfig;
  readonly extractors?: readonly Extractor[];
  readonly reportUnusedSuppressions?: boolean;
  readonly showSecrets?: boolean;
  /** Where the file "lives" on disk, for parsers that read referenced files (Terraform `file()`). */
  readonly absPath?: string;
}

/** Scans `text` as the file `path` with the given rules (default: all) in-process. */
export function lintText(path: string, text: string, options: LintTextOptions = {}): { findings: Finding[]; notifications: Notification[] } {
  const config = resolveConfig(options.config ?? {}, rules, { onlyRules: options.rules, showSecrets: options.showSecrets });
  const setup = createSetup(config, rules, { extractors: options.extractors, reportUnusedSuppressions: options.reportUnusedSuppressions });
  return scanText(path, text, setup, undefined, options.absPath);
}

/** A code frame with ^^^ under each finding: makes a wrong range visible in a snapshot. */
export function frame(findings: readonly Finding[]): string {
  return findings
    .map((f) => {
      const r = f.region;
      const first = f.snippet.split('\n')[0] ?? '';
      const offset = (f.snippetColumn ?? 1) - 1;
      const start = r.startColumn - 1 - offset;
      const end = r.endLine === r.startLine ? r.endColumn - 1 - offset : first.length;
      return [
        `${f.path}:${r.startLine}:${r.startColumn}-${r.endLine}:${r.endColumn} ${f.ruleId}/${f.messageId}${f.suppression ? ' (suppressed)' : ''}`,
        `  ${first}`,
        `  ${' '.repeat(Math.max(0, start))}${'^'.repeat(Math.max(1, end - start))}`,
        `  ${f.message}`,
      ].join('\n');
    })
    .join('\n');
}
