// Human output for terminals: findings grouped by file, a code frame with ^^^ under each
// one. Colours only when asked (TTY and no NO_COLOR, decided by the CLI).
import type { ReportContext } from './common.js';
import { activeFindings, countBySeverity, plural } from './common.js';
import type { Finding } from '../engine/types.js';
import { ruleHelpUri } from '../rule.js';
import { linePath, outgoingResult, terminalSafe } from './safe-output.js';

const ANSI = {
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  blue: '\u001b[34m',
  dim: '\u001b[2m',
  bold: '\u001b[1m',
  underline: '\u001b[4m',
  reset: '\u001b[0m',
};

type Paint = (style: keyof typeof ANSI, s: string) => string;

function codeFrame(f: Finding, paint: Paint): string[] {
  const lines = f.snippet.split('\n');
  const first = lines[0] ?? '';
  const offset = (f.snippetColumn ?? 1) - 1;
  const gutterWidth = String(f.region.startLine + lines.length - 1).length;
  const out: string[] = [];
  lines.forEach((text, i) => {
    const lineNo = String(f.region.startLine + i).padStart(gutterWidth);
    const marker = i === 0 ? '>' : ' ';
    out.push(`    ${paint('dim', `${marker} ${lineNo} |`)} ${terminalSafe(expandTabs(text))}`);
    if (i === 0) {
      const startCol = f.region.startColumn - 1 - offset;
      const endCol = f.region.endLine === f.region.startLine ? f.region.endColumn - 1 - offset : first.length;
      const pad = terminalSafe(expandTabs(first.slice(0, Math.max(0, startCol)))).length;
      const width = Math.max(1, terminalSafe(expandTabs(first.slice(Math.max(0, startCol), Math.max(startCol + 1, endCol)))).length);
      out.push(`    ${paint('dim', `  ${' '.repeat(gutterWidth)} |`)} ${' '.repeat(pad)}${paint('red', '^'.repeat(width))}`);
    }
  });
  return out;
}

function expandTabs(s: string): string {
  return s.replace(/\t/g, '  ');
}

export function formatStylish({ result: raw, rules, showSecrets }: ReportContext, options: { color?: boolean } = {}): string {
  const result = outgoingResult(raw, showSecrets);
  const paint: Paint = options.color ? (style, s) => `${ANSI[style]}${s}${ANSI.reset}` : (_style, s) => s;
  const findings = activeFindings(result.findings);
  const out: string[] = [];
  const byPath = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byPath.get(f.path) ?? [];
    list.push(f);
    byPath.set(f.path, list);
  }
  for (const [path, list] of byPath) {
    out.push(paint('underline', linePath(path)));
    for (const f of list) {
      const sev = f.severity === 'error' ? paint('red', 'error  ') : f.severity === 'warning' ? paint('yellow', 'warning') : paint('blue', 'note   ');
      const where = f.embeddedIn?.length ? paint('dim', ` (in ${terminalSafe(f.embeddedIn.join(' › '))})`) : '';
      const commit = f.commit ? paint('dim', ` (commit ${terminalSafe(f.commit.sha.slice(0, 12))}, ${terminalSafe(f.commit.authorDate.slice(0, 10))})`) : '';
      out.push(`  ${paint('dim', `${f.region.startLine}:${f.region.startColumn}`.padEnd(8))} ${sev}  ${terminalSafe(f.message)}${where}${commit}  ${paint('dim', f.ruleId)}`);
      out.push(...codeFrame(f, paint));
    }
    out.push('');
  }

  // Each rule that reported, with its documentation (why, how to fix, how to suppress).
  const reported = [...new Set(findings.map((f) => f.ruleId))].sort();
  if (reported.length > 0) {
    const byId = new Map(rules.map((r) => [r.id, r]));
    const width = Math.max(...reported.map((id) => id.length));
    out.push(paint('bold', 'Rules'));
    for (const id of reported) out.push(`  ${id.padEnd(width)}  ${paint('dim', byId.get(id)?.helpUri ?? ruleHelpUri(id))}`);
    out.push('');
  }

  const shown = result.notifications.filter((n) => n.level !== 'note');
  const notes = result.notifications.length - shown.length;
  if (shown.length > 0) {
    out.push(paint('bold', 'Notifications'));
    for (const n of shown) out.push(`  ${n.level === 'error' ? paint('red', 'error  ') : paint('yellow', 'warning')}  ${terminalSafe(n.message)}`);
    out.push('');
  }

  const counts = countBySeverity(findings);
  const suppressed = result.findings.length - findings.length;
  const { commits } = result.stats;
  const scanned =
    commits !== undefined
      ? `${plural(result.stats.filesScanned, 'blob')} from ${plural(commits, 'commit')} scanned`
      : `${plural(result.stats.filesScanned, 'file')} scanned`;
  const extras = [
    suppressed ? `${suppressed} suppressed` : '',
    notes ? `${plural(notes, 'file note')} (see --format sarif or --debug)` : '',
  ].filter(Boolean);
  const tail = extras.length ? `; ${extras.join(', ')}` : '';
  if (findings.length === 0) {
    out.push(`${paint('bold', 'No problems found')} (${scanned}${tail}).`);
  } else {
    const summary = `✖ ${plural(findings.length, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.note, 'note')})`;
    out.push(`${paint(counts.error ? 'red' : 'yellow', paint('bold', summary))} in ${scanned}${tail}.`);
  }
  return `${out.join('\n')}\n`;
}
