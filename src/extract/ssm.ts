// SSM documents: the `aws:runShellScript` / `aws:runPowerShellScript` steps of a Systems
// Manager command document, as shell or PowerShell documents — in a document file of their
// own, and in the `Content` of an `AWS::SSM::Document` / `aws_ssm_document` (the CloudFormation
// and Terraform extractors call ssmShellDocuments).
// https://docs.aws.amazon.com/systems-manager/latest/userguide/documents-command-ssm-plugin-reference.html#aws-runShellScript
import type { SourceDocument } from '../engine/document.js';
import { baseName } from '../kinds.js';
import { parseYamlDocuments } from '../parsers/cloudformation.js';
import type { IacValue } from '../iac/value.js';
import { asList, knownString, mapGet, piecesOf } from '../iac/value.js';
import { documentFromPieces, linesDocument } from './documents.js';
import type { Extractor } from './types.js';

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

function isYamlOrJson(doc: SourceDocument): boolean {
  return doc.kind === 'text' && (doc.language === 'yaml' || doc.language === 'json');
}

export const ssmDocumentExtractor: Extractor = {
  name: 'ssm-document',
  kinds: ['text'],
  keywords: /aws:run(?:Shell|PowerShell)Script/,
  produces: ['shell', 'powershell'],
  extract(doc) {
    if (!isYamlOrJson(doc) || !/schemaVersion/.test(doc.text)) return [];
    const root = parseYamlDocuments(doc)[0];
    if (root?.kind !== 'map' || !mapGet(root, 'schemaVersion')) return [];
    return ssmShellDocuments(doc, root, `SSM document ${baseName(doc.path)}`);
  },
};
