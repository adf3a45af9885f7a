// Orchestrates a scan: discover → scan (in-process or in worker threads) → filter → sort.
import { availableParallelism } from 'node:os';
import { relative, resolve, sep } from 'node:path';
import ignore from 'ignore';
import type { ResolvedConfig } from '../config.js';
import type { AnyRule } from '../rule.js';
import { discoverFiles, type DiscoveredFile } from './discover.js';
import { scanFile } from './scan-file.js';
import { createSetup } from './setup.js';
import { scanInWorkers, workersAvailable } from './pool.js';
import type { Extractor } from './extractors.js';
import type { FileResult, Finding, Notification, ScanResult } from './types.js';
import { initParsers } from '../parsers/tree-sitter.js';
import { scanStaged } from './staged.js';

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
  readonly onProgress?: (done: number, total: number) => void;
}

/** Below these, starting threads costs more than it saves. */
const AUTO_MIN_FILES = 200;
const AUTO_MIN_BYTES = 8 * 1024 * 1024;

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

async function threadCount(files: readonly DiscoveredFile[], concurrency: Concurrency): Promise<number> {
  if (concurrency === 'off' || concurrency === 1 || !workersAvailable()) return 0;
  if (typeof concurrency === 'number') return Math.max(0, concurrency);
  const cores = availableParallelism();
  if (cores < 2 || files.length < 2) return 0;
  if (files.length >= AUTO_MIN_FILES) return Math.min(cores, 8);
  // Few files: only worth it when they are big.
  const { stat } = await import('node:fs/promises');
  let bytes = 0;
  for (const f of files) {
    try {
      bytes += (await stat(f.absPath)).size;
    } catch {
      // reported later by the reader
    }
    if (bytes >= AUTO_MIN_BYTES) return Math.min(cores, 8);
  }
  return 0;
}

export async function scan(options: ScanOptions): Promise<ScanResult> {
  const baseDir = resolve(options.cwd);
  const { config } = options;
  const discovered = options.staged
    ? []
    : await discoverFiles({ baseDir, paths: options.paths, ignore: config.ignore, ignoreBase: config.configDir, useGit: options.useGit });
  // Entries discovery refused (links out of the root, unreadable directories) are reported, not read.
  const files = discovered.filter((f) => !f.refused);
  const refusedNotes = discovered.flatMap((f) => (f.refused ? [f.refused] : []));
  const threads = options.extractors || options.staged ? 0 : await threadCount(files, options.concurrency ?? 'auto');
  let results: FileResult[];
  if (options.staged) {
    await initParsers();
    const setup = createSetup(config, options.rules, { reportUnusedSuppressions: options.reportUnusedSuppressions });
    results = await scanStaged(baseDir, setup, config.maxFileSize, config.ignore, config.configDir);
  } else if (threads > 0) {
    results = await scanInWorkers(files, config, threads, options.reportUnusedSuppressions ?? false, (done) =>
      options.onProgress?.(done, files.length),
    );
  } else {
    await initParsers();
    const setup = createSetup(config, options.rules, {
      reportUnusedSuppressions: options.reportUnusedSuppressions,
      extractors: options.extractors,
    });
    results = [];
    for (const f of files) {
      results.push(await scanFile(f.absPath, f.relPath, config.maxFileSize, setup));
      options.onProgress?.(results.length, files.length);
    }
  }

  const allowPaths = config.allowPaths.length > 0 ? ignore().add([...config.allowPaths]) : undefined;
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
    for (const f of r.findings) {
      if (allowPaths) {
        // allow.paths are relative to the configuration file's directory, like `ignore`.
        const fromConfig = config.configDir ? relative(config.configDir, resolve(baseDir, f.path)).split(sep).join('/') : f.path;
        if (fromConfig && !fromConfig.startsWith('../') && allowPaths.ignores(fromConfig)) continue;
      }
      findings.push(f);
    }
  }
  findings.sort(compareFindings);
  notifications.sort(compareNotifications);
  return {
    findings,
    notifications,
    stats: { filesDiscovered: options.staged ? results.length : discovered.length, filesScanned, bytesScanned },
    enabledRules: config.rules.map((r) => r.id).sort(),
    ruleSeverities: Object.fromEntries(config.rules.map((r) => [r.id, r.severity])),
    baseDir,
  };
}
