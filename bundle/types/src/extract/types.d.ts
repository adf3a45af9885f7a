import type { FileKind } from '../kinds.js';
import type { SourceDocument } from '../engine/document.js';
import type { Notification } from '../engine/types.js';
/** Every kind: an extractor that classifies what it finds by a path or by content (cloud-init `write_files`). */
export type AnyKind = 'any';
export interface Extractor {
    readonly name: string;
    /** Host kinds this extractor looks into. */
    readonly kinds: readonly FileKind[];
    /** Cheap pre-filter on the host text (non-global regex). */
    readonly keywords?: RegExp;
    /**
     * The kinds of the documents it returns. The engine runs the extractor only when an enabled
     * rule reads one of these kinds, directly or through the extractors that look into them
     * (src/engine/gate.ts).
     */
    readonly produces: readonly FileKind[] | AnyKind;
    /**
     * Whether every document this extractor would return from `host` holds only runs of the
     * host's own text (joined by glue that spells no word: newlines, placeholders, quotes),
     * so that a rule keyword matching such a document also matches the host. When it says so,
     * and no enabled rule that could read the documents has a keyword in the host, the engine
     * skips the extractor: nothing it returns could make a rule run. Must answer false (or be
     * left out) whenever the text could be decoded (base64, gzip, quoted-printable, escape
     * sequences), read from another file, or assembled from separate values. Cost: a few
     * regex passes over the host text, never a parse.
     */
    readonly copiesHost?: (host: SourceDocument) => boolean;
    /** Looks into files only, never into documents extracted from them (called scripts). */
    readonly filesOnly?: boolean;
    /**
     * `syntax`: reports the parse errors of documents a rule or another extractor parsed and
     * returns nothing; runs after the other extractors of a document and is never gated.
     */
    readonly phase?: 'syntax';
    /** Returns the embedded documents; problems go to `notes`, never thrown for bad input. */
    extract(document: SourceDocument, notes: Notification[]): SourceDocument[];
}
