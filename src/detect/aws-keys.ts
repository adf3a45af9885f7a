// Shapes of AWS credentials, and what can be learnt from them offline.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids

/** Access key id prefixes: AKIA (IAM user), ASIA (STS temporary), ABIA (STS service bearer), ACCA (context-specific), A3T* (older). */
export const ACCESS_KEY_ID_PREFIXES = ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'A3T'] as const;

/**
 * A 20-character access key id on alphanumeric boundaries. The body is upper-case base32.
 * Boundaries are alphanumerics only, so `KEY_AKIA…` and `"AKIA…"` match but the `ASIA` inside
 * `TODAYINASIAASACKOFRICE…` does not.
 */
export const ACCESS_KEY_ID_SOURCE = '(?<![A-Za-z0-9])(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Za-z0-9])';

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
