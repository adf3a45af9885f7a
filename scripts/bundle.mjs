#!/usr/bin/env node
// Builds the committed bundle: `npm run bundle` (or `node scripts/bundle.mjs [outdir]`).
// The GitHub Action (action.yml → bundle/action.js), the `credlint` command, the npm package's
// API and ESLint plugin all run from bundle/, so none of them needs npm, a build or
// node_modules at run time. test/bundle.test.ts rebuilds into a temporary directory and
// fails when the committed copy differs by one byte.
//
// To extend it (docs/architecture.md, "The bundle"): add a module that must be its own file
// to ENTRIES, and a runtime file loaded by path to ASSETS (found at run time with
// src/assets.ts `assetPath()`, which looks beside the bundle first).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(ROOT, 'package.json'));

/** Output name (without .js) → source module. Each becomes bundle/<name>.js; shared code goes to chunks. */
export const ENTRIES = {
  cli: 'src/bin.ts', // the `credlint` command (bin/credlint.js)
  'pre-commit': 'src/hook.ts', // the pre-commit hooks' command (bin/credlint-pre-commit.js)
  action: 'src/action/entry.ts', // the GitHub Action (action.yml runs.main)
  worker: 'src/engine/worker.ts', // worker threads: src/engine/pool.ts loads ./worker.js beside itself
  index: 'src/index.ts', // the API: import { lint, formatSarif } from 'credlint'
  'eslint-plugin': 'src/eslint-entry.ts', // credlint/eslint-plugin (checks the ESLint version, then src/eslint-plugin/)
};

/**
 * Runtime files copied flat beside the bundle. A package path is resolved through
 * node_modules; a repository path may be a file or a directory (every file in it is copied).
 * File names must be unique: the bundle is one flat directory.
 */
export const ASSETS = [
  // web-tree-sitter's CommonJS build is read as text and evaluated in its own vm context
  // (src/parsers/tree-sitter.ts), so esbuild never sees it as a module: it ships as a file.
  // Not in the package's exports map, hence the node_modules path.
  'node_modules/web-tree-sitter/tree-sitter.cjs',
  'web-tree-sitter/tree-sitter.wasm',
  'tree-sitter-bash/tree-sitter-bash.wasm',
  // 'data/',  ← e.g. a generated catalogue loaded by path
];

/**
 * Left out of the bundle. `typescript` (≈ 9 MB, needed only by @typescript-eslint/parser for
 * JS/TS ASTs) stays an optional peer so CLI users never install a compiler; `eslint` is the
 * host of the ESLint plugin, never a copy of ours.
 */
export const EXTERNAL = ['typescript', 'eslint'];

/**
 * Dependencies the sources require on first use (src/lazy-require.ts `lazyRequire(pkg, file)`),
 * each bundled into bundle/<name>.cjs: output name → package. Kept out of the chunks, so the
 * start-up of every entry point does not evaluate them (measured: dockerfile-ast with the
 * vscode-languageserver types ≈ 10 ms of a 0.3 s one-file scan).
 */
export const LAZY_CJS = { 'dockerfile-ast': 'dockerfile-ast', yaml: 'yaml' };

function assetFiles(spec) {
  const local = join(ROOT, spec);
  if (existsSync(local)) {
    if (!statSync(local).isDirectory()) return [local];
    return readdirSync(local, { recursive: true })
      .map((f) => join(local, String(f)))
      .filter((f) => statSync(f).isFile())
      .sort();
  }
  return [require.resolve(spec)];
}

/**
 * Type packages the public declarations import are copied in (the package has no
 * dependencies, so a consumer compiling with skipLibCheck: false would not find them), and
 * the imports rewritten to the copies.
 */
const VENDORED_TYPES = { sarif: '@types/sarif/index.d.ts' };

function vendorTypes(typesDir) {
  mkdirSync(join(typesDir, 'vendor'), { recursive: true });
  for (const [name, file] of Object.entries(VENDORED_TYPES)) {
    const licence = readFileSync(join(dirname(require.resolve(file)), 'LICENSE'), 'utf8');
    const text = readFileSync(require.resolve(file), 'utf8');
    writeFileSync(join(typesDir, 'vendor', `${name}.d.ts`), `/*\n${name}: copied from ${file}\n\n${licence.trim()}\n*/\n${text}`);
  }
  for (const f of readdirSync(typesDir, { recursive: true }).map(String).filter((x) => x.endsWith('.d.ts')).sort()) {
    const path = join(typesDir, f);
    let text = readFileSync(path, 'utf8');
    for (const name of Object.keys(VENDORED_TYPES)) {
      let rel = relative(dirname(path), join(typesDir, 'vendor', `${name}.js`)).split('\\').join('/');
      if (!rel.startsWith('.')) rel = `./${rel}`;
      text = text.replace(new RegExp(`(from |import\\()'${name}'`, 'g'), `$1'${rel}'`);
    }
    writeFileSync(path, text);
  }
}

export async function bundle(outdir = join(ROOT, 'bundle')) {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, src]) => [name, join(ROOT, src)])),
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    external: EXTERNAL,
    // jsonc-parser's `main` is a UMD build whose factory require()s its own modules at run time
    // (not bundleable); its ES build is plain ESM that esbuild inlines.
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
    // One flat directory: chunks, workers and WASM files find each other beside import.meta.url.
    chunkNames: 'chunk-[hash]',
    // CommonJS dependencies call require(); ESM output has none, so give each file one.
    banner: { js: "import { createRequire as __credlintCreateRequire } from 'node:module';\nconst require = __credlintCreateRequire(import.meta.url);" },
    legalComments: 'none',
    sourcemap: false, // no maps: they would have to ship with the sources (see README, "The package")
    minify: false, // readable stack traces and reviewable diffs beat a smaller file here
    logLevel: 'warning',
    metafile: false,
  });
  // @typescript-eslint/parser as one CommonJS file beside the chunks (src/js/parse.ts requires
  // it synchronously, on first use, by that name), so neither the CLI nor the plugin loads it —
  // nor `typescript`, left out as an optional peer — before a JS/TS tree is needed. The same
  // for LAZY_CJS (src/lazy-require.ts): libraries evaluated only when a file needs them.
  await build({
    absWorkingDir: ROOT,
    entryPoints: { 'ts-parser': require.resolve('@typescript-eslint/parser'), ...Object.fromEntries(Object.entries(LAZY_CJS).map(([name, pkg]) => [name, require.resolve(pkg)])) },
    outdir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20.19',
    external: EXTERNAL,
    legalComments: 'none',
    sourcemap: false,
    minify: false,
    logLevel: 'warning',
  });
  const seen = new Map();
  for (const spec of ASSETS) {
    for (const file of assetFiles(spec)) {
      const name = basename(file);
      if (seen.has(name)) throw new Error(`bundle: two assets named ${name} (${seen.get(name)}, ${file})`);
      seen.set(name, file);
      copyFileSync(file, join(outdir, name));
    }
  }
  // Type declarations of the public entry points (the package's "types"), committed like the JS.
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.types.json'), '--outDir', join(outdir, 'types')], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  // The ESLint plugin's types are written against ESLint's own (types/eslint-plugin.d.ts).
  copyFileSync(join(ROOT, 'types', 'eslint-plugin.d.ts'), join(outdir, 'types', 'eslint-plugin.d.ts'));
  vendorTypes(join(outdir, 'types'));
  return outdir;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await bundle(process.argv[2] ? resolve(process.argv[2]) : undefined);
  process.stderr.write(`bundle: wrote ${relative(process.cwd(), out) || '.'}\n`);
}
