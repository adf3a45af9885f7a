/**
 * One escape that stands for a base64 character or its padding: `\/` (also escaped again, as
 * JSON inside JSON writes it: `\\/`, `\\\/`), `\u002F`, `\x2F`, `%2F` (also encoded again: `%252F`),
 * and the HTML character references `&#x2F;`, `&#47;`, `&sol;` (and their `+`, `=` twins).
 * Repetitions are bounded, so a long run of backslashes or `%25` costs no backtracking.
 * Split by what they stand for (src/engine/redact.ts builds its secret runs from the same two):
 * an escape of `/` or `+` (regex source, no capturing groups) …
 */
export declare const CHAR_ESCAPE_SOURCE: string;
/** … and an escape of the padding `=`. */
export declare const PAD_ESCAPE_SOURCE: string;
/** Whether `text` holds any escape of a base64 character. */
export declare function hasSecretEscape(text: string): boolean;
/**
 * `\/`, `\u002F`, `\u002B`, `\u003D`, `%2F`, `%2B`, `%3D` decoded; everything else kept as is.
 * Other escapes (`%20`, `\n`) are not base64 characters and stay, so a decoded value holding
 * them fails every secret shape.
 */
export declare function decodeSecretEscapes(raw: string): string;
export interface EncodedRun {
    /** Range in the text, escapes and trailing padding included. */
    readonly start: number;
    readonly end: number;
    /** The run decoded, padding included (`…==`). */
    readonly value: string;
    /** How many padding characters (`=`, `%3D`, `\u003D`) end the run. */
    readonly padding: number;
}
/**
 * Every maximal base64 run of `text` that holds at least one escape in its body (an escaped
 * `=` alone is a separator: `name%3Dvalue`), decoded, with its range.
 * A run starts and ends on a non-base64 character (so a 40-character piece of a longer blob
 * is never a run of its own) and may end in up to two padding characters.
 */
export declare function encodedRuns(text: string): EncodedRun[];
