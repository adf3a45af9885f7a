import type { ResolvedConfig } from '../config.js';
import type { DiscoveredFile } from './discover.js';
import type { FileResult } from './types.js';
/** Whether the compiled worker exists (it does not when running TypeScript sources directly). */
export declare function workersAvailable(): boolean;
/** How long one file may take in a worker: `baseMs` plus `perMbMs` for each MiB of the file. */
export interface FileTimeout {
    readonly baseMs: number;
    readonly perMbMs: number;
}
/** Generous: only a pathological input (a parser gone quadratic) comes near it. */
export declare const DEFAULT_FILE_TIMEOUT: FileTimeout;
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
    readonly files: ReadonlyArray<{
        absPath: string;
        relPath: string;
    }>;
    /** Scan with the text-level rules only (the retry after a timeout). */
    readonly textOnly?: boolean;
}
export type WorkerReply = {
    batch: number;
    results: FileResult[];
} | {
    batch: number;
    error: string;
};
export interface FilePoolOptions {
    readonly config: ResolvedConfig;
    readonly threads: number;
    readonly reportUnusedSuppressions: boolean;
    /** `false`: no watchdog. */
    readonly fileTimeout?: FileTimeout | false;
    readonly hookModule?: string;
    readonly onFileDone?: (done: number) => void;
}
export declare class FilePool {
    private readonly options;
    private readonly files;
    private readonly results;
    /** Files waiting for a worker, in order; retries (text-only) first. */
    private readonly queue;
    private readonly retries;
    /** Why a file is being retried with the text-level rules only. */
    private readonly timedOut;
    private readonly slots;
    private ended;
    private done;
    private nextBatch;
    private failure;
    private settle;
    private readonly watch;
    private readonly timeout;
    constructor(options: FilePoolOptions);
    /** Queues one file; it is scanned as soon as a worker is free. */
    add(file: {
        absPath: string;
        relPath: string;
    }): void;
    /** No more files: resolves with every file's result, in the order they were added. */
    finish(): Promise<FileResult[]>;
    close(): Promise<void>;
    private spawn;
    private onReply;
    /** Posts work to every idle worker. */
    private pump;
    private liveCount;
    /** The watchdog: a worker whose started-file count has not moved for longer than that file's budget. */
    private check;
    /** Terminates the worker on `position` of its job, replaces it, and re-queues the job's other files. */
    private onStuck;
    private onDeath;
    private resolveUnscanned;
    private note;
    private fail;
    private maybeSettle;
}
/** Scans `files` in `threads` worker threads; results in input order. */
export declare function scanInWorkers(files: readonly DiscoveredFile[], config: ResolvedConfig, threads: number, reportUnusedSuppressions: boolean, onFileDone?: (done: number) => void): Promise<FileResult[]>;
/**
 * Worker threads fed with contents rather than paths (a history scan's git blobs). Batches go
 * to the first idle worker; `submit` resolves with the batch's results in order.
 */
export declare class BlobPool {
    private readonly workers;
    private readonly idle;
    private readonly queue;
    private readonly waiting;
    private failure;
    constructor(config: ResolvedConfig, threads: number, reportUnusedSuppressions: boolean);
    submit(blobs: Array<{
        path: string;
        data: Uint8Array;
    }>): Promise<FileResult[]>;
    private pump;
    close(): Promise<void>;
}
