// Worker thread: scans batches of files posted by the pool with the same code as the
// main thread, so results are identical whatever the concurrency.
import { parentPort, workerData } from 'node:worker_threads';
import type { ResolvedConfig } from '../config.js';
import { rules } from '../../rules/index.js';
import { createSetup } from './setup.js';
import { scanBytes, scanFile } from './scan-file.js';
import { initParsers } from '../parsers/tree-sitter.js';

interface WorkerInit {
  readonly config: ResolvedConfig;
  readonly reportUnusedSuppressions: boolean;
}

export interface BatchRequest {
  readonly batch: number;
  readonly files: ReadonlyArray<{ absPath: string; relPath: string }>;
}

const init = workerData as WorkerInit;
const setup = createSetup(init.config, rules, { reportUnusedSuppressions: init.reportUnusedSuppressions });

const parsersReady = initParsers();

/** Contents that are not files on disk (git blobs of a history scan), scanned as the file at `path`. */
export interface BlobBatchRequest {
  readonly batch: number;
  readonly blobs: ReadonlyArray<{ path: string; data: Uint8Array }>;
}

parentPort?.on('message', async (request: BatchRequest | BlobBatchRequest) => {
  try {
    await parsersReady;
    const results = [];
    if ('blobs' in request) {
      for (const blob of request.blobs) results.push(scanBytes(Buffer.from(blob.data.buffer, blob.data.byteOffset, blob.data.byteLength), blob.path, Infinity, setup));
    } else {
      for (const file of request.files) results.push(await scanFile(file.absPath, file.relPath, init.config.maxFileSize, setup));
    }
    parentPort?.postMessage({ batch: request.batch, results });
  } catch (error) {
    parentPort?.postMessage({ batch: request.batch, error: (error as Error)?.stack ?? String(error) });
  }
});
