// One engine pass per linted file, shared by every credlint rule ESLint runs on it. ESLint
// creates every enabled rule for a file before it walks the tree, so when the first credlint
// rule reaches the end of the tree the set of enabled credlint rules is known: that rule runs
// the engine once with exactly those rules and caches the findings by file, rule set and text;
// the other rules read their own findings from it. A rule configured with non-default options
// gets one extra pass of its own (cached the same way).
// Cost: so enabling all rules costs one engine pass per file, about what one rule costs.
import { relative, sep } from 'node:path';
import { rules as allRules } from '../../rules/index.js';
import { resolveConfig } from '../config.js';
import { createSetup } from '../engine/setup.js';
import { scanText, type ScanSetup } from '../engine/scan-file.js';
import type { Finding, Notification } from '../engine/types.js';
import { provideProgram, type Program } from '../js/parse.js';

export interface ScanInput {
  /** The file name ESLint reports (a processor's virtual child name included). */
  readonly filename: string;
  /** The file on disk, when there is one. */
  readonly physicalFilename: string;
  readonly cwd: string;
  readonly text: string;
  /** ESLint's own ESTree of the text, when the language is JavaScript. */
  readonly program?: Program;
}

const setups = new Map<string, ScanSetup>();

/**
 * The engine setup for `active` rule ids (those ESLint enabled on this file), with `custom`
 * options for one of them. Running exactly the enabled rules keeps `supersedes` right: a
 * generic key finding is only replaced by a more specific rule's when that rule is on.
 */
function setupFor(active: readonly string[], custom: { ruleId: string; options: Record<string, unknown> } | undefined, key: string): ScanSetup {
  let setup = setups.get(key);
  if (!setup) {
    const user = custom ? { rules: { [custom.ruleId]: { options: custom.options } } } : {};
    setup = createSetup(resolveConfig(user, allRules, { onlyRules: [...active] }), allRules);
    setups.set(key, setup);
  }
  return setup;
}

interface CacheEntry {
  readonly filename: string;
  readonly text: string;
  readonly setupKey: string;
  readonly result: ScanOutput;
}

export interface ScanOutput {
  readonly findings: readonly Finding[];
  /** Only `rule-error`s: a rule that threw (the adapter reports it rather than staying silent). */
  readonly errors: readonly Notification[];
}

// ESLint runs every rule on one file before the next file, so a few entries suffice; they are
// matched by file name, setup and the exact text (an editor re-lints the same file as it changes).
const CACHE_SIZE = 8;
const cache: CacheEntry[] = [];

/** Path as the CLI reports it: relative to the working directory, `/`-separated. */
export function reportPath(filename: string, cwd: string): string {
  return relative(cwd, filename).split(sep).join('/') || filename;
}

/**
 * The findings of the engine pass over `input` with the `active` credlint rules (default
 * options), or — when `options` are given for `ruleId` — of a pass where that rule has them.
 */
export function findingsFor(input: ScanInput, active: readonly string[], ruleId?: string, options?: Record<string, unknown>): ScanOutput {
  const known = new Set(allRules.map((r) => r.id));
  const ids = [...new Set(active)].filter((id) => known.has(id)).sort();
  const custom = ruleId !== undefined && options !== undefined && Object.keys(options).length > 0 ? { ruleId, options } : undefined;
  const setupKey = `${ids.join(',')}\0${custom ? `${custom.ruleId}\0${JSON.stringify(custom.options)}` : ''}`;
  for (const entry of cache) {
    if (entry.filename === input.filename && entry.setupKey === setupKey && entry.text === input.text) return entry.result;
  }
  const setup = setupFor(ids, custom, setupKey);
  const path = reportPath(input.filename, input.cwd);
  // The JS analyses read ESLint's tree of this text instead of parsing it again.
  provideProgram(input.text, input.program);
  let result: ScanOutput;
  try {
    const scanned = scanText(path, input.text, setup, undefined, input.physicalFilename);
    result = { findings: scanned.findings, errors: scanned.notifications.filter((n) => n.id === 'rule-error') };
  } finally {
    provideProgram(input.text, undefined);
  }
  cache.unshift({ filename: input.filename, text: input.text, setupKey, result });
  if (cache.length > CACHE_SIZE) cache.pop();
  return result;
}
