// Shapes of AWS credentials, and what can be learnt from them offline.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids

/** Access key id prefixes: AKIA (IAM user), ASIA (STS temporary), ABIA (STS service bearer), ACCA (context-specific), A3T* (older). */
export const ACCESS_KEY_ID_PREFIXES = ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'A3T'] as const;

/**
 * A 20-character access key id on alphanumeric boundaries. The body is upper-case base32.
 * Boundaries are alphanumerics only, so `KEY_AKIA…` and `"AKIA…"` match but the `ASIA` inside
 * `TODAYINASIAASACKOFRICE…` does not.
 */
/** The characters of an access key id, without boundaries (what ripgrep is given in the bench). */
export const ACCESS_KEY_ID_BODY_SOURCE = '(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}';
/** An access key id standing on its own: not inside a longer word. */
export const ACCESS_KEY_ID_SOURCE = `(?<![A-Za-z0-9])${ACCESS_KEY_ID_BODY_SOURCE}(?![A-Za-z0-9])`;

/**
 * A key id right after an escape a serialiser wrote in front of it, where the letter of the
 * escape hides the word boundary: `\n` / `\t` / `\r` in a JSON string (a credentials CSV pasted
 * into a notebook: `"Access key ID,Secret access key\nAKIA…"`), `%3D` / `%2F` in a URL or form
 * body, `\u003D`, `\x3d`. Group 1 is the key. It opens on `\` or `%`, so the scan stays as fast
 * as the plain one (a look-behind tried at every position costs 7–40x).
 */
const ESCAPED_ACCESS_KEY_ID = new RegExp(String.raw`(?:\\[nrtbfv]|%[0-9A-Fa-f]{2}|\\x[0-9A-Fa-f]{2}|\\u[0-9A-Fa-f]{4})(` + ACCESS_KEY_ID_BODY_SOURCE + ')(?![A-Za-z0-9])', 'g');

/** Every access key id of `text`, standing alone or right after an escape, in text order. */
export function accessKeyIdMatches(text: string): Array<{ readonly index: number; readonly value: string }> {
  const out: Array<{ index: number; value: string }> = [];
  for (const m of text.matchAll(accessKeyIdPattern())) out.push({ index: m.index, value: m[0] });
  if (!text.includes('\\') && !text.includes('%')) return out;
  const escaped: Array<{ index: number; value: string }> = [];
  for (const m of text.matchAll(ESCAPED_ACCESS_KEY_ID)) {
    const value = m[1] as string;
    escaped.push({ index: m.index + m[0].length - value.length, value });
  }
  if (escaped.length === 0) return out;
  const seen = new Set(out.map((m) => m.index));
  return [...out, ...escaped.filter((m) => !seen.has(m.index))].sort((a, b) => a.index - b.index);
}

/** A fresh global regex (callers own its lastIndex). */
export function accessKeyIdPattern(): RegExp {
  return new RegExp(ACCESS_KEY_ID_SOURCE, 'g');
}

/** Cheap pre-filter for files that may hold an access key id. */
export const ACCESS_KEY_ID_KEYWORDS = /AKIA|ASIA|ABIA|ACCA|A3T/;

/** The AWS documentation's example credentials: published in every guide, never live. */
export const DOC_EXAMPLE_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
export const DOC_EXAMPLE_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

export function isDocumentationExampleKeyId(id: string): boolean {
  return id === DOC_EXAMPLE_ACCESS_KEY_ID || id.endsWith('EXAMPLE');
}

export function isDocumentationExampleSecret(secret: string): boolean {
  return secret === DOC_EXAMPLE_SECRET_ACCESS_KEY || /EXAMPLE(?:KEY)?$/.test(secret);
}

/**
 * The session tokens the AWS guides print (`IQoJb3JpZ2luX2IQoJ…VERYLONGSTRINGEXAMPLE`,
 * `AQoDYXdzEPT//////////wEXAMPLEtc764…`, `AQoEXAMPLEH4aoAH0gNCAPy…`) all spell EXAMPLE
 * somewhere; a random base64 run of a few hundred characters does so with odds of
 * about n · 64⁻⁷ ≈ 1e-10.
 */
export function isDocumentationExampleToken(token: string): boolean {
  return token.includes('EXAMPLE');
}

const VOWELS = /[AEIOU]/g;

/**
 * Real key bodies are random base32; an all-letter body with many vowels is an English
 * word run (`ASIA` + `ASACKOFRICEFELLO`). Random bodies have no digit 2–7 in ~3.6% of cases and
 * then ≥ 6 vowels in ~6% of those, so this drops about 0.2% of real keys for a large cut in
 * noise from upper-case prose and constants.
 */
export function looksLikeWordRun(keyId: string): boolean {
  const body = keyId.slice(4);
  if (/[0-9]/.test(body)) return false;
  const vowels = body.match(VOWELS)?.length ?? 0;
  return vowels / body.length >= 0.35;
}

/** Stand-in words people write into fake ids (`AKIAFAKEFAKE…`, `AKIATESTKEY…`, `ASIAYOURKEY…`). */
const KEY_ID_PLACEHOLDER_WORDS = /EXAMPLE|SAMPLE|FAKE|DUMMY|TEST|PLACEHOLDER|REPLACE|CHANGEME|REDACTED|YOUR|ACCESSKEY/;

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
export function looksLikePlaceholderKeyId(keyId: string): boolean {
  const body = keyId.slice(4);
  if (new Set(body).size < 6) return true;
  if (/(.)\1{4}/.test(body)) return true;
  let ascending = 1;
  for (let i = 1; i < body.length; i++) {
    ascending = body.charCodeAt(i) === body.charCodeAt(i - 1) + 1 ? ascending + 1 : 1;
    if (ascending >= 6) return true;
  }
  return KEY_ID_PLACEHOLDER_WORDS.test(body);
}

/**
 * Whether a key-id-shaped token is not worth reporting or pairing: a documentation example,
 * an upper-case word run, or a typed stand-in. The free-text detectors ask this; slot rules
 * (a credentials file, an `ENV AWS_ACCESS_KEY_ID`) report the practice whatever the value.
 */
export function isImplausibleKeyId(keyId: string): boolean {
  return isDocumentationExampleKeyId(keyId) || looksLikeWordRun(keyId) || looksLikePlaceholderKeyId(keyId);
}

export type KeyIdType = 'long-term' | 'temporary' | 'other';

export function keyIdType(id: string): KeyIdType {
  if (id.startsWith('AKIA')) return 'long-term';
  if (id.startsWith('ASIA')) return 'temporary';
  return 'other';
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * The AWS account id encoded in a new-format key id (AKIA/ASIA not followed by I or J):
 * base32-decode characters 5–20, read the first 6 bytes as a 48-bit big-endian z, and
 * take (z & 0x7fffffffff80) >> 7. Returns undefined for old-format and other ids.
 */
export function decodeAccountId(keyId: string): string | undefined {
  if (keyId.length !== 20 || !/^A[KS]IA/.test(keyId)) return undefined;
  const fifth = keyId[4];
  if (fifth === 'I' || fifth === 'J') return undefined;
  let bits = 0n;
  // 10 base32 chars = 50 bits, enough for the first 48 bits (6 bytes).
  for (let i = 4; i < 14; i++) {
    const v = BASE32.indexOf(keyId[i] as string);
    if (v < 0) return undefined;
    bits = (bits << 5n) | BigInt(v);
  }
  const z = bits >> 2n;
  const account = (z & 0x7fffffffff80n) >> 7n;
  return account.toString().padStart(12, '0');
}
