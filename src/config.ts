// Configuration: found, parsed and validated here, so every front end gets the same
// errors. A user mistake is a ConfigError with one clear line (file, key, what was
// expected), never a stack trace.
import { quoteValue } from './detect/display.js';
import { errorSummary } from './parsers/errors.js';
import { existsSync, statSync } from 'node:fs';
import { NotRegularFileError, readRegularFile } from './engine/read.js';

/** Configuration files and package.json larger than this are refused. */
const MAX_CONFIG_BYTES = 1024 * 1024;
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from './parsers/yaml.js';
import type { AnyRule, Severity } from './rule.js';
import { parseByteSize } from './engine/read.js';

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;
export const CONFIG_FILE_NAMES = ['credlint.config.json', 'credlint.config.yaml', 'credlint.config.yml'] as const;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Usage errors (bad flags, missing paths): exit code 2 with this one line. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
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
  readonly deny?: { readonly accountIds?: readonly string[] };
  readonly failOn?: Severity;
}

/** Everything a scan needs, serialisable so it can be posted to worker threads. */
export interface ResolvedConfig {
  /** Enabled rules with their effective severity and options. */
  readonly rules: ReadonlyArray<{ id: string; severity: Severity; options: Record<string, unknown> }>;
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

const TOP_LEVEL_KEYS = ['rules', 'ignore', 'maxFileSize', 'allow', 'deny', 'failOn', '$schema'];

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${typeof value === 'string' ? quoteValue(value) : JSON.stringify(value)}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j] as number;
      prev[j] = Math.min((prev[j] as number) + 1, (prev[j - 1] as number) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length] as number;
}

export function suggest(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(input, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(3, Math.floor(input.length / 3)) ? best : undefined;
}

export function unknownRuleMessage(id: string, ruleIds: readonly string[]): string {
  const near = suggest(id, ruleIds);
  return `unknown rule id "${id}"${near ? ` (did you mean "${near}"?)` : ''}`;
}

function stringList(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new ConfigError(`${where}: expected a list of strings, got ${describe(value)}`);
  }
  return value as string[];
}

function accountIdList(value: unknown, where: string): string[] {
  const list = stringList(
    Array.isArray(value) ? value.map((v) => (typeof v === 'number' ? String(v).padStart(12, '0') : v)) : value,
    where,
  );
  for (const id of list) {
    if (!/^\d{12}$/.test(id)) throw new ConfigError(`${where}: ${quoteValue(id)} is not a 12-digit AWS account id`);
  }
  return list;
}

const SEVERITY_VALUES = ['error', 'warning', 'note', 'off'];

/** `warn` (ESLint's spelling) is accepted wherever a severity is, and means `warning`. */
export function normalizeSeverityAlias(value: string): string {
  return value === 'warn' ? 'warning' : value;
}

function parseRuleSetting(value: unknown, where: string): RuleConfig {
  if (typeof value === 'string') {
    const severity = normalizeSeverityAlias(value);
    if (!SEVERITY_VALUES.includes(severity)) {
      throw new ConfigError(`${where}: expected one of error, warning (or warn), note, off, got ${quoteValue(String(value))}`);
    }
    return { severity: severity as RuleSetting };
  }
  if (Array.isArray(value) && (value.length === 1 || value.length === 2)) {
    if (typeof value[0] !== 'string') throw new ConfigError(`${where}[0]: expected a severity, got ${describe(value[0])}`);
    const severity = parseRuleSetting(value[0], `${where}[0]`).severity;
    if (value.length === 2 && !isRecord(value[1])) throw new ConfigError(`${where}[1]: expected an options object, got ${describe(value[1])}`);
    return { severity, options: value[1] as Record<string, unknown> | undefined };
  }
  if (isRecord(value)) {
    for (const key of Object.keys(value)) {
      if (key !== 'severity' && key !== 'options') throw new ConfigError(`${where}.${key}: unknown key (expected severity, options)`);
    }
    const severity = value.severity === undefined ? undefined : parseRuleSetting(value.severity, `${where}.severity`).severity;
    if (value.options !== undefined && !isRecord(value.options)) {
      throw new ConfigError(`${where}.options: expected an object, got ${describe(value.options)}`);
    }
    return { severity, options: value.options as Record<string, unknown> | undefined };
  }
  throw new ConfigError(`${where}: expected a severity (error, warning, note, off), [severity, options] or {severity, options}, got ${describe(value)}`);
}

/** Validates a parsed configuration object. `file` names it in errors. */
export function validateConfig(raw: unknown, file: string, ruleIds: readonly string[]): UserConfig {
  if (!isRecord(raw)) throw new ConfigError(`${file}: expected an object at the top level, got ${describe(raw)}`);
  for (const key of Object.keys(raw)) {
    if (!TOP_LEVEL_KEYS.includes(key)) {
      const near = suggest(key, TOP_LEVEL_KEYS);
      throw new ConfigError(`${file}: unknown key "${key}"${near ? ` (did you mean "${near}"?)` : ''}`);
    }
  }
  const config: { -readonly [K in keyof UserConfig]: UserConfig[K] } = {};
  if (raw.rules !== undefined) {
    if (!isRecord(raw.rules)) throw new ConfigError(`${file}: rules: expected an object keyed by rule id, got ${describe(raw.rules)}`);
    const rules: Record<string, RuleConfig> = {};
    for (const [id, value] of Object.entries(raw.rules)) {
      if (!ruleIds.includes(id)) throw new ConfigError(`${file}: rules: ${unknownRuleMessage(id, ruleIds)}`);
      rules[id] = parseRuleSetting(value, `${file}: rules.${id}`);
    }
    config.rules = rules;
  }
  if (raw.ignore !== undefined) config.ignore = stringList(raw.ignore, `${file}: ignore`);
  if (raw.maxFileSize !== undefined) {
    const size = typeof raw.maxFileSize === 'string' || typeof raw.maxFileSize === 'number' ? parseByteSize(raw.maxFileSize) : undefined;
    if (size === undefined) throw new ConfigError(`${file}: maxFileSize: expected a size such as 5MB or 1048576, got ${describe(raw.maxFileSize)}`);
    config.maxFileSize = size;
  }
  if (raw.allow !== undefined) {
    if (!isRecord(raw.allow)) throw new ConfigError(`${file}: allow: expected an object, got ${describe(raw.allow)}`);
    const allow: { paths?: string[]; patterns?: string[]; accountIds?: string[] } = {};
    for (const [key, value] of Object.entries(raw.allow)) {
      if (key === 'paths') allow.paths = stringList(value, `${file}: allow.paths`);
      else if (key === 'patterns') {
        allow.patterns = stringList(value, `${file}: allow.patterns`);
        for (const p of allow.patterns) {
          try {
            new RegExp(p);
          } catch (error) {
            throw new ConfigError(`${file}: allow.patterns: ${quoteValue(p)} is not a valid regular expression (${errorSummary(error)})`);
          }
        }
      } else if (key === 'accountIds') allow.accountIds = accountIdList(value, `${file}: allow.accountIds`);
      else throw new ConfigError(`${file}: allow.${key}: unknown key (expected paths, patterns, accountIds)`);
    }
    config.allow = allow;
  }
  if (raw.deny !== undefined) {
    if (!isRecord(raw.deny)) throw new ConfigError(`${file}: deny: expected an object, got ${describe(raw.deny)}`);
    for (const key of Object.keys(raw.deny)) {
      if (key !== 'accountIds') throw new ConfigError(`${file}: deny.${key}: unknown key (expected accountIds)`);
    }
    config.deny = { accountIds: raw.deny.accountIds === undefined ? [] : accountIdList(raw.deny.accountIds, `${file}: deny.accountIds`) };
  }
  if (raw.failOn !== undefined) {
    const failOn = typeof raw.failOn === 'string' ? normalizeSeverityAlias(raw.failOn) : raw.failOn;
    if (failOn !== 'error' && failOn !== 'warning' && failOn !== 'note') {
      throw new ConfigError(`${file}: failOn: expected error, warning (or warn) or note, got ${describe(raw.failOn)}`);
    }
    config.failOn = failOn;
  }
  return config;
}

function parseConfigText(text: string, file: string): unknown {
  try {
    return file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    // Position only: the parser's message quotes the text (a `.env` passed to -c by mistake).
    const e = error as { linePos?: Array<{ line: number; col: number }>; message?: string };
    const at = e.linePos?.[0] ? ` at line ${e.linePos[0].line}, column ${e.linePos[0].col}` : /position (\d+)/.exec(String(e.message))?.[0] ? ` at ${/position (\d+)/.exec(String(e.message))?.[0]}` : '';
    throw new ConfigError(`${file}: not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}${at} (${errorSummary(error)})`);
  }
}

/** Reads one configuration file (JSON, YAML, or a package.json with a `credlint` key). */
export function loadConfigFile(path: string, ruleIds: readonly string[]): UserConfig {
  let text: string;
  try {
    text = readRegularFile(path, MAX_CONFIG_BYTES).toString('utf8');
  } catch (error) {
    const why = error instanceof NotRegularFileError ? (error.what === 'too-large' ? 'over 1 MB' : 'not a regular file') : ((error as NodeJS.ErrnoException).code ?? 'error');
    throw new ConfigError(`${path}: cannot read configuration file (${why})`);
  }
  const parsed = parseConfigText(text, path);
  if (path.endsWith('package.json')) {
    return validateConfig((parsed as Record<string, unknown>).credlint, `${path} ("credlint" key)`, ruleIds);
  }
  return validateConfig(parsed ?? {}, path, ruleIds);
}

/**
 * Finds the configuration from `startDir` upward, stopping at the repository root (the
 * first directory holding `.git`). Returns undefined when there is none.
 */
export function findConfigFile(startDir: string): string | undefined {
  let dir = resolve(startDir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        // Bounded and regular files only: a committed package.json -> /dev/zero must not hang the scan.
        const parsed = JSON.parse(readRegularFile(pkg, MAX_CONFIG_BYTES).toString('utf8')) as Record<string, unknown>;
        if (parsed && typeof parsed === 'object' && 'credlint' in parsed) return pkg;
      } catch {
        // A broken package.json that is not ours to validate: keep looking upward.
      }
    }
    if (existsSync(join(dir, '.git'))) return undefined;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

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
export function resolveConfig(
  user: UserConfig,
  allRules: readonly AnyRule[],
  overrides: ResolveOptions = {},
  source?: string,
): ResolvedConfig {
  const ids = allRules.map((r) => r.id);
  for (const id of [...(overrides.onlyRules ?? []), ...(overrides.disableRules ?? [])]) {
    if (!ids.includes(id)) throw new UsageError(unknownRuleMessage(id, ids));
  }
  const rules: Array<{ id: string; severity: Severity; options: Record<string, unknown> }> = [];
  for (const rule of allRules) {
    const setting = user.rules?.[rule.id];
    let severity: RuleSetting = rule.severity;
    if (setting?.severity) severity = setting.severity;
    if (overrides.onlyRules?.length) {
      if (!overrides.onlyRules.includes(rule.id)) continue;
      if (severity === 'off') severity = rule.severity;
    }
    if (overrides.disableRules?.includes(rule.id)) continue;
    if (severity === 'off') continue;
    let options: Record<string, unknown> = { ...(rule.defaultOptions as Record<string, unknown>), ...(setting?.options ?? {}) };
    if (rule.parseOptions) {
      const parsed = rule.parseOptions(options);
      if (typeof parsed === 'string') throw new ConfigError(`${source ?? 'configuration'}: rules.${rule.id}.options: ${parsed}`);
      options = parsed as Record<string, unknown>;
    } else if (setting?.options) {
      for (const key of Object.keys(setting.options)) {
        if (!(key in (rule.defaultOptions as Record<string, unknown>))) {
          throw new ConfigError(`${source ?? 'configuration'}: rules.${rule.id}.options.${key}: unknown option`);
        }
      }
    }
    rules.push({ id: rule.id, severity, options });
  }
  return {
    rules,
    ignore: [...(user.ignore ?? []), ...(overrides.extraIgnore ?? [])],
    maxFileSize: overrides.maxFileSize ?? user.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    allowPaths: user.allow?.paths ?? [],
    allowPatterns: user.allow?.patterns ?? [],
    allowAccountIds: user.allow?.accountIds ?? [],
    denyAccountIds: user.deny?.accountIds ?? [],
    failOn: overrides.failOn ?? user.failOn ?? 'error',
    showSecrets: overrides.showSecrets ?? false,
    source,
    ...(source ? { configDir: dirname(resolve(source)) } : {}),
  };
}

/** Loads the config (explicit path or found upward from `cwd`) and resolves it. */
export function loadConfig(
  cwd: string,
  allRules: readonly AnyRule[],
  explicitPath: string | undefined,
  overrides: ResolveOptions = {},
): ResolvedConfig {
  const ids = allRules.map((r) => r.id);
  let path = explicitPath ? resolve(cwd, explicitPath) : findConfigFile(cwd);
  if (explicitPath && (!existsSync(path as string) || !statSync(path as string).isFile())) {
    throw new UsageError(`--config ${explicitPath}: no such file`);
  }
  const user = path ? loadConfigFile(path, ids) : {};
  return resolveConfig(user, allRules, overrides, path);
}
