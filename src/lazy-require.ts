// A dependency required on first use instead of at start-up. ESM imports are evaluated when
// the bundle loads — every parser library of every file kind, before argv is read — so the
// ones a scan may never need are required when first called. The committed bundle ships each
// as one CommonJS file beside its chunks (scripts/bundle.mjs `LAZY_CJS`: the package has no
// dependencies); from the sources and dist/ it comes from node_modules. src/js/parse.ts does the
// same for @typescript-eslint/parser, which may also be missing (its `typescript` peer).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

/** `load()` requires `specifier` once (the bundle's copy `bundledFile` when present) and returns it. */
export function lazyRequire<T>(specifier: string, bundledFile: string): () => T {
  let loaded: T | undefined;
  return () => {
    if (loaded === undefined) {
      const beside = join(here, bundledFile);
      loaded = require(existsSync(beside) ? beside : specifier) as T;
    }
    return loaded;
  };
}
