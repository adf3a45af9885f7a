// Worker thread: scans batches of files posted by the pool with the same code as the
// main thread, so results are identical whatever the concurrency.
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { isAbsolute } from 'node:path';
import { rules } from '../../rules/index.js';
import { createSetup } from './setup.js';
import { scanBytes, scanFile, scanText, type ScanSetup } from './scan-file.js';
import { readTextFile } from './read.js';
import { initParsers } from '../parsers/tree-sitter.js';
import type { FileBatchRequest, WorkerInit, WorkerReply } from './pool.js';
import type { FileResult } from './types.js';

const init = workerData as WorkerInit;
const setup = createSetup(init.config, rules, { reportUnusedSuppressions: init.reportUnusedSuppressions });
/** Files started: the pool's watchdog reads it to know which file a stuck worker is on. */
const progress = new Int32Array(init.progress);

/**
 * The retry after a timeout: the file as plain text, no extractors — the rules that apply to
 * any text (the key detectors) and nothing that parses. Built on first use.
 */
let textSetup: ScanSetup | undefined;
function textOnlySetup(): ScanSetup {
  textSetup ??= { ...setup, rules: setup.rules.filter((r) => r.rule.kinds === 'all' || r.rule.kinds.includes('text')), extractors: [] };
  return textSetup;
}

async function scanTextOnly(absPath: string, relPath: string): Promise<FileResult> {
  const read = await readTextFile(absPath, relPath, init.config.maxFileSize);
  if (!read.ok) return { path: relPath, findings: [], notifications: [read.notification], bytes: 0, scanned: false };
  const { findings, notifications } = scanText(relPath, read.text, textOnlySetup(), 'text', absPath);
  return { path: relPath, findings, notifications: [...read.notifications, ...notifications], bytes: read.bytes, scanned: true };
}

const parsersReady = initParsers();
/** Tests only (see `WorkerInit.hookModule`). */
const hooks: Promise<{ beforeFile?: (relPath: string) => void } | undefined> =
  init.hookModule === undefined ? Promise.resolve(undefined) : import(isAbsolute(init.hookModule) ? pathToFileURL(init.hookModule).href : init.hookModule);

/** Contents that are not files on disk (git blobs of a history scan), scanned as the file at `path`. */
export interface BlobBatchRequest {
  readonly batch: number;
  readonly blobs: ReadonlyArray<{ path: string; data: Uint8Array }>;
}

parentPort?.on('message', async (request: FileBatchRequest | BlobBatchRequest) => {
  try {
    await parsersReady;
    const hook = (await hooks)?.beforeFile;
    const results: FileResult[] = [];
    if ('blobs' in request) {
      for (const blob of request.blobs) results.push(scanBytes(Buffer.from(blob.data.buffer, blob.data.byteOffset, blob.data.byteLength), blob.path, Infinity, setup));
    } else {
      for (const file of request.files) {
        Atomics.add(progress, 0, 1);
        hook?.(file.relPath);
        results.push(request.textOnly ? await scanTextOnly(file.absPath, file.relPath) : await scanFile(file.absPath, file.relPath, init.config.maxFileSize, setup));
      }
    }
    parentPort?.postMessage({ batch: request.batch, results } satisfies WorkerReply);
  } catch (error) {
    parentPort?.postMessage({ batch: request.batch, error: (error as Error)?.stack ?? String(error) } satisfies WorkerReply);
  }
});
