// Credential context: "this value is assigned to / labelled with a credential name".
//
// One scanner serves every syntax credlint reads, because the name/value shapes overlap far
// more than the file kinds differ:
//
//   name = value            INI, dotenv, shell, HCL, properties, Python/Ruby/Java/C#/Go/PHP
//   name: value             YAML, JSON, JS/TS object keys, Go struct literals, properties
//   name => value           Ruby hashes, PHP arrays
//   name := value           Go
//   name <- value           R
//   name: Type = value      TypeScript, Kotlin, Python annotations
//   Name { get; set; } = v  C# auto-property initialisers
//   ["name"] = value        os.environ["X"] = …, ENV['X'] = …, $config['x'] = …
//   ("name", value)         setenv / put / set / setProperty / Setenv calls
//   name value              CLI flags (--aws-secret-access-key X), `aws configure set name X`,
//                           Dockerfile `ENV NAME value`, properties, setx
//   <name …>value<          XML elements; key="name">value< entries
//   name … value: X         name/value pairs: Kubernetes/ECS/CodeBuild `{name: X, value: Y}`,
//                           .NET `<add key="X" value="Y"/>`, CloudFormation ParameterValue
//
// How it stays fast: names are found by a short case-insensitive literal (`secret`,
// `session token`, `access key`) run as one global regex over the text (GB/s; the hits are
// rare), then widened to the whole identifier and checked against the name set; only then
// is the separator and value parsed with sticky regexes at that one position.

import type { SourceDocument } from '../engine/document.js';
import { accessKeyIdMatches, decodeAccountId, isImplausibleKeyId } from './aws-keys.js';
import { isPlaceholder } from './placeholders.js';
import { encodedRuns, hasSecretEscape } from './encoded.js';

/** What a credential name labels. */
export type CredentialNameKind = 'secret-access-key' | 'session-token' | 'access-key-id';

export interface CredentialNameSet {
  readonly kind: CredentialNameKind;
  /** Source of a case-insensitive regex for the literal every such name contains (the hit anchor). */
  readonly coreSource: string;
  /** Tests a name normalised by normalizeCredentialName (lower-case, letters and digits only). */
  readonly normalized: RegExp;
}

/**
 * `aws_secret_access_key`, `AWS_SECRET_KEY`, `secret_key`, `secretAccessKey`, `SecretKey`,
 * `aws-secret-access-key`, `--secret-access-key`, `awsSecret`, `fs.s3a.secret.key`,
 * `aws.secretKey`, `s3_secret`, with an optional numeric suffix (`SECRET_KEY_2`).
 * Not `secret`, `client_secret` or `secret_key_base` (Rails): too generic or not AWS.
 */
export const SECRET_ACCESS_KEY_NAMES: CredentialNameSet = {
  kind: 'secret-access-key',
  coreSource: 'secret',
  normalized: /(?:secret(?:access)?key|awssecret(?:access)?|s3secret)\d*$/,
};

/** `aws_session_token`, `AWS_SESSION_TOKEN`, `aws_security_token`, `sessionToken`, `SessionToken`, `x-amz-security-token`. */
export const SESSION_TOKEN_NAMES: CredentialNameSet = {
  kind: 'session-token',
  coreSource: '(?:session|security)[-_. ]?token',
  normalized: /(?:session|security)token\d*$/,
};

/** `aws_access_key_id`, `AWS_ACCESS_KEY_ID`, `accessKeyId`, `AccessKeyId`, `access_key` (.s3cfg, Terraform), `AWSAccessKeyId`. */
export const ACCESS_KEY_ID_NAMES: CredentialNameSet = {
  kind: 'access-key-id',
  coreSource: 'access[-_.]?key',
  // Not `…secretaccesskey`, which ends the same way.
  normalized: /(?<!secret)accesskey(?:id)?\d*$/,
};

export const CREDENTIAL_NAME_SETS: readonly CredentialNameSet[] = [SECRET_ACCESS_KEY_NAMES, SESSION_TOKEN_NAMES, ACCESS_KEY_ID_NAMES];

/** Lower-case letters and digits only: `--AWS-Secret_Access.Key` → `awssecretaccesskey`. */
export function normalizeCredentialName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function isCredentialName(name: string, set: CredentialNameSet): boolean {
  return set.normalized.test(normalizeCredentialName(name));
}

/** Which syntax joined name and value (for messages and for callers that want only some). */
export type AssignmentSyntax = 'assignment' | 'call-argument' | 'xml' | 'name-value-pair' | 'whitespace';

export interface CredentialAssignment {
  readonly kind: CredentialNameKind;
  readonly name: string;
  readonly nameStart: number;
  readonly nameEnd: number;
  /** The value without quotes; may be empty (`AWS_SECRET_ACCESS_KEY=`). */
  readonly value: string;
  readonly valueStart: number;
  readonly valueEnd: number;
  /** The quote that delimited the value, or '' for a bare value. */
  readonly quote: string;
  readonly syntax: AssignmentSyntax;
}

const NAME_CHAR = /[A-Za-z0-9_.$-]/;
const QUOTE_CHARS = '"\'`';

// Separators, tried in order at the position right after the name (and its closing quote).
/** `]` after a quoted subscript: `os.environ["X"] = v`, `ENV['X'] = v`, `$cfg['x'] => v`. */
const SUBSCRIPT_CLOSE = /[ \t]*\]/y;
/** `{name: X, value: Y}` / `- name: X\n  value: Y` / `key="X" value="Y"` / ParameterValue. */
// Linear by construction: no two adjacent quantifiers can both take the same blank (the
// optional `,` / `-` opens its own group), so a name followed by a megabyte of spaces costs one
// pass, not one pass per way of splitting the run between two `[ \t]*` (that was quadratic).
const PAIR_VALUE = /[ \t]*(?:[,;][ \t]*)?(?:\r?\n[ \t]*(?:-[ \t]*)?)?["']?(?:value|Value|VALUE|ParameterValue|OptionValue|defaultValue)["']?[ \t]*[:=][ \t]*/y;
/** `name: Type = v` (TypeScript, Kotlin, Python annotations), `name string = v` is not needed (Go uses :=/=). */
const TYPED_ASSIGNMENT = /[ \t]*:[ \t]*[A-Za-z_][\w.<>?|&[\]]*[ \t]*=(?![=>])[ \t]*/y;
/** C# auto-property initialiser: `public string SecretKey { get; set; } = "…"`. */
const AUTO_PROPERTY = /[ \t]*\{[ \t]*get;[^}\n]*\}[ \t]*=[ \t]*/y;
const ASSIGNMENT = /[ \t]*(?:=>|:=|<-|\?\?=|\|\|=|=(?!=)|:(?![:=]))[ \t]*/y;
const CALL_COMMA = /[ \t]*,[ \t]*/y;
// `[ \t]` then anything: `[ \t]+[^<>\n]*` would try every split of a run of blanks (quadratic).
const XML_CLOSE = /(?:[ \t][^<>\n]*)?>[ \t]*/y;
const WHITESPACE = /[ \t]+(?=[^\s=:,;)\]}>#])/y;
/**
 * A bare (unquoted) value: stops at whitespace, quotes, delimiters and comment starts, but
 * keeps interpolations whole (`${AWS_SECRET}`, `$(cmd)`, `{{ var }}`) so placeholders are seen as such.
 */
// Bounded: an interpolation is at most 256 characters and a value at most MAX_VALUE_LENGTH
// (a session token is ~1 KB), so reading a value costs O(MAX_VALUE_LENGTH) whatever follows —
// an unclosed `${` no longer makes every repetition rescan the rest of the line.
const BARE_VALUE = /(?:\$\{[^}\n]{0,256}\}|\$\([^)\n]{0,256}\)|\{\{[^}\n]{0,256}\}\}|[^\s"'`,;)}\]<>&|\\]){1,4096}/y;
/** The longest value read after a credential name (quoted, bare or XML content). */
const MAX_VALUE_LENGTH = 4096;

/** `text.indexOf(ch, from)`, but only within `[from, limit)` and never past a newline unless `crossNewline`. */
function indexOfBounded(text: string, ch: string, from: number, limit: number): number {
  const end = Math.min(text.length, limit);
  for (let i = from; i < end; i++) {
    const c = text[i];
    if (c === ch) return i;
    if (c === '\n') return -1;
  }
  return -1;
}

function stickyMatch(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

interface ValueSpan {
  value: string;
  start: number;
  end: number;
  quote: string;
}

/** Reads a quoted or bare value at `at` (same line only). */
function readValue(text: string, at: number, untilLessThan: boolean): ValueSpan | undefined {
  let p = at;
  // String prefixes: C# @"…", Python r'…' b'…' f'…' u'…'; `\"` inside JSON-encoded source (notebooks).
  if (/[@rRbBfFuU]/.test(text[p] ?? '') && QUOTE_CHARS.includes(text[p + 1] ?? '')) p++;
  if (text[p] === '\\' && (text[p + 1] === '"' || text[p + 1] === "'")) {
    const m = stickyMatch(BARE_VALUE, text, p + 2);
    if (!m) return undefined;
    return { value: m[0], start: p + 2, end: p + 2 + m[0].length, quote: text[p + 1] as string };
  }
  const ch = text[p] ?? '';
  if (QUOTE_CHARS.includes(ch)) {
    // Same line, bounded: an unclosed quote costs MAX_VALUE_LENGTH, not the rest of the file.
    const close = indexOfBounded(text, ch, p + 1, p + 1 + MAX_VALUE_LENGTH);
    if (close === -1) return undefined;
    // Keep the range on the value proper: trim spaces inside the quotes.
    let s = p + 1;
    let e = close;
    while (s < e && /\s/.test(text[s] as string)) s++;
    while (e > s && /\s/.test(text[e - 1] as string)) e--;
    return { value: text.slice(s, e), start: s, end: e, quote: ch };
  }
  if (untilLessThan) {
    // XML content: everything up to the next tag, trimmed.
    const lt = indexOfBounded(text, '<', p, p + MAX_VALUE_LENGTH);
    if (lt === -1) return undefined;
    let e = lt;
    while (e > p && /\s/.test(text[e - 1] as string)) e--;
    return { value: text.slice(p, e), start: p, end: e, quote: '' };
  }
  const m = stickyMatch(BARE_VALUE, text, p);
  if (!m) return { value: '', start: p, end: p, quote: '' };
  return { value: m[0], start: p, end: p + m[0].length, quote: '' };
}

export interface FindOptions {
  /** Only names starting in [from, to) are considered (a window around something else). */
  readonly from?: number;
  readonly to?: number;
}

/**
 * Finds `name <separator> value` pairs whose name belongs to one of `sets`, in any of the
 * syntaxes listed at the top of this module. Results are in text order; a name yields at
 * most one value. Values are returned unquoted with their exact range.
 */
export function findCredentialAssignments(
  text: string,
  sets: readonly CredentialNameSet[],
  options: FindOptions = {},
): CredentialAssignment[] {
  const from = options.from ?? 0;
  const to = options.to ?? text.length;
  const core = new RegExp(sets.map((s) => `(?:${s.coreSource})`).join('|'), 'gi');
  core.lastIndex = from;
  const out: CredentialAssignment[] = [];
  let lastNameEnd = -1;
  for (let hit = core.exec(text); hit !== null && hit.index < to; hit = core.exec(text)) {
    if (hit.index < lastNameEnd) continue; // inside a name or value already read
    // Widen the hit to the whole identifier (`MY_AWS_SECRET_ACCESS_KEY`, `--secret-key`).
    let nameStart = hit.index;
    while (nameStart > 0 && NAME_CHAR.test(text[nameStart - 1] as string)) nameStart--;
    let nameEnd = hit.index + hit[0].length;
    while (nameEnd < text.length && NAME_CHAR.test(text[nameEnd] as string)) nameEnd++;
    if (nameEnd <= lastNameEnd) continue; // a second hit inside the same name
    lastNameEnd = nameEnd;
    core.lastIndex = nameEnd;
    // A trailing `.`/`-` belongs to the sentence or the flag syntax, not the name.
    while (nameEnd > nameStart && /[.-]/.test(text[nameEnd - 1] as string)) nameEnd--;
    const name = text.slice(nameStart, nameEnd);
    const normalized = normalizeCredentialName(name);
    const set = sets.find((s) => s.normalized.test(normalized));
    if (!set) continue;
    const found = readAssignment(text, nameStart, nameEnd);
    if (!found) continue;
    out.push({ kind: set.kind, name, nameStart, nameEnd, ...found });
    // A name inside the value just read (`aws_secret_access_key=aws_secret_access_key=…`) is
    // part of that value, not an assignment of its own: resuming after the value keeps the
    // scan linear when a line repeats a name thousands of times.
    if (found.quote === '' && found.valueEnd > nameEnd) {
      core.lastIndex = found.valueEnd;
      lastNameEnd = found.valueEnd;
    }
  }
  return out;
}

function readAssignment(
  text: string,
  nameStart: number,
  nameEnd: number,
): { value: string; valueStart: number; valueEnd: number; quote: string; syntax: AssignmentSyntax } | undefined {
  const before = text[nameStart - 1] ?? '';
  let p = nameEnd;
  const quoted = QUOTE_CHARS.includes(before) && text[p] === before;
  if (quoted) p++;
  const result = (v: ValueSpan | undefined, syntax: AssignmentSyntax) =>
    v ? { value: v.value, valueStart: v.start, valueEnd: v.end, quote: v.quote, syntax } : undefined;

  // Name/value pairs first: in `{"name": "X", "value": "Y"}` the comma would otherwise
  // read as a call argument separator and yield the word `value`.
  let m = stickyMatch(PAIR_VALUE, text, p);
  if (m) {
    const v = readValue(text, p + m[0].length, false);
    if (v && v.value) return result(v, 'name-value-pair');
  }
  if (quoted) {
    const sub = stickyMatch(SUBSCRIPT_CLOSE, text, p);
    if (sub) p += sub[0].length;
  }
  if (before === '<' || (quoted && text[p] === '>')) {
    m = stickyMatch(XML_CLOSE, text, p);
    if (m) return result(readValue(text, p + m[0].length, true), 'xml');
  }
  m = stickyMatch(TYPED_ASSIGNMENT, text, p) ?? stickyMatch(AUTO_PROPERTY, text, p) ?? stickyMatch(ASSIGNMENT, text, p);
  if (m) return result(readValue(text, p + m[0].length, false), 'assignment');
  if (quoted) {
    m = stickyMatch(CALL_COMMA, text, p);
    if (m) return result(readValue(text, p + m[0].length, false), 'call-argument');
    return undefined;
  }
  m = stickyMatch(WHITESPACE, text, p);
  if (m) return result(readValue(text, p + m[0].length, false), 'whitespace');
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Free-text candidates and proximity: "a 40-char secret within a few lines of a key id".

/**
 * A 40-character secret access key candidate on boundaries that exclude longer base64 runs:
 * no base64 character before, none (nor `=` padding) after. `key=VALUE` still matches
 * because `=` is allowed before.
 */
export const SECRET_ACCESS_KEY_CANDIDATE_SOURCE = '(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])';

export function secretAccessKeyCandidatePattern(): RegExp {
  return new RegExp(SECRET_ACCESS_KEY_CANDIDATE_SOURCE, 'g');
}

/** How many lines above or below a key id a secret may sit and still count as its pair. */
export const PAIRING_LINE_DISTANCE = 5;

export interface Located {
  readonly value: string;
  readonly start: number;
  readonly end: number;
  /** 0-based line. */
  readonly line: number;
}

/** Offset of the start of the line `lines` lines before `offset` (or 0). */
export function lineWindowStart(text: string, offset: number, lines: number): number {
  let p = offset;
  for (let n = 0; n <= lines; n++) {
    const nl = text.lastIndexOf('\n', p - 1);
    if (nl === -1) return 0;
    p = nl;
  }
  return p + 1;
}

/** Offset just after the end of the line `lines` lines after `offset` (or the text's end). */
export function lineWindowEnd(text: string, offset: number, lines: number): number {
  let p = offset;
  for (let n = 0; n <= lines; n++) {
    const nl = text.indexOf('\n', p);
    if (nl === -1) return text.length;
    p = nl + 1;
  }
  return p - 1;
}

/**
 * Every 40-char candidate of one text, found once, with the text's line starts: the proximity
 * lookups below are binary searches into it. (Re-scanning a ±5-line window per key id was
 * quadratic when thousands of `AKIA…:secret` pairs share one line.) One entry, keyed by the
 * text's identity: the rules of one document ask one after another.
 */
interface CandidateIndex {
  readonly text: string;
  readonly starts: number[];
  /** Ends in the text: start + 40, or further for a secret written with escapes (`%2F`, `\/`). */
  readonly ends: number[];
  /** Decoded values. */
  readonly values: string[];
  /** Offsets of every `\n`. */
  readonly newlines: number[];
  /** Per accept function: 1 when the candidate at that index passes it (computed on demand, 2 = unknown). */
  readonly verdicts: Map<(value: string) => boolean, Uint8Array>;
}

type EncodedRunLike = ReturnType<typeof encodedRuns>[number];

let lastIndex: CandidateIndex | undefined;

function candidateIndex(text: string): CandidateIndex {
  if (lastIndex?.text === text) return lastIndex;
  const starts: number[] = [];
  const ends: number[] = [];
  const values: string[] = [];
  // Secrets written JSON-escaped or URL-encoded (`…%2F…`, `…\/…`): candidates at their encoded
  // range, decoded. A plain 40-character piece of such a run (the part before `\/`) is not one.
  const encoded = hasSecretEscape(text) ? encodedRuns(text) : [];
  let e = 0;
  const pushEncodedBefore = (limit: number) => {
    for (; e < encoded.length && (encoded[e] as EncodedRunLike).start < limit; e++) {
      const r = encoded[e] as EncodedRunLike;
      if (r.padding === 0 && r.value.length === 40) {
        starts.push(r.start);
        ends.push(r.end);
        values.push(r.value);
      }
    }
  };
  for (const m of text.matchAll(secretAccessKeyCandidatePattern())) {
    pushEncodedBefore(m.index + 1);
    const last = e > 0 ? (encoded[e - 1] as EncodedRunLike) : undefined;
    if (last && m.index < last.end) continue;
    const next = encoded[e];
    if (next && next.start < m.index + 40) continue;
    starts.push(m.index);
    ends.push(m.index + 40);
    values.push(m[0]);
  }
  pushEncodedBefore(Infinity);
  const newlines: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) newlines.push(i);
  lastIndex = { text, starts, ends, values, newlines, verdicts: new Map() };
  return lastIndex;
}

/** First index in sorted `arr` whose value is >= `x`. */
function lowerBound(arr: readonly number[], x: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((arr[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Candidate index range [lo, hi) within `lines` lines of `offset` (the same window lineWindowStart/End give). */
function windowRange(index: CandidateIndex, offset: number, lines: number): [number, number] {
  const { newlines, starts, text } = index;
  const line = lowerBound(newlines, offset); // newlines before `offset`
  const firstLine = line - lines;
  const from = firstLine <= 0 ? 0 : (newlines[firstLine - 1] as number) + 1;
  const lastLine = line + lines;
  const to = lastLine < newlines.length ? (newlines[lastLine] as number) : text.length;
  return [lowerBound(starts, from), lowerBound(starts, to - 39)];
}

function accepted(index: CandidateIndex, accept: (value: string) => boolean, i: number): boolean {
  let verdicts = index.verdicts.get(accept);
  if (!verdicts) {
    verdicts = new Uint8Array(index.starts.length).fill(2);
    index.verdicts.set(accept, verdicts);
  }
  if (verdicts[i] === 2) verdicts[i] = accept(index.values[i] as string) ? 1 : 0;
  return verdicts[i] === 1;
}

/**
 * The 40-char candidates within `lines` lines of `offset`, filtered by `accept`.
 * Costs two binary searches plus the candidates returned (the text is scanned once per document).
 */
export function secretCandidatesNear(
  text: string,
  offset: number,
  accept: (value: string) => boolean,
  lines = PAIRING_LINE_DISTANCE,
): Array<{ value: string; start: number; end: number }> {
  return secretCandidatesNearAny(text, [offset], accept, lines);
}

/**
 * The union of secretCandidatesNear over `offsets` (sorted ascending), each candidate once, in
 * text order: O(offsets · log n + candidates), however many windows overlap.
 */
export function secretCandidatesNearAny(
  text: string,
  offsets: readonly number[],
  accept: (value: string) => boolean,
  lines = PAIRING_LINE_DISTANCE,
): Array<{ value: string; start: number; end: number }> {
  // No key id, no window: a document that passed the keyword filter on a credential name
  // alone (most do) must not pay the whole-text 40-character scan for nothing.
  if (offsets.length === 0) return [];
  const index = candidateIndex(text);
  const out: Array<{ value: string; start: number; end: number }> = [];
  let next = 0;
  for (const offset of offsets) {
    const [lo, hi] = windowRange(index, offset, lines);
    for (let i = Math.max(lo, next); i < hi; i++) {
      if (!accepted(index, accept, i)) continue;
      out.push({ value: index.values[i] as string, start: index.starts[i] as number, end: index.ends[i] as number });
    }
    next = Math.max(next, hi);
  }
  return out;
}

/** The first candidate accepted by `accept` within `lines` lines of `offset`, if any. */
export function firstSecretCandidateNear(
  text: string,
  offset: number,
  accept: (value: string) => boolean,
  lines = PAIRING_LINE_DISTANCE,
): { value: string; start: number; end: number } | undefined {
  const index = candidateIndex(text);
  const [lo, hi] = windowRange(index, offset, lines);
  // Bounded: the first accepted one is normally the first or second looked at; a window of
  // thousands of rejected candidates is cut at 64 so pairing stays linear.
  for (let i = lo; i < hi && i < lo + 64; i++) {
    if (!accepted(index, accept, i)) continue;
    return { value: index.values[i] as string, start: index.starts[i] as number, end: index.ends[i] as number };
  }
  return undefined;
}

/**
 * The item of `items` (sorted by line) nearest to `line` within `distance` lines, if any; on a
 * tie the earlier one. A binary search: called once per candidate secret, so a linear scan
 * here made a file of thousands of pairs quadratic.
 */
export function nearestByLine<T extends { readonly line: number }>(items: readonly T[], line: number, distance = PAIRING_LINE_DISTANCE): T | undefined {
  const firstAtOrAfter = (target: number): number => {
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((items[mid] as T).line < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const lo = firstAtOrAfter(line);
  const after = items[lo];
  // The first item on the nearest line above (ties go to the earlier item).
  const before = lo > 0 ? items[firstAtOrAfter((items[lo - 1] as T).line)] : undefined;
  const dAfter = after ? after.line - line : Infinity;
  const dBefore = before ? line - before.line : Infinity;
  const best = dBefore <= dAfter ? before : after;
  const d = Math.min(dBefore, dAfter);
  return best && d <= distance ? best : undefined;
}

export interface KeyIdOccurrence extends Located {
  /** The account encoded in a new-format id, if any. */
  readonly account: string | undefined;
}

/**
 * Access key ids that can anchor a pairing: every id in the text except the documentation
 * examples, upper-case word runs and typed stand-ins (which are not keys, so nothing near
 * them is paired).
 */
export function findKeyIds(text: string, lineOf: (offset: number) => number): KeyIdOccurrence[] {
  const out: KeyIdOccurrence[] = [];
  for (const m of accessKeyIdMatches(text)) {
    const id = m.value;
    if (isImplausibleKeyId(id)) continue;
    out.push({ value: id, start: m.index, end: m.index + id.length, line: lineOf(m.index), account: decodeAccountId(id) });
  }
  return out;
}

/** `deny` when the account is deny-listed (always report), `allow` when allow-listed (never report). */
export function accountListing(
  account: string | undefined,
  settings: { readonly allowAccountIds: readonly string[]; readonly denyAccountIds: readonly string[] },
): 'allow' | 'deny' | 'none' {
  if (account === undefined) return 'none';
  if (settings.denyAccountIds.includes(account)) return 'deny';
  if (settings.allowAccountIds.includes(account)) return 'allow';
  return 'none';
}

/**
 * The gate every free-text value detector applies to a candidate secret: it must have the
 * shape (`looksLike`) and not be a placeholder; a paired key id of an allow-listed account
 * silences it; a documentation example is skipped unless it sits next to a deny-listed
 * account's id. Returns the paired key id (if any) when the value is to be reported, or
 * `false` to skip it.
 */
export function acceptSecretValue(
  value: string,
  line: number,
  keyIds: readonly KeyIdOccurrence[],
  settings: { readonly allowAccountIds: readonly string[]; readonly denyAccountIds: readonly string[] },
  checks: { readonly looksLike: (value: string) => boolean; readonly isExample: (value: string) => boolean },
): { pair: KeyIdOccurrence | undefined } | false {
  if (!checks.looksLike(value) || isPlaceholder(value)) return false;
  const pair = nearestByLine(keyIds, line);
  const listing = accountListing(pair?.account, settings);
  if (listing === 'allow') return false;
  if (listing !== 'deny' && checks.isExample(value)) return false;
  return { pair };
}

// ---------------------------------------------------------------------------------------
// One pass per document, shared by every credential rule.

/**
 * A keyword pre-filter shared by several rules. The engine tests each rule's `keywords`
 * against a document's text one rule after another; this RegExp remembers the last text it
 * saw (an identity comparison, O(1) for the same string) and answers the following rules
 * from memory, so N rules sharing it cost one scan instead of N. It is a plain, non-global
 * RegExp to every other consumer (ESLint adapter, tests).
 */
export class SharedKeywords extends RegExp {
  #lastText: string | undefined;
  #lastResult = false;
  readonly #inner: RegExp;

  constructor(source: string, flags = '') {
    super(source, flags);
    this.#inner = new RegExp(source, flags);
  }

  override test(text: string): boolean {
    if (text === this.#lastText) return this.#lastResult;
    this.#lastResult = this.#inner.test(text);
    this.#lastText = text;
    return this.#lastResult;
  }
}

/**
 * A pre-filter that passes when any of its parts does. Each part is a SharedKeywords, so a
 * part that another rule (or another union) already tested on this text costs nothing.
 * Why not one alternation: irregexp scans a union of case-sensitive capitals and
 * case-insensitive words several times slower than either alone (its Boyer–Moore lookahead
 * needs a small set of possible first characters), so two fast scans beat one slow one.
 * As a plain RegExp (source, exec, match) it is the case-insensitive union of the parts:
 * a superset, which is all a pre-filter promises.
 */
export class AnyKeywords extends RegExp {
  readonly #parts: readonly SharedKeywords[];

  constructor(parts: readonly SharedKeywords[]) {
    super(parts.map((p) => `(?:${p.source})`).join('|'), 'i');
    this.#parts = parts;
  }

  override test(text: string): boolean {
    return this.#parts.some((p) => p.test(text));
  }
}

/**
 * Key ids (AKIA, ASIA, ABIA, ACCA, A3T) and STS token headers (AQoD, IQoJ, FwoG). Every
 * alternative opens on a capital, mostly `A`, which keeps irregexp at ~2 GB/s; adding the
 * three token headers to the key-id prefixes costs nothing measurable (22.5 → 23–25 ms on
 * 44 MB of node_modules, within noise). Selective: 16 of 4 275 node_modules files pass.
 */
export const KEY_LITERAL_KEYWORDS: SharedKeywords = new SharedKeywords('A(?:KIA|SIA|BIA|CCA|3T|QoD)|IQoJ|FwoG');

/**
 * The credential names the assignment scanner anchors on (`secret`, `session token`,
 * `security token`, `access key`), built from the very sources findCredentialAssignments
 * uses, so a document this rejects can hold no assignment at all. ~1.2 GB/s, and selective:
 * 12 of 4 275 node_modules files pass (a bare `oken`, the previous keyword, let 524 through).
 */
export const CREDENTIAL_NAME_KEYWORDS: SharedKeywords = new SharedKeywords(
  CREDENTIAL_NAME_SETS.map((s) => s.coreSource).join('|'),
  'i',
);

/**
 * Pre-filter for the credential rules (secret access key, session token, credentials file):
 * a credential name (which includes the IAM console CSV header's `Secret access key`), a key
 * id or an STS token header. The no-hardcoded-access-key-id rule uses KEY_LITERAL_KEYWORDS,
 * one of the two parts, so with all four rules enabled a document costs two scans in all.
 */
export const CREDENTIAL_KEYWORDS: RegExp = new AnyKeywords([KEY_LITERAL_KEYWORDS, CREDENTIAL_NAME_KEYWORDS]);

export interface CredentialScan {
  /** Assignments to secret-key, session-token and access-key-id names, in text order. */
  readonly assignments: readonly CredentialAssignment[];
  /** Access key ids that can anchor a pairing (see findKeyIds). */
  readonly keyIds: readonly KeyIdOccurrence[];
}

const scans = new WeakMap<SourceDocument, CredentialScan>();

/**
 * The credential assignments and key ids of a document, computed once and shared by every
 * rule that asks (the cache is keyed by the document object, so it dies with it).
 */
export function credentialScan(document: SourceDocument): CredentialScan {
  let scan = scans.get(document);
  if (!scan) {
    const { text } = document;
    scan = {
      // Both pre-filters are memoised per text: when a rule's keyword test already ran them
      // on this document, these checks are free, and each skips a whole-text scan when it fails.
      assignments: CREDENTIAL_NAME_KEYWORDS.test(text) ? findCredentialAssignments(text, CREDENTIAL_NAME_SETS) : [],
      keyIds: KEY_LITERAL_KEYWORDS.test(text) ? findKeyIds(text, (offset) => document.lines.lineOf(offset)) : [],
    };
    scans.set(document, scan);
  }
  return scan;
}
