import type { AnyRule, Severity, SharedSettings } from '../rule.js';
import { type FileKind } from '../kinds.js';
import type { Finding, FileResult, Notification } from './types.js';
import type { Extractor } from '../extract/types.js';
export interface ActiveRule {
    readonly rule: AnyRule;
    readonly severity: Severity;
    readonly options: Record<string, unknown>;
}
export interface ScanSetup {
    readonly rules: readonly ActiveRule[];
    readonly settings: SharedSettings;
    readonly allowPatterns: readonly RegExp[];
    readonly extractors: readonly Extractor[];
    /** All rule ids known (enabled or not): a suppression naming anything else is reported. */
    readonly knownRuleIds: ReadonlySet<string>;
    readonly reportUnusedSuppressions: boolean;
}
/**
 * Scans already-decoded text as the file at `path` (relative, `/`-separated). `absPath`,
 * when given, is where the file lives on disk (parsers resolve `file()` and module
 * siblings from it).
 */
export declare function scanText(path: string, text: string, setup: ScanSetup, kindOverride?: FileKind, absPath?: string): {
    findings: Finding[];
    notifications: Notification[];
};
export declare function scanFile(absPath: string, relPath: string, maxBytes: number, setup: ScanSetup): Promise<FileResult>;
/** Scans bytes that are not a file on disk (standard input) as the file at `path`. */
export declare function scanBytes(bytes: Uint8Array, path: string, maxBytes: number, setup: ScanSetup): FileResult;
