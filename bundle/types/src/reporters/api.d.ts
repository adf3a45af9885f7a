import type { ScanResult } from '../engine/types.js';
import type { ReportContext } from './common.js';
import { buildSarif as sarifLog } from './sarif.js';
export type ReportInput = ScanResult | ReportContext;
/** SARIF 2.1.0 text (GitHub code scanning accepts it as is). */
export declare function formatSarif(input: ReportInput): string;
/** The SARIF log as an object. */
export declare function buildSarif(input: ReportInput): ReturnType<typeof sarifLog>;
export declare function formatJson(input: ReportInput): string;
/** Terminal output; `color` adds ANSI colours. */
export declare function formatStylish(input: ReportInput, options?: {
    color?: boolean;
}): string;
/** GitHub Actions workflow commands (pull-request annotations). */
export declare function formatGithub(input: ReportInput): string;
