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
// Cost: the runtime once per thread, then each grammar on its first parse (a scan that meets
// no shell script never compiles the 1.3 MB bash grammar). Terraform is read by hcl.ts, not by a grammar.
// Tree-sitter grammars parse at ~3–5 MB/s — callers gate parses behind a keyword pre-filter.
//
// WebAssembly tier-up. V8 compiles WebAssembly with its baseline compiler (Liftoff) and
// recompiles hot functions with TurboFan on background threads. For the bash grammar that
// recompile costs ≈ 1.2 CPU-s (its lexer is one enormous function), and a process that
// exits while it runs waits for it: a one-file scan took 0.9–1.9 s instead of 0.3 s. Liftoff
// code parses more slowly, so a scan that parses a lot gains from TurboFan. So the process
// starts with `--liftoff-only` (set before the first grammar compiles, by the main thread
// only) and turns tier-up back on once a thread has parsed TIER_UP_AFTER_BYTES: small scans
// (a pre-commit hook, an editor, CI on a few changed files) never pay for the recompile.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { createContext, runInContext } from 'node:vm';
import { isMainThread } from 'node:worker_threads';
import type * as TreeSitter from 'web-tree-sitter';
import { assetPath } from '../assets.js';
import { parseBudgetMs } from '../engine/budget.js';

export type GrammarName = 'bash';

const require = createRequire(import.meta.url);
/** Resolved through `require.resolve`, so a bundle that ships these files next to it can remap them. */
export const TREE_SITTER_ASSETS = {
  // The package's "require" export: its CommonJS build (tree-sitter.cjs).
  runtime: 'web-tree-sitter',
  core: 'web-tree-sitter/tree-sitter.wasm',
  bash: 'tree-sitter-bash/tree-sitter-bash.wasm',
} as const;
const GRAMMARS: readonly GrammarName[] = ['bash'];

/**
 * Text parsed by one thread before WebAssembly tier-up is allowed again (see the header).
 * Measured on the bash grammar (CPU seconds of whole scans): a 5-line script 0.27 Liftoff-only,
 * 1.7 with tier-up; 2 MB of shell 3.3 / 3.5 — below a few MB the recompile costs more than its
 * faster code saves; 12.6 MB 15.3 Liftoff-only, 11.5 with tier-up from the start, 12.5–13.6
 * switching after 4 MB — so the switch comes after 2 MB.
 */
export const TIER_UP_AFTER_BYTES = 2 * 1024 * 1024;
let parsedBytes = 0;
let liftoffOnly = false;

interface Runtime {
  readonly context: ReturnType<typeof createContext>;
  readonly bridge: Bridge;
}

let runtime: Runtime | undefined;
let failure: Error | undefined;
const languages = new Map<GrammarName, TreeSitter.Language>();
const parsers = new Map<GrammarName, TreeSitter.Parser>();

/** The shared object between this realm and the web-tree-sitter context. */
interface Bridge {
  coreBytes: Uint8Array;
  library: typeof TreeSitter;
  /** In: the grammar to load. Out: its language, or the error. */
  grammarBytes?: Uint8Array;
  language?: TreeSitter.Language;
  error?: unknown;
}

// Runs inside the context: all promises here (and web-tree-sitter's) are drained before
// runInContext returns. `options` stays in the context for LOAD_GRAMMAR_SCRIPT.
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
      bridge.ready = true;
    }, (error) => { bridge.error = error; });
})();`;

// One grammar, on its first use; synchronous for the same reason as INIT_SCRIPT.
const LOAD_GRAMMAR_SCRIPT = `(() => {
  const bridge = globalThis.__credlintBridge;
  bridge.library.Language.load(new Uint8Array(bridge.grammarBytes))
    .then((language) => { bridge.language = language; }, (error) => { bridge.error = error; });
})();`;

/** Before the first WebAssembly compile of the process (main thread): see the header. */
function startLiftoffOnly(): void {
  if (!isMainThread || liftoffOnly || parsedBytes >= TIER_UP_AFTER_BYTES) return;
  setFlagsFromString('--liftoff-only');
  liftoffOnly = true;
}

/** Counts parsed text; past the threshold, TurboFan may recompile hot grammar functions again. */
function noteParsed(length: number): void {
  parsedBytes += length;
  if (parsedBytes < TIER_UP_AFTER_BYTES || parsedBytes - length >= TIER_UP_AFTER_BYTES) return;
  // Any thread: the flag is the process's, and a worker parsing a large share needs TurboFan.
  setFlagsFromString('--no-liftoff-only');
  liftoffOnly = false;
}

/**
 * Where a runtime file is: beside the committed bundle (scripts/bundle.mjs copies every
 * TREE_SITTER_ASSETS file there, flat; see src/assets.ts), else through node_modules. The
 * runtime is web-tree-sitter's CommonJS build, its package's `require` export.
 */
function assetFile(specifier: string): string {
  const beside = assetPath(specifier === TREE_SITTER_ASSETS.runtime ? 'web-tree-sitter/tree-sitter.cjs' : specifier);
  return existsSync(beside) ? beside : require.resolve(specifier);
}

function loadRuntime(): Runtime {
  startLiftoffOnly();
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
  const bridge: Bridge & { ready?: boolean } = {
    coreBytes: readFileSync(assetFile(TREE_SITTER_ASSETS.core)),
    library: moduleObject.exports as typeof TreeSitter,
  };
  (context as { __credlintBridge?: Bridge }).__credlintBridge = bridge;
  runInContext(INIT_SCRIPT, context, { filename: 'credlint-tree-sitter-init.js' });
  if (bridge.error !== undefined) throw new Error(`web-tree-sitter failed to initialise: ${(bridge.error as Error)?.message ?? String(bridge.error)}`);
  if (!bridge.ready) throw new Error('web-tree-sitter did not initialise synchronously');
  return { context, bridge };
}

function loadLanguage(grammar: GrammarName): TreeSitter.Language {
  const loaded = languages.get(grammar);
  if (loaded) return loaded;
  if (failure) throw failure;
  try {
    runtime ??= loadRuntime();
    const { bridge, context } = runtime;
    bridge.grammarBytes = readFileSync(assetFile(TREE_SITTER_ASSETS[grammar]));
    bridge.language = undefined;
    bridge.error = undefined;
    runInContext(LOAD_GRAMMAR_SCRIPT, context, { filename: 'credlint-tree-sitter-grammar.js' });
    const { language, error } = bridge;
    bridge.grammarBytes = undefined;
    if (error !== undefined) throw new Error(`web-tree-sitter failed to load the ${grammar} grammar: ${(error as Error)?.message ?? String(error)}`);
    if (!language) throw new Error(`web-tree-sitter did not load the ${grammar} grammar synchronously`);
    languages.set(grammar, language);
    return language;
  } catch (error) {
    // The runtime or a grammar file cannot load: every later parse fails the same way.
    failure = error instanceof Error ? error : new Error(String(error));
    throw failure;
  }
}

/** Loads the WASM runtime and every grammar now, synchronously, once per thread; throws if they cannot load. */
export function initParsersSync(): void {
  for (const grammar of GRAMMARS) loadLanguage(grammar);
}

/**
 * Kept for callers that await initialisation (the engine, tests). Grammars load synchronously
 * on their first parse, so there is nothing to wait for: resolves at once, loading nothing.
 * The public `initParsers()` (src/parsers/ready.ts) loads everything now.
 */
export function initParsers(): Promise<void> {
  return Promise.resolve();
}

/** True once a grammar has loaded in this thread. */
export function parsersReady(): boolean {
  return languages.size > 0;
}

/** A parser for `grammar`, loading web-tree-sitter and the grammar on first use. */
export function getParser(grammar: GrammarName): TreeSitter.Parser {
  let parser = parsers.get(grammar);
  if (!parser) {
    const language = loadLanguage(grammar);
    parser = new runtime!.bridge.library.Parser();
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
export function parseWithBudget(grammar: GrammarName, text: string, deadline = performance.now() + parseBudgetMs(text.length)): { tree: TreeSitter.Tree | null; timedOut: boolean } {
  if (performance.now() > deadline) return { tree: null, timedOut: true };
  let timedOut = false;
  const parser = getParser(grammar);
  noteParsed(text.length);
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
