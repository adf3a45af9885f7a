// One async initialisation of web-tree-sitter per thread, then synchronous parse() for
// every document. The engine awaits `initParsers()` before scanning (main thread and each
// worker), so rules and extractors can call `getParser()` synchronously.
// Cost: tree-sitter WASM grammars parse at ~3–5 MB/s — callers gate parses behind a
// keyword pre-filter.
import { Language, Parser } from 'web-tree-sitter';
import { assetPath } from '../assets.js';

export type GrammarName = 'bash' | 'terraform' | 'hcl';

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
    // web-tree-sitter's own runtime WASM sits beside the bundle too (see src/assets.ts).
    await Parser.init({ locateFile: (name: string) => assetPath(`web-tree-sitter/${name}`) });
    for (const [name, file] of Object.entries(GRAMMAR_FILES) as Array<[GrammarName, string]>) {
      languages.set(name, await Language.load(assetPath(file)));
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
