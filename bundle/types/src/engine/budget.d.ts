import type { SourceDocument } from './document.js';
import type { Notification } from './types.js';
/** A tree-sitter parse may take this long plus PARSE_MS_PER_KB per KB: 250 KB/s, a tenth of the usual 3–5 MB/s (a loaded CI runner must not lose real files). */
export declare const PARSE_BASE_MS = 2000;
export declare const PARSE_MS_PER_KB = 4;
/** Bytes a decoder (gzip in MIME user data, base64 values) may produce from one document. */
export declare const MAX_DECODED_BYTES: number;
/** Nesting depth beyond which recursive walks stop (a 25,000-item list nests no deeper than 2). */
export declare const MAX_WALK_DEPTH = 2000;
/** The time a parse of `length` characters may take, in milliseconds. */
export declare function parseBudgetMs(length: number): number;
/**
 * Records that the file being scanned (or the part of it named by `what`) was not fully
 * scanned, once per reason. `what` names the construct, never source text.
 */
export declare function reportIncomplete(_doc: Pick<SourceDocument, 'path'> | undefined, what: string): void;
/** The overruns recorded since the last call, as notifications for the file at `path`. */
export declare function drainIncomplete(path: string): Notification[];
