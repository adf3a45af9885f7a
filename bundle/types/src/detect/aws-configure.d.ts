import type { SourceDocument } from '../engine/document.js';
import type { SecretKind } from '../rule.js';
export type ConfigureForm = 'set' | 'interactive' | 'import';
export interface ConfigureUse {
    readonly form: ConfigureForm;
    /** Offsets of the token to report: the credential key of `set`, else the `configure` word. */
    readonly start: number;
    readonly end: number;
    /** `aws_secret_access_key`, `profile.ci.aws_access_key_id` … (set form). */
    readonly key?: string;
    /** How an interactive `aws configure` gets its answers: `a pipe`, `a heredoc`, `expect` … */
    readonly input?: string;
    /** The value written by `set`, when it is a literal in the document (to be masked). */
    readonly secret?: {
        readonly start: number;
        readonly end: number;
        readonly kind: SecretKind;
    };
}
/** Every `aws configure` use that stores credentials in a document (shell or Windows script). */
export declare function findConfigureCredentialUses(doc: SourceDocument): ConfigureUse[];
/**
 * Source of the pre-filter: an `aws` word with `configure` after it on the same logical line
 * (global options and `\`, backtick or `^` line continuations may sit between). A bare
 * `configure` would send every autoconf build (`./configure && make`) through a shell parse
 * for nothing.
 */
export declare const CONFIGURE_KEYWORD_SOURCE: string;
/**
 * Cheap pre-filter for documents that may hold such a use: CONFIGURE_KEYWORD_SOURCE, run in
 * one linear pass (the regex itself costs 400 steps at every `aws` word).
 */
export declare const CONFIGURE_KEYWORDS: RegExp;
