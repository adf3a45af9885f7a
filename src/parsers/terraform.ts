// Terraform configuration (`.tf` via the HCL reader in hcl.ts, `.tf.json`) as blocks with exact ranges,
// and a static evaluator that knows what it does not know.
// https://developer.hashicorp.com/terraform/language/syntax/configuration
// https://developer.hashicorp.com/terraform/language/syntax/json
// https://developer.hashicorp.com/terraform/language/expressions/strings
//
// Evaluated: string literals (escapes decoded, mapped per character), heredocs (`<<EOF`,
// `<<-EOF` with the common indentation stripped per line), templates (`${…}` and `%{…}`
// kept verbatim as placeholders), numbers/bools/null, tuples and objects, `jsonencode`,
// `base64encode` (the text before encoding), `base64decode` of a literal, `file()` and
// `templatefile()` relative to the module directory (read from disk), `var.x` with a
// default in the module, `local.x`, `path.module`, `data.aws_iam_policy_document.x.json`.
// References to managed resources become `ref`s. Everything else (conditionals, for
// expressions, `data` sources, `module` outputs, variables without default) is `unknown`:
// a rule must stay silent on it rather than guess.
import { reportParseError } from './errors.js';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readRegularFile } from '../engine/read.js';
import { dirname, join, resolve as resolvePath } from 'node:path';
import type { SourceDocument } from '../engine/document.js';
import type { Notification } from '../engine/types.js';
import type { IacEntry, IacMap, IacString, IacValue, Range, TextPiece } from '../iac/value.js';
import { knownString, mapEntry, mapGet, toPlain } from '../iac/value.js';
import { parseHcl, type HclBlock, type HclExpr, type HclLabel, type HclParse, type Span, type TemplatePart } from './hcl.js';
import { reportIncomplete } from '../engine/budget.js';
import { parseYamlDocuments } from './cloudformation.js';

// ---------------------------------------------------------------------------------------
// Model

export interface TfLabel {
  readonly value: string;
  readonly range: Range;
}

export interface TfAttribute {
  readonly name: string;
  readonly nameRange: Range;
  /** Range of the value expression. */
  readonly range: Range;
  /** The evaluated value (computed on first use, then cached). */
  value(): IacValue;
  /** The expression's syntax (native syntax only). */
  readonly node?: HclExpr;
  /** The expression's source text (for JSON syntax, the JSON value's text). */
  source(): string;
}

export interface TfBlock {
  /** `resource`, `data`, `provider`, `variable`, `locals`, `terraform`, `backend`, nested block names… */
  readonly type: string;
  readonly typeRange: Range;
  readonly labels: readonly TfLabel[];
  readonly range: Range;
  readonly file: TfFile;
  attributes(): readonly TfAttribute[];
  attribute(name: string): TfAttribute | undefined;
  blocks(type?: string): readonly TfBlock[];
}

export interface TfFile {
  /** Absolute path when known, else the document path. */
  readonly path: string;
  readonly text: string;
  readonly syntax: 'hcl' | 'json';
  readonly blocks: readonly TfBlock[];
  /** Set for the file being scanned; sibling files read from disk have no document. */
  readonly document?: SourceDocument;
  /** Module directory on disk, when known. */
  readonly dir?: string;
  readonly errors: readonly { message: string; offset: number }[];
}

export interface TfModule {
  readonly dir?: string;
  /** The scanned file first, then its siblings. */
  readonly files: readonly TfFile[];
  readonly variables: ReadonlyMap<string, TfBlock>;
  readonly locals: ReadonlyMap<string, TfAttribute>;
  /** `type.name` → block, managed resources. */
  readonly resources: ReadonlyMap<string, TfBlock>;
  /** `type.name` → block, data sources. */
  readonly data: ReadonlyMap<string, TfBlock>;
}

function rangeOf(node: Span): Range {
  return { start: node.start, end: node.end };
}

// ---------------------------------------------------------------------------------------
// Native syntax

function labelOf(label: HclLabel): TfLabel {
  return { value: label.value, range: { start: label.start, end: label.end } };
}

function hclBlock(node: HclBlock, file: () => TfFile): TfBlock {
  let attrs: TfAttribute[] | undefined;
  let nested: TfBlock[] | undefined;
  const load = () => {
    if (attrs) return;
    attrs = [];
    nested = [];
    for (const child of node.body) {
      if (child.item === 'attribute') {
        const expr = child.expr;
        let cached: IacValue | undefined;
        const f = file;
        attrs.push({
          name: child.name,
          nameRange: { start: child.nameStart, end: child.nameEnd },
          range: rangeOf(expr),
          node: expr,
          source: () => f().text.slice(expr.start, expr.end),
          value: () => (cached ??= evaluate(expr, scopeOf(f()), 0)),
        });
      } else nested.push(hclBlock(child, file));
    }
  };
  return {
    type: node.type,
    typeRange: { start: node.typeStart, end: node.typeEnd },
    labels: node.labels.map(labelOf),
    range: rangeOf(node),
    get file() {
      return file();
    },
    attributes: () => (load(), attrs as TfAttribute[]),
    attribute: (name) => (load(), (attrs as TfAttribute[]).find((a) => a.name === name)),
    blocks: (type) => (load(), type === undefined ? (nested as TfBlock[]) : (nested as TfBlock[]).filter((b) => b.type === type)),
  };
}

/** One parse of native syntax (plain objects: nothing to free). */
function parseHclTree(text: string): { tree: HclParse; timedOut: boolean } {
  const tree = parseHcl(text);
  return { tree, timedOut: tree.timedOut };
}

/**
 * The file model over a parsed tree. Building it is cheap (blocks are read lazily): one tree
 * serves both the scanned document's view of a file and the sibling view other files of the
 * module see.
 */
function hclFile(tree: HclParse, text: string, path: string, dir: string | undefined, document: SourceDocument | undefined): TfFile {
  let file: TfFile | undefined;
  const getFile = () => file as TfFile;
  const blocks: TfBlock[] = [];
  for (const child of tree.body) if (child.item === 'block') blocks.push(hclBlock(child, getFile));
  // The message names the construct, never the source text: the broken line may be the very
  // `secret_key = …` the user is being warned about, and notifications are printed.
  const first = tree.errors[0];
  const errors = first ? [{ message: `syntax error (${first.message})`, offset: first.offset }] : [];
  file = { path, text, syntax: 'hcl', blocks, ...(document ? { document } : {}), ...(dir ? { dir } : {}), errors };
  return file;
}

// ---------------------------------------------------------------------------------------
// JSON syntax (.tf.json)

/** A `"${…}"` string that is a single reference, as Terraform JSON writes expressions. */
const JSON_SINGLE_REF = /^\$\{\s*([A-Za-z_][\w-]*(?:\.[A-Za-z_*][\w-]*|\[\d+\])*)\s*\}$/;

function jsonValue(value: IacValue, file: () => TfFile): IacValue {
  if (value.kind === 'string') {
    const m = JSON_SINGLE_REF.exec(value.value);
    if (m) return resolveTraversal((m[1] as string).replace(/\[\d+\]/g, '').split('.'), value.range, scopeOf(file()), 0);
    return value.value.includes('${') ? { ...value, hasPlaceholders: true } : value;
  }
  if (value.kind === 'list') return { ...value, items: value.items.map((v) => jsonValue(v, file)) };
  if (value.kind === 'map') return { ...value, entries: value.entries.map((e) => ({ ...e, value: jsonValue(e.value, file) })) };
  return value;
}

/** Terraform JSON: `{"resource": {"type": {"name": {…}}}}`; block bodies may also be arrays of objects. */
function jsonBlocksOf(type: string, typeRange: Range, labelDepth: number, value: IacValue, file: () => TfFile, labels: TfLabel[] = []): TfBlock[] {
  const bodies = value.kind === 'list' ? value.items : [value];
  const out: TfBlock[] = [];
  for (const body of bodies) {
    if (body.kind !== 'map') continue;
    if (labelDepth > 0) {
      for (const e of body.entries) out.push(...jsonBlocksOf(type, typeRange, labelDepth - 1, e.value, file, [...labels, { value: e.key, range: e.keyRange }]));
      continue;
    }
    out.push(jsonBlock(type, typeRange, labels, body, file));
  }
  return out;
}

/** Nested block names whose JSON object form is a block, not an attribute map. */
const JSON_NESTED_BLOCKS = new Set([
  'metadata_options', 'provisioner', 'launch_template', 'iam_instance_profile', 'environment', 'inline_policy',
  'statement', 'principals', 'condition', 'assume_role', 'mixed_instances_policy', 'launch_template_specification',
  'launch_specification', 'root_block_device', 'backend', 'connection', 'variables', 'override',
  'dynamic', 'content', 'launch_template_config', 'setting',
]);

function jsonBlock(type: string, typeRange: Range, labels: TfLabel[], body: IacMap, file: () => TfFile): TfBlock {
  const attrs: TfAttribute[] = [];
  const nested: TfBlock[] = [];
  for (const e of body.entries) {
    const isBlock = JSON_NESTED_BLOCKS.has(e.key) && (e.value.kind === 'map' || (e.value.kind === 'list' && e.value.items.every((i) => i.kind === 'map')));
    // `environment { variables = {…} }` is a block; `variables` inside it is an attribute.
    if (isBlock && !(e.key === 'variables' && type === 'environment')) {
      const depth = e.key === 'provisioner' || e.key === 'backend' || e.key === 'dynamic' ? 1 : 0;
      nested.push(...jsonBlocksOf(e.key, e.keyRange, depth, e.value, file));
    }
    let cached: IacValue | undefined;
    attrs.push({ name: e.key, nameRange: e.keyRange, range: e.value.range, source: () => file().text.slice(e.value.range.start, e.value.range.end), value: () => (cached ??= jsonValue(e.value, file)) });
  }
  return {
    type,
    typeRange,
    labels,
    range: body.range,
    get file() {
      return file();
    },
    attributes: () => attrs,
    attribute: (name) => attrs.find((a) => a.name === name),
    blocks: (t) => (t === undefined ? nested : nested.filter((b) => b.type === t)),
  };
}

const JSON_TOP_LEVEL_LABELS: Readonly<Record<string, number>> = {
  resource: 2, data: 2, provider: 1, variable: 1, output: 1, module: 1, locals: 0, terraform: 0,
};

function parseTfJson(document: SourceDocument | undefined, text: string, path: string, dir: string | undefined): TfFile {
  let file: TfFile | undefined;
  const getFile = () => file as TfFile;
  const doc: SourceDocument = document ?? pseudoDocument(path, text);
  const roots = parseYamlDocuments(doc);
  const root = roots[0];
  const blocks: TfBlock[] = [];
  if (root?.kind === 'map') {
    for (const e of root.entries) {
      const depth = JSON_TOP_LEVEL_LABELS[e.key];
      if (depth === undefined) continue;
      blocks.push(...jsonBlocksOf(e.key, e.keyRange, depth, e.value, getFile));
    }
  }
  file = { path, text, syntax: 'json', blocks, ...(document ? { document } : {}), ...(dir ? { dir } : {}), errors: root ? [] : [{ message: 'not a JSON object', offset: 0 }] };
  return file;
}

function pseudoDocument(path: string, text: string): SourceDocument {
  // Only what parseYamlDocuments reads; a real LineIndex is not needed for sibling files.
  return { path, kind: 'terraform', language: 'json', text, lines: { position: () => ({ line: 1, column: 1 }) } as unknown as SourceDocument['lines'], bootstrap: false, depth: 0 };
}

// ---------------------------------------------------------------------------------------
// Parsing entry points and caches

const files = new WeakMap<SourceDocument, TfFile>();

export function isTerraformJsonPath(path: string): boolean {
  return /\.(?:tf|tofu)\.json$/i.test(path);
}

/** Whether some rule or extractor has already parsed this document. */
export function isTerraformParsed(doc: SourceDocument): boolean {
  return files.has(doc);
}

/** The Terraform file in a document (`.tf` or `.tf.json`), parsed once per document. */
export function parseTerraform(doc: SourceDocument, notes?: Notification[]): TfFile {
  let file = files.get(doc);
  if (!file) {
    const dir = doc.absPath ? dirname(doc.absPath) : undefined;
    const path = doc.absPath ?? doc.path;
    if (isTerraformJsonPath(doc.path)) file = parseTfJson(doc, doc.text, path, dir);
    else {
      // A file on disk shares its directory's module cache: a file already parsed as the
      // sibling of another one is not parsed again (same text, same tree), and its own parse
      // serves its siblings.
      const entry = doc.depth === 0 && doc.absPath && dir ? cachedHcl(dir, doc.absPath, doc.text) : undefined;
      const parsed = entry?.tree ? { tree: entry.tree, timedOut: entry.timedOut } : parseHclTree(doc.text);
      if (parsed.timedOut) reportIncomplete(doc, 'the Terraform parser ran out of its time budget');
      file = hclFile(parsed.tree, doc.text, path, dir, doc);
    }
    files.set(doc, file);
  }
  reportParseError(doc, file.errors[0], 'fully parse the Terraform file', 'the readable blocks were still checked', notes);
  return file;
}

/**
 * The parsed files of recently visited module directories, each parsed at most once per
 * (text, size, mtime). Files are scanned in path order (and handed to worker threads in
 * consecutive batches), so a few directories are enough — path order interleaves a directory
 * with its subdirectories (`m/a.tf`, `m/sub/x.tf`, `m/z.tf`), hence more than one.
 */
interface CachedTf {
  /** `size:mtime` when read, or '' when unknown (never matches a listing). */
  readonly stamp: string;
  readonly text: string;
  /** The native-syntax parse; undefined for `.tf.json`. */
  readonly tree: HclParse | undefined;
  readonly timedOut: boolean;
  /** The sibling view (no document), built on first use; `.tf.json` files have only this. */
  sibling?: TfFile;
}
interface DirCache {
  readonly files: Map<string, CachedTf>;
  /** The directory's Terraform files with their stat stamps, read once per directory visit. */
  listing?: Array<{ name: string; full: string; stamp: string; size: number }>;
}
const dirCaches = new Map<string, DirCache>();
/** Directories whose parses are kept (most recent last). */
const MAX_CACHED_DIRS = 4;
/** Modules larger than this are not read for cross-file resolution (cost bound). */
const MAX_SIBLING_BYTES = 4 * 1024 * 1024;

function dirCacheFor(dir: string): DirCache {
  let cache = dirCaches.get(dir);
  if (cache) {
    // Most recently used last.
    dirCaches.delete(dir);
    dirCaches.set(dir, cache);
    return cache;
  }
  while (dirCaches.size >= MAX_CACHED_DIRS) {
    dirCaches.delete(dirCaches.keys().next().value as string);
  }
  cache = { files: new Map() };
  dirCaches.set(dir, cache);
  return cache;
}

function statStamp(full: string): { stamp: string; size: number } | undefined {
  try {
    const s = statSync(full);
    return { stamp: `${s.size}:${s.mtimeMs}`, size: s.size };
  } catch {
    return undefined;
  }
}

/** The directory's Terraform files, listed and stat'ed once per visit. */
function listingOf(dir: string, cache: DirCache): NonNullable<DirCache['listing']> {
  if (cache.listing) return cache.listing;
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /\.(?:tf|tofu)(?:\.json)?$/i.test(n)).sort();
  } catch {
    names = [];
  }
  const listing: NonNullable<DirCache['listing']> = [];
  for (const name of names) {
    const full = join(dir, name);
    const st = statStamp(full);
    if (st) listing.push({ name, full, ...st });
  }
  cache.listing = listing;
  return listing;
}

/**
 * The cached parse of a scanned native-syntax file, parsing and caching it when its text is
 * not the one cached (a file read as a sibling before is the same text: reused).
 */
function cachedHcl(dir: string, absPath: string, text: string): CachedTf {
  const cache = dirCacheFor(dir);
  const name = absPath.slice(absPath.lastIndexOf('/') + 1);
  const hit = cache.files.get(name);
  if (hit && hit.text === text) return hit;
  const parsed = parseHclTree(text);
  // The stamp of the listing when there is one (no second stat), else of the file itself.
  const listed = cache.listing?.find((l) => l.name === name);
  const stamp = listed?.stamp ?? statStamp(absPath)?.stamp ?? '';
  const entry: CachedTf = { stamp, text, tree: parsed.tree, timedOut: parsed.timedOut };
  cache.files.set(name, entry);
  return entry;
}

/** The other `.tf`/`.tf.json` files of a module directory, parsed lazily and cached. */
function siblingFiles(dir: string, exclude: string): TfFile[] {
  const cache = dirCacheFor(dir);
  const listing = listingOf(dir, cache);
  const excluded = resolvePath(exclude);
  const out: TfFile[] = [];
  let total = 0;
  for (const { name, full, ...st } of listing) {
    if (resolvePath(full) === excluded) continue;
    total += st.size;
    if (total > MAX_SIBLING_BYTES) break;
    let entry = cache.files.get(name);
    if (!entry || entry.stamp !== st.stamp) {
      try {
        const text = readRegularFile(full, MAX_SIBLING_BYTES).toString('utf8');
        if (isTerraformJsonPath(name)) entry = { stamp: st.stamp, text, tree: undefined, timedOut: false, sibling: parseTfJson(undefined, text, full, dir) };
        else entry = { stamp: st.stamp, text, ...parseHclTree(text) };
        cache.files.set(name, entry);
      } catch {
        // unreadable sibling: its references stay unknown
        continue;
      }
    }
    entry.sibling ??= hclFile(entry.tree as HclParse, entry.text, full, dir, undefined);
    out.push(entry.sibling);
  }
  return out;
}

const modules = new WeakMap<TfFile, TfModule>();

/** The module a file belongs to: the file itself plus the other `.tf` files of its directory. */
export function moduleOf(file: TfFile): TfModule {
  let mod = modules.get(file);
  if (mod) return mod;
  const all = [file, ...(file.dir && file.document ? siblingFiles(file.dir, file.path) : [])];
  const variables = new Map<string, TfBlock>();
  const locals = new Map<string, TfAttribute>();
  const resources = new Map<string, TfBlock>();
  const data = new Map<string, TfBlock>();
  // Reverse order so the scanned file's own definitions win on duplicates.
  for (const f of [...all].reverse()) {
    for (const b of f.blocks) {
      const [l0, l1] = b.labels;
      if (b.type === 'variable' && l0) variables.set(l0.value, b);
      else if (b.type === 'locals') for (const a of b.attributes()) locals.set(a.name, a);
      else if (b.type === 'resource' && l0 && l1) resources.set(`${l0.value}.${l1.value}`, b);
      else if (b.type === 'data' && l0 && l1) data.set(`${l0.value}.${l1.value}`, b);
    }
  }
  mod = { ...(file.dir ? { dir: file.dir } : {}), files: all, variables, locals, resources, data };
  modules.set(file, mod);
  return mod;
}

/** Every block of the given type across the module, the scanned file's first. */
export function moduleBlocks(file: TfFile, type: string): TfBlock[] {
  return moduleOf(file).files.flatMap((f) => f.blocks.filter((b) => b.type === type));
}

// ---------------------------------------------------------------------------------------
// Evaluation

interface Scope {
  readonly file: TfFile;
}

function scopeOf(file: TfFile): Scope {
  return { file };
}

const MAX_DEPTH = 24;

function unknown(range: Range, reason: 'external' | 'dynamic' | 'unsupported', label?: string): IacValue {
  return { kind: 'unknown', reason, range, ...(label ? { label } : {}) };
}

/** A value found in another file cannot carry that file's ranges into this one: re-anchor it. */
function reanchor(value: IacValue, range: Range, sameFile: boolean): IacValue {
  // Same file: the pieces still map exactly; the value as a whole is reported at the reference.
  if (sameFile) return { ...value, range };
  switch (value.kind) {
    case 'string':
      return { kind: 'string', value: value.value, range, pieces: [{ text: value.value, start: range.start, end: range.end, verbatim: false }], ...(value.hasPlaceholders ? { hasPlaceholders: true } : {}), ...(value.encoded ? { encoded: reanchor(value.encoded, range, false) } : {}) };
    case 'list':
      return { kind: 'list', items: value.items.map((i) => reanchor(i, range, false)), range };
    case 'map':
      return { kind: 'map', entries: value.entries.map((e) => ({ key: e.key, keyRange: range, value: reanchor(e.value, range, false) })), range };
    default:
      return { ...value, range };
  }
}

/** Evaluates an expression (any of the reader's expression shapes). */
export function evaluate(node: HclExpr, scope: Scope, depth: number): IacValue {
  const range = rangeOf(node);
  if (depth > MAX_DEPTH) return unknown(range, 'unsupported', 'too deep');
  switch (node.kind) {
    case 'traversal': {
      const path = [node.root];
      // aws_instance.x[0].id → aws_instance.x.id: indexes and splats select among instances.
      for (const step of node.steps) if (step.kind === 'attr') path.push(step.name);
      return resolveTraversal(path, range, scope, depth + 1);
    }
    case 'number':
      return { kind: 'number', value: Number(scope.file.text.slice(node.start, node.end)), range };
    case 'bool':
      return { kind: 'bool', value: node.value, range };
    case 'null':
      return { kind: 'null', range };
    case 'template':
      return quotedString(node, scope, depth);
    case 'heredoc':
      return heredocString(node, scope, depth);
    case 'tuple':
      return { kind: 'list', items: node.items.map((c) => evaluate(c, scope, depth + 1)), range };
    case 'object': {
      const entries: IacEntry[] = [];
      for (const { key: k, value: v } of node.elems) {
        // `{ Name = x }`: a bare identifier key is the name itself, not a variable.
        const key = k.kind === 'traversal' && k.steps.length === 0 ? k.root : knownString(evaluate(k, scope, depth + 1));
        if (key === undefined) continue;
        entries.push({ key, keyRange: rangeOf(k), value: evaluate(v, scope, depth + 1) });
      }
      return { kind: 'map', entries, range };
    }
    case 'paren':
      return evaluate(node.inner, scope, depth + 1);
    case 'call':
      return callFunction(node, scope, depth);
    default:
      return unknown(range, 'dynamic');
  }
}

/** The escape sequences of a quoted Terraform string. */
function decodeEscape(src: string, i: number): { text: string; length: number } {
  const c = src[i + 1];
  switch (c) {
    case 'n':
      return { text: '\n', length: 2 };
    case 't':
      return { text: '\t', length: 2 };
    case 'r':
      return { text: '\r', length: 2 };
    case '"':
      return { text: '"', length: 2 };
    case '\\':
      return { text: '\\', length: 2 };
    case 'u': {
      const hex = src.slice(i + 2, i + 6);
      return /^[0-9a-fA-F]{4}$/.test(hex) ? { text: String.fromCharCode(parseInt(hex, 16)), length: 6 } : { text: '\\u', length: 2 };
    }
    case 'U': {
      const hex = src.slice(i + 2, i + 10);
      return /^[0-9a-fA-F]{8}$/.test(hex) ? { text: String.fromCodePoint(parseInt(hex, 16)), length: 10 } : { text: '\\U', length: 2 };
    }
    default:
      return { text: `\\${c ?? ''}`, length: c ? 2 : 1 };
  }
}

class PieceList {
  readonly pieces: TextPiece[] = [];
  value = '';
  push(text: string, start: number, end: number, verbatim: boolean): void {
    if (!text) return;
    const last = this.pieces[this.pieces.length - 1];
    if (verbatim && last?.verbatim && last.end === start) this.pieces[this.pieces.length - 1] = { text: last.text + text, start: last.start, end, verbatim };
    else this.pieces.push({ text, start, end, verbatim });
    this.value += text;
  }
}

/** Appends the literal template text src[from, to) (escapes decoded when quoted). */
function appendLiteral(out: PieceList, src: string, from: number, to: number, quoted: boolean): void {
  let run = from;
  for (let i = from; i < to; i++) {
    const c = src[i];
    if (quoted && c === '\\') {
      out.push(src.slice(run, i), run, i, true);
      const esc = decodeEscape(src, i);
      out.push(esc.text, i, i + esc.length, false);
      i += esc.length - 1;
      run = i + 1;
    } else if ((c === '$' || c === '%') && src[i + 1] === c && src[i + 2] === '{') {
      // `$${` and `%%{` are the escapes for a literal `${` / `%{`.
      out.push(src.slice(run, i), run, i, true);
      run = i + 1;
      i += 1;
    }
  }
  out.push(src.slice(run, to), run, to, true);
}

/** A `"…"` template: literal text with escapes, `${…}`/`%{…}` kept verbatim as placeholders. */
function quotedString(node: HclExpr & { kind: 'template' }, scope: Scope, depth: number, resolveInterpolations = false): IacValue {
  const src = scope.file.text;
  const range = rangeOf(node);
  const from = node.start + 1;
  const to = Math.max(from, node.end - (node.closed ? 1 : 0));
  const parts = node.parts;
  // `"${expr}"` (Terraform 0.11 style) is expr itself, whatever its type: a reference, a
  // list, a value read from a variable default or a data source.
  // https://developer.hashicorp.com/terraform/language/expressions/strings#interpolation
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only && only.kind === 'interpolation' && only.start === from && only.end === to && !only.strip && only.expr) {
    // Reported at the whole string; a string value keeps its pieces (they may point at a variable default).
    return { ...evaluate(only.expr, scope, depth + 1), range };
  }
  const out = new PieceList();
  let cursor = from;
  let placeholders = false;
  for (const part of parts) {
    appendLiteral(out, src, cursor, part.start, true);
    const v = resolveInterpolations && part.kind === 'interpolation' && part.expr ? knownString(evaluate(part.expr, scope, depth + 1)) : undefined;
    if (v !== undefined) out.push(v, part.start, part.end, false);
    else {
      out.push(src.slice(part.start, part.end), part.start, part.end, true);
      placeholders = true;
    }
    cursor = part.end;
  }
  appendLiteral(out, src, cursor, to, true);
  return { kind: 'string', value: out.value, range, pieces: out.pieces, ...(placeholders ? { hasPlaceholders: true } : {}) };
}

/**
 * A heredoc: the lines between the opening and closing markers. `<<-` strips the smallest
 * indentation of the non-blank lines from every line, so each remaining line still maps
 * character for character to the .tf file.
 */
function heredocString(node: HclExpr & { kind: 'heredoc' }, scope: Scope, _depth: number): IacValue {
  const src = scope.file.text;
  const range = rangeOf(node);
  const { open, close, strip, parts } = node;
  const nl = src.indexOf('\n', open.end);
  const bodyStart = nl === -1 ? open.end : nl + 1;
  const bodyEnd = close ? src.lastIndexOf('\n', close.start - 1) + 1 : node.end;
  // Line starts within the body and the indentation to strip from each.
  let indent = 0;
  if (strip) {
    indent = Infinity;
    for (let ls = bodyStart; ls < bodyEnd; ) {
      const le = src.indexOf('\n', ls);
      const lineEnd = le === -1 || le > bodyEnd ? bodyEnd : le;
      const line = src.slice(ls, lineEnd);
      if (line.trim().length > 0) indent = Math.min(indent, line.length - line.replace(/^[ \t]+/, '').length);
      ls = lineEnd + 1;
    }
    if (!Number.isFinite(indent)) indent = 0;
  }
  const out = new PieceList();
  let placeholders = false;
  let partIndex = 0;
  for (let ls = bodyStart; ls < bodyEnd; ) {
    const le = src.indexOf('\n', ls);
    const lineEnd = le === -1 || le >= bodyEnd ? bodyEnd : le + 1; // include the newline
    let cursor = ls;
    if (strip) {
      let k = 0;
      while (k < indent && (src[cursor] === ' ' || src[cursor] === '\t')) {
        cursor++;
        k++;
      }
    }
    // Interpolations on this line (they may run over several lines: keep them whole).
    while (partIndex < parts.length && (parts[partIndex] as TemplatePart).start < lineEnd) {
      const part = parts[partIndex] as TemplatePart;
      if (part.start >= cursor) {
        appendLiteral(out, src, cursor, part.start, false);
        out.push(src.slice(part.start, part.end), part.start, part.end, true);
        placeholders = true;
      }
      cursor = Math.max(cursor, part.end);
      partIndex++;
    }
    if (cursor < lineEnd) appendLiteral(out, src, cursor, lineEnd, false);
    ls = Math.max(lineEnd, cursor);
    if (ls > lineEnd) {
      // an interpolation ran past the line end: continue from the next line start after it
      const next = src.indexOf('\n', ls);
      if (next === -1 || next >= bodyEnd) {
        appendLiteral(out, src, ls, bodyEnd, false);
        break;
      }
      appendLiteral(out, src, ls, next + 1, false);
      ls = next + 1;
    }
  }
  return { kind: 'string', value: out.value, range, pieces: out.pieces, ...(placeholders ? { hasPlaceholders: true } : {}) };
}

function callFunction(node: HclExpr & { kind: 'call' }, scope: Scope, depth: number): IacValue {
  const range = rangeOf(node);
  const { name, args } = node;
  const arg = (i: number) => (args[i] ? evaluate(args[i] as HclExpr, scope, depth + 1) : unknown(range, 'dynamic'));
  switch (name) {
    case 'jsonencode': {
      const v = arg(0);
      if (v.kind === 'unknown' || v.kind === 'ref') return unknown(range, v.kind === 'unknown' ? v.reason : 'dynamic', 'jsonencode');
      const json = JSON.stringify(toPlain(v, true));
      return { kind: 'string', value: json, range, pieces: [{ text: json, start: range.start, end: range.end, verbatim: false }], encoded: v, ...(hasUnknown(v) ? { hasPlaceholders: true } : {}) };
    }
    case 'base64encode':
    case 'tostring':
    case 'sensitive':
    case 'nonsensitive': {
      // The text before encoding is what the instance runs: keep its positions.
      const v = arg(0);
      return v.kind === 'string' ? { ...v, range } : v.kind === 'unknown' ? { ...v, range } : unknown(range, 'dynamic', name);
    }
    case 'base64decode': {
      const v = arg(0);
      const s = knownString(v);
      if (s === undefined || !/^[A-Za-z0-9+/=\s]*$/.test(s)) return unknown(range, 'dynamic', name);
      const text = Buffer.from(s, 'base64').toString('utf8');
      return { kind: 'string', value: text, range, pieces: [{ text, start: range.start, end: range.end, verbatim: false }] };
    }
    case 'file':
    case 'templatefile': {
      const pathArg = args[0];
      const p = pathArg ? evaluateForPath(pathArg, scope, depth) : undefined;
      if (p === undefined) return unknown(range, 'dynamic', name);
      const base = scope.file.dir;
      if (!base) return unknown(range, 'external', `${name}(${p})`);
      const full = resolvePath(base, p);
      let text: string;
      try {
        if (!existsSync(full)) return unknown(range, 'external', `${name}(${p})`);
        text = readRegularFile(full, 1024 * 1024).toString('utf8');
      } catch {
        return unknown(range, 'external', `${name}(${p})`);
      }
      // The referenced file is another file: the whole text maps to the call.
      return {
        kind: 'string',
        value: text,
        range,
        pieces: [{ text, start: range.start, end: range.end, verbatim: false }],
        fromFile: full,
        ...(name === 'templatefile' && /[$%]\{/.test(text) ? { hasPlaceholders: true } : {}),
      };
    }
    default:
      return unknown(range, 'dynamic', `${name}()`);
  }
}

/** A path argument: interpolations such as `${path.module}` are resolved, not kept. */
function evaluateForPath(expr: HclExpr, scope: Scope, depth: number): string | undefined {
  if (expr.kind === 'template') return knownString(quotedString(expr, scope, depth + 1, true));
  return knownString(evaluate(expr, scope, depth + 1));
}

function hasUnknown(v: IacValue): boolean {
  if (v.kind === 'unknown' || v.kind === 'ref') return true;
  if (v.kind === 'string') return v.hasPlaceholders === true;
  if (v.kind === 'list') return v.items.some(hasUnknown);
  if (v.kind === 'map') return v.entries.some((e) => hasUnknown(e.value));
  return false;
}


const visiting = new Set<TfAttribute | TfBlock>();

/** `var.x`, `local.x`, `path.module`, `data.t.n.attr`, `t.n.attr`, `module.m.out`… */
function resolveTraversal(path: readonly string[], range: Range, scope: Scope, depth: number): IacValue {
  const [head, a, b, c] = path;
  const label = path.join('.');
  if (depth > MAX_DEPTH) return unknown(range, 'unsupported', label);
  switch (head) {
    case 'var': {
      const block = a ? moduleOf(scope.file).variables.get(a) : undefined;
      const def = block?.attribute('default');
      if (!block || !def || visiting.has(def)) return unknown(range, 'external', label);
      visiting.add(def);
      try {
        const v = def.value();
        return reanchor(v, range, block.file === scope.file);
      } finally {
        visiting.delete(def);
      }
    }
    case 'local': {
      const attr = a ? moduleOf(scope.file).locals.get(a) : undefined;
      if (!attr || visiting.has(attr)) return unknown(range, 'dynamic', label);
      visiting.add(attr);
      try {
        const owner = moduleOf(scope.file).files.find((f) => f.blocks.some((bl) => bl.type === 'locals' && bl.attributes().includes(attr)));
        return reanchor(attr.value(), range, owner === scope.file);
      } finally {
        visiting.delete(attr);
      }
    }
    case 'path':
      if ((a === 'module' || a === 'root') && scope.file.dir) return { kind: 'string', value: scope.file.dir, range };
      if (a === 'cwd') return unknown(range, 'external', label);
      return unknown(range, 'external', label);
    case 'data': {
      if (a === 'template_file' && b && c === 'rendered') {
        // The legacy `template_file` data source (hashicorp/template): its `template`, with
        // `${…}` left as placeholders since `vars` are substituted at plan time.
        // https://registry.terraform.io/providers/hashicorp/template/latest/docs/data-sources/file
        const block = moduleOf(scope.file).data.get(`${a}.${b}`);
        const template = block?.attribute('template');
        if (!block || !template || visiting.has(template)) return unknown(range, 'external', label);
        visiting.add(template);
        try {
          const v = template.value();
          if (v.kind !== 'string') return unknown(range, 'dynamic', label);
          const templated = v.hasPlaceholders === true || /[$%]\{/.test(v.value);
          return reanchor({ ...v, ...(templated ? { hasPlaceholders: true } : {}) }, range, block.file === scope.file);
        } finally {
          visiting.delete(template);
        }
      }
      if (a === 'aws_iam_policy_document' && b && (c === 'json' || c === 'minified_json')) {
        const block = moduleOf(scope.file).data.get(`${a}.${b}`);
        if (!block || visiting.has(block)) return unknown(range, 'external', label);
        visiting.add(block);
        try {
          const policy = policyDocumentValue(block, range);
          return policy ? { kind: 'string', value: JSON.stringify(toPlain(policy, true)), range, encoded: policy, ...(hasUnknown(policy) ? { hasPlaceholders: true } : {}) } : unknown(range, 'external', label);
        } finally {
          visiting.delete(block);
        }
      }
      return unknown(range, 'external', label);
    }
    case 'module':
    case 'terraform':
      return unknown(range, 'external', label);
    case 'each':
    case 'count':
    case 'self':
      return unknown(range, 'dynamic', label);
    default:
      if (head && a) return { kind: 'ref', target: `${head}.${a}`, ...(b ? { attribute: b } : {}), range };
      return unknown(range, 'dynamic', label);
  }
}

/** A literal JSON policy string (`source_json = <<EOF …`) as a value anchored at `at`. */
function parsedJson(text: string, at: Range): IacValue | undefined {
  try {
    return plainAt(JSON.parse(text), at);
  } catch {
    return undefined;
  }
}

function plainAt(v: unknown, range: Range): IacValue {
  if (typeof v === 'string') return { kind: 'string', value: v, range };
  if (typeof v === 'number') return { kind: 'number', value: v, range };
  if (typeof v === 'boolean') return { kind: 'bool', value: v, range };
  if (v === null || v === undefined) return { kind: 'null', range };
  if (Array.isArray(v)) return { kind: 'list', items: v.map((i) => plainAt(i, range)), range };
  return { kind: 'map', entries: Object.entries(v as Record<string, unknown>).map(([key, val]) => ({ key, keyRange: range, value: plainAt(val, range) })), range };
}

/** A `data "aws_iam_policy_document"` block of the scanned module as the policy it renders (positions in its own file). */
export function terraformPolicyDocument(block: TfBlock): IacMap | undefined {
  return policyDocumentValue(block, block.range);
}

/**
 * `data "aws_iam_policy_document"` as the JSON policy it renders
 * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/iam_policy_document).
 * Ranges of a block in another file are re-anchored to `at`.
 */
function policyDocumentValue(block: TfBlock, at: Range): IacMap | undefined {
  const same = (r: Range) => r;
  const other = () => at;
  const pos = block.file.document ? same : other;
  // Statements generated by `dynamic` blocks are not visible here: an unknown item in the
  // statement list says the rendered policy is only partly known.
  const statements: IacValue[] = [];
  const incomplete = (r: Range): IacValue => ({ kind: 'unknown', reason: 'dynamic', range: pos(r), label: 'dynamic statement' });
  // `source_policy_documents` (and the legacy `source_json`): their statements come first;
  // own statements replace those with the same sid. `override_policy_documents` /
  // `override_json` replace statements with the same sid or are appended.
  const merged = (names: readonly string[]): IacValue[] => {
    const out: IacValue[] = [];
    for (const name of names) {
      const attr = block.attribute(name);
      if (!attr) continue;
      const v = attr.value();
      for (const item of v.kind === 'list' ? v.items : [v]) {
        const doc = item.kind === 'string' && item.encoded ? item.encoded : item.kind === 'string' && !item.hasPlaceholders ? parsedJson(item.value, attr.range) : undefined;
        const st = doc ? mapGet(doc, 'Statement') : undefined;
        if (!st || (st.kind !== 'list' && st.kind !== 'map')) {
          out.push(incomplete(attr.range));
          continue;
        }
        out.push(...(st.kind === 'list' ? st.items : [st]));
      }
      if (v.kind !== 'list' && v.kind !== 'string') out.push(incomplete(attr.range));
    }
    return out;
  };
  const sidOf = (st: IacValue) => knownString(mapGet(st, 'Sid'));
  const putAll = (list: IacValue[], items: readonly IacValue[]) => {
    for (const st of items) {
      const sid = sidOf(st);
      const at = sid ? list.findIndex((x) => sidOf(x) === sid) : -1;
      if (at >= 0) list[at] = st;
      else list.push(st);
    }
  };
  putAll(statements, merged(['source_policy_documents', 'source_json']));
  if (block.blocks('dynamic').length > 0) statements.push(incomplete(block.range));
  const own: IacValue[] = [];
  for (const st of block.blocks('statement')) {
    if (st.blocks('dynamic').length > 0) {
      own.push(incomplete(st.range));
      continue;
    }
    const entries: IacEntry[] = [];
    const put = (key: string, attrName: string) => {
      const attr = st.attribute(attrName);
      if (attr) entries.push({ key, keyRange: pos(attr.nameRange), value: reanchor(attr.value(), at, !!block.file.document) });
    };
    put('Sid', 'sid');
    const effect = st.attribute('effect');
    entries.push({ key: 'Effect', keyRange: pos(st.typeRange), value: effect ? reanchor(effect.value(), at, !!block.file.document) : { kind: 'string', value: 'Allow', range: pos(st.typeRange) } });
    put('Action', 'actions');
    put('NotAction', 'not_actions');
    put('Resource', 'resources');
    put('NotResource', 'not_resources');
    for (const [blockName, key] of [['principals', 'Principal'], ['not_principals', 'NotPrincipal']] as const) {
      const ps = st.blocks(blockName);
      if (ps.length === 0) continue;
      const pe: IacEntry[] = [];
      for (const p of ps) {
        const type = knownString(p.attribute('type')?.value());
        const ids = p.attribute('identifiers');
        if (type && ids) pe.push({ key: type, keyRange: pos(p.typeRange), value: reanchor(ids.value(), at, !!block.file.document) });
        else pe.push({ key: '?', keyRange: pos(p.typeRange), value: { kind: 'unknown', reason: 'dynamic', range: pos(p.range) } });
      }
      entries.push({ key, keyRange: pos(ps[0]!.typeRange), value: { kind: 'map', entries: pe, range: pos(ps[0]!.range) } });
    }
    // `condition { test, variable, values }` blocks → `Condition: { test: { variable: values } }`.
    const conditions = st.blocks('condition');
    if (conditions.length > 0) {
      const ops: IacEntry[] = [];
      for (const c of conditions) {
        const test = knownString(c.attribute('test')?.value());
        const variable = knownString(c.attribute('variable')?.value());
        const values = c.attribute('values');
        const inner: IacEntry = variable !== undefined && values ? { key: variable, keyRange: pos(c.attribute('variable')!.range), value: reanchor(values.value(), at, !!block.file.document) } : { key: '?', keyRange: pos(c.typeRange), value: { kind: 'unknown', reason: 'dynamic', range: pos(c.range) } };
        ops.push({ key: test ?? '?', keyRange: pos(c.typeRange), value: { kind: 'map', entries: [inner], range: pos(c.range) } });
      }
      entries.push({ key: 'Condition', keyRange: pos(conditions[0]!.typeRange), value: { kind: 'map', entries: ops, range: pos(conditions[0]!.range) } });
    }
    if (st.blocks('dynamic').length === 0 && st.attributes().length === 0 && st.blocks().length === 0) continue;
    own.push({ kind: 'map', entries, range: pos(st.range) });
  }
  putAll(statements, own);
  putAll(statements, merged(['override_policy_documents', 'override_json']));
  return {
    kind: 'map',
    entries: [
      { key: 'Version', keyRange: pos(block.typeRange), value: { kind: 'string', value: '2012-10-17', range: pos(block.typeRange) } },
      { key: 'Statement', keyRange: pos(block.typeRange), value: { kind: 'list', items: statements, range: pos(block.range) } },
    ],
    range: pos(block.range),
  };
}

// ---------------------------------------------------------------------------------------
// Helpers for rules

/** Managed resources of the scanned file (`resource "type" "name"`). */
export function resourceBlocks(file: TfFile, types?: ReadonlySet<string> | readonly string[]): TfBlock[] {
  const want = types ? new Set(types) : undefined;
  return file.blocks.filter((b) => b.type === 'resource' && b.labels.length >= 2 && (!want || want.has((b.labels[0] as TfLabel).value)));
}

export function resourceType(block: TfBlock): string {
  return block.labels[0]?.value ?? '';
}

export function resourceName(block: TfBlock): string {
  return block.labels[1]?.value ?? '';
}

/** The attribute or nested block at a path (`['metadata_options', 'http_tokens']`). */
export function blockAttribute(block: TfBlock, path: readonly string[]): TfAttribute | undefined {
  let current: TfBlock | undefined = block;
  for (let i = 0; i < path.length - 1; i++) {
    current = current?.blocks(path[i] as string)[0];
    if (!current) {
      // `metadata_options = { … }` written as an attribute map (JSON syntax or older configs).
      return undefined;
    }
  }
  return current?.attribute(path[path.length - 1] as string);
}

/** The attribute's value if it is a string that is certainly known. */
export function attributeString(block: TfBlock, name: string): string | undefined {
  return knownString(block.attribute(name)?.value());
}

export { mapEntry, mapGet };
export type { IacString };

// ---------------------------------------------------------------------------------------
// Terraform plan JSON (`terraform show -json`)

export interface PlanResource {
  readonly address: string;
  readonly type: string;
  readonly name: string;
  readonly mode: string;
  /** Range of the `"type"` value. */
  readonly typeRange: Range;
  readonly values?: IacMap;
}

const PLAN_SIGNATURE = /"format_version"\s*:/;
const PLAN_BODY = /"(?:planned_values|resource_changes|prior_state)"\s*:/;

export function looksLikeTerraformPlan(text: string): boolean {
  return PLAN_SIGNATURE.test(text) && PLAN_BODY.test(text);
}

const plans = new WeakMap<SourceDocument, PlanResource[]>();

/** The resources of a plan's `planned_values` (root module and every child module). */
export function parseTerraformPlan(doc: SourceDocument, notes?: Notification[]): PlanResource[] {
  const cached = plans.get(doc);
  if (cached) return cached;
  const out: PlanResource[] = [];
  const root = parseYamlDocuments(doc, notes)[0];
  const visit = (module: IacValue | undefined) => {
    if (module?.kind !== 'map') return;
    const resources = mapGet(module, 'resources');
    if (resources?.kind === 'list') {
      for (const r of resources.items) {
        const type = mapEntry(r, 'type');
        const values = mapGet(r, 'values');
        out.push({
          address: knownString(mapGet(r, 'address')) ?? '',
          type: knownString(type?.value) ?? '',
          name: knownString(mapGet(r, 'name')) ?? '',
          mode: knownString(mapGet(r, 'mode')) ?? 'managed',
          typeRange: type?.value.range ?? r.range,
          ...(values?.kind === 'map' ? { values } : {}),
        });
      }
    }
    const children = mapGet(module, 'child_modules');
    if (children?.kind === 'list') children.items.forEach(visit);
  };
  visit(mapGet(mapGet(root, 'planned_values'), 'root_module'));
  plans.set(doc, out);
  return out;
}
