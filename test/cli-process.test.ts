// The command as a process, in the situations CI and terminals put it in: a reader that goes
// away (`credlint . | head -1`), an interrupt or termination mid-scan, `-o` onto a FIFO nobody
// reads, a directory that cannot be listed. Each asserts the exit code, that stderr holds one
// clear line and no stack trace, and what is (not) left on disk.
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers/fixtures.js';
import { tempDir } from './helpers/tmp.js';
import { fakeAccessKeyId } from './helpers/fake-keys.js';

const BIN = join(ROOT, 'bin', 'credlint.js');
const ENV = { ...process.env, NO_COLOR: '1' };
/** What a stack trace looks like on stderr. */
const STACK = /^\s+at .+\(.*:\d+:\d+\)$|^\s+at .+:\d+:\d+$|node:internal/m;

/** A directory whose stylish report is far larger than a pipe's buffer (64 KB). */
function manyFindings(): string {
  const t = tempDir('credlint-proc-');
  const lines: string[] = [];
  for (let i = 0; i < 1500; i++) lines.push(`key_${i} = ${fakeAccessKeyId(`proc-${i}`)}`);
  t.write('keys.txt', `${lines.join('\n')}\n`);
  return t.dir;
}

/**
 * Starts `credlint - -o <report>` reading a standard input that never ends (so the scan is
 * certainly still running), waits until it is reading, sends `signal`.
 */
async function interrupt(signal: 'SIGINT' | 'SIGTERM'): Promise<{ code: number | null; stderr: string; dir: string; report: string }> {
  const t = tempDir('credlint-sig-');
  const report = t.write('report.sarif', 'the previous report\n');
  const child = spawn(process.execPath, [BIN, '-', '--stdin-filename', 'user-data.sh', '--format', 'sarif', '-o', report], { cwd: t.dir, env: ENV, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // A script of 1 MB, the rest never comes. The write drains only once the command has read
  // most of it, so its handlers (installed before it reads) are in place when the signal comes.
  const head = `#!/bin/bash\nexport AWS_ACCESS_KEY_ID=${fakeAccessKeyId('sig')}\n`;
  const drained = new Promise<void>((resolve) => {
    if (child.stdin.write(head + '# padding\n'.repeat(100_000))) resolve();
    else child.stdin.once('drain', () => resolve());
  });
  await Promise.race([drained, exited.then(() => Promise.reject(new Error(`the command exited early: ${stderr}`)))]);
  child.kill(signal);
  const code = await exited;
  child.stdin.destroy();
  return { code, stderr, dir: t.dir, report };
}

describe('the command as a process', () => {
  it('`credlint . | head -1`: the reader leaving ends the run quietly, exit code as without it', () => {
    const dir = manyFindings();
    for (const [flags, expected] of [['', 1], ['--exit-zero', 0]] as const) {
      const r = spawnSync('bash', ['-c', `"$0" "$1" . ${flags} | head -1; exit "\${PIPESTATUS[0]}"`, process.execPath, BIN], { cwd: dir, env: ENV, encoding: 'utf8', timeout: 120_000 });
      expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
      expect(r.stderr, r.stderr).not.toMatch(STACK);
      expect(r.stderr).not.toMatch(/EPIPE|Error/);
      expect(r.status, `${flags}: ${r.stderr}`).toBe(expected);
    }
  });

  it('SIGINT mid-scan: exit 130, the existing -o file untouched, no partial report left', async () => {
    const { code, stderr, dir, report } = await interrupt('SIGINT');
    expect(code).toBe(130);
    expect(stderr).not.toMatch(STACK);
    expect(readFileSync(report, 'utf8')).toBe('the previous report\n');
    expect(readdirSync(dir)).toEqual(['report.sarif']);
  });

  it('SIGTERM mid-scan: exit 143, the existing -o file untouched, no partial report left', async () => {
    const { code, stderr, dir, report } = await interrupt('SIGTERM');
    expect(code).toBe(143);
    expect(stderr).not.toMatch(STACK);
    expect(readFileSync(report, 'utf8')).toBe('the previous report\n');
    expect(readdirSync(dir)).toEqual(['report.sarif']);
  });

  it('-o onto a FIFO with no reader: no hang, exit 2, one clear line', () => {
    const t = tempDir('credlint-fifo-');
    t.write('main.tf', 'provider "aws" {\n  region = "us-east-1"\n}\n');
    const fifo = join(t.dir, 'report.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = spawnSync(process.execPath, [BIN, 'main.tf', '-o', fifo], { cwd: t.dir, env: ENV, encoding: 'utf8', timeout: 60_000 });
    expect(r.error, 'the command hung on the FIFO').toBeUndefined();
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('report.fifo');
    expect(r.stderr).not.toMatch(STACK);
  });

  describe('a directory that cannot be listed', () => {
    // As root (CI containers), permission bits do not stop a listing: the command then runs as
    // the unprivileged user `nobody` (setpriv, util-linux), for whom `chmod 000` does.
    const asRoot = process.getuid?.() === 0;
    function runLocked(args: string[], cwd: string) {
      const command = asRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...args] : [process.execPath, BIN, ...args];
      return spawnSync(command[0] as string, command.slice(1), { cwd, env: ENV, encoding: 'utf8', timeout: 120_000 });
    }
    function tree() {
      const t = tempDir('credlint-locked-');
      t.write('visible/keys.env', `AWS_ACCESS_KEY_ID=${fakeAccessKeyId('locked-visible')}\n`);
      t.write('locked/keys.env', `AWS_ACCESS_KEY_ID=${fakeAccessKeyId('locked-hidden')}\n`);
      chmodSync(t.dir, 0o755);
      chmodSync(join(t.dir, 'visible'), 0o755);
      chmodSync(join(t.dir, 'visible', 'keys.env'), 0o644);
      chmodSync(join(t.dir, 'locked'), 0o000);
      return t.dir;
    }

    it('the listing really fails for the user the command runs as (else this test proves nothing)', () => {
      const dir = tree();
      const probe = asRoot
        ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'ls', join(dir, 'locked')], { encoding: 'utf8' })
        : spawnSync('ls', [join(dir, 'locked')], { encoding: 'utf8' });
      expect(probe.status).not.toBe(0);
      expect(existsSync(join(dir, 'visible', 'keys.env'))).toBe(true);
    });

    it('inside the scanned tree: a notification naming it, the rest still scanned and reported', () => {
      const dir = tree();
      const r = runLocked(['.', '--format', 'json', '--no-git'], dir);
      const report = JSON.parse(r.stdout) as { findings: Array<{ path: string }>; notifications: Array<{ path?: string; message: string }> };
      expect(report.findings.map((f) => f.path)).toEqual(['visible/keys.env']);
      expect(report.notifications.some((n) => (n.path ?? n.message).includes('locked'))).toBe(true);
      expect(r.status).toBe(1);
      expect(r.stderr).not.toMatch(STACK);
    });

    it('named on the command line: exit 2, one clear line', () => {
      const dir = tree();
      const r = runLocked(['locked'], dir);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain('locked');
      expect(r.stderr).not.toMatch(STACK);
    });
  });
});
