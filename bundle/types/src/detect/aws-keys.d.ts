/** Access key id prefixes: AKIA (IAM user), ASIA (STS temporary), ABIA (STS service bearer), ACCA (context-specific), A3T* (older). */
export declare const ACCESS_KEY_ID_PREFIXES: readonly ["AKIA", "ASIA", "ABIA", "ACCA", "A3T"];
/**
 * A 20-character access key id on alphanumeric boundaries. The body is upper-case base32.
 * Boundaries are alphanumerics only, so `KEY_AKIA…` and `"AKIA…"` match but the `ASIA` inside
 * `TODAYINASIAASACKOFRICE…` does not.
 */
/** The characters of an access key id, without boundaries (what ripgrep is given in the bench). */
export declare const ACCESS_KEY_ID_BODY_SOURCE = "(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}";
/** An access key id standing on its own: not inside a longer word. */
export declare const ACCESS_KEY_ID_SOURCE = "(?<![A-Za-z0-9])(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Za-z0-9])";
/** Every access key id of `text`, standing alone or right after an escape, in text order. */
export declare function accessKeyIdMatches(text: string): Array<{
    readonly index: number;
    readonly value: string;
}>;
/** A fresh global regex (callers own its lastIndex). */
export declare function accessKeyIdPattern(): RegExp;
/** Cheap pre-filter for files that may hold an access key id. */
export declare const ACCESS_KEY_ID_KEYWORDS: RegExp;
/** The AWS documentation's example credentials: published in every guide, never live. */
export declare const DOC_EXAMPLE_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
export declare const DOC_EXAMPLE_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
export declare function isDocumentationExampleKeyId(id: string): boolean;
export declare function isDocumentationExampleSecret(secret: string): boolean;
/**
 * The session tokens the AWS guides print (`IQoJb3JpZ2luX2IQoJ…VERYLONGSTRINGEXAMPLE`,
 * `AQoDYXdzEPT//////////wEXAMPLEtc764…`, `AQoEXAMPLEH4aoAH0gNCAPy…`) all spell EXAMPLE
 * somewhere; a random base64 run of a few hundred characters does so with odds of
 * about n · 64⁻⁷ ≈ 1e-10.
 */
export declare function isDocumentationExampleToken(token: string): boolean;
/**
 * Real key bodies are random base32; an all-letter body with many vowels is an English
 * word run (`ASIA` + `ASACKOFRICEFELLO`). Random bodies have no digit 2–7 in ~3.6% of cases and
 * then ≥ 6 vowels in ~6% of those, so this drops about 0.2% of real keys for a large cut in
 * noise from upper-case prose and constants.
 */
export declare function looksLikeWordRun(keyId: string): boolean;
/**
 * A key id someone typed as a stand-in: `AKIA` followed by sixteen `X` or `Z`, by `ABCDEFGHIJ…`,
 * by `234567…` or by `FAKEFAKE…`. Test data of every
 * secret scanner and SDK is full of them, and none can be a key.
 *
 * What a random 16-character base32 body does instead (measured on 2 million random
 * bodies, the cost in missed real keys is about one in twenty thousand, most of it the word list):
 * - fewer than 6 distinct characters: ≈ 1e-9 (it averages 12.5);
 * - one character 5 times in a row: ≈ 12 · 32⁻⁴ ≈ 1e-5 (runs of 3, as in `…MXXXGSVYYY…`, stay
 *   keys: they occur in ~4% of real ids);
 * - 6 consecutive characters of the alphabet or of 2–7 (`ABCDEF`, `234567`): ≈ 1e-7;
 * - a stand-in word: ≈ 13 · 32⁻⁴ per 4-letter word, ≈ 4e-5 for the whole list.
 */
export declare function looksLikePlaceholderKeyId(keyId: string): boolean;
/**
 * Whether a key-id-shaped token is not worth reporting or pairing: a documentation example,
 * an upper-case word run, or a typed stand-in. The free-text detectors ask this; slot rules
 * (a credentials file, an `ENV AWS_ACCESS_KEY_ID`) report the practice whatever the value.
 */
export declare function isImplausibleKeyId(keyId: string): boolean;
export type KeyIdType = 'long-term' | 'temporary' | 'other';
export declare function keyIdType(id: string): KeyIdType;
/**
 * The AWS account id encoded in a new-format key id (AKIA/ASIA not followed by I or J):
 * base32-decode characters 5–20, read the first 6 bytes as a 48-bit big-endian z, and
 * take (z & 0x7fffffffff80) >> 7. Returns undefined for old-format and other ids.
 */
export declare function decodeAccountId(keyId: string): string | undefined;
