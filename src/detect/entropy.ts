// Randomness measures for secret-shaped values: "is this string a key, or something that
// merely has a key's length and alphabet?"
//
// Every check here is O(length) on a short value; callers run them only on candidates that
// already passed a shape regex and a context test, so they cost nothing at file scale.
//
// Calibration (100 000 random 40-char base64 strings, the shape of a secret access key):
// Shannon entropy has mean ≈ 4.78 bits/char, 0.1th percentile ≈ 4.35, minimum ≈ 4.15; class
// changes between neighbouring characters average 64% of pairs (0.1th percentile ≈ 38%).
// All checks together reject ≈ 0.1% of random keys, almost all of them for lacking a digit
// (AWS keys virtually always have one), and reject hex SHAs (3.8 bits, one case),
// identifiers and paths (≤ 33% class changes, word coverage), base64 of text and runs.

/** Shannon entropy in bits per character (0 for an empty string). */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const n = value.length;
  let bits = 0;
  for (const c of counts.values()) {
    const p = c / n;
    bits -= p * Math.log2(p);
  }
  return bits;
}

export interface CharClasses {
  readonly upper: number;
  readonly lower: number;
  readonly digit: number;
  /** Anything else (`/`, `+`, `=`, `-`, `_` …). */
  readonly other: number;
}

export function charClasses(value: string): CharClasses {
  let upper = 0;
  let lower = 0;
  let digit = 0;
  let other = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
    else if (c >= 48 && c <= 57) digit++;
    else other++;
  }
  return { upper, lower, digit, other };
}

function classOf(c: number): number {
  if (c >= 65 && c <= 90) return 0;
  if (c >= 97 && c <= 122) return 1;
  if (c >= 48 && c <= 57) return 2;
  return 3;
}

/**
 * How many neighbouring character pairs change class (upper/lower/digit/other), divided by
 * the number of pairs. Random base64 changes class at ~64% of pairs; camelCase identifiers,
 * `dir/sub/File` paths and words change only at word boundaries (~15–30%).
 */
export function classChangeRatio(value: string): number {
  if (value.length < 2) return 0;
  let changes = 0;
  let prev = classOf(value.charCodeAt(0));
  for (let i = 1; i < value.length; i++) {
    const cls = classOf(value.charCodeAt(i));
    if (cls !== prev) changes++;
    prev = cls;
  }
  return changes / (value.length - 1);
}

export function isHexOnly(value: string): boolean {
  return /^[0-9a-fA-F]+$/.test(value);
}

const BASE64_VALUE = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Decodes standard base64 (length padded as needed). Returns undefined when the value is
 * not base64. Used to tell encoded text from random bytes.
 */
export function decodeBase64(value: string): Buffer | undefined {
  if (!BASE64_VALUE.test(value)) return undefined;
  const body = value.replace(/=+$/, '');
  if (body.length % 4 === 1) return undefined;
  return Buffer.from(body, 'base64');
}

/**
 * True when `value` is base64 of ordinary text: at least 90% of its decoded bytes are
 * printable ASCII or whitespace. 30 random bytes pass that with probability ~1e-10, so
 * real keys are never lost to it.
 */
export function isBase64OfText(value: string): boolean {
  const bytes = decodeBase64(value);
  if (!bytes || bytes.length < 8) return false;
  let printable = 0;
  for (const b of bytes) if ((b >= 0x20 && b < 0x7f) || b === 0x09 || b === 0x0a || b === 0x0d) printable++;
  return printable / bytes.length >= 0.9;
}

/**
 * The value reads as words: a path of word segments (`src/components/Header/…`) or an
 * identifier run (`getUserAccountSettingsForTheCurrent…`). Word pieces are runs of lower-case
 * letters (after an optional capital) of three or more characters holding both a vowel and
 * a consonant; when they cover ≥ 70% of the value it is prose-like, not random. Random
 * 40-char base64 reaches that in ~4 of 100 000 cases.
 */
export function looksLikeWords(value: string): boolean {
  const pieces = value.match(/[A-Z]?[a-z]{2,}/g) ?? [];
  let covered = 0;
  for (const p of pieces) {
    if (p.length >= 3 && /[aeiouy]/i.test(p) && /[bcdfghjklmnpqrstvwxz]/i.test(p)) covered += p.length;
  }
  return covered / value.length >= 0.7;
}

export const SECRET_ACCESS_KEY_LENGTH = 40;
const SECRET_ACCESS_KEY_SHAPE = /^[A-Za-z0-9/+]{40}$/;

/** Entropy floor for a 40-char secret access key (random ones: mean 4.78, min ≈ 4.15). */
export const SECRET_ACCESS_KEY_MIN_ENTROPY = 4.0;
/** Class-change floor for a 40-char secret access key (random ones: mean 0.64, 0.1th percentile ≈ 0.38, minimum ≈ 0.28; identifiers and paths are caught by looksLikeWords). */
export const SECRET_ACCESS_KEY_MIN_CLASS_CHANGES = 0.3;

/**
 * Whether a 40-character value is plausibly an AWS secret access key: the right alphabet,
 * upper case, lower case and digits all present (rules out hex SHAs, which have one case,
 * and upper-case constants), random-looking (entropy, class changes), and neither words,
 * a path, nor base64 of text. Documentation examples are NOT excluded here: whether they
 * count is the caller's decision (free-text detectors skip them, slot rules do not).
 */
export function looksLikeSecretAccessKey(value: string): boolean {
  if (!SECRET_ACCESS_KEY_SHAPE.test(value)) return false;
  const classes = charClasses(value);
  if (classes.upper === 0 || classes.lower === 0 || classes.digit === 0) return false;
  if (isHexOnly(value)) return false;
  if (shannonEntropy(value) < SECRET_ACCESS_KEY_MIN_ENTROPY) return false;
  if (classChangeRatio(value) < SECRET_ACCESS_KEY_MIN_CLASS_CHANGES) return false;
  if (looksLikeWords(value)) return false;
  if (isBase64OfText(value)) return false;
  return true;
}

/** Opening bytes of STS session tokens as issued over the years (base64 of their binary header). */
export const SESSION_TOKEN_PREFIXES = ['IQoJb3JpZ2luX2Vj', 'FwoGZXIvYXdzE', 'AQoDYXdzE'] as const;
export const SESSION_TOKEN_MIN_LENGTH = 100;
const SESSION_TOKEN_SHAPE = /^[A-Za-z0-9+/]{100,}={0,2}$/;

/**
 * Whether a value is plausibly an STS session token: ≥ 100 characters of standard base64,
 * high entropy (random base64 approaches 6 bits/char; ≥ 4.5 leaves a wide margin), mixed
 * classes, and not base64 of text. A known STS prefix is accepted at a lower entropy floor.
 */
export function looksLikeSessionToken(value: string): boolean {
  if (!SESSION_TOKEN_SHAPE.test(value)) return false;
  const classes = charClasses(value);
  if (classes.upper === 0 || classes.lower === 0 || classes.digit === 0) return false;
  const known = SESSION_TOKEN_PREFIXES.some((p) => value.startsWith(p));
  if (shannonEntropy(value) < (known ? 4.0 : 4.5)) return false;
  if (classChangeRatio(value) < SECRET_ACCESS_KEY_MIN_CLASS_CHANGES) return false;
  if (!known && (looksLikeWords(value) || isBase64OfText(value))) return false;
  return true;
}
