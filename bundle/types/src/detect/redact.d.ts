import type { SecretKind } from '../rule.js';
/** Short form for messages: key ids keep prefix and last four, other secrets at most four characters. */
export declare function redact(value: string, kind: SecretKind): string;
/** Same-length mask for code frames and snippets. */
export declare function maskInPlace(value: string, kind: SecretKind): string;
/**
 * Masks anything in `line` that has the shape of an AWS key id or a long base64 secret,
 * plus the explicit ranges given. This is a belt-and-braces pass for snippets: a secret
 * that no rule reported (a neighbour on the same line) is still never printed.
 */
export declare function maskLine(line: string, ranges?: ReadonlyArray<{
    start: number;
    end: number;
    kind: SecretKind;
}>): string;
/** What a message may show of a secret: redacted, unless the user passed `--show-secrets`. */
export declare function displaySecret(value: string, kind: SecretKind, settings: {
    readonly showSecrets?: boolean;
}): string;
