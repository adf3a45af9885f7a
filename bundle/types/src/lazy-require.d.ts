/** `load()` requires `specifier` once (the bundle's copy `bundledFile` when present) and returns it. */
export declare function lazyRequire<T>(specifier: string, bundledFile: string): () => T;
