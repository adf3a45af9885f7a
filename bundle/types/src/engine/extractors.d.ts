import type { FileKind } from '../kinds.js';
import type { SourceDocument } from './document.js';
import type { Notification } from './types.js';
export interface Extractor {
    readonly name: string;
    /** Host kinds this extractor looks into. */
    readonly kinds: readonly FileKind[];
    /** Cheap pre-filter on the host text (non-global regex). */
    readonly keywords?: RegExp;
    /** Returns the embedded documents; problems go to `notes`, never thrown for bad input. */
    extract(document: SourceDocument, notes: Notification[]): SourceDocument[];
}
/** The built-in extractors. Parsers for the structured kinds register theirs here. */
export declare const extractors: readonly Extractor[];
