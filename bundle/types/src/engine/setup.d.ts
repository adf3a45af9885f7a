import type { ResolvedConfig } from '../config.js';
import type { AnyRule } from '../rule.js';
import type { ScanSetup } from './scan-file.js';
import type { Extractor } from '../extract/types.js';
export interface SetupOptions {
    readonly reportUnusedSuppressions?: boolean;
    readonly extractors?: readonly Extractor[];
    /**
     * Run only the extractors an enabled rule can use (src/engine/gate.ts); default true. Off,
     * every extractor runs on every document it applies to (the tests compare the two).
     */
    readonly gateExtractors?: boolean;
}
export declare function createSetup(config: ResolvedConfig, allRules: readonly AnyRule[], options?: SetupOptions): ScanSetup;
