/** Shannon entropy in bits per character (0 for an empty string). */
export declare function shannonEntropy(value: string): number;
export interface CharClasses {
    readonly upper: number;
    readonly lower: number;
    readonly digit: number;
    /** Anything else (`/`, `+`, `=`, `-`, `_` …). */
    readonly other: number;
}
export declare function charClasses(value: string): CharClasses;
/**
 * How many neighbouring character pairs change class (upper/lower/digit/other), divided by
 * the number of pairs. Random base64 changes class at ~64% of pairs; camelCase identifiers,
 * `dir/sub/File` paths and words change only at word boundaries (~15–30%).
 */
export declare function classChangeRatio(value: string): number;
export declare function isHexOnly(value: string): boolean;
/**
 * Decodes standard base64 (length padded as needed). Returns undefined when the value is
 * not base64. Used to tell encoded text from random bytes.
 */
export declare function decodeBase64(value: string): Buffer | undefined;
/**
 * True when `value` is base64 of ordinary text: at least 90% of its decoded bytes are
 * printable ASCII or whitespace. 30 random bytes pass that with probability ~1e-10, so
 * real keys are never lost to it.
 */
export declare function isBase64OfText(value: string): boolean;
/**
 * The value reads as words: a path of word segments (`src/components/Header/…`) or an
 * identifier run (`getUserAccountSettingsForTheCurrent…`). Word pieces are runs of lower-case
 * letters (after an optional capital) of three or more characters holding both a vowel and
 * a consonant; when they cover ≥ 70% of the value it is prose-like, not random. Random
 * 40-char base64 reaches that in ~4 of 100 000 cases.
 */
export declare function looksLikeWords(value: string): boolean;
export declare const SECRET_ACCESS_KEY_LENGTH = 40;
/** Entropy floor for a 40-char secret access key (random ones: mean 4.78, min ≈ 4.15). */
export declare const SECRET_ACCESS_KEY_MIN_ENTROPY = 4;
/** Class-change floor for a 40-char secret access key (random ones: mean 0.64, 0.1th percentile ≈ 0.38, minimum ≈ 0.28; identifiers and paths are caught by looksLikeWords). */
export declare const SECRET_ACCESS_KEY_MIN_CLASS_CHANGES = 0.3;
/**
 * Whether a 40-character value is plausibly an AWS secret access key: the right alphabet,
 * upper case, lower case and digits all present (rules out hex SHAs, which have one case,
 * and upper-case constants), random-looking (entropy, class changes), and neither words,
 * a path, nor base64 of text. Documentation examples are NOT excluded here: whether they
 * count is the caller's decision (free-text detectors skip them, slot rules do not).
 */
export declare function looksLikeSecretAccessKey(value: string): boolean;
/** Opening bytes of STS session tokens as issued over the years (base64 of their binary header). */
export declare const SESSION_TOKEN_PREFIXES: readonly ["IQoJb3JpZ2luX2Vj", "FwoGZXIvYXdzE", "AQoDYXdzE"];
export declare const SESSION_TOKEN_MIN_LENGTH = 100;
/**
 * Whether a value is plausibly an STS session token: ≥ 100 characters of standard base64,
 * high entropy (random base64 approaches 6 bits/char; ≥ 4.5 leaves a wide margin), mixed
 * classes, and not base64 of text. A known STS prefix is accepted at a lower entropy floor.
 */
export declare function looksLikeSessionToken(value: string): boolean;
