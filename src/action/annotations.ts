// Pull-request annotations from the SARIF results, within GitHub's per-step limits:
// 10 error, 10 warning and 10 notice annotations per step (and 50 per job) — anything past
// that is dropped silently by GitHub, so we choose which to keep (most severe first, in
// report order) and say how many were left out.
// https://github.com/actions/toolkit/blob/main/docs/problem-matchers.md#limitations
import { workflowCommand, type CommandLevel } from './runner.js';
import type { SarifFinding } from './sarif-findings.js';

export const ANNOTATIONS_PER_LEVEL = 10;

const LEVEL: Record<SarifFinding['level'], CommandLevel> = { error: 'error', warning: 'warning', note: 'notice' };

export interface Annotations {
  readonly text: string;
  readonly shown: number;
  readonly omitted: number;
}

export function buildAnnotations(findings: readonly SarifFinding[]): Annotations {
  const used: Record<CommandLevel, number> = { error: 0, warning: 0, notice: 0 };
  let text = '';
  let omitted = 0;
  for (const f of findings) {
    const level = LEVEL[f.level];
    if (used[level] >= ANNOTATIONS_PER_LEVEL) {
      omitted++;
      continue;
    }
    used[level]++;
    text += workflowCommand(level, f.message, {
      file: f.path,
      line: f.startLine,
      col: f.startColumn,
      endLine: f.endLine,
      endColumn: f.endColumn,
      title: `credlint ${f.ruleId}`,
    });
  }
  const shown = used.error + used.warning + used.notice;
  if (omitted > 0) {
    const note = `credlint: ${omitted} more finding${omitted === 1 ? '' : 's'} not annotated (GitHub shows at most ${ANNOTATIONS_PER_LEVEL} error, ${ANNOTATIONS_PER_LEVEL} warning and ${ANNOTATIONS_PER_LEVEL} notice annotations per step); see the job summary or code scanning for all of them`;
    // Plain log line when the notice slots are taken, so the count itself is never dropped.
    text += used.notice < ANNOTATIONS_PER_LEVEL ? workflowCommand('notice', note) : `${note}\n`;
  }
  return { text, shown, omitted };
}
