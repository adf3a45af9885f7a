import { type CodeFamily } from '../parsers/code-tokens.js';
export type CodeCredentialKind = 'access-key-id' | 'secret-access-key' | 'session-token';
export interface CodeCredential {
    readonly kind: CodeCredentialKind;
    readonly api: string;
    readonly value: string;
    /** Reported range: the literal's characters (in place or at the same-file constant). */
    readonly start: number;
    readonly end: number;
    readonly valueStart: number;
    readonly valueEnd: number;
}
/** Keyword pre-filter shared with the JS analysis' own (see the rule). */
export declare const SDK_CODE_KEYWORDS_SOURCE: string;
export declare function findCodeCredentials(text: string, family: CodeFamily): CodeCredential[];
