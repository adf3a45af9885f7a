// Public API: the same engine the CLI, the ESLint plugin and the GitHub Action use.
import { rules as allRules } from '../rules/index.js';
import { loadConfig, type ResolveOptions, type ResolvedConfig } from './config.js';
import { scan, type Concurrency } from './engine/run.js';
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
export function loadRules(): readonly AnyRule[] {
  return allRules;
}

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
export async function lint(paths: readonly string[] = ['.'], options: LintOptions = {}): Promise<ScanResult> {
  const cwd = options.cwd ?? process.cwd();
  const config = options.config ?? loadConfig(cwd, allRules, options.configFile, options);
  return scan({
    cwd,
    paths,
    config,
    rules: allRules,
    concurrency: options.concurrency,
    reportUnusedSuppressions: options.reportUnusedSuppressions,
    useGit: options.useGit,
  });
}
