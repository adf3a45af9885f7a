// Turns a serialisable ResolvedConfig into what scanFile needs (rule objects, compiled
// regexes). Runs once per thread.
import type { ResolvedConfig } from '../config.js';
import type { AnyRule } from '../rule.js';
import type { ScanSetup } from './scan-file.js';
import { extractors as builtinExtractors } from '../extract/index.js';
import type { Extractor } from '../extract/types.js';
import { gateExtractors, inRunOrder } from './gate.js';

export interface SetupOptions {
  readonly reportUnusedSuppressions?: boolean;
  readonly extractors?: readonly Extractor[];
  /**
   * Run only the extractors an enabled rule can use (src/engine/gate.ts); default true. Off,
   * every extractor runs on every document it applies to (the tests compare the two).
   */
  readonly gateExtractors?: boolean;
}

export function createSetup(config: ResolvedConfig, allRules: readonly AnyRule[], options: SetupOptions = {}): ScanSetup {
  const byId = new Map(allRules.map((r) => [r.id, r]));
  const rules = config.rules.flatMap((r) => {
    const rule = byId.get(r.id);
    return rule ? [{ rule, severity: r.severity, options: r.options }] : [];
  });
  const extractors = options.extractors ?? builtinExtractors;
  return {
    rules,
    settings: { allowAccountIds: config.allowAccountIds, denyAccountIds: config.denyAccountIds, showSecrets: config.showSecrets },
    allowPatterns: config.allowPatterns.map((p) => new RegExp(p)),
    extractors: options.gateExtractors === false ? inRunOrder(extractors) : gateExtractors(rules.map((r) => r.rule), extractors),
    knownRuleIds: new Set(allRules.map((r) => r.id)),
    reportUnusedSuppressions: options.reportUnusedSuppressions ?? false,
  };
}
