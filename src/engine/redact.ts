// Redaction: the single place that decides what of a secret may be shown, applied by the
// engine to every snippet and message on the way out (src/engine/scan-file.ts) and once more,
// fail-closed, by every report format (src/reporters/safe-output.ts). Messages use the short
// form (`AKIA…WXYZ`); code frames and snippets keep the length so columns and `^^^` markers
// still line up (`AKIA************WXYZ`). Rules reach it through displaySecret
// (src/detect/display.ts) and never mask by hand.
import type { SecretKind } from '../rule.js';
import { CHAR_ESCAPE_SOURCE, decodeSecretEscapes, PAD_ESCAPE_SOURCE } from '../detect/encoded.js';

/** Short form for messages: key ids keep prefix and last four, other secrets at most four characters. */
export function redact(value: string, kind: SecretKind): string {
  if (kind === 'access-key-id') {
    if (value.length < 12) return '****';
    return `${value.slice(0, 4)}…${value.slice(-4)}`;
  }
  if (value.length < 16) return '****';
  return `${value.slice(0, 4)}…`;
}

/** Same-length mask for code frames and snippets. */
export function maskInPlace(value: string, kind: SecretKind): string {
  if (kind === 'access-key-id' && value.length >= 12) {
    return value.slice(0, 4) + '*'.repeat(value.length - 8) + value.slice(-4);
  }
  if (value.length >= 16) return value.slice(0, 4) + '*'.repeat(value.length - 4);
  return '*'.repeat(value.length);
}

// No word boundaries here (the detectors keep theirs): fail-closed, a key id glued to a letter
// (`lAKIA…`, a damaged or concatenated line) is masked all the same.
const KEY_ID_IN_TEXT = /(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}/g;
/**
 * Runs of the secret alphabet, also written escaped as src/detect/encoded.ts decodes them:
 * JSON (`\/`, `\\/` for JSON in JSON, `\u002F`), `\x2F`, URL-encoded (`%2F`, `%252F`), HTML
 * character references (`&#x2F;`, `&#47;`, `&sol;`), as serialisers, templates and
 * `s3a://ID:SECRET@bucket` URLs write them. A run may follow `=` (`secret=…`); it is measured by its decoded length. Linear: the
 * alternatives open on different characters (`\` is followed by `/` or `u`), so a run is
 * matched one way only.
 */
const SECRET_RUN = new RegExp(`(?:[A-Za-z0-9+/]|${CHAR_ESCAPE_SOURCE})+(?:=|${PAD_ESCAPE_SOURCE}){0,2}`, 'g');
/** Trailing padding of a run, plain or escaped. */
const TRAILING_PADDING = new RegExp(`(?:=|${PAD_ESCAPE_SOURCE})+$`);
/**
 * SECRET_RUN on a line without `\`, `%` or `&`, where no escape can open: the same matches
 * (every escape alternative starts with one of those), each its own decoded length. The
 * escape alternatives cost a test at every character; most lines hold none.
 */
const PLAIN_RUN = /[A-Za-z0-9+/]+={0,2}/g;
/** PLAIN_RUN's matches that are 12 or more characters long, the only ones maskFindingLine may change. */
const PLAIN_RUN_12 = /[A-Za-z0-9+/]{10,}={0,2}/g;

/** Whether an escape of src/detect/encoded.ts could open anywhere in `line`. */
function mayHoldEscapes(line: string): boolean {
  return line.includes('\\') || line.includes('%') || line.includes('&');
}

/** The length a run has once its escapes are decoded. */
function decodedLength(run: string): number {
  return decodeSecretEscapes(run).length;
}

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
export function maskLine(line: string, ranges: ReadonlyArray<{ start: number; end: number; kind: SecretKind }> = []): string {
  const masks: Array<{ start: number; end: number; kind: SecretKind }> = [];
  for (const r of ranges) {
    const s = Math.max(0, r.start);
    const e = Math.min(line.length, r.end);
    if (e > s) masks.push({ start: s, end: e, kind: r.kind });
  }
  for (const m of line.matchAll(KEY_ID_IN_TEXT)) masks.push({ start: m.index, end: m.index + m[0].length, kind: 'access-key-id' });
  const escapes = mayHoldEscapes(line);
  // Whether a run mixes cases like a key: asked only of runs long enough, alone or joined with
  // their neighbour, to be masked for it (most runs are short words).
  const mixedRun = (run: string) => isLikelySecretRun(run) && !isPathLike(run);
  let previous: { start: number; end: number; length: number; run: string; mixed: boolean | undefined } | undefined;
  for (const m of line.matchAll(escapes ? SECRET_RUN : PLAIN_RUN)) {
    const run = m[0];
    const length = escapes ? decodedLength(run) : run.length;
    let mixed: boolean | undefined;
    const start = m.index;
    const end = start + run.length;
    if ((length >= 40 && (mixed = mixedRun(run))) || (length >= 12 && looksRandom(run, length))) masks.push({ start, end, kind: 'secret' });
    else if (previous && previous.end + 1 === start && previous.length + length >= 38 && previous.length + length <= 42 && ((mixed ??= mixedRun(run)) || (previous.mixed ??= mixedRun(previous.run))) && length >= 1) {
      masks.push({ start: previous.start, end: previous.end, kind: 'secret' }, { start, end, kind: 'secret' });
    }
    previous = { start, end, length, run, mixed };
  }
  if (masks.length === 0) return line;
  const sorted = [...masks].sort((a, b) => a.start - b.start);
  if (sorted.every((m, i) => i === 0 || (sorted[i - 1] as typeof m).end <= m.start)) {
    // Disjoint (the usual case): copy slices, no per-character array.
    let out = '';
    let at = 0;
    for (const { start, end, kind } of sorted) {
      out += line.slice(at, start) + maskInPlace(line.slice(start, end), kind);
      at = end;
    }
    return out + line.slice(at);
  }
  // Later masks win where they overlap (as they always have).
  const chars = line.split('');
  for (const { start, end, kind } of masks) {
    const masked = maskInPlace(line.slice(start, end), kind);
    for (let i = start; i < end; i++) chars[i] = masked[i - start] as string;
  }
  return chars.join('');
}

/**
 * maskLine, then fail-closed for a line that holds a finding and for every message: also any
 * run of 12 or more characters of the secret alphabet (decoded length) that is not provably
 * ordinary text. A key broken apart by one inserted or changed character (`AKIAFSSSJR3NW2_…`,
 * `aZ9fcPVtRLdu+QQoonBlnV${…`) no longer matches any key shape, yet each piece is one a reader
 * could reassemble; on the lines a finding points at, such pieces are exactly what is there.
 * Ordinary means: a path of word-like components, digits only (account ids, timestamps),
 * hexadecimal (hashes, resource ids), an identifier made of words (`NewStaticCredentialsProvider`,
 * `DescribeInstancesV2Command`, `AmazonEC2RoleforSSM`), lower-case letters only, or upper-case letters only
 * with the vowels of words (`CLOUDFORMATION`; a base32 key-id body has few vowels). An
 * upper-case run with digits (`AKIAFSSSJR3NW2`) is a key-id piece, never an identifier here.
 * Same length, so columns and `^^^` frames still line up. Cost: one more regex pass.
 */
export function maskFindingLine(line: string, ranges: ReadonlyArray<{ start: number; end: number; kind: SecretKind }> = []): string {
  const masked = maskLine(line, ranges);
  return masked.replace(mayHoldEscapes(masked) ? SECRET_RUN : PLAIN_RUN_12, (run) => (isOrdinaryRun(run) ? run : maskInPlace(run, 'secret')));
}

/**
 * The 12-character pieces of the secrets some rule found in a file: a copy of the same key
 * broken elsewhere in the file (`aws_accv/Arakg5FyHNDVEress_key_id`, a mutation or a bad
 * paste) may read like an identifier, but a piece of a known secret is provably one. Lookups
 * cost one 12-character slice per position of a line holding a finding.
 */
export class SecretPieces {
  readonly #pieces = new Set<string>();

  add(value: string): void {
    if (value.length < 16) return;
    for (let i = 0; i + 12 <= value.length; i++) this.#pieces.add(value.slice(i, i + 12));
  }

  /** Ranges of `line` covered by known pieces, merged, as secret ranges for maskLine. */
  ranges(line: string): Array<{ start: number; end: number; kind: SecretKind }> {
    const out: Array<{ start: number; end: number; kind: SecretKind }> = [];
    if (this.#pieces.size === 0) return out;
    for (let i = 0; i + 12 <= line.length; i++) {
      if (!this.#pieces.has(line.slice(i, i + 12))) continue;
      const last = out[out.length - 1];
      if (last && last.end >= i) last.end = i + 12;
      else out.push({ start: i, end: i + 12, kind: 'secret' });
    }
    return out;
  }
}

/**
 * `mask` applied to the text around every occurrence of the `keep` strings, which are shown as
 * they are: the paths a result names (its `path` fields print them anyway). A path such as
 * `owner+repo/scripts/bootstrap.sh` is a run of the key alphabet, and masking it in a message
 * would hide which file is meant. Strings under 12 characters are never masked anyway.
 */
export function maskKeeping(text: string, keep: readonly string[], mask: (piece: string) => string): string {
  const kept = keep.filter((k) => k.length >= 12 && text.includes(k));
  if (kept.length === 0) return mask(text);
  const [first, ...rest] = kept.sort((a, b) => b.length - a.length) as [string, ...string[]];
  // Only where the path stands alone: an occurrence glued to characters of a key (inside a
  // longer run, a quoted secret that happens to hold the path) is masked with its run.
  let out = '';
  let from = 0;
  for (let at = text.indexOf(first); at !== -1; at = text.indexOf(first, at + 1)) {
    const end = at + first.length;
    if (at < from || KEY_GLUE.test(text.charAt(at - 1)) || KEY_GLUE.test(text.charAt(end))) continue;
    out += maskKeeping(text.slice(from, at), rest, mask) + first;
    from = end;
  }
  return out + maskKeeping(text.slice(from), rest, mask);
}

/** Characters that join a run of a key (its alphabet, padding, the escapes a serialiser writes). */
const KEY_GLUE = /[A-Za-z0-9+/=\\%&]/;

/** maskFindingLine on every line of a text, showing the `keep` strings (see maskKeeping). */
export function maskFindingText(text: string, keep: readonly string[] = []): string {
  return maskKeeping(text, keep, (t) => (t.includes('\n') ? t.split('\n').map((l) => maskFindingLine(l)).join('\n') : maskFindingLine(t)));
}

/** A key-id prefix with eight more characters of its body: a piece of a key id, whatever surrounds it. */
const KEY_ID_PIECE = /(?:A3T|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{8}/;
/** Twelve capitals and digits in a row, a digit among them: a key-id body, not a word. */
function hasUpperDigitRun(part: string): boolean {
  // Each run of capitals and digits once (a lookahead for the digit would rescan every run).
  for (const m of part.matchAll(/[A-Z0-9]{12,}/g)) if (/[0-9]/.test(m[0]) && /[A-Z]/.test(m[0])) return true;
  return false;
}

/** A run a line holding a finding may show: see maskFindingLine. */
function isOrdinaryRun(run: string): boolean {
  if (decodedLength(run) < 12) return true;
  // Trailing `=` padding is not what decides (`name=` is never part of a run; `==` is base64's).
  const body = run.replace(TRAILING_PADDING, '');
  if (/^[0-9]+$/.test(body) || /^[0-9a-f]+$/.test(body) || /^[0-9A-F]+$/.test(body)) return true;
  // An ISO 8601 basic timestamp (`20240101T000000Z`, X-Amz-Date).
  if (/^[0-9]{8}T[0-9]{6}Z$/.test(body)) return true;
  if (KEY_ID_PIECE.test(body)) return false;
  if (body.includes('/') && body.split('/').every((part) => part.length <= 3 || isOrdinaryComponent(part))) return true;
  if (!/^[A-Za-z0-9]+$/.test(body)) return false;
  return isOrdinaryComponent(body);
}

/**
 * A name that reads as words: digits only, lower-case letters only, upper-case letters only with
 * the vowels of words (`CLOUDFORMATION`; a base32 key-id body has few), or an identifier (see
 * isIdentifierLike). Capitals with digits (`AKIAFSSSJR3NW2`) are a key-id piece, never a name here.
 */
function isOrdinaryComponent(part: string): boolean {
  if (/^[0-9]+$/.test(part) || /^[a-z]+$/.test(part)) return true;
  if (hasUpperDigitRun(part)) return false;
  for (const caps of part.match(/[A-Z]{12,}/g) ?? []) if ((caps.match(/[AEIOU]/g)?.length ?? 0) / caps.length < 0.35) return false;
  if (/^[A-Z]+$/.test(part)) return true;
  return isIdentifierLike(part);
}

/** AWS's names with digits, one word each. */
const DIGIT_WORDS = 'EC2|S3|V[0-9]|Route53|SHA(?:1|256|512)|X509|IPv[46]|UTF8|Base64';
/** The words of an identifier. */
const IDENTIFIER_PARTS = new RegExp(`${DIGIT_WORDS}|[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]{2,}|[A-Z][a-z]|[A-Z]?[0-9]+`, 'g');
const DIGIT_WORD = new RegExp(`^(?:${DIGIT_WORDS})$`);

/**
 * Words of an identifier: capitalised or lower-case words, capital runs, digits after an
 * optional capital, AWS's names with digits (`EC2`, `S3`, `Route53`): `DescribeInstancesV2Command`,
 * `MyWebServerInstanceProfile2`, `S3ReadOnlyRole`, `AmazonEC2RoleforSSM`, `python3`. The parts
 * average 3.4 characters or more and words of four or more lower-case letters hold a vowel. When
 * capitals and digits mix, every word holds a vowel and capital runs are at most four long, since
 * random pieces with digits otherwise pass one time in 400 (`Dqqokzm3msgEWQdwXkewqjoBGNUe`:
 * `msg`, `Qdw`, `BGN`). Measured: none of 577 000 random base64 pieces with digits and none of
 * 14 000 without pass; 98% of the 3 700 identifiers of lib.dom.d.ts and @types/node do.
 */
function isIdentifierLike(run: string): boolean {
  if (!/[A-Za-z]/.test(run)) return false;
  const parts = run.match(IDENTIFIER_PARTS);
  if (parts === null || parts.join('').length !== run.length) return false;
  if (run.length / parts.length < 3.4) return false;
  const strict = /[0-9]/.test(run) && /[A-Z]/.test(run);
  return parts.every((p) => {
    if (DIGIT_WORD.test(p) || /^[A-Z]?[0-9]+$/.test(p)) return true;
    if (!/[a-z]/.test(p)) return !strict || p.length <= 4;
    return strict ? /[aeiouy]/i.test(p) : !/^[A-Z]?[a-z]{4,}$/.test(p) || /[aeiouy]/i.test(p);
  });
}

/**
 * A shorter run that reads as random rather than as a word or an identifier: what is left of a
 * key split or damaged by an edit. 30+ characters mixing both cases and digits; 12–29 (no `/`)
 * when it also switches between letter classes often (identifiers such as `base64EncodeV2` do not).
 */
function looksRandom(run: string, length: number): boolean {
  if (isWordLike(run) || isPathLike(run)) return false;
  if (!/[a-z]/.test(run) || !/[A-Z]/.test(run) || !/[0-9]/.test(run) || /^[0-9a-fA-F]+$/.test(run)) return false;
  if (length >= 30) return true;
  // Not across a `/`: a path of short random-looking components (a temporary directory) is a
  // path, and masking it would hide where the problem is.
  if (run.includes('/')) return false;
  let switches = 0;
  let digits = 0;
  let prev = '';
  for (const ch of run) {
    const cls = ch >= 'a' && ch <= 'z' ? 'l' : ch >= 'A' && ch <= 'Z' ? 'u' : ch >= '0' && ch <= '9' ? 'd' : 'o';
    if (cls === 'd') digits++;
    if (prev && cls !== prev) switches++;
    prev = cls;
  }
  return digits >= 2 && switches >= length / 2.5;
}

/**
 * A run that could be a key: it mixes upper- and lower-case letters and is not hexadecimal.
 * (A random 40-character base64 key lacks a digit one time in a thousand, so digits are not
 * required; it lacks either case about once in a billion.)
 */
function isLikelySecretRun(run: string): boolean {
  return /[a-z]/.test(run) && /[A-Z]/.test(run) && !/^[0-9a-fA-F]+$/.test(run) && !isWordLike(run);
}

/**
 * Letters only, and all of them words of an identifier: `NewStaticCredentialsProvider`,
 * `fromTemporaryCredentials`, `AWSCredentialsProvider`. A generated secret (random base64) is
 * never shaped so; masking identifiers next to a finding would hide what the code does.
 */
function isWordLike(run: string): boolean {
  if (!/^[A-Za-z0-9]+$/.test(run) || !/[A-Za-z]/.test(run)) return false;
  const parts = run.match(/[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]{2,}|[0-9]+/g);
  return parts !== null && parts.join('').length === run.length;
}

/**
 * A path whose every component is a word-like name (`aws/services/CloudFormation/Macro_…`,
 * `policy/service-role/AmazonEC2RoleforSSM`): where a finding is, never a secret. A key that
 * holds `/` has random components (`wJalrXUtnFEMI/K7MDENG/…`), which are not word-like.
 */
function isPathLike(run: string): boolean {
  if (!run.includes('/')) return false;
  return run.split('/').every((part) => part === '' || part.length <= 3 || isWordLike(part));
}
