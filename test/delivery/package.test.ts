// The npm package as a user gets it: `npm pack`, the tarball installed in a fresh project
// (offline: the package has no runtime dependencies), then the command, the API, the types
// and the ESLint plugin used from there.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/tmp.js';
import { fakeAccessKeyId } from '../helpers/fake-keys.js';
import { readmeBlock } from '../helpers/readme.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; name: string };
const key = fakeAccessKeyId('package-1');
const npmEnv = { ...process.env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };

function du(dir: string): number {
  let total = 0;
  for (const f of readdirSync(dir, { recursive: true })) {
    const s = statSync(join(dir, String(f)));
    if (s.isFile()) total += s.size;
  }
  return total;
}

describe('the npm package', () => {
  const t = tempDir('credlint-pack-');
  const project = join(t.dir, 'consumer');
  let tarball = '';
  let packStdout = '';
  let eslintProject = '';

  beforeAll(() => {
    mkdirSync(project);
    packStdout = execFileSync('npm', ['pack', '--pack-destination', t.dir], { cwd: ROOT, encoding: 'utf8', env: npmEnv });
    tarball = join(t.dir, packStdout.trim());
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }));
    execFileSync('npm', ['install', '--no-save', tarball], { cwd: project, encoding: 'utf8', env: npmEnv, stdio: 'pipe' });
    eslintProject = join(t.dir, 'eslint-consumer');
    mkdirSync(eslintProject);
    writeFileSync(join(eslintProject, 'package.json'), JSON.stringify({ name: 'eslint-consumer', version: '1.0.0', private: true }));
    execFileSync('npm', ['install', '--no-save', tarball], { cwd: eslintProject, encoding: 'utf8', env: npmEnv, stdio: 'pipe' });
    // ESLint as the project has it (offline, npm's cache holds tarballs, not registry metadata,
    // so the dev copy is linked in; Node resolves its own dependencies from its real path).
    symlinkSync(join(ROOT, 'node_modules', 'eslint'), join(eslintProject, 'node_modules', 'eslint'), 'dir');
    mkdirSync(join(project, 'infra'));
    writeFileSync(join(project, 'infra', 'user-data.sh'), `#!/bin/bash\naws configure set aws_access_key_id ${key}\n`);
  }, 180_000);

  it('npm pack prints only the tarball name on stdout (pre-commit reads it as a file name)', () => {
    expect(packStdout).toBe(`${pkg.name}-${pkg.version}.tgz\n`);
  });

  it('ships the bundle, the launcher, the rule docs and the licence, and no sources, maps or tests', () => {
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(listing).toEqual(expect.arrayContaining(['package/bin/credlint.js', 'package/bundle/cli.js', 'package/bundle/index.js', 'package/bundle/eslint-plugin.js', 'package/bundle/tree-sitter-bash.wasm', 'package/LICENSE', 'package/README.md', 'package/package.json']));
    expect(listing.filter((f) => /\.map$|^package\/(src|test|fixtures|dist|node_modules)\//.test(f))).toEqual([]);
  });

  it('installs no dependencies: no TypeScript compiler, nothing but credlint', () => {
    const installed = readdirSync(join(project, 'node_modules')).filter((d) => !d.startsWith('.'));
    expect(installed).toEqual(['credlint']);
    const size = du(join(project, 'node_modules'));
    // Measured: ~8.4 MB: 1.7 MB of WASM grammars, 4.3 MB of IAM data (action catalogue and AWS
    // managed policies), the rest the bundle. A stray dependency tree (typescript alone is 24 MB)
    // would blow well past this.
    expect(size).toBeLessThan(12 * 1024 * 1024);
  });

  it('npx credlint reports a generated key, masked, with exit code 1', () => {
    const r = spawnSync('npx', ['--no-install', 'credlint', 'infra'], { cwd: project, encoding: 'utf8', env: { ...npmEnv, NO_COLOR: '1' } });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toContain('infra/user-data.sh');
    expect(r.stdout).toMatch(/2:\d+\s+error\s+.*no-aws-configure-in-bootstrap/);
    expect(r.stdout).toContain(`${key.slice(0, 4)}…${key.slice(-4)}`);
    expect(r.stdout).not.toContain(key);
  });

  it('scans the same with worker threads (the bundled worker finds its chunks and grammars)', () => {
    const bin = join(project, 'node_modules', '.bin', 'credlint');
    const one = spawnSync(bin, ['infra', '--format', 'json', '--concurrency', 'off'], { cwd: project, encoding: 'utf8' });
    const two = spawnSync(bin, ['infra', '--format', 'json', '--concurrency', '2'], { cwd: project, encoding: 'utf8' });
    expect(two.status, two.stderr).toBe(1);
    expect(two.stdout).toBe(one.stdout);
  });

  it('credlint --version prints the package version', () => {
    const r = spawnSync(join(project, 'node_modules', '.bin', 'credlint'), ['--version'], { cwd: project, encoding: 'utf8' });
    expect(r.stdout).toBe(`${pkg.version}\n`);
  });

  it("the README's API snippet runs as shown: import { lint, formatSarif } from 'credlint'", () => {
    writeFileSync(join(project, 'scan.mjs'), readmeBlock('js', "from 'credlint'"));
    const r = spawnSync(process.execPath, ['scan.mjs'], { cwd: project, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^[1-9]\d* findings\n$/);
    const sarif = JSON.parse(readFileSync(join(project, 'credlint.sarif'), 'utf8')) as { runs: Array<{ results: Array<{ ruleId: string }> }> };
    expect(sarif.runs[0]!.results.map((x) => x.ruleId)).toContain('no-aws-configure-in-bootstrap');
    expect(readFileSync(join(project, 'credlint.sarif'), 'utf8')).not.toContain(key);
  });

  it("require('credlint') works from CommonJS", () => {
    writeFileSync(join(project, 'api.cjs'), "const { lint, formatSarif, VERSION } = require('credlint');\nlint(['infra']).then((r) => console.log(VERSION, JSON.parse(formatSarif(r)).runs[0].results.length > 0));\n");
    const r = spawnSync(process.execPath, ['api.cjs'], { cwd: project, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${pkg.version} true\n`);
  });

  it('its types stand alone: a consumer with skipLibCheck: false compiles', () => {
    writeFileSync(
      join(project, 'check.ts'),
      [
        "import { lint, formatSarif, type Finding, type ScanResult } from 'credlint';",
        "const result: ScanResult = await lint(['infra']);",
        'const first: Finding | undefined = result.findings[0];',
        'const text: string = formatSarif(result);',
        'export const out = [first?.ruleId, text.length];',
      ].join('\n'),
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'nodenext', target: 'es2022', strict: true, skipLibCheck: false, noEmit: true, types: [] }, files: ['check.ts'] }),
    );
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', project], { cwd: project, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('the ESLint plugin loads with import next to ESLint, and its types compile against ESLint\'s', () => {
    const project = eslintProject;
    writeFileSync(join(project, 'esm.mjs'), "import plugin from 'credlint/eslint-plugin';\nconsole.log(Object.keys(plugin.rules).length, plugin.meta.name);\n");
    const esm = spawnSync(process.execPath, ['esm.mjs'], { cwd: project, encoding: 'utf8' });
    expect(esm.status, esm.stderr).toBe(0);
    expect(esm.stdout).toMatch(/^\d+ credlint\n$/);

    // Its types, against ESLint's own, with skipLibCheck: false.
    writeFileSync(
      join(project, 'eslint.config.ts'),
      "import type { Linter } from 'eslint';\nimport credlint from 'credlint/eslint-plugin';\nconst config: Linter.Config[] = [...credlint.configs.recommended];\nexport default config;\n",
    );
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', target: 'es2022', strict: true, skipLibCheck: false, noEmit: true, types: [] }, files: ['eslint.config.ts'] }));
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', project], { cwd: project, encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
  });

  // Node ≥ 20.19 loads an ES module with require() when its graph has no top-level await (the
  // grammars initialise synchronously, src/parsers/tree-sitter.ts).
  it("require('credlint/eslint-plugin') works from CommonJS", () => {
    writeFileSync(join(eslintProject, 'esm.mjs'), "import plugin from 'credlint/eslint-plugin';\nconsole.log(Object.keys(plugin.rules).length, plugin.meta.name);\n");
    writeFileSync(join(eslintProject, 'cjs.cjs'), "const plugin = require('credlint/eslint-plugin');\nconst p = plugin.default ?? plugin;\nconsole.log(Object.keys(p.rules).length, p.meta.name);\n");
    const esm = spawnSync(process.execPath, ['esm.mjs'], { cwd: eslintProject, encoding: 'utf8' });
    const cjs = spawnSync(process.execPath, ['cjs.cjs'], { cwd: eslintProject, encoding: 'utf8' });
    expect(cjs.stderr).not.toMatch(/ERR_REQUIRE/);
    expect(cjs.status, cjs.stderr).toBe(0);
    expect(cjs.stdout).toBe(esm.stdout);
  });

  // The package declares ESLint `^9.15 || ^10` as an optional peer (the plugin needs flat config and
  // the rule context of those versions). npm refuses an optional peer that is present at another
  // version, so a project still on ESLint 8 runs the command from a global (or npx) install; the
  // plugin, if imported there anyway, says which ESLint it needs.
  it('declares ESLint ^9.15 || ^10 as an optional peer; next to ESLint 8 a global install runs and the plugin says which ESLint it needs', () => {
    expect(pkg.peerDependencies).toEqual({ eslint: '^9.15 || ^10', typescript: '>=4.8.4 <6.1.0' });
    expect(pkg.peerDependenciesMeta).toEqual({ eslint: { optional: true }, typescript: { optional: true } });
    const old = join(t.dir, 'eslint8-consumer');
    mkdirSync(join(old, 'eslint8'), { recursive: true });
    // Stand-in for eslint@8.57 (offline): npm's peer check only reads the version.
    writeFileSync(join(old, 'eslint8', 'package.json'), JSON.stringify({ name: 'eslint', version: '8.57.0', main: 'index.js', exports: { '.': './index.js', './package.json': './package.json' } }));
    writeFileSync(join(old, 'eslint8', 'index.js'), 'module.exports = {};\n');
    writeFileSync(join(old, 'package.json'), JSON.stringify({ name: 'eslint8-consumer', version: '1.0.0', private: true, devDependencies: { eslint: 'file:./eslint8' } }));
    execFileSync('npm', ['install'], { cwd: old, encoding: 'utf8', env: npmEnv, stdio: 'pipe' });
    const prefix = join(t.dir, 'global-prefix');
    const install = spawnSync('npm', ['install', '--global', '--prefix', prefix, tarball], { cwd: old, encoding: 'utf8', env: npmEnv });
    expect(install.status, install.stderr).toBe(0);
    const version = spawnSync(join(prefix, 'bin', 'credlint'), ['--version'], { cwd: old, encoding: 'utf8' });
    expect(version.stdout).toBe(`${pkg.version}\n`);
    const globalPkg = join(prefix, 'lib', 'node_modules', 'credlint');
    // Resolved from the consumer's ESLint 8 the way a config in that project would load it.
    symlinkSync(globalPkg, join(old, 'node_modules', 'credlint'));
    writeFileSync(join(old, 'load.mjs'), "import('credlint/eslint-plugin').catch((e) => { console.log(e.message); });\n");
    const load = spawnSync(process.execPath, ['--preserve-symlinks', 'load.mjs'], { cwd: old, encoding: 'utf8' });
    expect(load.stdout).toBe('credlint/eslint-plugin needs ESLint ^9.15 || ^10 (this project has 8.57.0); the credlint command works without ESLint\n');
  });
});
