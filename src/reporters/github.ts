// GitHub Actions workflow commands: each finding becomes an annotation on the pull request.
// https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions
import type { ReportContext } from './common.js';
import { activeFindings } from './common.js';
import { outgoingResult, terminalSafe } from './safe-output.js';

/** Workflow-command data: `%`, CR and LF encoded (so nothing can end the command or start another), other controls made visible. */
function escapeData(s: string): string {
  return terminalSafe(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMAND = { error: 'error', warning: 'warning', note: 'notice' } as const;

export function formatGithub({ result: raw, showSecrets }: ReportContext): string {
  const result = outgoingResult(raw, showSecrets);
  const lines: string[] = [];
  for (const f of activeFindings(result.findings)) {
    const r = f.region;
    const props = [
      `file=${escapeProperty(f.path)}`,
      `line=${r.startLine}`,
      `col=${r.startColumn}`,
      `endLine=${r.endLine}`,
      `endColumn=${r.endColumn}`,
      `title=${escapeProperty(`credlint ${f.ruleId}`)}`,
    ];
    // --history: the file may no longer exist at the head; the commit says where to look.
    const commit = f.commit ? ` (commit ${f.commit.sha.slice(0, 12)}, ${f.commit.authorDate.slice(0, 10)})` : '';
    lines.push(`::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message + commit)}`);
  }
  for (const n of result.notifications) {
    if (n.level === 'note') continue;
    const props = n.path ? [`file=${escapeProperty(n.path)}`, ...(n.line ? [`line=${n.line}`] : [])] : [];
    lines.push(`::${n.level === 'error' ? 'error' : 'warning'}${props.length ? ` ${props.join(',')}` : ''}::${escapeData(n.message)}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
