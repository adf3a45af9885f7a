// Worker thread: scans batches of files posted by the pool with the same code as the
// main thread, so results are identical whatever the concurrency.
import { parentPort, workerData } from 'node:worker_threads';
import type { ResolvedConfig } from '../config.js';
import { rules } from '../../rules/index.js';
import { createSetup } from './setup.js';
import { scanFile } from './scan-file.js';
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

parentPort?.on('message', async (request: BatchRequest) => {
  try {
    await parsersReady;
    const results = [];
    for (const file of request.files) results.push(await scanFile(file.absPath, file.relPath, init.config.maxFileSize, setup));
    parentPort?.postMessage({ batch: request.batch, results });
  } catch (error) {
    parentPort?.postMessage({ batch: request.batch, error: (error as Error)?.stack ?? String(error) });
  }
});
