// One parse-error notification per document, whichever parser found the error first.
import type { SourceDocument } from '../engine/document.js';
import type { Notification } from '../engine/types.js';

const reported = new WeakSet<SourceDocument>();

/**
 * Pushes a `parse-error` notification for the first error of `doc`, once. `consequence`
 * says what was still checked. The message names the position, never the source text
 * (the broken line may hold the secret).
 */
export function reportParseError(
  doc: SourceDocument,
  error: { readonly message: string; readonly offset: number } | undefined,
  what: string,
  consequence: string,
  notes: Notification[] | undefined,
): void {
  if (!notes || !error || reported.has(doc)) return;
  reported.add(doc);
  const pos = doc.lines.position(Math.min(error.offset, doc.text.length));
  notes.push({
    id: 'parse-error',
    level: 'warning',
    path: doc.path,
    line: pos.line,
    column: pos.column,
    message: `${doc.path}:${pos.line}:${pos.column}: could not ${what} (${error.message}); ${consequence}`,
  });
}

/**
 * What went wrong, without the parser's own message: YAML, JSON.parse, dockerfile-ast and
 * decoders quote the offending source (`Block scalar header includes extra characters:
 * |aws_secret_access_key=…`), and notifications are printed whatever rules are enabled. A
 * YAML error code (`BLOCK_SCALAR_HEADER` → `block scalar header`) names the problem well
 * enough; anything else is named by its class.
 */
export function errorSummary(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[A-Z][A-Z0-9_]{2,40}$/.test(code)) return code.toLowerCase().replace(/_/g, ' ');
  const name = error instanceof Error ? error.name : typeof error;
  return /^[A-Za-z]{1,40}$/.test(name) ? name : 'error';
}
