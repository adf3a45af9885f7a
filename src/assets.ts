// Runtime files (WASM grammars, data snapshots) are found in one place, so the same code works
// from the sources (vitest), the tsc build (dist/) and the committed bundle (bundle/), where
// scripts/bundle.mjs copies every asset beside the JavaScript — the GitHub Action and the npm
// package have no node_modules holding them.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/**
 * The path of a runtime asset. `specifier` is a package path (`tree-sitter-bash/x.wasm`,
 * resolved through node_modules) or a path relative to the repository root (`data/x.json`).
 * The bundle holds each asset flat, by its file name, beside its chunks; that copy wins.
 */
export function assetPath(specifier: string): string {
  const beside = join(here, basename(specifier));
  if (existsSync(beside)) return beside;
  if (!specifier.startsWith('.') && !specifier.startsWith('data/')) {
    try {
      return require.resolve(specifier);
    } catch {
      // fall through to the repository-relative lookup
    }
  }
  // src/assets.ts and dist/src/assets.js: the repository root is one or two levels up.
  for (const root of [join(here, '..'), join(here, '..', '..')]) {
    const candidate = join(root, specifier);
    if (existsSync(candidate)) return candidate;
  }
  return beside;
}
