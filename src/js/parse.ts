// JS/TS programs for the analyses in src/js/: parsed once per document with
// @typescript-eslint/parser in the CLI path, or handed over by ESLint (its own AST of the
// file being linted), so both front ends run the same analysis on the same tree shape.
//
// Cost: @typescript-eslint/parser pulls in `typescript` (~10 MB of JS, ~150 ms to load), so it is
// required lazily — only when a rule whose keyword pre-filter matched actually needs a tree.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TSESTree } from '@typescript-eslint/utils';
import type { SourceDocument } from '../engine/document.js';
import { reportIncomplete } from '../engine/budget.js';

export type Program = TSESTree.Program;

export interface ParserModule {
  parse(code: string, options: Record<string, unknown>): Program;
  parseForESLint(code: string, options: Record<string, unknown>): { ast: Program } & Record<string, unknown>;
  readonly meta?: { readonly name?: string; readonly version?: string };
}

const require = createRequire(import.meta.url);
/** undefined: not tried yet; null: not available here (no `typescript` to parse with). */
let parser: ParserModule | null | undefined;

/**
 * @typescript-eslint/parser, loaded on first use. The committed bundle ships it as its own
 * CommonJS file beside the chunks (bundle/ts-parser.cjs, `typescript` left out: an optional
 * peer), so the package needs no dependency and the CLI never loads a compiler it does not
 * use; from the sources and dist/ it comes from node_modules. Without `typescript` installed it
 * is not available, and the JS/TS analyses see no tree (the text rules still scan the file).
 */
export function loadParser(): ParserModule | undefined {
  if (parser === undefined) {
    const beside = join(dirname(fileURLToPath(import.meta.url)), 'ts-parser.cjs');
    try {
      parser = require(existsSync(beside) ? beside : '@typescript-eslint/parser') as ParserModule;
    } catch {
      parser = null;
    }
  }
  return parser ?? undefined;
}

/** True once @typescript-eslint/parser has been loaded in this thread (tests assert the CLI's laziness). */
export function jsParserLoaded(): boolean {
  return parser !== undefined && parser !== null;
}

// ESLint hands over the tree of the file it is linting; the engine pass that follows finds it
// here instead of parsing the same text again. One slot: ESLint lints one file at a time.
let provided: { text: string; program: Program } | undefined;

/** Makes `program` (an ESTree of exactly `text`, with `range`s) the tree used for documents with that text. */
export function provideProgram(text: string, program: Program | undefined): void {
  provided = program ? { text, program } : undefined;
}

const parsed = new WeakMap<SourceDocument, Program | null>();

const TS_EXT = /\.[cm]?tsx?$/i;
const JSX_EXT = /\.(?:[cm]?jsx?|tsx)$/i;
const DECLARATION_FILE = /\.d\.[cm]?tsx?$/i;

/**
 * The parse budget of a JS/TS document, in characters. TypeScript's parser cannot be stopped
 * part-way, so its budget is a size: @typescript-eslint/parser (parse, ESTree conversion, scope
 * analysis) runs at 0.5–2 MB/s with peaks of hundreds of MB, and a vendored 2 MB SDK bundle
 * cost 4–11 CPU-s and most of a scan's memory. Files this large are generated (bundles,
 * generated clients); their text is still scanned by every text-level rule.
 */
export const MAX_JS_PARSE_CHARS = 1024 * 1024;

/**
 * The ESTree program of a JS/TS document, or undefined when it does not parse (the text rules
 * still run on it). Parse errors are dropped: their messages may quote source text.
 */
export function programFor(doc: SourceDocument): Program | undefined {
  if (provided && provided.text === doc.text) return provided.program;
  // Declaration files describe types and hold no runtime code (no client is built, no value
  // is passed), and they are the largest files of a source tree (lib.dom.d.ts: 1.9 MB).
  if (DECLARATION_FILE.test(doc.path)) return undefined;
  const cached = parsed.get(doc);
  if (cached !== undefined) return cached ?? undefined;
  if (doc.text.length > MAX_JS_PARSE_CHARS) {
    reportIncomplete(doc, `the JS/TS syntax analysis skips files over ${MAX_JS_PARSE_CHARS / 1024 / 1024} MiB`);
    parsed.set(doc, null);
    return undefined;
  }
  const program = parseProgram(doc.text, doc.path);
  parsed.set(doc, program ?? null);
  return program;
}

/**
 * Options for `parse()`. @typescript-eslint/parser always builds tokens, comments and `loc`
 * (ESLint needs them; it overrides `tokens`/`comment`/`loc`) and always runs scope analysis;
 * what it does let a caller turn off, the analyses here never read:
 * - `lib: []`: the scope manager otherwise declares every implicit global of the default lib
 *   (~1 ms per file, more than the whole analysis of a small file); our analyses have their
 *   own scope (src/js/static.ts) and never see the parser's.
 * - `preserveNodeMaps: false`: the ESTree ↔ TypeScript node maps (two map entries per node)
 *   are for type-aware rules; `parse()` returns the tree alone, so they were built for nothing.
 * - `jsDocParsingMode: 'none'`: JSDoc is only parsed into the TypeScript AST for type
 *   information (already the default without a project; explicit so it stays so).
 * - `suppressDeprecatedPropertyWarnings: true`: the default outside NODE_ENV=test; explicit so
 *   tests run the same code as the CLI.
 */
const PARSE_OPTIONS = {
  range: true,
  loc: false,
  comment: false,
  tokens: false,
  sourceType: 'module',
  ecmaVersion: 'latest',
  errorOnUnknownASTType: false,
  lib: [],
  preserveNodeMaps: false,
  jsDocParsingMode: 'none',
  suppressDeprecatedPropertyWarnings: true,
} as const;

/** Parses JS or TS (decided by the extension; `.js` may hold JSX, `.ts` may not). */
export function parseProgram(text: string, path: string): Program | undefined {
  const loaded = loadParser();
  if (!loaded) return undefined;
  const { parse } = loaded;
  const isTs = TS_EXT.test(path);
  const attempts: boolean[] = isTs ? [/\.tsx$/i.test(path)] : [JSX_EXT.test(path) || !isTs, false];
  for (let i = 0; i < attempts.length; i++) {
    const jsx = attempts[i]!;
    // The second attempt of a `.js` file (without JSX) can only succeed where the first one
    // (JSX) read a `<` differently; a text without such a `<` fails the same way twice.
    if (i > 0 && !jsx && !jsxModeCanDiffer(text)) break;
    try {
      // A `.js` file is parsed as TypeScript too: TS accepts every JS syntax and type-annotated
      // JS (Flow aside); no type information is needed, so no program/project is created.
      const program = parse(text, { ...PARSE_OPTIONS, jsx });
      // The parser makes tokens and comments whatever it is asked (ESLint needs them); no
      // analysis reads them, and they are a third of the tree a document keeps while its
      // rules run (a 2 MB file: 320 → 200 MB of heap).
      program.tokens = undefined;
      program.comments = undefined;
      return program;
    } catch {
      // try the next mode, or give up
    }
  }
  return undefined;
}

/**
 * Words after which a `<` may begin an expression (JSX, a type assertion `<T>x`, a generic
 * arrow `<T>(x) => x`): keywords that take an operand, and every other reserved or contextual
 * word, to be safe. After any other identifier (or a number) a `<` is a binary operator or
 * opens type arguments, the same in both modes.
 */
const OPERAND_WORDS = new Set([
  'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum',
  'export', 'extends', 'finally', 'for', 'function', 'if', 'implements', 'import', 'in', 'instanceof', 'interface', 'let',
  'new', 'of', 'package', 'private', 'protected', 'public', 'return', 'static', 'super', 'switch', 'this', 'throw', 'try',
  'typeof', 'var', 'void', 'while', 'with', 'yield', 'as', 'satisfies', 'keyof', 'type', 'declare', 'readonly', 'async',
]);

const WORD_CHAR = /[\w$]/;

/**
 * Whether TypeScript could parse `text` differently with and without JSX. The two modes differ
 * only at a `<`: its scanner reads `</` (not `</*`) as one token in JSX mode, and its parser
 * reads a `<` where an expression begins as JSX instead of a type assertion or generic arrow.
 * Until the parser meets such a `<` both parses are the same, diagnostics included. This is a
 * textual over-approximation: every `<` counts unless it follows, on the same line, an
 * identifier that is not a keyword or a number (a binary `a < b`, type arguments `Array<T>`)
 * — `)`, `]`, `}`, strings, comments and line starts all count (`if (x) <T>y`, a comment line
 * before `<div>`), and so does a `<` inside a string or comment, which costs only a retry.
 */
export function jsxModeCanDiffer(text: string): boolean {
  for (let at = text.indexOf('<'); at !== -1; at = text.indexOf('<', at + 1)) {
    if (text.charCodeAt(at + 1) === 0x2f /* / */ && text.charCodeAt(at + 2) !== 0x2a /* * */) return true;
    let end = at;
    while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
    let start = end;
    while (start > 0 && WORD_CHAR.test(text[start - 1]!)) start--;
    if (start === end) return true;
    if (OPERAND_WORDS.has(text.slice(start, end))) return true;
  }
  return false;
}
