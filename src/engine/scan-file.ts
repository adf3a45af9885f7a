// Scanning one file: classify → run the rules on it and on every document embedded in it →
// map positions back to the file → mask secrets → fingerprint → suppress.
// Pure with respect to its inputs, so a worker thread and the main thread give the same result.
import type { AnyRule, ReportDescriptor, SecretRange, Severity, SharedSettings } from '../rule.js';
import { formatMessage, severityRank } from '../rule.js';
import { classifyFile, languageOf, SNIFF_BYTES, type FileKind } from '../kinds.js';
import {
  createDocument,
  embeddingPath,
  rootDocument,
  runScanEndHooks,
  toFileRange,
  type SourceDocument,
} from './document.js';
import type { Finding, FileResult, Notification } from './types.js';
import { SecretPieces, maskFindingLine, maskKeeping, redact } from './redact.js';
import { accessKeyIdPattern, decodeAccountId } from '../detect/aws-keys.js';
import { hashHex } from '../detect/hash.js';
import { parseDirectives, directiveCovers, MARKER, MARKER_KEYWORD, type Directive } from './suppress.js';
import { decodeBytes, formatBytes, readTextFile } from './read.js';
import { drainIncomplete } from './budget.js';
import { errorSummary } from '../parsers/errors.js';
import type { Extractor } from '../extract/types.js';
import { dirname, posix, sep } from 'node:path';
import { findAbsorbed, keeperOf } from './coverage.js';
import { KeywordFilter } from './keyword-filter.js';

/** Nesting limit for embedded documents (a heredoc in a cloud-init in a template …). */
const MAX_DEPTH = 4;
/** Snippets show at most this many lines of a multi-line region. */
const MAX_SNIPPET_LINES = 3;

export interface ActiveRule {
  readonly rule: AnyRule;
  readonly severity: Severity;
  readonly options: Record<string, unknown>;
}

export interface ScanSetup {
  readonly rules: readonly ActiveRule[];
  readonly settings: SharedSettings;
  readonly allowPatterns: readonly RegExp[];
  readonly extractors: readonly Extractor[];
  /** All rule ids known (enabled or not): a suppression naming anything else is reported. */
  readonly knownRuleIds: ReadonlySet<string>;
  readonly reportUnusedSuppressions: boolean;
}

interface RawReport {
  readonly active: ActiveRule;
  readonly doc: SourceDocument;
  readonly descriptor: ReportDescriptor;
}

function appliesTo(rule: AnyRule, kind: FileKind): boolean {
  return rule.kinds === 'all' || rule.kinds.includes(kind);
}

/**
 * What runs on a document of one kind, worked out once per setup and kind instead of once per
 * document: the rules and extractors that apply, each with the index of its keyword test in
 * `keywords` (rules of one family share a RegExp: each distinct one is tested once per document).
 */
interface KindPlan {
  readonly keywords: readonly RegExp[];
  /** Which of `keywords` may match a text (src/engine/keyword-filter.ts): the others are never tested. */
  readonly filter: KeywordFilter | undefined;
  readonly rules: ReadonlyArray<{ readonly active: ActiveRule; readonly keyword: number }>;
  readonly extractors: ReadonlyArray<{ readonly extractor: Extractor; readonly keyword: number }>;
  /** The slot of the suppression marker (MARKER_KEYWORD), tested with the rest, read by no rule. */
  readonly marker: number;
}

const plans = new WeakMap<ScanSetup, Map<FileKind, KindPlan>>();

function planFor(setup: ScanSetup, kind: FileKind): KindPlan {
  let byKind = plans.get(setup);
  if (!byKind) plans.set(setup, (byKind = new Map()));
  let plan = byKind.get(kind);
  if (!plan) {
    const keywords: RegExp[] = [];
    const slot = (re: RegExp | undefined): number => {
      if (!re) return -1;
      const at = keywords.indexOf(re);
      return at !== -1 ? at : keywords.push(re) - 1;
    };
    const rules = setup.rules.filter((a) => appliesTo(a.rule, kind)).map((active) => ({ active, keyword: slot(active.rule.kindKeywords?.[kind] ?? active.rule.keywords) }));
    const extractors = setup.extractors.filter((e) => e.kinds.includes(kind)).map((extractor) => ({ extractor, keyword: slot(extractor.keywords) }));
    const marker = slot(MARKER_KEYWORD);
    byKind.set(kind, (plan = { keywords, filter: KeywordFilter.of(keywords), rules, extractors, marker }));
  }
  return plan;
}

/** Runs the rules and extractors on `doc`; returns false when its text cannot hold a suppression directive. */
function runDocument(doc: SourceDocument, setup: ScanSetup, out: RawReport[], notes: Notification[]): boolean {
  const plan = planFor(setup, doc.kind);
  // 0 untested, 1 no, 2 yes: tested on first need, in plan order. One pass of the combined
  // filter rules out the keywords none of whose anchors the text holds: in most documents, all.
  const hits = new Uint8Array(plan.keywords.length);
  if (plan.filter) {
    const possible = new Array<boolean>(plan.keywords.length).fill(false);
    plan.filter.maybe(doc.text, possible);
    for (let i = 0; i < possible.length; i++) if (!possible[i]) hits[i] = 1;
  }
  const mentions = (index: number): boolean => {
    if (index === -1) return true;
    let hit = hits[index];
    if (hit === 0) hits[index] = hit = (plan.keywords[index] as RegExp).test(doc.text) ? 2 : 1;
    return hit === 2;
  };
  for (const { active, keyword } of plan.rules) {
    const { rule } = active;
    if (!mentions(keyword)) continue;
    try {
      rule.check({
        document: doc,
        options: active.options,
        settings: setup.settings,
        report: (descriptor) => out.push({ active, doc, descriptor }),
      });
    } catch (error) {
      notes.push({
        id: 'rule-error',
        level: 'error',
        path: doc.path,
        // The error's class only: an exception message can quote kilobytes of the file (JSON.parse does).
        message: `${doc.path}: rule ${rule.id} failed (${errorSummary(error)}); the rule's other findings in this file may be missing`,
      });
    }
  }
  const mayHoldDirective = hits[plan.marker] !== 1;
  if (doc.depth >= MAX_DEPTH) return mayHoldDirective;
  for (const { extractor, keyword } of plan.extractors) {
    if (!mentions(keyword)) continue;
    let embedded: SourceDocument[];
    try {
      embedded = extractor.extract(doc, notes);
    } catch (error) {
      notes.push({ id: 'parse-error', level: 'warning', path: doc.path, message: `${doc.path}: ${extractor.name} failed (${errorSummary(error)}); the embedded documents were not scanned` });
      continue;
    }
    for (const child of embedded) runDocument(child, setup, out, notes);
  }
  return mayHoldDirective;
}

interface Located {
  readonly raw: RawReport;
  readonly start: number;
  readonly end: number;
  readonly secrets: SecretRange[];
}

function locate(raw: RawReport): Located {
  const { doc, descriptor } = raw;
  const range = toFileRange(doc, descriptor.start, Math.max(descriptor.end, descriptor.start + 1));
  const secrets = (descriptor.secrets ?? []).map((s) => {
    const r = toFileRange(doc, s.start, s.end);
    return { start: r.start, end: r.end, kind: s.kind };
  });
  return { raw, start: range.start, end: range.end, secrets };
}

/** Lines longer than this are cropped to a window around the finding (minified bundles). */
const MAX_SNIPPET_WIDTH = 240;
const SNIPPET_CONTEXT = 80;

/**
 * The finding's source lines, with every known secret masked (`maskedLine` masks a whole
 * line once, however many findings it holds: masking is same-length, so columns hold). A long
 * first line is cropped around the region; `column` is the 1-based column where the snippet starts.
 */
function buildSnippet(
  lines: SourceDocument['lines'],
  start: { line: number; column: number },
  end: { line: number; column: number },
  maskedLine: (line: number) => string,
): { text: string; column: number } {
  const out: string[] = [];
  let column = 1;
  const last = Math.min(end.line, start.line + MAX_SNIPPET_LINES - 1);
  for (let line = start.line; line <= last; line++) {
    const full = maskedLine(line);
    let from = 0;
    let to = full.length;
    if (full.length > MAX_SNIPPET_WIDTH) {
      if (line === start.line) {
        from = Math.max(0, start.column - 1 - SNIPPET_CONTEXT);
        const regionEnd = end.line === start.line ? end.column - 1 : full.length;
        to = Math.min(full.length, Math.max(regionEnd, start.column - 1) + SNIPPET_CONTEXT, from + MAX_SNIPPET_WIDTH * 4);
        column = from + 1;
      } else {
        to = MAX_SNIPPET_WIDTH;
      }
    }
    out.push(full.slice(from, to));
  }
  void lines;
  return { text: out.join('\n'), column };
}

/**
 * The secret ranges of one file, sorted, for "which secrets overlap [from, to)" in
 * O(log n + hits): a file with 30,000 findings used to filter every secret per snippet.
 */
class SecretIndex {
  readonly #ranges: SecretRange[];
  readonly #longest: number;

  constructor(ranges: readonly SecretRange[]) {
    this.#ranges = [...ranges].sort((a, b) => a.start - b.start);
    this.#longest = this.#ranges.reduce((n, r) => Math.max(n, r.end - r.start), 0);
  }

  overlapping(from: number, to: number): SecretRange[] {
    const ranges = this.#ranges;
    // First range that may still reach `from`: none starts earlier than from - longest.
    let lo = 0;
    let hi = ranges.length;
    const min = from - this.#longest;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((ranges[mid] as SecretRange).start < min) lo = mid + 1;
      else hi = mid;
    }
    const out: SecretRange[] = [];
    for (let i = lo; i < ranges.length; i++) {
      const r = ranges[i] as SecretRange;
      if (r.start >= to) break;
      if (r.end > from) out.push(r);
    }
    return out;
  }
}

/**
 * Masks known secret values in short messages. Values are bucketed by length, so a message
 * costs O(message length × distinct lengths) set lookups, however many secrets the file holds
 * (trying every known value on every message was quadratic in the findings).
 */
class KnownSecrets {
  readonly #byLength = new Map<number, Map<string, SecretRange['kind']>>();

  add(value: string, kind: SecretRange['kind']): void {
    if (value.length < 8) return;
    let bucket = this.#byLength.get(value.length);
    if (!bucket) this.#byLength.set(value.length, (bucket = new Map()));
    bucket.set(value, kind);
  }

  redact(message: string): string {
    if (this.#byLength.size === 0) return message;
    const hits: Array<{ start: number; end: number; kind: SecretRange['kind'] }> = [];
    // Only inside runs of non-blank characters at least as long as the shortest value.
    for (const run of message.matchAll(/\S{8,}/g)) {
      for (const [length, bucket] of this.#byLength) {
        const runEnd = run.index + run[0].length;
        for (let i = run.index; i + length <= runEnd; i++) {
          const kind = bucket.get(message.slice(i, i + length));
          if (kind !== undefined) {
            hits.push({ start: i, end: i + length, kind });
            i += length - 1;
          }
        }
      }
    }
    if (hits.length === 0) return message;
    hits.sort((a, b) => a.start - b.start || b.end - a.end);
    let out = '';
    let at = 0;
    for (const h of hits) {
      if (h.start < at) continue;
      out += message.slice(at, h.start) + redact(message.slice(h.start, h.end), h.kind);
      at = h.end;
    }
    return out + message.slice(at);
  }
}

/**
 * Scans already-decoded text as the file at `path` (relative, `/`-separated). `absPath`,
 * when given, is where the file lives on disk (parsers resolve `file()` and module
 * siblings from it).
 */
export function scanText(
  path: string,
  text: string,
  setup: ScanSetup,
  kindOverride?: FileKind,
  absPath?: string,
): { findings: Finding[]; notifications: Notification[] } {
  const notifications: Notification[] = [];
  const kind = kindOverride ?? classifyFile(path, text.length > SNIFF_BYTES ? text.slice(0, SNIFF_BYTES) : text);
  const doc = createDocument({ path, ...(absPath !== undefined ? { absPath } : {}), kind, language: languageOf(path, kind), text });
  const raws: RawReport[] = [];
  // Nothing left over from work done outside a scan. The WASM grammars initialise
  // synchronously on first use (src/parsers/tree-sitter.ts): nothing to await before this.
  drainIncomplete(path);
  let mayHoldDirective = true;
  try {
    mayHoldDirective = runDocument(doc, setup, raws, notifications);
  } finally {
    runScanEndHooks();
    notifications.push(...drainIncomplete(path));
  }

  // Most files: nothing reported and no directive to check. Notifications still get the mask.
  if (raws.length === 0 && !(mayHoldDirective && text.includes(MARKER))) {
    return { findings: [], notifications: setup.settings.showSecrets || notifications.length === 0 ? notifications : notifications.map((n) => ({ ...n, message: redactKnown(n.message, new KnownSecrets(), new SecretPieces(), n.path === undefined ? [] : [n.path]) })) };
  }
  let located = raws.map(locate);
  // Allow-lists apply to every rule: a finding is dropped when its token, its identity or a
  // secret it carries matches `allow.patterns`, or when a key id it carries (or its line
  // shows) belongs to an allow-listed account.
  const { allowAccountIds } = setup.settings;
  if (setup.allowPatterns.length > 0 || allowAccountIds.length > 0) {
    located = located.filter(({ raw }) => {
      const values = [raw.doc.text.slice(raw.descriptor.start, raw.descriptor.end), ...(raw.descriptor.identity !== undefined ? [raw.descriptor.identity] : [])];
      for (const sec of raw.descriptor.secrets ?? []) values.push(raw.doc.text.slice(sec.start, sec.end));
      if (setup.allowPatterns.some((re) => values.some((v) => re.test(v)))) return false;
      if (allowAccountIds.length > 0) {
        const line = raw.doc.lines.lineText(raw.doc.lines.lineOf(raw.descriptor.start) + 1);
        for (const v of [...values, line]) {
          for (const m of v.matchAll(accessKeyIdPattern())) {
            const account = decodeAccountId(m[0]);
            if (account !== undefined && allowAccountIds.includes(account)) return false;
          }
        }
      }
      return true;
    });
  }
  // Deterministic order before fingerprint occurrence counting and de-duplication.
  // On a tie (the same token found in the host text and in a document embedded in it), the
  // deepest document wins: its finding says where the token sits (`in user_data heredoc`).
  located.sort(
    (a, b) =>
      a.start - b.start ||
      a.end - b.end ||
      (a.raw.active.rule.id < b.raw.active.rule.id ? -1 : a.raw.active.rule.id > b.raw.active.rule.id ? 1 : 0) ||
      b.raw.doc.depth - a.raw.doc.depth,
  );

  // Every secret any rule found in this file is masked in every snippet of the file.
  const allSecrets = new SecretIndex(located.flatMap((l) => l.secrets));
  const secretValues = new KnownSecrets();
  const secretPieces = new SecretPieces();
  for (const { raw } of located) {
    for (const sec of raw.descriptor.secrets ?? []) {
      const value = raw.doc.text.slice(sec.start, sec.end);
      secretValues.add(value, sec.kind);
      secretPieces.add(value);
    }
  }
  const lines = doc.lines;
  const maskedLines = new Map<number, string>();
  const maskedLine = (line: number): string => {
    let masked = maskedLines.get(line);
    if (masked === undefined) {
      const full = lines.lineText(line);
      if (setup.settings.showSecrets === true) masked = full;
      else {
        const base = lines.lineStart(line);
        const ranges = allSecrets.overlapping(base, base + full.length).map((r) => ({ start: r.start - base, end: r.end - base, kind: r.kind }));
        masked = maskFindingLine(full, [...ranges, ...secretPieces.ranges(full)]);
      }
      maskedLines.set(line, masked);
    }
    return masked;
  };
  const directives = located.length > 0 || (mayHoldDirective && text.includes(MARKER)) ? parseDirectives(text, lines) : [];
  const used = new Set<Directive>();

  // A more specific rule's finding replaces a general one at the very same range.
  const superseded = new Set<string>();
  for (const l of located) {
    for (const id of l.raw.active.rule.supersedes ?? []) superseded.add(`${id}\0${l.start}\0${l.end}`);
  }

  // One defect, one finding: a generic key finding whose secrets a more specific rule's
  // finding covers is absorbed by it (src/engine/coverage.ts); the keeper names the key.
  const absorbed = findAbsorbed(located.map((l) => ({ rule: l.raw.active.rule, start: l.start, end: l.end, secrets: l.secrets })));
  const absorbedInto = new Map<number, Located[]>();
  for (const index of absorbed.keys()) {
    const keeper = keeperOf(index, absorbed);
    absorbedInto.set(keeper, [...(absorbedInto.get(keeper) ?? []), located[index] as Located]);
  }

  const findings: Finding[] = [];
  const seen = new Set<string>();
  const occurrences = new Map<string, number>();
  for (const [index, l] of located.entries()) {
    const { raw } = l;
    const rule = raw.active.rule;
    const dedupeKey = `${rule.id}\0${l.start}\0${l.end}`;
    if (seen.has(dedupeKey) || superseded.has(dedupeKey) || absorbed.has(index)) continue;
    seen.add(dedupeKey);

    const start = lines.position(l.start);
    const end = lines.position(l.end);
    const identity = raw.descriptor.identity ?? raw.doc.text.slice(raw.descriptor.start, raw.descriptor.end);
    const baseFingerprint = hashHex(`${rule.id}\0${path}\0${identity}`);
    const n = occurrences.get(baseFingerprint) ?? 0;
    occurrences.set(baseFingerprint, n + 1);

    const template = rule.messages[raw.descriptor.messageId];
    if (template === undefined) {
      notifications.push({ id: 'rule-error', level: 'error', path, message: `${path}: rule ${rule.id} used unknown message id "${raw.descriptor.messageId}"` });
      continue;
    }
    const snippet = buildSnippet(lines, start, end, maskedLine);
    let suppression: Finding['suppression'];
    for (const d of directives) {
      if (directiveCovers(d, rule.id, start.line, end.line)) {
        used.add(d);
        suppression = { kind: 'inSource', ...(d.justification ? { justification: d.justification } : {}) };
        break;
      }
    }
    const embeddedIn = embeddingPath(raw.doc);
    const formatted = withAbsorbedKeys(formatMessage(template, raw.descriptor.data), rule.id, absorbedInto.get(index), setup.settings.showSecrets === true);
    const refersTo = raw.descriptor.refersTo ? referencedRegion(raw.descriptor.refersTo, path, raw.doc) : undefined;
    // The paths the finding names are shown as its path fields show them.
    const keep = refersTo ? [path, refersTo.path] : [path];
    findings.push({
      ruleId: rule.id,
      messageId: raw.descriptor.messageId,
      message: setup.settings.showSecrets ? formatted : redactKnown(formatted, secretValues, secretPieces, keep),
      severity: keeperSeverity(raw.descriptor.severity ?? raw.active.severity, absorbedInto.get(index)),
      path,
      region: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column },
      snippet: snippet.text,
      ...(snippet.column > 1 ? { snippetColumn: snippet.column } : {}),
      fingerprint: `${baseFingerprint}:${n + 1}`,
      ...(embeddedIn.length > 0 ? { embeddedIn } : {}),
      kind: rootDocument(raw.doc).kind,
      ...(suppression ? { suppression } : {}),
      ...(refersTo ? { refersTo } : {}),
      ...extrasOf(raw, lines, (m) => (setup.settings.showSecrets ? m : redactKnown(m, secretValues, secretPieces, keep))),
    });
  }

  for (const d of directives) {
    const unknown = d.ruleIds.filter((id) => !setup.knownRuleIds.has(id));
    for (const id of unknown) {
      notifications.push({
        id: 'unknown-suppression',
        level: 'error',
        path,
        line: d.line,
        column: d.column,
        message: `${path}:${d.line}:${d.column}: suppression names unknown rule id "${id}"; it suppresses nothing`,
      });
    }
    if (setup.reportUnusedSuppressions && !used.has(d) && unknown.length === 0) {
      notifications.push({
        id: 'unknown-suppression',
        level: 'note',
        path,
        line: d.line,
        column: d.column,
        message: `${path}:${d.line}:${d.column}: unused suppression${d.ruleIds.length ? ` for ${d.ruleIds.join(', ')}` : ''}: nothing was reported there`,
      });
    }
  }
  // Belt and braces: a notification (a parse error quoting a line, say) never shows a secret.
  const safeNotes = setup.settings.showSecrets ? notifications : notifications.map((n) => ({ ...n, message: redactKnown(n.message, secretValues, secretPieces, n.path === undefined ? [] : [n.path]) }));
  return { findings, notifications: safeNotes };
}

/**
 * A finding's related locations (mapped to the file like its own range) and properties,
 * every text through the same masking as messages.
 */
function extrasOf(raw: RawReport, lines: SourceDocument['lines'], mask: (s: string) => string): Pick<Finding, 'related' | 'flow' | 'properties'> {
  const { descriptor, doc } = raw;
  const out: { related?: Finding['related']; flow?: boolean; properties?: Finding['properties'] } = {};
  if (descriptor.related && descriptor.related.length > 0) {
    out.related = descriptor.related.map((r) => {
      const range = toFileRange(doc, r.start, Math.max(r.end, r.start + 1));
      const s = lines.position(range.start);
      const e = lines.position(range.end);
      return { region: { startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column }, message: mask(r.message) };
    });
    if (descriptor.flow) out.flow = true;
  }
  if (descriptor.properties) out.properties = maskPlain(descriptor.properties, mask) as Record<string, unknown>;
  return out;
}

function maskPlain(v: unknown, mask: (s: string) => string): unknown {
  if (typeof v === 'string') return mask(v);
  if (Array.isArray(v)) return v.map((x) => maskPlain(x, mask));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, maskPlain(x, mask)]));
  return v;
}

const SECRET_LABEL: Readonly<Record<SecretRange['kind'], string>> = {
  'access-key-id': 'access key id',
  'secret-access-key': 'secret access key',
  'session-token': 'session token',
  secret: 'secret',
};
/** A finding absorbing a whole credentials file names a few keys, not hundreds. */
const MAX_NAMED_KEYS = 3;

/**
 * The message of a finding that absorbed generic key findings, naming the keys it stands
 * for (`… (access key id AKIA…WXYZ, account 123456789012)`) unless it already does.
 */
/**
 * The kept finding of one defect is as severe as the most severe finding it absorbed: a plain
 * key that a specific rule reports at `warning` (a script that is not a bootstrap script) is
 * still the `error` the generic key rule makes it, and must still fail the build.
 */
function keeperSeverity(own: Severity, absorbed: readonly Located[] | undefined): Severity {
  let best = own;
  for (const a of absorbed ?? []) {
    const sev = a.raw.descriptor.severity ?? a.raw.active.severity;
    if (severityRank(sev) > severityRank(best)) best = sev;
  }
  return best;
}

function withAbsorbedKeys(message: string, keeperRule: string, absorbed: readonly Located[] | undefined, showSecrets: boolean): string {
  if (!absorbed || absorbed.length === 0) return message;
  const names: string[] = [];
  const done = new Set<string>();
  for (const a of [...absorbed].sort((x, y) => x.start - y.start)) {
    // Generic detectors report the exact key; a same-rule reference (`var.x`) adds nothing.
    if (a.raw.active.rule.id === keeperRule) continue;
    for (const sec of a.raw.descriptor.secrets ?? []) {
      const value = a.raw.doc.text.slice(sec.start, sec.end);
      if (done.has(value)) continue;
      done.add(value);
      const shown = showSecrets ? value : redact(value, sec.kind);
      if (message.includes(shown)) continue;
      const account = sec.kind === 'access-key-id' ? decodeAccountId(value) : undefined;
      names.push(`${SECRET_LABEL[sec.kind]} ${shown}${account !== undefined ? `, account ${account}` : ''}`);
    }
  }
  if (names.length === 0) return message;
  const listed = names.length > MAX_NAMED_KEYS ? [...names.slice(0, MAX_NAMED_KEYS), `${names.length - MAX_NAMED_KEYS} more`] : names;
  return `${message} (${listed.join('; ')})`;
}

/**
 * Masks every secret value known in the file, and anything shaped like a key, in a message.
 * Rules redact what they quote, but a message that quotes source text (a variable's default,
 * a parse error near a line) must not be the one place a secret gets out.
 */
function redactKnown(message: string, secretValues: KnownSecrets, pieces: SecretPieces, keep: readonly string[]): string {
  return maskKeeping(message, keep, (piece) => {
    const known = secretValues.redact(piece);
    return maskFindingLine(known, pieces.ranges(known));
  });
}

export async function scanFile(absPath: string, relPath: string, maxBytes: number, setup: ScanSetup): Promise<FileResult> {
  const read = await readTextFile(absPath, relPath, maxBytes);
  if (!read.ok) return { path: relPath, findings: [], notifications: [read.notification], bytes: 0, scanned: false };
  const { findings, notifications } = scanText(relPath, read.text, setup, undefined, absPath);
  return { path: relPath, findings, notifications: [...read.notifications, ...notifications], bytes: read.bytes, scanned: true };
}

/** Scans bytes that are not a file on disk (standard input) as the file at `path`. */
export function scanBytes(bytes: Uint8Array, path: string, maxBytes: number, setup: ScanSetup): FileResult {
  // Public signature in Uint8Array (types stand alone without @types/node); Buffer inside.
  const data = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (data.length > maxBytes) {
    return {
      path,
      findings: [],
      notifications: [{ id: 'file-too-large', level: 'warning', path, message: `${path}: skipped: ${formatBytes(data.length)} is over the size limit of ${formatBytes(maxBytes)} (set maxFileSize or --max-file-size)` }],
      bytes: 0,
      scanned: false,
    };
  }
  const decoded = decodeBytes(data, path);
  if (!decoded.ok) return { path, findings: [], notifications: [decoded.notification], bytes: 0, scanned: false };
  const { findings, notifications } = scanText(path, decoded.text, setup);
  return { path, findings, notifications: [...decoded.notifications, ...notifications], bytes: data.length, scanned: true };
}

/** The reported path and region of a range in another file, named relative to this file's path. */
function referencedRegion(ref: NonNullable<ReportDescriptor['refersTo']>, path: string, doc: SourceDocument): { path: string; region: Finding['region'] } {
  const host = rootDocument(doc);
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  const rel = host.absPath ? posix.relative(toSlashes(dirname(host.absPath)), toSlashes(ref.absPath)) : ref.absPath.slice(ref.absPath.lastIndexOf('/') + 1);
  const position = (offset: number) => {
    let line = 1;
    let lineStart = 0;
    for (let i = ref.text.indexOf('\n'); i !== -1 && i < offset; i = ref.text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    return { line, column: offset - lineStart + 1 };
  };
  const start = position(ref.start);
  const end = position(ref.end);
  return {
    path: posix.normalize(dir ? `${dir}/${rel}` : rel),
    region: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column },
  };
}

function toSlashes(p: string): string {
  return p.split(sep).join('/');
}
