// A careful tokenizer for the code the SDK-credential rule reads outside JS/TS: Python, Ruby,
// and the C family (Java, Kotlin, Scala, Rust, C#, Go, PHP). It knows each family's comments and string
// forms, so a constructor name in a comment or inside a string is never taken for code, and a
// string literal's exact characters (between its quotes) are known.
// Not a parser: callers match short token sequences (a call and its arguments).
// Cost: one linear pass over the text, only for files whose keyword pre-filter matched.

export type CodeFamily = 'python' | 'ruby' | 'c' | 'php' | 'go' | 'csharp';

export interface Token {
  readonly type: 'ident' | 'string' | 'number' | 'punct';
  /** Identifier name, punctuation, or (for a string) its decoded value when static. */
  readonly value: string;
  readonly start: number;
  readonly end: number;
  /** For strings: the characters between the quotes. */
  readonly contentStart?: number;
  readonly contentEnd?: number;
  /** For strings: false when it interpolates (`f"{x}"`, `"#{x}"`, `"$x"`, `$"{x}"`). */
  readonly static?: boolean;
}

/** The family of a `languageOf()` hint, or undefined for languages this tokenizer does not read. */
export function codeFamilyOf(language: string): CodeFamily | undefined {
  switch (language) {
    case 'python':
      return 'python';
    case 'rb':
      return 'ruby';
    case 'php':
      return 'php';
    case 'go':
      return 'go';
    case 'cs':
      return 'csharp';
    case 'java':
    case 'rs':
    case 'kt':
    case 'kts':
    case 'scala':
      return 'c';
    default:
      return undefined;
  }
}

const IDENT_START = /[A-Za-z_$\u00c0-\uffff]/;
const IDENT_PART = /[A-Za-z0-9_$\u00c0-\uffff]/;

export function tokenize(text: string, family: CodeFamily): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  const hashComments = family === 'python' || family === 'ruby' || family === 'php';
  const slashComments = family !== 'python' && family !== 'ruby';
  while (i < n) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    // Comments
    if (hashComments && c === '#' && !(family === 'php' && text[i + 1] === '[')) {
      i = lineEnd(text, i);
      continue;
    }
    if (slashComments && c === '/' && text[i + 1] === '/') {
      i = lineEnd(text, i);
      continue;
    }
    if (slashComments && c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? n : close + 2;
      continue;
    }
    if (family === 'ruby' && c === '=' && text.startsWith('=begin', i) && (i === 0 || text[i - 1] === '\n')) {
      const close = text.indexOf('\n=end', i);
      i = close === -1 ? n : lineEnd(text, close + 1);
      continue;
    }
    // Strings (with their prefixes)
    const str = readString(text, i, family);
    if (str) {
      tokens.push(str);
      i = str.end;
      continue;
    }
    if (IDENT_START.test(c)) {
      let j = i + 1;
      while (j < n && IDENT_PART.test(text[j]!)) j++;
      // Ruby/PHP sigils and Ruby predicates stay part of the name.
      if (family === 'ruby' && (text[j] === '?' || text[j] === '!') && text[j + 1] !== '=') j++;
      tokens.push({ type: 'ident', value: text.slice(i, j), start: i, end: j });
      i = j;
      continue;
    }
    if (c >= '0' && c <= '9') {
      let j = i + 1;
      while (j < n && /[0-9A-Za-z_.]/.test(text[j]!)) j++;
      tokens.push({ type: 'number', value: text.slice(i, j), start: i, end: j });
      i = j;
      continue;
    }
    // Multi-character punctuation the matchers care about.
    const two = text.slice(i, i + 2);
    if (two === '::' || two === '=>' || two === '->' || two === ':=' || two === '==' || two === '**' || two === '!=') {
      tokens.push({ type: 'punct', value: two, start: i, end: i + 2 });
      i += 2;
      continue;
    }
    tokens.push({ type: 'punct', value: c, start: i, end: i + 1 });
    i++;
  }
  return tokens;
}

function lineEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl === -1 ? text.length : nl;
}

function readString(text: string, i: number, family: CodeFamily): Token | undefined {
  let j = i;
  let raw = false;
  let interpolating = false;
  let verbatim = false;
  const c = text[i]!;
  if (family === 'python') {
    const m = /^([rRbBuUfF]{1,2})?(?:'''|"""|'|")/.exec(text.slice(i, i + 5));
    if (!m) return undefined;
    const prefix = (m[1] ?? '').toLowerCase();
    if (m[1] && !/^(?:r|b|u|f|rb|br|fr|rf)$/.test(prefix)) return undefined;
    // An identifier that merely ends in r/b/u/f is not a prefix: `ur"…"` is, `bar"…"` is not.
    if (m[1] && i > 0 && IDENT_PART.test(text[i - 1]!)) return undefined;
    raw = prefix.includes('r');
    interpolating = prefix.includes('f');
    j = i + (m[1]?.length ?? 0);
  } else if (family === 'csharp' && (c === '@' || c === '$')) {
    const m = /^(?:@\$|\$@|@|\$)"/.exec(text.slice(i, i + 3));
    if (!m) return undefined;
    verbatim = m[0].includes('@');
    interpolating = m[0].includes('$');
    j = i + m[0].length - 1;
  }
  const q = text[j];
  if (q !== '"' && q !== "'" && !(q === '`' && (family === 'go' || family === 'c'))) return undefined;
  if (family === 'ruby' && q === "'" ) raw = true;
  if (family === 'php' && q === "'") raw = true;
  if (family === 'go' && q === '`') raw = true;
  const triple = (family === 'python' || family === 'c') && text.startsWith(q.repeat(3), j);
  const delim = triple ? q.repeat(3) : q;
  const contentStart = j + delim.length;
  let k = contentStart;
  let value = '';
  let isStatic = !interpolating;
  const n = text.length;
  while (k < n) {
    const ch = text[k]!;
    if (text.startsWith(delim, k)) {
      if (verbatim && text[k + 1] === '"') {
        value += '"';
        k += 2;
        continue;
      }
      return { type: 'string', value, start: i, end: k + delim.length, contentStart, contentEnd: k, static: isStatic };
    }
    if (ch === '\n' && !triple && !verbatim && !(family === 'go' && q === '`') && family !== 'ruby' && family !== 'php') {
      // Unterminated single-line string: stop at the line end.
      return { type: 'string', value, start: i, end: k, contentStart, contentEnd: k, static: false };
    }
    if (ch === '\\' && !verbatim && !(family === 'go' && q === '`')) {
      const next = text[k + 1] ?? '';
      if (raw) {
        // Raw strings keep backslashes, except before the quote or a backslash (Ruby/PHP single quotes).
        if ((family === 'ruby' || family === 'php') && (next === q || next === '\\')) {
          value += next;
          k += 2;
          continue;
        }
        value += ch;
        k++;
        if (family === 'python' && next) {
          value += next;
          k++;
        }
        continue;
      }
      const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', '\\': '\\', '"': '"', "'": "'", '/': '/', $: '$', '`': '`' };
      if (next in simple) {
        value += simple[next];
        k += 2;
        continue;
      }
      // Other escapes (\x, \u, line continuations) make the value non-static for our purposes.
      isStatic = false;
      value += next;
      k += 2;
      continue;
    }
    if (!raw) {
      if ((family === 'ruby' && ch === '#' && text[k + 1] === '{') || (family === 'php' && ch === '$' && /[A-Za-z_{]/.test(text[k + 1] ?? ''))) isStatic = false;
      if (family === 'c' && q === '`' && ch === '$' && text[k + 1] === '{') isStatic = false;
    }
    if (interpolating && ch === '{') {
      if (text[k + 1] === '{') {
        value += '{';
        k += 2;
        continue;
      }
      isStatic = false;
    }
    value += ch;
    k++;
  }
  return { type: 'string', value, start: i, end: n, contentStart, contentEnd: n, static: false };
}
