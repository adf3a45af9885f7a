import type { TSESTree } from '@typescript-eslint/utils';
export type CredentialSlotKind = 'access-key-id' | 'secret-access-key' | 'session-token';
export interface SdkCredential {
    readonly kind: CredentialSlotKind;
    /** Where the credential is handed to the SDK, for the message: `S3Client credentials`, `AWS.config.update`. */
    readonly api: string;
    readonly value: string;
    /** Reported range: the literal's characters (in place, or in the `const` the slot's value comes from). */
    readonly start: number;
    readonly end: number;
    /** Where the value's characters are (the literal, possibly in a `const` elsewhere in the file). */
    readonly valueStart: number;
    readonly valueEnd: number;
    /** What the ESLint suggestion removes: text ranges, non-overlapping, with a description. */
    readonly removal: SdkCredentialRemoval;
}
export interface SdkCredentialRemoval {
    readonly description: string;
    readonly ranges: ReadonlyArray<readonly [number, number]>;
}
/** Keyword pre-filter for JS/TS: nothing can be reported in a file that names none of these. */
export declare const SDK_JS_KEYWORDS_SOURCE: string;
/** Every static credential handed to the SDK in `program` (an ESTree with ranges over `text`). Cached per program. */
export declare function findSdkCredentials(program: TSESTree.Program, text: string): readonly SdkCredential[];
