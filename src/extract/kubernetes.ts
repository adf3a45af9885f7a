// Kubernetes `Secret` manifests: the values under `data:` are base64, so a committed Secret
// holding AWS keys is a leaked key that no text detector can see. This extractor decodes
// each value and hands it to the rules as a virtual document `<key>=<decoded>`, so the
// credential name (`AWS_SECRET_ACCESS_KEY=…`) gives the detectors their usual context, and
// maps the whole text to the base64 value in the manifest: findings point at that value and
// snippets mask it. `stringData:` values are plain text, already scanned in place.
// https://kubernetes.io/docs/concepts/configuration/secret/
// https://kubernetes.io/docs/reference/kubernetes-api/config-and-storage-resources/secret-v1/
import { VirtualTextBuilder, createVirtualDocument, type SourceDocument } from '../engine/document.js';
import type { Notification } from '../engine/types.js';
import type { IacString, IacValue, Range } from '../iac/value.js';
import { asList, knownString, mapGet, piecesOf } from '../iac/value.js';
import { parseYamlDocuments } from '../parsers/cloudformation.js';
import { decodeBase64Text } from './documents.js';
import type { Extractor } from './types.js';

/** The range of the value's characters in the host, without the quotes of a quoted scalar. */
function valueRange(value: IacString): Range {
  const pieces = piecesOf(value);
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  return first && last ? { start: first.start, end: last.end } : value.range;
}

function secretDocuments(host: SourceDocument, manifest: IacValue, out: SourceDocument[], depth = 0): void {
  if (manifest.kind !== 'map' || depth > 4) return;
  const kind = knownString(mapGet(manifest, 'kind'));
  const apiVersion = knownString(mapGet(manifest, 'apiVersion'));
  // `kubectl get secrets -o yaml` writes a `List` (or `SecretList`) of Secrets.
  if (kind === 'List' || kind === 'SecretList') {
    for (const item of asList(mapGet(manifest, 'items'))) secretDocuments(host, item, out, depth + 1);
    return;
  }
  // Secret is a core (v1) kind; another API group's `Secret` is some CRD with its own schema.
  if (kind !== 'Secret' || (apiVersion !== undefined && apiVersion !== 'v1')) return;
  const name = knownString(mapGet(mapGet(manifest, 'metadata'), 'name')) ?? '(unnamed)';
  const data = mapGet(manifest, 'data');
  if (data?.kind !== 'map') return;
  for (const entry of data.entries) {
    const value = entry.value;
    // Helm/kustomize placeholders and non-strings are not base64 we can read.
    if (value.kind !== 'string' || value.hasPlaceholders) continue;
    // Values that are not base64 of readable text (binary keystores, typos) are skipped
    // silently: the API server would reject a malformed value, so this is not our finding.
    const decoded = decodeBase64Text(value.value);
    if (decoded === undefined || decoded.trim().length === 0) continue;
    const range = valueRange(value);
    const text = `${entry.key}=${decoded}${decoded.endsWith('\n') ? '' : '\n'}`;
    const { text: built, map } = new VirtualTextBuilder().synthetic(text, range.start, range.end).build();
    out.push(
      createVirtualDocument(host, {
        kind: 'text',
        language: 'dotenv',
        text: built,
        map,
        label: `Secret ${name} data.${entry.key} (base64)`,
        bootstrap: false,
      }),
    );
  }
}

export const kubernetesSecretExtractor: Extractor = {
  name: 'kubernetes-secret',
  kinds: ['text'],
  keywords: /\bkind:\s*["']?Secret\b|"kind"\s*:\s*"Secret"/,
  // `<key>=<decoded value>`, read as dotenv text; always decoded, so never a copy of the host.
  produces: ['text'],
  extract(document: SourceDocument, _notes: Notification[]): SourceDocument[] {
    if (document.language !== 'yaml' && document.language !== 'json') return [];
    // No notes for parse errors: Helm chart templates (`{{ .Values.x | b64enc }}`) are not
    // YAML until rendered, and the text rules still scan them in place.
    const out: SourceDocument[] = [];
    for (const root of parseYamlDocuments(document)) secretDocuments(document, root, out);
    return out;
  },
};
