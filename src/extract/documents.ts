// Building virtual documents from evaluated IaC strings (src/iac/value.ts): the text of a
// string mapped piece by piece onto its host, base64 literals decoded, lists of command lines
// joined into one script, and writes of content to a path handed over as the shell write they
// amount to. Shared by the extractors of every IaC host format.
import { createVirtualDocument, VirtualTextBuilder, type SourceDocument } from '../engine/document.js';
import { userDataKind } from '../kinds.js';
import type { IacValue, TextPiece } from '../iac/value.js';
import { knownString, piecesOf } from '../iac/value.js';

/** A virtual document for the text of an evaluated string, mapped piece by piece. */
export function documentFromPieces(
  host: SourceDocument,
  pieces: readonly TextPiece[],
  init: { kind: SourceDocument['kind']; language?: string; label: string; bootstrap?: boolean },
): SourceDocument {
  const builder = new VirtualTextBuilder();
  for (const p of pieces) {
    if (p.verbatim) builder.verbatim(p.text, p.start);
    else builder.synthetic(p.text, p.start, p.end);
  }
  const { text, map } = builder.build();
  return createVirtualDocument(host, { kind: init.kind, language: init.language ?? init.kind, text, map, label: init.label, bootstrap: init.bootstrap ?? true });
}

const BASE64_BODY = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * The decoded text of a string that is itself base64 (a literal `user_data_base64`, or a
 * CloudFormation `UserData` given pre-encoded), when it decodes to readable text.
 */
export function decodeBase64Text(value: string): string | undefined {
  const compact = value.replace(/\s+/g, '');
  if (compact.length < 8 || compact.length % 4 !== 0 || !BASE64_BODY.test(compact)) return undefined;
  const text = Buffer.from(compact, 'base64').toString('utf8');
  // Readable: no replacement characters and few control characters.
  if (text.includes('\uFFFD')) return undefined;
  const controls = text.match(/[\u0000-\u0008\u000E-\u001F]/g)?.length ?? 0;
  return controls === 0 ? text : undefined;
}

/** A user-data document for an evaluated value; undefined when nothing is known. */
export function userDataDocument(host: SourceDocument, value: IacValue | undefined, label: string, alwaysBase64 = false): SourceDocument | undefined {
  if (value?.kind !== 'string' || value.value.trim().length === 0) return undefined;
  let pieces: readonly TextPiece[] = piecesOf(value);
  let text = value.value;
  if (!value.hasPlaceholders && !value.fromFile) {
    // A pre-encoded literal: decode it; findings point at the value as a whole.
    const decoded = alwaysBase64 || !/\s/.test(text.trim()) ? decodeBase64Text(text) : undefined;
    if (decoded !== undefined) {
      text = decoded;
      pieces = [{ text: decoded, start: value.range.start, end: value.range.end, verbatim: false }];
    }
  }
  const kind = userDataKind(text);
  return documentFromPieces(host, pieces, { kind, label, bootstrap: true });
}

/** A shell (or PowerShell) document from a list of command strings (one per line). */
export function linesDocument(host: SourceDocument, lines: readonly IacValue[], label: string, kind: 'shell' | 'powershell' = 'shell'): SourceDocument | undefined {
  const pieces: TextPiece[] = [];
  for (const line of lines) {
    if (line.kind !== 'string') {
      pieces.push({ text: '${…}\n', start: line.range.start, end: line.range.end, verbatim: false });
      continue;
    }
    pieces.push(...piecesOf(line));
    pieces.push({ text: '\n', start: line.range.end, end: line.range.end, verbatim: false });
  }
  if (pieces.length === 0) return undefined;
  return documentFromPieces(host, pieces, { kind, language: kind === 'shell' ? 'bash' : 'powershell', label, bootstrap: true });
}

/**
 * A write of `content` to `dest` as the shell it amounts to — `cat > DEST <<'CREDLINT_FILE'
 * … CREDLINT_FILE` — with DEST mapped to the destination value and the body to the content
 * (or a `${content}` placeholder when the content is elsewhere): "writes ~/.aws/credentials"
 * and "writes AWS_SECRET_ACCESS_KEY into /etc/environment" are then found by the same code as
 * in a script.
 */
export function fileWriteDocument(host: SourceDocument, dest: IacValue, content: IacValue | undefined, label: string): SourceDocument | undefined {
  // `/home/{{ user }}/.aws/credentials`: a template placeholder stands for one path segment.
  const destText = (knownString(dest) ?? (dest.kind === 'string' ? dest.value : undefined))?.replace(/\{\{[^{}]*\}\}|\$\{[^{}]*\}/g, 'TEMPLATE');
  if (destText === undefined || destText === '' || /[\s'"]/.test(destText)) return undefined;
  const pieces: TextPiece[] = [{ text: 'cat > ', start: dest.range.start, end: dest.range.start, verbatim: false }];
  pieces.push({ text: destText, start: dest.range.start, end: dest.range.end, verbatim: false });
  pieces.push({ text: " <<'CREDLINT_FILE'\n", start: dest.range.end, end: dest.range.end, verbatim: false });
  if (content?.kind === 'string') pieces.push(...piecesOf(content));
  else if (content) pieces.push({ text: '${content}', start: content.range.start, end: content.range.end, verbatim: false });
  else pieces.push({ text: '${content}', start: dest.range.start, end: dest.range.end, verbatim: false });
  pieces.push({ text: '\nCREDLINT_FILE\n', start: dest.range.end, end: dest.range.end, verbatim: false });
  return documentFromPieces(host, pieces, { kind: 'shell', language: 'bash', label, bootstrap: true });
}

/** A script document for a string value (one task, one provisioner input), mapped piece by piece. */
export function scriptDocument(host: SourceDocument, value: IacValue | undefined, kind: 'shell' | 'powershell', label: string): SourceDocument | undefined {
  if (value?.kind !== 'string' || value.value.trim() === '') return undefined;
  return documentFromPieces(host, piecesOf(value), { kind, language: kind === 'shell' ? 'bash' : 'powershell', label, bootstrap: true });
}
