// Turns a serialisable ResolvedConfig into what scanFile needs (rule objects, compiled
// regexes). Runs once per thread.
import type { ResolvedConfig } from '../config.js';
import type { AnyRule } from '../rule.js';
import type { ScanSetup } from './scan-file.js';
import { extractors as builtinExtractors, type Extractor } from './extractors.js';

export interface SetupOptions {
  readonly reportUnusedSuppressions?: boolean;
  readonly extractors?: readonly Extractor[];
}

export function createSetup(config: ResolvedConfig, allRules: readonly AnyRule[], options: SetupOptions = {}): ScanSetup {
  const byId = new Map(allRules.map((r) => [r.id, r]));
  return {
    rules: config.rules.flatMap((r) => {
      const rule = byId.get(r.id);
      return rule ? [{ rule, severity: r.severity, options: r.options }] : [];
    }),
    settings: { allowAccountIds: config.allowAccountIds, denyAccountIds: config.denyAccountIds, showSecrets: config.showSecrets },
    allowPatterns: config.allowPatterns.map((p) => new RegExp(p)),
    extractors: options.extractors ?? builtinExtractors,
    knownRuleIds: new Set(allRules.map((r) => r.id)),
    reportUnusedSuppressions: options.reportUnusedSuppressions ?? false,
  };
}
