import type * as TreeSitter from 'web-tree-sitter';
export type GrammarName = 'bash';
/** Resolved through `require.resolve`, so a bundle that ships these files next to it can remap them. */
export declare const TREE_SITTER_ASSETS: {
    readonly runtime: "web-tree-sitter";
    readonly core: "web-tree-sitter/tree-sitter.wasm";
    readonly bash: "tree-sitter-bash/tree-sitter-bash.wasm";
};
/**
 * Text parsed by one thread before WebAssembly tier-up is allowed again (see the header).
 * Measured on the bash grammar (CPU seconds of whole scans): a 5-line script 0.27 Liftoff-only,
 * 1.7 with tier-up; 2 MB of shell 3.3 / 3.5 — below a few MB the recompile costs more than its
 * faster code saves; 12.6 MB 15.3 Liftoff-only, 11.5 with tier-up from the start, 12.5–13.6
 * switching after 4 MB — so the switch comes after 2 MB.
 */
export declare const TIER_UP_AFTER_BYTES: number;
/** Loads the WASM runtime and every grammar now, synchronously, once per thread; throws if they cannot load. */
export declare function initParsersSync(): void;
/**
 * Kept for callers that await initialisation (the engine, tests). Grammars load synchronously
 * on their first parse, so there is nothing to wait for: resolves at once, loading nothing.
 * The public `initParsers()` (src/parsers/ready.ts) loads everything now.
 */
export declare function initParsers(): Promise<void>;
/** True once a grammar has loaded in this thread. */
export declare function parsersReady(): boolean;
/** A parser for `grammar`, loading web-tree-sitter and the grammar on first use. */
export declare function getParser(grammar: GrammarName): TreeSitter.Parser;
/**
 * Parses `text` within its time budget (see engine/budget.ts). Some grammars go quadratic on
 * hostile input (a broken Terraform file with a long blank run, a bash declaration followed by
 * thousands of `a:b` words); the progress callback cancels such a parse, and the caller treats
 * the document as not fully scanned. `null` tree with `timedOut: false` is a parser failure.
 */
export declare function parseWithBudget(grammar: GrammarName, text: string, deadline?: number): {
    tree: TreeSitter.Tree | null;
    timedOut: boolean;
};
