// JSON report: the findings as data, stable across runs and thread counts (no timings).
import type { ReportContext } from './common.js';
import { outgoingResult } from './safe-output.js';

export function formatJson({ result: raw, version, showSecrets }: ReportContext): string {
  const result = outgoingResult(raw, showSecrets);
  const report = {
    tool: { name: 'credlint', version },
    stats: result.stats,
    findings: result.findings.map((f) => ({
      ruleId: f.ruleId,
      messageId: f.messageId,
      severity: f.severity,
      message: f.message,
      path: f.path,
      line: f.region.startLine,
      column: f.region.startColumn,
      endLine: f.region.endLine,
      endColumn: f.region.endColumn,
      snippet: f.snippet,
      ...(f.snippetColumn ? { snippetColumn: f.snippetColumn } : {}),
      fingerprint: f.fingerprint,
      kind: f.kind,
      ...(f.embeddedIn ? { embeddedIn: f.embeddedIn } : {}),
      ...(f.suppression ? { suppression: f.suppression } : {}),
      ...(f.commit ? { commit: f.commit.sha, authorDate: f.commit.authorDate } : {}),
      ...(f.related ? { related: f.related.map((r) => ({ line: r.region.startLine, column: r.region.startColumn, endLine: r.region.endLine, endColumn: r.region.endColumn, message: r.message })) } : {}),
      ...(f.properties ? { properties: f.properties } : {}),
    })),
    notifications: result.notifications,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
