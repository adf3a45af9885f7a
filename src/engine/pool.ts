// Worker threads. `FilePool` is started at the beginning of a scan and fed while discovery
// runs: files go out in batches that workers pull as they finish (so one huge file does not
// hold up the rest), results are put back in the order the files were added.
//
// A per-file watchdog guards every worker: a worker still on one file past that file's budget
// is terminated and replaced; the file is reported "not fully scanned: timed out after …" and
// scanned again with only the text-level rules; the rest of its batch goes back to the queue.
// A worker that dies on a file (out of memory) is handled the same way. One file can never
// stall or end the scan of the others.
import { Worker } from 'node:worker_threads';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ResolvedConfig } from '../config.js';
import type { DiscoveredFile } from './discover.js';
import type { FileResult, Notification } from './types.js';

const WORKER_URL = new URL('./worker.js', import.meta.url);

/** Whether the compiled worker exists (it does not when running TypeScript sources directly). */
export function workersAvailable(): boolean {
  return WORKER_URL.protocol === 'file:' && existsSync(fileURLToPath(WORKER_URL));
}

/** How long one file may take in a worker: `baseMs` plus `perMbMs` for each MiB of the file. */
export interface FileTimeout {
  readonly baseMs: number;
  readonly perMbMs: number;
}

/** Generous: only a pathological input (a parser gone quadratic) comes near it. */
export const DEFAULT_FILE_TIMEOUT: FileTimeout = { baseMs: 30_000, perMbMs: 10_000 };

/** What the worker thread is started with (`workerData`). */
export interface WorkerInit {
  readonly config: ResolvedConfig;
  readonly reportUnusedSuppressions: boolean;
  /** Int32 slot 0: files the worker has started, so the pool knows which file it is on without a message per file. */
  readonly progress: SharedArrayBuffer;
  /**
   * Tests only, through the API (`ScanOptions.testing`), never from configuration or the
   * command line: a module whose `beforeFile(relPath)` the worker calls before each file.
   */
  readonly hookModule?: string;
}

export interface FileBatchRequest {
  readonly batch: number;
  readonly files: ReadonlyArray<{ absPath: string; relPath: string }>;
  /** Scan with the text-level rules only (the retry after a timeout). */
  readonly textOnly?: boolean;
}

export type WorkerReply = { batch: number; results: FileResult[] } | { batch: number; error: string };

export interface FilePoolOptions {
  readonly config: ResolvedConfig;
  readonly threads: number;
  readonly reportUnusedSuppressions: boolean;
  /** `false`: no watchdog. */
  readonly fileTimeout?: FileTimeout | false;
  readonly hookModule?: string;
  readonly onFileDone?: (done: number) => void;
}

/** Files per message: small enough to balance two threads, large enough that messaging costs nothing. */
const BATCH_FILES = 24;
/** How often the watchdog looks at the workers. */
const WATCH_INTERVAL_MS = 250;

interface Job {
  /** Indices into `files`. */
  readonly items: readonly number[];
  readonly textOnly: boolean;
}

interface Slot {
  readonly worker: Worker;
  readonly progress: Int32Array;
  job: Job | undefined;
  /** Files this worker had started when the current job was posted. */
  startedBefore: number;
  seen: number;
  seenAt: number;
  budgetMs: number;
  sized: boolean;
  dead: boolean;
}

export class FilePool {
  private readonly files: Array<{ absPath: string; relPath: string }> = [];
  private readonly results: Array<FileResult | undefined> = [];
  /** Files waiting for a worker, in order; retries (text-only) first. */
  private readonly queue: number[] = [];
  private readonly retries: number[] = [];
  /** Why a file is being retried with the text-level rules only. */
  private readonly timedOut = new Map<number, string>();
  private readonly slots: Slot[] = [];
  private ended = false;
  private done = 0;
  private nextBatch = 0;
  private failure: Error | undefined;
  private settle: { resolve: (r: FileResult[]) => void; reject: (e: Error) => void } | undefined;
  private readonly watch: NodeJS.Timeout | undefined;
  private readonly timeout: FileTimeout | false;

  constructor(private readonly options: FilePoolOptions) {
    this.timeout = options.fileTimeout ?? DEFAULT_FILE_TIMEOUT;
    for (let t = 0; t < Math.max(1, options.threads); t++) this.spawn();
    if (this.timeout) {
      this.watch = setInterval(() => this.check(), WATCH_INTERVAL_MS);
      this.watch.unref();
    }
  }

  /** Queues one file; it is scanned as soon as a worker is free. */
  add(file: { absPath: string; relPath: string }): void {
    this.files.push({ absPath: file.absPath, relPath: file.relPath });
    this.queue.push(this.files.length - 1);
    this.pump();
  }

  /** No more files: resolves with every file's result, in the order they were added. */
  finish(): Promise<FileResult[]> {
    this.ended = true;
    return new Promise((resolve, reject) => {
      this.settle = { resolve, reject };
      this.pump();
      this.maybeSettle();
    });
  }

  async close(): Promise<void> {
    if (this.watch) clearInterval(this.watch);
    const live = this.slots.filter((s) => !s.dead);
    for (const s of live) s.dead = true;
    await Promise.all(live.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const progress = new SharedArrayBuffer(4);
    const init: WorkerInit = {
      config: this.options.config,
      reportUnusedSuppressions: this.options.reportUnusedSuppressions,
      progress,
      ...(this.options.hookModule !== undefined ? { hookModule: this.options.hookModule } : {}),
    };
    const worker = new Worker(WORKER_URL, { workerData: init });
    const slot: Slot = { worker, progress: new Int32Array(progress), job: undefined, startedBefore: 0, seen: 0, seenAt: 0, budgetMs: 0, sized: false, dead: false };
    this.slots.push(slot);
    worker.on('message', (msg: WorkerReply) => this.onReply(slot, msg));
    worker.on('error', (error) => this.onDeath(slot, `the worker thread failed (${(error as NodeJS.ErrnoException).code ?? error.name})`, error));
    worker.on('exit', (code) => {
      if (code !== 0) this.onDeath(slot, `the worker thread exited with code ${code}`, new Error(`worker exited with code ${code}`));
    });
    return slot;
  }

  private onReply(slot: Slot, msg: WorkerReply): void {
    if (slot.dead) return;
    const job = slot.job;
    slot.job = undefined;
    if (!job) return;
    if ('error' in msg) {
      this.fail(new Error(`worker failed: ${msg.error}`));
      return;
    }
    slot.startedBefore += job.items.length;
    job.items.forEach((index, i) => {
      const result = msg.results[i] as FileResult;
      const reason = this.timedOut.get(index);
      this.results[index] = reason === undefined ? result : { ...result, notifications: [this.note(index, `${reason}; only the text-level checks ran`), ...result.notifications] };
    });
    this.done += job.items.length;
    this.options.onFileDone?.(this.done);
    this.pump();
    this.maybeSettle();
  }

  /** Posts work to every idle worker. */
  private pump(): void {
    if (this.failure) return;
    for (const slot of this.slots) {
      if (slot.dead || slot.job) continue;
      let job: Job | undefined;
      if (this.retries.length > 0) job = { items: [this.retries.shift() as number], textOnly: true };
      else if (this.queue.length > 0) {
        // While discovery runs, only full batches go out (discovery adds files much faster than
        // they are scanned); at the end, smaller ones, so the threads finish together.
        if (!this.ended && this.queue.length < BATCH_FILES) continue;
        const size = this.ended ? Math.max(1, Math.min(BATCH_FILES, Math.ceil(this.queue.length / (2 * this.liveCount())))) : BATCH_FILES;
        job = { items: this.queue.splice(0, size), textOnly: false };
      }
      if (!job) continue;
      slot.job = job;
      slot.sized = false;
      slot.budgetMs = this.timeout ? this.timeout.baseMs : 0;
      slot.seen = Atomics.load(slot.progress, 0);
      slot.seenAt = Date.now();
      const request: FileBatchRequest = { batch: this.nextBatch++, files: job.items.map((i) => this.files[i] as { absPath: string; relPath: string }), ...(job.textOnly ? { textOnly: true } : {}) };
      slot.worker.postMessage(request);
    }
  }

  private liveCount(): number {
    return this.slots.filter((s) => !s.dead).length;
  }

  /** The watchdog: a worker whose started-file count has not moved for longer than that file's budget. */
  private check(): void {
    if (!this.timeout) return;
    const now = Date.now();
    for (const slot of this.slots) {
      if (slot.dead || !slot.job) continue;
      const started = Atomics.load(slot.progress, 0);
      if (started !== slot.seen) {
        slot.seen = started;
        slot.seenAt = now;
        slot.sized = false;
        slot.budgetMs = this.timeout.baseMs;
        continue;
      }
      if (now - slot.seenAt <= slot.budgetMs) continue;
      const position = started - slot.startedBefore - 1;
      const index = slot.job.items[position];
      if (index === undefined) continue; // between files: the reply is on its way
      if (!slot.sized) {
        // Sized only when the base budget is spent: no stat per file otherwise.
        slot.sized = true;
        let bytes = 0;
        try {
          bytes = statSync((this.files[index] as { absPath: string }).absPath).size;
        } catch {
          // gone: the base budget applies
        }
        slot.budgetMs = this.timeout.baseMs + Math.ceil((this.timeout.perMbMs * bytes) / (1024 * 1024));
        if (now - slot.seenAt <= slot.budgetMs) continue;
      }
      // The budget, not the time measured, goes in the message: the report stays the same run to run.
      this.onStuck(slot, position, `not fully scanned: timed out after ${formatSeconds(slot.budgetMs)} (the per-file time limit, --file-timeout)`);
    }
  }

  /** Terminates the worker on `position` of its job, replaces it, and re-queues the job's other files. */
  private onStuck(slot: Slot, position: number, reason: string): void {
    const job = slot.job as Job;
    slot.dead = true;
    slot.job = undefined;
    void slot.worker.terminate();
    const index = job.items[position] as number;
    if (job.textOnly) {
      // Even the text-level pass did not finish: the file is reported, not scanned.
      this.resolveUnscanned(index, `${this.timedOut.get(index) ?? reason}; the text-level checks did not finish either`);
    } else {
      this.timedOut.set(index, reason);
      this.retries.push(index);
    }
    // Results of the files before it were never sent: all of them go back, in order.
    const rest = job.items.filter((_, i) => i !== position);
    this.queue.unshift(...rest);
    this.spawn();
    this.pump();
    this.maybeSettle();
  }

  private onDeath(slot: Slot, reason: string, error: Error): void {
    if (slot.dead) return;
    const job = slot.job;
    if (!job) {
      // Died between files (at start-up): nothing points at a file, so the scan cannot go on honestly.
      slot.dead = true;
      this.fail(error);
      return;
    }
    const position = Math.max(0, Math.min(job.items.length - 1, Atomics.load(slot.progress, 0) - slot.startedBefore - 1));
    this.onStuck(slot, position, `not fully scanned: ${reason}`);
  }

  private resolveUnscanned(index: number, reason: string): void {
    const file = this.files[index] as { relPath: string };
    this.results[index] = { path: file.relPath, findings: [], notifications: [this.note(index, reason)], bytes: 0, scanned: false };
    this.done++;
    this.options.onFileDone?.(this.done);
  }

  private note(index: number, reason: string): Notification {
    const path = (this.files[index] as { relPath: string }).relPath;
    return { id: 'not-fully-scanned', level: 'warning', path, message: `${path}: ${reason}` };
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.settle?.reject(this.failure);
  }

  private maybeSettle(): void {
    if (!this.settle || this.failure) return;
    if (!this.ended || this.done < this.files.length) return;
    this.settle.resolve(this.results as FileResult[]);
  }
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(ms < 10_000 ? 1 : 0))} s`;
}

/** Scans `files` in `threads` worker threads; results in input order. */
export async function scanInWorkers(
  files: readonly DiscoveredFile[],
  config: ResolvedConfig,
  threads: number,
  reportUnusedSuppressions: boolean,
  onFileDone?: (done: number) => void,
): Promise<FileResult[]> {
  const pool = new FilePool({ config, threads, reportUnusedSuppressions, ...(onFileDone ? { onFileDone } : {}) });
  try {
    for (const f of files) pool.add(f);
    return await pool.finish();
  } finally {
    await pool.close();
  }
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
      const init: WorkerInit = { config, reportUnusedSuppressions, progress: new SharedArrayBuffer(4) };
      const worker = new Worker(WORKER_URL, { workerData: init });
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
