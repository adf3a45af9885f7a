// Redaction: the single place that decides what of a secret may be shown, applied by the
// engine to every snippet and message on the way out (src/engine/scan-file.ts) and once more,
// fail-closed, by every report format (src/reporters/safe-output.ts). Messages use the short
// form (`AKIA…WXYZ`); code frames and snippets keep the length so columns and `^^^` markers
// still line up (`AKIA************WXYZ`). Rules reach it through displaySecret
// (src/detect/display.ts) and never mask by hand.
import type { SecretKind } from '../rule.js';

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
 * Runs of the secret alphabet, also written JSON-escaped (`\/`) or URL-encoded (`%2F`, `%2B`,
 * `%3D`), as serialisers and `s3a://ID:SECRET@bucket` URLs write them. A run may follow `=`
 * (`secret=…`); it is measured by its decoded length.
 */
const SECRET_RUN = /(?:[A-Za-z0-9+/]|\\\/|%2[FfBb])+(?:=|%3[Dd]){0,2}/g;

/** The length a run has once `\/` and `%XX` are decoded. */
function decodedLength(run: string): number {
  let n = run.length;
  for (let i = run.indexOf('\\'); i !== -1; i = run.indexOf('\\', i + 1)) n -= 1;
  for (let i = run.indexOf('%'); i !== -1; i = run.indexOf('%', i + 1)) n -= 2;
  return n;
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
  let previous: { start: number; end: number; length: number; mixed: boolean } | undefined;
  for (const m of line.matchAll(SECRET_RUN)) {
    const run = m[0];
    const length = decodedLength(run);
    const mixed = isLikelySecretRun(run) && !isPathLike(run);
    const start = m.index;
    const end = start + run.length;
    if ((length >= 40 && mixed) || (length >= 12 && looksRandom(run, length))) masks.push({ start, end, kind: 'secret' });
    else if (previous && previous.end + 1 === start && previous.length + length >= 38 && previous.length + length <= 42 && (mixed || previous.mixed) && length >= 1) {
      masks.push({ start: previous.start, end: previous.end, kind: 'secret' }, { start, end, kind: 'secret' });
    }
    previous = { start, end, length, mixed };
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
