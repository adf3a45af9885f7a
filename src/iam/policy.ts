// The IAM policy model: a policy document parsed once into statements, every element with
// its exact source range, every value known, partly known or unknown — never guessed.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
//
// Every source form (CloudFormation/SAM, Terraform, policy JSON files, Serverless, and — once
// wired — CDK) produces the one value model of src/iac/value.ts (maps, lists, strings with
// pieces and ranges, refs, unknowns); `policyFromValue` / `policyFromStatements` turn that
// into this model. An extractor for another syntax (the CDK analysis in src/js) only has to
// build IacValues in IAM JSON shape with the ranges of its own tokens.
import type { IacEntry, IacMap, IacString, IacUnknown, IacValue, Range } from '../iac/value.js';
import { asList, branchChoices, branchItems, isNoValue, mapEntry, mapGet, valueTokenRange } from '../iac/value.js';
import { parseYamlDocuments } from '../parsers/cloudformation.js';
import { createDocument } from '../engine/document.js';
import { substringRange } from '../iac/value.js';

/** A string element of a policy. */
export interface PolicyString {
  /**
   * `known`: a literal. `partial`: a text with `${…}` placeholders for what is not known
   * (an ARN built with `!Sub`, `${AWS::AccountId}`, a Terraform interpolation). `unknown`:
   * a reference, a parameter, a conditional — nothing is known about it.
   */
  readonly state: 'known' | 'partial' | 'unknown';
  /** The literal (known), the text with `${…}` placeholders (partial), or undefined. */
  readonly value?: string;
  /** The token to report: the string without its quotes, or the expression. */
  readonly range: Range;
}

/** A list-valued element (`Action`, `Resource`, a principal type's ids, a condition's values). */
export interface PolicyList {
  /** Range of the key (`Action:`, `actions =`). */
  readonly keyRange: Range;
  /** Range of the whole value. */
  readonly range: Range;
  readonly items: readonly PolicyString[];
  /** Some items are not visible (the list itself is a reference, a `concat()`, a `for`…). */
  readonly incomplete: boolean;
}

export interface PolicyPrincipal {
  readonly keyRange: Range;
  readonly range: Range;
  /** `Principal: "*"`. */
  readonly star?: PolicyString;
  /** By type: `AWS`, `Service`, `Federated`, `CanonicalUser`. */
  readonly types: ReadonlyMap<string, PolicyList>;
  readonly incomplete: boolean;
}

export interface PolicyCondition {
  /** `StringEquals`, `ForAnyValue:StringLike`, `ArnLikeIfExists` … */
  readonly operator: string;
  /** The condition key as written (`aws:SourceArn`); compare case-insensitively. */
  readonly key: string;
  readonly keyRange: Range;
  readonly values: PolicyList;
}

export interface PolicyStatement {
  readonly index: number;
  readonly sid?: string;
  /** `Allow` / `Deny`, or undefined when not known. */
  readonly effect?: 'Allow' | 'Deny';
  readonly effectRange: Range;
  readonly range: Range;
  readonly action?: PolicyList;
  readonly notAction?: PolicyList;
  readonly resource?: PolicyList;
  readonly notResource?: PolicyList;
  readonly principal?: PolicyPrincipal;
  readonly notPrincipal?: PolicyPrincipal;
  /** undefined: no `Condition`. */
  readonly condition?: {
    readonly keyRange: Range;
    readonly entries: readonly PolicyCondition[];
    /** Parts of the block are not known statically (treated as narrowing). */
    readonly incomplete: boolean;
  };
  /** The `Fn::If` branches the statement is written in (`Condition=index`; see branchChoices). */
  readonly when?: readonly string[];
  readonly document: PolicyDocument;
}

/** What a document is for: it decides which rules look at it. */
export type PolicyKind = 'identity' | 'trust' | 'resource';

export interface PolicyDocument {
  readonly kind: PolicyKind;
  /** How messages name it: `AWS::IAM::Role App (inline policy s3)`, `aws_iam_policy.admin`, `policy.json`. */
  readonly label: string;
  /** Range to report problems of the whole document at (the policy's key or name). */
  readonly range: Range;
  readonly version?: PolicyString;
  readonly versionRange?: Range;
  readonly statements: readonly PolicyStatement[];
  /** Some statements are not visible (a reference, a merged document that is not known…). */
  readonly incomplete: boolean;
  /** Set for an AWS managed policy from the snapshot: its name (positions then all point at the attachment). */
  readonly managed?: string;
  /**
   * Written in another file of the Terraform module: it counts for the principals it reaches,
   * but its ranges are not positions in the scanned document and are never reported.
   */
  readonly foreign?: boolean;
  /** For a `foreign` document: the file it is written in (its ranges are offsets into that text). */
  readonly elsewhere?: SourceFile;
}

/** A file of the module other than the scanned one, as a finding's `refersTo` needs it. */
export interface SourceFile {
  readonly absPath: string;
  readonly text: string;
}

// ---------------------------------------------------------------------------------------
// From the value model

/** A value's string form in the policy model. */
export function policyString(value: IacValue): PolicyString {
  const range = valueTokenRange(value);
  if (value.kind === 'string') {
    if (value.hasPlaceholders) return { state: 'partial', value: value.value, range };
    return { state: 'known', value: value.value, range };
  }
  if (value.kind === 'number' || value.kind === 'bool') return { state: 'known', value: String(value.value), range };
  return { state: 'unknown', range };
}

function policyList(entry: IacEntry): PolicyList {
  const v = entry.value;
  const items: PolicyString[] = [];
  let incomplete = false;
  if (v.kind === 'list' || hasAlternatives(v)) {
    // `Fn::If` around the list or an item: every branch's items count (an element is reported where its branch writes it).
    for (const item of branchItems(v)) {
      if (item.kind === 'list' || item.kind === 'map' || item.kind === 'null') incomplete = true;
      else items.push(policyString(item));
    }
  } else if (v.kind === 'string' || v.kind === 'number' || v.kind === 'bool') items.push(policyString(v));
  else incomplete = true;
  // An unknown item may stand for any number of values (`var.actions` spliced in).
  if (items.some((i) => i.state === 'unknown')) incomplete = true;
  return { keyRange: entry.keyRange, range: v.range, items, incomplete };
}

function principalOf(entry: IacEntry): PolicyPrincipal {
  const v = entry.value;
  if (v.kind === 'string' || v.kind === 'number') {
    const s = policyString(v);
    return { keyRange: entry.keyRange, range: v.range, ...(s.state === 'known' && s.value === '*' ? { star: s } : {}), types: new Map(), incomplete: s.state !== 'known' || s.value !== '*' };
  }
  if (v.kind !== 'map') return { keyRange: entry.keyRange, range: v.range, types: new Map(), incomplete: true };
  const types = new Map<string, PolicyList>();
  for (const e of v.entries) {
    const list = policyList(e);
    const prev = types.get(e.key);
    types.set(e.key, prev ? { ...prev, items: [...prev.items, ...list.items], incomplete: prev.incomplete || list.incomplete } : list);
  }
  return { keyRange: entry.keyRange, range: v.range, types, incomplete: false };
}

function conditionOf(entry: IacEntry): NonNullable<PolicyStatement['condition']> {
  const out: PolicyCondition[] = [];
  let incomplete = false;
  if (entry.value.kind !== 'map') return { keyRange: entry.keyRange, entries: [], incomplete: true };
  for (const op of entry.value.entries) {
    if (op.value.kind !== 'map') {
      incomplete = true;
      continue;
    }
    for (const k of op.value.entries) out.push({ operator: op.key, key: k.key, keyRange: k.keyRange, values: policyList(k) });
  }
  return { keyRange: entry.keyRange, entries: out, incomplete };
}

export interface PolicyMeta {
  readonly kind: PolicyKind;
  readonly label: string;
  readonly range: Range;
  readonly managed?: string;
  readonly foreign?: boolean;
  readonly elsewhere?: SourceFile;
}

/**
 * A policy document from its value (a map with `Version` and `Statement`, or a JSON string
 * that holds one — heredoc, `jsonencode`, a CloudFormation string, `file()`). undefined when
 * the value is not a policy document at all; a document whose statements are not visible
 * comes back `incomplete` with none.
 */
export function policyFromValue(value: IacValue | undefined, meta: PolicyMeta): PolicyDocument | undefined {
  if (!value) return undefined;
  if (hasAlternatives(value)) return conditionalDocument(value, meta);
  const doc = documentValue(value);
  if (doc === 'unknown') return { ...metaOf(meta), statements: [], incomplete: true };
  if (!doc) return undefined;
  const statementEntry = mapEntry(doc, 'Statement');
  const versionEntry = mapEntry(doc, 'Version');
  const st = statementEntry?.value;
  const items = branchItems(st);
  return build(items, meta, versionEntry, st === undefined || (st.kind !== 'list' && st.kind !== 'map' && !hasAlternatives(st)));
}

function hasAlternatives(v: IacValue | undefined): v is IacUnknown & { readonly alternatives: readonly IacValue[] } {
  return v?.kind === 'unknown' && v.alternatives !== undefined;
}

/**
 * A document chosen by `Fn::If`: one document holding the statements of every branch (a
 * statement written identically in both counts once); a branch that is `AWS::NoValue` adds
 * nothing, one that is not known makes it incomplete.
 */
function conditionalDocument(value: IacValue, meta: PolicyMeta): PolicyDocument | undefined {
  let incomplete = false;
  let any = false;
  let version: IacEntry | undefined;
  // The `Statement` of each branch's document, the conditional kept, so that each statement knows its branch.
  const statementsOf = (v: IacValue): IacValue => {
    if (hasAlternatives(v)) return { kind: 'unknown', reason: 'dynamic', range: v.range, ...(v.condition !== undefined ? { condition: v.condition } : {}), alternatives: v.alternatives.map(statementsOf) };
    const empty: IacValue = { kind: 'list', items: [], range: v.range };
    if (isNoValue(v)) return empty;
    const doc = documentValue(v);
    if (doc === 'unknown') any = incomplete = true;
    if (!doc || doc === 'unknown') return empty;
    any = true;
    version ??= mapEntry(doc, 'Version');
    const st = mapGet(doc, 'Statement');
    if (st === undefined || (st.kind !== 'list' && st.kind !== 'map' && !hasAlternatives(st))) incomplete = true;
    return st ?? empty;
  };
  const items = branchItems(statementsOf(value));
  if (!any) return undefined;
  return build(items, meta, version, incomplete);
}

/**
 * A policy document from its statements, each a map in IAM JSON shape (`Effect`, `Action`,
 * `Resource`, `Principal`, `Condition` … with the ranges of the tokens that wrote them).
 * The entry point for source forms that build statements one by one (CDK
 * `new iam.PolicyStatement({...})`, Serverless `iamRoleStatements`).
 */
export function policyFromStatements(statements: readonly IacValue[], meta: PolicyMeta): PolicyDocument {
  return build(statements, meta, undefined, false);
}

function metaOf(meta: PolicyMeta): Pick<PolicyDocument, 'kind' | 'label' | 'range' | 'managed' | 'foreign' | 'elsewhere'> {
  return { kind: meta.kind, label: meta.label, range: meta.range, ...(meta.managed ? { managed: meta.managed } : {}), ...(meta.foreign ? { foreign: true } : {}), ...(meta.elsewhere ? { elsewhere: meta.elsewhere } : {}) };
}

function build(items: readonly IacValue[], meta: PolicyMeta, versionEntry: IacEntry | undefined, incompleteFromStart: boolean): PolicyDocument {
  let incomplete = incompleteFromStart;
  const statements: PolicyStatement[] = [];
  const document: PolicyDocument = {
    ...metaOf(meta),
    ...(versionEntry ? { version: policyString(versionEntry.value), versionRange: versionEntry.keyRange } : {}),
    statements,
    get incomplete() {
      return incomplete;
    },
  };
  items.forEach((item, index) => {
    if (item.kind !== 'map') {
      incomplete = true;
      return;
    }
    const e = (k: string) => mapEntry(item, k);
    const effectEntry = e('Effect');
    const effectValue = effectEntry ? policyString(effectEntry.value) : undefined;
    const effectText = effectValue?.state === 'known' ? effectValue.value : undefined;
    const effect = effectText === 'Allow' || effectText === 'Deny' ? effectText : undefined;
    const sid = e('Sid');
    const when = branchChoices(item);
    const st: PolicyStatement = {
      index,
      ...(when.length > 0 ? { when } : {}),
      ...(sid && sid.value.kind === 'string' ? { sid: sid.value.value } : {}),
      ...(effect ? { effect } : {}),
      effectRange: effectEntry ? valueTokenRange(effectEntry.value) : item.range,
      range: item.range,
      ...opt('action', e('Action'), policyList),
      ...opt('notAction', e('NotAction'), policyList),
      ...opt('resource', e('Resource'), policyList),
      ...opt('notResource', e('NotResource'), policyList),
      ...opt('principal', e('Principal'), principalOf),
      ...opt('notPrincipal', e('NotPrincipal'), principalOf),
      ...opt('condition', e('Condition'), conditionOf),
      document,
    };
    statements.push(st);
  });
  return document;
}

function opt<K extends string, T>(key: K, entry: IacEntry | undefined, f: (e: IacEntry) => T): { [P in K]?: T } {
  return (entry ? { [key]: f(entry) } : {}) as { [P in K]?: T };
}

/** The map holding the document: the value itself, the structure under `jsonencode`, or a JSON string parsed with positions. */
function documentValue(value: IacValue): IacMap | 'unknown' | undefined {
  if (value.kind === 'map') return value;
  if (value.kind === 'ref' || value.kind === 'unknown') return 'unknown';
  if (value.kind !== 'string') return undefined;
  if (value.encoded) return value.encoded.kind === 'map' ? value.encoded : 'unknown';
  const parsed = parseJsonString(value);
  if (parsed === undefined) return value.hasPlaceholders ? 'unknown' : undefined;
  return parsed.kind === 'map' ? parsed : undefined;
}

const jsonCache = new WeakMap<IacString, IacValue | null>();

/**
 * A JSON text held in a string value (a heredoc, a CloudFormation JSON string), parsed with
 * every range mapped back into the host document through the string's pieces: exact inside
 * verbatim text, the whole piece otherwise (a file read by `file()`, an escape).
 */
export function parseJsonString(value: IacString): IacValue | undefined {
  const cached = jsonCache.get(value);
  if (cached !== undefined) return cached ?? undefined;
  let out: IacValue | null = null;
  const text = value.value.trim();
  if (text.startsWith('{')) {
    // `${…}` placeholders inside JSON strings are fine; outside a string they break JSON
    // (`"Resource": ${var.arns}`): then the document is not known.
    const doc = createDocument({ path: 'policy.json', kind: 'text', language: 'json', text: value.value });
    const [root] = parseYamlDocuments(doc);
    if (root && root.kind === 'map' && !/^\s*\{[\s\S]*\$\{[^}"]*\}\s*[,}\]]/.test(stripStrings(value.value))) {
      out = remap(root, value);
    }
  }
  jsonCache.set(value, out);
  return out ?? undefined;
}

/** The JSON text with string contents blanked (so a test for bare `${…}` ignores quoted ones). */
function stripStrings(text: string): string {
  return text.replace(/"(?:[^"\\]|\\.)*"/g, '""');
}

function remap(v: IacValue, host: IacString): IacValue {
  const r = (range: Range): Range => substringRange(host, range.start, range.end);
  switch (v.kind) {
    case 'string': {
      const range = r(v.range);
      // The string's own text sits one character inside its quotes.
      const inner = substringRange(host, v.range.start + 1, Math.max(v.range.start + 1, v.range.end - 1));
      const placeholders = host.hasPlaceholders === true && v.value.includes('${');
      return { kind: 'string', value: v.value, range, pieces: [{ text: v.value, start: inner.start, end: inner.end, verbatim: false }], ...(placeholders ? { hasPlaceholders: true } : {}) };
    }
    case 'list':
      return { kind: 'list', items: v.items.map((i) => remap(i, host)), range: r(v.range) };
    case 'map':
      return { kind: 'map', entries: v.entries.map((e) => ({ key: e.key, keyRange: r(e.keyRange), value: remap(e.value, host) })), range: r(v.range) };
    default:
      return { ...v, range: r(v.range) };
  }
}

/** The policy model of a plain JSON value (an AWS managed policy from the snapshot), every range at `at`. */
export function policyFromPlain(plain: unknown, meta: PolicyMeta, at: Range): PolicyDocument | undefined {
  return policyFromValue(plainValue(plain, at), meta);
}

function plainValue(v: unknown, range: Range): IacValue {
  if (typeof v === 'string') return { kind: 'string', value: v, range };
  if (typeof v === 'number') return { kind: 'number', value: v, range };
  if (typeof v === 'boolean') return { kind: 'bool', value: v, range };
  if (v === null || v === undefined) return { kind: 'null', range };
  if (Array.isArray(v)) return { kind: 'list', items: v.map((i) => plainValue(i, range)), range };
  return { kind: 'map', entries: Object.entries(v as Record<string, unknown>).map(([key, val]) => ({ key, keyRange: range, value: plainValue(val, range) })), range };
}

/** Items of a list that are known literals. */
export function knownItems(list: PolicyList | undefined): string[] {
  return (list?.items ?? []).filter((i) => i.state === 'known').map((i) => i.value as string);
}

/** Whether a Resource list certainly holds the bare `*`. */
export function resourceStar(st: PolicyStatement): PolicyString | undefined {
  return st.resource?.items.find((i) => i.state === 'known' && i.value === '*');
}

export { asList };
