/**
 * The path of a runtime asset. `specifier` is a package path (`tree-sitter-bash/x.wasm`,
 * resolved through node_modules) or a path relative to the repository root (`data/x.json`).
 * The bundle holds each asset flat, by its file name, beside its chunks; that copy wins.
 */
export declare function assetPath(specifier: string): string;
