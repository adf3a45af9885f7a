// Baselines: record today's findings so that only new ones are reported. Entries match by
// the stable fingerprint (rule id, path, hash of the offending content, occurrence), so
// moving code does not churn the file. It holds hashes, never secrets, and is sorted so
// diffs are reviewable.
import { errorSummary } from './parsers/errors.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { ConfigError } from './config.js';
import type { Finding, ScanResult } from './engine/types.js';

export interface BaselineEntry {
  readonly ruleId: string;
  readonly path: string;
  readonly fingerprint: string;
}

export interface Baseline {
  readonly version: 1;
  readonly entries: readonly BaselineEntry[];
}

export function createBaseline(findings: readonly Finding[]): Baseline {
  const entries = findings
    .filter((f) => !f.suppression)
    .map((f) => ({ ruleId: f.ruleId, path: f.path, fingerprint: f.fingerprint }))
    .sort((a, b) => cmp(a.path, b.path) || cmp(a.ruleId, b.ruleId) || cmp(a.fingerprint, b.fingerprint));
  const unique = entries.filter((e, i) => i === 0 || e.fingerprint !== entries[i - 1]?.fingerprint || e.path !== entries[i - 1]?.path);
  return { version: 1, entries: unique };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function serializeBaseline(baseline: Baseline): string {
  const lines = baseline.entries.map((e) => `    ${JSON.stringify(e)}`);
  return `{\n  "version": 1,\n  "tool": "credlint",\n  "entries": [\n${lines.join(',\n')}${lines.length ? '\n' : ''}  ]\n}\n`;
}

export function writeBaseline(path: string, findings: readonly Finding[]): number {
  const baseline = createBaseline(findings);
  try {
    writeFileSync(path, serializeBaseline(baseline));
  } catch (error) {
    throw new ConfigError(`${path}: cannot write baseline (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return baseline.entries.length;
}

export function parseBaseline(text: string, path: string): Baseline {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${path}: baseline is not valid JSON (${errorSummary(error)})`);
  }
  const obj = raw as { version?: unknown; entries?: unknown };
  if (!obj || typeof obj !== 'object' || obj.version !== 1 || !Array.isArray(obj.entries)) {
    throw new ConfigError(`${path}: not a credlint baseline (expected {"version": 1, "entries": [...]}); write one with --write-baseline`);
  }
  const entries: BaselineEntry[] = [];
  obj.entries.forEach((e: unknown, i: number) => {
    const entry = e as Partial<BaselineEntry> | null;
    if (!entry || typeof entry.fingerprint !== 'string' || typeof entry.ruleId !== 'string' || typeof entry.path !== 'string') {
      throw new ConfigError(`${path}: entries[${i}]: expected {ruleId, path, fingerprint} strings`);
    }
    entries.push({ ruleId: entry.ruleId, path: entry.path, fingerprint: entry.fingerprint });
  });
  return { version: 1, entries };
}

export function readBaseline(path: string): Baseline {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`${path}: cannot read baseline (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return parseBaseline(text, path);
}

/** Drops findings recorded in the baseline. */
export function applyBaseline(result: ScanResult, baseline: Baseline): ScanResult {
  const known = new Set(baseline.entries.map((e) => `${e.path}\0${e.fingerprint}`));
  return { ...result, findings: result.findings.filter((f) => !known.has(`${f.path}\0${f.fingerprint}`)) };
}
