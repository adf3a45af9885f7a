// POSIX shell / bash, parsed with tree-sitter-bash into a small positional model that every
// rule shares: simple commands (name, arguments, prefix assignments, redirections, the
// command feeding them through a pipe), variable assignments (`X=…`, `export`, `declare -x`,
// `env X=…`), file writes (`>`, `>>`, `tee`, `cp`, heredocs) and nested scripts (`bash -c '…'`,
// `su - user -c "…"`, `sudo -u user bash <<'EOF'`), all with offsets into the document text.
//
// Why a model instead of handing out the tree: web-tree-sitter trees live in WASM memory and
// must be freed with tree.delete(); a WeakMap cannot do that when a document is collected.
// So each document is parsed once, walked once into plain objects cached by SourceDocument,
// and its tree is freed straight away. Cost: one parse (~3–5 MB/s) plus a walk that visits
// statement structure and command children only (see "Reading the tree"): about 1–1.5× the
// parse on a 5 MB script (it was 2–3× when every node was visited, partly through Node
// objects), paid only by documents that pass a rule's keyword pre-filter.
//
// A malformed script still yields every command tree-sitter recovered around its ERROR nodes;
// nothing here throws for bad input.
import type { TreeCursor } from 'web-tree-sitter';
import type { SourceDocument } from '../engine/document.js';
import { getParser, parseWithBudget } from './tree-sitter.js';
import { parseBudgetMs, reportIncomplete } from '../engine/budget.js';
import { userDataFormat, windowsScriptLanguage } from './user-data.js';

/** How a word's value is known statically. */
export type WordKind = 'literal' | 'expansion' | 'command-substitution';

export interface ShellSubstitution {
  /** Source text of the command inside `$(…)` / backticks. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** One shell word (a command name, an argument, an assignment value). Offsets are document offsets. */
export interface ShellWord {
  /** Raw source text, quotes included. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** The unquoted value when it is fully static (no expansion), else undefined. */
  readonly value: string | undefined;
  /** Raw text with quote characters removed: for pattern matching on dynamic words (`"$HOME/.aws/x"`). */
  readonly loose: string;
  readonly kind: WordKind;
  /** Variables expanded in the word (`$X`, `${X:-d}` → `X`). */
  readonly variables: readonly string[];
  readonly substitutions: readonly ShellSubstitution[];
  /** Offsets of the content without the surrounding quotes of a single quoted/raw string. */
  readonly contentStart: number;
  readonly contentEnd: number;
}

export interface ShellHeredoc {
  readonly delimiter: string;
  /** `<<'EOF'` / `<<"EOF"`: the body is not expanded. */
  readonly quoted: boolean;
  readonly body: string;
  readonly bodyStart: number;
  readonly bodyEnd: number;
}

export interface ShellRedirect {
  /** `>`, `>>`, `<`, `&>`, `>|`, `<<`, `<<-`, `<<<` … */
  readonly operator: string;
  readonly target?: ShellWord;
  readonly heredoc?: ShellHeredoc;
  readonly start: number;
  readonly end: number;
}

export type AssignmentVia = 'assignment' | 'export' | 'declare' | 'local' | 'readonly' | 'prefix' | 'env';

export interface ShellAssignment {
  readonly name: string;
  readonly nameStart: number;
  readonly nameEnd: number;
  /** Undefined for `export X` / `declare -x X` without a value. */
  readonly value: ShellWord | undefined;
  readonly via: AssignmentVia;
  /** Visible to child processes (`export`, `declare -x`, prefix or `env` assignments). */
  readonly exported: boolean;
  readonly start: number;
}

export interface ShellCommand {
  /** The command as written, wrappers included: `[sudo, -u, ec2-user, aws, configure]`. */
  readonly argv: readonly ShellWord[];
  /** argv after wrappers (`sudo`, `env`, `nohup`, `time`, `timeout 5` …): `[aws, configure]`. */
  readonly effective: readonly ShellWord[];
  /** Prefix assignments (`X=1 cmd`) and `env X=1 cmd` / `sudo X=1 cmd` assignments. */
  readonly assignments: readonly ShellAssignment[];
  /** Redirections of the statement this command is the body of (or the last stage of). */
  readonly redirects: readonly ShellRedirect[];
  /** The command before it in a pipeline (`echo … | aws configure`). */
  readonly upstream: ShellCommand | undefined;
  readonly start: number;
  readonly end: number;
  /** 0 for the document's own commands; 1+ inside `bash -c '…'`, `su -c "…"`, a heredoc fed to a shell. */
  readonly nesting: number;
}

export interface ShellScript {
  readonly commands: readonly ShellCommand[];
  readonly assignments: readonly ShellAssignment[];
  /** Writes by compound statements (`{ echo a; echo b; } > f`), whose content is the statement's text. */
  readonly statementWrites: readonly FileWrite[];
  /** True when tree-sitter had to recover from syntax errors somewhere. */
  readonly hasErrors: boolean;
  /** True when a parse ran out of its time budget: part of the script has no commands. */
  readonly incomplete?: boolean;
}

export interface FileWrite {
  /** The written path as a word (its `loose` text is what patterns should match). */
  readonly target: ShellWord;
  /** What is written when it can be seen (echo/printf arguments, a heredoc body); undefined for copies. */
  readonly content: string | undefined;
  readonly via: 'redirect' | 'tee' | 'copy';
  readonly command: ShellCommand | undefined;
}

const MAX_NESTING = 3;
const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh', 'ash', 'mksh', 'busybox']);

// ---------------------------------------------------------------------------------------
// Document gate and cache

const cache = new WeakMap<SourceDocument, ShellScript | null>();

/**
 * Whether a document holds a POSIX shell script: `shell` documents, shell-script user data
 * (not MIME multipart, `#cloud-config` or Windows blocks) and `#cloud-boothook` payloads.
 */
export function isShellDocument(doc: SourceDocument): boolean {
  if (doc.kind === 'shell') return doc.language !== 'powershell' && doc.language !== 'cmd';
  if (doc.kind === 'user-data') {
    if (windowsScriptLanguage(doc)) return false;
    const format = userDataFormat(doc.text);
    return format === 'shell' || format === 'boothook';
  }
  if (doc.kind === 'cloud-init') return userDataFormat(doc.text) === 'boothook';
  return false;
}

/** The parsed model of a shell document, computed once per document; undefined when it is not shell. */
export function shellScript(doc: SourceDocument): ShellScript | undefined {
  const cached = cache.get(doc);
  if (cached !== undefined) return cached ?? undefined;
  const script = isShellDocument(doc) ? scriptOfText(doc.text) : null;
  if (script?.incomplete) reportIncomplete(doc, 'the shell parser ran out of its time budget');
  cache.set(doc, script);
  return script ?? undefined;
}

/**
 * The same script text is often two documents: the user data a bootstrap analysis reads from
 * the template's graph (src/iac/bootstrap.ts) and the virtual document the extractors make of
 * it for the other rules. The model depends on the text alone (offsets are into it; nobody
 * mutates it), so recent texts share one parse. Bounded: the most recently used texts up to
 * SCRIPT_CACHE_CHARS in all (a model is ~10-30x its text), one text at most a quarter of it;
 * the documents of one host file are read close together, so a small window finds them.
 */
const SCRIPT_CACHE_CHARS = 256 * 1024;
const scriptsByText = new Map<string, ShellScript>();
let scriptCacheChars = 0;

function scriptOfText(text: string): ShellScript {
  const hit = scriptsByText.get(text);
  if (hit) {
    // Most recently used last.
    scriptsByText.delete(text);
    scriptsByText.set(text, hit);
    return hit;
  }
  const script = parseShell(text);
  if (text.length > SCRIPT_CACHE_CHARS / 4) return script;
  scriptsByText.set(text, script);
  scriptCacheChars += text.length;
  for (const oldest of scriptsByText.keys()) {
    if (scriptCacheChars <= SCRIPT_CACHE_CHARS) break;
    scriptsByText.delete(oldest);
    scriptCacheChars -= oldest.length;
  }
  return script;
}

/** Parses shell source into the model; never throws for bad input. */
export function parseShell(text: string): ShellScript {
  const source = neutralizeTemplateInterpolations(text);
  const builder = new ModelBuilder(source);
  builder.parseRange(source, 0, 0);
  return builder.finish();
}

/**
 * User data is often a template (Terraform `templatefile`, heredocs with `${var.x}`,
 * `${lookup(m, "k")}`): those interpolations are not valid bash, and tree-sitter's error
 * recovery would swallow the statements around them. Rewrites each to a same-length bash
 * expansion (`${var.key}` → `${var_key}`) so every offset stays exact and the value reads as
 * an expansion of a variable the script never assigns — which is what it is.
 */
export function neutralizeTemplateInterpolations(text: string): string {
  let out = text;
  if (out.includes('${')) out = out.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*[.(][^{}$`\n]*)\}/g, (_m, inner: string) => `\${${inner.replace(/[^A-Za-z0-9_]/g, '_')}}`);
  return neutralizeTemplateEngines(out);
}

/**
 * Jinja/Mustache/Handlebars `{{ x }}` and ERB `<%= x %>` placeholders become same-length
 * expansions of an unassigned variable (`${______}`); `{% … %}` / `<% … %>` directives become
 * spaces. Offsets stay exact; a placeholder never reads as a literal value.
 */
function neutralizeTemplateEngines(text: string): string {
  if (!text.includes('{{') && !text.includes('{%') && !text.includes('<%')) return text;
  return text
    .replace(/\{\{[^{}\n]{1,200}\}\}|<%=[^%\n]{1,200}%>/g, (m) => `\${${'_'.repeat(m.length - 3)}}`)
    .replace(/\{%[^%\n]{0,400}%\}|<%[^%\n]{0,400}%>/g, (m) => ' '.repeat(m.length));
}

// ---------------------------------------------------------------------------------------
// Words

function unescapeWord(raw: string): string {
  return raw.replace(/\\(.)/gs, (_m, c: string) => (c === '\n' ? '' : c));
}

function unescapeDoubleQuoted(raw: string): string {
  return raw.replace(/\\([$`"\\\n])/g, (_m, c: string) => (c === '\n' ? '' : c));
}

function decodeAnsiC(raw: string): string {
  const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"' };
  return raw.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/g, (_m, c: string) => {
    if (c.startsWith('x')) return String.fromCharCode(parseInt(c.slice(1), 16));
    if (/^[0-7]+$/.test(c)) return String.fromCharCode(parseInt(c, 8));
    return map[c] ?? c;
  });
}

/** Shared by every literal word (most words): one allocation less each, and nobody mutates them. */
const NO_VARIABLES: readonly string[] = Object.freeze([]);
const NO_SUBSTITUTIONS: readonly ShellSubstitution[] = Object.freeze([]);

/**
 * A `word`/`number` node: no children to visit. This is the vast majority of words, so it is
 * built from the raw text alone (no Node object, no WASM call) and avoids regexes when it can.
 */
function plainWord(raw: string, start: number): ShellWord {
  return {
    text: raw,
    start,
    end: start + raw.length,
    value: raw.includes('\\') ? unescapeWord(raw) : raw,
    loose: raw.includes('"') || raw.includes("'") ? raw.replace(/["']/g, '') : raw,
    kind: 'literal',
    variables: NO_VARIABLES,
    substitutions: NO_SUBSTITUTIONS,
    contentStart: start,
    contentEnd: start + raw.length,
  };
}

// ---------------------------------------------------------------------------------------
// Reading the tree
//
// Cost model (web-tree-sitter 0.25): every TreeCursor or Node accessor marshals the cursor
// into WASM memory and back (four generic setValue/getValue calls around the WASM call, a
// few hundred ns), and a Node object is an allocation on top; `parent` even searches down
// from the root. So the walk uses one TreeCursor and reads only type ids, ranges and moves:
// text is sliced from the source string, children are classified by type instead of by
// field name, and no Node object is created. Words and strings without a substitution are
// read from their source text without visiting their children at all.

/** Type names and named-ness by type id for the bash grammar, read once. */
interface TypeTables {
  readonly types: readonly string[];
  readonly named: readonly boolean[];
  /** Field ids of `name` and `value` (variable_assignment). */
  readonly nameField: number;
  readonly valueField: number;
}

let typeTables: TypeTables | undefined;

function bashTypes(): TypeTables {
  if (typeTables) return typeTables;
  const language = getParser('bash').language;
  const types = language ? language.types : [];
  const named = types.map((_t, id) => (language ? language.nodeTypeIsNamed(id) : true));
  const fields = language ? language.fields : [];
  typeTables = { types, named, nameField: fields.indexOf('name'), valueField: fields.indexOf('value') };
  return typeTables;
}

/** tree-sitter's id for ERROR nodes (not in the language's type table). */
const ERROR_TYPE_ID = 65535;

function typeName(tables: TypeTables, id: number): string {
  return id === ERROR_TYPE_ID ? 'ERROR' : (tables.types[id] ?? 'ERROR');
}

function isNamedType(tables: TypeTables, id: number): boolean {
  return id === ERROR_TYPE_ID || (tables.named[id] ?? true);
}

/** One parse: its source, where it sits in the document and where substitutions start. */
interface ParseContext {
  readonly source: string;
  readonly base: number;
  readonly nesting: number;
  readonly tables: TypeTables;
  /** Sorted offsets (in `source`) of `$(`, backticks, `<(` and `>(`: the only ways a word holds a command. */
  readonly marks: readonly number[];
}

const SUBSTITUTION_MARK = /\$\(|`|[<>]\(/g;

function substitutionMarks(source: string): number[] {
  const out: number[] = [];
  SUBSTITUTION_MARK.lastIndex = 0;
  for (let m = SUBSTITUTION_MARK.exec(source); m; m = SUBSTITUTION_MARK.exec(source)) out.push(m.index);
  return out;
}

/** Whether `[start, end)` of the parsed source can hold a command (a substitution starts inside). */
function holdsSubstitution(ctx: ParseContext, start: number, end: number): boolean {
  const marks = ctx.marks;
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((marks[mid] as number) < start) lo = mid + 1;
    else hi = mid;
  }
  return lo < marks.length && (marks[lo] as number) < end;
}

/** A word's text without its quote characters (a copy only when it has quotes). */
function looseText(raw: string): string {
  return raw.includes('"') || raw.includes("'") ? raw.replace(/["']/g, '') : raw;
}

/** What reading a word collects besides its value. */
interface WordScan {
  readonly variables: string[];
  readonly substitutions: ShellSubstitution[];
  /** An expansion, substitution or arithmetic part: the value is not static. */
  dynamic: boolean;
  substituted: boolean;
}

/**
 * Builds the ShellWord under the cursor (left where it was). `type` is the node's type,
 * already read by the caller.
 */
function readWord(cursor: TreeCursor, ctx: ParseContext, type: string): ShellWord {
  const s = cursor.startIndex;
  const e = cursor.endIndex;
  const raw = ctx.source.slice(s, e);
  if (type === 'word' || type === 'number') return plainWord(raw, s + ctx.base);
  const base = ctx.base;
  const quoted = type === 'raw_string' || type === 'string';
  // `$'…'` (ANSI-C) and `$"…"` (translated): the content starts after the `$` and the quote.
  const dollarQuoted = (type === 'ansi_c_string' || type === 'translated_string') && raw.length >= 3;
  const contentStart = s + base + (dollarQuoted ? 2 : quoted ? 1 : 0);
  const contentEnd = e + base - ((quoted && raw.length >= 2) || dollarQuoted ? 1 : 0);
  // A double-quoted string without `$`, backtick or backslash is its content: no child to visit.
  if (type === 'string' && raw.length >= 2 && !/[$`\\]/.test(raw)) {
    const content = raw.slice(1, -1);
    return { text: raw, start: s + base, end: e + base, value: content, get loose() { return looseText(raw); }, kind: 'literal', variables: NO_VARIABLES, substitutions: NO_SUBSTITUTIONS, contentStart, contentEnd };
  }
  const scan: WordScan = { variables: [], substitutions: [], dynamic: false, substituted: false };
  const parsed = staticValueAt(cursor, ctx, type, s, e, scan);
  const value = scan.dynamic ? undefined : parsed;
  return {
    text: raw,
    start: s + base,
    end: e + base,
    value,
    // Computed on use, not stored: `raw` is a slice sharing the source's memory, a quote-free
    // copy is not. Stored, every enclosing word of a nested `"$(echo "$(…)")"` held its own
    // copy: quadratic memory (100 KB of nesting ran V8 out of heap and lost the whole report).
    get loose() {
      return looseText(raw);
    },
    kind: scan.substituted ? 'command-substitution' : value === undefined ? 'expansion' : 'literal',
    variables: scan.variables,
    substitutions: scan.substitutions,
    contentStart,
    contentEnd,
  };
}

/**
 * The static value of the node under the cursor, or undefined when any part is dynamic; records
 * expanded variables and command substitutions in `scan` on the way (every part is scanned,
 * even after the value is known to be dynamic). Leaves the cursor where it was.
 */
function staticValueAt(cursor: TreeCursor, ctx: ParseContext, type: string, s: number, e: number, scan: WordScan): string | undefined {
  const source = ctx.source;
  switch (type) {
    case 'simple_expansion':
    case 'expansion': {
      scan.dynamic = true;
      let named = false;
      forEachNamedChild(cursor, ctx, (childType, cs, ce) => {
        if (!named && (childType === 'variable_name' || childType === 'special_variable_name')) {
          scan.variables.push(source.slice(cs, ce));
          named = true;
        } else staticValueAt(cursor, ctx, childType, cs, ce, scan);
      });
      return undefined;
    }
    case 'command_substitution':
    case 'process_substitution': {
      scan.dynamic = true;
      scan.substituted = true;
      const raw = source.slice(s, e);
      const open = raw.startsWith('$(') || raw.startsWith('<(') || raw.startsWith('>(') ? 2 : 1;
      scan.substitutions.push({ text: raw.slice(open, -1), start: s + ctx.base + open, end: e + ctx.base - 1 });
      return undefined;
    }
    case 'arithmetic_expansion':
      scan.dynamic = true;
      return undefined;
    case 'raw_string':
      return source.slice(s + 1, e - 1);
    case 'ansi_c_string':
      return decodeAnsiC(source.slice(s + 2, e - 1));
    case 'word':
    case 'number':
    case 'command_name':
    case 'concatenation':
      return partsValueAt(cursor, ctx, s, e, scan);
    case 'string':
    case 'translated_string': {
      let out: string | undefined = '';
      forEachNamedChild(cursor, ctx, (childType, cs, ce) => {
        if (childType === 'string_content') {
          if (out !== undefined) out += unescapeDoubleQuoted(source.slice(cs, ce));
          return;
        }
        const inner = staticValueAt(cursor, ctx, childType, cs, ce, scan);
        if (childType === 'string' && inner !== undefined) {
          if (out !== undefined) out += inner;
        } else out = undefined;
      });
      return out;
    }
    default:
      // Anything else (brace expressions, arrays, …) has no static value; still collect its variables.
      forEachNamedChild(cursor, ctx, (childType, cs, ce) => void staticValueAt(cursor, ctx, childType, cs, ce, scan));
      return undefined;
  }
}

/** A concatenation's value: its named parts, and the raw text between them (unescaped). */
function partsValueAt(cursor: TreeCursor, ctx: ParseContext, s: number, e: number, scan: WordScan): string | undefined {
  const source = ctx.source;
  let out: string | undefined = '';
  let at = s;
  forEachNamedChild(cursor, ctx, (childType, cs, ce) => {
    const v = staticValueAt(cursor, ctx, childType, cs, ce, scan);
    if (out === undefined) return;
    if (cs > at) out += unescapeWord(source.slice(at, cs));
    if (v === undefined) out = undefined;
    else out += v;
    at = ce;
  });
  if (out !== undefined && at < e) out += unescapeWord(source.slice(at, e));
  return out;
}

/** Calls `visit` with the cursor on each named child of the cursor's node; restores the cursor. */
function forEachNamedChild(cursor: TreeCursor, ctx: ParseContext, visit: (type: string, start: number, end: number) => void): void {
  if (!cursor.gotoFirstChild()) return;
  do {
    const id = cursor.nodeTypeId;
    if (!isNamedType(ctx.tables, id)) continue;
    visit(typeName(ctx.tables, id), cursor.startIndex, cursor.endIndex);
  } while (cursor.gotoNextSibling());
  cursor.gotoParent();
}

// ---------------------------------------------------------------------------------------
// Wrappers: commands that run another command with its arguments.

/** Options taking a value, per wrapper. */
const WRAPPER_VALUE_OPTIONS: Record<string, ReadonlySet<string>> = {
  sudo: new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-T', '-U', '--user', '--group', '--close-from', '--chdir', '--host', '--prompt', '--role', '--type', '--command-timeout', '--other-user']),
  doas: new Set(['-u', '-C']),
  env: new Set(['-u', '--unset', '-C', '--chdir', '-S', '--split-string']),
  nice: new Set(['-n', '--adjustment']),
  ionice: new Set(['-c', '-n', '-p', '--class', '--classdata']),
  stdbuf: new Set(['-i', '-o', '-e']),
  timeout: new Set(['-s', '--signal', '-k', '--kill-after']),
  runuser: new Set(['-u', '--user', '-g', '--group', '-G', '--supp-group', '-s', '--shell', '-w', '--whitelist-environment']),
  exec: new Set(['-a']),
  chroot: new Set(['--userspec', '--groups']),
  setpriv: new Set([]),
  nohup: new Set([]),
  time: new Set(['-f', '--format', '-o', '--output']),
  command: new Set([]),
  builtin: new Set([]),
  setsid: new Set([]),
  unbuffer: new Set([]),
  xargs: new Set(['-a', '-d', '-E', '-I', '-L', '-n', '-P', '-s', '--arg-file', '--delimiter', '--max-args', '--max-procs', '--max-lines', '--max-chars']),
};

function baseCommandName(word: ShellWord | undefined): string | undefined {
  const value = word?.value;
  if (value === undefined) return undefined;
  const slash = value.lastIndexOf('/');
  return slash === -1 ? value : value.slice(slash + 1);
}

const ASSIGNMENT_WORD = /^([A-Za-z_][A-Za-z0-9_]*)=/;

function assignmentFromWord(word: ShellWord, via: AssignmentVia): ShellAssignment | undefined {
  const m = ASSIGNMENT_WORD.exec(word.loose);
  if (!m) return undefined;
  const name = m[1] as string;
  // Locate the name in the raw text (it may sit after an opening quote: `"X=1"`).
  const at = word.text.indexOf(name);
  const nameStart = word.start + Math.max(0, at);
  const valueStart = nameStart + name.length + 1;
  const rawValue = word.text.slice(valueStart - word.start);
  const valueText = rawValue.replace(/^["']|["']$/g, '');
  const value: ShellWord = {
    text: rawValue,
    start: valueStart,
    end: word.end,
    value: word.value === undefined ? undefined : word.value.slice(name.length + 1),
    loose: valueText,
    kind: word.kind,
    variables: word.variables,
    substitutions: word.substitutions,
    contentStart: valueStart + (/^["']/.test(rawValue) ? 1 : 0),
    contentEnd: word.end - (/["']$/.test(rawValue) && rawValue.length > 1 ? 1 : 0),
  };
  return { name, nameStart, nameEnd: nameStart + name.length, value, via, exported: true, start: word.start };
}

/** Strips wrappers (`sudo -u x`, `env A=1`, `nohup`, `timeout 5s` …) off an argv; returns the rest and env assignments. */
export function unwrapCommand(argv: readonly ShellWord[]): { effective: ShellWord[]; assignments: ShellAssignment[] } {
  let words = [...argv];
  const assignments: ShellAssignment[] = [];
  for (let guard = 0; guard < 8 && words.length > 0; guard++) {
    const name = baseCommandName(words[0]);
    if (name === undefined || !(name in WRAPPER_VALUE_OPTIONS)) break;
    const valueOptions = WRAPPER_VALUE_OPTIONS[name] as ReadonlySet<string>;
    let i = 1;
    while (i < words.length) {
      const w = words[i] as ShellWord;
      const v = w.value ?? w.loose;
      if (v === '--') {
        i++;
        break;
      }
      if (name === 'env' || name === 'sudo' || name === 'doas') {
        const a = assignmentFromWord(w, 'env');
        if (a && !v.startsWith('-')) {
          assignments.push(a);
          i++;
          continue;
        }
      }
      if (!v.startsWith('-') || v === '-') break;
      if (valueOptions.has(v) || (/^-[a-zA-Z]$/.test(v) && valueOptions.has(v))) i += 2;
      else i++;
    }
    // `timeout 5s cmd`, `chroot /mnt cmd`, `nice 10 cmd` (obsolete form): one positional first.
    if ((name === 'timeout' || name === 'chroot') && i < words.length) i++;
    // `sudo -i` / `sudo -s` without a command, `sudo su - user`: nothing left to unwrap here.
    words = words.slice(i);
  }
  return { effective: words, assignments };
}

// ---------------------------------------------------------------------------------------
// The walk

/** Node types whose subtree can hold a command only through a substitution (`$(…)`, backticks, `<(…)`). */
const WORD_LEVEL = new Set([
  'number', 'string', 'translated_string', 'concatenation', 'simple_expansion', 'expansion', 'command_name',
  'file_redirect', 'herestring_redirect', 'heredoc_body', 'arithmetic_expansion', 'array', 'subscript',
  'brace_expression', 'test_command', 'unary_expression', 'binary_expression', 'ternary_expression',
  'postfix_expression', 'parenthesized_expression', 'command_substitution', 'process_substitution',
]);
/** Node types that never have children worth visiting. */
const LEAVES = new Set([
  'word', 'raw_string', 'ansi_c_string', 'string_content', 'variable_name', 'special_variable_name', 'file_descriptor',
  'heredoc_start', 'heredoc_end', 'heredoc_content', 'comment', 'test_operator', 'regex', 'extglob_pattern',
]);
/** Types a command's argument can have (tree-sitter-bash `_literal` and `regex`). */
const ARGUMENT_TYPES = new Set([
  'word', 'number', 'string', 'raw_string', 'translated_string', 'ansi_c_string', 'concatenation', 'expansion',
  'simple_expansion', 'command_substitution', 'process_substitution', 'arithmetic_expansion', 'brace_expression', 'regex',
]);
/** A command name that is one plain word: no quote, expansion, escape or glob character. */
const PLAIN_NAME = /^[A-Za-z0-9_./:+@%,-]+$/;
/** A word that is only a variable expansion: `$CMD`, `${CMD}`, `"$CMD"`. */
const VARIABLE_WORD = /^"?\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?"?$/;
/** Anonymous tokens tree-sitter-bash keeps as arguments (`test a == b`, a bare `$`). */
const ARGUMENT_TOKENS = new Set(['==', '=~', '$']);

/** A document range: a pipeline stage, or the body of a statement with a heredoc. */
interface Range {
  readonly start: number;
  readonly end: number;
}

class ModelBuilder {
  private readonly commands: ShellCommand[] = [];
  private readonly assignments: ShellAssignment[] = [];
  private readonly statementWrites: FileWrite[] = [];
  private hasErrors = false;
  /**
   * Per parse, filled in pre-order before the commands they concern are built (document offsets):
   * the redirections of a `redirected_statement` by its body command's start, and the range
   * feeding a pipeline stage (the previous stage, or the command owning a heredoc piped on)
   * by the stage's start.
   */
  private statementRedirects = new Map<number, ShellRedirect[]>();
  private upstreamRanges = new Map<number, Range>();
  /** Starts of the nested scripts already parsed (document offsets). */
  private readonly parsedRanges = new Set<number>();

  /** One budget for the whole script, nested parses included (see engine/budget.ts). */
  private readonly deadline: number;
  private incomplete = false;

  constructor(private readonly text: string) {
    this.deadline = performance.now() + parseBudgetMs(text.length);
  }

  finish(): ShellScript {
    this.commands.sort((a, b) => a.start - b.start);
    this.assignments.sort((a, b) => a.start - b.start);
    return { commands: this.commands, assignments: this.assignments, statementWrites: this.statementWrites, hasErrors: this.hasErrors, ...(this.incomplete ? { incomplete: true } : {}) };
  }

  /** Parses `source` (located at document offset `base`) and adds its commands. */
  parseRange(source: string, base: number, nesting: number): void {
    let tree;
    try {
      const parsed = parseWithBudget('bash', source, this.deadline);
      if (parsed.timedOut) {
        this.incomplete = true;
        this.hasErrors = true;
        return;
      }
      tree = parsed.tree;
    } catch {
      this.hasErrors = true;
      return;
    }
    if (!tree) {
      this.hasErrors = true;
      return;
    }
    const saved = [this.statementRedirects, this.upstreamRanges] as const;
    this.statementRedirects = new Map();
    this.upstreamRanges = new Map();
    try {
      const root = tree.rootNode;
      if (root.hasError) this.hasErrors = true;
      this.walk(root.walk(), { source, base, nesting, tables: bashTypes(), marks: substitutionMarks(source) });
    } finally {
      [this.statementRedirects, this.upstreamRanges] = saved;
      tree.delete();
    }
  }

  /**
   * Pre-order walk with one cursor. Commands, declarations and assignments are read where the
   * cursor meets them, then their subtree is skipped unless a substitution inside can hold
   * another command; words and other word-level nodes are skipped on the same condition. A
   * pipeline's earlier stage is always met before a later one, so links are resolved as
   * commands are built.
   */
  private walk(cursor: TreeCursor, ctx: ParseContext): void {
    const tables = ctx.tables;
    // Types of the nodes on the path from the root to the cursor (excluding the cursor's own).
    const path: string[] = [];
    try {
      for (;;) {
        const id = cursor.nodeTypeId;
        let descend = false;
        if (isNamedType(tables, id)) {
          const type = typeName(tables, id);
          const parentType = path[path.length - 1];
          switch (type) {
            case 'command': {
              // Its words were read; only a substitution (or an error-recovered child such as
              // a subshell in `f(a b)`) can hold another command.
              const read = this.command(cursor, ctx, parentType, path[path.length - 2]);
              descend = read.irregular || holdsSubstitution(ctx, read.start, read.end);
              break;
            }
            case 'declaration_command':
              this.declaration(cursor, ctx);
              descend = true;
              break;
            case 'variable_assignment':
              // Prefix and declaration assignments are read with their command; bare ones here.
              if (parentType !== 'command' && parentType !== 'declaration_command' && parentType !== 'variable_assignments') {
                this.assignment(cursor, ctx, 'assignment', false);
              }
              descend = true;
              break;
            case 'variable_assignments':
              forEachNamedChild(cursor, ctx, (childType) => {
                if (childType === 'variable_assignment') this.assignment(cursor, ctx, 'assignment', false);
              });
              descend = true;
              break;
            case 'redirected_statement':
              this.statement(cursor, ctx);
              descend = true;
              break;
            case 'pipeline':
              this.pipeline(cursor, ctx);
              descend = true;
              break;
            default:
              if (LEAVES.has(type)) descend = false;
              else if (WORD_LEVEL.has(type)) descend = holdsSubstitution(ctx, cursor.startIndex, cursor.endIndex);
              else descend = true;
          }
          if (descend && cursor.gotoFirstChild()) {
            path.push(type);
            continue;
          }
        }
        let more = false;
        while (!(more = cursor.gotoNextSibling())) {
          if (!cursor.gotoParent()) break;
          path.pop();
        }
        if (!more) break;
      }
    } finally {
      cursor.delete();
    }
  }

  /** `{ …; } > f` writes the block's output; a command's own statement redirects wait for it. */
  private statement(cursor: TreeCursor, ctx: ParseContext): void {
    let body: (Range & { type: string }) | undefined;
    const redirects: ShellRedirect[] = [];
    if (cursor.gotoFirstChild()) {
      do {
        const id = cursor.nodeTypeId;
        if (!isNamedType(ctx.tables, id)) continue;
        const type = typeName(ctx.tables, id);
        if (type.endsWith('_redirect')) redirects.push(...this.redirect(cursor, ctx, type, body));
        else if (!body && type !== 'comment') body = { type, start: cursor.startIndex, end: cursor.endIndex };
      } while (cursor.gotoNextSibling());
      cursor.gotoParent();
    }
    if (!body) return;
    if (body.type === 'command') {
      this.statementRedirects.set(body.start + ctx.base, redirects);
      return;
    }
    for (const redirect of redirects) {
      if (redirect.target && isWriteOperator(redirect.operator)) {
        this.statementWrites.push({ target: redirect.target, content: ctx.source.slice(body.start, body.end), via: 'redirect', command: undefined });
      }
    }
  }

  /** Records which stage feeds which. */
  private pipeline(cursor: TreeCursor, ctx: ParseContext): void {
    let previous: Range | undefined;
    forEachNamedChild(cursor, ctx, (type, start, end) => {
      if (type === 'comment') return;
      const stage = { start: start + ctx.base, end: end + ctx.base };
      if (previous) this.upstreamRanges.set(stage.start, previous);
      previous = stage;
    });
  }

  private declaration(cursor: TreeCursor, ctx: ParseContext): void {
    if (!cursor.gotoFirstChild()) return;
    // The keyword is the first child; `-x` (or `-rx` …) among the options exports.
    const keyword = ctx.source.slice(cursor.startIndex, cursor.endIndex);
    cursor.gotoParent();
    let via: AssignmentVia = 'declare';
    let exported = false;
    if (keyword === 'export') {
      via = 'export';
      exported = true;
    } else if (keyword === 'local') via = 'local';
    else if (keyword === 'readonly') via = 'readonly';
    forEachNamedChild(cursor, ctx, (type, start, end) => {
      if (type === 'word' && /^-[a-zA-Z]*x/.test(ctx.source.slice(start, end))) exported = true;
    });
    forEachNamedChild(cursor, ctx, (type, start, end) => {
      if (type === 'variable_assignment') this.assignment(cursor, ctx, via, exported);
      else if (type === 'variable_name') {
        const at = start + ctx.base;
        this.assignments.push({ name: ctx.source.slice(start, end), nameStart: at, nameEnd: end + ctx.base, value: undefined, via, exported, start: at });
      }
    });
  }

  /** The `variable_assignment` under the cursor: `name=value`, `name+=value`, `name[i]=value`. */
  private assignment(cursor: TreeCursor, ctx: ParseContext, via: AssignmentVia, exported: boolean): ShellAssignment | undefined {
    const start = cursor.startIndex;
    let name: string | undefined;
    let nameStart = 0;
    let value: ShellWord | undefined;
    if (cursor.gotoFirstChild()) {
      do {
        // By field: error recovery can put an ERROR node between the name and the value.
        const field = cursor.currentFieldId;
        if (field === ctx.tables.nameField && name === undefined) {
          nameStart = cursor.startIndex;
          if (typeName(ctx.tables, cursor.nodeTypeId) === 'subscript' && cursor.gotoFirstChild()) {
            // `X[0]=…` names the array: its first child is the variable name.
            name = ctx.source.slice(cursor.startIndex, cursor.endIndex);
            cursor.gotoParent();
          } else name = ctx.source.slice(nameStart, cursor.endIndex);
        } else if (field === ctx.tables.valueField && value === undefined) {
          value = readWord(cursor, ctx, typeName(ctx.tables, cursor.nodeTypeId));
        }
      } while (cursor.gotoNextSibling());
      cursor.gotoParent();
    }
    if (name === undefined) return undefined;
    const a: ShellAssignment = {
      name,
      nameStart: nameStart + ctx.base,
      nameEnd: nameStart + ctx.base + name.length,
      value,
      via,
      exported,
      start: start + ctx.base,
    };
    this.assignments.push(a);
    return a;
  }

  /**
   * Builds the command under the cursor (left where it was found); returns its range in the
   * parsed source and whether it has a child that is not a word, assignment or redirect.
   */
  private command(cursor: TreeCursor, ctx: ParseContext, parentType: string | undefined, grandparentType: string | undefined): Range & { irregular: boolean } {
    const { base, nesting, source, tables } = ctx;
    const startIndex = cursor.startIndex;
    const endIndex = cursor.endIndex;
    const start = startIndex + base;
    const argv: ShellWord[] = [];
    const prefix: ShellAssignment[] = [];
    const redirects: ShellRedirect[] = [];
    let irregular = false;
    if (cursor.gotoFirstChild()) {
      do {
        const id = cursor.nodeTypeId;
        const type = typeName(tables, id);
        if (!isNamedType(tables, id)) {
          if (ARGUMENT_TOKENS.has(type)) argv.push(plainWord(source.slice(cursor.startIndex, cursor.endIndex), cursor.startIndex + base));
        } else if (type === 'word') {
          argv.push(plainWord(source.slice(cursor.startIndex, cursor.endIndex), cursor.startIndex + base));
        } else if (type === 'command_name') {
          // command_name wraps one word (or a string): a name of plain characters is that word,
          // read from the source without visiting the child.
          const s = cursor.startIndex;
          const e = cursor.endIndex;
          const raw = source.slice(s, e);
          argv.push(PLAIN_NAME.test(raw) ? plainWord(raw, s + base) : readWord(cursor, ctx, type));
        } else if (type === 'variable_assignment') {
          const a = this.assignment(cursor, ctx, 'prefix', true);
          if (a) prefix.push(a);
        } else if (type.endsWith('_redirect')) {
          redirects.push(...this.redirect(cursor, ctx, type, undefined));
        } else if (ARGUMENT_TYPES.has(type)) {
          argv.push(readWord(cursor, ctx, type));
        } else if (type !== 'comment') irregular = true;
      } while (cursor.gotoNextSibling());
      cursor.gotoParent();
    }
    // Redirections written after the command belong to the enclosing redirected_statement.
    if (parentType === 'redirected_statement') {
      const statement = this.statementRedirects.get(start);
      if (statement) redirects.push(...statement);
    }
    const { effective, assignments } = unwrapCommand(argv);
    for (const a of assignments) this.assignments.push(a);
    // Only a pipeline stage (or one piped on after a heredoc) can have an upstream.
    const linked = (t: string | undefined) => t === 'pipeline' || t === 'heredoc_redirect';
    const inPipe = linked(parentType) || (parentType === 'redirected_statement' && linked(grandparentType));
    const feeding = inPipe ? this.upstreamRanges.get(start) : undefined;
    const command: ShellCommand = {
      argv,
      effective,
      assignments: [...prefix, ...assignments],
      redirects,
      upstream: feeding ? this.lastCommandIn(feeding, nesting) : undefined,
      start,
      end: endIndex + base,
      nesting,
    };
    this.commands.push(command);
    if (nesting < MAX_NESTING) this.nestedScripts(command, nesting);
    return { start: startIndex, end: endIndex, irregular };
  }

  /** The redirect under the cursor; `owner` is the statement body a heredoc belongs to. */
  private redirect(cursor: TreeCursor, ctx: ParseContext, type: string, owner: Range | undefined): ShellRedirect[] {
    const { base, source, tables } = ctx;
    const s = cursor.startIndex;
    const e = cursor.endIndex;
    const start = s + base;
    const end = e + base;
    if (type === 'heredoc_redirect') {
      let op: string | undefined;
      let delimiterRaw = '';
      let body: Range | undefined;
      let lastOperator: string | undefined;
      const nested: ShellRedirect[] = [];
      if (cursor.gotoFirstChild()) {
        do {
          const id = cursor.nodeTypeId;
          const childType = typeName(tables, id);
          if (!isNamedType(tables, id)) {
            op ??= source.slice(cursor.startIndex, cursor.endIndex);
            lastOperator = childType;
          } else if (childType === 'heredoc_start') delimiterRaw = source.slice(cursor.startIndex, cursor.endIndex);
          else if (childType === 'heredoc_body') body = { start: cursor.startIndex, end: cursor.endIndex };
          else if (childType.endsWith('_redirect')) {
            // tree-sitter-bash nests redirections written after the delimiter (`cat <<EOF > f`) here.
            nested.push(...this.redirect(cursor, ctx, childType, undefined));
          } else if (owner && childType === 'pipeline') {
            // `cat <<EOF | tee f`: tree-sitter-bash nests the rest of the pipeline here, as a
            // pipeline that opens with the pipe; the heredoc's command feeds its first stage.
            this.pipedFromHeredoc(cursor, ctx, owner);
          } else if (owner && childType !== 'heredoc_end' && childType !== 'comment' && (lastOperator === '|' || lastOperator === '|&')) {
            this.upstreamRanges.set(cursor.startIndex + base, { start: owner.start + base, end: owner.end + base });
          }
        } while (cursor.gotoNextSibling());
        cursor.gotoParent();
      }
      const heredoc: ShellHeredoc = {
        delimiter: delimiterRaw.replace(/["'\\]/g, ''),
        quoted: /["'\\]/.test(delimiterRaw),
        body: body ? source.slice(body.start, body.end) : '',
        bodyStart: (body ? body.start : e) + base,
        bodyEnd: (body ? body.end : e) + base,
      };
      return [{ operator: op ?? '<<', heredoc, start, end }, ...nested];
    }
    if (type === 'herestring_redirect') {
      let target: ShellWord | undefined;
      forEachNamedChild(cursor, ctx, (childType) => {
        if (childType !== 'comment' && childType !== 'ERROR') target ??= readWord(cursor, ctx, childType);
      });
      return [{ operator: '<<<', ...(target ? { target } : {}), start, end }];
    }
    if (type === 'file_redirect') {
      // `2> f` carries its descriptor as a named child: keep it so stderr redirects are not writes.
      let descriptor = '';
      let operator = '';
      let dest: ShellWord | undefined;
      if (cursor.gotoFirstChild()) {
        do {
          const id = cursor.nodeTypeId;
          const childType = typeName(tables, id);
          if (!isNamedType(tables, id)) operator += source.slice(cursor.startIndex, cursor.endIndex);
          else if (childType === 'file_descriptor') descriptor = source.slice(cursor.startIndex, cursor.endIndex);
          // The first word after the operator is the destination (tree-sitter's `destination` field).
          else if (!dest && childType !== 'comment' && childType !== 'ERROR') dest = readWord(cursor, ctx, childType);
        } while (cursor.gotoNextSibling());
        cursor.gotoParent();
      }
      return [{ operator: descriptor + operator || '>', ...(dest ? { target: dest } : {}), start, end }];
    }
    return [];
  }

  /** Links the first stage of a pipeline that opens with `|` (under the cursor) to the heredoc's command. */
  private pipedFromHeredoc(cursor: TreeCursor, ctx: ParseContext, owner: Range): void {
    if (!cursor.gotoFirstChild()) return;
    const id = cursor.nodeTypeId;
    const op = typeName(ctx.tables, id);
    if (!isNamedType(ctx.tables, id) && (op === '|' || op === '|&')) {
      while (cursor.gotoNextSibling()) {
        if (!isNamedType(ctx.tables, cursor.nodeTypeId)) continue;
        // A stage (or an inner pipeline `a | b`) starts where its first command does.
        this.upstreamRanges.set(cursor.startIndex + ctx.base, { start: owner.start + ctx.base, end: owner.end + ctx.base });
        break;
      }
    }
    cursor.gotoParent();
  }

  /**
   * The last command at the top of `range` in this parse, as tree-sitter-bash nests it: the
   * stage itself, a statement's body, or the last command of a block. Commands are built in
   * pre-order, so the range's commands are the latest ones and a command nested in another
   * (`$(…)`) comes right after its container.
   */
  private lastCommandIn(range: Range, nesting: number): ShellCommand | undefined {
    let first = this.commands.length;
    for (let i = this.commands.length - 1; i >= 0; i--) {
      const c = this.commands[i] as ShellCommand;
      if (c.nesting !== nesting) continue;
      if (c.start < range.start) break;
      first = i;
    }
    let top: ShellCommand | undefined;
    for (let i = first; i < this.commands.length; i++) {
      const c = this.commands[i] as ShellCommand;
      if (c.nesting !== nesting || c.start >= range.end) continue;
      if (!top || c.start >= top.end) top = c;
    }
    return top;
  }

  /**
   * `bash -c '…'`, `su - u -c "…"`, `sudo -u u bash <<'EOF'`, and a command kept in a variable
   * and run (`CMD='curl …'; $CMD`, `$($CMD)`, `eval "$CMD"`): parse the inner script too. Each
   * range is parsed once, however often it runs.
   */
  private nestedScripts(command: ShellCommand, nesting: number): void {
    const inner = innerScripts(command);
    const stored = this.storedCommand(command);
    if (stored) inner.push(stored);
    for (const range of inner) {
      if (this.parsedRanges.has(range.start)) continue;
      this.parsedRanges.add(range.start);
      this.parseRange(this.text.slice(range.start, range.end), range.start, nesting + 1);
    }
  }

  /** The quoted value of the variable a command runs (`$CMD args`, `eval "$CMD"`), as a document range. */
  private storedCommand(command: ShellCommand): Range | undefined {
    const words = command.effective;
    const first = words[0];
    if (!first) return undefined;
    const runs = baseCommandName(first) === 'eval' && words.length === 2 ? words[1] : first;
    const name = runs ? VARIABLE_WORD.exec(runs.text)?.[1] : undefined;
    if (!name) return undefined;
    for (let i = this.assignments.length - 1; i >= 0; i--) {
      const a = this.assignments[i] as ShellAssignment;
      if (a.name !== name || a.start >= command.start) continue;
      const value = a.value;
      // Only a quoted string maps one to one onto script text (`X=(a b)` arrays and bare words do not).
      if (!value || !/^(["']).*\1$/s.test(value.text) || value.contentEnd <= value.contentStart) return undefined;
      return { start: value.contentStart, end: value.contentEnd };
    }
    return undefined;
  }
}

/** Ranges of scripts a command runs in a nested shell, as document offsets. */
export function innerScripts(command: ShellCommand): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const words = command.effective;
  const name = baseCommandName(words[0]);
  const stringRange = (w: ShellWord | undefined) => {
    if (!w) return;
    // Only quoted strings or plain words map one to one; the inner source is the text between quotes.
    out.push({ start: w.contentStart, end: w.contentEnd });
  };
  const heredocRange = () => {
    for (const r of command.redirects) if (r.heredoc) out.push({ start: r.heredoc.bodyStart, end: r.heredoc.bodyEnd });
    for (const r of command.redirects) if (r.operator === '<<<' && r.target) stringRange(r.target);
  };
  if (name === undefined) {
    // `sudo -i <<EOF` / `sudo -s <<EOF`: everything was options; the shell reads stdin.
    if (command.argv.length > 0 && baseCommandName(command.argv[0]) === 'sudo') heredocRange();
    return out;
  }
  if (SHELLS.has(name)) {
    let sawC = false;
    let i = 1;
    for (; i < words.length; i++) {
      const v = words[i]?.value ?? '';
      if (v === '-o' || v === '+o' || v === '-O' || v === '+O') {
        i++;
        continue;
      }
      if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(v)) {
        sawC = true;
        continue;
      }
      if (v.startsWith('-') || v.startsWith('+')) continue;
      break;
    }
    if (sawC) stringRange(words[i]);
    else if (i >= words.length || words[i]?.value === '-s') heredocRange();
    return out;
  }
  if (name === 'su' || name === 'runuser') {
    let found = false;
    for (let i = 1; i < words.length; i++) {
      const v = words[i]?.value ?? '';
      if (v === '-c' || v === '--command' || v === '--session-command') {
        stringRange(words[i + 1]);
        found = true;
        break;
      }
      if (v.startsWith('--command=')) {
        const w = words[i] as ShellWord;
        const at = w.text.indexOf('=') + 1;
        const quote = /^["']/.test(w.text.slice(at)) ? 1 : 0;
        out.push({ start: w.start + at + quote, end: w.end - quote });
        found = true;
        break;
      }
    }
    if (!found) heredocRange();
    return out;
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Queries used by rules

/** The base name of a command word: `/usr/local/bin/aws` → `aws`. */
export function commandName(command: ShellCommand): string | undefined {
  return baseCommandName(command.effective[0]);
}

/** The text a command sends to stdin when it is visible: echo/printf arguments, a heredoc, a here-string. */
export function stdinTextOf(command: ShellCommand): string | undefined {
  for (const r of command.redirects) {
    if (r.heredoc) return r.heredoc.body;
    if (r.operator === '<<<' && r.target) return r.target.value ?? r.target.loose;
  }
  return undefined;
}

/** What a command writes to stdout when statically visible (echo/printf/cat heredoc). */
export function outputTextOf(command: ShellCommand): string | undefined {
  const name = commandName(command);
  if (name === 'echo' || name === 'printf') return command.effective.slice(1).map((w) => w.value ?? w.loose).join(' ');
  if (name === 'cat') return stdinTextOf(command);
  return undefined;
}

/** Whether the command gets input on stdin (pipe, heredoc, here-string or `< file`). */
export function hasStdinInput(command: ShellCommand): boolean {
  if (command.upstream) return true;
  return command.redirects.some(
    (r) => r.heredoc !== undefined || r.operator === '<<<' || (r.operator === '<' && r.target?.value !== '/dev/null'),
  );
}

const WRITE_OPERATORS = new Set(['>', '>>', '>|', '&>', '&>>']);

/** `>`, `>>`, `1>`, `&>` write stdout to a file; `2>` (stderr) and `>&2` do not write our content. */
function isWriteOperator(operator: string): boolean {
  const op = operator.startsWith('1') ? operator.slice(1) : operator;
  return WRITE_OPERATORS.has(op);
}
const COPY_COMMANDS = new Set(['cp', 'mv', 'install', 'ln', 'rsync', 'scp']);

/** Files a script writes, with the written content when visible. */
export function fileWrites(script: ShellScript): FileWrite[] {
  const out: FileWrite[] = [...script.statementWrites];
  for (const command of script.commands) {
    for (const r of command.redirects) {
      if (r.target && isWriteOperator(r.operator)) out.push({ target: r.target, content: outputTextOf(command), via: 'redirect', command });
    }
    const name = commandName(command);
    const args = command.effective.slice(1);
    if (name === 'tee') {
      const upstreamText = command.upstream ? outputTextOf(command.upstream) : undefined;
      const content = stdinTextOf(command) ?? upstreamText;
      for (const w of args) if (!(w.value ?? w.loose).startsWith('-')) out.push({ target: w, content, via: 'tee', command });
    } else if (name !== undefined && COPY_COMMANDS.has(name)) {
      const operands = args.filter((w) => !(w.value ?? w.loose).startsWith('-'));
      const last = operands.at(-1);
      if (operands.length >= 2 && last) out.push({ target: last, content: undefined, via: 'copy', command });
    } else if (name === 'aws' && args[0]?.value === 's3' && (args[1]?.value === 'cp' || args[1]?.value === 'mv')) {
      const operands = args.slice(2).filter((w) => !(w.value ?? w.loose).startsWith('-'));
      const last = operands.at(-1);
      if (operands.length >= 2 && last && !/^s3:\/\//.test(last.loose)) out.push({ target: last, content: undefined, via: 'copy', command });
    } else if (name === 'curl' || name === 'wget') {
      for (let i = 0; i < args.length; i++) {
        const v = args[i]?.value ?? '';
        if ((name === 'curl' && (v === '-o' || v === '--output')) || (name === 'wget' && (v === '-O' || v === '--output-document'))) {
          const t = args[i + 1];
          if (t && t.value !== '-') out.push({ target: t, content: undefined, via: 'copy', command });
        }
      }
    }
  }
  return out;
}

/** The last assignment of `name` before `offset` in the script, if any. */
export function assignmentBefore(script: ShellScript, name: string, offset: number): ShellAssignment | undefined {
  let found: ShellAssignment | undefined;
  for (const a of script.assignments) {
    if (a.start >= offset) break;
    if (a.name === name && a.value !== undefined) found = a;
  }
  return found;
}

// ---------------------------------------------------------------------------------------
// AWS CLI invocations

/** Global options of the AWS CLI that take a value (so they can be skipped before the service name). */
const AWS_GLOBAL_VALUE_OPTIONS = new Set([
  '--profile', '--region', '--output', '--endpoint-url', '--query', '--color', '--ca-bundle',
  '--cli-read-timeout', '--cli-connect-timeout', '--cli-binary-format', '--cli-auto-prompt',
]);

export interface AwsInvocation {
  /** The `aws` word. */
  readonly aws: ShellWord;
  /** `configure`, `s3`, `iam` … */
  readonly service: ShellWord | undefined;
  /** Words after the service with global options removed (the operation first). */
  readonly args: readonly ShellWord[];
  /** Value of `--profile` wherever it appears. */
  readonly profile: string | undefined;
}

/** Recognises `aws [global options] <service> …` (after wrappers). */
export function awsInvocation(command: ShellCommand): AwsInvocation | undefined {
  const words = command.effective;
  if (commandName(command) !== 'aws') return undefined;
  let profile: string | undefined;
  const rest: ShellWord[] = [];
  let service: ShellWord | undefined;
  for (let i = 1; i < words.length; i++) {
    const w = words[i] as ShellWord;
    const v = w.value ?? w.loose;
    if (AWS_GLOBAL_VALUE_OPTIONS.has(v)) {
      if (v === '--profile') profile = words[i + 1]?.value;
      i++;
      continue;
    }
    if (v.startsWith('--profile=')) {
      profile = v.slice('--profile='.length);
      continue;
    }
    if (v.startsWith('--') && /^--[a-z-]+=/.test(v) && AWS_GLOBAL_VALUE_OPTIONS.has(v.slice(0, v.indexOf('=')))) continue;
    if (!service) {
      if (v.startsWith('-')) continue; // --debug, --no-verify-ssl, --no-paginate …
      service = w;
      continue;
    }
    rest.push(w);
  }
  return { aws: words[0] as ShellWord, service, args: rest, profile };
}

// ---------------------------------------------------------------------------------------
// Files a script writes from a heredoc

/** The heredoc bodies a script writes to files, with the written path. */
export function heredocFileWrites(script: ShellScript): Array<{ path: ShellWord; heredoc: ShellHeredoc }> {
  const out: Array<{ path: ShellWord; heredoc: ShellHeredoc }> = [];
  for (const command of script.commands) {
    const heredoc = command.redirects.find((r) => r.heredoc)?.heredoc;
    if (!heredoc) continue;
    const name = commandName(command);
    if (name === 'cat') {
      for (const r of command.redirects) if (r.target && isWriteOperator(r.operator)) out.push({ path: r.target, heredoc });
    } else if (name === 'tee') {
      for (const w of command.effective.slice(1)) if (!(w.value ?? w.loose).startsWith('-')) out.push({ path: w, heredoc });
    }
  }
  // `cat <<EOF | tee /x`: the heredoc is cat's, the file tee's.
  for (const command of script.commands) {
    const heredoc = command.upstream?.redirects.find((r) => r.heredoc)?.heredoc;
    if (!heredoc || commandName(command) !== 'tee' || commandName(command.upstream as ShellCommand) !== 'cat') continue;
    for (const w of command.effective.slice(1)) if (!(w.value ?? w.loose).startsWith('-')) out.push({ path: w, heredoc });
  }
  return out;
}


