import type { ResolvedConfig } from '../config.js';
import type { AnyRule } from '../rule.js';
import { type FileTimeout } from './pool.js';
import type { Extractor } from '../extract/types.js';
import type { Finding, Notification, ScanResult } from './types.js';
import { type Shard } from './shard.js';
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
    readonly stdin?: {
        readonly data: Uint8Array;
        readonly path: string;
    };
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
export declare function compareFindings(a: Finding, b: Finding): number;
export declare function compareNotifications(a: Notification, b: Notification): number;
export declare function scan(options: ScanOptions): Promise<ScanResult>;
