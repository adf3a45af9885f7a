// PowerShell, tokenized and parsed into a small positional model that every bootstrap rule
// shares, the way src/parsers/shell.ts models bash: statements, pipelines of commands (every
// command at any depth: inside `( )`, `$( )`, `@( )` and script blocks `{ }`), assignments
// (`$x = …`, `$env:X = …`), hashtables `@{ k = v }`, with exact offsets into the document.
// https://learn.microsoft.com/en-us/powershell/module/microsoft.powershell.core/about/about_parsing
// https://learn.microsoft.com/en-us/powershell/module/microsoft.powershell.core/about/about_quoting_rules
// https://learn.microsoft.com/en-us/powershell/module/microsoft.powershell.core/about/about_splatting
//
// The tokenizer knows what changes where a command ends or what a word is: line comments and
// `<# … #>` block comments, single-quoted strings (`''` escape), double-quoted strings (backtick
// escapes, `""`, `$var` / `$( … )` expansions), here-strings `@' … '@` / `@" … "@`, backtick line
// continuations, variables (`$x`, `$env:X`, `${a b}`), splatting (`@params`), and the operators
// that open groups. It is not a full PowerShell grammar (no operator precedence, no types):
// rules ask "which command with which parameters", "which variable gets which value".
//
// Cost: one linear pass over the text plus a recursive-descent pass over the tokens; cached per
// document, paid only by documents that pass a rule's keyword pre-filter. Never throws.
import type { SourceDocument } from '../engine/document.js';
import { windowsBlocks, windowsScriptLanguage } from './user-data.js';

export type PsTokenType = 'word' | 'string' | 'variable' | 'splat' | 'operator' | 'newline';

export interface PsToken {
  readonly type: PsTokenType;
  /** Raw source text, quotes included. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** The value when statically known (a bare word, a string without expansions); else undefined. */
  readonly value: string | undefined;
  /** The value with expansions kept as written (`"$env:HOME\.aws"` → `$env:HOME\.aws`). */
  readonly loose: string;
  readonly quote: '' | "'" | '"';
  readonly here: boolean;
  /** Variables a double-quoted string or here-string expands (`env:USERPROFILE`, `key`). */
  readonly variables: readonly string[];
  /** Range of the content inside quotes (the token itself for bare words). */
  readonly contentStart: number;
  readonly contentEnd: number;
  /** Whitespace separates this token from the one before (`-Uri:"x"` has none). */
  readonly spaceBefore: boolean;
}

export type PsGroupOpen = '(' | '$(' | '@(' | '{' | '@{' | '[';

export interface PsGroup {
  readonly type: 'group';
  readonly open: PsGroupOpen;
  readonly start: number;
  readonly end: number;
  readonly statements: readonly PsStatement[];
}

export type PsElement = PsToken | PsGroup;

export interface PsCommand {
  readonly elements: readonly PsElement[];
  readonly start: number;
  readonly end: number;
  /** The command before it in a pipeline (`'x' | Set-Content f`). */
  readonly upstream: PsCommand | undefined;
  /** 0 at the top of the script; 1+ inside groups and script blocks. */
  readonly depth: number;
  /** The statement's assignment when this command is its value (`$r = Invoke-RestMethod …`). */
  readonly assignedTo: string | undefined;
}

export interface PsAssignment {
  /** Variable name without `$`, scope kept: `env:AWS_SECRET_ACCESS_KEY`, `key`. */
  readonly name: string;
  readonly nameStart: number;
  readonly nameEnd: number;
  readonly operator: string;
  /** Elements of the right-hand side (its first command's elements). */
  readonly value: readonly PsElement[];
  readonly valueStart: number;
  readonly valueEnd: number;
  readonly start: number;
}

export interface PsStatement {
  readonly assignment: PsAssignment | undefined;
  readonly pipeline: readonly PsCommand[];
  readonly start: number;
  readonly end: number;
}

export interface PsScript {
  readonly statements: readonly PsStatement[];
  /** Every command at any depth, in source order. */
  readonly commands: readonly PsCommand[];
  /** Every assignment at any depth, in source order. */
  readonly assignments: readonly PsAssignment[];
  readonly start: number;
  readonly end: number;
}

// ---------------------------------------------------------------------------------------
// Tokenizer

const VARIABLE = /\$(?:\{[^}\n]*\}|[A-Za-z_][\w]*(?::[A-Za-z_][\w]*)?|[?^$_])/y;
const SPLAT = /@[A-Za-z_]\w*/y;
const REDIRECT = /(?:[1-6*]?>>?(?:&[12])?|<)/y;
const WORD_BREAK = /[\s;|(){}[\],'"\u2018\u2019\u201c\u201d]/;

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\f' || c === '\v' || c === '\u00a0';
}

/** Variables expanded inside a double-quoted string body. */
function expandedVariables(body: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '`') {
      i++;
      continue;
    }
    if (c !== '$') continue;
    VARIABLE.lastIndex = i;
    const m = VARIABLE.exec(body);
    if (m) {
      out.push(m[0].replace(/^\$\{?|\}$/g, ''));
      i += m[0].length - 1;
    } else if (body[i + 1] === '(') out.push('(');
  }
  return out;
}

const BACKTICK_ESCAPES: Record<string, string> = { '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

function unescapeDouble(body: string): string {
  return body.replace(/`(.)|""/gs, (m, c: string | undefined) => (m === '""' ? '"' : (BACKTICK_ESCAPES[c as string] ?? (c as string))));
}

/** Tokenizes `text[from, to)`; offsets are offsets into `text`. */
export function tokenizePowerShell(text: string, from = 0, to = text.length): PsToken[] {
  const out: PsToken[] = [];
  let i = from;
  let space = true;
  const push = (t: Omit<PsToken, 'spaceBefore' | 'text'> & { text?: string }) => {
    out.push({ ...t, text: t.text ?? text.slice(t.start, t.end), spaceBefore: space });
    space = false;
  };
  const op = (start: number, end: number) =>
    push({ type: 'operator', start, end, value: text.slice(start, end), loose: text.slice(start, end), quote: '', here: false, variables: [], contentStart: start, contentEnd: end });
  while (i < to) {
    const c = text[i] as string;
    if (isSpace(c) || (c === '\r' && text[i + 1] === '\n')) {
      i++;
      space = true;
      continue;
    }
    // Line continuation: a backtick right before the line break.
    if (c === '`' && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
      i += text[i + 1] === '\r' ? 3 : 2;
      space = true;
      continue;
    }
    if (c === '\n') {
      op(i, i + 1);
      (out[out.length - 1] as { type: PsTokenType }).type = 'newline';
      i++;
      space = true;
      continue;
    }
    if (c === '#') {
      const nl = text.indexOf('\n', i);
      i = nl === -1 || nl > to ? to : nl;
      space = true;
      continue;
    }
    if (c === '<' && text[i + 1] === '#') {
      const close = text.indexOf('#>', i + 2);
      i = close === -1 || close + 2 > to ? to : close + 2;
      space = true;
      continue;
    }
    // Here-strings: `@'` / `@"` ending the line; closed by `'@` / `"@` at the start of a line.
    if (c === '@' && (text[i + 1] === "'" || text[i + 1] === '"') && /^[ \t]*\r?\n/.test(text.slice(i + 2, i + 40))) {
      const q = text[i + 1] as "'" | '"';
      const bodyStart = text.indexOf('\n', i) + 1;
      let close = -1;
      for (let k = bodyStart; k < to; ) {
        if (text[k] === q && text[k + 1] === '@') {
          close = k;
          break;
        }
        const nl = text.indexOf('\n', k);
        if (nl === -1 || nl >= to) break;
        k = nl + 1;
      }
      const end = close === -1 ? to : close + 2;
      let bodyEnd = close === -1 ? to : close;
      if (bodyEnd > bodyStart && text[bodyEnd - 1] === '\n') bodyEnd--;
      if (bodyEnd > bodyStart && text[bodyEnd - 1] === '\r') bodyEnd--;
      const body = text.slice(bodyStart, Math.max(bodyStart, bodyEnd));
      const variables = q === '"' ? expandedVariables(body) : [];
      push({ type: 'string', start: i, end, value: variables.length ? undefined : q === '"' ? unescapeDouble(body) : body, loose: body, quote: q, here: true, variables, contentStart: bodyStart, contentEnd: Math.max(bodyStart, bodyEnd) });
      i = end;
      continue;
    }
    if (c === "'" || c === '\u2018' || c === '\u2019') {
      let k = i + 1;
      for (; k < to; k++) {
        const d = text[k];
        if (d === "'" || d === '\u2018' || d === '\u2019') {
          if (text[k + 1] === "'") {
            k++;
            continue;
          }
          break;
        }
      }
      const end = Math.min(k + 1, to);
      const body = text.slice(i + 1, Math.min(k, to));
      push({ type: 'string', start: i, end, value: body.replace(/''/g, "'"), loose: body, quote: "'", here: false, variables: [], contentStart: i + 1, contentEnd: Math.min(k, to) });
      i = end;
      continue;
    }
    if (c === '"' || c === '\u201c' || c === '\u201d') {
      let k = i + 1;
      let paren = 0;
      for (; k < to; k++) {
        const d = text[k];
        if (d === '`') {
          k++;
          continue;
        }
        if (d === '$' && text[k + 1] === '(') {
          paren++;
          k++;
          continue;
        }
        if (paren > 0) {
          if (d === '(') paren++;
          else if (d === ')') paren--;
          continue;
        }
        if (d === '"' || d === '\u201c' || d === '\u201d') {
          if (text[k + 1] === '"') {
            k++;
            continue;
          }
          break;
        }
      }
      const end = Math.min(k + 1, to);
      const body = text.slice(i + 1, Math.min(k, to));
      const variables = expandedVariables(body);
      push({ type: 'string', start: i, end, value: variables.length ? undefined : unescapeDouble(body), loose: body, quote: '"', here: false, variables, contentStart: i + 1, contentEnd: Math.min(k, to) });
      i = end;
      continue;
    }
    if (c === '$' && text[i + 1] === '(') {
      op(i, i + 2);
      i += 2;
      continue;
    }
    if (c === '@' && (text[i + 1] === '(' || text[i + 1] === '{')) {
      op(i, i + 2);
      i += 2;
      continue;
    }
    if (c === '$') {
      VARIABLE.lastIndex = i;
      const m = VARIABLE.exec(text);
      if (m && i + m[0].length <= to) {
        const name = m[0].replace(/^\$\{?|\}$/g, '');
        push({ type: 'variable', start: i, end: i + m[0].length, value: undefined, loose: m[0], quote: '', here: false, variables: [name], contentStart: i, contentEnd: i + m[0].length });
        i += m[0].length;
        continue;
      }
    }
    if (c === '@') {
      SPLAT.lastIndex = i;
      const m = SPLAT.exec(text);
      if (m) {
        push({ type: 'splat', start: i, end: i + m[0].length, value: undefined, loose: m[0], quote: '', here: false, variables: [m[0].slice(1)], contentStart: i, contentEnd: i + m[0].length });
        i += m[0].length;
        continue;
      }
    }
    if ('(){}[];,'.includes(c)) {
      op(i, i + 1);
      i++;
      continue;
    }
    if (c === '|' || c === '&') {
      const two = text[i + 1] === c;
      op(i, i + (two ? 2 : 1));
      i += two ? 2 : 1;
      continue;
    }
    if (c === ':' && text[i + 1] === ':') {
      op(i, i + 2);
      i += 2;
      continue;
    }
    if (c === '.' && (i + 1 >= to || isSpace(text[i + 1] as string)) && space) {
      // Dot-sourcing: `. .\lib.ps1`.
      op(i, i + 1);
      i++;
      continue;
    }
    if (/[=+\-*/]/.test(c) && text[i + 1] === '=' && c !== '=') {
      op(i, i + 2);
      i += 2;
      continue;
    }
    if (c === '=') {
      op(i, i + (text[i + 1] === '=' ? 2 : 1));
      i += text[i + 1] === '=' ? 2 : 1;
      continue;
    }
    if (space && (c === '>' || c === '<' || (/[1-6*]/.test(c) && text[i + 1] === '>'))) {
      REDIRECT.lastIndex = i;
      const m = REDIRECT.exec(text);
      if (m) {
        op(i, i + m[0].length);
        i += m[0].length;
        continue;
      }
    }
    // A bare word: a command name, a parameter (`-Uri`), an argument, a number.
    const start = i;
    const option = c === '-';
    let value = '';
    while (i < to) {
      const d = text[i] as string;
      if (WORD_BREAK.test(d)) break;
      if (d === '=' && !option) break;
      if (d === '`') {
        if (text[i + 1] === '\n' || text[i + 1] === '\r' || i + 1 >= to) break;
        value += text[i + 1];
        i += 2;
        continue;
      }
      if (d === '$' && i > start) break;
      value += d;
      i++;
    }
    if (i === start) {
      // A character nothing else takes (a stray quote-like symbol): one-character word.
      value = c;
      i++;
    }
    push({ type: 'word', start, end: i, value, loose: value, quote: '', here: false, variables: [], contentStart: start, contentEnd: i });
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Parser

const ASSIGNMENT_OPERATORS = new Set(['=', '+=', '-=', '*=', '/=']);
const CLOSERS = new Set([')', '}', ']']);
const OPENERS: Record<string, PsGroupOpen> = { '(': '(', '$(': '$(', '@(': '@(', '{': '{', '@{': '@{', '[': '[' };

class Parser {
  private i = 0;
  readonly commands: PsCommand[] = [];
  readonly assignments: PsAssignment[] = [];
  constructor(private readonly tokens: readonly PsToken[]) {}

  private peek(): PsToken | undefined {
    return this.tokens[this.i];
  }

  private isOp(t: PsToken | undefined, ...values: string[]): boolean {
    return t !== undefined && t.type === 'operator' && values.includes(t.text);
  }

  list(closer: string | undefined, depth: number): PsStatement[] {
    const out: PsStatement[] = [];
    for (;;) {
      const t = this.peek();
      if (!t) break;
      if (t.type === 'newline' || this.isOp(t, ';', '&&', '||')) {
        this.i++;
        continue;
      }
      if (t.type === 'operator' && CLOSERS.has(t.text)) {
        this.i++;
        if (closer === undefined || t.text === closer) {
          if (closer !== undefined) break;
          continue;
        }
        // A mismatched closer: end this group too (error recovery).
        break;
      }
      const before = this.i;
      out.push(this.statement(closer, depth));
      if (this.i === before) this.i++;
    }
    return out;
  }

  private statement(closer: string | undefined, depth: number): PsStatement {
    const first = this.peek() as PsToken;
    let assignment: PsAssignment | undefined;
    let j = this.i;
    // `[string]$x = …`: skip a type constraint.
    if (this.isOp(this.tokens[j], '[')) {
      let k = j;
      while (k < this.tokens.length && !this.isOp(this.tokens[k], ']')) k++;
      if (this.tokens[k + 1]?.type === 'variable') j = k + 1;
    }
    const target = this.tokens[j];
    const operator = this.tokens[j + 1];
    let assignedTo: string | undefined;
    if (target?.type === 'variable' && operator?.type === 'operator' && ASSIGNMENT_OPERATORS.has(operator.text)) {
      this.i = j + 2;
      assignedTo = target.variables[0] as string;
      while (this.peek()?.type === 'newline') this.i++;
    }
    const pipeline: PsCommand[] = [];
    let upstream: PsCommand | undefined;
    for (;;) {
      const command = this.command(closer, depth, upstream, pipeline.length === 0 ? assignedTo : undefined);
      pipeline.push(command);
      upstream = command;
      if (!this.isOp(this.peek(), '|')) break;
      this.i++;
      while (this.peek()?.type === 'newline') this.i++;
    }
    if (assignedTo !== undefined && target) {
      const value = pipeline[0] as PsCommand;
      assignment = {
        name: assignedTo,
        nameStart: target.start + (target.text.startsWith('${') ? 2 : 1),
        nameEnd: target.end - (target.text.startsWith('${') ? 1 : 0),
        operator: (operator as PsToken).text,
        value: value.elements,
        valueStart: value.start,
        valueEnd: value.end,
        start: first.start,
      };
      this.assignments.push(assignment);
    }
    const last = pipeline.at(-1) as PsCommand;
    return { assignment, pipeline, start: first.start, end: Math.max(last.end, first.end) };
  }

  private command(closer: string | undefined, depth: number, upstream: PsCommand | undefined, assignedTo: string | undefined): PsCommand {
    const elements: PsElement[] = [];
    const startToken = this.peek();
    const index = this.commands.length;
    // Reserve the slot so that commands come out in source order (nested ones after their parent).
    this.commands.push(undefined as unknown as PsCommand);
    for (;;) {
      const t = this.peek();
      if (!t || t.type === 'newline' || this.isOp(t, ';', '|', '&&', '||')) break;
      if (t.type === 'operator' && CLOSERS.has(t.text)) break;
      const open = t.type === 'operator' ? OPENERS[t.text] : undefined;
      if (open) {
        this.i++;
        const close = open === '{' || open === '@{' ? '}' : open === '[' ? ']' : ')';
        const statements = this.list(close, depth + 1);
        const prev = this.tokens[this.i - 1];
        elements.push({ type: 'group', open, start: t.start, end: prev && prev.end > t.start ? prev.end : t.end, statements });
        continue;
      }
      elements.push(t);
      this.i++;
    }
    const last = elements.at(-1);
    const start = elements[0]?.start ?? startToken?.start ?? 0;
    const command: PsCommand = { elements, start, end: last?.end ?? start, upstream, depth, assignedTo };
    this.commands[index] = command;
    return command;
  }
}

/** Parses PowerShell source (`text[from, to)`) into the model; never throws. */
export function parsePowerShell(text: string, from = 0, to = text.length): PsScript {
  const parser = new Parser(tokenizePowerShell(text, from, to));
  const statements = parser.list(undefined, 0);
  return { statements, commands: parser.commands.filter((c) => c !== undefined), assignments: parser.assignments, start: from, end: to };
}

// ---------------------------------------------------------------------------------------
// Documents

const cache = new WeakMap<SourceDocument, readonly PsScript[]>();

/**
 * The PowerShell scripts of a document: a whole `.ps1` / `powershell` document, or each
 * `<powershell>` block of EC2Launch/EC2Config user data.
 */
export function powerShellScripts(doc: SourceDocument): readonly PsScript[] {
  const cached = cache.get(doc);
  if (cached) return cached;
  let scripts: PsScript[] = [];
  if (doc.kind === 'powershell' || doc.language === 'powershell') scripts = [parsePowerShell(doc.text)];
  else if (windowsScriptLanguage(doc) === 'powershell') scripts = [parsePowerShell(doc.text)];
  else if (doc.kind === 'user-data') {
    scripts = windowsBlocks(doc)
      .filter((b) => b.language === 'powershell')
      .map((b) => parsePowerShell(doc.text, b.start, b.end));
  }
  cache.set(doc, scripts);
  return scripts;
}

// ---------------------------------------------------------------------------------------
// Queries used by rules

export function isToken(e: PsElement | undefined): e is PsToken {
  return e !== undefined && e.type !== 'group';
}

/** The static value of an element: a word, a string without expansions, `('x')`. */
export function staticValue(e: PsElement | undefined): string | undefined {
  if (!e) return undefined;
  if (e.type !== 'group') return e.type === 'word' || e.type === 'string' ? e.value : undefined;
  if (e.open !== '(' || e.statements.length !== 1) return undefined;
  const only = e.statements[0]?.pipeline;
  if (only?.length !== 1 || only[0]?.elements.length !== 1) return undefined;
  return staticValue(only[0].elements[0]);
}

/** The text of an element with expansions as written (for path patterns). */
export function looseValue(e: PsElement | undefined, text: string): string {
  if (!e) return '';
  if (e.type !== 'group') return e.value ?? e.loose;
  return text.slice(e.start, e.end);
}

/** Index of the command name among the elements, after the call (`&`) or dot-source (`.`) operator. */
function nameIndex(command: PsCommand): number {
  const first = command.elements[0];
  if (isToken(first) && first.type === 'operator' && (first.text === '&' || first.text === '.')) return 1;
  return 0;
}

/** The command's name, lower-cased, path and `.exe` stripped: `& "C:\…\aws.exe"` → `aws`. */
export function psCommandName(command: PsCommand): string | undefined {
  const at = nameIndex(command);
  const e = command.elements[at];
  // A string opening a statement is a value ('a' | Set-Content f); only `& "…"` calls it.
  if (!isToken(e) || (e.type !== 'word' && !(e.type === 'string' && at === 1))) return undefined;
  const v = e.value ?? e.loose;
  return v.replace(/^.*[\\/]/, '').replace(/\.(?:exe|cmd|bat)$/i, '').toLowerCase();
}

/** Like psCommandName, following `& $exe` to a literal assigned to `$exe` earlier. */
export function psResolvedCommandName(script: PsScript, command: PsCommand): string | undefined {
  const direct = psCommandName(command);
  if (direct !== undefined) return direct;
  const e = command.elements[nameIndex(command)];
  const v = isToken(e) && e.type === 'variable' ? resolvedValue(script, e) : undefined;
  return v?.replace(/^.*[\\/]/, '').replace(/\.(?:exe|cmd|bat)$/i, '').toLowerCase();
}

/** The name element itself (for reporting and path resolution). */
export function psCommandWord(command: PsCommand): PsToken | undefined {
  const e = command.elements[nameIndex(command)];
  return isToken(e) ? e : undefined;
}

/** Whether the command is invoked with `.` (dot-sourced: runs in the caller's scope). */
export function isDotSourced(command: PsCommand): boolean {
  const first = command.elements[0];
  return isToken(first) && first.type === 'operator' && first.text === '.';
}

/** Arguments after the command name. Adjacent tokens (`-Uri:"x"`) stay separate elements. */
export function psArguments(command: PsCommand): readonly PsElement[] {
  return command.elements.slice(nameIndex(command) + 1);
}

export interface PsParameterValue {
  /** The `-Name` token. */
  readonly parameter: PsToken;
  /** Its value; undefined for a switch. */
  readonly value: PsElement | undefined;
}

/**
 * A named parameter (`-SecretKey x`, `-SecretKey:x`), matched case-insensitively by its full
 * name or an unambiguous prefix the caller accepts through `names` (e.g. /^-(?:Uri|U)$/i).
 */
export function psParameter(command: PsCommand, names: RegExp): PsParameterValue | undefined {
  const args = psArguments(command);
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (!isToken(a) || a.type !== 'word' || !a.text.startsWith('-')) continue;
    const colon = a.text.indexOf(':');
    const name = colon > 0 ? a.text.slice(0, colon) : a.text;
    if (!names.test(name)) continue;
    if (colon === a.text.length - 1) {
      // `-Name:$value` / `-Name:"x"`: the value is the adjacent token.
      const next = args[k + 1];
      return { parameter: a, value: next && (next.type === 'group' || !next.spaceBefore) ? next : undefined };
    }
    if (colon > 0 && colon < a.text.length - 1) {
      // `-Name:value` in one word.
      const start = a.start + colon + 1;
      const v = a.text.slice(colon + 1);
      return { parameter: a, value: { ...a, start, contentStart: start, text: v, value: v, loose: v } };
    }
    const next = args[k + 1];
    const isSwitch = isToken(next) && next.type === 'word' && /^-[A-Za-z]/.test(next.text) && colon < 0;
    return { parameter: a, value: isSwitch ? undefined : next };
  }
  return undefined;
}

/** Positional arguments (not `-Name` parameters nor their values), in order. */
export function psPositionals(command: PsCommand): PsElement[] {
  const args = psArguments(command);
  const out: PsElement[] = [];
  for (let k = 0; k < args.length; k++) {
    const a = args[k] as PsElement;
    if (isToken(a) && a.type === 'word' && /^-[A-Za-z]/.test(a.text)) {
      const next = args[k + 1];
      const adjacent = a.text.endsWith(':') && next !== undefined && (next.type === 'group' || !next.spaceBefore);
      const takesValue = adjacent || (!a.text.includes(':') && next !== undefined && !(isToken(next) && next.type === 'word' && /^-[A-Za-z]/.test(next.text)));
      if (takesValue) k++;
      continue;
    }
    out.push(a);
  }
  return out;
}

export interface PsHashEntry {
  readonly key: string;
  readonly keyElement: PsElement;
  readonly value: readonly PsElement[];
}

/** Entries of a hashtable literal `@{ Key = value; 'Other-Key' = … }`. */
export function hashtableEntries(group: PsElement | undefined): PsHashEntry[] {
  if (!group || group.type !== 'group' || group.open !== '@{') return [];
  const out: PsHashEntry[] = [];
  for (const s of group.statements) {
    const els = s.pipeline[0]?.elements ?? [];
    const key = els[0];
    const eq = els[1];
    const k = staticValue(key);
    if (k === undefined || !isToken(eq) || eq.text !== '=') continue;
    out.push({ key: k, keyElement: key as PsElement, value: els.slice(2) });
  }
  return out;
}

/** The last assignment of `name` (case-insensitive, as PowerShell) before `offset`. */
export function psAssignmentBefore(script: PsScript, name: string, offset: number): PsAssignment | undefined {
  const lower = name.toLowerCase();
  let found: PsAssignment | undefined;
  for (const a of script.assignments) {
    if (a.start >= offset) break;
    if (a.name.toLowerCase() === lower) found = a;
  }
  return found;
}

/**
 * The static value of an element, following a `$variable` to a literal assigned earlier in the
 * script (`$key = 'AKIA…'; … $key`). Undefined when it is computed.
 */
export function resolvedValue(script: PsScript, e: PsElement | undefined, depth = 0): string | undefined {
  const direct = staticValue(e);
  if (direct !== undefined || !isToken(e) || depth > 4) return direct;
  if (e.type === 'variable') {
    const a = psAssignmentBefore(script, e.variables[0] as string, e.start);
    if (a && a.value.length === 1) return resolvedValue(script, a.value[0], depth + 1);
  }
  return undefined;
}

/** For a splatted `@params`, the hashtable assigned to `$params` before the command. */
export function splattedEntries(script: PsScript, command: PsCommand): PsHashEntry[] {
  const out: PsHashEntry[] = [];
  for (const e of psArguments(command)) {
    if (!isToken(e) || e.type !== 'splat') continue;
    const a = psAssignmentBefore(script, e.variables[0] as string, e.start);
    if (a && a.value.length === 1) out.push(...hashtableEntries(a.value[0]));
  }
  return out;
}

/** Arguments of a method call `X::M(a, b)` / `$o.M(a, b)`: the group's elements split at commas. */
export function callArguments(group: PsElement | undefined): PsElement[][] {
  if (!group || group.type !== 'group' || group.open !== '(') return [];
  const els = group.statements.flatMap((s) => s.pipeline.flatMap((c) => c.elements));
  const out: PsElement[][] = [[]];
  for (const e of els) {
    if (isToken(e) && e.type === 'operator' && e.text === ',') out.push([]);
    else (out[out.length - 1] as PsElement[]).push(e);
  }
  return out.filter((a) => a.length > 0);
}

export interface PsWord {
  /** The value without quotes (expansions as written when not static). */
  readonly value: string;
  readonly start: number;
  readonly end: number;
  readonly contentStart: number;
  readonly contentEnd: number;
  readonly quote: '' | "'" | '"';
  /** True when the value is a literal (no expansion, no sub-expression). */
  readonly literal: boolean;
  readonly element: PsElement;
}

/** A command's elements as command-line words (for token-level matching such as `aws configure set k v`). */
export function psWords(command: PsCommand, text: string): PsWord[] {
  const out: PsWord[] = [];
  for (const e of command.elements) {
    if (e.type === 'group') {
      out.push({ value: text.slice(e.start, e.end), start: e.start, end: e.end, contentStart: e.start, contentEnd: e.end, quote: '', literal: false, element: e });
      continue;
    }
    if (e.type === 'operator' && (e.text === '&' || e.text === '.')) continue;
    out.push({ value: e.value ?? e.loose, start: e.start, end: e.end, contentStart: e.contentStart, contentEnd: e.contentEnd, quote: e.quote, literal: e.value !== undefined && (e.type === 'word' || e.type === 'string'), element: e });
  }
  return out;
}
