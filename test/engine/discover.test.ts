// File discovery on its own: nested .gitignore semantics, links, order, git mode, patterns.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { discoverEach, discoverFiles, type DiscoveredFile } from '../../src/engine/discover.js';
import { tempDir } from '../helpers/tmp.js';

const git = (dir: string, ...args: string[]) => execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { stdio: 'pipe' });
const paths = (files: readonly DiscoveredFile[]) => files.filter((f) => !f.refused).map((f) => f.relPath);
const walkOf = (dir: string, extra: Partial<Parameters<typeof discoverFiles>[0]> = {}) => discoverFiles({ baseDir: dir, paths: ['.'], ignore: [], useGit: false, ...extra });

describe('walking outside git', () => {
  it('a subdirectory named on the command line keeps the .gitignore files above it (as a walk from the base, as git)', async () => {
    const t = tempDir();
    t.write('.gitignore', '*.log\n!important.log\ndist/\n');
    t.write('logs/other.log', 'x');
    t.write('logs/important.log', 'x');
    t.write('a/.gitignore', 'sub/*\n!sub/x.env\n');
    t.write('a/sub/.hidden.env', 'x');
    t.write('a/sub/x.env', 'x');
    t.write('dist/app.js', 'x');
    const named = async (p: string) => paths(await walkOf(t.dir, { paths: [p] }));
    expect(await named('logs')).toEqual(['logs/important.log']);
    expect(await named('a/sub')).toEqual(['a/sub/x.env']);
    // A directory the .gitignore files ignore as a whole is scanned when named: the user asked for it.
    expect(await named('dist')).toEqual(['dist/app.js']);
    expect(paths(await walkOf(t.dir))).toEqual(['.gitignore', 'a/.gitignore', 'a/sub/x.env', 'logs/important.log']);
  });

  it('applies nested .gitignore files from the root down, negation included', async () => {
    const t = tempDir();
    t.write('.gitignore', '*.log\n/generated/\nsecrets/*\n!secrets/README.md\n');
    t.write('a.log', 'x');
    t.write('a.txt', 'x');
    t.write('generated/out.txt', 'x');
    t.write('deep/generated/kept.txt', 'x'); // `/generated/` is anchored to the root
    t.write('secrets/README.md', 'x');
    t.write('secrets/key.txt', 'x');
    t.write('svc/.gitignore', '!keep.log\n*.tmp\n');
    t.write('svc/keep.log', 'x');
    t.write('svc/drop.log', 'x');
    t.write('svc/x.tmp', 'x');
    t.write('svc/inner/.gitignore', '!x.tmp\n');
    t.write('svc/inner/x.tmp', 'x');
    t.write('svc/inner/y.log', 'x');
    expect(paths(await walkOf(t.dir))).toEqual([
      '.gitignore',
      'a.txt',
      'deep/generated/kept.txt',
      'secrets/README.md',
      'svc/.gitignore',
      'svc/inner/.gitignore',
      'svc/inner/x.tmp',
      'svc/keep.log',
    ]);
  });

  it('does not enter a directory the .gitignore files exclude, as git (a file inside cannot be re-included)', async () => {
    const t = tempDir();
    t.write('.gitignore', 'build/\n');
    t.write('build/.gitignore', '!*\n');
    t.write('build/out.txt', 'x');
    t.write('src/a.txt', 'x');
    expect(paths(await walkOf(t.dir))).toEqual(['.gitignore', 'src/a.txt']);
  });

  it('delivers the same files in the same order every time, whatever order they were created in', async () => {
    const names = ['b/z.txt', 'a-b.txt', 'a/x.txt', 'A.txt', 'a.txt', 'b/a/c.txt', 'é.txt', 'Z/y.txt'];
    const orders: string[][] = [];
    for (const order of [names, [...names].reverse()]) {
      const t = tempDir();
      for (const n of order) t.write(n, 'x');
      const streamed: string[] = [];
      await discoverEach({ baseDir: t.dir, paths: ['.'], ignore: [], useGit: false }, (f) => streamed.push(f.relPath));
      orders.push(streamed);
      // discoverFiles sorts by code unit, as before.
      expect(paths(await walkOf(t.dir))).toEqual([...names].sort((x, y) => (x < y ? -1 : 1)));
    }
    expect(orders[0]).toEqual(orders[1]);
    // Depth first: a directory's files, then its subdirectories, each in code-unit order.
    expect(orders[0]).toEqual(['A.txt', 'a-b.txt', 'a.txt', 'é.txt', 'Z/y.txt', 'a/x.txt', 'b/z.txt', 'b/a/c.txt']);
  });

  it('lists links without following them, refuses those leaving the root, skips .git and node_modules by name', async () => {
    const t = tempDir();
    const outside = tempDir();
    outside.write('credentials', 'x');
    t.write('real/a.txt', 'x');
    t.write('.git/config', 'x');
    t.write('lib/node_modules/p/i.js', 'x');
    symlinkSync(join(outside.dir, 'credentials'), join(t.dir, 'notes.txt'));
    symlinkSync('real', join(t.dir, 'dirlink')); // a link to a directory inside: listed, not walked
    symlinkSync(join(outside.dir, 'credentials'), join(t.dir, 'node_modules'));
    const files = await walkOf(t.dir);
    expect(paths(files)).toEqual(['dirlink', 'real/a.txt']);
    expect(files.filter((f) => f.refused).map((f) => [f.relPath, f.refused?.id])).toEqual([['notes.txt', 'not-a-file']]);
  });

  it('applies user excludes relative to their base', async () => {
    const t = tempDir();
    t.write('app/gen/a.txt', 'x');
    t.write('app/src/b.txt', 'x');
    const files = await discoverFiles({ baseDir: join(t.dir, 'app'), paths: ['.'], ignore: ['app/gen/'], ignoreBase: t.dir, useGit: false });
    expect(paths(files)).toEqual(['src/b.txt']);
  });

  it('expands a quoted glob pattern that names no path, and rejects one that matches nothing', async () => {
    const t = tempDir();
    t.write('infra/a.tf', 'x');
    t.write('infra/mod/b.tf', 'x');
    t.write('infra/c.txt', 'x');
    t.write('node_modules/m/d.tf', 'x');
    expect(paths(await discoverFiles({ baseDir: t.dir, paths: ['**/*.tf'], ignore: [], useGit: false }))).toEqual(['infra/a.tf', 'infra/mod/b.tf']);
    await expect(discoverFiles({ baseDir: t.dir, paths: ['**/*.none'], ignore: [], useGit: false })).rejects.toThrow(/no file matches/);
    await expect(discoverFiles({ baseDir: t.dir, paths: ['missing.tf'], ignore: [], useGit: false })).rejects.toThrow(/no such file or directory/);
  });
});

describe('in a git work tree', () => {
  it('lists tracked and untracked files, drops deleted ones, and checks links git or the work tree knows of', async () => {
    const t = tempDir();
    const outside = tempDir();
    outside.write('credentials', 'x');
    t.write('.gitignore', 'ignored.txt\n');
    t.write('tracked.txt', 'x');
    t.write('gone.txt', 'x');
    t.write('swapped.txt', 'x');
    t.write('ignored.txt', 'x');
    symlinkSync(join(outside.dir, 'credentials'), join(t.dir, 'committed-link'));
    git(t.dir, 'init', '-q');
    git(t.dir, 'add', '.');
    git(t.dir, 'commit', '-qm', 'x');
    rmSync(join(t.dir, 'gone.txt'));
    // A tracked file replaced by a link in the work tree, not staged: the work tree is what is read.
    rmSync(join(t.dir, 'swapped.txt'));
    symlinkSync(join(outside.dir, 'credentials'), join(t.dir, 'swapped.txt'));
    symlinkSync(join(outside.dir, 'credentials'), join(t.dir, 'untracked-link'));
    writeFileSync(join(t.dir, 'untracked.txt'), 'x');
    const files = await discoverFiles({ baseDir: t.dir, paths: ['.'], ignore: [] });
    expect(paths(files)).toEqual(['.gitignore', 'tracked.txt', 'untracked.txt']);
    expect(files.filter((f) => f.refused).map((f) => f.relPath)).toEqual(['committed-link', 'swapped.txt', 'untracked-link']);
  });

  it('reports paths relative to the base directory when scanning a subdirectory', async () => {
    const t = tempDir();
    t.write('sub/a.txt', 'x');
    t.write('b.txt', 'x');
    git(t.dir, 'init', '-q');
    const files = await discoverFiles({ baseDir: t.dir, paths: ['sub'], ignore: [] });
    expect(files.map((f) => [f.relPath, f.absPath])).toEqual([['sub/a.txt', join(t.dir, 'sub', 'a.txt')]]);
  });
});
