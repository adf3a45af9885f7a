import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  buildSarif,
  formatGithub,
  formatJson,
  formatSarif,
  formatStylish,
  scan
} from "./chunk-UZZK2OTL.js";
import {
  ConfigError,
  UsageError,
  loadConfig,
  resolveConfig,
  validateConfig
} from "./chunk-VALTK4J7.js";
import {
  VERSION
} from "./chunk-ORZ2ZCPG.js";
import {
  classifyFile,
  createSetup,
  defineRule,
  formatMessage,
  initParsersSync,
  rules,
  scanText
} from "./chunk-I4XBVQCL.js";
import "./chunk-JQ7CTWZG.js";

// src/parsers/ready.ts
function initParsers() {
  try {
    initParsersSync();
    return Promise.resolve();
  } catch (error) {
    return Promise.reject(error);
  }
}

// src/reporters/api.ts
function context(input) {
  return "result" in input ? input : { result: input, rules, version: VERSION };
}
function formatSarif2(input) {
  return formatSarif(context(input));
}
function buildSarif2(input) {
  return buildSarif(context(input));
}
function formatJson2(input) {
  return formatJson(context(input));
}
function formatStylish2(input, options = {}) {
  return formatStylish(context(input), options);
}
function formatGithub2(input) {
  return formatGithub(context(input));
}

// src/index.ts
function loadRules() {
  return rules;
}
async function lint(paths = ["."], options = {}) {
  const cwd = options.cwd ?? process.cwd();
  const config = options.config ?? loadConfig(cwd, rules, options.configFile, options);
  return scan({
    cwd,
    paths,
    config,
    rules,
    concurrency: options.concurrency,
    reportUnusedSuppressions: options.reportUnusedSuppressions,
    useGit: options.useGit
  });
}
export {
  ConfigError,
  UsageError,
  VERSION,
  buildSarif2 as buildSarif,
  classifyFile,
  createSetup,
  defineRule,
  formatGithub2 as formatGithub,
  formatJson2 as formatJson,
  formatMessage,
  formatSarif2 as formatSarif,
  formatStylish2 as formatStylish,
  initParsers,
  lint,
  loadConfig,
  loadRules,
  resolveConfig,
  scan,
  scanText,
  validateConfig
};
