// The reporters as the public API offers them: `formatSarif(await lint(paths))` — a ScanResult
// alone is enough (rules and version are credlint's own); a full ReportContext still works.
import { rules as allRules } from '../../rules/index.js';
import type { ScanResult } from '../engine/types.js';
import type { ReportContext } from './common.js';
import { VERSION } from '../version.js';
import { formatStylish as stylish } from './stylish.js';
import { formatJson as json } from './json.js';
import { buildSarif as sarifLog, formatSarif as sarif } from './sarif.js';
import { formatGithub as github } from './github.js';

export type ReportInput = ScanResult | ReportContext;

function context(input: ReportInput): ReportContext {
  return 'result' in input ? input : { result: input, rules: allRules, version: VERSION };
}

/** SARIF 2.1.0 text (GitHub code scanning accepts it as is). */
export function formatSarif(input: ReportInput): string {
  return sarif(context(input));
}

/** The SARIF log as an object. */
export function buildSarif(input: ReportInput): ReturnType<typeof sarifLog> {
  return sarifLog(context(input));
}

export function formatJson(input: ReportInput): string {
  return json(context(input));
}

/** Terminal output; `color` adds ANSI colours. */
export function formatStylish(input: ReportInput, options: { color?: boolean } = {}): string {
  return stylish(context(input), options);
}

/** GitHub Actions workflow commands (pull-request annotations). */
export function formatGithub(input: ReportInput): string {
  return github(context(input));
}
