// A small pool of worker threads. Files go out in batches that workers pull as they finish,
// so one huge file does not hold up the rest; results are put back in input order.
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ResolvedConfig } from '../config.js';
import type { DiscoveredFile } from './discover.js';
import type { FileResult } from './types.js';

const WORKER_URL = new URL('./worker.js', import.meta.url);

/** Whether the compiled worker exists (it does not when running TypeScript sources directly). */
export function workersAvailable(): boolean {
  return WORKER_URL.protocol === 'file:' && existsSync(fileURLToPath(WORKER_URL));
}

export async function scanInWorkers(
  files: readonly DiscoveredFile[],
  config: ResolvedConfig,
  threads: number,
  reportUnusedSuppressions: boolean,
  onFileDone?: (done: number) => void,
): Promise<FileResult[]> {
  // Batches small enough to balance, large enough that messaging costs little.
  const batchSize = Math.max(1, Math.min(64, Math.ceil(files.length / (threads * 8))));
  const batches: Array<Array<{ absPath: string; relPath: string }>> = [];
  for (let i = 0; i < files.length; i += batchSize) {
    batches.push(files.slice(i, i + batchSize).map((f) => ({ absPath: f.absPath, relPath: f.relPath })));
  }
  const results: FileResult[][] = new Array(batches.length);
  let next = 0;
  let done = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolveAll, rejectAll) => {
      let running = 0;
      const feed = (worker: Worker) => {
        if (next >= batches.length) {
          if (--running === 0) resolveAll();
          return;
        }
        const batch = next++;
        worker.postMessage({ batch, files: batches[batch] });
      };
      for (let t = 0; t < Math.min(threads, batches.length); t++) {
        const worker = new Worker(WORKER_URL, { workerData: { config, reportUnusedSuppressions } });
        workers.push(worker);
        running++;
        worker.on('message', (msg: { batch: number; results?: FileResult[]; error?: string }) => {
          if (msg.error !== undefined) {
            rejectAll(new Error(`worker failed: ${msg.error}`));
            return;
          }
          results[msg.batch] = msg.results ?? [];
          done += msg.results?.length ?? 0;
          onFileDone?.(done);
          feed(worker);
        });
        worker.on('error', rejectAll);
        worker.on('exit', (code) => {
          if (code !== 0) rejectAll(new Error(`worker exited with code ${code}`));
        });
        feed(worker);
      }
      if (batches.length === 0) resolveAll();
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results.flat();
}

/**
 * Worker threads fed with contents rather than paths (a history scan's git blobs). Batches go
 * to the first idle worker; `submit` resolves with the batch's results in order.
 */
export class BlobPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Array<{ blobs: Array<{ path: string; data: Uint8Array }>; resolve: (r: FileResult[]) => void; reject: (e: Error) => void }> = [];
  private readonly waiting = new Map<Worker, { resolve: (r: FileResult[]) => void; reject: (e: Error) => void }>();
  private failure: Error | undefined;

  constructor(config: ResolvedConfig, threads: number, reportUnusedSuppressions: boolean) {
    for (let t = 0; t < threads; t++) {
      const worker = new Worker(WORKER_URL, { workerData: { config, reportUnusedSuppressions } });
      this.workers.push(worker);
      this.idle.push(worker);
      worker.on('message', (msg: { results?: FileResult[]; error?: string }) => {
        const job = this.waiting.get(worker);
        this.waiting.delete(worker);
        if (msg.error !== undefined) job?.reject(new Error(`worker failed: ${msg.error}`));
        else job?.resolve(msg.results ?? []);
        this.idle.push(worker);
        this.pump();
      });
      const fail = (error: Error) => {
        this.failure ??= error;
        this.waiting.get(worker)?.reject(error);
        for (const q of this.queue.splice(0)) q.reject(error);
      };
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (code !== 0) fail(new Error(`worker exited with code ${code}`));
      });
    }
  }

  submit(blobs: Array<{ path: string; data: Uint8Array }>): Promise<FileResult[]> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ blobs, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop() as Worker;
      const job = this.queue.shift() as (typeof this.queue)[number];
      this.waiting.set(worker, job);
      // The blob bytes are moved to the worker, not copied.
      const transfer = job.blobs.map((b) => b.data.buffer as ArrayBuffer);
      worker.postMessage({ batch: 0, blobs: job.blobs }, [...new Set(transfer)]);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
