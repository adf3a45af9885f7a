import { type ScanSetup } from './scan-file.js';
import type { FileResult } from './types.js';
export declare function scanStaged(baseDir: string, setup: ScanSetup, maxBytes: number, ignorePatterns: readonly string[], ignoreBase?: string, shard?: (relPath: string) => boolean): Promise<FileResult[]>;
