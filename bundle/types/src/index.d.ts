import { type ResolveOptions, type ResolvedConfig } from './config.js';
import { type Concurrency } from './engine/run.js';
import type { ScanResult } from './engine/types.js';
import type { AnyRule } from './rule.js';
export type { Finding, Notification, Region, ScanResult, Suppression } from './engine/types.js';
export type { AnyRule, Rule, RuleContext, RuleMeta, Severity, ReportDescriptor } from './rule.js';
export type { FileKind } from './kinds.js';
export type { ResolvedConfig, UserConfig } from './config.js';
export { defineRule, formatMessage } from './rule.js';
export { classifyFile } from './kinds.js';
export { scan } from './engine/run.js';
export { scanText } from './engine/scan-file.js';
export { createSetup } from './engine/setup.js';
/** Loads the WASM grammars (bash, Terraform). `lint()` and `scan()` call it; await it once before using `scanText` directly. */
export { initParsers } from './parsers/ready.js';
export { loadConfig, resolveConfig, validateConfig, ConfigError, UsageError } from './config.js';
export { formatStylish, formatJson, formatSarif, buildSarif, formatGithub, type ReportInput } from './reporters/api.js';
export type { ReportContext } from './reporters/common.js';
export { VERSION } from './version.js';
/** Every rule credlint has, sorted by id. */
export declare function loadRules(): readonly AnyRule[];
export interface LintOptions extends ResolveOptions {
    /** Base directory (default: process.cwd()). */
    readonly cwd?: string;
    /** Explicit configuration file; otherwise found upward from `cwd`. */
    readonly configFile?: string;
    /** A resolved configuration, bypassing file lookup. */
    readonly config?: ResolvedConfig;
    readonly concurrency?: Concurrency;
    readonly reportUnusedSuppressions?: boolean;
    readonly useGit?: boolean;
}
/** Scans `paths` (default `.`) and returns sorted findings and notifications. */
export declare function lint(paths?: readonly string[], options?: LintOptions): Promise<ScanResult>;
