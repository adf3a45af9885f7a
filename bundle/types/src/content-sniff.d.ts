export type SniffedKind = 'shell' | 'powershell';
export interface SniffEvidence {
    readonly kind: SniffedKind | undefined;
    /** Code lines looked at (comments and blank lines excluded). */
    readonly lines: number;
    readonly matched: number;
    readonly distinct: number;
}
/**
 * Sniffs a head of text. `strict` is for files whose extension names another language
 * (`.py`, `.rb`, `.txt` is not strict): only an overwhelming case overrides the extension.
 */
export declare function sniffScript(head: string, strict?: boolean): SniffedKind | undefined;
export declare function sniffEvidence(head: string, strict?: boolean): SniffEvidence;
