import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
import {
  buildSarif,
  formatGithub,
  formatJson,
  formatSarif,
  formatStylish,
  scan
} from "./chunks/chunk-CW3DXRR3.js";
import {
  ConfigError,
  UsageError,
  VERSION,
  loadConfig,
  resolveConfig,
  validateConfig
} from "./chunks/chunk-6GJLX3E2.js";
import {
  classifyFile,
  createSetup,
  defineRule,
  formatMessage,
  rules,
  scanText
} from "./chunks/chunk-3LSDKGHY.js";

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
  buildSarif,
  classifyFile,
  createSetup,
  defineRule,
  formatGithub,
  formatJson,
  formatMessage,
  formatSarif,
  formatStylish,
  lint,
  loadConfig,
  loadRules,
  resolveConfig,
  scan,
  scanText,
  validateConfig
};
