// --history, --staged and --shard on real scratch repositories (git is installed by .ci/run).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { rules } from '../../rules/index.js';
import { resolveConfig } from '../../src/config.js';
import { scan } from '../../src/engine/run.js';
import { gitProcessCount } from '../../src/engine/git.js';
import { parseShard, shardOf } from '../../src/engine/shard.js';
import { ROOT } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/tmp.js';
import { fakeAccessKeyId, fakeSecretAccessKey } from '../helpers/fake-keys.js';

const BIN = join(ROOT, 'bin', 'credlint.js');

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A scratch repository with fixed author dates, so commits are reproducible. */
function repo() {
  const t = tempDir('credlint-git-');
  let tick = 0;
  const git = (...args: string[]): string => {
    tick++;
    const date = `2024-01-${String(Math.min(tick, 28)).padStart(2, '0')}T10:00:00+02:00`;
    const r = spawnSync('git', ['-C', t.dir, '-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', '-c', 'commit.gpgsign=false', ...args], {
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout.trim();
  };
  git('init', '-q', '-b', 'main');
  const commit = (message: string): string => {
    git('add', '-A');
    git('commit', '-qm', message, '--allow-empty');
    return git('rev-parse', 'HEAD');
  };
  return { ...t, git, commit };
}

interface JsonFinding {
  ruleId: string;
  path: string;
  line: number;
  column: number;
  commit?: string;
  authorDate?: string;
  fingerprint: string;
}

function json(stdout: string): { findings: JsonFinding[]; stats: Record<string, number>; notifications: Array<{ id: string; message: string }> } {
  return JSON.parse(stdout);
}

describe('credlint --history', () => {
  const r = repo();
  const key1 = fakeAccessKeyId('hist-1');
  const key2 = fakeAccessKeyId('hist-2');
  const key3 = fakeAccessKeyId('hist-3');
  r.write('README.md', '# app\n');
  const c1 = r.commit('init');
  // A key committed in a path with spaces and non-ASCII letters, then deleted.
  r.write('ops/déploy me.sh', `#!/bin/sh\nexport KEY=${key1}\n`);
  const c2 = r.commit('add deploy script');
  // Same key, same path, file edited: still one finding, at the commit that introduced it.
  r.write('ops/déploy me.sh', `#!/bin/sh\n# edited\nexport KEY=${key1}\n`);
  const c3 = r.commit('edit');
  r.git('rm', '-q', 'ops/déploy me.sh');
  const c4 = r.commit('remove key');
  // A copy of an already scanned blob under another path is not scanned again.
  r.write('notes.txt', 'nothing here\n');
  r.write('copy.txt', 'nothing here\n');
  // Kinds follow the blob's path: a Dockerfile key is reported by the image rule.
  r.write('Dockerfile', `FROM alpine\nENV AWS_ACCESS_KEY_ID=${key2}\n`);
  // Binary and submodule entries are not content.
  r.write('logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, ...Buffer.from(key3)]));
  const c5 = r.commit('more');
  r.git('update-index', '--add', '--cacheinfo', `160000,${c1},vendor/lib`);
  r.git('commit', '-qm', 'submodule');
  // A key only a merge commit introduces (resolved in the merge itself).
  r.git('checkout', '-qb', 'feature');
  r.write('feature.txt', 'feature\n');
  r.commit('feature');
  r.git('checkout', '-q', 'main');
  r.write('main.txt', 'main\n');
  r.commit('main work');
  r.git('merge', '-q', '--no-ff', '--no-commit', 'feature');
  r.write('merge-only.txt', `${key3}\n`);
  r.git('add', 'merge-only.txt');
  r.git('commit', '-qm', 'merge');
  const head = r.git('rev-parse', 'HEAD');

  it('finds a key committed and later deleted, at the first commit that added it, with its author date', () => {
    const out = cli(['--history', '--format', 'json'], r.dir);
    expect(out.code).toBe(1);
    const { findings, stats } = json(out.stdout);
    expect(findings.map((f) => `${f.path}:${f.line}:${f.column} ${f.ruleId} ${f.commit?.slice(0, 7)}`)).toEqual([
      `Dockerfile:2:5 no-credentials-in-image ${c5.slice(0, 7)}`,
      `merge-only.txt:1:1 no-hardcoded-access-key-id ${head.slice(0, 7)}`,
      `ops/déploy me.sh:2:12 no-hardcoded-access-key-id ${c2.slice(0, 7)}`,
    ]);
    const deploy = findings.find((f) => f.path.startsWith('ops/'))!;
    expect(deploy.commit).toBe(c2);
    expect(deploy.authorDate).toMatch(/^2024-01-\d\dT10:00:00\+02:00$/);
    expect(stats.commits).toBe(9);
    expect(out.stdout).not.toContain(key1);
    expect([c3, c4]).not.toContain(deploy.commit);
  });

  it('scans each blob once: copies, unchanged re-adds and binaries are not rescanned, and one note counts the binaries', () => {
    const { stats, notifications } = json(cli(['--history', '--format', 'json'], r.dir).stdout);
    // README, deploy (2 versions), notes/copy (one blob), Dockerfile, logo, feature, main, merge-only.
    expect(stats.blobs).toBe(9);
    expect(stats.filesScanned).toBe(8);
    expect(notifications.filter((n) => n.id === 'binary-file').map((n) => n.message)).toEqual(['1 binary blob skipped (NUL byte in the first 8000 bytes)']);
  });

  it('scans only what a range adds (base..head, as the Action calls it for a pull request)', () => {
    const out = cli(['--history', `${c4}..${c5}`, '--format', 'json'], r.dir);
    expect(json(out.stdout).findings.map((f) => f.path)).toEqual(['Dockerfile']);
    expect(json(cli(['--history', `${c3}..${c4}`, '--format', 'json'], r.dir).stdout).findings).toEqual([]);
    expect(json(cli([`--history=${c1}..${c2}`, '--format', 'json'], r.dir).stdout).findings.map((f) => f.commit)).toEqual([c2]);
  });

  it('carries the commit into SARIF result properties and the text output, fingerprints unchanged', () => {
    const sarif = JSON.parse(cli(['--history', '--format', 'sarif'], r.dir).stdout) as Log;
    const result = sarif.runs[0]!.results!.find((x) => x.locations![0]!.physicalLocation!.artifactLocation!.uri === 'ops/d%C3%A9ploy%20me.sh')!;
    expect(result.properties).toMatchObject({ commitSha: c2, authorDate: expect.stringMatching(/^2024-01-/) });
    expect(cli(['--history', '--format', 'github'], r.dir).stdout).toMatch(
      new RegExp(`^::error file=ops/déploy me\\.sh,line=2,col=12,endLine=2,endColumn=32,title=credlint no-hardcoded-access-key-id::.* \\(commit ${c2.slice(0, 12)}, 2024-01-\\d\\d\\)$`, 'm'),
    );
    const text = cli(['--history'], r.dir).stdout;
    expect(text).toContain(`(commit ${c2.slice(0, 12)}, 2024-01-`);
    expect(text).toMatch(/in 8 blobs from 9 commits scanned/);
    // The same key at the same path in the work tree has the same fingerprint: one alert, one baseline entry.
    const t = tempDir();
    t.write('ops/déploy me.sh', `#!/bin/sh\nexport KEY=${key1}\n`);
    const tree = json(cli(['.', '--no-git', '--format', 'json'], t.dir).stdout).findings[0]!;
    expect(tree.fingerprint).toBe(json(cli(['--history', '--format', 'json'], r.dir).stdout).findings.find((f) => f.path === 'ops/déploy me.sh')!.fingerprint);
  });

  it('works with --baseline: a recorded history reports nothing new until a new key is committed', () => {
    const b = repo();
    b.write('a.txt', `${fakeAccessKeyId('base-1')}\n`);
    b.commit('one');
    expect(cli(['--history', '--write-baseline', 'baseline.json'], b.dir).code).toBe(0);
    expect(readFileSync(join(b.dir, 'baseline.json'), 'utf8')).not.toContain(fakeAccessKeyId('base-1'));
    expect(cli(['--history', '--baseline', 'baseline.json'], b.dir).code).toBe(0);
    b.write('b.txt', `${fakeAccessKeyId('base-2')}\n`);
    b.commit('two');
    const out = cli(['--history', '--baseline', 'baseline.json', '--format', 'json'], b.dir);
    expect(out.code).toBe(1);
    expect(json(out.stdout).findings.map((f) => f.path)).toEqual(['b.txt']);
  });

  it('applies the configuration of the work tree: ignore and allow.paths cover history paths, maxFileSize caps blobs', () => {
    const c = repo();
    c.write('fixtures/old.txt', `${fakeAccessKeyId('cfg-1')}\n`);
    c.write('allowed/x.txt', `${fakeAccessKeyId('cfg-2')}\n`);
    c.write('big.txt', `${'x'.repeat(3000)}\n${fakeAccessKeyId('cfg-3')}\n`);
    c.write('kept.txt', `${fakeAccessKeyId('cfg-4')}\n`);
    c.commit('keys');
    c.git('rm', '-rq', 'fixtures');
    c.commit('rm');
    c.write('credlint.config.yaml', 'ignore: ["fixtures/"]\nallow:\n  paths: ["allowed/"]\nmaxFileSize: 2KB\n');
    const out = json(cli(['--history', '--format', 'json'], c.dir).stdout);
    expect(out.findings.map((f) => f.path)).toEqual(['kept.txt']);
    expect(out.notifications.find((n) => n.id === 'file-too-large')?.message).toMatch(/^big\.txt \(commit [0-9a-f]{12}\): skipped: 3 KB is over the size limit of 2 KB/);
  });

  it('reads every blob through one git cat-file process (a fixed number of git processes, whatever the history size)', async () => {
    const config = resolveConfig({}, rules);
    const before = gitProcessCount.value;
    const result = await scan({ cwd: r.dir, paths: [], config, rules, history: true });
    expect(result.findings).toHaveLength(3);
    // rev-parse, git log, rev-list --count, cat-file --batch.
    expect(gitProcessCount.value - before).toBe(4);
  });

  it('shards a history scan by the path a blob first appeared at: the shards together equal the full history', async () => {
    const h = repo();
    for (let i = 0; i < 30; i++) h.write(`d${i % 4}/k${i}.txt`, `${fakeAccessKeyId(`hshard-${i}`)}\n`);
    h.commit('keys');
    // The same blob again under another path: still scanned once, in one shard.
    h.write('elsewhere/k0.txt', `${fakeAccessKeyId('hshard-0')}\n`);
    h.commit('copy');
    const config = resolveConfig({}, rules);
    const full = await scan({ cwd: h.dir, paths: [], config, rules, history: true });
    const parts = await Promise.all([1, 2, 3].map((index) => scan({ cwd: h.dir, paths: [], config, rules, history: true, shard: { index, count: 3 } })));
    const ids = (fs: typeof full.findings) => fs.map((f) => `${f.path} ${f.fingerprint} ${f.commit?.sha}`);
    expect(parts.every((p) => p.findings.length > 0)).toBe(true);
    expect(parts.flatMap((p) => ids(p.findings)).sort()).toEqual(ids(full.findings).sort());
    expect(full.findings).toHaveLength(30);
  });

  it('gives byte-identical reports with worker threads and without', () => {
    const w = repo();
    for (let c = 0; c < 3; c++) {
      for (let i = 0; i < 100; i++) w.write(`src/f${i}.txt`, `v${c}\n${i % 10 === c ? `${fakeAccessKeyId(`threads-${c}-${i}`)}\n` : ''}`);
      w.commit(`round ${c}`);
    }
    const single = cli(['--history', '--format', 'sarif', '--concurrency', 'off'], w.dir);
    const threaded = cli(['--history', '--format', 'sarif', '--concurrency', '2'], w.dir);
    expect(single.code).toBe(1);
    expect(threaded.stdout).toBe(single.stdout);
    expect((JSON.parse(single.stdout) as Log).runs[0]!.results).toHaveLength(30);
  });

  it('handles path names with newlines and bytes that are not UTF-8', () => {
    const n = repo();
    n.write('line\nbreak.txt', `${fakeAccessKeyId('nl-1')}\n`);
    writeFileSync(Buffer.concat([Buffer.from(`${n.dir}/latin-`), Buffer.from([0xe9]), Buffer.from('.txt')]), `${fakeAccessKeyId('nl-2')}\n`);
    n.commit('odd names');
    const { findings } = json(cli(['--history', '--format', 'json'], n.dir).stdout);
    expect(findings.map((f) => f.path)).toEqual(['latin-\uFFFD.txt', 'line\nbreak.txt']);
  });

  it('exits 2 with one line for a bad range, for paths given with --history, and outside a repository', () => {
    const bad = cli(['--history', 'no-such-ref..HEAD'], r.dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^credlint: --history no-such-ref\.\.HEAD: .+\n$/);
    expect(cli(['--history', 'HEAD', 'src/'], r.dir)).toMatchObject({ code: 2 });
    const t = tempDir();
    expect(cli(['--history'], t.dir)).toMatchObject({ code: 2, stderr: 'credlint: --history: not inside a git work tree\n' });
  });
});

describe('credlint --staged with 2,000 staged files', () => {
  it('reads every staged blob through one git cat-file and finds every key', async () => {
    const r = repo();
    r.write('base.txt', 'base\n');
    r.commit('base');
    const keys: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const withKey = i % 100 === 0;
      if (withKey) keys.push(fakeAccessKeyId(`staged-many-${i}`));
      r.write(`src/m${Math.floor(i / 100)}/file-${i}.js`, `export const n${i} = ${i};\n${withKey ? `const k = '${keys[keys.length - 1]}';\n` : ''}`);
    }
    r.git('add', '-A');
    // An unstaged edit to a staged file: the staged version is what counts.
    r.write('src/m0/file-0.js', 'export const n0 = 0;\n');
    const config = resolveConfig({}, rules, { onlyRules: ['no-hardcoded-access-key-id'] });
    const before = gitProcessCount.value;
    const result = await scan({ cwd: r.dir, paths: [], config, rules, staged: true });
    // rev-parse, diff --cached, cat-file --batch: not one process per file.
    expect(gitProcessCount.value - before).toBe(3);
    expect(result.stats.filesScanned).toBe(2000);
    expect(result.findings.map((f) => `${f.path}:${f.region.startLine}:${f.region.startColumn}`)).toEqual(
      keys.map((_, j) => `src/m${j}/file-${j * 100}.js:2:12`).sort(),
    );
  });
});

describe('--shard I/N', () => {
  const t = tempDir();
  for (let i = 0; i < 60; i++) {
    t.write(`pkg${i % 7}/f${i}.txt`, `id = ${fakeAccessKeyId(`shard-${i}`)}\nsecret_access_key = ${fakeSecretAccessKey(`shard-${i}`)}\n`);
  }
  // Findings that depend on another file (a provider's var.x whose default is in a sibling):
  // whichever shards the two files fall in, the shards add up to the full scan.
  for (let m = 0; m < 6; m++) {
    t.write(`tf${m}/variables.tf`, `variable "k" {\n  default = "${fakeAccessKeyId(`shard-tf-${m}`)}"\n}\n`);
    t.write(`tf${m}/main.tf`, 'provider "aws" {\n  access_key = var.k\n}\n');
  }

  it('splits the files into disjoint shards whose findings together equal a full scan', async () => {
    const config = resolveConfig({}, rules);
    const full = await scan({ cwd: t.dir, paths: ['.'], config, rules, useGit: false, concurrency: 'off' });
    expect(full.findings.length).toBeGreaterThanOrEqual(60);
    const key = (f: { path: string; fingerprint: string }) => `${f.path}\0${f.fingerprint}`;
    const seen = new Set<string>();
    const union: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const part = await scan({ cwd: t.dir, paths: ['.'], config, rules, useGit: false, concurrency: 'off', shard: { index: i, count: 3 } });
      expect(part.findings.length).toBeGreaterThan(0);
      for (const f of part.findings) {
        expect(seen.has(key(f)), `${f.path} in two shards`).toBe(false);
        seen.add(key(f));
        union.push(key(f));
      }
    }
    expect(union.sort()).toEqual(full.findings.map(key).sort());
    expect(full.findings.filter((f) => f.path.endsWith('.tf')).map((f) => f.path)).toEqual([0, 1, 2, 3, 4, 5].map((m) => `tf${m}/variables.tf`));
    // The layout does split some modules across shards, so the case is exercised.
    expect([0, 1, 2, 3, 4, 5].some((m) => shardOf(`tf${m}/variables.tf`, 3) !== shardOf(`tf${m}/main.tf`, 3))).toBe(true);
  });

  it('is stable: the shard of a path depends on the path only', () => {
    expect(shardOf('src/a.ts', 4)).toBe(shardOf('src/a.ts', 4));
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) counts[shardOf(`dir/file-${i}.ts`, 4) - 1]!++;
    for (const c of counts) expect(c).toBeGreaterThan(850);
  });

  it('names the SARIF category credlint/shard-I-of-N and rejects malformed shards', () => {
    const sarif = JSON.parse(cli(['.', '--no-git', '--shard', '2/3', '--format', 'sarif'], t.dir).stdout) as Log;
    // GitHub reads the category up to the id's last slash.
    expect(sarif.runs[0]!.automationDetails!.id).toBe('credlint/shard-2-of-3/');
    expect(() => parseShard('0/3')).toThrow('--shard: expected I/N with 1 <= I <= N <= 1024 (e.g. 2/4), got "0/3"');
    expect(() => parseShard('4/3')).toThrow();
    expect(() => parseShard('1of3')).toThrow();
    expect(cli(['.', '--shard', 'x'], t.dir)).toMatchObject({ code: 2 });
  });
});
