// Inline suppressions, in the comment syntax of every kind we read:
//   # credlint-disable-next-line no-hardcoded-access-key-id, no-imdsv1-calls -- reason
//   key = "…"  // credlint-disable-line no-imdsv1-calls -- reason
//   /* credlint-disable no-imdsv1-calls -- reason */          (whole file)
// The directive must follow a comment marker on its line (#, //, /*, ;, --, <!--, REM, %),
// so a string that merely contains the word does not suppress anything.
import type { LineIndex } from './document.js';

export type DirectiveKind = 'file' | 'line' | 'next-line';

export interface Directive {
  readonly kind: DirectiveKind;
  /** Rule ids named; empty means every rule. */
  readonly ruleIds: readonly string[];
  readonly justification?: string;
  /** 1-based line the directive is written on. */
  readonly line: number;
  /** 1-based column of the word `credlint-disable…`. */
  readonly column: number;
  /** 1-based line it applies to (undefined for file-wide). */
  readonly target?: number;
}

export const MARKER = 'credlint-disable';
/** The marker as a keyword: the engine's combined keyword pass answers "no directive" with the rest. */
export const MARKER_KEYWORD = /credlint-disable/;
const COMMENT_BEFORE = /(?:#|\/\/|\/\*+|;|--|<!--|\bREM|%|\{\{\/\*)[ \t]*\*?[ \t]*$/i;
/** What may follow the directive word: rule ids (comma or space separated), then nothing else. */
const RULE_ID_LIST = /^[\s,]*(?:[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:[\s,]+|$))*$/;
const DIRECTIVE = /^credlint-disable(-next-line|-line)?(?![\w-])([^\n]*)$/;

export function parseDirectives(text: string, lines: LineIndex): Directive[] {
  const directives: Directive[] = [];
  // indexOf first: most files have no directive, and this costs a single scan.
  for (let at = text.indexOf(MARKER); at !== -1; at = text.indexOf(MARKER, at + MARKER.length)) {
    const pos = lines.position(at);
    const lineText = lines.lineText(pos.line);
    const before = lineText.slice(0, pos.column - 1);
    if (!COMMENT_BEFORE.test(before)) continue;
    const m = DIRECTIVE.exec(lineText.slice(pos.column - 1));
    if (!m) continue;
    let rest = (m[2] ?? '').replace(/\s*(?:\*\/|-->|#\}|\*\/\}\})\s*$/, '');
    let justification: string | undefined;
    const sep = rest.search(/\s--\s|\s--$/);
    if (sep !== -1) {
      justification = rest.slice(sep).replace(/^\s--\s?/, '').trim() || undefined;
      rest = rest.slice(0, sep);
    }
    // Anything but a list of id-shaped words means this is not a directive (a string in code
    // that happens to contain the word): it must neither suppress nor be reported.
    if (!RULE_ID_LIST.test(rest)) continue;
    const ruleIds = rest
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    const kind: DirectiveKind = m[1] === '-next-line' ? 'next-line' : m[1] === '-line' ? 'line' : 'file';
    directives.push({
      kind,
      ruleIds,
      justification,
      line: pos.line,
      column: pos.column,
      target: kind === 'file' ? undefined : kind === 'line' ? pos.line : nextCodeLine(lines, pos.line),
    });
  }
  return directives;
}

/** The line after `line`, skipping further comment-only directive lines so several can stack. */
function nextCodeLine(lines: LineIndex, line: number): number {
  let next = line + 1;
  while (next <= lines.lineCount && /^\s*(?:#|\/\/|\/\*|;|--|<!--)\s*credlint-disable-next-line\b/.test(lines.lineText(next))) next++;
  return next;
}

/** Whether `directive` covers a finding of `ruleId` spanning lines [startLine, endLine]. */
export function directiveCovers(directive: Directive, ruleId: string, startLine: number, endLine: number): boolean {
  if (directive.ruleIds.length > 0 && !directive.ruleIds.includes(ruleId)) return false;
  if (directive.target === undefined) return true;
  return directive.target >= startLine && directive.target <= endLine;
}
