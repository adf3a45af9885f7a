import type * as TreeSitter from 'web-tree-sitter';
export type GrammarName = 'bash' | 'terraform' | 'hcl';
/** Resolved through `require.resolve`, so a bundle that ships these files next to it can remap them. */
export declare const TREE_SITTER_ASSETS: {
    readonly runtime: "web-tree-sitter";
    readonly core: "web-tree-sitter/tree-sitter.wasm";
    readonly bash: "tree-sitter-bash/tree-sitter-bash.wasm";
    readonly terraform: "@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm";
    readonly hcl: "@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm";
};
/** Loads the WASM runtime and every grammar, synchronously, once per thread; throws if they cannot load. */
export declare function initParsersSync(): void;
/** Kept for callers that await initialisation; initialisation itself is synchronous. */
export declare function initParsers(): Promise<void>;
export declare function parsersReady(): boolean;
/** A parser for `grammar`, initialising web-tree-sitter on first use. */
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
