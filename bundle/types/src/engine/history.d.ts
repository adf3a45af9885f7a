import { type ScanSetup } from './scan-file.js';
import type { FileResult } from './types.js';
import type { BlobPool } from './pool.js';
/** Modes whose "blob" is not file content: submodule commits, symbolic links, deletions. */
export declare const NON_CONTENT_MODES: ReadonlySet<string>;
/**
 * Maps a repository path to the path reported (relative to `baseDir`), or undefined when the
 * configuration ignores it. `.git/` and `node_modules/` are skipped as when walking.
 */
export declare function pathFilter(baseDir: string, top: string, ignorePatterns: readonly string[], ignoreBase?: string): (repoPath: string) => string | undefined;
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
    readonly workers?: {
        start(): BlobPool;
    };
}
export interface HistoryResult {
    readonly results: FileResult[];
    readonly commits: number;
    readonly blobs: number;
}
export declare function scanHistory(options: HistoryOptions): Promise<HistoryResult>;
