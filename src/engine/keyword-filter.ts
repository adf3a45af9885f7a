// One keyword pass per document instead of one per rule family.
//
// Every rule and extractor declares a keyword RegExp; a document of one kind is tested against
// 4 (JavaScript) to 14 (plain text) distinct ones, each a whole-text scan. On a source tree
// almost no document matches any of them, so the scans were the largest cost of a scan.
// Here each keyword RegExp is reduced to literal *anchors*: strings such that every match of
// the RegExp contains one of them (`access[-_.]?key` → accesskey, access-key, access_key,
// access.key; `Amazon\w*Client` → Amazon). One case-insensitive alternation of the anchors of
// every keyword of a kind is tested first: when it fails, no keyword can match and none is run;
// when it matches, each keyword is tested on its own as before. So the filter only ever says
// "maybe": it never changes which rules run, only how fast a "no" is found.
//
// The reduction reads the RegExp's source. Whatever it does not model exactly (a back
// reference, a Unicode-mode flag, an inline modifier) gives the RegExp no anchors, and a kind
// with such a keyword gets no combined filter at all.

/** What a piece of pattern can match, as far as literals go. */
interface Info {
  /** Every string the piece can match, when that set is finite and small; else undefined. */
  readonly exact: ReadonlySet<string> | undefined;
  /** Strings one of which every match contains; undefined when no such set is known. */
  readonly factors: ReadonlySet<string> | undefined;
}

/** Exact sets larger than this are forgotten (their factors are kept). */
const MAX_EXACT = 64;
/** Anchors this long are all alike to the choice between factor sets (longer is not rarer enough to pay for more alternatives). */
const LONG_ENOUGH = 6;
/** Character classes up to this size are expanded into exact strings. */
const MAX_CLASS = 4;

class Unsupported extends Error {}

const ANYTHING: Info = { exact: undefined, factors: undefined };
const EMPTY: Info = { exact: new Set(['']), factors: undefined };

function exactOf(strings: Iterable<string>): Info {
  const exact = new Set(strings);
  if (exact.size > MAX_EXACT) return ANYTHING;
  return { exact, factors: exact.has('') ? undefined : exact };
}

function product(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> | undefined {
  if (a.size * b.size > MAX_EXACT) return undefined;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}

/**
 * The better of two factor sets for a pre-filter: the one whose shortest string is longer (up
 * to LONG_ENOUGH: short strings are common), then the one with fewer strings (each alternative
 * costs the scan), then the longer strings.
 */
function better(x: ReadonlySet<string> | undefined, y: ReadonlySet<string> | undefined): ReadonlySet<string> | undefined {
  if (!x) return y && minimal(y);
  if (!y) return minimal(x);
  const a = minimal(x);
  const b = minimal(y);
  const shortest = (s: ReadonlySet<string>) => Math.min(LONG_ENOUGH, ...[...s].map((x) => x.length));
  const la = shortest(a);
  const lb = shortest(b);
  if (la !== lb) return la > lb ? a : b;
  if (a.size !== b.size) return a.size < b.size ? a : b;
  // As many, as long: the longer strings (`aws_instance` over `instance`).
  const total = (s: ReadonlySet<string>) => [...s].reduce((n, x) => n + x.length, 0);
  return total(a) >= total(b) ? a : b;
}

/** A factor set without the strings that hold another of its strings (`"Secret` beside `Secret`): the same filter. */
function minimal(set: ReadonlySet<string>): ReadonlySet<string> {
  const sorted = [...set].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const s of sorted) if (!kept.some((k) => s.includes(k))) kept.push(s);
  return kept.length === set.size ? set : new Set(kept);
}

/** ASCII letters lower-cased, nothing else: a non-Unicode case-insensitive RegExp folds no other character to ASCII. */
function foldAscii(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

class Parser {
  private i = 0;
  constructor(
    private readonly src: string,
    private readonly fold: boolean,
  ) {}

  parse(): Info {
    const info = this.alternation();
    if (this.i !== this.src.length) throw new Unsupported('trailing');
    return info;
  }

  private peek(): string | undefined {
    return this.src[this.i];
  }

  private alternation(): Info {
    const alternatives = [this.sequence()];
    while (this.peek() === '|') {
      this.i++;
      alternatives.push(this.sequence());
    }
    if (alternatives.length === 1) return alternatives[0] as Info;
    let exact: Set<string> | undefined = new Set();
    let factors: Set<string> | undefined = new Set();
    for (const a of alternatives) {
      if (exact && a.exact) for (const s of a.exact) exact.add(s);
      else exact = undefined;
      if (factors && a.factors) for (const s of a.factors) factors.add(s);
      else factors = undefined;
    }
    if (exact && exact.size > MAX_EXACT) exact = undefined;
    if (exact && !exact.has('')) factors = better(factors, exact) as Set<string> | undefined;
    return { exact, factors };
  }

  private sequence(): Info {
    let exact: ReadonlySet<string> | undefined = new Set(['']);
    let best: ReadonlySet<string> | undefined;
    const candidate = (set: ReadonlySet<string> | undefined) => {
      if (set && set.size > 0 && !set.has('')) best = better(best, set);
    };
    // Every contiguous run of items is a factor candidate; two are followed: `literal`, the
    // string of the one-string items since the last other item, and `run`, the product of
    // the exact items since the last inexact one (`access[-_.]?key` → access; the four spellings).
    let literal = '';
    let run: ReadonlySet<string> = new Set(['']);
    while (this.i < this.src.length && this.peek() !== '|' && this.peek() !== ')') {
      const item = this.quantified();
      const single = item.exact?.size === 1 ? ([...item.exact][0] as string) : undefined;
      if (single !== undefined && single !== '') {
        literal += single;
        const joined = product(run, item.exact as ReadonlySet<string>);
        if (joined) run = joined;
        else {
          candidate(run);
          run = item.exact as ReadonlySet<string>;
        }
      } else {
        if (literal) candidate(new Set([literal]));
        literal = '';
        if (item.exact) {
          candidate(item.exact);
          candidate(item.factors);
          const joined = product(run, item.exact);
          if (joined) run = joined;
          else {
            candidate(run);
            run = item.exact;
          }
        } else {
          candidate(run);
          run = new Set(['']);
          candidate(item.factors);
        }
      }
      exact = exact && item.exact ? product(exact, item.exact) : undefined;
    }
    if (literal) candidate(new Set([literal]));
    candidate(run);
    if (exact) return { exact, factors: exact.has('') ? undefined : best };
    return { exact: undefined, factors: best };
  }

  private quantified(): Info {
    const atom = this.atom();
    const q = this.quantifier();
    if (!q) return atom;
    const { min, max } = q;
    if (min === 0 && max === 1 && atom.exact) return exactOf([...atom.exact, '']);
    if (min === 1 && max === 1) return atom;
    if (min === 0) return atom.exact?.size === 1 && atom.exact.has('') ? EMPTY : ANYTHING;
    // At least one repetition: whatever one copy must contain, the whole must contain.
    if (atom.exact && min === max && min <= 4) {
      let exact: Set<string> | undefined = new Set(['']);
      for (let n = 0; n < min && exact; n++) exact = product(exact, atom.exact);
      if (exact) return exactOf(exact);
    }
    return { exact: undefined, factors: atom.factors ?? (atom.exact && !atom.exact.has('') ? atom.exact : undefined) };
  }

  private quantifier(): { min: number; max: number } | undefined {
    const c = this.peek();
    let q: { min: number; max: number } | undefined;
    if (c === '?') q = { min: 0, max: 1 };
    else if (c === '*') q = { min: 0, max: Infinity };
    else if (c === '+') q = { min: 1, max: Infinity };
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) return undefined; // a literal `{` (Annex B)
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.i += m[0].length - 1;
      q = { min, max };
    }
    if (!q) return undefined;
    this.i++;
    if (this.peek() === '?') this.i++; // lazy: same language
    return q;
  }

  private char(c: string): Info {
    return exactOf([this.fold ? foldAscii(c) : c]);
  }

  private atom(): Info {
    const c = this.src[this.i++];
    switch (c) {
      case '^':
      case '$':
        return EMPTY;
      case '.':
        return ANYTHING;
      case '(':
        return this.group();
      case '[':
        return this.charClass();
      case '\\':
        return this.escape(false) as Info;
      case ')':
      case '|':
      case undefined:
        throw new Unsupported('unexpected');
      case '*':
      case '+':
      case '?':
        throw new Unsupported('nothing to repeat');
      default:
        return this.char(c);
    }
  }

  private group(): Info {
    let lookaround = false;
    if (this.src.startsWith('?:', this.i)) this.i += 2;
    else if (this.src.startsWith('?=', this.i) || this.src.startsWith('?!', this.i)) {
      this.i += 2;
      lookaround = true;
    } else if (this.src.startsWith('?<=', this.i) || this.src.startsWith('?<!', this.i)) {
      this.i += 3;
      lookaround = true;
    } else if (this.src.startsWith('?<', this.i)) {
      const end = this.src.indexOf('>', this.i);
      if (end === -1) throw new Unsupported('group name');
      this.i = end + 1;
    } else if (this.peek() === '?') throw new Unsupported('group modifier');
    const inner = this.alternation();
    if (this.src[this.i++] !== ')') throw new Unsupported('unclosed group');
    // A look-around matches no characters of its own.
    return lookaround ? EMPTY : inner;
  }

  /** An escape; in a class, a set of characters (or undefined for a large one). */
  private escape(inClass: boolean): Info | string[] | undefined {
    const c = this.src[this.i++];
    if (c === undefined) throw new Unsupported('trailing backslash');
    const one = (ch: string) => (inClass ? [ch] : this.char(ch));
    switch (c) {
      case 'd':
      case 'D':
      case 'w':
      case 'W':
      case 's':
      case 'S':
        return inClass ? undefined : ANYTHING;
      case 'b':
        return inClass ? ['\b'] : EMPTY;
      case 'B':
        if (inClass) throw new Unsupported('\\B in class');
        return EMPTY;
      case 'n':
        return one('\n');
      case 'r':
        return one('\r');
      case 't':
        return one('\t');
      case 'v':
        return one('\v');
      case 'f':
        return one('\f');
      case '0':
        if (/[0-9]/.test(this.peek() ?? '')) throw new Unsupported('octal');
        return one('\0');
      case 'x': {
        const m = /^[0-9A-Fa-f]{2}/.exec(this.src.slice(this.i));
        if (!m) throw new Unsupported('\\x');
        this.i += 2;
        return one(String.fromCharCode(parseInt(m[0], 16)));
      }
      case 'u': {
        const m = /^[0-9A-Fa-f]{4}/.exec(this.src.slice(this.i));
        if (!m) throw new Unsupported('\\u');
        this.i += 4;
        return one(String.fromCharCode(parseInt(m[0], 16)));
      }
      case 'c':
      case 'k':
      case 'p':
      case 'P':
        throw new Unsupported(`\\${c}`);
      default:
        if (/[1-9]/.test(c)) throw new Unsupported('back reference');
        return one(c);
    }
  }

  private charClass(): Info {
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.i++;
    }
    const chars = new Set<string>();
    let large = false;
    while (this.peek() !== ']') {
      if (this.i >= this.src.length) throw new Unsupported('unclosed class');
      const from = this.classAtom();
      if (this.peek() === '-' && this.src[this.i + 1] !== ']' && this.i + 1 < this.src.length) {
        this.i++;
        const to = this.classAtom();
        if (from === undefined || to === undefined || from.length !== 1 || to.length !== 1) throw new Unsupported('class range');
        const a = (from[0] as string).charCodeAt(0);
        const b = (to[0] as string).charCodeAt(0);
        if (b - a + 1 > MAX_CLASS * 2) large = true;
        else for (let x = a; x <= b; x++) chars.add(String.fromCharCode(x));
      } else if (from === undefined) large = true;
      else for (const ch of from) chars.add(ch);
    }
    this.i++;
    if (negated || large) return ANYTHING;
    const folded = new Set([...chars].map((ch) => (this.fold ? foldAscii(ch) : ch)));
    if (folded.size === 0) throw new Unsupported('empty class');
    return folded.size <= MAX_CLASS ? exactOf(folded) : ANYTHING;
  }

  /** One class member: its characters, or undefined for a large escape (\w). */
  private classAtom(): string[] | undefined {
    const c = this.src[this.i++];
    if (c === '\\') {
      const e = this.escape(true);
      if (e === undefined) return undefined;
      if (!Array.isArray(e)) throw new Unsupported('class escape');
      return e;
    }
    if (c === undefined) throw new Unsupported('unclosed class');
    return [c];
  }
}

/**
 * Literal anchors of a keyword RegExp: every match contains one of them (lower-cased when the
 * RegExp ignores case). Undefined when the source uses what this reading does not model, or
 * when a match may hold no literal at all (`\w+`).
 */
export function keywordAnchors(re: RegExp): readonly string[] | undefined {
  if (/[uv]/.test(re.flags)) return undefined;
  try {
    const info = new Parser(re.source, re.flags.includes('i')).parse();
    const anchors = info.factors ?? (info.exact && !info.exact.has('') ? info.exact : undefined);
    if (!anchors || anchors.size === 0) return undefined;
    return [...anchors];
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

function escapeLiteral(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&').replace(/[\0-\x1f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/**
 * The keywords of one kind (a setup's rules and extractors for documents of that kind), judged
 * together. `maybe(text)` says which of them may match: those an anchor of which occurs in the
 * text. It finds that in one left-to-right pass: a case-insensitive alternation of the anchors
 * of the keywords not yet known to be possible finds the leftmost anchor; its keywords become
 * possible, their anchors leave the alternation and the search goes on from that position.
 * No anchor of a keyword still open occurs before it (the previous, larger alternation would
 * have stopped there), so a keyword left open at the end has no anchor in the text: it cannot
 * match. Each step settles at least one keyword, so a text costs at most one step per keyword.
 */
export class KeywordFilter {
  /** Per keyword: its anchors, ASCII letters folded (the alternation ignores case: only ever more). */
  readonly #anchors: ReadonlyArray<ReadonlySet<string>>;
  /** The alternation for each set of open keywords met so far (a handful per kind). */
  readonly #searches = new Map<string, RegExp>();
  /** The alternation of every keyword's anchors. */
  #all: RegExp | undefined;

  private constructor(anchors: ReadonlyArray<ReadonlySet<string>>) {
    this.#anchors = anchors;
  }

  /** Undefined when some keyword has no anchors (nothing can be ruled out on its behalf) or there is nothing to share. */
  static of(keywords: readonly RegExp[]): KeywordFilter | undefined {
    if (keywords.length < 2) return undefined;
    const anchors: Array<Set<string>> = [];
    for (const re of keywords) {
      const found = keywordAnchors(re);
      // Outside ASCII, what a case-insensitive match returns need not fold to the anchor's spelling.
      if (!found || found.some((a) => /[^\0-\x7f]/.test(a))) return undefined;
      anchors.push(new Set(found.map(foldAscii)));
    }
    return new KeywordFilter(anchors);
  }

  /** Marks in `possible` (one flag per keyword, false on entry) the keywords that may match `text`. */
  maybe(text: string, possible: boolean[]): void {
    // Most texts hold no anchor at all: one search, no other work.
    const first = (this.#all ??= this.#search(this.#anchors.map((_, i) => i)));
    first.lastIndex = 0;
    let m = first.exec(text);
    if (!m) return;
    const open: number[] = this.#anchors.map((_, i) => i);
    for (;;) {
      const found = foldAscii(m[0]);
      let settled = false;
      for (let k = open.length - 1; k >= 0; k--) {
        const index = open[k] as number;
        if (!(this.#anchors[index] as ReadonlySet<string>).has(found)) continue;
        possible[index] = true;
        open.splice(k, 1);
        settled = true;
      }
      if (!settled) {
        // Cannot happen (the search holds only open keywords' anchors); if it did, the only safe
        // answer is that every keyword still open may match.
        for (const index of open) possible[index] = true;
        return;
      }
      if (open.length === 0) return;
      const search = this.#search(open);
      search.lastIndex = m.index;
      m = search.exec(text);
      if (!m) return;
    }
  }

  #search(open: readonly number[]): RegExp {
    const key = open.join(',');
    let search = this.#searches.get(key);
    if (!search) {
      const strings = new Set<string>();
      for (const i of open) for (const a of this.#anchors[i] as ReadonlySet<string>) strings.add(a);
      // Longest first: at one position the alternation reports the first that matches, and a
      // longer anchor there would otherwise be found only on the next step.
      const sorted = [...strings].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
      this.#searches.set(key, (search = new RegExp(sorted.map(escapeLiteral).join('|'), 'gi')));
    }
    return search;
  }
}
