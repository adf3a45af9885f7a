// web-tree-sitter, initialised synchronously on first use, then synchronous parse() for
// every document. Rules, extractors and ESLint's synchronous `parse()`/rules can all call
// `getParser()` directly: nothing has to be awaited first, so no caller can run before the
// grammars are loaded (and report nothing because of it).
//
// Why a separate realm: web-tree-sitter 0.25 only exposes `async Parser.init()` and
// `async Language.load()`. With the emscripten `instantiateWasm` hook (a synchronous
// `new WebAssembly.Instance` from the bytes) and `loadWebAssemblyModule(…, {loadAsync:false})`
// nothing in that initialisation waits for I/O or a compile thread any more — only for
// promise reactions. We evaluate web-tree-sitter's own CommonJS build in a `vm` context created
// with `microtaskMode: 'afterEvaluate'`: that context has its own microtask queue, which Node
// drains before `runInContext()` returns, so the whole async init completes synchronously.
// The library code runs unmodified; only its promises live in the other queue. This also
// keeps the plugin's module graph free of top-level await, so `require()` of it works.
//
// Cost: ~30 ms once per thread (compile of the runtime and the three grammars). Tree-sitter
// grammars parse at ~3–5 MB/s — callers gate parses behind a keyword pre-filter.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import type * as TreeSitter from 'web-tree-sitter';
import { assetPath } from '../assets.js';
import { parseBudgetMs } from '../engine/budget.js';

export type GrammarName = 'bash' | 'terraform' | 'hcl';

const require = createRequire(import.meta.url);
/** Resolved through `require.resolve`, so a bundle that ships these files next to it can remap them. */
export const TREE_SITTER_ASSETS = {
  // The package's "require" export: its CommonJS build (tree-sitter.cjs).
  runtime: 'web-tree-sitter',
  core: 'web-tree-sitter/tree-sitter.wasm',
  bash: 'tree-sitter-bash/tree-sitter-bash.wasm',
  terraform: '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm',
  hcl: '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm',
} as const;
const GRAMMARS: readonly GrammarName[] = ['bash', 'terraform', 'hcl'];

interface Loaded {
  readonly Parser: typeof TreeSitter.Parser;
  readonly languages: ReadonlyMap<GrammarName, TreeSitter.Language>;
}

let loaded: Loaded | undefined;
let failure: Error | undefined;
const parsers = new Map<GrammarName, TreeSitter.Parser>();

/** The shared object between this realm and the web-tree-sitter context. */
interface Bridge {
  coreBytes: Uint8Array;
  grammarBytes: Uint8Array[];
  library: typeof TreeSitter;
  languages?: TreeSitter.Language[];
  error?: unknown;
}

// Runs inside the context: all promises here (and web-tree-sitter's) are drained before
// runInContext returns.
const INIT_SCRIPT = `(() => {
  const bridge = globalThis.__credlintBridge;
  const options = {
    instantiateWasm(imports, receive) {
      const module = new WebAssembly.Module(bridge.coreBytes);
      const instance = new WebAssembly.Instance(module, imports);
      receive(instance, module);
      return instance.exports;
    },
  };
  bridge.library.Parser.init(options)
    .then(() => {
      // emscripten assigns its exports onto the options object (it is the Module).
      const load = options.loadWebAssemblyModule;
      options.loadWebAssemblyModule = (binary, flags, ...rest) => load(binary, { ...flags, loadAsync: false }, ...rest);
      return Promise.all(bridge.grammarBytes.map((bytes) => bridge.library.Language.load(new Uint8Array(bytes))));
    })
    .then((languages) => { bridge.languages = languages; }, (error) => { bridge.error = error; });
})();`;

/**
 * Where a runtime file is: beside the committed bundle (scripts/bundle.mjs copies every
 * TREE_SITTER_ASSETS file there, flat; see src/assets.ts), else through node_modules. The
 * runtime is web-tree-sitter's CommonJS build, its package's `require` export.
 */
function assetFile(specifier: string): string {
  const beside = assetPath(specifier === TREE_SITTER_ASSETS.runtime ? 'web-tree-sitter/tree-sitter.cjs' : specifier);
  return existsSync(beside) ? beside : require.resolve(specifier);
}

function load(): Loaded {
  const runtimeFile = assetFile(TREE_SITTER_ASSETS.runtime);
  const moduleObject: { exports: unknown } = { exports: {} };
  const context = createContext(
    {
      module: moduleObject,
      exports: moduleObject.exports,
      require,
      __filename: runtimeFile,
      __dirname: dirname(runtimeFile),
      process,
      console,
      TextDecoder,
      TextEncoder,
      URL,
      setTimeout,
      clearTimeout,
      performance,
    },
    { name: 'web-tree-sitter', microtaskMode: 'afterEvaluate' },
  );
  runInContext(`(function () {\n${readFileSync(runtimeFile, 'utf8')}\n})();`, context, { filename: runtimeFile });
  const bridge: Bridge = {
    coreBytes: readFileSync(assetFile(TREE_SITTER_ASSETS.core)),
    grammarBytes: GRAMMARS.map((g) => readFileSync(assetFile(TREE_SITTER_ASSETS[g]))),
    library: moduleObject.exports as typeof TreeSitter,
  };
  (context as { __credlintBridge?: Bridge }).__credlintBridge = bridge;
  runInContext(INIT_SCRIPT, context, { filename: 'credlint-tree-sitter-init.js' });
  if (bridge.error !== undefined) throw new Error(`web-tree-sitter failed to initialise: ${(bridge.error as Error)?.message ?? String(bridge.error)}`);
  if (!bridge.languages) throw new Error('web-tree-sitter did not initialise synchronously');
  return { Parser: bridge.library.Parser, languages: new Map(GRAMMARS.map((g, i) => [g, bridge.languages![i]!])) };
}

/** Loads the WASM runtime and every grammar, synchronously, once per thread; throws if they cannot load. */
export function initParsersSync(): void {
  if (loaded) return;
  if (failure) throw failure;
  try {
    loaded = load();
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    throw failure;
  }
}

/** Kept for callers that await initialisation; initialisation itself is synchronous. */
export function initParsers(): Promise<void> {
  try {
    initParsersSync();
    return Promise.resolve();
  } catch (error) {
    return Promise.reject(error);
  }
}

export function parsersReady(): boolean {
  return loaded !== undefined;
}

/** A parser for `grammar`, initialising web-tree-sitter on first use. */
export function getParser(grammar: GrammarName): TreeSitter.Parser {
  let parser = parsers.get(grammar);
  if (!parser) {
    initParsersSync();
    parser = new loaded!.Parser();
    parser.setLanguage(loaded!.languages.get(grammar)!);
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
export function parseWithBudget(grammar: GrammarName, text: string, deadline = performance.now() + parseBudgetMs(text.length)): { tree: TreeSitter.Tree | null; timedOut: boolean } {
  if (performance.now() > deadline) return { tree: null, timedOut: true };
  let timedOut = false;
  const parser = getParser(grammar);
  const tree = parser.parse(text, null, {
    // Called every few hundred parser operations: the clock read is cheap next to them.
    progressCallback: () => {
      if (performance.now() > deadline) timedOut = true;
      return timedOut;
    },
  } as Parameters<TreeSitter.Parser['parse']>[2]);
  if (timedOut) {
    tree?.delete();
    // A cancelled parse leaves the parser mid-document; reset before the next one.
    parser.reset();
    return { tree: null, timedOut: true };
  }
  return { tree, timedOut: false };
}
