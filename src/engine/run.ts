// Orchestrates a scan: discover → scan (in-process or in worker threads) → filter → sort.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { relative, resolve, sep } from 'node:path';
import ignore from 'ignore';
import type { ResolvedConfig } from '../config.js';
import type { AnyRule } from '../rule.js';
import { discoverEach, type DiscoveredFile } from './discover.js';
import { scanBytes, scanFile } from './scan-file.js';
import { classifyFile } from '../kinds.js';
import { createSetup } from './setup.js';
import { BlobPool, FilePool, workersAvailable, type FileTimeout } from './pool.js';
import type { Extractor } from '../extract/types.js';
import type { FileResult, Finding, Notification, ScanResult } from './types.js';
import { initParsers } from '../parsers/tree-sitter.js';
import { scanStaged } from './staged.js';
import { scanHistory } from './history.js';
import { inShard, type Shard } from './shard.js';

export type Concurrency = 'auto' | 'off' | number;

export interface ScanOptions {
  /** Base directory: paths are resolved and reported relative to it. */
  readonly cwd: string;
  readonly paths: readonly string[];
  readonly config: ResolvedConfig;
  readonly rules: readonly AnyRule[];
  readonly concurrency?: Concurrency;
  readonly reportUnusedSuppressions?: boolean;
  /** Extra extractors (tests); worker threads always use the built-in ones. */
  readonly extractors?: readonly Extractor[];
  readonly useGit?: boolean;
  /** Scan the staged (index) version of the files about to be committed instead of `paths`. */
  readonly staged?: boolean;
  /**
   * Scan the blobs added in a range of commits instead of `paths` (`--history`): a revision
   * range such as `main..HEAD`, or `true` for all of HEAD's history.
   */
  readonly history?: string | true;
  /** Scan only the files whose path hash falls in this shard (`--shard I/N`). */
  readonly shard?: Shard;
  /** Scan these bytes (standard input) as the file `path` instead of `paths`. */
  readonly stdin?: { readonly data: Uint8Array; readonly path: string };
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Per-file budget in worker threads (`--file-timeout`): a worker still on one file past it is
   * replaced and the file reported "not fully scanned" (text-level rules still run on it).
   * Default: 30 s + 10 s per MiB, in worker threads only; set, it runs at least one worker.
   * `false`: no watchdog.
   */
  readonly fileTimeout?: FileTimeout | false;
  /** For tests only: never set from configuration or the command line. */
  readonly testing?: {
    /** A module whose `beforeFile(relPath)` each worker thread calls before scanning a file. */
    readonly workerHookModule?: string;
  };
}

/**
 * `auto` starts worker threads once the files found promise enough work to pay for them: each
 * worker imports the engine, compiles the grammars and warms the JIT again (~0.5–0.8 CPU-s), and
 * on two cores threads win only when a single-threaded scan would take a few seconds. Measured
 * (npm run bench): a parsed infrastructure file (Terraform, a script, a Dockerfile) costs ~5 ms,
 * a YAML/JSON file that may be a template half that, other source and text ~0.4 ms. So the pool
 * starts at a weight of 800 such units (~4 s of work): a 4,000-file source tree stays on the
 * main thread (1.5 s, where two workers took 1.8 s), a tree of thousands of templates does not.
 */
export const AUTO_MIN_WEIGHT = 800;
/**
 * Below that weight, threads are only worth it for big files: parsed kinds scan at ~0.5 MB/s,
 * other source and text at ~25 MB/s, so bytes count by kind (byteFactor), against ~4 s of work.
 */
const AUTO_MIN_BYTES = 2 * 1024 * 1024;

/** Bytes of a file of this weight, in parsed-infrastructure bytes (YAML/JSON: most are data, read at 5–40 MB/s). */
function byteFactor(weight: number): number {
  return weight >= 1 ? 1 : weight >= 0.5 ? 0.1 : 0.03;
}

const MAYBE_TEMPLATE = /\.(?:ya?ml|json|template)$/i;

/** A file's expected cost from its name alone, in parsed-infrastructure-file units. */
export function workWeight(relPath: string): number {
  switch (classifyFile(relPath, '')) {
    case 'javascript':
    case 'text':
    case 'dotenv':
    case 'aws-config':
      return MAYBE_TEMPLATE.test(relPath) ? 0.5 : 0.08;
    default:
      return 1;
  }
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    cmp(a.path, b.path) ||
    a.region.startLine - b.region.startLine ||
    a.region.startColumn - b.region.startColumn ||
    cmp(a.ruleId, b.ruleId) ||
    a.region.endLine - b.region.endLine ||
    a.region.endColumn - b.region.endColumn ||
    cmp(a.fingerprint, b.fingerprint)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareNotifications(a: Notification, b: Notification): number {
  return cmp(a.path ?? '', b.path ?? '') || (a.line ?? 0) - (b.line ?? 0) || cmp(a.id, b.id) || cmp(a.message, b.message);
}

/**
 * Worker threads a path scan may use before anything is discovered: `undefined` when `auto`
 * decides from what discovery finds. At least one when a file timeout is set (the watchdog
 * lives in the pool: a stuck main thread cannot be interrupted).
 */
function fixedThreads(concurrency: Concurrency, fileTimeoutSet: boolean): number | undefined {
  if (!workersAvailable()) return 0;
  if (concurrency === 'off' || concurrency === 1 || concurrency === 0) return fileTimeoutSet ? 1 : 0;
  if (typeof concurrency === 'number') return concurrency;
  return undefined;
}

function autoThreads(): number {
  return Math.min(availableParallelism(), 8);
}

/**
 * On two cores a single-threaded scan already keeps the second core half busy (V8's garbage
 * collector and optimising compiler run beside it: 1.4–1.6 cores in use), and a second isolate
 * pays its start-up, its JIT warm-up and its caches again. Measured with two workers against
 * the main thread alone: the 12 MB IaC tree 3% slower (+37% CPU), 29 MB of real IaC
 * repositories 10% slower, 30 MB mixed 5% faster (+40% CPU), 100 MB mixed 27% faster (+24%
 * CPU). So on two cores `auto` starts threads for a large tree only past this much text.
 */
export const FEW_CORES_MIN_BYTES = 64 * 1024 * 1024;

export function fewCores(cores: number = availableParallelism()): boolean {
  return cores <= 2;
}

/** Whether the files hold at least `limit` bytes a scan reads (stat'ed until the sum is reached). */
export function bytesAtLeast(files: readonly Pick<DiscoveredFile, 'absPath'>[], limit: number, maxFileSize: number): boolean {
  let bytes = 0;
  for (const f of files) {
    try {
      const size = statSync(f.absPath).size;
      if (size <= maxFileSize) bytes += size;
    } catch {
      // reported later by the reader
    }
    if (bytes >= limit) return true;
  }
  return false;
}

/** Few files: threads are only worth it when they are big. */
function bigEnough(files: readonly DiscoveredFile[], maxFileSize: number): boolean {
  let bytes = 0;
  for (const f of files) {
    try {
      // A file over the size cap is not read at all.
      const size = statSync(f.absPath).size;
      if (size <= maxFileSize) bytes += size * byteFactor(workWeight(f.relPath));
    } catch {
      // reported later by the reader
    }
    if (bytes >= AUTO_MIN_BYTES) return true;
  }
  return false;
}

export async function scan(options: ScanOptions): Promise<ScanResult> {
  const baseDir = resolve(options.cwd);
  const { config } = options;
  const fromGit = options.staged === true || options.history !== undefined || options.stdin !== undefined;
  const shardFilter = options.shard ? inShard(options.shard) : undefined;
  const fileTimeout = options.fileTimeout;
  // Path scans: discovery feeds the pool as it walks, so workers start (and import, and
  // compile the grammars) while the tree is still being listed.
  const refusedNotes: Notification[] = [];
  const files: DiscoveredFile[] = [];
  let pool: FilePool | undefined;
  let pooled: Promise<FileResult[]> | undefined;
  if (!fromGit) {
    const fixed = options.extractors ? 0 : fixedThreads(options.concurrency ?? 'auto', fileTimeout !== undefined && fileTimeout !== false);
    const startPool = (threads: number) =>
      new FilePool({
        config,
        threads,
        reportUnusedSuppressions: options.reportUnusedSuppressions ?? false,
        ...(fileTimeout !== undefined ? { fileTimeout } : {}),
        ...(options.testing?.workerHookModule !== undefined ? { hookModule: options.testing.workerHookModule } : {}),
        ...(options.onProgress ? { onFileDone: (done: number) => options.onProgress?.(done, files.length) } : {}),
      });
    const mayAuto = fixed === undefined && availableParallelism() >= 2;
    const few = fewCores();
    let weight = 0;
    if (fixed !== undefined && fixed > 0) pool = startPool(fixed);
    try {
      await discoverEach({ baseDir, paths: options.paths, ignore: config.ignore, ignoreBase: config.configDir, useGit: options.useGit }, (f) => {
        // Entries discovery refused (links out of the root, unreadable directories) are reported, not read.
        if (f.refused) {
          refusedNotes.push(f.refused);
          return;
        }
        if (shardFilter && !shardFilter(f.relPath)) return;
        files.push(f);
        if (!pool && mayAuto) weight += workWeight(f.relPath);
        if (!pool && mayAuto && !few && weight >= AUTO_MIN_WEIGHT) {
          pool = startPool(autoThreads());
          for (const g of files) pool.add(g);
        } else pool?.add(f);
      });
      if (!pool && fixed === undefined && files.length > 0) {
        // A budget the user set is kept by a watchdog, which needs the scan off the main thread.
        const pays = few && weight >= AUTO_MIN_WEIGHT ? bytesAtLeast(files, FEW_CORES_MIN_BYTES, config.maxFileSize) : bigEnough(files, config.maxFileSize);
        const threads = mayAuto && files.length >= 2 && pays ? autoThreads() : fileTimeout ? 1 : 0;
        if (threads > 0) {
          pool = startPool(threads);
          for (const g of files) pool.add(g);
        }
      }
      pooled = pool?.finish();
      // Rejections are awaited below; a failed discovery must not leave one unhandled.
      pooled?.catch(() => undefined);
    } catch (error) {
      await pool?.close();
      throw error;
    }
  }
  let results: FileResult[];
  let history: { commits: number; blobs: number } | undefined;
  if (fromGit) {
    await initParsers();
    const setup = createSetup(config, options.rules, { reportUnusedSuppressions: options.reportUnusedSuppressions, extractors: options.extractors });
    // History blobs come from git, not disk: threads are decided on their count (in scanHistory).
    const concurrency = options.concurrency ?? 'auto';
    const historyThreads =
      options.extractors || concurrency === 'off' || concurrency === 1 || !workersAvailable() || availableParallelism() < 2
        ? 0
        : typeof concurrency === 'number'
          ? concurrency
          : Math.min(availableParallelism(), 8);
    if (options.stdin !== undefined) {
      results = [scanBytes(options.stdin.data, options.stdin.path, config.maxFileSize, setup)];
    } else if (options.history !== undefined) {
      const scanned = await scanHistory({
        baseDir,
        ...(typeof options.history === 'string' ? { range: options.history } : {}),
        setup,
        maxBytes: config.maxFileSize,
        ignorePatterns: config.ignore,
        ...(config.configDir ? { ignoreBase: config.configDir } : {}),
        ...(shardFilter ? { shard: shardFilter } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        ...(historyThreads > 0 ? { workers: { start: () => new BlobPool(config, historyThreads, options.reportUnusedSuppressions ?? false) } } : {}),
      });
      results = scanned.results;
      history = { commits: scanned.commits, blobs: scanned.blobs };
    } else {
      results = await scanStaged(baseDir, setup, config.maxFileSize, config.ignore, config.configDir, shardFilter);
    }
  } else if (pool && pooled) {
    try {
      results = await pooled;
    } finally {
      await pool.close();
    }
  } else {
    await initParsers();
    const setup = createSetup(config, options.rules, {
      reportUnusedSuppressions: options.reportUnusedSuppressions,
      extractors: options.extractors,
    });
    results = [];
    // In walk order; the same order the pool gets (and the output is sorted anyway).
    for (const f of files) {
      results.push(await scanFile(f.absPath, f.relPath, config.maxFileSize, setup));
      options.onProgress?.(results.length, files.length);
    }
  }

  const allowPaths = config.allowPaths.length > 0 ? ignore().add([...config.allowPaths]) : undefined;
  const allowListed = (f: Finding): boolean => {
    if (!allowPaths) return false;
    // allow.paths are relative to the configuration file's directory, like `ignore`.
    const fromConfig = config.configDir ? relative(config.configDir, resolve(baseDir, f.path)).split(sep).join('/') : f.path;
    return !!fromConfig && !fromConfig.startsWith('../') && allowPaths.ignores(fromConfig);
  };
  const findings: Finding[] = [];
  const notifications: Notification[] = [...refusedNotes];
  let filesScanned = 0;
  let bytesScanned = 0;
  for (const r of results) {
    notifications.push(...r.notifications);
    if (r.scanned) {
      filesScanned++;
      bytesScanned += r.bytes;
    }
    for (const f of r.findings) if (!allowListed(f)) findings.push(f);
  }
  // A shard did not scan the other shards' files: a reference into one is resolved by scanning
  // that file here (its findings are not reported), so the shards add up to a full scan.
  const scannedPaths = new Set(results.map((r) => r.path));
  let outsideSetup: ReturnType<typeof createSetup> | undefined;
  const outside = async (path: string): Promise<Finding[]> => {
    if (!shardFilter || scannedPaths.has(path)) return [];
    outsideSetup ??= createSetup(config, options.rules, {});
    return (await scanFile(resolve(baseDir, path), path, config.maxFileSize, outsideSetup)).findings.filter((f) => !allowListed(f));
  };
  await dropResolvedReferences(findings, outside);
  findings.sort(compareFindings);
  notifications.sort(compareNotifications);
  return {
    findings,
    notifications,
    stats: {
      filesDiscovered: history ? history.blobs : fromGit ? results.length : files.length + refusedNotes.length,
      filesScanned,
      bytesScanned,
      ...(history ? { commits: history.commits, blobs: history.blobs } : {}),
    },
    enabledRules: config.rules.map((r) => r.id).sort(),
    ruleSeverities: Object.fromEntries(config.rules.map((r) => [r.id, r.severity])),
    baseDir,
    ...(options.shard ? { shard: options.shard } : {}),
  };
}

/**
 * A finding that refers to a secret in another file yields to a finding reported at that
 * secret (when that file was scanned too): one defect, one finding, at the key.
 */
async function dropResolvedReferences(findings: Finding[], outside: (path: string) => Promise<Finding[]>): Promise<void> {
  if (!findings.some((f) => f.refersTo)) return;
  const byPath = new Map<string, Finding[]>();
  for (const f of findings) byPath.set(f.path, [...(byPath.get(f.path) ?? []), f]);
  for (const f of findings) {
    const target = f.refersTo?.path;
    if (target !== undefined && !byPath.has(target)) byPath.set(target, await outside(target));
  }
  const before = (a: { line: number; column: number }, b: { line: number; column: number }) => a.line < b.line || (a.line === b.line && a.column < b.column);
  const overlaps = (a: Finding['region'], b: Finding['region']) =>
    before({ line: a.startLine, column: a.startColumn }, { line: b.endLine, column: b.endColumn }) &&
    before({ line: b.startLine, column: b.startColumn }, { line: a.endLine, column: a.endColumn });
  for (let i = findings.length - 1; i >= 0; i--) {
    const ref = (findings[i] as Finding).refersTo;
    if (!ref) continue;
    if ((byPath.get(ref.path) ?? []).some((g) => g !== findings[i] && !g.refersTo && overlaps(g.region, ref.region))) findings.splice(i, 1);
  }
}
