import type { ResolvedConfig } from '../config.js';
import type { DiscoveredFile } from './discover.js';
import type { FileResult } from './types.js';
/** Whether the compiled worker exists (it does not when running TypeScript sources directly). */
export declare function workersAvailable(): boolean;
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
