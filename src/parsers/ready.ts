// The public `initParsers()` (src/index.ts), kept apart from src/parsers/tree-sitter.ts so the
// package's declarations do not import web-tree-sitter's types (the package has no dependencies:
// a consumer compiling with skipLibCheck: false would not find them).
import { initParsersSync } from './tree-sitter.js';

/** Loads the WASM grammars now (they otherwise load synchronously on first use); resolves when ready. */
export function initParsers(): Promise<void> {
  try {
    initParsersSync();
    return Promise.resolve();
  } catch (error) {
    return Promise.reject(error);
  }
}
