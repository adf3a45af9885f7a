import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  NotRegularFileError,
  errorSummary,
  parse,
  parseByteSize,
  quoteValue,
  readRegularFile
} from "./chunk-I4XBVQCL.js";

// src/config.ts
import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
var MAX_CONFIG_BYTES = 1024 * 1024;
var DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;
var CONFIG_FILE_NAMES = ["credlint.config.json", "credlint.config.yaml", "credlint.config.yml"];
var ConfigError = class extends Error {
  name = "ConfigError";
};
var UsageError = class extends Error {
  name = "UsageError";
};
var TOP_LEVEL_KEYS = ["rules", "ignore", "maxFileSize", "allow", "deny", "failOn", "$schema"];
function describe(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : `${typeof value} ${typeof value === "string" ? quoteValue(value) : JSON.stringify(value)}`;
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function editDistance(a, b) {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}
function suggest(input, candidates) {
  let best;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(input, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== void 0 && bestDistance <= Math.max(3, Math.floor(input.length / 3)) ? best : void 0;
}
function unknownRuleMessage(id, ruleIds) {
  const near = suggest(id, ruleIds);
  return `unknown rule id "${id}"${near ? ` (did you mean "${near}"?)` : ""}`;
}
function stringList(value, where) {
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
    throw new ConfigError(`${where}: expected a list of strings, got ${describe(value)}`);
  }
  return value;
}
function accountIdList(value, where) {
  const list = stringList(
    Array.isArray(value) ? value.map((v) => typeof v === "number" ? String(v).padStart(12, "0") : v) : value,
    where
  );
  for (const id of list) {
    if (!/^\d{12}$/.test(id)) throw new ConfigError(`${where}: ${quoteValue(id)} is not a 12-digit AWS account id`);
  }
  return list;
}
var SEVERITY_VALUES = ["error", "warning", "note", "off"];
function normalizeSeverityAlias(value) {
  return value === "warn" ? "warning" : value;
}
function parseRuleSetting(value, where) {
  if (typeof value === "string") {
    const severity = normalizeSeverityAlias(value);
    if (!SEVERITY_VALUES.includes(severity)) {
      throw new ConfigError(`${where}: expected one of error, warning (or warn), note, off, got ${quoteValue(String(value))}`);
    }
    return { severity };
  }
  if (Array.isArray(value) && (value.length === 1 || value.length === 2)) {
    if (typeof value[0] !== "string") throw new ConfigError(`${where}[0]: expected a severity, got ${describe(value[0])}`);
    const severity = parseRuleSetting(value[0], `${where}[0]`).severity;
    if (value.length === 2 && !isRecord(value[1])) throw new ConfigError(`${where}[1]: expected an options object, got ${describe(value[1])}`);
    return { severity, options: value[1] };
  }
  if (isRecord(value)) {
    for (const key of Object.keys(value)) {
      if (key !== "severity" && key !== "options") throw new ConfigError(`${where}.${key}: unknown key (expected severity, options)`);
    }
    const severity = value.severity === void 0 ? void 0 : parseRuleSetting(value.severity, `${where}.severity`).severity;
    if (value.options !== void 0 && !isRecord(value.options)) {
      throw new ConfigError(`${where}.options: expected an object, got ${describe(value.options)}`);
    }
    return { severity, options: value.options };
  }
  throw new ConfigError(`${where}: expected a severity (error, warning, note, off), [severity, options] or {severity, options}, got ${describe(value)}`);
}
function validateConfig(raw, file, ruleIds) {
  if (!isRecord(raw)) throw new ConfigError(`${file}: expected an object at the top level, got ${describe(raw)}`);
  for (const key of Object.keys(raw)) {
    if (!TOP_LEVEL_KEYS.includes(key)) {
      const near = suggest(key, TOP_LEVEL_KEYS);
      throw new ConfigError(`${file}: unknown key "${key}"${near ? ` (did you mean "${near}"?)` : ""}`);
    }
  }
  const config = {};
  if (raw.rules !== void 0) {
    if (!isRecord(raw.rules)) throw new ConfigError(`${file}: rules: expected an object keyed by rule id, got ${describe(raw.rules)}`);
    const rules = {};
    for (const [id, value] of Object.entries(raw.rules)) {
      if (!ruleIds.includes(id)) throw new ConfigError(`${file}: rules: ${unknownRuleMessage(id, ruleIds)}`);
      rules[id] = parseRuleSetting(value, `${file}: rules.${id}`);
    }
    config.rules = rules;
  }
  if (raw.ignore !== void 0) config.ignore = stringList(raw.ignore, `${file}: ignore`);
  if (raw.maxFileSize !== void 0) {
    const size = typeof raw.maxFileSize === "string" || typeof raw.maxFileSize === "number" ? parseByteSize(raw.maxFileSize) : void 0;
    if (size === void 0) throw new ConfigError(`${file}: maxFileSize: expected a size such as 5MB or 1048576, got ${describe(raw.maxFileSize)}`);
    config.maxFileSize = size;
  }
  if (raw.allow !== void 0) {
    if (!isRecord(raw.allow)) throw new ConfigError(`${file}: allow: expected an object, got ${describe(raw.allow)}`);
    const allow = {};
    for (const [key, value] of Object.entries(raw.allow)) {
      if (key === "paths") allow.paths = stringList(value, `${file}: allow.paths`);
      else if (key === "patterns") {
        allow.patterns = stringList(value, `${file}: allow.patterns`);
        for (const p of allow.patterns) {
          try {
            new RegExp(p);
          } catch (error) {
            throw new ConfigError(`${file}: allow.patterns: ${quoteValue(p)} is not a valid regular expression (${errorSummary(error)})`);
          }
        }
      } else if (key === "accountIds") allow.accountIds = accountIdList(value, `${file}: allow.accountIds`);
      else throw new ConfigError(`${file}: allow.${key}: unknown key (expected paths, patterns, accountIds)`);
    }
    config.allow = allow;
  }
  if (raw.deny !== void 0) {
    if (!isRecord(raw.deny)) throw new ConfigError(`${file}: deny: expected an object, got ${describe(raw.deny)}`);
    for (const key of Object.keys(raw.deny)) {
      if (key !== "accountIds") throw new ConfigError(`${file}: deny.${key}: unknown key (expected accountIds)`);
    }
    config.deny = { accountIds: raw.deny.accountIds === void 0 ? [] : accountIdList(raw.deny.accountIds, `${file}: deny.accountIds`) };
  }
  if (raw.failOn !== void 0) {
    const failOn = typeof raw.failOn === "string" ? normalizeSeverityAlias(raw.failOn) : raw.failOn;
    if (failOn !== "error" && failOn !== "warning" && failOn !== "note") {
      throw new ConfigError(`${file}: failOn: expected error, warning (or warn) or note, got ${describe(raw.failOn)}`);
    }
    config.failOn = failOn;
  }
  return config;
}
function parseConfigText(text, file) {
  try {
    return file.endsWith(".json") ? JSON.parse(text) : parse(text);
  } catch (error) {
    const e = error;
    const at = e.linePos?.[0] ? ` at line ${e.linePos[0].line}, column ${e.linePos[0].col}` : /position (\d+)/.exec(String(e.message))?.[0] ? ` at ${/position (\d+)/.exec(String(e.message))?.[0]}` : "";
    throw new ConfigError(`${file}: not valid ${file.endsWith(".json") ? "JSON" : "YAML"}${at} (${errorSummary(error)})`);
  }
}
function loadConfigFile(path, ruleIds) {
  let text;
  try {
    text = readRegularFile(path, MAX_CONFIG_BYTES).toString("utf8");
  } catch (error) {
    const why = error instanceof NotRegularFileError ? error.what === "too-large" ? "over 1 MB" : "not a regular file" : error.code ?? "error";
    throw new ConfigError(`${path}: cannot read configuration file (${why})`);
  }
  const parsed = parseConfigText(text, path);
  if (path.endsWith("package.json")) {
    return validateConfig(parsed.credlint, `${path} ("credlint" key)`, ruleIds);
  }
  return validateConfig(parsed ?? {}, path, ruleIds);
}
function findConfigFile(startDir) {
  let dir = resolve(startDir);
  for (; ; ) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const pkg = join(dir, "package.json");
    if (existsSync(pkg)) {
      try {
        const parsed = JSON.parse(readRegularFile(pkg, MAX_CONFIG_BYTES).toString("utf8"));
        if (parsed && typeof parsed === "object" && "credlint" in parsed) return pkg;
      } catch {
      }
    }
    if (existsSync(join(dir, ".git"))) return void 0;
    const parent = dirname(dir);
    if (parent === dir) return void 0;
    dir = parent;
  }
}
function resolveConfig(user, allRules, overrides = {}, source) {
  const ids = allRules.map((r) => r.id);
  for (const id of [...overrides.onlyRules ?? [], ...overrides.disableRules ?? []]) {
    if (!ids.includes(id)) throw new UsageError(unknownRuleMessage(id, ids));
  }
  const rules = [];
  for (const rule of allRules) {
    const setting = user.rules?.[rule.id];
    let severity = rule.severity;
    if (setting?.severity) severity = setting.severity;
    if (overrides.onlyRules?.length) {
      if (!overrides.onlyRules.includes(rule.id)) continue;
      if (severity === "off") severity = rule.severity;
    }
    if (overrides.disableRules?.includes(rule.id)) continue;
    if (severity === "off") continue;
    let options = { ...rule.defaultOptions, ...setting?.options ?? {} };
    if (rule.parseOptions) {
      const parsed = rule.parseOptions(options);
      if (typeof parsed === "string") throw new ConfigError(`${source ?? "configuration"}: rules.${rule.id}.options: ${parsed}`);
      options = parsed;
    } else if (setting?.options) {
      for (const key of Object.keys(setting.options)) {
        if (!(key in rule.defaultOptions)) {
          throw new ConfigError(`${source ?? "configuration"}: rules.${rule.id}.options.${key}: unknown option`);
        }
      }
    }
    rules.push({ id: rule.id, severity, options });
  }
  return {
    rules,
    ignore: [...user.ignore ?? [], ...overrides.extraIgnore ?? []],
    maxFileSize: overrides.maxFileSize ?? user.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    allowPaths: user.allow?.paths ?? [],
    allowPatterns: user.allow?.patterns ?? [],
    allowAccountIds: user.allow?.accountIds ?? [],
    denyAccountIds: user.deny?.accountIds ?? [],
    failOn: overrides.failOn ?? user.failOn ?? "error",
    showSecrets: overrides.showSecrets ?? false,
    source,
    ...source ? { configDir: dirname(resolve(source)) } : {}
  };
}
function loadConfig(cwd, allRules, explicitPath, overrides = {}) {
  const ids = allRules.map((r) => r.id);
  let path = explicitPath ? resolve(cwd, explicitPath) : findConfigFile(cwd);
  if (explicitPath && (!existsSync(path) || !statSync(path).isFile())) {
    throw new UsageError(`--config ${explicitPath}: no such file`);
  }
  const user = path ? loadConfigFile(path, ids) : {};
  return resolveConfig(user, allRules, overrides, path);
}

export {
  CONFIG_FILE_NAMES,
  ConfigError,
  UsageError,
  suggest,
  normalizeSeverityAlias,
  validateConfig,
  resolveConfig,
  loadConfig
};
