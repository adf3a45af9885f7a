// MIME multipart user data (what `cloud-init devel make-mime` and most launch tooling write):
// one virtual document per script or cloud-config part, decoded when the part is encoded.
// https://cloudinit.readthedocs.io/en/latest/explanation/format.html#mime-multi-part-archive
import { createVirtualDocument, VirtualTextBuilder, type SourceDocument } from '../engine/document.js';
import type { Notification } from '../engine/types.js';
import { kindOfPart, parseMultipart, userDataFormat, type MimePart } from '../parsers/user-data.js';
import type { Extractor } from './types.js';

function partDocuments(doc: SourceDocument, parts: readonly MimePart[]): SourceDocument[] {
  const out: SourceDocument[] = [];
  for (const part of parts) {
    const raw = doc.text.slice(part.bodyStart, part.bodyEnd);
    const body = part.decoded ?? raw;
    const kind = kindOfPart(part, body);
    if (!kind) continue;
    const builder = new VirtualTextBuilder();
    if (part.decoded !== undefined) builder.synthetic(part.decoded, part.bodyStart, part.bodyEnd);
    else builder.verbatim(raw, part.bodyStart);
    let { text, map } = builder.build();
    if (kind === 'user-data' && part.boundary) {
      // A nested multipart: hand over its boundary by keeping its own headers out of the way.
      const nested = parseMultipart(doc.text, part.bodyStart, part.bodyEnd, part.boundary);
      if (nested) {
        out.push(...partDocuments(doc, nested));
        continue;
      }
    }
    out.push(
      createVirtualDocument(doc, {
        kind,
        text,
        map,
        label: `multipart part ${part.index} (${part.contentType || 'no content type'})`,
        bootstrap: true,
      }),
    );
  }
  return out;
}

/** MIME multipart user data → one virtual document per script or cloud-config part. */
export const multipartUserDataExtractor: Extractor = {
  name: 'multipart user data',
  kinds: ['user-data', 'cloud-init'],
  keywords: /multipart\//i,
  produces: ['user-data', 'cloud-init', 'shell', 'powershell'],
  // base64 and quoted-printable parts are decoded, gzip parts inflated.
  copiesHost: (host) => !/Content-Transfer-Encoding|gzip/i.test(host.text),
  extract(document: SourceDocument, notes: Notification[]): SourceDocument[] {
    if (userDataFormat(document.text) !== 'multipart') return [];
    const parts = parseMultipart(document.text);
    if (!parts) {
      notes.push({ id: 'parse-error', level: 'note', path: document.path, message: `${document.path}: multipart user data declares no boundary; its parts were not scanned` });
      return [];
    }
    return partDocuments(document, parts);
  },
};
