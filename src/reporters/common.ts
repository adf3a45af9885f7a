import type { AnyRule, Severity } from '../rule.js';
import type { Finding, ScanResult } from '../engine/types.js';

export interface ReportContext {
  readonly result: ScanResult;
  /** Every rule known, to look up metadata by id. */
  readonly rules: readonly AnyRule[];
  readonly version: string;
  /** `--show-secrets`: the one case where reporters do not mask key-shaped text once more. */
  readonly showSecrets?: boolean;
}

export type Reporter = (context: ReportContext, options?: { color?: boolean }) => string;

/** Findings that count: not suppressed. */
export function activeFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => !f.suppression);
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
