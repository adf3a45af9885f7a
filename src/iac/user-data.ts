// Scripts embedded in CloudFormation and Terraform, as virtual documents whose positions map
// back to the template: EC2 user data, Terraform `remote-exec` provisioners and SSM
// `aws:runShellScript` documents. Every rule that reads shell, cloud-init or plain text
// (the credential detectors included) then reports at the real line and column of the .tf
// or template file.
// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ec2-instance.html#cfn-ec2-instance-userdata
// https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance#user_data
// https://developer.hashicorp.com/terraform/language/resources/provisioners/remote-exec
// https://docs.aws.amazon.com/systems-manager/latest/userguide/documents-command-ssm-plugin-reference.html#aws-runShellScript
//
// Files read by `file()` / `templatefile()` are another file: their text becomes one
// synthetic segment, so a finding inside is reported at the `file(…)` call in the .tf (the
// payload the instance gets is assembled there). When the referenced file is itself part
// of the scan it is also checked on its own, at its own lines.
import { createVirtualDocument, OffsetMap, VirtualTextBuilder, type SourceDocument } from '../engine/document.js';
import type { Extractor } from '../engine/extractors.js';
import type { Notification } from '../engine/types.js';
import { userDataKind } from '../kinds.js';
import { notifyCloudFormationErrors, parseCloudFormation, parseYamlDocuments, type CfnTemplate } from '../parsers/cloudformation.js';
import { isTerraformParsed, parseTerraform, resourceName, resourceType, type TfBlock } from '../parsers/terraform.js';
import { dirname, resolve as resolvePath } from 'node:path';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IacString, IacValue, Range, TextPiece } from './value.js';
import { asList, knownString, mapGet, piecesOf } from './value.js';

// ---------------------------------------------------------------------------------------
// Building virtual documents from evaluated strings

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

/** `aws:runShellScript` / `aws:runPowerShellScript` steps of an SSM document body (schema 2.x `mainSteps`, 1.2 `runtimeConfig`). */
export function ssmShellDocuments(host: SourceDocument, content: IacValue | undefined, label: string): SourceDocument[] {
  const out: SourceDocument[] = [];
  if (!content) return out;
  if (content.kind === 'string' && content.encoded) return ssmShellDocuments(host, content.encoded, label);
  if (content.kind === 'string' && !content.fromFile) {
    // A JSON/YAML document in a string (heredoc or JSON string): parse it as its own
    // virtual document so positions still map through the string to the host.
    const inner = documentFromPieces(host, piecesOf(content), { kind: 'text', language: 'yaml', label, bootstrap: false });
    const root = parseYamlDocuments(inner)[0];
    return root ? ssmShellDocuments(inner, root, label) : out;
  }
  if (content.kind !== 'map') return out;
  const steps: { action: string | undefined; inputs: IacValue | undefined }[] = [];
  for (const step of asList(mapGet(content, 'mainSteps'))) {
    steps.push({ action: knownString(mapGet(step, 'action')), inputs: mapGet(step, 'inputs') });
  }
  const runtime = mapGet(content, 'runtimeConfig');
  if (runtime?.kind === 'map') {
    for (const e of runtime.entries) {
      if (e.key !== 'aws:runShellScript' && e.key !== 'aws:runPowerShellScript') continue;
      for (const props of asList(mapGet(e.value, 'properties'))) steps.push({ action: e.key, inputs: props });
    }
  }
  for (const step of steps) {
    if (step.action !== 'aws:runShellScript' && step.action !== 'aws:runPowerShellScript') continue;
    const run = mapGet(step.inputs, 'runCommand');
    const lines = run?.kind === 'list' ? run.items : run ? [run] : [];
    const doc = linesDocument(host, lines, `${label} runCommand`, step.action === 'aws:runShellScript' ? 'shell' : 'powershell');
    if (doc) out.push(doc);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// CloudFormation

const USER_DATA_KEYS = new Set(['UserData', 'UserDataOverride']);

function cfnExtract(doc: SourceDocument, template: CfnTemplate): SourceDocument[] {
  const out: SourceDocument[] = [];
  for (const resource of template.resources) {
    if (resource.type === 'AWS::SSM::Document') {
      out.push(...ssmShellDocuments(doc, mapGet(resource.properties, 'Content'), `Content of ${resource.logicalId}`));
      continue;
    }
    // UserData may sit at any depth: Instance.UserData, LaunchTemplateData.UserData,
    // SpotFleet LaunchSpecifications[].UserData, Batch/ImageBuilder overrides.
    const walk = (value: IacValue | undefined, path: string) => {
      if (!value) return;
      if (value.kind === 'map') {
        for (const e of value.entries) {
          if (USER_DATA_KEYS.has(e.key)) {
            const d = userDataDocument(doc, e.value, `${path ? `${path}.` : ''}${e.key} of ${resource.logicalId}`);
            if (d) out.push(d);
          } else walk(e.value, path ? `${path}.${e.key}` : e.key);
        }
      } else if (value.kind === 'list') value.items.forEach((item) => walk(item, path));
    };
    walk(resource.properties, '');
  }
  return out;
}

export const cloudFormationUserDataExtractor: Extractor = {
  name: 'cloudformation-user-data',
  kinds: ['cloudformation'],
  keywords: /UserData|runShellScript|runPowerShellScript/,
  extract(doc, notes) {
    const template = parseCloudFormation(doc, notes);
    return template ? cfnExtract(doc, template) : [];
  },
};

/** Reports unreadable templates once, whatever rules run (a notification, never a crash). */
export const cloudFormationSyntaxExtractor: Extractor = {
  name: 'cloudformation-syntax',
  kinds: ['cloudformation'],
  extract(doc, notes) {
    notifyCloudFormationErrors(doc, notes);
    return [];
  },
};

// ---------------------------------------------------------------------------------------
// Terraform

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
  extract(doc, notes) {
    return terraformEmbeddedDocuments(doc, notes);
  },
};

export const terraformSyntaxExtractor: Extractor = {
  name: 'terraform-syntax',
  kinds: ['terraform'],
  extract(doc, notes) {
    // .tfvars are attribute-only files: parse failures there are not interesting.
    if (/\.tfvars(?:\.json)?$/i.test(doc.path)) return [];
    // Reports syntax errors of a file some rule or extractor parsed; never parses just for that.
    if (isTerraformParsed(doc)) parseTerraform(doc, notes);
    return [];
  },
};

export type { IacString };
export { OffsetMap };
