// Secrets written encoded: JSON-escaped (`\/` as PHP's json_encode and many serialisers emit,
// `\u002F`, `\u002B`, `\u003D`) or URL-encoded (`%2F`, `%2B`, `%3D`, either case), as
// `s3a://ID:SECRET@bucket` URLs, form bodies and presigned URLs' X-Amz-Security-Token write
// them. Base64 keys and tokens hold `/`, `+` and `=`, so these are the only characters an
// encoder changes in them. Detectors decode while looking and report the ENCODED range (what
// is in the file), with the decoded value as the identity (the same key, however written).
//
// Linear by construction: the escapes are found by one global regex (no quantifier), and each
// run around them is walked once, left and right, character by character; a run already
// walked is never walked again.

/**
 * One escape that stands for a base64 character or its padding: `\/` (also escaped again, as
 * JSON inside JSON writes it: `\\/`, `\\\/`), `\u002F`, `\x2F`, `%2F` (also encoded again: `%252F`),
 * and the HTML character references `&#x2F;`, `&#47;`, `&sol;` (and their `+`, `=` twins).
 * Repetitions are bounded, so a long run of backslashes or `%25` costs no backtracking.
 * Split by what they stand for (src/engine/redact.ts builds its secret runs from the same two):
 * an escape of `/` or `+` (regex source, no capturing groups) …
 */
export const CHAR_ESCAPE_SOURCE = String.raw`\\{1,8}\/|\\u002[FfBb]|\\x2[FfBb]|%(?:25){0,4}2[FfBb]|&#(?:[xX]0{0,4}2[FfBb]|0{0,4}4[37]);|&(?:sol|plus);`;
/** … and an escape of the padding `=`. */
export const PAD_ESCAPE_SOURCE = String.raw`\\u003[Dd]|\\x3[Dd]|%(?:25){0,4}3[Dd]|&#(?:[xX]0{0,4}3[Dd]|0{0,4}61);|&equals;`;
const ESCAPE = new RegExp(`${CHAR_ESCAPE_SOURCE}|${PAD_ESCAPE_SOURCE}`, 'g');

/** Whether `text` holds any escape of a base64 character. */
export function hasSecretEscape(text: string): boolean {
  ESCAPE.lastIndex = 0;
  return ESCAPE.test(text);
}

function isBase64Char(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2f;
}

/** `F`/`f` → `/`, `B`/`b` → `+` after `2`; `D`/`d` → `=` after `3`; else undefined. */
function hexChar(hi: number, lo: number): string | undefined {
  if (hi === 0x32) return lo === 0x46 || lo === 0x66 ? '/' : lo === 0x42 || lo === 0x62 ? '+' : undefined;
  if (hi === 0x33) return lo === 0x44 || lo === 0x64 ? '=' : undefined;
  return undefined;
}

/** The base64 character an escape at `at` stands for (`/`, `+`, `=`), with its length; undefined if none. */
function escapeAt(text: string, at: number): { char: string; length: number } | undefined {
  const c = text.charCodeAt(at);
  if (c === 0x25) {
    let i = at + 1;
    for (let n = 0; n < 4 && text.charCodeAt(i) === 0x32 && text.charCodeAt(i + 1) === 0x35; n++) i += 2;
    const char = hexChar(text.charCodeAt(i), text.charCodeAt(i + 1));
    return char ? { char, length: i + 2 - at } : undefined;
  }
  if (c === 0x26) return entityAt(text, at);
  if (c !== 0x5c) return undefined;
  let slashes = 1;
  while (slashes < 8 && text.charCodeAt(at + slashes) === 0x5c) slashes++;
  if (text.charCodeAt(at + slashes) === 0x2f) return { char: '/', length: slashes + 1 };
  if (slashes !== 1) return undefined;
  const next = text.charCodeAt(at + 1);
  if (next === 0x78) {
    const char = hexChar(text.charCodeAt(at + 2), text.charCodeAt(at + 3));
    return char ? { char, length: 4 } : undefined;
  }
  if (next !== 0x75 || text.charCodeAt(at + 2) !== 0x30 || text.charCodeAt(at + 3) !== 0x30) return undefined;
  const char = hexChar(text.charCodeAt(at + 4), text.charCodeAt(at + 5));
  return char ? { char, length: 6 } : undefined;
}

const ENTITY = /&#(?:[xX]0{0,4}(2[FfBb]|3[Dd])|0{0,4}(47|43|61));|&(sol|plus|equals);/y;
const ENTITY_CHAR: Readonly<Record<string, string>> = { '47': '/', '43': '+', '61': '=', sol: '/', plus: '+', equals: '=' };

/** An HTML character reference for `/`, `+` or `=` at `at`. */
function entityAt(text: string, at: number): { char: string; length: number } | undefined {
  ENTITY.lastIndex = at;
  const m = ENTITY.exec(text);
  if (!m) return undefined;
  const hex = m[1];
  const char = hex ? hexChar(hex.charCodeAt(0), hex.charCodeAt(1)) : ENTITY_CHAR[(m[2] ?? m[3]) as string];
  return char ? { char, length: m[0].length } : undefined;
}

/**
 * `\/`, `\u002F`, `\u002B`, `\u003D`, `%2F`, `%2B`, `%3D` decoded; everything else kept as is.
 * Other escapes (`%20`, `\n`) are not base64 characters and stay, so a decoded value holding
 * them fails every secret shape.
 */
export function decodeSecretEscapes(raw: string): string {
  if (!raw.includes('\\') && !raw.includes('%') && !raw.includes('&')) return raw;
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const e = escapeAt(raw, i);
    if (e) {
      out += e.char;
      i += e.length;
    } else {
      out += raw[i];
      i++;
    }
  }
  return out;
}

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
export function encodedRuns(text: string): EncodedRun[] {
  const out: EncodedRun[] = [];
  let walked = 0;
  ESCAPE.lastIndex = 0;
  for (let m = ESCAPE.exec(text); m !== null; m = ESCAPE.exec(text)) {
    if (m.index < walked) continue;
    // An escaped `=` outside a run is padding or a separator (`name%3Dvalue`), not a run.
    let start = m.index;
    while (start > walked && isBase64Char(text.charCodeAt(start - 1))) start--;
    let value = '';
    let i = start;
    let escaped = false;
    for (;;) {
      const c = text.charCodeAt(i);
      if (isBase64Char(c)) {
        value += text[i];
        i++;
        continue;
      }
      const e = escapeAt(text, i);
      if (!e || e.char === '=') break;
      value += e.char;
      i += e.length;
      escaped = true;
    }
    let padding = 0;
    while (padding < 2 && value.length > 0) {
      if (text[i] === '=') {
        i++;
      } else {
        const e = escapeAt(text, i);
        if (!e || e.char !== '=') break;
        i += e.length;
      }
      value += '=';
      padding++;
    }
    walked = Math.max(i, m.index + m[0].length);
    ESCAPE.lastIndex = walked;
    if (escaped && value.length > padding) out.push({ start, end: i, value, padding });
  }
  return out;
}
