// cloud-init `#cloud-config` YAML: `runcmd` / `bootcmd` commands and `write_files`, with the
// source range of every value, plus the extractor that turns each command into a shell
// virtual document (and each written file into a document of its own kind).
// https://cloudinit.readthedocs.io/en/latest/reference/modules.html#runcmd
// https://cloudinit.readthedocs.io/en/latest/reference/modules.html#write-files
//
// Cost: one `yaml` parse (~3–5 MB/s) per cloud-config document, cached by SourceDocument and
// shared by the extractor and the rules.
import { errorSummary } from './errors.js';
import type { Scalar } from 'yaml';
import { isMap, isScalar, isSeq, parseDocument, ScalarType, type Node as YamlNode } from './yaml.js';
import {
  VirtualTextBuilder,
  type SourceDocument,
} from '../engine/document.js';
import { decodeBase64Text, userDataFormat } from './user-data.js';

export type CloudCommandSection = 'runcmd' | 'bootcmd';

export interface CloudCommand {
  readonly section: CloudCommandSection;
  /** 0-based index in its list. */
  readonly index: number;
  /** `string`: run by `sh -c`; `argv`: a list executed as is (no shell). */
  readonly form: 'string' | 'argv';
  /** The scalar (string form) or the scalars of the list (argv form). */
  readonly scalars: readonly Scalar[];
  readonly start: number;
  readonly end: number;
}

export interface RangedValue {
  readonly value: string;
  readonly start: number;
  readonly end: number;
  /** True when `value` was decoded (b64/gzip) and maps to its range as a whole. */
  readonly decoded: boolean;
  readonly scalar: Scalar;
}

export interface CloudWriteFile {
  readonly index: number;
  readonly path: RangedValue | undefined;
  readonly content: RangedValue | undefined;
  readonly encoding: string;
  /** Range of the list item (a write_files entry), for reporting when the path is absent. */
  readonly start: number;
  readonly end: number;
}

export interface CloudConfig {
  readonly commands: readonly CloudCommand[];
  readonly writeFiles: readonly CloudWriteFile[];
  readonly errors: readonly string[];
}

const cache = new WeakMap<SourceDocument, CloudConfig | null>();

/** Whether a document is `#cloud-config` YAML (a `cloud-init` file or cloud-config user data). */
export function isCloudConfigDocument(doc: SourceDocument): boolean {
  return (doc.kind === 'cloud-init' || doc.kind === 'user-data') && userDataFormat(doc.text) === 'cloud-config';
}

/** The parsed cloud-config of a document, once per document; undefined when it is not cloud-config. */
export function cloudConfig(doc: SourceDocument): CloudConfig | undefined {
  const cached = cache.get(doc);
  if (cached !== undefined) return cached ?? undefined;
  const config = isCloudConfigDocument(doc) ? parseCloudConfig(doc.text) : null;
  cache.set(doc, config);
  return config ?? undefined;
}

function rangeOf(node: YamlNode): { start: number; end: number } {
  const r = node.range;
  return r ? { start: r[0], end: r[1] } : { start: 0, end: 0 };
}

function scalarString(node: unknown): Scalar | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? node : undefined;
}

const TERRAFORM_DIRECTIVE = /%\{[^{}\n]*\}/g;
const JINJA_TAG = /\{%[\s\S]*?%\}|\{#[\s\S]*?#\}/g;
const JINJA_EXPRESSION = /\{\{[\s\S]*?\}\}/g;

/**
 * Cloud-configs are often templates: Terraform `templatefile` directives (`%{ if x ~}` on lines
 * of their own) and, under `## template: jinja`, Jinja tags and `{{ expressions }}`. None is
 * valid YAML (`%` opens a directive, `{` a flow mapping), and the YAML parser's recovery then
 * drops the keys around them. Blanks the directives and tags and turns expressions into a
 * placeholder word, each at the same length (newlines kept), so every offset stays exact.
 */
export function neutralizeTemplateSyntax(text: string): string {
  const blank = (m: string) => m.replace(/[^\n]/g, ' ');
  let out = text.includes('%{') ? text.replace(TERRAFORM_DIRECTIVE, blank) : text;
  if (/^## template: *jinja\b/i.test(out)) {
    out = out.replace(JINJA_TAG, blank).replace(JINJA_EXPRESSION, (m) => m.replace(/[^\n]/g, '_'));
  }
  return out;
}

/** Parses cloud-config YAML; syntax errors are collected, never thrown. */
export function parseCloudConfig(source: string): CloudConfig {
  const text = neutralizeTemplateSyntax(source);
  const errors: string[] = [];
  const commands: CloudCommand[] = [];
  const writeFiles: CloudWriteFile[] = [];
  let parsed;
  try {
    parsed = parseDocument(text, { strict: false, uniqueKeys: false, prettyErrors: false });
  } catch (error) {
    return { commands, writeFiles, errors: [errorSummary(error)] };
  }
  for (const e of parsed.errors) errors.push(errorSummary(e));
  const root = parsed.contents;
  if (!isMap(root)) return { commands, writeFiles, errors };
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    const value = pair.value;
    if ((key === 'runcmd' || key === 'bootcmd') && isSeq(value)) {
      value.items.forEach((item, index) => {
        const single = scalarString(item);
        if (single) {
          const r = rangeOf(single);
          commands.push({ section: key, index, form: 'string', scalars: [single], start: r.start, end: r.end });
        } else if (isSeq(item)) {
          const scalars = item.items.map(scalarString).filter((s): s is Scalar => s !== undefined);
          const r = rangeOf(item as YamlNode);
          if (scalars.length > 0) commands.push({ section: key, index, form: 'argv', scalars, start: r.start, end: r.end });
        }
      });
    } else if (key === 'write_files' && isSeq(value)) {
      value.items.forEach((item, index) => {
        if (!isMap(item)) return;
        let path: RangedValue | undefined;
        let contentScalar: Scalar | undefined;
        let encoding = '';
        for (const p of item.items) {
          const k = isScalar(p.key) ? String(p.key.value) : '';
          const s = scalarString(p.value);
          if (!s) continue;
          const r = rangeOf(s);
          if (k === 'path') path = { value: String(s.value), start: r.start, end: r.end, decoded: false, scalar: s };
          else if (k === 'content') contentScalar = s;
          else if (k === 'encoding') encoding = String(s.value).toLowerCase();
        }
        let content: RangedValue | undefined;
        if (contentScalar) {
          const r = rangeOf(contentScalar);
          const raw = String(contentScalar.value);
          const encoded = /(?:^|\+)(?:b64|base64)$/.test(encoding) || /^(?:gz|gzip)$/.test(encoding);
          const decoded = encoded ? decodeBase64Text(raw) : undefined;
          content = encoded
            ? { value: decoded ?? '', start: r.start, end: r.end, decoded: true, scalar: contentScalar }
            : { value: raw, start: r.start, end: r.end, decoded: false, scalar: contentScalar };
        }
        const r = rangeOf(item as YamlNode);
        writeFiles.push({ index, path, content, encoding, start: r.start, end: r.end });
      });
    }
  }
  return { commands, writeFiles, errors };
}

// ---------------------------------------------------------------------------------------
// Mapping YAML scalar values back to their source characters

interface Piece {
  readonly text: string;
  readonly hostStart: number;
  readonly hostEnd: number;
  readonly verbatim: boolean;
}

function escapeLength(host: string, p: number): number {
  const c = host[p + 1];
  if (c === 'x') return 4;
  if (c === 'u') return 6;
  if (c === 'U') return 10;
  return 2;
}

/**
 * Aligns a scalar's value with its source so that each character copied from the file maps
 * one to one (block scalars line by line, indentation skipped; folded line breaks and escape
 * sequences map to the source they stand for). Returns undefined when the two cannot be
 * aligned (the caller then maps the value as a whole).
 */
export function alignScalar(value: string, host: string, scalar: Scalar): Piece[] | undefined {
  const range = scalar.range;
  if (!range) return undefined;
  let p = range[0];
  const hostEnd = range[2];
  const type = scalar.type;
  if (type === ScalarType.QUOTE_DOUBLE || type === ScalarType.QUOTE_SINGLE) p += 1;
  else if (type === ScalarType.BLOCK_LITERAL || type === ScalarType.BLOCK_FOLDED) {
    const nl = host.indexOf('\n', p);
    if (nl === -1) return value === '' ? [] : undefined;
    p = nl + 1;
  }
  const pieces: Piece[] = [];
  let runStart = -1;
  let runHost = -1;
  const flush = (i: number) => {
    if (runStart !== -1) {
      pieces.push({ text: value.slice(runStart, i), hostStart: runHost, hostEnd: runHost + (i - runStart), verbatim: true });
      runStart = -1;
    }
  };
  let i = 0;
  while (i < value.length) {
    if (p >= hostEnd) return undefined;
    const c = value[i] as string;
    const h = host[p] as string;
    const doubleEscape = type === ScalarType.QUOTE_DOUBLE && h === '\\';
    if (h === c && !doubleEscape) {
      if (runStart === -1) {
        runStart = i;
        runHost = p;
      }
      i++;
      p++;
      continue;
    }
    flush(i);
    if (doubleEscape) {
      // `\` + line break: an escaped line break, which produces nothing.
      if (host[p + 1] === '\n' || (host[p + 1] === '\r' && host[p + 2] === '\n')) {
        p += host[p + 1] === '\r' ? 3 : 2;
        while (p < hostEnd && (host[p] === ' ' || host[p] === '\t')) p++;
        continue;
      }
      const len = escapeLength(host, p);
      pieces.push({ text: c, hostStart: p, hostEnd: p + len, verbatim: false });
      i++;
      p += len;
      continue;
    }
    if (type === ScalarType.QUOTE_SINGLE && c === "'" && h === "'" && host[p + 1] === "'") {
      pieces.push({ text: c, hostStart: p, hostEnd: p + 2, verbatim: false });
      i++;
      p += 2;
      continue;
    }
    const hostSpace = h === ' ' || h === '\t' || h === '\r' || h === '\n';
    if ((c === ' ' || c === '\n') && hostSpace) {
      // A folded line break (or a run of them) stands for one space or line break.
      const from = p;
      while (p < hostEnd && /[ \t\r\n]/.test(host[p] as string)) p++;
      pieces.push({ text: c, hostStart: from, hostEnd: p, verbatim: false });
      i++;
      continue;
    }
    if (hostSpace) {
      // Indentation or a line break the value does not hold: skip it in the source.
      p++;
      continue;
    }
    return undefined;
  }
  flush(i);
  return pieces;
}

/** Appends a scalar's value to a builder, character-exact when possible, else as a whole. */
export function appendScalar(builder: VirtualTextBuilder, value: string, host: string, scalar: Scalar): void {
  const pieces = alignScalar(value, host, scalar);
  if (pieces) {
    for (const piece of pieces) {
      if (piece.verbatim) builder.verbatim(piece.text, piece.hostStart);
      else builder.synthetic(piece.text, piece.hostStart, piece.hostEnd);
    }
    return;
  }
  const r = scalar.range ?? [0, 0, 0];
  builder.synthetic(value, r[0], r[1]);
}

/** Argv items that need no quoting to stay one shell word with the same value. */
const SHELL_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * The shell text of a runcmd/bootcmd entry: a string as is (cloud-init runs it with `sh -c`);
 * a list joined into one command line, each item quoted when needed so that it stays one
 * word whose value is the item (cloud-init runs lists without a shell: nothing is expanded).
 */
export function commandText(command: CloudCommand, host: string): { text: string; map: ReturnType<VirtualTextBuilder['build']>['map'] } {
  const builder = new VirtualTextBuilder();
  if (command.form === 'string') {
    const scalar = command.scalars[0] as Scalar;
    appendScalar(builder, String(scalar.value), host, scalar);
    return builder.build();
  }
  command.scalars.forEach((scalar, i) => {
    const r = scalar.range ?? [0, 0, 0];
    if (i > 0) {
      const prev = command.scalars[i - 1]?.range ?? r;
      builder.synthetic(' ', prev[1], r[0]);
    }
    const value = String(scalar.value);
    if (SHELL_SAFE.test(value)) appendScalar(builder, value, host, scalar);
    else if (!value.includes("'")) {
      builder.synthetic("'", r[0], r[0]);
      appendScalar(builder, value, host, scalar);
      builder.synthetic("'", r[1], r[1]);
    } else builder.synthetic(`'${value.replace(/'/g, `'\\''`)}'`, r[0], r[1]);
  });
  return builder.build();
}

