import type { ScanResult } from '../engine/types.js';
/** Masks key-shaped runs in every line of `text` (same length: snippet columns still line up). */
export declare function maskText(text: string): string;
/**
 * The result as it may leave the process: every string a scanned file could have shaped
 * (messages, snippets, justifications, notification texts) masked by maskLine, unless the
 * user asked for `--show-secrets`.
 */
export declare function outgoingResult(result: ScanResult, showSecrets?: boolean): ScanResult;
/**
 * Text from a scanned file made visible and inert for a terminal: escape sequences (ESC[2K,
 * OSC-8 links), CR, LF, backspace and bidi overrides become `\x1b`, `\r`, `\u202e` … So a
 * hostile file cannot rewrite the screen, hide a finding or start a line of its own.
 */
export declare function terminalSafe(text: string): string;
/** A file path for a line of its own: terminal-safe, and never starting with `::` (a workflow command). */
export declare function linePath(path: string): string;
/**
 * GitHub-flavoured Markdown neutralised: every character Markdown or HTML gives a meaning
 * (emphasis, links, images, code, tables, headings, raw HTML, autolinked URLs) is escaped, so
 * file text in `message.markdown`, job summaries or PR comments renders as the text it is.
 */
export declare function markdownSafe(text: string): string;
/**
 * Guards a whole stdout report that is not a workflow-command report: the Actions runner runs
 * any line starting with `::`, so such a line (which only file content can produce) is indented.
 */
export declare function noWorkflowCommands(report: string): string;
