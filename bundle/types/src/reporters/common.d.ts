import type { AnyRule, Severity } from '../rule.js';
import type { Finding, ScanResult } from '../engine/types.js';
export interface ReportContext {
    readonly result: ScanResult;
    /** Every rule known, to look up metadata by id. */
    readonly rules: readonly AnyRule[];
    readonly version: string;
    /** `--show-secrets`: the one case where reporters do not mask key-shaped text once more. */
    readonly showSecrets?: boolean;
}
export type Reporter = (context: ReportContext, options?: {
    color?: boolean;
}) => string;
/** Findings that count: not suppressed. */
export declare function activeFindings(findings: readonly Finding[]): Finding[];
export declare function countBySeverity(findings: readonly Finding[]): Record<Severity, number>;
export declare function plural(n: number, word: string): string;
