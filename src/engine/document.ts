// Documents and positions.
//
// A document is text the rules read: a file on disk, or a *virtual document* — a script
// embedded in another file (a Terraform heredoc, a CloudFormation `UserData` block, a
// Dockerfile `RUN` heredoc). A virtual document carries an OffsetMap from its own offsets
// to offsets in its host, so every finding inside it is reported at the host file's real
// line and column, however many levels deep it is nested.
import type { FileKind } from '../kinds.js';

/** 1-based line and column (UTF-16 code units, as SARIF's default columnKind). */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Line starts, computed once per document on first use. */
export class LineIndex {
  private starts: number[] | undefined;
  constructor(private readonly text: string) {}

  private lineStarts(): number[] {
    if (!this.starts) {
      const starts = [0];
      const text = this.text;
      // indexOf is far faster than a char loop on large files.
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
    }
    return this.starts;
  }

  /** 0-based line number holding `offset`. */
  lineOf(offset: number): number {
    const starts = this.lineStarts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  position(offset: number): Position {
    const line = this.lineOf(offset);
    return { line: line + 1, column: offset - (this.lineStarts()[line] as number) + 1 };
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const starts = this.lineStarts();
    const start = starts[line - 1];
    if (start === undefined) return '';
    const next = starts[line];
    let end = next === undefined ? this.text.length : next - 1;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end -= 1;
    return this.text.slice(start, end);
  }

  lineStart(line: number): number {
    return this.lineStarts()[line - 1] ?? this.text.length;
  }

  get lineCount(): number {
    return this.lineStarts().length;
  }
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

export class OffsetMap {
  private readonly segments: readonly OffsetSegment[];

  constructor(segments: readonly OffsetSegment[]) {
    this.segments = [...segments].sort((a, b) => a.from - b.from);
  }

  /** A map for a document copied verbatim from `hostStart`. */
  static identity(hostStart: number, length: number): OffsetMap {
    return new OffsetMap([{ from: 0, length, to: hostStart, hostLength: length, verbatim: true }]);
  }

  private find(offset: number): OffsetSegment | undefined {
    const segs = this.segments;
    let lo = 0;
    let hi = segs.length - 1;
    let found: OffsetSegment | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const seg = segs[mid] as OffsetSegment;
      if (seg.from <= offset) {
        found = seg;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** Maps a virtual range [start, end) to a host range; never returns an empty range for a non-empty input. */
  mapRange(start: number, end: number): { start: number; end: number } {
    const first = this.find(start);
    const last = this.find(Math.max(start, end - 1));
    if (!first || !last) return { start: 0, end: 0 };
    const hostStart = first.verbatim ? first.to + Math.min(start - first.from, first.length) : first.to;
    const hostEnd = last.verbatim ? last.to + Math.min(end - last.from, last.length) : last.to + last.hostLength;
    return { start: hostStart, end: Math.max(hostEnd, hostStart) };
  }
}

/** Builds an OffsetMap piece by piece while a virtual document's text is assembled. */
export class VirtualTextBuilder {
  private parts: string[] = [];
  private segments: OffsetSegment[] = [];
  private length = 0;

  /** Appends host text copied as is, starting at `hostOffset`. */
  verbatim(text: string, hostOffset: number): this {
    if (text.length === 0) return this;
    this.segments.push({ from: this.length, length: text.length, to: hostOffset, hostLength: text.length, verbatim: true });
    this.parts.push(text);
    this.length += text.length;
    return this;
  }

  /** Appends text that stands for the host range [hostStart, hostEnd) as a whole. */
  synthetic(text: string, hostStart: number, hostEnd: number): this {
    if (text.length === 0) return this;
    this.segments.push({ from: this.length, length: text.length, to: hostStart, hostLength: hostEnd - hostStart, verbatim: false });
    this.parts.push(text);
    this.length += text.length;
    return this;
  }

  build(): { text: string; map: OffsetMap } {
    return { text: this.parts.join(''), map: new OffsetMap(this.segments) };
  }
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

export function createDocument(init: {
  path: string;
  absPath?: string;
  kind: FileKind;
  language: string;
  text: string;
  bootstrap?: boolean;
}): SourceDocument {
  return {
    path: init.path,
    ...(init.absPath !== undefined ? { absPath: init.absPath } : {}),
    kind: init.kind,
    language: init.language,
    text: init.text,
    lines: new LineIndex(init.text),
    bootstrap: init.bootstrap ?? (init.kind === 'user-data' || init.kind === 'cloud-init' || init.kind === 'dockerfile'),
    depth: 0,
  };
}

export function createVirtualDocument(
  host: SourceDocument,
  init: { kind: FileKind; language?: string; text: string; map: OffsetMap; label: string; bootstrap?: boolean },
): SourceDocument {
  return {
    path: host.path,
    ...(host.absPath !== undefined ? { absPath: host.absPath } : {}),
    kind: init.kind,
    language: init.language ?? init.kind,
    text: init.text,
    lines: new LineIndex(init.text),
    host: { document: host, map: init.map, label: init.label },
    bootstrap: init.bootstrap ?? (host.bootstrap || init.kind === 'user-data' || init.kind === 'cloud-init'),
    depth: host.depth + 1,
  };
}

/** The file a (possibly nested) document lives in. */
export function rootDocument(doc: SourceDocument): SourceDocument {
  let current = doc;
  while (current.host) current = current.host.document;
  return current;
}

/** Maps a range in `doc` to the range in its file on disk. */
export function toFileRange(doc: SourceDocument, start: number, end: number): { start: number; end: number } {
  let current = doc;
  let range = { start, end };
  while (current.host) {
    range = current.host.map.mapRange(range.start, range.end);
    current = current.host.document;
  }
  return range;
}

/** The chain of embedding labels from the file inward, e.g. `["user_data heredoc"]`. */
export function embeddingPath(doc: SourceDocument): string[] {
  const labels: string[] = [];
  let current = doc;
  while (current.host) {
    labels.unshift(current.host.label);
    current = current.host.document;
  }
  return labels;
}

/**
 * Clean-up to run when the scan of the current file ends, such as freeing a WASM parse tree
 * (tree-sitter memory is not garbage collected). Scans are synchronous per thread, so one
 * list serves; scanText drains it once every rule has run on the file and its embedded
 * documents.
 */
const scanEndHooks: Array<() => void> = [];

export function onScanEnd(hook: () => void): void {
  scanEndHooks.push(hook);
}

export function runScanEndHooks(): void {
  while (scanEndHooks.length > 0) {
    try {
      (scanEndHooks.pop() as () => void)();
    } catch {
      // a failed clean-up must not lose the file's findings
    }
  }
}
