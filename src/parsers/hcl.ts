// HCL native syntax (the `.tf` language) read into a small syntax tree with exact offsets.
// https://github.com/hashicorp/hcl/blob/main/hclsyntax/spec.md
//
// Why by hand: the tree-sitter grammar parsed Terraform at ~1 MB/s and its tree had to be
// marshalled node by node into JavaScript (a third of a whole IaC scan). No maintained
// JavaScript library reads HCL 2 with source offsets. This reader is a single pass over char
// codes: recursive descent for bodies and expressions, templates and heredocs scanned in place.
//
// What it keeps is what the evaluator in terraform.ts reads: blocks (type, labels, body),
// attributes, and expressions as traversals, literals, templates (with the offsets of every
// `${…}` and `%{…}`), heredocs, tuples, objects, parentheses and function calls. Operators,
// conditionals and `for` expressions are parsed (so their extent is exact) but kept as
// `other`: nothing can be known statically about them.
//
// Malformed input never throws: the first error is recorded (a fixed message naming the
// construct, never source text), the rest of the line is skipped, and reading goes on, so the
// good blocks of a broken file are still checked. Nesting is capped and a time budget bounds
// the whole parse.
import { parseBudgetMs } from '../engine/budget.js';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export type TraversalStep =
  | { readonly kind: 'attr'; readonly name: string; readonly start: number; readonly end: number }
  | { readonly kind: 'index'; readonly start: number; readonly end: number }
  | { readonly kind: 'splat'; readonly start: number; readonly end: number };

export interface TemplatePart extends Span {
  /** `${…}` or `%{…}`. */
  readonly kind: 'interpolation' | 'directive';
  /** The interpolated expression (interpolations only). */
  readonly expr?: HclExpr;
  /** `${~` or `~}`: whitespace around it is stripped. */
  readonly strip: boolean;
}

export type HclExpr =
  | { readonly kind: 'traversal'; readonly start: number; readonly end: number; readonly root: string; readonly rootEnd: number; readonly steps: readonly TraversalStep[] }
  | { readonly kind: 'number'; readonly start: number; readonly end: number }
  | { readonly kind: 'bool'; readonly start: number; readonly end: number; readonly value: boolean }
  | { readonly kind: 'null'; readonly start: number; readonly end: number }
  /** `"…"`; `end` is past the closing quote when there is one (`closed`). */
  | { readonly kind: 'template'; readonly start: number; readonly end: number; readonly closed: boolean; readonly parts: readonly TemplatePart[] }
  | { readonly kind: 'heredoc'; readonly start: number; readonly end: number; readonly strip: boolean; readonly open: Span; readonly close?: Span; readonly parts: readonly TemplatePart[] }
  | { readonly kind: 'tuple'; readonly start: number; readonly end: number; readonly items: readonly HclExpr[] }
  | { readonly kind: 'object'; readonly start: number; readonly end: number; readonly elems: ReadonlyArray<{ readonly key: HclExpr; readonly value: HclExpr }> }
  | { readonly kind: 'paren'; readonly start: number; readonly end: number; readonly inner: HclExpr }
  | { readonly kind: 'call'; readonly start: number; readonly end: number; readonly name: string; readonly args: readonly HclExpr[] }
  | { readonly kind: 'other'; readonly start: number; readonly end: number };

export interface HclAttribute {
  readonly item: 'attribute';
  readonly name: string;
  readonly nameStart: number;
  readonly nameEnd: number;
  readonly expr: HclExpr;
}

export interface HclLabel {
  /** The label's text (between the quotes, as written). */
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

export interface HclBlock {
  readonly item: 'block';
  readonly type: string;
  readonly typeStart: number;
  readonly typeEnd: number;
  readonly labels: readonly HclLabel[];
  /** From the type name to past the closing brace (or to where reading stopped). */
  readonly start: number;
  readonly end: number;
  readonly body: readonly HclItem[];
}

export type HclItem = HclAttribute | HclBlock;

export interface HclError {
  /** Names the construct, never the source text. */
  readonly message: string;
  readonly offset: number;
}

export interface HclParse {
  readonly body: readonly HclItem[];
  readonly errors: readonly HclError[];
  readonly timedOut: boolean;
}

/** Deeper nesting than this is a syntax error (a recursion bound; real files nest < 20). */
export const MAX_HCL_NESTING = 200;

// Char codes.
const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const BANG = 33;
const QUOTE = 34;
const HASH = 35;
const DOLLAR = 36;
const PERCENT = 37;
const AMP = 38;
const LPAREN = 40;
const RPAREN = 41;
const STAR = 42;
const PLUS = 43;
const COMMA = 44;
const MINUS = 45;
const DOT = 46;
const SLASH = 47;
const D0 = 48;
const D9 = 57;
const COLON = 58;
const LT = 60;
const EQ = 61;
const GT = 62;
const QUESTION = 63;
const LBRACKET = 91;
const BACKSLASH = 92;
const RBRACKET = 93;
const UNDERSCORE = 95;
const LBRACE = 123;
const PIPE = 124;
const RBRACE = 125;
const TILDE = 126;

const ID_START_UNICODE = /\p{ID_Start}/u;
const ID_CONTINUE_UNICODE = /\p{ID_Continue}/u;

function isIdStart(c: number, text: string, i: number): boolean {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === UNDERSCORE) return true;
  return c > 127 && ID_START_UNICODE.test(String.fromCodePoint(text.codePointAt(i) ?? 0));
}

function isIdContinue(c: number, text: string, i: number): boolean {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= D0 && c <= D9) || c === UNDERSCORE || c === MINUS) return true;
  return c > 127 && ID_CONTINUE_UNICODE.test(String.fromCodePoint(text.codePointAt(i) ?? 0));
}

/** Thrown to unwind to the nearest body item; never escapes parseHcl. */
class Stop {
  constructor(readonly reason: 'syntax' | 'deep' | 'time') {}
}

/** Reads `text` as an HCL configuration body. Never throws. */
export function parseHcl(text: string, deadline = performance.now() + parseBudgetMs(text.length)): HclParse {
  return new Reader(text, deadline).file();
}

class Reader {
  private pos = 0;
  private depth = 0;
  private ticks = 0;
  private timedOut = false;
  private readonly errors: HclError[] = [];
  private readonly n: number;

  constructor(
    private readonly text: string,
    private readonly deadline: number,
  ) {
    this.n = text.length;
  }

  file(): HclParse {
    // A byte order mark is not part of the configuration.
    if (this.text.charCodeAt(0) === 0xfeff) this.pos = 1;
    const body = this.body(false);
    return { body, errors: this.errors, timedOut: this.timedOut };
  }

  // -------------------------------------------------------------------------------------
  // Errors and trivia

  private error(message: string, offset = this.pos): void {
    if (this.errors.length < 16) this.errors.push({ message, offset: Math.min(offset, this.n) });
  }

  private tick(): void {
    if (this.timedOut || ((++this.ticks & 1023) === 0 && performance.now() > this.deadline)) {
      this.timedOut = true;
      throw new Stop('time');
    }
  }

  private enter(): void {
    if (++this.depth > MAX_HCL_NESTING) {
      this.depth--;
      this.error('nested too deeply');
      throw new Stop('deep');
    }
  }

  private leave(): void {
    this.depth--;
  }

  /** Skips spaces, tabs and comments; newlines too when `newlines`. Returns whether a newline was passed. */
  private trivia(newlines: boolean): boolean {
    const t = this.text;
    let crossed = false;
    while (this.pos < this.n) {
      const c = t.charCodeAt(this.pos);
      if (c === SPACE || c === TAB || c === CR) this.pos++;
      else if (c === LF) {
        if (!newlines) return crossed;
        crossed = true;
        this.pos++;
      } else if (c === HASH || (c === SLASH && t.charCodeAt(this.pos + 1) === SLASH)) {
        // A line comment ends before its newline (the newline still ends an attribute).
        const nl = t.indexOf('\n', this.pos);
        this.pos = nl === -1 ? this.n : nl;
      } else if (c === SLASH && t.charCodeAt(this.pos + 1) === STAR) {
        const close = t.indexOf('*/', this.pos + 2);
        const end = close === -1 ? this.n : close + 2;
        if (close === -1) this.error('unterminated comment');
        // Looked for within the comment only: a search from either end past it would run to
        // the nearest newline, quadratic over a long line of comments.
        for (let i = this.pos + 2; i < end && !crossed; i++) if (t.charCodeAt(i) === LF) crossed = true;
        this.pos = end;
      } else return crossed;
    }
    return crossed;
  }

  private peek(offset = 0): number {
    return this.text.charCodeAt(this.pos + offset);
  }

  /** Skips to the end of the line (error recovery), keeping the newline. */
  private skipLine(): void {
    const nl = this.text.indexOf('\n', this.pos);
    this.pos = nl === -1 ? this.n : nl;
  }

  private identifier(): Span | undefined {
    const t = this.text;
    const start = this.pos;
    if (start >= this.n || !isIdStart(t.charCodeAt(start), t, start)) return undefined;
    let i = start + ((t.codePointAt(start) ?? 0) > 0xffff ? 2 : 1);
    // A character outside the Basic Multilingual Plane is two code units.
    while (i < this.n && isIdContinue(t.charCodeAt(i), t, i)) i += (t.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    this.pos = i;
    return { start, end: i };
  }

  // -------------------------------------------------------------------------------------
  // Bodies

  /** Attributes and blocks until `}` (inside a block) or the end of the text. */
  private body(inBlock: boolean): HclItem[] {
    const items: HclItem[] = [];
    for (;;) {
      this.trivia(true);
      if (this.pos >= this.n || this.timedOut) return items;
      const c = this.peek();
      if (c === RBRACE) {
        if (inBlock) return items;
        this.error('unexpected closing brace');
        this.pos++;
        continue;
      }
      const at = this.pos;
      const depth = this.depth;
      const errors = this.errors.length;
      try {
        this.tick();
        const item = this.item();
        if (item) items.push(item);
        else if (this.errors.length === errors) this.error(this.pos > at ? 'unexpected input' : 'expected an attribute or a block', at);
      } catch (e) {
        if (!(e instanceof Stop)) throw e;
        this.depth = depth;
        if (e.reason === 'time') return items;
        // A syntax error (or nesting past the cap): the rest of the line is skipped. When the
        // item ran on past its own line before the error (an unclosed `(`, `[` or `${`), the
        // line the error is on is read again as an item: it is most likely the next attribute.
        const nl = this.text.indexOf('\n', at);
        if (nl !== -1 && nl < this.pos && this.pos <= this.n) this.pos = this.text.lastIndexOf('\n', this.pos - 1) + 1;
        else this.skipLine();
      }
      if (this.pos === at) this.skipLine();
    }
  }

  private item(): HclItem | undefined {
    const name = this.identifier();
    if (!name) return undefined;
    const nameText = this.text.slice(name.start, name.end);
    this.trivia(false);
    const c = this.peek();
    if (c === EQ && this.peek(1) !== EQ) {
      this.pos++;
      this.trivia(false);
      if (this.pos >= this.n || this.peek() === LF) {
        this.error('missing expression');
        return undefined;
      }
      const expr = this.expression(false);
      this.endOfItem();
      return { item: 'attribute', name: nameText, nameStart: name.start, nameEnd: name.end, expr };
    }
    // A block: labels, then `{`.
    const labels: HclLabel[] = [];
    for (;;) {
      this.trivia(false);
      const d = this.peek();
      if (d === QUOTE) {
        const s = this.pos;
        const tpl = this.quoted();
        const inner = tpl.closed ? tpl.end - 1 : tpl.end;
        labels.push({ value: this.text.slice(s + 1, inner), start: s + 1, end: inner });
      } else if (d === LBRACE) break;
      else {
        const label = this.identifier();
        if (!label) {
          this.error(c === EQ ? 'unexpected input' : 'expected "=" or "{"');
          this.skipLine();
          return undefined;
        }
        labels.push({ value: this.text.slice(label.start, label.end), start: label.start, end: label.end });
      }
    }
    this.pos++; // {
    this.enter();
    const body = this.body(true);
    this.leave();
    let end = this.pos;
    if (this.peek() === RBRACE) {
      this.pos++;
      end = this.pos;
      this.endOfItem();
    } else this.error('missing "}"', this.n);
    return { item: 'block', type: nameText, typeStart: name.start, typeEnd: name.end, labels, start: name.start, end, body };
  }

  /** An item ends at a newline, a comment, `}` or the end of the text. */
  private endOfItem(): void {
    this.trivia(false);
    if (this.pos >= this.n) return;
    const c = this.peek();
    if (c === LF || c === RBRACE) return;
    this.error('expected a newline');
    this.skipLine();
  }

  // -------------------------------------------------------------------------------------
  // Expressions

  /**
   * Expression := Binary ("?" Expression ":" Expression)?
   * `nested`: inside brackets, where newlines are spaces. At an attribute's top level a
   * newline ends the expression, unless the next line goes on with an operator.
   */
  private expression(nested: boolean): HclExpr {
    this.enter();
    try {
      const start = this.pos;
      const cond = this.binary(nested);
      this.continuation(nested);
      if (this.peek() !== QUESTION) return cond;
      this.pos++;
      this.trivia(true);
      this.expression(nested);
      this.continuation(nested);
      if (this.peek() !== COLON) {
        this.error('missing ":" of a conditional');
        throw new Stop('syntax');
      }
      this.pos++;
      this.trivia(true);
      const last = this.expression(nested);
      return { kind: 'other', start, end: last.end };
    } finally {
      this.leave();
    }
  }

  /** Skips trivia before a possible operator: across newlines when nested or when an operator starts the next line. */
  private continuation(nested: boolean): void {
    const save = this.pos;
    const crossed = this.trivia(true);
    if (!crossed || nested) return;
    if (this.operatorAhead() === 0 && this.peek() !== QUESTION && !(this.peek() === COLON && this.peek(1) !== COLON)) this.pos = save;
  }

  /** The length of the binary operator at the position, or 0. */
  private operatorAhead(): number {
    const c = this.peek();
    const d = this.peek(1);
    switch (c) {
      case AMP:
        return d === AMP ? 2 : 0;
      case PIPE:
        return d === PIPE ? 2 : 0;
      case EQ:
      case BANG:
        return d === EQ ? 2 : 0;
      case LT:
        return d === LT ? 0 : d === EQ ? 2 : 1;
      case GT:
        return d === EQ ? 2 : 1;
      case PLUS:
      case STAR:
      case PERCENT:
        return 1;
      case MINUS:
        return 1;
      case SLASH:
        return d === SLASH || d === STAR ? 0 : 1;
      default:
        return 0;
    }
  }

  private binary(nested: boolean): HclExpr {
    const first = this.unary(nested);
    let last = first;
    for (;;) {
      this.continuation(nested);
      const len = this.operatorAhead();
      if (len === 0) break;
      this.pos += len;
      this.trivia(true);
      last = this.unary(nested);
    }
    return last === first ? first : { kind: 'other', start: first.start, end: last.end };
  }

  private unary(nested: boolean): HclExpr {
    const c = this.peek();
    if (c === BANG || (c === MINUS && this.peek(1) !== MINUS)) {
      const start = this.pos;
      this.pos++;
      this.trivia(false);
      this.enter();
      try {
        const operand = this.unary(nested);
        return { kind: 'other', start, end: operand.end };
      } finally {
        this.leave();
      }
    }
    return this.postfix(this.term());
  }

  /** `.name`, `.0`, `.*`, `[expr]`, `[*]` after a term. */
  private postfix(term: HclExpr): HclExpr {
    const t = this.text;
    const steps: TraversalStep[] = [];
    let end = term.end;
    for (;;) {
      const c = this.peek();
      if (c === DOT && this.peek(1) !== DOT) {
        const s = this.pos;
        this.pos++;
        const d = this.peek();
        if (d === STAR) {
          this.pos++;
          steps.push({ kind: 'splat', start: s, end: this.pos });
        } else if (d >= D0 && d <= D9) {
          while (this.pos < this.n && this.peek() >= D0 && this.peek() <= D9) this.pos++;
          steps.push({ kind: 'index', start: s, end: this.pos });
        } else {
          const id = this.identifier();
          if (!id) {
            this.error('expected an attribute name');
            throw new Stop('syntax');
          }
          steps.push({ kind: 'attr', name: t.slice(id.start, id.end), start: s, end: id.end });
        }
        end = this.pos;
      } else if (c === LBRACKET) {
        const s = this.pos;
        this.pos++;
        this.trivia(true);
        if (this.peek() === STAR) {
          this.pos++;
          this.trivia(true);
          this.expect(RBRACKET, 'missing "]"');
          steps.push({ kind: 'splat', start: s, end: this.pos });
        } else {
          this.expression(true);
          this.trivia(true);
          this.expect(RBRACKET, 'missing "]"');
          steps.push({ kind: 'index', start: s, end: this.pos });
        }
        end = this.pos;
      } else break;
    }
    if (steps.length === 0) return term;
    if (term.kind === 'traversal' && term.steps.length === 0) return { kind: 'traversal', start: term.start, end, root: term.root, rootEnd: term.rootEnd, steps };
    return { kind: 'other', start: term.start, end };
  }

  private expect(code: number, message: string): void {
    if (this.peek() !== code) {
      this.error(message);
      throw new Stop('syntax');
    }
    this.pos++;
  }

  private term(): HclExpr {
    this.tick();
    const t = this.text;
    const start = this.pos;
    const c = this.peek();
    if (c === QUOTE) return this.quoted();
    if (c === LT && this.peek(1) === LT) return this.heredoc();
    if (c >= D0 && c <= D9) return this.number();
    if (c === LBRACKET) return this.tuple();
    if (c === LBRACE) return this.object();
    if (c === LPAREN) {
      this.pos++;
      this.trivia(true);
      const inner = this.expression(true);
      this.trivia(true);
      this.expect(RPAREN, 'missing ")"');
      return { kind: 'paren', start, end: this.pos, inner };
    }
    const id = this.identifier();
    if (!id) {
      this.error(this.pos >= this.n || c === LF ? 'missing expression' : 'unexpected input');
      throw new Stop('syntax');
    }
    let name = t.slice(id.start, id.end);
    // Provider-defined functions: provider::aws::arn_parse(…).
    while (this.peek() === COLON && this.peek(1) === COLON) {
      this.pos += 2;
      const part = this.identifier();
      if (!part) {
        this.error('expected a function name');
        throw new Stop('syntax');
      }
      name = t.slice(id.start, this.pos);
    }
    const save = this.pos;
    this.trivia(false);
    if (this.peek() === LPAREN) return this.call(start, name);
    this.pos = save;
    if (name.includes('::')) {
      this.error('expected "("');
      throw new Stop('syntax');
    }
    if (name === 'true' || name === 'false') return { kind: 'bool', start, end: id.end, value: name === 'true' };
    if (name === 'null') return { kind: 'null', start, end: id.end };
    return { kind: 'traversal', start, end: id.end, root: name, rootEnd: id.end, steps: [] };
  }

  private number(): HclExpr {
    const start = this.pos;
    const digits = () => {
      while (this.pos < this.n && this.peek() >= D0 && this.peek() <= D9) this.pos++;
    };
    digits();
    if (this.peek() === DOT && this.peek(1) >= D0 && this.peek(1) <= D9) {
      this.pos++;
      digits();
    }
    const e = this.peek();
    if (e === 101 || e === 69) {
      const sign = this.peek(1);
      const first = sign === PLUS || sign === MINUS ? this.peek(2) : sign;
      if (first >= D0 && first <= D9) {
        this.pos += sign === PLUS || sign === MINUS ? 2 : 1;
        digits();
      }
    }
    return { kind: 'number', start, end: this.pos };
  }

  private call(start: number, name: string): HclExpr {
    this.pos++; // (
    this.enter();
    try {
      const args = this.sequence(RPAREN, 'missing ")"', true);
      return { kind: 'call', start, end: this.pos, name, args };
    } finally {
      this.leave();
    }
  }

  /**
   * Comma-separated expressions up to `close`, which is consumed (a trailing comma allowed).
   * `expand`: an item may be followed by `...` (a call's last argument expanded).
   */
  private sequence(close: number, message: string, expand: boolean): HclExpr[] {
    const items: HclExpr[] = [];
    for (;;) {
      this.trivia(true);
      if (this.peek() === close) break;
      items.push(this.expression(true));
      this.trivia(true);
      if (expand && this.peek() === DOT && this.peek(1) === DOT && this.peek(2) === DOT) {
        this.pos += 3;
        this.trivia(true);
      }
      if (this.peek() === COMMA) {
        this.pos++;
        continue;
      }
      if (this.peek() !== close) {
        this.error(message);
        throw new Stop('syntax');
      }
    }
    this.pos++;
    return items;
  }

  /** Whether the text at the position is the keyword `word` (a whole name). */
  private keyword(word: string): boolean {
    const t = this.text;
    if (!t.startsWith(word, this.pos)) return false;
    const after = this.pos + word.length;
    return after >= this.n || !isIdContinue(t.charCodeAt(after), t, after);
  }

  /** `[for k, v in coll : expr if cond]` / `{for k, v in coll : key => value... if cond}`, after the bracket. */
  private forExpression(start: number, close: number, object: boolean): HclExpr {
    this.pos += 3; // for
    this.trivia(true);
    if (!this.identifier()) {
      this.error('expected a name after "for"');
      throw new Stop('syntax');
    }
    this.trivia(true);
    if (this.peek() === COMMA) {
      this.pos++;
      this.trivia(true);
      if (!this.identifier()) {
        this.error('expected a name after ","');
        throw new Stop('syntax');
      }
      this.trivia(true);
    }
    if (!this.keyword('in')) {
      this.error('expected "in"');
      throw new Stop('syntax');
    }
    this.pos += 2;
    this.trivia(true);
    this.expression(true);
    this.trivia(true);
    this.expect(COLON, 'missing ":" of a for expression');
    this.trivia(true);
    this.expression(true);
    this.trivia(true);
    if (object) {
      if (this.peek() !== EQ || this.peek(1) !== GT) {
        this.error('missing "=>" of a for expression');
        throw new Stop('syntax');
      }
      this.pos += 2;
      this.trivia(true);
      this.expression(true);
      this.trivia(true);
      if (this.peek() === DOT && this.peek(1) === DOT && this.peek(2) === DOT) {
        this.pos += 3;
        this.trivia(true);
      }
    }
    if (this.keyword('if')) {
      this.pos += 2;
      this.trivia(true);
      this.expression(true);
      this.trivia(true);
    }
    this.expect(close, object ? 'missing "}"' : 'missing "]"');
    return { kind: 'other', start, end: this.pos };
  }

  /** After `[` or `{`: whether a `for` expression starts here (`for` then a name). */
  private forAhead(): boolean {
    if (!this.keyword('for')) return false;
    const save = this.pos;
    this.pos += 3;
    const spaced = this.trivia(true) || this.pos > save + 3;
    const id = spaced ? this.identifier() : undefined;
    this.pos = save;
    return id !== undefined;
  }

  private tuple(): HclExpr {
    const start = this.pos;
    this.pos++;
    this.enter();
    try {
      this.trivia(true);
      if (this.forAhead()) return this.forExpression(start, RBRACKET, false);
      const items = this.sequence(RBRACKET, 'missing "]"', false);
      return { kind: 'tuple', start, end: this.pos, items };
    } finally {
      this.leave();
    }
  }

  private object(): HclExpr {
    const start = this.pos;
    this.pos++;
    this.enter();
    try {
      this.trivia(true);
      if (this.forAhead()) return this.forExpression(start, RBRACE, true);
      const elems: Array<{ key: HclExpr; value: HclExpr }> = [];
      for (;;) {
        this.trivia(true);
        if (this.peek() === RBRACE) break;
        const key = this.expression(true);
        this.trivia(true);
        const c = this.peek();
        if ((c === EQ && this.peek(1) !== EQ) || c === COLON) this.pos++;
        else {
          this.error('missing "=" in an object');
          throw new Stop('syntax');
        }
        this.trivia(true);
        const value = this.expression(true);
        elems.push({ key, value });
        this.trivia(true);
        if (this.peek() === COMMA) this.pos++;
        else if (this.pos >= this.n) {
          this.error('missing "}"');
          throw new Stop('syntax');
        }
      }
      this.pos++;
      return { kind: 'object', start, end: this.pos, elems };
    } finally {
      this.leave();
    }
  }

  // -------------------------------------------------------------------------------------
  // Templates

  /** `"…"`: literal text, escapes, `${…}` and `%{…}`. A raw newline ends an unterminated string. */
  private quoted(): HclExpr & { kind: 'template' } {
    const t = this.text;
    const start = this.pos;
    this.pos++;
    const parts: TemplatePart[] = [];
    while (this.pos < this.n) {
      const c = t.charCodeAt(this.pos);
      if (c === QUOTE) {
        this.pos++;
        return { kind: 'template', start, end: this.pos, closed: true, parts };
      }
      if (c === LF) break;
      if (c === BACKSLASH) this.pos += this.peek(1) === LF ? 1 : 2;
      else if (c === DOLLAR || c === PERCENT) this.templateMark(c, parts);
      else this.pos++;
    }
    this.error('unterminated string', start);
    if (this.pos > this.n) this.pos = this.n;
    return { kind: 'template', start, end: this.pos, closed: false, parts };
  }

  /** At `$` or `%`: an escape (`$${`, `%%{`), a template part, or a literal character. */
  private templateMark(c: number, parts: TemplatePart[]): void {
    const next = this.peek(1);
    if (next === c && this.peek(2) === LBRACE) {
      this.pos += 3;
      return;
    }
    if (next !== LBRACE) {
      this.pos++;
      return;
    }
    parts.push(c === DOLLAR ? this.interpolation() : this.directive());
  }

  /** Past `${` or `%{` and a `~` after it; whether there was one. */
  private openPart(): boolean {
    this.pos += 2;
    if (this.peek() !== TILDE) return false;
    this.pos++;
    return true;
  }

  private interpolation(): TemplatePart {
    const start = this.pos;
    let strip = this.openPart();
    this.enter();
    try {
      this.trivia(true);
      const expr = this.expression(true);
      this.trivia(true);
      if (this.peek() === TILDE) {
        this.pos++;
        strip = true;
      }
      this.expect(RBRACE, 'missing "}" of an interpolation');
      return { kind: 'interpolation', start, end: this.pos, expr, strip };
    } finally {
      this.leave();
    }
  }

  /**
   * `%{ if … }`, `%{ else }`, `%{ endif }`, `%{ for … in … }`, `%{ endfor }`: kept as a span.
   * The directive's words are read as expressions where they hold one, so quotes and braces
   * inside are skipped exactly.
   */
  private directive(): TemplatePart {
    const start = this.pos;
    let strip = this.openPart();
    this.enter();
    try {
      for (;;) {
        this.trivia(true);
        if (this.pos >= this.n) {
          this.error('missing "}" of a template directive');
          throw new Stop('syntax');
        }
        const c = this.peek();
        if (c === TILDE && this.peek(1) === RBRACE) {
          this.pos++;
          strip = true;
          continue;
        }
        if (c === RBRACE) {
          this.pos++;
          return { kind: 'directive', start, end: this.pos, strip };
        }
        if (c === COMMA) {
          this.pos++;
          continue;
        }
        if (this.keyword('if') || this.keyword('for') || this.keyword('in') || this.keyword('else') || this.keyword('endif') || this.keyword('endfor')) {
          this.identifier();
          continue;
        }
        this.expression(true);
      }
    } finally {
      this.leave();
    }
  }

  /**
   * `<<EOF` / `<<-EOF`, a newline, then lines up to one holding only the marker (it may be
   * indented). The body may hold `${…}` and `%{…}`; backslashes are literal.
   */
  private heredoc(): HclExpr {
    const t = this.text;
    const start = this.pos;
    this.pos += 2;
    let strip = false;
    if (this.peek() === MINUS) {
      this.pos++;
      strip = true;
    }
    const id = this.identifier();
    if (!id) {
      this.error('expected a heredoc marker');
      throw new Stop('syntax');
    }
    const marker = t.slice(id.start, id.end);
    this.trivia(false);
    if (this.pos < this.n && this.peek() !== LF) {
      this.error('expected a newline after the heredoc marker');
      throw new Stop('syntax');
    }
    this.pos++; // the newline
    const parts: TemplatePart[] = [];
    let lineStart = this.pos;
    while (lineStart < this.n) {
      const close = this.closingMarker(lineStart, marker);
      if (close) {
        this.pos = close.end;
        return { kind: 'heredoc', start, end: close.end, strip, open: id, close, parts };
      }
      // Scan the line; a template part may run over several lines.
      this.pos = lineStart;
      while (this.pos < this.n) {
        const c = t.charCodeAt(this.pos);
        if (c === LF) break;
        if (c === DOLLAR || c === PERCENT) {
          // A broken part (`${VAR:-default}` from a shell script) is the heredoc's own error:
          // the rest of its line is skipped and the heredoc read on to its closing marker, so
          // its lines are not taken for attributes and blocks.
          const partStart = this.pos;
          const depth = this.depth;
          try {
            this.templateMark(c, parts);
          } catch (e) {
            if (!(e instanceof Stop) || e.reason === 'time') throw e;
            this.depth = depth;
            const nl = t.indexOf('\n', partStart);
            this.pos = nl === -1 ? this.n : nl;
          }
        } else this.pos++;
      }
      lineStart = this.pos + 1;
    }
    this.error('unterminated heredoc', start);
    this.pos = this.n;
    return { kind: 'heredoc', start, end: this.n, strip, open: id, parts };
  }

  /** The marker's span when the line at `lineStart` holds only it (indentation and trailing blanks allowed). */
  private closingMarker(lineStart: number, marker: string): Span | undefined {
    const t = this.text;
    let i = lineStart;
    while (i < this.n && (t.charCodeAt(i) === SPACE || t.charCodeAt(i) === TAB)) i++;
    if (!t.startsWith(marker, i)) return undefined;
    const end = i + marker.length;
    let j = end;
    while (j < this.n && (t.charCodeAt(j) === SPACE || t.charCodeAt(j) === TAB || t.charCodeAt(j) === CR)) j++;
    return j >= this.n || t.charCodeAt(j) === LF ? { start: i, end } : undefined;
  }
}
