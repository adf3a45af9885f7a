// cloud-config (cloud-init) user data: `runcmd`/`bootcmd` entries as shell documents and
// `write_files` entries as documents of the kind their path names, mapped onto the YAML.
// https://cloudinit.readthedocs.io/en/latest/reference/modules.html#runcmd
// https://cloudinit.readthedocs.io/en/latest/reference/modules.html#write-files
import { createVirtualDocument, VirtualTextBuilder, type SourceDocument } from '../engine/document.js';
import type { Notification } from '../engine/types.js';
import { classifyFile, languageOf } from '../kinds.js';
import { appendScalar, cloudConfig, commandText } from '../parsers/cloud-init.js';
import { hasYamlEscapes } from './copies.js';
import type { Extractor } from './types.js';

/**
 * cloud-config → virtual documents: each runcmd/bootcmd entry as a shell script (label
 * `cloud-init runcmd[2]`), each write_files entry as a document of the kind its path names
 * (a `.sh` script, an AWS credentials file …), and `#cloud-boothook` payloads stay shell
 * documents handled by the shell parser directly.
 */
export const cloudInitExtractor: Extractor = {
  name: 'cloud-init',
  kinds: ['cloud-init', 'user-data'],
  keywords: /runcmd|bootcmd|write_files/,
  // write_files entries are classified by their path.
  produces: 'any',
  // `encoding: b64|gzip` content is decoded; double-quoted scalars have escapes.
  copiesHost: (host) => !hasYamlEscapes(host.text) && !/\bencoding\s*:/.test(host.text),
  extract(document: SourceDocument, notes: Notification[]): SourceDocument[] {
    const config = cloudConfig(document);
    if (!config) return [];
    if (config.errors.length > 0 && config.commands.length === 0 && config.writeFiles.length === 0) {
      notes.push({ id: 'parse-error', level: 'note', path: document.path, message: `${document.path}: cloud-config is not valid YAML (${config.errors[0]}); its commands were not scanned` });
      return [];
    }
    const out: SourceDocument[] = [];
    for (const command of config.commands) {
      const { text, map } = commandText(command, document.text);
      out.push(createVirtualDocument(document, { kind: 'shell', language: 'shell', text, map, label: `cloud-init ${command.section}[${command.index}]`, bootstrap: true }));
    }
    for (const file of config.writeFiles) {
      if (!file.content || file.content.value === '') continue;
      const builder = new VirtualTextBuilder();
      if (file.content.decoded) builder.synthetic(file.content.value, file.content.start, file.content.end);
      else appendScalar(builder, file.content.value, document.text, file.content.scalar);
      const { text, map } = builder.build();
      const path = file.path?.value ?? `write_files[${file.index}]`;
      const kind = classifyFile(path, text.slice(0, 16384));
      out.push(
        createVirtualDocument(document, {
          kind,
          language: languageOf(path, kind),
          text,
          map,
          label: `cloud-init write_files[${file.index}] (${path})`,
          bootstrap: true,
        }),
      );
    }
    return out;
  },
};
