import type { Severity } from '../rule.js';
import type { FileKind } from '../kinds.js';
export interface Region {
    /** 1-based. */
    readonly startLine: number;
    /** 1-based, UTF-16 code units. */
    readonly startColumn: number;
    readonly endLine: number;
    /** 1-based and exclusive: the column just after the last character (as SARIF and ESLint). */
    readonly endColumn: number;
}
export interface Suppression {
    readonly kind: 'inSource' | 'external';
    readonly justification?: string;
}
/** Where a finding from a history scan entered the repository. */
export interface CommitRef {
    /** Full commit id. */
    readonly sha: string;
    /** Author date, ISO 8601 with the author's offset (`git log %aI`). */
    readonly authorDate: string;
}
export interface Finding {
    readonly ruleId: string;
    readonly messageId: string;
    /** Human message; never holds a whole secret. */
    readonly message: string;
    readonly severity: Severity;
    /** File path relative to the scan's base directory, `/` separated. */
    readonly path: string;
    readonly region: Region;
    /** The source line(s) of the region with every known secret masked. */
    readonly snippet: string;
    /** 1-based column of the line where `snippet` starts when a long line was cropped. */
    readonly snippetColumn?: number;
    /** Stable across moved lines: rule id, path and a hash of the offending content. */
    readonly fingerprint: string;
    /** Labels of the embedded documents the finding sits in, outermost first. */
    readonly embeddedIn?: readonly string[];
    readonly kind: FileKind;
    readonly suppression?: Suppression;
    /** A secret in another file this finding is about (see ReportDescriptor.refersTo). */
    readonly refersTo?: {
        readonly path: string;
        readonly region: Region;
    };
    /** `--history`: the first commit that added the blob holding this finding. */
    readonly commit?: CommitRef;
    /** Places that explain the finding, in the same file (SARIF `relatedLocations`). */
    readonly related?: readonly RelatedLocation[];
    /** `related` is an ordered path (SARIF `codeFlows`). */
    readonly flow?: boolean;
    /** Machine-readable extras from the rule (plain JSON, secrets masked). */
    readonly properties?: Readonly<Record<string, unknown>>;
}
export interface RelatedLocation {
    readonly region: Region;
    readonly message: string;
}
export type NotificationId = 'binary-file' | 'file-too-large' | 'invalid-encoding' | 'unreadable-file' | 'not-a-file' | 'missing-path' | 'parse-error' | 'not-fully-scanned' | 'rule-error' | 'results-truncated' | 'unknown-suppression' | 'config';
export interface Notification {
    readonly id: NotificationId;
    readonly level: 'error' | 'warning' | 'note';
    readonly message: string;
    readonly path?: string;
    readonly line?: number;
    readonly column?: number;
}
export interface FileResult {
    readonly path: string;
    readonly findings: Finding[];
    readonly notifications: Notification[];
    readonly bytes: number;
    readonly scanned: boolean;
}
export interface ScanStats {
    readonly filesDiscovered: number;
    readonly filesScanned: number;
    readonly bytesScanned: number;
    /** `--history`: commits in the range, and distinct blobs scanned. */
    readonly commits?: number;
    readonly blobs?: number;
}
export interface ScanResult {
    /** Sorted by path, line, column, rule id. Includes suppressed findings (marked). */
    readonly findings: Finding[];
    readonly notifications: Notification[];
    readonly stats: ScanStats;
    /** Ids of the rules that were enabled for this scan, sorted. */
    readonly enabledRules: string[];
    /** The configured severity of each enabled rule (SARIF `defaultConfiguration.level`). */
    readonly ruleSeverities?: Readonly<Record<string, Severity>>;
    /** Absolute base directory that `path`s are relative to. */
    readonly baseDir: string;
    /** `--shard I/N`: this scan covers one slice of the files (SARIF category `credlint/shard-I-of-N`). */
    readonly shard?: {
        readonly index: number;
        readonly count: number;
    };
}
