// Git plumbing shared by `--staged` and `--history`: the repository's top level, and one
// long-lived `git cat-file --batch` process that reads any number of blobs. Starting a git
// process costs ~2–5 ms; one per file made 2,000 staged files take 42 s.
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { UsageError } from '../config.js';

const execFileAsync = promisify(execFile);

/** Counts git processes started here (tests assert on it: one batch reader, not one per file). */
export const gitProcessCount = { value: 0 };

/**
 * The work tree's top directory. With `allowBare` (history scans need no work tree), a bare
 * repository — a CI mirror — stands for its own top: paths are then reported as in the repository.
 */
export async function gitTopLevel(dir: string, flag: string, allowBare = false): Promise<string> {
  const rev = async (args: string[]) => {
    gitProcessCount.value++;
    return (await execFileAsync('git', ['-C', dir, 'rev-parse', ...args], { encoding: 'utf8' }).catch(() => undefined))?.stdout.trim();
  };
  const top = await rev(['--show-toplevel']);
  if (top) return top;
  if (allowBare) {
    const [bare, gitDir] = ((await rev(['--is-bare-repository', '--absolute-git-dir'])) ?? '').split('\n');
    if (bare === 'true' && gitDir) return gitDir;
  }
  throw new UsageError(`${flag}: not inside a git work tree`);
}

/** Runs git and returns stdout as bytes (paths from `-z` output may be any bytes). */
export async function gitBytes(top: string, args: readonly string[]): Promise<Buffer> {
  gitProcessCount.value++;
  const { stdout } = await execFileAsync('git', ['-C', top, ...args], { encoding: 'buffer', maxBuffer: 1024 * 1024 * 1024 });
  return stdout as unknown as Buffer;
}

export type BlobRead =
  | { readonly status: 'ok'; readonly data: Buffer }
  | { readonly status: 'too-large'; readonly size: number }
  | { readonly status: 'missing' };

/**
 * Reads `oids` in order through one `git cat-file --batch`, calling `onBlob` for each as it
 * arrives. Blobs over `maxBytes` are skipped as they stream by (never held in memory). The
 * callback runs synchronously inside the stream handler, so while a blob is being scanned
 * git blocks on a full pipe: memory stays at about one blob plus the pipe buffer.
 */
export interface BlobFlow {
  /** Stops reading until `resume()` (the consumer has enough in hand). */
  pause(): void;
  resume(): void;
}

export function readBlobs(
  top: string,
  oids: readonly string[],
  maxBytes: number,
  onBlob: (oid: string, read: BlobRead, index: number) => void,
  onFlow?: (flow: BlobFlow) => void,
): Promise<void> {
  if (oids.length === 0) return Promise.resolve();
  return new Promise((resolvePromise, reject) => {
    gitProcessCount.value++;
    const child = spawn('git', ['-C', top, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let index = 0;
    let pending: Buffer = Buffer.alloc(0);
    // The blob being read: its header is parsed, `remaining` body bytes (+1 newline) to go.
    let current: { oid: string; size: number; chunks: Buffer[] | undefined; remaining: number } | undefined;
    let stderr = '';
    let failed = false;

    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      child.kill();
      reject(error);
    };

    onFlow?.({ pause: () => child.stdout.pause(), resume: () => child.stdout.resume() });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (s: string) => {
      if (stderr.length < 4096) stderr += s;
    });
    child.on('error', (error) => fail(new UsageError(`git cat-file could not start: ${error.message}`)));
    child.stdin.on('error', () => undefined); // reported through 'close' below
    child.stdout.on('data', (chunk: Buffer) => {
      if (failed) return;
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      try {
        for (;;) {
          if (current) {
            const take = Math.min(current.remaining, pending.length);
            if (current.chunks) current.chunks.push(pending.subarray(0, take));
            current.remaining -= take;
            pending = pending.subarray(take);
            if (current.remaining > 0) return;
            // Body and its trailing newline are in.
            const { oid, size, chunks } = current;
            current = undefined;
            const i = index++;
            if (chunks) {
              const data = Buffer.concat(chunks);
              onBlob(oid, { status: 'ok', data: data.subarray(0, size) }, i);
            } else {
              onBlob(oid, { status: 'too-large', size }, i);
            }
            continue;
          }
          const nl = pending.indexOf(10);
          if (nl === -1) return;
          const header = pending.subarray(0, nl).toString('utf8');
          pending = pending.subarray(nl + 1);
          const parts = header.split(' ');
          const oid = parts[0] ?? '';
          if (parts[1] === 'missing' || parts[1] === 'ambiguous') {
            onBlob(oid, { status: 'missing' }, index++);
            continue;
          }
          const size = Number(parts[2]);
          if (!Number.isFinite(size)) throw new Error(`unexpected git cat-file output: ${header.slice(0, 80)}`);
          current = { oid, size, chunks: size <= maxBytes ? [] : undefined, remaining: size + 1 };
        }
      } catch (error) {
        fail(error as Error);
      }
    });
    child.on('close', (code) => {
      if (failed) return;
      if (index < oids.length) {
        reject(new UsageError(`git cat-file --batch stopped after ${index} of ${oids.length} objects${stderr ? `: ${stderr.split('\n')[0]}` : ''} (exit ${code})`));
        return;
      }
      resolvePromise();
    });
    // Requests are written in one go; Node buffers what the pipe does not take yet.
    child.stdin.end(`${oids.join('\n')}\n`);
  });
}
