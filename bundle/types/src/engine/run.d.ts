import type { ResolvedConfig } from '../config.js';
import type { AnyRule } from '../rule.js';
import { type DiscoveredFile } from './discover.js';
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
/**
 * `auto` starts worker threads once the files found promise enough work to pay for them: each
 * worker imports the engine, compiles the grammars and warms the JIT again (~0.5–0.8 CPU-s), and
 * on two cores threads win only when a single-threaded scan would take a few seconds. Measured
 * (npm run bench): a parsed infrastructure file (Terraform, a script, a Dockerfile) costs ~5 ms,
 * a YAML/JSON file that may be a template half that, other source and text ~0.4 ms. So the pool
 * starts at a weight of 800 such units (~4 s of work): a 4,000-file source tree stays on the
 * main thread (1.5 s, where two workers took 1.8 s), a tree of thousands of templates does not.
 */
export declare const AUTO_MIN_WEIGHT = 800;
/** A file's expected cost from its name alone, in parsed-infrastructure-file units. */
export declare function workWeight(relPath: string): number;
export declare function compareFindings(a: Finding, b: Finding): number;
export declare function compareNotifications(a: Notification, b: Notification): number;
/**
 * On two cores a single-threaded scan already keeps the second core half busy (V8's garbage
 * collector and optimising compiler run beside it: 1.4–1.6 cores in use), and a second isolate
 * pays its start-up, its JIT warm-up and its caches again. Measured with two workers against
 * the main thread alone: the 12 MB IaC tree 3% slower (+37% CPU), 29 MB of real IaC
 * repositories 10% slower, 30 MB mixed 5% faster (+40% CPU), 100 MB mixed 27% faster (+24%
 * CPU). So on two cores `auto` starts threads for a large tree only past this much text.
 */
export declare const FEW_CORES_MIN_BYTES: number;
export declare function fewCores(cores?: number): boolean;
/** Whether the files hold at least `limit` bytes a scan reads (stat'ed until the sum is reached). */
export declare function bytesAtLeast(files: readonly Pick<DiscoveredFile, 'absPath'>[], limit: number, maxFileSize: number): boolean;
export declare function scan(options: ScanOptions): Promise<ScanResult>;
