import type { FileKind } from '../kinds.js';
/** 1-based line and column (UTF-16 code units, as SARIF's default columnKind). */
export interface Position {
    readonly line: number;
    readonly column: number;
}
/** Line starts, computed once per document on first use. */
export declare class LineIndex {
    private readonly text;
    private starts;
    constructor(text: string);
    private lineStarts;
    /** 0-based line number holding `offset`. */
    lineOf(offset: number): number;
    position(offset: number): Position;
    /** The text of a 1-based line, without its line break. */
    lineText(line: number): string;
    lineStart(line: number): number;
    get lineCount(): number;
}
/**
 * One piece of a virtual document. `verbatim` pieces are copied character for character
 * from the host (offsets map one to one); other pieces (a decoded base64 literal, an
 * interpolation replaced by a placeholder) map as a whole to their host range.
 */
export interface OffsetSegment {
    /** Start offset in the virtual document. */
    readonly from: number;
    /** Length in the virtual document. */
    readonly length: number;
    /** Start offset in the host document. */
    readonly to: number;
    /** Length in the host document (equal to `length` when verbatim). */
    readonly hostLength: number;
    readonly verbatim: boolean;
}
export declare class OffsetMap {
    private readonly segments;
    constructor(segments: readonly OffsetSegment[]);
    /** A map for a document copied verbatim from `hostStart`. */
    static identity(hostStart: number, length: number): OffsetMap;
    private find;
    /** Maps a virtual range [start, end) to a host range; never returns an empty range for a non-empty input. */
    mapRange(start: number, end: number): {
        start: number;
        end: number;
    };
}
/** Builds an OffsetMap piece by piece while a virtual document's text is assembled. */
export declare class VirtualTextBuilder {
    private parts;
    private segments;
    private length;
    /** Appends host text copied as is, starting at `hostOffset`. */
    verbatim(text: string, hostOffset: number): this;
    /** Appends text that stands for the host range [hostStart, hostEnd) as a whole. */
    synthetic(text: string, hostStart: number, hostEnd: number): this;
    build(): {
        text: string;
        map: OffsetMap;
    };
}
export interface HostLink {
    readonly document: SourceDocument;
    readonly map: OffsetMap;
    /** What the embedded document is, for messages: e.g. `user_data heredoc`. */
    readonly label: string;
}
export interface SourceDocument {
    /** Path of the file on disk, relative to the scan root, with `/` separators. */
    readonly path: string;
    /**
     * Absolute path of the file on disk, when it came from disk (not set for text handed in
     * directly). Lets parsers resolve files a document refers to (Terraform `file()`,
     * sibling `.tf` files of a module). Virtual documents inherit their host's.
     */
    readonly absPath?: string;
    readonly kind: FileKind;
    /** A finer language hint (`yaml`, `json`, `python`, …) for plain-text kinds. */
    readonly language: string;
    readonly text: string;
    readonly lines: LineIndex;
    /** Set on virtual documents. */
    readonly host?: HostLink;
    /**
     * True where the script runs as an instance or image bootstraps (user data, cloud-init,
     * Dockerfile, provisioners, SSM documents): rules may raise their severity there.
     */
    readonly bootstrap: boolean;
    /** Nesting depth: 0 for a file. */
    readonly depth: number;
}
export declare function createDocument(init: {
    path: string;
    absPath?: string;
    kind: FileKind;
    language: string;
    text: string;
    bootstrap?: boolean;
}): SourceDocument;
export declare function createVirtualDocument(host: SourceDocument, init: {
    kind: FileKind;
    language?: string;
    text: string;
    map: OffsetMap;
    label: string;
    bootstrap?: boolean;
}): SourceDocument;
/** The file a (possibly nested) document lives in. */
export declare function rootDocument(doc: SourceDocument): SourceDocument;
/** Maps a range in `doc` to the range in its file on disk. */
export declare function toFileRange(doc: SourceDocument, start: number, end: number): {
    start: number;
    end: number;
};
/** The chain of embedding labels from the file inward, e.g. `["user_data heredoc"]`. */
export declare function embeddingPath(doc: SourceDocument): string[];
export declare function onScanEnd(hook: () => void): void;
export declare function runScanEndHooks(): void;
