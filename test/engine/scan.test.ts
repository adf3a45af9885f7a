import { describe, expect, it } from 'vitest';
import { chmodSync, symlinkSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { rules } from '../../rules/index.js';
import { resolveConfig } from '../../src/config.js';
import { scan } from '../../src/engine/run.js';
import { decodeBytes, describeFsError } from '../../src/engine/read.js';
import { tempDir } from '../helpers/tmp.js';
import { fakeAccessKeyId } from '../helpers/fake-keys.js';

const RULE = 'no-hardcoded-access-key-id';
const config = (extra = {}) => resolveConfig(extra, rules, { onlyRules: [RULE] });
const key = fakeAccessKeyId('scan-1');
const key2 = fakeAccessKeyId('scan-2');

describe('scanning a directory of problem files', () => {
  const t = tempDir();
  t.write('ok.txt', `token ${key}\n`);
  t.write('binary.bin', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2]));
  t.write('empty.txt', '');
  t.write('huge.min.js', 'x'.repeat(10 * 1024 * 1024));
  t.write('latin1.txt', Buffer.concat([Buffer.from('caf\xe9 ', 'latin1'), Buffer.from(`${key2}\n`)]));
  t.write('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`id=${key}\n`, 'utf16le')]));
  t.write('utf16be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(`id=${key}\n`, 'utf16le').swap16()]));
  t.write('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${key}\n`)]));
  t.write('dir with space/ключ ü.txt', `# note\n  ${key2}\n`);
  const locked = t.write('locked.txt', `${key}\n`);
  chmodSync(locked, 0);
  symlinkSync('loop-b', join(t.dir, 'loop-a'));
  symlinkSync('loop-a', join(t.dir, 'loop-b'));
  symlinkSync('missing-target', join(t.dir, 'dangling'));
  execFileSync('mkfifo', [join(t.dir, 'fifo')]);

  it('scans to the end and turns each problem file into a notification', async () => {
    const result = await scan({ cwd: t.dir, paths: ['.'], config: config(), rules, useGit: false, concurrency: 'off' });
    const byPath = new Map(result.notifications.map((n) => [n.path, n.id]));
    expect(byPath.get('binary.bin')).toBe('binary-file');
    expect(byPath.get('huge.min.js')).toBe('file-too-large');
    expect(byPath.get('latin1.txt')).toBe('invalid-encoding');
    expect(byPath.get('loop-a')).toBe('unreadable-file');
    expect(byPath.get('loop-b')).toBe('unreadable-file');
    expect(byPath.get('dangling')).toBe('unreadable-file');
    expect(byPath.get('fifo')).toBe('not-a-file');
    if (process.getuid?.() !== 0) expect(byPath.get('locked.txt')).toBe('unreadable-file');
    const paths = result.findings.map((f) => `${f.path}:${f.region.startLine}:${f.region.startColumn}`);
    expect(paths).toContain('ok.txt:1:7');
    expect(paths).toContain('latin1.txt:1:6');
    expect(paths).toContain('utf16.txt:1:4');
    expect(paths).toContain('utf16be.txt:1:4');
    expect(paths).toContain('bom.txt:1:1');
    expect(paths).toContain('dir with space/ключ ü.txt:2:3');
    expect(result.stats.filesScanned).toBeGreaterThanOrEqual(7);
    // The empty file is scanned, not skipped.
    expect(byPath.has('empty.txt')).toBe(false);
  });

  it('honours a larger size limit', async () => {
    const result = await scan({ cwd: t.dir, paths: ['huge.min.js'], config: { ...config(), maxFileSize: 20 * 1024 * 1024 }, rules, useGit: false });
    expect(result.notifications).toEqual([]);
    expect(result.stats.filesScanned).toBe(1);
  });
});

describe('file discovery', () => {
  it('walks with .gitignore files outside git, skipping node_modules and .git', async () => {
    const t = tempDir();
    t.write('.gitignore', 'build/\n*.log\n');
    t.write('sub/.gitignore', 'secret-*.txt\n');
    t.write('src/a.txt', `${key}\n`);
    t.write('build/out.txt', `${key}\n`);
    t.write('debug.log', `${key}\n`);
    t.write('sub/secret-1.txt', `${key}\n`);
    t.write('sub/kept.txt', `${key}\n`);
    t.write('node_modules/pkg/index.js', `${key}\n`);
    t.write('.git/config', `${key}\n`);
    t.write('vendor/x.txt', `${key}\n`);
    const result = await scan({ cwd: t.dir, paths: [], config: config({ ignore: ['vendor/'] }), rules, useGit: false });
    expect([...new Set(result.findings.map((f) => f.path))].sort()).toEqual(['src/a.txt', 'sub/kept.txt']);
  });

  it('uses the tracked and untracked-but-not-ignored files in a git work tree', async () => {
    const t = tempDir();
    t.write('.gitignore', 'ignored.txt\n');
    t.write('tracked.txt', `${key}\n`);
    t.write('untracked.txt', `${key}\n`);
    t.write('ignored.txt', `${key}\n`);
    t.write('gone.txt', `${key}\n`);
    const git = (...args: string[]) => execFileSync('git', ['-C', t.dir, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args]);
    git('init', '-q');
    git('add', 'tracked.txt', 'gone.txt', '.gitignore');
    git('commit', '-qm', 'x');
    execFileSync('rm', [join(t.dir, 'gone.txt')]);
    const result = await scan({ cwd: t.dir, paths: ['.'], config: config(), rules });
    expect([...new Set(result.findings.map((f) => f.path))].sort()).toEqual(['tracked.txt', 'untracked.txt']);
    expect(result.notifications).toEqual([]);
  });

  it('always scans a file named explicitly, even if ignored', async () => {
    const t = tempDir();
    t.write('.gitignore', 'ignored.txt\n');
    t.write('ignored.txt', `${key}\n`);
    const result = await scan({ cwd: t.dir, paths: ['ignored.txt'], config: config({ ignore: ['*.txt'] }), rules, useGit: false });
    expect(result.findings).toHaveLength(1);
  });

  it('rejects a missing path as a usage error', async () => {
    const t = tempDir();
    await expect(scan({ cwd: t.dir, paths: ['nope'], config: config(), rules })).rejects.toThrow(/nope: no such file or directory/);
  });

  it('drops findings in allow-listed paths', async () => {
    const t = tempDir();
    t.write('test/fixtures/a.txt', `${key}\n`);
    t.write('src/b.txt', `${key}\n`);
    const result = await scan({ cwd: t.dir, paths: [], config: config({ allow: { paths: ['test/fixtures/'] } }), rules, useGit: false });
    expect(result.findings.map((f) => f.path)).toEqual(['src/b.txt']);
  });
});

describe('decoding', () => {
  it('names fs errors plainly', () => {
    expect(describeFsError({ code: 'EACCES' })).toBe('permission denied');
    expect(describeFsError({ code: 'ELOOP' })).toBe('symbolic link loop');
  });

  it('scans text with a NUL after a UTF-8 BOM (a script bash would run) and UTF-16 as text', () => {
    const nul = decodeBytes(Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0x00]), 'a');
    expect(nul.ok && nul.text).toBe('A\u0000');
    expect(nul.ok && nul.notifications.map((n) => n.id)).toEqual(['binary-file']);
    expect(decodeBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]), 'a.png').ok).toBe(false);
    const r = decodeBytes(Buffer.from([0xff, 0xfe, 0x41, 0x00]), 'a');
    expect(r.ok && r.text).toBe('A');
  });
});
