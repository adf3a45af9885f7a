// Budgets for parses and decodes. A hostile file must not make one parse run for minutes or
// one decode inflate to gigabytes: when a budget is exceeded, the document is reported as not
// fully scanned (a notification) and the text-level detectors still see its raw text.
//
// Parsers are called deep inside rules, which have no notification channel; they record the
// overrun here and scanText drains the record into the file's notifications. One thread scans
// one file at a time, so a module-level list is enough.
import type { SourceDocument } from './document.js';
import type { Notification } from './types.js';

/** A tree-sitter parse may take this long plus PARSE_MS_PER_KB per KB: 250 KB/s, a tenth of the usual 3–5 MB/s (a loaded CI runner must not lose real files). */
export const PARSE_BASE_MS = 2000;
export const PARSE_MS_PER_KB = 4;
/** Bytes a decoder (gzip in MIME user data, base64 values) may produce from one document. */
export const MAX_DECODED_BYTES = 5 * 1024 * 1024;
/** Nesting depth beyond which recursive walks stop (a 25,000-item list nests no deeper than 2). */
export const MAX_WALK_DEPTH = 2000;

/** The time a parse of `length` characters may take, in milliseconds. */
export function parseBudgetMs(length: number): number {
  return PARSE_BASE_MS + (length / 1024) * PARSE_MS_PER_KB;
}

const overruns: Array<{ what: string }> = [];
const seen = new Set<string>();

/**
 * Records that the file being scanned (or the part of it named by `what`) was not fully
 * scanned, once per reason. `what` names the construct, never source text.
 */
export function reportIncomplete(_doc: Pick<SourceDocument, 'path'> | undefined, what: string): void {
  if (seen.has(what)) return;
  seen.add(what);
  overruns.push({ what });
}

/** The overruns recorded since the last call, as notifications for the file at `path`. */
export function drainIncomplete(path: string): Notification[] {
  const out = overruns.map(({ what }): Notification => ({ id: 'not-fully-scanned', level: 'warning', path, message: `${path}: not fully scanned: ${what}; text-level checks still ran` }));
  overruns.length = 0;
  seen.clear();
  return out;
}
