// EC2 user data: what format a payload is in, MIME multipart splitting into virtual
// documents, and Windows (`<powershell>` / `<script>`) blocks located for token matching.
// https://cloudinit.readthedocs.io/en/latest/explanation/format.html
// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html
// https://docs.aws.amazon.com/AWSEC2/latest/WindowsGuide/ec2-windows-user-data.html
import { gunzipSync } from 'node:zlib';
import { MAX_DECODED_BYTES, reportIncomplete } from '../engine/budget.js';
import type { SourceDocument } from '../engine/document.js';
import { userDataKind, type FileKind } from '../kinds.js';

export type UserDataFormat =
  | 'shell'
  | 'boothook'
  | 'cloud-config'
  | 'multipart'
  | 'include'
  | 'part-handler'
  | 'upstart'
  | 'windows';

const MULTIPART_HEAD = /^(?:[A-Za-z-]+:[^\n]*\n)*?Content-Type:[ \t]*multipart\/(?:mixed|alternative)/i;
const WINDOWS_HEAD = /^(?:<persist>\s*\w+\s*<\/persist>\s*)?<(?:powershell|script)(?:\s[^>]*)?>/i;

/** Decides a user-data payload's format from its first line(s), as cloud-init and EC2Launch do. */
export function userDataFormat(text: string): UserDataFormat {
  const head = text.replace(/^\uFEFF/, '').trimStart().slice(0, 4096);
  if (/^#cloud-config\b/.test(head) || /^## template: *jinja\r?\n#cloud-config\b/.test(head)) return 'cloud-config';
  if (/^#cloud-boothook\b/.test(head)) return 'boothook';
  if (/^#include(?:-once)?\b/.test(head)) return 'include';
  if (/^#part-handler\b/.test(head)) return 'part-handler';
  if (/^#upstart-job\b/.test(head)) return 'upstart';
  if (MULTIPART_HEAD.test(head)) return 'multipart';
  if (WINDOWS_HEAD.test(head)) return 'windows';
  // A script that opens with comments and then a Windows block (common in templates).
  if (!head.startsWith('#!') && /<powershell>/i.test(head) && /<\/powershell>/i.test(text)) return 'windows';
  return 'shell';
}

/** Whether user data at `path`-like names or a document's own flag say it runs while a machine or image bootstraps. */
const BOOTSTRAP_PATH = /(?:^|[/_.-])(?:user-?data|user_data|userdata|cloud-?init|cloudinit|bootstrap|provision(?:ing|ers?)?|packer|ami|golden-image|(?:node|instance|server|host|machine|vm|ec2|worker)[-_]?init|first[-_]?boot|startup[-_]scripts?|ec2[-_]?launch)(?:[/_.-]|$)/i;

const SCRIPT_TEMPLATE = /\.(?:tpl|tftpl|tmpl|j2|jinja2?|erb|mustache|hbs|gotmpl)$/i;

/**
 * True for documents that run on a machine or image as it is built or boots: user data,
 * cloud-init, Dockerfiles, provisioners (the document's own flag), and standalone scripts whose
 * path names them as such (`scripts/bootstrap.sh`, `packer/provision.sh`).
 */
export function isBootstrapContext(doc: SourceDocument): boolean {
  if (doc.bootstrap) return true;
  if ((doc.kind !== 'shell' && doc.kind !== 'powershell') || doc.host) return false;
  // A script template (`setup.sh.j2`, `init.ps1.tftpl`) is rendered by a provisioner (Ansible,
  // Terraform `templatefile`, Chef) onto the machines it builds.
  return BOOTSTRAP_PATH.test(doc.path) || SCRIPT_TEMPLATE.test(doc.path);
}

// ---------------------------------------------------------------------------------------
// MIME multipart

export interface MimePart {
  /** 1-based position among the parts. */
  readonly index: number;
  /** Lower-cased media type without parameters; '' when the part has none. */
  readonly contentType: string;
  readonly transferEncoding: string;
  readonly filename: string | undefined;
  /** The body as it appears in the file. */
  readonly bodyStart: number;
  readonly bodyEnd: number;
  /** Decoded body when a transfer encoding applied (base64, quoted-printable); undefined when verbatim. */
  readonly decoded: string | undefined;
  /** A nested multipart boundary, when the part is itself multipart. */
  readonly boundary: string | undefined;
}

interface Line {
  readonly start: number;
  /** End of the line's text (before `\r?\n`). */
  readonly end: number;
  /** Start of the next line. */
  readonly next: number;
}

function linesOf(text: string, from: number, to: number): Line[] {
  const lines: Line[] = [];
  let start = from;
  while (start < to) {
    let nl = text.indexOf('\n', start);
    if (nl === -1 || nl >= to) nl = to;
    const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    lines.push({ start, end, next: Math.min(nl + 1, to) });
    if (nl >= to) break;
    start = nl + 1;
  }
  return lines;
}

interface Headers {
  readonly values: Map<string, string>;
  /** Offset just after the blank line ending the headers (the body's start). */
  readonly bodyStart: number;
}

/** Reads RFC 822 style headers (with folded continuation lines) starting at `lines[i]`. */
function readHeaders(text: string, lines: readonly Line[], first: number, limit = lines.length): { headers: Headers; next: number } {
  const values = new Map<string, string>();
  let current: string | undefined;
  let i = first;
  for (; i < limit; i++) {
    const line = lines[i] as Line;
    const content = text.slice(line.start, line.end);
    if (content.trim() === '') {
      i++;
      break;
    }
    if (/^[ \t]/.test(content) && current) {
      values.set(current, `${values.get(current) ?? ''} ${content.trim()}`);
      continue;
    }
    const colon = content.indexOf(':');
    if (colon <= 0 || !/^[A-Za-z0-9-]+$/.test(content.slice(0, colon))) {
      // Not a header: the body starts here (a part with no blank line after no headers).
      break;
    }
    current = content.slice(0, colon).toLowerCase();
    values.set(current, content.slice(colon + 1).trim());
  }
  const bodyStart = i < lines.length ? (lines[i] as Line).start : (lines.at(-1)?.next ?? 0);
  return { headers: { values, bodyStart }, next: Math.min(i, limit) };
}

function parameter(header: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(header);
  return m ? (m[1] ?? m[2]) : undefined;
}

function decodeQuotedPrintable(text: string): string {
  return text.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Base64 → text; gzip payloads (cloud-init accepts them) are inflated. Undefined when not text. */
export function decodeBase64Text(encoded: string): string | undefined {
  const compact = encoded.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(compact)) return undefined;
  let bytes = Buffer.from(compact, 'base64');
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      // Bounded: a few hundred KB of gzip can inflate to gigabytes.
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_DECODED_BYTES });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        reportIncomplete(undefined, `a gzip-compressed part inflates past ${MAX_DECODED_BYTES / 1048576} MB and was not decoded`);
      }
      return undefined;
    }
  }
  const decoded = bytes.toString('utf8');
  // Binary payloads are not scripts: more than a few control characters means give up.
  const controls = decoded.match(/[\x00-\x08\x0e-\x1f]/g)?.length ?? 0;
  return controls > decoded.length / 100 + 2 ? undefined : decoded;
}

/**
 * Splits MIME multipart user data into its parts. Returns undefined when the text is not
 * multipart or declares no boundary. Parts are located in the original text so that each
 * verbatim body maps one to one; encoded bodies are decoded and map as a whole.
 */
export function parseMultipart(text: string, from = 0, to = text.length, boundaryHint?: string): MimePart[] | undefined {
  const lines = linesOf(text, from, to);
  let boundary = boundaryHint;
  let i = 0;
  if (!boundary) {
    const { headers, next } = readHeaders(text, lines, 0);
    const type = headers.values.get('content-type') ?? '';
    if (!/^multipart\//i.test(type)) return undefined;
    boundary = parameter(type, 'boundary');
    i = next;
  }
  if (!boundary) return undefined;
  const delimiter = `--${boundary}`;
  const parts: MimePart[] = [];
  let partStartLine: number | undefined;
  const closePart = (endLine: number) => {
    if (partStartLine === undefined) return;
    const { headers, next } = readHeaders(text, lines, partStartLine, endLine);
    // The line break before a delimiter belongs to the delimiter (RFC 2046 §5.1.1).
    const last = endLine - 1 >= next ? (lines[endLine - 1] as Line) : undefined;
    const bodyStart = last ? headers.bodyStart : Math.min(headers.bodyStart, lines[endLine]?.start ?? to);
    const bodyEnd = last ? last.end : bodyStart;
    const type = headers.values.get('content-type') ?? '';
    const encoding = (headers.values.get('content-transfer-encoding') ?? '').toLowerCase();
    let end = Math.max(bodyStart, bodyEnd);
    // An encoded body maps as a whole: keep trailing blank lines out of its range.
    if (encoding === 'base64' || encoding === 'quoted-printable') while (end > bodyStart && /\s/.test(text[end - 1] as string)) end--;
    const raw = text.slice(bodyStart, end);
    let decoded: string | undefined;
    if (encoding === 'base64') decoded = decodeBase64Text(raw) ?? '';
    else if (encoding === 'quoted-printable') decoded = decodeQuotedPrintable(raw);
    const disposition = headers.values.get('content-disposition') ?? '';
    parts.push({
      index: parts.length + 1,
      contentType: (type.split(';')[0] ?? '').trim().toLowerCase(),
      transferEncoding: encoding,
      filename: parameter(disposition, 'filename') ?? parameter(type, 'name'),
      bodyStart,
      bodyEnd: end,
      decoded,
      boundary: /^multipart\//i.test(type) ? parameter(type, 'boundary') : undefined,
    });
  };
  for (; i < lines.length; i++) {
    const line = lines[i] as Line;
    const content = text.slice(line.start, line.end).trimEnd();
    if (content === delimiter || content === `${delimiter}--`) {
      closePart(i);
      if (content.endsWith('--') && content !== delimiter) {
        partStartLine = undefined;
        break;
      }
      partStartLine = i + 1;
    }
  }
  // A missing closing delimiter: the last part runs to the end.
  if (partStartLine !== undefined) closePart(lines.length);
  return parts;
}

/** The document kind of a MIME part, from its media type; undefined for parts that hold no script. */
export function kindOfPart(part: MimePart, body: string): FileKind | undefined {
  switch (part.contentType) {
    case 'text/x-shellscript':
    case 'text/x-shellscript-per-boot':
    case 'text/x-shellscript-per-instance':
    case 'text/x-shellscript-per-once':
    case 'text/cloud-boothook':
      return 'shell';
    case 'text/cloud-config':
    case 'text/cloud-config-jsonp':
      return 'cloud-init';
    case 'multipart/mixed':
    case 'multipart/alternative':
      return 'user-data';
    case 'text/x-include-url':
    case 'text/x-include-once-url':
    case 'text/part-handler':
    case 'text/upstart-job':
    case 'text/cloud-config-archive':
    case 'text/jinja2':
      return undefined;
    default: {
      if (body.trim() === '') return undefined;
      return userDataKind(body);
    }
  }
}


// ---------------------------------------------------------------------------------------
// Windows user data

export interface WindowsBlock {
  readonly language: 'powershell' | 'cmd';
  /** Content range (between the tags). */
  readonly start: number;
  readonly end: number;
}

const POWERSHELL_FILE = /\.(?:ps1|psm1)$/i;
const BATCH_FILE = /\.(?:bat|cmd)$/i;

/**
 * The language of a document that is a Windows script as a whole: a `powershell`/`cmd`
 * document (a Dockerfile RUN under `SHELL ["powershell", …]`), or a `.ps1`/`.bat` file —
 * user data such as `user_data.ps1` that a template wraps in `<powershell>` tags at deploy
 * time, or a standalone script. Undefined for tagged user data (its blocks are found by tag).
 */
export function windowsScriptLanguage(doc: SourceDocument): 'powershell' | 'cmd' | undefined {
  if (doc.language === 'powershell' || doc.language === 'cmd') return doc.language;
  if (doc.kind === 'powershell') return 'powershell';
  if (doc.kind !== 'user-data' && doc.kind !== 'text') return undefined;
  const powershell = POWERSHELL_FILE.test(doc.path);
  if (!powershell && !BATCH_FILE.test(doc.path)) return undefined;
  if (doc.kind === 'user-data' && userDataFormat(doc.text) !== 'shell') return undefined;
  return powershell ? 'powershell' : 'cmd';
}

/**
 * The script blocks of Windows user data: `<powershell>…</powershell>` and `<script>…</script>`
 * (batch). A document whose language is `powershell` (e.g. a Dockerfile RUN under
 * `SHELL ["powershell", …]`) is one block as a whole.
 */
export function windowsBlocks(doc: SourceDocument): WindowsBlock[] {
  const whole = windowsScriptLanguage(doc);
  if (whole) return [{ language: whole, start: 0, end: doc.text.length }];
  if (doc.kind !== 'user-data' || userDataFormat(doc.text) !== 'windows') return [];
  const out: WindowsBlock[] = [];
  const re = /<(powershell|script)(?:\s[^>]*)?>/gi;
  const text = doc.text;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const tag = (m[1] as string).toLowerCase();
    const start = m.index + m[0].length;
    const close = text.toLowerCase().indexOf(`</${tag}>`, start);
    const end = close === -1 ? text.length : close;
    out.push({ language: tag === 'powershell' ? 'powershell' : 'cmd', start, end });
    re.lastIndex = end;
  }
  return out;
}

export interface WindowsStatement {
  readonly text: string;
  /** Offset of `text` in the document. */
  readonly start: number;
  readonly language: 'powershell' | 'cmd';
}

/**
 * Splits a Windows block into statements: lines joined over PowerShell backtick / batch caret
 * continuations, split at `;` outside quotes (PowerShell), comment lines dropped. Offsets of
 * every character stay exact because statements are slices of the document text (a joined
 * statement keeps its line breaks).
 */
export function windowsStatements(doc: SourceDocument, block: WindowsBlock): WindowsStatement[] {
  const text = doc.text;
  const out: WindowsStatement[] = [];
  let start = block.start;
  let quote: string | undefined;
  let depth = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    const comment = block.language === 'powershell' ? /^#/.test(trimmed) : /^(?:rem\b|::|@rem\b)/i.test(trimmed);
    if (trimmed !== '' && !comment) out.push({ text: raw.slice(lead).trimEnd(), start: start + lead, language: block.language });
  };
  const continuation = block.language === 'powershell' ? '`' : '^';
  for (let i = block.start; i < block.end; i++) {
    const c = text[i] as string;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\n' && block.language === 'cmd') quote = undefined;
      continue;
    }
    if (c === '"' || (c === "'" && block.language === 'powershell')) {
      quote = c;
      continue;
    }
    if (block.language === 'powershell' && (c === '{' || c === '(')) depth++;
    else if (block.language === 'powershell' && (c === '}' || c === ')')) depth = Math.max(0, depth - 1);
    if (c === '\n') {
      let j = i - 1;
      if (text[j] === '\r') j--;
      if (text[j] === continuation) continue;
      // Inside a hashtable or script block the statement goes on (`@{ … }` over lines).
      if (depth > 0 && block.language === 'powershell') continue;
      push(i);
      start = i + 1;
    } else if (c === ';' && block.language === 'powershell' && depth === 0) {
      push(i);
      start = i + 1;
    } else if (c === '&' && block.language === 'cmd' && text[i + 1] === '&') {
      push(i);
      start = i + 2;
      i++;
    }
  }
  push(block.end);
  return out;
}

export interface WindowsWord {
  /** The word without its quotes. */
  readonly value: string;
  /** Raw token range in the document (quotes included). */
  readonly start: number;
  readonly end: number;
  /** Range of the value inside the quotes. */
  readonly contentStart: number;
  readonly contentEnd: number;
  /** Quoted with `"…"` (PowerShell expands `$x` inside) or `'…'`. */
  readonly quote: '"' | "'" | '';
}

/**
 * Splits a Windows statement into words at unquoted whitespace (line continuations count as
 * whitespace). Good enough for token matching of command lines (`aws configure set k v`,
 * `setx NAME value`, `Invoke-RestMethod -Uri …`); not a PowerShell parser.
 */
export function windowsWords(statement: WindowsStatement): WindowsWord[] {
  const out: WindowsWord[] = [];
  const text = statement.text;
  const cont = statement.language === 'powershell' ? '`' : '^';
  let i = 0;
  while (i < text.length) {
    while (i < text.length && (/\s/.test(text[i] as string) || (text[i] === cont && /[\r\n]/.test(text[i + 1] ?? '')))) i++;
    if (i >= text.length) break;
    const start = i;
    const c = text[i] as string;
    if (c === '"' || (c === "'" && statement.language === 'powershell')) {
      const close = text.indexOf(c, i + 1);
      const end = close === -1 ? text.length : close + 1;
      out.push({ value: text.slice(i + 1, close === -1 ? text.length : close), start: statement.start + start, end: statement.start + end, contentStart: statement.start + start + 1, contentEnd: statement.start + (close === -1 ? text.length : close), quote: c });
      i = end;
      continue;
    }
    while (i < text.length && !/\s/.test(text[i] as string)) i++;
    out.push({ value: text.slice(start, i), start: statement.start + start, end: statement.start + i, contentStart: statement.start + start, contentEnd: statement.start + i, quote: '' });
  }
  return out;
}
