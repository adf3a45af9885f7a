// The job summary ($GITHUB_STEP_SUMMARY): findings by rule and file, each rule linked to its
// documentation and each file to its first finding. Every piece of text that comes from the
// scanned repository (paths, messages) is masked for key shapes and escaped for Markdown and
// HTML, so a crafted file name can neither print a secret nor inject markup.
// https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands#adding-a-job-summary
import { maskLine } from '../engine/redact.js';
import type { SarifFinding } from './sarif-findings.js';

/** GitHub's limit is 1 MiB per step; rows past this many are counted, not listed. */
export const MAX_SUMMARY_ROWS = 300;

/** Text → Markdown/HTML-inert text: every ASCII punctuation character as a numeric entity. */
export function escapeMarkdown(text: string): string {
  return maskLine(text.replace(/[\r\n]+/g, ' ')).replace(/[!-/:-@[-`{-~]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A link destination: each path segment percent-encoded, and the characters Markdown treats specially. */
function encodePath(path: string): string {
  return path
    .split('/')
    .map((s) => encodeURIComponent(s).replace(/[()!'*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

export interface SummaryContext {
  readonly findings: readonly SarifFinding[];
  readonly exitCode: number;
  readonly failOn: string;
  readonly category: string;
  /** `https://github.com/owner/repo` and the commit files are linked at, when known. */
  readonly repoUrl?: string;
  readonly sha?: string;
  readonly omittedAnnotations: number;
  readonly notes: readonly string[];
}

export function buildSummary(ctx: SummaryContext): string {
  const counts = { error: 0, warning: 0, note: 0 };
  for (const f of ctx.findings) counts[f.level]++;
  const total = ctx.findings.length;
  const out: string[] = ['## credlint', ''];
  const status = total === 0 ? 'No problems found' : `**${total} problem${total === 1 ? '' : 's'}** (${counts.error} errors, ${counts.warning} warnings, ${counts.note} notes)`;
  out.push(`${status} · fails on \`${escapeMarkdown(ctx.failOn)}\` · exit code ${ctx.exitCode} · category \`${escapeMarkdown(ctx.category)}\``, '');

  if (total > 0) {
    const groups = new Map<string, { rule: string; helpUri?: string; path: string; level: SarifFinding['level']; commit?: string; lines: number[] }>();
    for (const f of ctx.findings) {
      const key = `${f.ruleId}\0${f.path}\0${f.commit ?? ''}`;
      const g = groups.get(key) ?? { rule: f.ruleId, helpUri: f.helpUri, path: f.path, level: f.level, commit: f.commit, lines: [] };
      g.lines.push(f.startLine);
      groups.set(key, g);
    }
    const rows = [...groups.values()].sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    out.push('| Rule | File | Severity | Findings | Lines |', '| --- | --- | --- | ---: | --- |');
    for (const g of rows.slice(0, MAX_SUMMARY_ROWS)) {
      const rule = g.helpUri && /^https:\/\//.test(g.helpUri) ? `[${escapeMarkdown(g.rule)}](${g.helpUri.replace(/[()\s]/g, encodeURIComponent)})` : escapeMarkdown(g.rule);
      const shownPath = escapeMarkdown(g.path);
      // A path that holds something key-shaped is shown masked and not linked (the URL would carry it).
      // A finding from history links to the file at its own commit (it may be gone from HEAD).
      const sha = g.commit ?? ctx.sha;
      const linkable = ctx.repoUrl && sha && maskLine(g.path) === g.path;
      const lines = [...new Set(g.lines)].sort((a, b) => a - b);
      const file = linkable ? `[${shownPath}](${ctx.repoUrl}/blob/${sha}/${encodePath(g.path)}#L${lines[0]})` : shownPath;
      const lineList = lines.slice(0, 10).join(', ') + (lines.length > 10 ? ', …' : '');
      out.push(`| ${rule} | ${file} | ${g.level} | ${g.lines.length} | ${lineList} |`);
    }
    if (rows.length > MAX_SUMMARY_ROWS) out.push('', `${rows.length - MAX_SUMMARY_ROWS} more rows left out (see the SARIF file or code scanning).`);
    out.push('');
  }
  if (ctx.omittedAnnotations > 0) {
    out.push(`${ctx.omittedAnnotations} finding${ctx.omittedAnnotations === 1 ? ' was' : 's were'} not annotated on the pull request: GitHub shows at most 10 error, 10 warning and 10 notice annotations per step.`, '');
  }
  for (const note of ctx.notes) out.push(`> ${escapeMarkdown(note)}`, '');
  return `${out.join('\n')}\n`;
}
