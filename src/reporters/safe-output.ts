// The way out. Every report, whatever its format, passes through here first: secrets are
// masked once more by shape (fail-closed: a rule that was off, a parser that quoted a line,
// a suppression justification, a rule option — none may carry a key out) and text that came
// from scanned files is made inert for the channel it goes to.
import { maskFindingText, maskLine } from '../engine/redact.js';
import type { Finding, Notification, ScanResult } from '../engine/types.js';

/** Masks key-shaped runs in every line of `text` (same length: snippet columns still line up). */
export function maskText(text: string): string {
  return text.includes('\n') ? text.split('\n').map((l) => maskLine(l)).join('\n') : maskLine(text);
}

/**
 * The result as it may leave the process: every string a scanned file could have shaped
 * (messages, snippets, justifications, notification texts) masked by maskLine, unless the
 * user asked for `--show-secrets`.
 */
export function outgoingResult(result: ScanResult, showSecrets = false): ScanResult {
  if (showSecrets) return result;
  const findings = result.findings.map((f): Finding => {
    // A finding's lines and its message: fail-closed on pieces of a broken key too. The paths
    // the result names are shown as its path fields show them.
    const paths = f.refersTo ? [f.path, f.refersTo.path] : [f.path];
    const message = maskFindingText(f.message, paths);
    const snippet = maskFindingText(f.snippet);
    const justification = f.suppression?.justification;
    const suppression = f.suppression && justification !== undefined ? { ...f.suppression, justification: maskText(justification) } : f.suppression;
    const related = f.related?.map((r) => {
      const m = maskFindingText(r.message, paths);
      return m === r.message ? r : { ...r, message: m };
    });
    const relatedChanged = related !== undefined && related.some((r, i) => r !== f.related?.[i]);
    // Labels of embedded documents are built from file text (a resource name, a heredoc word).
    const embeddedIn = f.embeddedIn?.map((label) => maskFindingText(label));
    const embeddedChanged = embeddedIn !== undefined && embeddedIn.some((l, i) => l !== f.embeddedIn?.[i]);
    return message === f.message && snippet === f.snippet && suppression === f.suppression && !relatedChanged && !embeddedChanged
      ? f
      : { ...f, message, snippet, ...(suppression ? { suppression } : {}), ...(relatedChanged ? { related } : {}), ...(embeddedChanged ? { embeddedIn } : {}) };
  });
  const notifications = result.notifications.map((n): Notification => {
    const message = maskFindingText(n.message, n.path === undefined ? [] : [n.path]);
    return message === n.message ? n : { ...n, message };
  });
  return { ...result, findings, notifications };
}

// C0 controls but tab, DEL, C1 controls, and the Unicode bidirectional/invisible formatting
// characters a "Trojan source" relies on (U+200B–U+200F, U+202A–U+202E, U+2066–U+2069, U+FEFF).
// eslint-disable-next-line no-control-regex
const TERMINAL_UNSAFE = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * Text from a scanned file made visible and inert for a terminal: escape sequences (ESC[2K,
 * OSC-8 links), CR, LF, backspace and bidi overrides become `\x1b`, `\r`, `\u202e` … So a
 * hostile file cannot rewrite the screen, hide a finding or start a line of its own.
 */
export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_UNSAFE, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** A file path for a line of its own: terminal-safe, and never starting with `::` (a workflow command). */
export function linePath(path: string): string {
  const safe = terminalSafe(path);
  return safe.startsWith(':') ? `./${safe}` : safe;
}

/**
 * GitHub-flavoured Markdown neutralised: every character Markdown or HTML gives a meaning
 * (emphasis, links, images, code, tables, headings, raw HTML, autolinked URLs) is escaped, so
 * file text in `message.markdown`, job summaries or PR comments renders as the text it is.
 */
export function markdownSafe(text: string): string {
  return terminalSafe(text)
    .replace(/[\\`*_{}[\]()#+\-.!|<>~&:@]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}

/**
 * Guards a whole stdout report that is not a workflow-command report: the Actions runner runs
 * any line starting with `::`, so such a line (which only file content can produce) is indented.
 */
export function noWorkflowCommands(report: string): string {
  return report.replace(/^([ \t]*)::/gm, '$1\\::');
}
