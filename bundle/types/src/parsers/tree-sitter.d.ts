import { Parser } from 'web-tree-sitter';
export type GrammarName = 'bash' | 'terraform' | 'hcl';
/** Loads the WASM runtime and every grammar once; safe to call many times. */
export declare function initParsers(): Promise<void>;
export declare function parsersReady(): boolean;
/** A parser for `grammar`; throws if initParsers() has not completed (a programming error). */
export declare function getParser(grammar: GrammarName): Parser;
