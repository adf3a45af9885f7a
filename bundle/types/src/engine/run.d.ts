import type { ResolvedConfig } from '../config.js';
import type { AnyRule } from '../rule.js';
import type { Extractor } from './extractors.js';
import type { Finding, Notification, ScanResult } from './types.js';
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
    readonly onProgress?: (done: number, total: number) => void;
}
export declare function compareFindings(a: Finding, b: Finding): number;
export declare function compareNotifications(a: Notification, b: Notification): number;
export declare function scan(options: ScanOptions): Promise<ScanResult>;
