import type { TSESTree } from '@typescript-eslint/utils';
import type { SourceDocument } from '../engine/document.js';
export type Program = TSESTree.Program;
export interface ParserModule {
    parse(code: string, options: Record<string, unknown>): Program;
    parseForESLint(code: string, options: Record<string, unknown>): {
        ast: Program;
    } & Record<string, unknown>;
    readonly meta?: {
        readonly name?: string;
        readonly version?: string;
    };
}
/**
 * @typescript-eslint/parser, loaded on first use. The committed bundle ships it as its own
 * CommonJS file beside the chunks (bundle/ts-parser.cjs, `typescript` left out: an optional
 * peer), so the package needs no dependency and the CLI never loads a compiler it does not
 * use; from the sources and dist/ it comes from node_modules. Without `typescript` installed it
 * is not available, and the JS/TS analyses see no tree (the text rules still scan the file).
 */
export declare function loadParser(): ParserModule | undefined;
/** True once @typescript-eslint/parser has been loaded in this thread (tests assert the CLI's laziness). */
export declare function jsParserLoaded(): boolean;
/** Makes `program` (an ESTree of exactly `text`, with `range`s) the tree used for documents with that text. */
export declare function provideProgram(text: string, program: Program | undefined): void;
/**
 * The parse budget of a JS/TS document, in characters. TypeScript's parser cannot be stopped
 * part-way, so its budget is a size: @typescript-eslint/parser (parse, ESTree conversion, scope
 * analysis) runs at 0.5–2 MB/s with peaks of hundreds of MB, and a vendored 2 MB SDK bundle
 * cost 4–11 CPU-s and most of a scan's memory. Files this large are generated (bundles,
 * generated clients); their text is still scanned by every text-level rule.
 */
export declare const MAX_JS_PARSE_CHARS: number;
/**
 * The ESTree program of a JS/TS document, or undefined when it does not parse (the text rules
 * still run on it). Parse errors are dropped: their messages may quote source text.
 */
export declare function programFor(doc: SourceDocument): Program | undefined;
/** Parses JS or TS (decided by the extension; `.js` may hold JSX, `.ts` may not). */
export declare function parseProgram(text: string, path: string): Program | undefined;
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
export declare function jsxModeCanDiffer(text: string): boolean;
