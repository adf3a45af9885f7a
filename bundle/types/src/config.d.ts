import type { AnyRule, Severity } from './rule.js';
export declare const DEFAULT_MAX_FILE_SIZE: number;
export declare const CONFIG_FILE_NAMES: readonly ["credlint.config.json", "credlint.config.yaml", "credlint.config.yml"];
export declare class ConfigError extends Error {
    readonly name = "ConfigError";
}
/** Usage errors (bad flags, missing paths): exit code 2 with this one line. */
export declare class UsageError extends Error {
    readonly name = "UsageError";
}
export type RuleSetting = Severity | 'off';
export interface RuleConfig {
    /** Absent: the rule's default severity. */
    readonly severity?: RuleSetting;
    readonly options?: Record<string, unknown>;
}
/** The configuration as written by a user, validated. */
export interface UserConfig {
    readonly rules?: Readonly<Record<string, RuleConfig>>;
    readonly ignore?: readonly string[];
    readonly maxFileSize?: number;
    readonly allow?: {
        readonly paths?: readonly string[];
        readonly patterns?: readonly string[];
        readonly accountIds?: readonly string[];
    };
    readonly deny?: {
        readonly accountIds?: readonly string[];
    };
    readonly failOn?: Severity;
}
/** Everything a scan needs, serialisable so it can be posted to worker threads. */
export interface ResolvedConfig {
    /** Enabled rules with their effective severity and options. */
    readonly rules: ReadonlyArray<{
        id: string;
        severity: Severity;
        options: Record<string, unknown>;
    }>;
    readonly ignore: readonly string[];
    readonly maxFileSize: number;
    readonly allowPaths: readonly string[];
    /** Regular expression sources; a finding whose offending text matches one is dropped. */
    readonly allowPatterns: readonly string[];
    readonly allowAccountIds: readonly string[];
    readonly denyAccountIds: readonly string[];
    readonly failOn: Severity;
    /** `--show-secrets`: print whole secrets (explicit opt-in only). */
    readonly showSecrets: boolean;
    /** Where the configuration came from, for messages; undefined for the built-in default. */
    readonly source?: string;
    /** Directory `ignore` and `allow.paths` are relative to: the configuration file's (absolute). */
    readonly configDir?: string;
}
/** Levenshtein distance, for "did you mean" suggestions. */
export declare function editDistance(a: string, b: string): number;
export declare function suggest(input: string, candidates: readonly string[]): string | undefined;
export declare function unknownRuleMessage(id: string, ruleIds: readonly string[]): string;
/** `warn` (ESLint's spelling) is accepted wherever a severity is, and means `warning`. */
export declare function normalizeSeverityAlias(value: string): string;
/** Validates a parsed configuration object. `file` names it in errors. */
export declare function validateConfig(raw: unknown, file: string, ruleIds: readonly string[]): UserConfig;
/** Reads one configuration file (JSON, YAML, or a package.json with a `credlint` key). */
export declare function loadConfigFile(path: string, ruleIds: readonly string[]): UserConfig;
/**
 * Finds the configuration from `startDir` upward, stopping at the repository root (the
 * first directory holding `.git`). Returns undefined when there is none.
 */
export declare function findConfigFile(startDir: string): string | undefined;
export interface ResolveOptions {
    /** Enable only these rules (CLI `--rule`), on top of the config. */
    readonly onlyRules?: readonly string[];
    readonly disableRules?: readonly string[];
    readonly extraIgnore?: readonly string[];
    readonly maxFileSize?: number;
    readonly failOn?: Severity;
    readonly showSecrets?: boolean;
}
/** Merges the built-in defaults, the user config and CLI overrides into what a scan needs. */
export declare function resolveConfig(user: UserConfig, allRules: readonly AnyRule[], overrides?: ResolveOptions, source?: string): ResolvedConfig;
/** Loads the config (explicit path or found upward from `cwd`) and resolves it. */
export declare function loadConfig(cwd: string, allRules: readonly AnyRule[], explicitPath: string | undefined, overrides?: ResolveOptions): ResolvedConfig;
