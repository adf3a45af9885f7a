// `--history [<rev-range>]`: every blob added in a range of commits, scanned once.
//
// 1. One `git log --reverse -m --raw -z` lists, oldest commit first, every blob each commit
//    adds or changes (merges against each parent, so a blob only a merge introduces is seen;
//    renames off, so a moved file is its old blob under a new path — already scanned).
//    Submodule commits and symbolic links are not content and are skipped.
// 2. Blobs are deduplicated by id; each is attributed to the first commit and path (not
//    ignored by the configuration) that added it.
// 3. One `git cat-file --batch` streams the blobs; each is scanned as the file at its path
//    (the path decides the kind, as for files on disk).
// 4. Findings are deduplicated by (path, fingerprint): the fingerprint hashes the rule, the
//    path and the key, not the commit, so the same key kept at the same path across a hundred
//    edits is one finding, reported at the commit that introduced it — and a baseline written
//    from a work-tree scan matches history findings of the same key and path.
import { spawn } from 'node:child_process';
import { relative, resolve } from 'node:path';
import ignore from 'ignore';
import { UsageError } from '../config.js';
import { formatBytes } from './read.js';
import { scanBytes, type ScanSetup } from './scan-file.js';
import type { CommitRef, FileResult, Finding, Notification } from './types.js';
import { toPosix } from './discover.js';
import { gitBytes, gitProcessCount, gitTopLevel, readBlobs, type BlobFlow } from './git.js';
import type { BlobPool } from './pool.js';

/** Modes whose "blob" is not file content: submodule commits, symbolic links, deletions. */
export const NON_CONTENT_MODES: ReadonlySet<string> = new Set(['160000', '120000', '000000']);

/**
 * Maps a repository path to the path reported (relative to `baseDir`), or undefined when the
 * configuration ignores it. `.git/` and `node_modules/` are skipped as when walking.
 */
export function pathFilter(baseDir: string, top: string, ignorePatterns: readonly string[], ignoreBase: string = baseDir): (repoPath: string) => string | undefined {
  const userIgnore = ignore().add([...ignorePatterns]);
  return (repoPath) => {
    if (/(?:^|\/)(?:\.git|node_modules)\//.test(repoPath)) return undefined;
    const abs = resolve(top, repoPath);
    const fromBase = toPosix(relative(ignoreBase, abs));
    if (fromBase && !fromBase.startsWith('../') && userIgnore.ignores(fromBase)) return undefined;
    return toPosix(relative(baseDir, abs));
  };
}

export interface HistoryOptions {
  readonly baseDir: string;
  /** A revision range as git understands it (`main..feature`, `v1.0..`, `HEAD`); default HEAD. */
  readonly range?: string;
  readonly setup: ScanSetup;
  readonly maxBytes: number;
  readonly ignorePatterns: readonly string[];
  readonly ignoreBase?: string;
  readonly shard?: (relPath: string) => boolean;
  readonly onProgress?: (done: number, total: number) => void;
  /** Worker threads to scan the blobs with, started only when there are enough of them. */
  readonly workers?: { start(): BlobPool };
}

export interface HistoryResult {
  readonly results: FileResult[];
  readonly commits: number;
  readonly blobs: number;
}

interface BlobEntry {
  readonly oid: string;
  readonly repoPath: string;
  readonly relPath: string;
  readonly commit: CommitRef;
}

/** A revision range is passed to git after `--end-of-options`; an option-looking one is refused anyway. */
function checkRange(range: string): void {
  if (range.startsWith('-') || range.includes('\0') || range.trim() === '') {
    throw new UsageError(`--history: "${range}" is not a revision range (expected e.g. main..HEAD)`);
  }
}

/** Streams `git log` and collects the first occurrence of every blob, oldest commit first. */
function listBlobs(top: string, range: string, keep: (repoPath: string) => string | undefined): Promise<{ entries: BlobEntry[]; commits: number }> {
  return new Promise((resolvePromise, reject) => {
    gitProcessCount.value++;
    const args = [
      '-C', top, '-c', 'core.quotePath=false', 'log', '--reverse', '-m', '--root', '--raw', '--no-abbrev', '-z', '--no-renames',
      '--no-ext-diff', '--no-textconv', '--diff-filter=AMT', '--format=commit %H %aI', '--end-of-options', range, '--',
    ];
    const child = spawn('git', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const seen = new Set<string>();
    const commitIds = new Set<string>();
    const entries: BlobEntry[] = [];
    let commit: CommitRef | undefined;
    let meta: string | undefined;
    let rest = Buffer.alloc(0);
    let stderr = '';
    const token = (raw: Buffer) => {
      // Paths are bytes; non-UTF-8 names are decoded leniently for the report.
      const t = raw.toString('utf8');
      if (meta !== undefined) {
        const fields = meta.split(' ');
        meta = undefined;
        const mode = fields[1] ?? '';
        const oid = fields[3] ?? '';
        if (!commit || NON_CONTENT_MODES.has(mode) || seen.has(oid)) return;
        const relPath = keep(t);
        if (relPath === undefined) return;
        seen.add(oid);
        entries.push({ oid, repoPath: t, relPath, commit });
        return;
      }
      const s = t.startsWith('\n') ? t.slice(1) : t;
      if (s.startsWith(':')) {
        meta = s.slice(1);
        return;
      }
      const header = /^commit ([0-9a-f]{40,64}) (\S+)/.exec(s);
      if (header) {
        commit = { sha: header[1] as string, authorDate: header[2] as string };
        commitIds.add(commit.sha);
      }
    };
    child.stdout.on('data', (chunk: Buffer) => {
      let buf = rest.length ? Buffer.concat([rest, chunk]) : chunk;
      for (let nul = buf.indexOf(0); nul !== -1; nul = buf.indexOf(0)) {
        token(buf.subarray(0, nul));
        buf = buf.subarray(nul + 1);
      }
      rest = Buffer.from(buf);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (s: string) => {
      if (stderr.length < 4096) stderr += s;
    });
    child.on('error', (error) => reject(new UsageError(`--history: git could not start: ${error.message}`)));
    child.on('close', (code) => {
      if (rest.length) token(rest);
      if (code !== 0) {
        const first = stderr.split('\n').find((l) => l.trim() !== '') ?? `git log exited with ${code}`;
        // An empty repository has no history to scan: not an error.
        if (/does not have any commits yet|bad default revision 'HEAD'/.test(stderr)) {
          resolvePromise({ entries: [], commits: 0 });
          return;
        }
        reject(new UsageError(`--history ${range}: ${first.replace(/^fatal: /, '')}`));
        return;
      }
      resolvePromise({ entries, commits: commitIds.size });
    });
  });
}

async function countCommits(top: string, range: string): Promise<number | undefined> {
  try {
    const out = await gitBytes(top, ['rev-list', '--count', '--end-of-options', range, '--']);
    const n = Number(out.toString('utf8').trim());
    return Number.isFinite(n) ? n : undefined;
  } catch {
    return undefined; // listBlobs reports a bad range
  }
}

/** Below this many blobs, starting worker threads costs more than it saves. */
const WORKER_MIN_BLOBS = 200;
/** Blobs per message to a worker, and the bytes in flight before git is paused. */
const BATCH_BLOBS = 32;
const BATCH_BYTES = 4 * 1024 * 1024;
const MAX_IN_FLIGHT_BYTES = 64 * 1024 * 1024;

export async function scanHistory(options: HistoryOptions): Promise<HistoryResult> {
  const range = options.range ?? 'HEAD';
  checkRange(range);
  const top = await gitTopLevel(options.baseDir, '--history', true);
  const keep = pathFilter(options.baseDir, top, options.ignorePatterns, options.ignoreBase);
  // Commits that add nothing (deletions only, empty merges) are not in the log's output; one
  // cheap rev-list counts them all for the report.
  const [listed, commits] = await Promise.all([listBlobs(top, range, keep), countCommits(top, range)]);
  const entries = options.shard ? listed.entries.filter((e) => options.shard?.(e.relPath)) : listed.entries;

  // Per blob, in log order: its scan result (filled in as blobs arrive, possibly by workers).
  const perBlob: Array<FileResult | undefined> = new Array(entries.length);
  let binary = 0;
  const pool = options.workers && entries.length >= WORKER_MIN_BLOBS ? options.workers.start() : undefined;
  const submitted: Array<Promise<void>> = [];
  let batch: Array<{ index: number; path: string; data: Uint8Array }> = [];
  let batchBytes = 0;
  let inFlight = 0;
  let flow: BlobFlow | undefined;
  let paused = false;
  let done = 0;
  const flush = () => {
    if (!pool || batch.length === 0) return;
    const jobs = batch;
    const bytes = batchBytes;
    batch = [];
    batchBytes = 0;
    inFlight += bytes;
    if (inFlight > MAX_IN_FLIGHT_BYTES && !paused) {
      paused = true;
      flow?.pause();
    }
    submitted.push(
      pool.submit(jobs.map((j) => ({ path: j.path, data: j.data }))).then((results) => {
        results.forEach((r, k) => (perBlob[(jobs[k] as (typeof jobs)[number]).index] = r));
        inFlight -= bytes;
        done += jobs.length;
        options.onProgress?.(done, entries.length);
        if (paused && inFlight < MAX_IN_FLIGHT_BYTES / 2) {
          paused = false;
          flow?.resume();
        }
      }),
    );
  };

  try {
    await readBlobs(
      top,
      entries.map((e) => e.oid),
      options.maxBytes,
      (_oid, read, index) => {
        const entry = entries[index] as BlobEntry;
        const { relPath, commit } = entry;
        if (read.status !== 'ok') {
          const at = `${relPath} (commit ${commit.sha.slice(0, 12)})`;
          const note: Notification =
            read.status === 'too-large'
              ? { id: 'file-too-large', level: 'warning', path: relPath, message: `${at}: skipped: ${formatBytes(read.size)} is over the size limit of ${formatBytes(options.maxBytes)} (set maxFileSize or --max-file-size)` }
              : { id: 'unreadable-file', level: 'error', path: relPath, message: `${at}: blob ${entry.oid.slice(0, 12)} is missing from the repository (shallow or partial clone?)` };
          perBlob[index] = { path: relPath, findings: [], notifications: [note], bytes: 0, scanned: false };
          return;
        }
        if (pool) {
          // A private copy: the chunk may share its memory with other buffers, and is moved to the worker.
          const data = new Uint8Array(read.data.length);
          data.set(read.data);
          batch.push({ index, path: relPath, data });
          batchBytes += data.length;
          if (batch.length >= BATCH_BLOBS || batchBytes >= BATCH_BYTES) flush();
          return;
        }
        perBlob[index] = scanBytes(read.data, relPath, Infinity, options.setup);
        options.onProgress?.(index + 1, entries.length);
      },
      (f) => (flow = f),
    );
    flush();
    await Promise.all(submitted);
  } finally {
    await pool?.close();
  }

  // In log order, so the first commit that added a key is the one reported.
  const results: FileResult[] = [];
  const reported = new Set<string>();
  perBlob.forEach((r, index) => {
    if (!r) return;
    const { commit, relPath } = entries[index] as BlobEntry;
    if (!r.scanned && r.notifications.length === 1 && r.notifications[0]?.id === 'binary-file') {
      // Histories hold thousands of images and archives: counted, one note at the end.
      binary++;
      return;
    }
    const at = `${relPath} (commit ${commit.sha.slice(0, 12)})`;
    const findings: Finding[] = [];
    for (const f of r.findings) {
      const key = `${f.path}\0${f.fingerprint}`;
      if (reported.has(key)) continue;
      reported.add(key);
      findings.push({ ...f, commit });
    }
    const notifications = r.scanned ? r.notifications.map((n) => ({ ...n, message: n.message.replace(relPath, at) })) : r.notifications;
    results.push({ ...r, findings, notifications });
  });
  if (binary > 0) {
    results.push({
      path: '',
      findings: [],
      notifications: [{ id: 'binary-file', level: 'note', message: `${binary} binary blob${binary === 1 ? '' : 's'} skipped (NUL byte in the first 8000 bytes)` }],
      bytes: 0,
      scanned: false,
    });
  }
  return { results, commits: commits ?? listed.commits, blobs: entries.length };
}
