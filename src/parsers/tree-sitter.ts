// One async initialisation of web-tree-sitter per thread, then synchronous parse() for
// every document. The engine awaits `initParsers()` before scanning (main thread and each
// worker), so rules and extractors can call `getParser()` synchronously.
// Cost: tree-sitter WASM grammars parse at ~3–5 MB/s — callers gate parses behind a
// keyword pre-filter.
import { createRequire } from 'node:module';
import { Language, Parser, type Tree } from 'web-tree-sitter';
import { parseBudgetMs } from '../engine/budget.js';

export type GrammarName = 'bash' | 'terraform' | 'hcl';

const require = createRequire(import.meta.url);
const GRAMMAR_FILES: Record<GrammarName, string> = {
  bash: 'tree-sitter-bash/tree-sitter-bash.wasm',
  terraform: '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm',
  hcl: '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm',
};

let ready: Promise<void> | undefined;
const languages = new Map<GrammarName, Language>();
const parsers = new Map<GrammarName, Parser>();

/** Loads the WASM runtime and every grammar once; safe to call many times. */
export function initParsers(): Promise<void> {
  ready ??= (async () => {
    await Parser.init();
    for (const [name, file] of Object.entries(GRAMMAR_FILES) as Array<[GrammarName, string]>) {
      languages.set(name, await Language.load(require.resolve(file)));
    }
  })();
  return ready;
}

export function parsersReady(): boolean {
  return languages.size === Object.keys(GRAMMAR_FILES).length;
}

/** A parser for `grammar`; throws if initParsers() has not completed (a programming error). */
export function getParser(grammar: GrammarName): Parser {
  let parser = parsers.get(grammar);
  if (!parser) {
    const language = languages.get(grammar);
    if (!language) throw new Error(`tree-sitter grammar "${grammar}" used before initParsers() finished`);
    parser = new Parser();
    parser.setLanguage(language);
    parsers.set(grammar, parser);
  }
  return parser;
}

/**
 * Parses `text` within its time budget (see engine/budget.ts). Some grammars go quadratic on
 * hostile input (a broken Terraform file with a long blank run, a bash declaration followed by
 * thousands of `a:b` words); the progress callback cancels such a parse, and the caller treats
 * the document as not fully scanned. `null` tree with `timedOut: false` is a parser failure.
 */
export function parseWithBudget(grammar: GrammarName, text: string, deadline = performance.now() + parseBudgetMs(text.length)): { tree: Tree | null; timedOut: boolean } {
  if (performance.now() > deadline) return { tree: null, timedOut: true };
  let timedOut = false;
  const tree = getParser(grammar).parse(text, null, {
    // Called every few hundred parser operations: the clock read is cheap next to them.
    progressCallback: () => {
      if (performance.now() > deadline) timedOut = true;
      return timedOut;
    },
  } as Parameters<Parser['parse']>[2]);
  if (timedOut) {
    tree?.delete();
    // A cancelled parse leaves the parser mid-document; reset before the next one.
    getParser(grammar).reset();
    return { tree: null, timedOut: true };
  }
  return { tree, timedOut: false };
}
