/** Loads the WASM grammars now (they otherwise load synchronously on first use); resolves when ready. */
export declare function initParsers(): Promise<void>;
