import type { ResolvedConfig } from '../config.js';
import type { AnyRule } from '../rule.js';
import type { ScanSetup } from './scan-file.js';
import { type Extractor } from './extractors.js';
export interface SetupOptions {
    readonly reportUnusedSuppressions?: boolean;
    readonly extractors?: readonly Extractor[];
}
export declare function createSetup(config: ResolvedConfig, allRules: readonly AnyRule[], options?: SetupOptions): ScanSetup;
