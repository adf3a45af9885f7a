import type { SecretKind } from '../rule.js';
/** Short form for messages: key ids keep prefix and last four, other secrets at most four characters. */
export declare function redact(value: string, kind: SecretKind): string;
/** Same-length mask for code frames and snippets. */
export declare function maskInPlace(value: string, kind: SecretKind): string;
/**
 * Masks anything in `line` that has the shape of an AWS key id or a secret, plus the explicit
 * ranges given. This is the fail-closed pass for every snippet and message: a secret that no
 * rule reported (a neighbour on the same line, a disabled rule, a broken or encoded key) is
 * still never printed. It masks
 * - every run of 40+ characters of the secret alphabet (decoded length) unless it is provably
 *   not a secret: hexadecimal (a SHA-1), or lacking either case (paths, words, constants);
 * - two runs separated by one character whose joined length is that of a key (38–42): a key
 *   broken by one inserted character still shows no 12-character piece.
 * Cost: one regex pass plus the masked characters.
 */
export declare function maskLine(line: string, ranges?: ReadonlyArray<{
    start: number;
    end: number;
    kind: SecretKind;
}>): string;
