// The action reads back the SARIF file credlint wrote (one scan gives the upload, the
// annotations, the summary and the counts), so these views never disagree.
import type { Log, Result } from 'sarif';

export interface SarifFinding {
  readonly ruleId: string;
  readonly level: 'error' | 'warning' | 'note';
  readonly message: string;
  readonly path: string;
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly helpUri?: string;
  /** The commit a history scan found it in (`properties.commit`). */
  readonly commit?: string;
}

const RANK = { error: 0, warning: 1, note: 2 } as const;

function level(r: Result): SarifFinding['level'] {
  return r.level === 'warning' || r.level === 'note' ? r.level : 'error';
}

/** Unsuppressed results, most severe first (stable: report order within a level). */
export function sarifFindings(log: Log): SarifFinding[] {
  const out: SarifFinding[] = [];
  for (const run of log.runs ?? []) {
    const help = new Map((run.tool.driver.rules ?? []).map((r) => [r.id, r.helpUri]));
    for (const r of run.results ?? []) {
      if (r.suppressions?.length) continue;
      const loc = r.locations?.[0]?.physicalLocation;
      const region = loc?.region ?? {};
      const uri = loc?.artifactLocation?.uri ?? '';
      const ruleId = r.ruleId ?? 'unknown';
      out.push({
        ruleId,
        level: level(r),
        message: r.message.text ?? '',
        path: safeDecode(uri),
        startLine: region.startLine ?? 1,
        startColumn: region.startColumn ?? 1,
        endLine: region.endLine ?? region.startLine ?? 1,
        endColumn: region.endColumn ?? region.startColumn ?? 1,
        helpUri: help.get(ruleId),
        commit: commitOf(r),
      });
    }
  }
  return out.map((f, i) => ({ f, i })).sort((a, b) => RANK[a.f.level] - RANK[b.f.level] || a.i - b.i).map((x) => x.f);
}

function safeDecode(uri: string): string {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}

function commitOf(r: Result): string | undefined {
  const props = r.properties as Record<string, unknown> | undefined;
  const value = props?.commit ?? props?.commitSha;
  const sha = typeof value === 'object' && value !== null ? (value as { sha?: unknown }).sha : value;
  return typeof sha === 'string' && /^[0-9a-f]{40}$/.test(sha) ? sha : undefined;
}
