// Pre-filters of the shape "these words on one line", without a regex that backtracks over
// the rest of the line at every start (`a[^\n]*b` costs O(line²) on a line of many `a`s and
// no `b`: a 5 MB one-line script took hours). Each line is looked at once.

/**
 * A RegExp whose `test` answers "does some line contain a match of every one of `parts`"
 * (in any order — a superset of the ordered form, which is all a pre-filter promises), and
 * whose `anchor` part is searched first across the text. Linear: after the anchor's first hit
 * on a line, the line is checked and the scan jumps to the next line.
 */
export class LineKeywords extends RegExp {
  readonly #anchor: RegExp;
  readonly #others: readonly RegExp[];

  constructor(anchor: RegExp, others: readonly RegExp[]) {
    // As a plain RegExp (source, match) it is the anchor alone: a superset.
    super(anchor.source, anchor.flags.replace(/[gy]/g, ''));
    this.#anchor = new RegExp(anchor.source, anchor.flags.replace(/[gy]/g, '') + 'g');
    this.#others = others.map((r) => new RegExp(r.source, r.flags.replace(/[gy]/g, '')));
  }

  override test(text: string): boolean {
    const anchor = this.#anchor;
    anchor.lastIndex = 0;
    for (let m = anchor.exec(text); m !== null; m = anchor.exec(text)) {
      const lineStart = text.lastIndexOf('\n', m.index) + 1;
      let lineEnd = text.indexOf('\n', m.index + m[0].length);
      if (lineEnd === -1) lineEnd = text.length;
      const line = text.slice(lineStart, lineEnd);
      if (this.#others.every((r) => r.test(line))) return true;
      anchor.lastIndex = lineEnd + 1;
      if (m[0].length === 0) anchor.lastIndex++;
    }
    return false;
  }
}

/** `test` passes when any of `parts` does (each part tested on its own). */
export class AnyOf extends RegExp {
  readonly #parts: readonly RegExp[];

  constructor(parts: readonly RegExp[]) {
    super(parts.map((p) => `(?:${p.source})`).join('|'), 'i');
    this.#parts = parts;
  }

  override test(text: string): boolean {
    return this.#parts.some((p) => p.test(text));
  }
}

/**
 * `test`: some `anchor` match is followed by a `target` match that starts within `maxGap`
 * characters of it, with no line break between other than one continued by a character of
 * `continuation` (`\`, backtick, `^`). The regex form `a(?:[^\n]|\\\n){0,400}?b` costs 400
 * steps at every `a`; this keeps one pointer to the next `target` and one to the next bare line
 * break, both moving forward only, so a text costs one pass of each regex.
 */
export class WordsNear extends RegExp {
  readonly #anchor: RegExp;
  readonly #target: RegExp;
  readonly #maxGap: number;
  readonly #continuation: string;
  /** Regex executions of the last `test` (a work counter for the growth tests). */
  lastWork = 0;

  constructor(anchor: RegExp, target: RegExp, maxGap: number, continuation: string, source: string) {
    // As a plain RegExp (source, match) it is the equivalent regex: same language.
    super(source, 'i');
    this.#anchor = new RegExp(anchor.source, 'gi');
    this.#target = new RegExp(target.source, 'gi');
    this.#maxGap = maxGap;
    this.#continuation = continuation;
  }

  override test(text: string): boolean {
    const anchor = this.#anchor;
    const target = this.#target;
    anchor.lastIndex = 0;
    let targetAt = -1; // start of the next target match at or after the current anchor end
    let targetSearchedFrom = -1;
    let breakAt = -1; // next bare line break at or after the anchor end
    this.lastWork = 0;
    for (let m = anchor.exec(text); m !== null; m = anchor.exec(text)) {
      this.lastWork++;
      const from = m.index + m[0].length;
      if (targetAt !== Infinity && targetAt < from) {
        if (targetSearchedFrom < from) {
          target.lastIndex = from;
          this.lastWork++;
          const t = target.exec(text);
          targetAt = t ? t.index : Infinity;
          targetSearchedFrom = from;
        }
      }
      if (targetAt === Infinity) return false;
      if (targetAt - from > this.#maxGap) continue;
      if (breakAt < from) breakAt = this.#nextBareBreak(text, from);
      if (breakAt === -1 || breakAt > targetAt) return true;
      if (m[0].length === 0) anchor.lastIndex++;
    }
    return false;
  }

  #nextBareBreak(text: string, from: number): number {
    for (let i = text.indexOf('\n', from); i !== -1; i = text.indexOf('\n', i + 1)) {
      let p = i - 1;
      if (text[p] === '\r') p--;
      if (p < from || !this.#continuation.includes(text[p] as string)) return i;
    }
    return -1;
  }
}
