// CloudFormation templates (YAML and JSON, SAM, CDK output) as a typed model with exact ranges.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
//
// One parser for both syntaxes: the `yaml` package reads JSON too (JSON is flow YAML), and
// keeps every node's source range. Intrinsic short forms (`!Ref`, `!Sub` …) stay on the nodes
// as tags and are normalised to the long form (`{Ref: …}`, `{"Fn::Sub": …}`) while keeping
// the tagged node's range.
//
// Evaluation is deliberately conservative: literals, `Fn::Sub` (with `${…}` kept as
// placeholders), `Fn::Join` (non-literal parts become placeholders), `Fn::Base64` (the
// text before encoding) and `Fn::ToJsonString` are computed; `Ref`/`Fn::GetAtt` become
// references; `Fn::If` is unknown with both branches kept as `alternatives`; everything
// else (`Fn::ImportValue`, `Fn::FindInMap` …) is unknown.
// Never a guess.
import { reportParseError, errorSummary } from './errors.js';
import { visit as visitJson } from 'jsonc-parser';
import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, parseDocument, ScalarType, type Node as YamlNode } from './yaml.js';
import type { SourceDocument } from '../engine/document.js';
import type { Notification } from '../engine/types.js';
import type { IacEntry, IacMap, IacString, IacValue, Range, TextPiece } from '../iac/value.js';
import { knownString, mapEntry, mapGet, placeholderText, toPlain } from '../iac/value.js';

/** Every intrinsic function with a YAML short form, by tag. */
const SHORT_FORMS: Readonly<Record<string, string>> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  '!Sub': 'Fn::Sub',
  '!GetAtt': 'Fn::GetAtt',
  '!Join': 'Fn::Join',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!Base64': 'Fn::Base64',
  '!If': 'Fn::If',
  '!Equals': 'Fn::Equals',
  '!Not': 'Fn::Not',
  '!And': 'Fn::And',
  '!Or': 'Fn::Or',
  '!FindInMap': 'Fn::FindInMap',
  '!ImportValue': 'Fn::ImportValue',
  '!GetAZs': 'Fn::GetAZs',
  '!Cidr': 'Fn::Cidr',
  '!Transform': 'Fn::Transform',
  '!ToJsonString': 'Fn::ToJsonString',
  '!Length': 'Fn::Length',
  '!ForEach': 'Fn::ForEach',
};

/**
 * No custom tags: the short forms stay on the nodes as unresolved tags (`node.tag`, a warning
 * we ignore, the node itself resolved as an untagged one: a scalar as a string, a collection
 * as itself) and convert() turns them into the long form. Declaring the ~60 scalar, sequence
 * and mapping variants as custom tags cost a third of the parse: yaml tests every plain
 * scalar against every custom tag.
 */
const PARSE_OPTIONS = { uniqueKeys: false, strict: false, prettyErrors: false } as const;

/**
 * yaml with no stack traces captured: every unresolved tag (each `!Ref`) is a YAMLWarning,
 * an Error, and capturing its stack cost more than the custom tags saved. Nothing reads the
 * stacks of yaml's errors (messages are reduced to codes, see errors.ts).
 */
function withoutStacks<T>(parse: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parse();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

// ---------------------------------------------------------------------------------------
// Scalars with positions

/** Length of a YAML double-quoted escape sequence starting at `src[j] === '\\'`. */
function escapeLength(src: string, j: number): number {
  const c = src[j + 1];
  if (c === 'x') return 4;
  if (c === 'u') return 6;
  if (c === 'U') return 10;
  if (c === '\r' && src[j + 2] === '\n') return 3;
  return 2;
}

/**
 * Maps a YAML scalar's value back to its source text, character by character: equal
 * characters are verbatim, escapes/folds are synthetic, indentation and quotes are
 * skipped. Works for plain, quoted, literal and folded scalars (and JSON strings).
 */
export function scalarPieces(value: string, src: string, start: number, end: number, style: string | undefined): TextPiece[] {
  const pieces: TextPiece[] = [];
  const push = (text: string, from: number, to: number, verbatim: boolean) => {
    const last = pieces[pieces.length - 1];
    if (verbatim && last?.verbatim && last.end === from) {
      pieces[pieces.length - 1] = { text: last.text + text, start: last.start, end: to, verbatim: true };
    } else pieces.push({ text, start: from, end: to, verbatim });
  };
  const double = style === ScalarType.QUOTE_DOUBLE;
  const single = style === ScalarType.QUOTE_SINGLE;
  let i = 0;
  let j = start;
  // Skip the opening quote so a value starting with a quote character cannot match it.
  if ((double || single) && (src[j] === '"' || src[j] === "'")) j++;
  while (i < value.length) {
    if (j >= end) {
      push(value.slice(i), start, end, false);
      break;
    }
    const c = value[i] as string;
    const s = src[j] as string;
    if (double && s === '\\') {
      const len = escapeLength(src, j);
      if (src[j + 1] === '\n' || src[j + 1] === '\r') {
        // Line continuation: the break and the next line's indentation produce nothing.
        j += len;
        while (j < end && (src[j] === ' ' || src[j] === '\t')) j++;
        continue;
      }
      push(c, j, j + len, false);
      i += 1;
      j += len;
      continue;
    }
    if (single && s === "'" && src[j + 1] === "'" && c === "'") {
      push(c, j, j + 2, false);
      i += 1;
      j += 2;
      continue;
    }
    if (s === c) {
      push(c, j, j + 1, true);
      i += 1;
      j += 1;
      continue;
    }
    if (c === ' ' && (s === '\n' || s === '\r')) {
      // A folded line break.
      const from = j;
      j += s === '\r' && src[j + 1] === '\n' ? 2 : 1;
      push(c, from, j, false);
      i += 1;
      continue;
    }
    j += 1; // indentation, quotes, block headers, comments between folded lines
  }
  return pieces;
}

// ---------------------------------------------------------------------------------------
// YAML → IacValue

interface ConvertContext {
  readonly src: string;
  /** Apply CloudFormation intrinsic evaluation. */
  readonly intrinsics: boolean;
}

function nodeRange(node: YamlNode): Range {
  const r = node.range;
  return r ? { start: r[0], end: r[1] } : { start: 0, end: 0 };
}

/** The range of the `!Tag` token written before a node. */
function tagRange(src: string, tag: string, node: YamlNode): Range {
  const start = nodeRange(node).start;
  const at = src.lastIndexOf(tag, start);
  return at >= 0 && start - at < 200 ? { start: at, end: at + tag.length } : { start, end: start };
}

function convertUntagged(node: YamlNode | null | undefined, ctx: ConvertContext, fallback: Range): IacValue {
  if (!node) return { kind: 'null', range: fallback };
  if (isAlias(node)) return { kind: 'unknown', reason: 'unsupported', range: nodeRange(node), label: 'YAML alias' };
  if (isScalar(node)) {
    const range = nodeRange(node);
    const v = node.value;
    if (typeof v === 'string') {
      const pieces = scalarPieces(v, ctx.src, range.start, range.end, node.type);
      return { kind: 'string', value: v, range, pieces };
    }
    if (typeof v === 'number') return { kind: 'number', value: v, range };
    if (typeof v === 'boolean') return { kind: 'bool', value: v, range };
    if (v === null || v === undefined) return { kind: 'null', range };
    return { kind: 'string', value: String(v), range };
  }
  if (isMap(node)) {
    const entries: IacEntry[] = [];
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as YamlNode | null;
      const key = keyNode && isScalar(keyNode) ? String(keyNode.value) : '';
      const keyRange = keyNode ? nodeRange(keyNode) : fallback;
      entries.push({ key, keyRange, value: convert(pair.value as YamlNode | null, ctx, { start: keyRange.end, end: keyRange.end }) });
    }
    const map: IacMap = { kind: 'map', entries, range: nodeRange(node) };
    return ctx.intrinsics ? evaluateIntrinsic(map, ctx) : map;
  }
  if (isSeq(node)) {
    return { kind: 'list', items: node.items.map((item) => convert(item as YamlNode, ctx, nodeRange(node))), range: nodeRange(node) };
  }
  return { kind: 'unknown', reason: 'unsupported', range: fallback };
}

function convert(node: YamlNode | null | undefined, ctx: ConvertContext, fallback: Range): IacValue {
  const tag = node?.tag;
  if (node && tag && ctx.intrinsics && SHORT_FORMS[tag]) {
    // `!Sub x` ≡ `{"Fn::Sub": x}`: the tag token stands for the key.
    const inner = convertUntagged(node, ctx, fallback);
    const range = nodeRange(node);
    const tr = tagRange(ctx.src, tag, node);
    const map: IacMap = { kind: 'map', entries: [{ key: SHORT_FORMS[tag] as string, keyRange: tr, value: inner }], range: { start: tr.start, end: range.end } };
    return evaluateIntrinsic(map, ctx);
  }
  return convertUntagged(node, ctx, fallback);
}

// ---------------------------------------------------------------------------------------
// JSON → IacValue (the fast path)

/**
 * A JSON text (`{…}` or `[…]`) read with jsonc-parser's scanner straight into the value model:
 * ~10x yaml's speed on JSON, with the same values and ranges yaml gives (JSON is flow YAML:
 * a string's range includes its quotes, its pieces map each character of the decoded value).
 * undefined when the text is not strict JSON — comments, trailing commas, NDJSON, anything
 * jsonc-parser reports — so that yaml reads it exactly as before, errors and all.
 */
export function jsonValue(src: string, intrinsics: boolean): IacValue | undefined {
  let first = 0;
  while (first < src.length && (src[first] === ' ' || src[first] === '\n' || src[first] === '\r' || src[first] === '\t')) first++;
  if (src[first] !== '{' && src[first] !== '[') return undefined;
  type Open = { kind: 'map'; start: number; entries: IacEntry[]; key?: string; keyRange?: Range } | { kind: 'list'; start: number; items: IacValue[] };
  const stack: Open[] = [];
  let root: IacValue | undefined;
  let failed = false;
  const ctx: ConvertContext = { src, intrinsics };
  const add = (value: IacValue) => {
    const top = stack[stack.length - 1];
    if (!top) root = value;
    else if (top.kind === 'list') top.items.push(value);
    else if (top.key !== undefined) {
      top.entries.push({ key: top.key, keyRange: top.keyRange as Range, value });
      top.key = undefined;
    } else failed = true;
  };
  try {
    visitJson(
    src,
    {
      onObjectBegin: (offset) => {
        stack.push({ kind: 'map', start: offset, entries: [] });
      },
      onObjectProperty: (property, offset, length) => {
        const top = stack[stack.length - 1];
        if (top?.kind !== 'map') failed = true;
        else {
          top.key = property;
          top.keyRange = { start: offset, end: offset + length };
        }
      },
      onObjectEnd: (offset, length) => {
        const top = stack.pop();
        if (top?.kind !== 'map') return void (failed = true);
        const map: IacMap = { kind: 'map', entries: top.entries, range: { start: top.start, end: offset + length } };
        add(intrinsics ? evaluateIntrinsic(map, ctx) : map);
      },
      onArrayBegin: (offset) => {
        stack.push({ kind: 'list', start: offset, items: [] });
      },
      onArrayEnd: (offset, length) => {
        const top = stack.pop();
        if (top?.kind !== 'list') return void (failed = true);
        add({ kind: 'list', items: top.items, range: { start: top.start, end: offset + length } });
      },
      onLiteralValue: (value: unknown, offset, length) => {
        const range = { start: offset, end: offset + length };
        if (typeof value === 'string') {
          // Without escapes the value is the text between the quotes: one verbatim piece.
          const pieces: TextPiece[] =
            value.length === 0 ? [] : length === value.length + 2 ? [{ text: value, start: offset + 1, end: offset + length - 1, verbatim: true }] : scalarPieces(value, src, range.start, range.end, ScalarType.QUOTE_DOUBLE);
          add({ kind: 'string', value, range, pieces });
        } else if (typeof value === 'number') add({ kind: 'number', value, range });
        else if (typeof value === 'boolean') add({ kind: 'bool', value, range });
        else if (value === null) add({ kind: 'null', range });
        else failed = true;
      },
      onComment: () => {
        failed = true;
      },
      onError: () => {
        failed = true;
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
    );
  } catch {
    // Nesting deeper than the stack (the scanner recurses): yaml reports it as before.
    return undefined;
  }
  return failed || stack.length > 0 ? undefined : root;
}

/** The first document of a text read by yaml, whatever it is (the reference jsonValue must equal on JSON). */
export function yamlValue(src: string, intrinsics: boolean): IacValue {
  return convert(withoutStacks(() => parseDocument(src, PARSE_OPTIONS)).contents as YamlNode | null, { src, intrinsics }, { start: 0, end: 0 });
}

// ---------------------------------------------------------------------------------------
// Intrinsic functions

const PLACEHOLDER_IN_SUB = /\$\{(?!!)[^}]*\}/;

/** Turns a single-key intrinsic map into its evaluated value; other maps come back unchanged. */
function evaluateIntrinsic(map: IacMap, ctx: ConvertContext): IacValue {
  if (map.entries.length !== 1) return map;
  const { key, value: arg } = map.entries[0] as IacEntry;
  const range = map.range;
  switch (key) {
    case 'Ref': {
      const target = knownString(arg);
      return target === undefined ? { kind: 'unknown', reason: 'dynamic', range, label: 'Ref' } : { kind: 'ref', target, range };
    }
    case 'Fn::GetAtt': {
      if (arg.kind === 'string') {
        const dot = arg.value.indexOf('.');
        if (dot > 0) return { kind: 'ref', target: arg.value.slice(0, dot), attribute: arg.value.slice(dot + 1), range };
      }
      if (arg.kind === 'list') {
        const target = knownString(arg.items[0]);
        const attribute = knownString(arg.items[1]);
        if (target !== undefined && attribute !== undefined) return { kind: 'ref', target, attribute, range };
      }
      return { kind: 'unknown', reason: 'dynamic', range, label: 'Fn::GetAtt' };
    }
    case 'Fn::Sub': {
      const template = arg.kind === 'list' ? arg.items[0] : arg;
      if (template?.kind !== 'string') return { kind: 'unknown', reason: 'dynamic', range, label: 'Fn::Sub' };
      return { ...template, range, hasPlaceholders: PLACEHOLDER_IN_SUB.test(template.value) };
    }
    case 'Fn::Base64':
      // The text before encoding: that is what the instance runs.
      return arg.kind === 'string' ? { ...arg, range } : arg.kind === 'unknown' || arg.kind === 'ref' ? { ...arg, range } : { kind: 'unknown', reason: 'dynamic', range, label: 'Fn::Base64' };
    case 'Fn::Join':
      return evaluateJoin(arg, range);
    case 'Fn::ToJsonString': {
      if (arg.kind !== 'map' && arg.kind !== 'list') return { kind: 'unknown', reason: 'dynamic', range, label: 'Fn::ToJsonString' };
      return { kind: 'string', value: JSON.stringify(toPlain(arg, true)), range, encoded: arg, hasPlaceholders: true };
    }
    case 'Fn::ImportValue':
      return { kind: 'unknown', reason: 'external', range, label: 'Fn::ImportValue' };
    case 'Fn::If': {
      // Not known which branch a stack takes, but both are written out: keep them, so that
      // checks of elements (a policy, a statement, an ARN) consider each one.
      const condition = arg.kind === 'list' ? knownString(arg.items[0]) : undefined;
      if (arg.kind !== 'list' || arg.items.length !== 3 || condition === undefined) return { kind: 'unknown', reason: 'dynamic', range, label: key };
      return { kind: 'unknown', reason: 'dynamic', range, label: key, condition, alternatives: [arg.items[1] as IacValue, arg.items[2] as IacValue] };
    }
    case 'Fn::Select':
    case 'Fn::Split':
    case 'Fn::FindInMap':
    case 'Fn::GetAZs':
    case 'Fn::Cidr':
    case 'Fn::Transform':
    case 'Fn::Length':
    case 'Fn::Equals':
    case 'Fn::Not':
    case 'Fn::And':
    case 'Fn::Or':
    case 'Fn::ForEach':
      return { kind: 'unknown', reason: 'dynamic', range, label: key };
    default:
      void ctx;
      return map;
  }
}


/** `Fn::Join [delim, [parts…]]`: literal parts verbatim, others as `${…}` placeholders. */
function evaluateJoin(arg: IacValue, range: Range): IacValue {
  if (arg.kind !== 'list' || arg.items.length !== 2) return { kind: 'unknown', reason: 'dynamic', range, label: 'Fn::Join' };
  const [delimNode, partsNode] = arg.items as [IacValue, IacValue];
  const delim = knownString(delimNode);
  if (delim === undefined || partsNode.kind !== 'list') return { kind: 'unknown', reason: 'dynamic', range, label: 'Fn::Join' };
  const pieces: TextPiece[] = [];
  let value = '';
  let hasPlaceholders = false;
  partsNode.items.forEach((part, index) => {
    if (index > 0 && delim.length > 0) {
      pieces.push({ text: delim, start: delimNode.range.start, end: delimNode.range.end, verbatim: false });
      value += delim;
    }
    if (part.kind === 'string') {
      pieces.push(...(part.pieces ?? [{ text: part.value, start: part.range.start, end: part.range.end, verbatim: false }]));
      value += part.value;
      if (part.hasPlaceholders) hasPlaceholders = true;
    } else if (part.kind === 'number' || part.kind === 'bool') {
      const text = String(part.value);
      pieces.push({ text, start: part.range.start, end: part.range.end, verbatim: false });
      value += text;
    } else {
      const text = placeholderText(part);
      pieces.push({ text, start: part.range.start, end: part.range.end, verbatim: false });
      value += text;
      hasPlaceholders = true;
    }
  });
  return { kind: 'string', value, range, pieces, hasPlaceholders };
}

// ---------------------------------------------------------------------------------------
// The template model

export interface CfnResource {
  readonly logicalId: string;
  readonly idRange: Range;
  /** `AWS::EC2::Instance`; empty when missing. */
  readonly type: string;
  /** Range of the type value (the token to report for an absence). */
  readonly typeRange: Range;
  readonly node: IacMap;
  readonly properties?: IacMap;
  readonly metadata?: IacValue;
}

export interface CfnParameter {
  readonly name: string;
  readonly nameRange: Range;
  readonly node: IacValue;
  readonly type?: string;
  readonly default?: IacValue;
  readonly noEcho: boolean;
}

export interface CfnOutput {
  readonly name: string;
  readonly nameRange: Range;
  readonly value?: IacValue;
}

export interface CfnTemplate {
  readonly root: IacMap;
  readonly resources: readonly CfnResource[];
  readonly resourcesById: ReadonlyMap<string, CfnResource>;
  readonly parameters: ReadonlyMap<string, CfnParameter>;
  readonly outputs: readonly CfnOutput[];
  /** `Transform: AWS::Serverless-2016-10-31`. */
  readonly isSam: boolean;
  /** Parse problems (the model holds what could be read). */
  readonly errors: readonly { message: string; offset: number }[];
}

/** A string's range without its quotes (`"AWS::EC2::Instance"` in JSON → the name itself). */
function unquoted(value: IacValue): Range {
  if (value.kind === 'string' && value.pieces?.length === 1 && value.pieces[0]!.verbatim) return { start: value.pieces[0]!.start, end: value.pieces[0]!.end };
  return value.range;
}

function buildTemplate(root: IacMap, errors: CfnTemplate['errors']): CfnTemplate {
  const resources: CfnResource[] = [];
  const resourcesSection = mapGet(root, 'Resources');
  if (resourcesSection?.kind === 'map') {
    for (const entry of resourcesSection.entries) {
      if (entry.value.kind !== 'map') continue;
      const typeEntry = mapEntry(entry.value, 'Type');
      const type = typeEntry?.value.kind === 'string' ? typeEntry.value.value : '';
      const properties = mapGet(entry.value, 'Properties');
      resources.push({
        logicalId: entry.key,
        idRange: entry.keyRange,
        type,
        typeRange: typeEntry ? unquoted(typeEntry.value) : entry.keyRange,
        node: entry.value,
        ...(properties?.kind === 'map' ? { properties } : {}),
        ...(mapGet(entry.value, 'Metadata') ? { metadata: mapGet(entry.value, 'Metadata') } : {}),
      });
    }
  }
  const parameters = new Map<string, CfnParameter>();
  const parametersSection = mapGet(root, 'Parameters');
  if (parametersSection?.kind === 'map') {
    for (const entry of parametersSection.entries) {
      const noEcho = knownString(mapGet(entry.value, 'NoEcho'));
      const def = mapGet(entry.value, 'Default');
      const type = knownString(mapGet(entry.value, 'Type'));
      parameters.set(entry.key, {
        name: entry.key,
        nameRange: entry.keyRange,
        node: entry.value,
        ...(type !== undefined ? { type } : {}),
        ...(def ? { default: def } : {}),
        noEcho: noEcho?.toLowerCase() === 'true',
      });
    }
  }
  const outputs: CfnOutput[] = [];
  const outputsSection = mapGet(root, 'Outputs');
  if (outputsSection?.kind === 'map') {
    for (const entry of outputsSection.entries) {
      const value = mapGet(entry.value, 'Value');
      outputs.push({ name: entry.key, nameRange: entry.keyRange, ...(value ? { value } : {}) });
    }
  }
  const transform = mapGet(root, 'Transform');
  const transforms = transform?.kind === 'list' ? transform.items : transform ? [transform] : [];
  const isSam = transforms.some((t) => knownString(t)?.startsWith('AWS::Serverless') === true);
  return {
    root,
    resources,
    resourcesById: new Map(resources.map((r) => [r.logicalId, r])),
    parameters,
    outputs,
    isSam,
    errors,
  };
}

const templates = new WeakMap<SourceDocument, CfnTemplate | null>();

/**
 * The template in a CloudFormation document, parsed once per document. Returns undefined
 * when nothing usable could be read. Parse errors are pushed to `notes` (the first caller
 * that passes `notes` gets them; later callers share the cached model).
 */
export function parseCloudFormation(doc: SourceDocument, notes?: Notification[]): CfnTemplate | undefined {
  const cached = templates.get(doc);
  if (cached !== undefined) return cached ?? undefined;
  let template: CfnTemplate | null = null;
  try {
    const json = jsonValue(doc.text, true);
    if (json) {
      if (json.kind === 'map') template = buildTemplate(json, []);
    } else {
      const parsed = withoutStacks(() => parseDocument(doc.text, PARSE_OPTIONS));
      const errors = parsed.errors.map((e) => ({ message: errorSummary(e), offset: e.pos[0] }));
      const root = convert(parsed.contents as YamlNode | null, { src: doc.text, intrinsics: true }, { start: 0, end: 0 });
      if (root.kind === 'map') template = buildTemplate(root, errors);
      if (errors.length > 0) reportParseErrors(doc, 'CloudFormation template', errors, notes);
    }
  } catch (error) {
    reportParseErrors(doc, 'CloudFormation template', [{ message: errorSummary(error), offset: 0 }], notes);
  }
  templates.set(doc, template);
  return template ?? undefined;
}

const yamlTrees = new WeakMap<SourceDocument, IacValue[]>();

/**
 * Every YAML document in a plain YAML/JSON file (Kubernetes manifests, docker-compose
 * files, Terraform plan JSON), without CloudFormation intrinsic evaluation. Cached.
 */
export function parseYamlDocuments(doc: SourceDocument, notes?: Notification[]): IacValue[] {
  const cached = yamlTrees.get(doc);
  if (cached) return cached;
  const json = jsonValue(doc.text, false);
  if (json) {
    const out = [json];
    yamlTrees.set(doc, out);
    return out;
  }
  const out: IacValue[] = [];
  try {
    const docs = withoutStacks(() => parseAllDocuments(doc.text, PARSE_OPTIONS));
    const list = Array.isArray(docs) ? docs : [];
    const errors: { message: string; offset: number }[] = [];
    for (const d of list) {
      errors.push(...d.errors.map((e) => ({ message: errorSummary(e), offset: e.pos[0] })));
      if (d.contents) out.push(convert(d.contents as YamlNode, { src: doc.text, intrinsics: false }, { start: 0, end: 0 }));
    }
    if (errors.length > 0) reportParseErrors(doc, doc.language === 'json' ? 'JSON' : 'YAML', errors, notes);
  } catch (error) {
    reportParseErrors(doc, 'YAML', [{ message: errorSummary(error), offset: 0 }], notes);
  }
  yamlTrees.set(doc, out);
  return out;
}

function reportParseErrors(doc: SourceDocument, what: string, errors: readonly { message: string; offset: number }[], notes: Notification[] | undefined): void {
  reportParseError(doc, errors[0], `parse the ${what}`, 'only text-based rules checked it', notes);
}

/** Reports the parse errors of an already-parsed template to `notes` (used by the extractor that owns notifications). */
export function notifyCloudFormationErrors(doc: SourceDocument, notes: Notification[]): void {
  // Only a template some rule needed is parsed: a keyword pre-filter may have spared the
  // parse, and a syntax error nobody had to read is not worth a 2 MB/s parse to find.
  if (!templates.has(doc)) return;
  const template = parseCloudFormation(doc, notes);
  if (template && template.errors.length > 0) reportParseErrors(doc, 'CloudFormation template', template.errors, notes);
  // reportParseError reports once per document: this only speaks when nothing was said yet.
  if (!template) reportParseErrors(doc, 'CloudFormation template', [{ message: 'the document is not a mapping', offset: 0 }], notes);
}

// ---------------------------------------------------------------------------------------
// Helpers

/** A property of a resource by path (`['MetadataOptions', 'HttpTokens']`). */
export function resourceProperty(resource: CfnResource, path: readonly string[]): IacEntry | undefined {
  let current: IacValue | undefined = resource.properties;
  let entry: IacEntry | undefined;
  for (const step of path) {
    entry = mapEntry(current, step);
    if (!entry) return undefined;
    current = entry.value;
  }
  return entry;
}

/** Whether a logical id names a template parameter or pseudo parameter (values that come from outside). */
export function isExternalName(template: CfnTemplate, name: string): boolean {
  return name.startsWith('AWS::') || template.parameters.has(name);
}

/** The string value a parameter certainly has when the stack is deployed with its default. */
export function parameterDefault(template: CfnTemplate, name: string): IacString | undefined {
  const def = template.parameters.get(name)?.default;
  return def?.kind === 'string' ? def : undefined;
}
