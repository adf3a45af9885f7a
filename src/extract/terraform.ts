// Scripts embedded in Terraform, as virtual documents whose positions map back to the .tf
// file: EC2 user data (`user_data`, `user_data_base64`, in launch templates and nested blocks),
// `remote-exec` provisioners (inline lines, scripts read from the module), `provisioner "file"`
// writes and `aws_ssm_document` content.
// https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance#user_data
// https://developer.hashicorp.com/terraform/language/resources/provisioners/remote-exec
//
// Files read by `file()` / `templatefile()` are another file: their text becomes one
// synthetic segment, so a finding inside is reported at the `file(…)` call in the .tf (the
// payload the instance gets is assembled there). When the referenced file is itself part
// of the scan it is also checked on its own, at its own lines.
import { dirname, resolve as resolvePath } from 'node:path';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { SourceDocument } from '../engine/document.js';
import type { Notification } from '../engine/types.js';
import { parseTerraform, resourceName, resourceType, type TfBlock } from '../parsers/terraform.js';
import type { Range, TextPiece } from '../iac/value.js';
import { asList, knownString, piecesOf } from '../iac/value.js';
import { documentFromPieces, linesDocument, userDataDocument } from './documents.js';
import { hasDecodableBase64, hasEscapes, terraformValueExtents } from './copies.js';
import { ssmShellDocuments } from './ssm.js';
import type { Extractor } from './types.js';

/**
 * Whether the user data of a .tf file is only runs of its text. Provisioners, SSM documents
 * and `user_data_base64` are never judged so; each `user_data` value must be a literal (quoted
 * or heredoc) with no interpolation, directive or escape: `${var.x}` brings in a default from
 * another file, `file()` another file, `base64decode()` decoded text.
 */
function terraformCopiesHost(text: string): boolean {
  if (/remote-exec|provisioner|runShellScript|runPowerShellScript|aws_ssm_document|user_data_base64/.test(text)) return false;
  for (const value of terraformValueExtents(text, 'user_data')) {
    if (value === undefined) return false;
    if (/\$\{|%\{/.test(value) || hasEscapes(value) || hasDecodableBase64(value)) return false;
  }
  return true;
}

const USER_DATA_ATTRIBUTES = new Set(['user_data', 'user_data_base64']);

function readModuleFile(dir: string | undefined, path: string | undefined): { text: string; full: string } | undefined {
  if (!dir || !path) return undefined;
  const full = resolvePath(dir, path);
  try {
    if (!existsSync(full) || statSync(full).size > 1024 * 1024) return undefined;
    return { text: readFileSync(full, 'utf8'), full };
  } catch {
    return undefined;
  }
}

/**
 * `provisioner "file"` copies `content` (or the local `source` file) to `destination` on the
 * machine. It is handed to the bootstrap rules as the shell write it amounts to —
 * `cat > DEST <<EOF … EOF` — with DEST mapped to the destination value and the body to the
 * content, so "writes ~/.aws/credentials" is found by the same code as in a script.
 * https://developer.hashicorp.com/terraform/language/resources/provisioners/file
 */
function fileProvisionerDocument(doc: SourceDocument, block: TfBlock, owner: string): SourceDocument | undefined {
  const destAttr = block.attribute('destination');
  const dest = destAttr?.value();
  const destText = dest ? knownString(dest) : undefined;
  if (!destAttr || !dest || destText === undefined || /[\s'"]/.test(destText)) return undefined;
  const pieces: TextPiece[] = [{ text: 'cat > ', start: destAttr.range.start, end: destAttr.range.start, verbatim: false }];
  pieces.push({ text: destText, start: dest.range.start, end: dest.range.end, verbatim: false });
  pieces.push({ text: " <<'CREDLINT_FILE'\n", start: dest.range.end, end: dest.range.end, verbatim: false });
  const content = block.attribute('content')?.value();
  const source = block.attribute('source');
  if (content?.kind === 'string') {
    pieces.push(...piecesOf(content));
  } else if (content) {
    // Not known statically (a template whose file is elsewhere): the write itself still counts.
    pieces.push({ text: '${content}', start: content.range.start, end: content.range.end, verbatim: false });
  } else if (source) {
    const value = source.value();
    const path = knownString(value);
    const file = readModuleFile(doc.absPath ? dirname(doc.absPath) : undefined, path?.replace(/^\$\{path\.module\}\//, ''));
    if (file) pieces.push({ text: file.text, start: value.range.start, end: value.range.end, verbatim: false });
  }
  pieces.push({ text: '\nCREDLINT_FILE\n', start: block.range.end, end: block.range.end, verbatim: false });
  return documentFromPieces(doc, pieces, { kind: 'shell', language: 'bash', label: `provisioner "file" of ${owner}`, bootstrap: true });
}

function tfExtractBlock(doc: SourceDocument, block: TfBlock, owner: string, out: SourceDocument[]): void {
  for (const attr of block.attributes()) {
    if (!USER_DATA_ATTRIBUTES.has(attr.name)) continue;
    const d = userDataDocument(doc, attr.value(), `${attr.name} of ${owner}`, attr.name === 'user_data_base64');
    if (d) out.push(d);
  }
  for (const nested of block.blocks()) {
    if (nested.type === 'provisioner') {
      if (nested.labels[0]?.value === 'file') {
        const d = fileProvisionerDocument(doc, nested, owner);
        if (d) out.push(d);
        continue;
      }
      if (nested.labels[0]?.value !== 'remote-exec') continue;
      const inline = nested.attribute('inline')?.value();
      if (inline?.kind === 'list') {
        const d = linesDocument(doc, inline.items, `remote-exec inline of ${owner}`);
        if (d) out.push(d);
      }
      const dir = doc.absPath ? dirname(doc.absPath) : undefined;
      for (const name of ['script', 'scripts']) {
        const attr = nested.attribute(name);
        if (!attr) continue;
        for (const item of asList(attr.value())) {
          const path = knownString(item) ?? (item.kind === 'string' ? item.value.replace(/^\$\{path\.module\}\//, '') : undefined);
          const file = readModuleFile(dir, path?.replace(/^\$\{path\.module\}\//, ''));
          if (!file) continue;
          const range: Range = item.range;
          out.push(documentFromPieces(doc, [{ text: file.text, start: range.start, end: range.end, verbatim: false }], { kind: 'shell', language: 'bash', label: `remote-exec ${name} ${path} of ${owner}`, bootstrap: true }));
        }
      }
      continue;
    }
    tfExtractBlock(doc, nested, owner, out);
  }
}

export function terraformEmbeddedDocuments(doc: SourceDocument, notes?: Notification[]): SourceDocument[] {
  const file = parseTerraform(doc, notes);
  const out: SourceDocument[] = [];
  for (const block of file.blocks) {
    if (block.type !== 'resource' || block.labels.length < 2) continue;
    const owner = `${resourceType(block)}.${resourceName(block)}`;
    if (resourceType(block) === 'aws_ssm_document') {
      out.push(...ssmShellDocuments(doc, block.attribute('content')?.value(), `content of ${owner}`));
      continue;
    }
    tfExtractBlock(doc, block, owner, out);
  }
  return out;
}

export const terraformUserDataExtractor: Extractor = {
  name: 'terraform-user-data',
  kinds: ['terraform'],
  keywords: /user_data|remote-exec|runShellScript|runPowerShellScript|provisioner\s+"file"/,
  produces: ['user-data', 'cloud-init', 'shell', 'powershell'],
  // `.tf.json` strings have JSON escapes and no heredocs: never judged a copy.
  copiesHost: (host) => !/\.json$/i.test(host.path) && terraformCopiesHost(host.text),
  extract(doc, notes) {
    return terraformEmbeddedDocuments(doc, notes);
  },
};
