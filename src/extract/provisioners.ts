// Scripts embedded in provisioning tools, as virtual documents with exact positions, so that the
// bootstrap rules read them the way they read user data:
//  - Ansible tasks: `shell` / `command` / `raw` (and `win_shell` / `win_command` as PowerShell),
//    and `lineinfile` / `blockinfile` / `copy` / `template` writes to a destination, handed over
//    as the shell write they amount to (`cat > DEST <<EOF … EOF`);
//  - Packer provisioners (JSON templates and `.pkr.hcl`): `shell` / `powershell` `inline`
//    lines and scripts, `file` provisioner destinations;
//  - Vagrantfiles: `config.vm.provision "shell", inline: <<-SHELL … SHELL` and inline strings.
// https://docs.ansible.com/ansible/latest/collections/ansible/builtin/shell_module.html
// https://docs.ansible.com/ansible/latest/collections/ansible/builtin/lineinfile_module.html
// https://developer.hashicorp.com/packer/docs/provisioners/shell
// https://developer.hashicorp.com/packer/docs/provisioners/file
// https://developer.hashicorp.com/vagrant/docs/provisioning/shell
import { dirname, resolve as resolvePath } from 'node:path';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createVirtualDocument, VirtualTextBuilder, type SourceDocument } from '../engine/document.js';
import { baseName } from '../kinds.js';
import { parseYamlDocuments } from '../parsers/cloudformation.js';
import { parseTerraform, type TfBlock } from '../parsers/terraform.js';
import { asList, knownString, mapGet, piecesOf, type IacValue } from '../iac/value.js';
import { documentFromPieces, fileWriteDocument, linesDocument, scriptDocument } from './documents.js';
import type { Extractor } from './types.js';
import { hasYamlEscapes } from './copies.js';

function readSibling(doc: SourceDocument, path: string | undefined): string | undefined {
  if (!doc.absPath || !path || /[$`{]/.test(path)) return undefined;
  const full = resolvePath(dirname(doc.absPath), path);
  try {
    if (!existsSync(full) || statSync(full).size > 1024 * 1024) return undefined;
    return readFileSync(full, 'utf8');
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------
// Ansible

const SHELL_MODULES = /^(?:ansible\.builtin\.|ansible\.legacy\.)?(?:shell|command|raw)$/;
const POWERSHELL_MODULES = /^(?:ansible\.windows\.|community\.windows\.)?(?:win_shell|win_command)$/;
const WRITE_MODULES = /^(?:ansible\.builtin\.|ansible\.legacy\.)?(?:lineinfile|blockinfile|copy|template)$/;
const TASK_LISTS = new Set(['tasks', 'pre_tasks', 'post_tasks', 'handlers', 'block', 'rescue', 'always']);

function ansibleTasks(value: IacValue | undefined, out: IacValue[], depth = 0): void {
  if (!value || depth > 6) return;
  if (value.kind === 'list') {
    for (const item of value.items) ansibleTasks(item, out, depth + 1);
    return;
  }
  if (value.kind !== 'map') return;
  out.push(value);
  for (const e of value.entries) if (TASK_LISTS.has(e.key)) ansibleTasks(e.value, out, depth + 1);
}

function ansibleDocuments(doc: SourceDocument, root: IacValue): SourceDocument[] {
  const tasks: IacValue[] = [];
  ansibleTasks(root, tasks);
  const out: SourceDocument[] = [];
  for (const task of tasks) {
    if (task.kind !== 'map') continue;
    const name = knownString(mapGet(task, 'name'));
    const label = (module: string) => `ansible ${module}${name ? ` (${name.slice(0, 60)})` : ''}`;
    for (const e of task.entries) {
      const shell = SHELL_MODULES.test(e.key);
      const powershell = POWERSHELL_MODULES.test(e.key);
      if (shell || powershell) {
        // Free form (`shell: cmd`) or `shell: { cmd: … }`; `argv` lists are run without a shell.
        const value = e.value.kind === 'map' ? mapGet(e.value, 'cmd') : e.value;
        const d = scriptDocument(doc, value, shell ? 'shell' : 'powershell', label(e.key));
        if (d) out.push(d);
        continue;
      }
      if (WRITE_MODULES.test(e.key) && e.value.kind === 'string') {
        // Free form: `copy: src=files/credentials dest=/root/.aws/credentials mode=0600`.
        const dest = freeFormArgument(e.value, /(?:^|\s)(?:dest|path|destfile)=("[^"]*"|'[^']*'|\S+)/);
        const content = freeFormArgument(e.value, /(?:^|\s)(?:line|content)=("[^"]*"|'[^']*'|\S+)/);
        const d = dest ? fileWriteDocument(doc, dest, content, label(e.key)) : undefined;
        if (d) out.push(d);
        continue;
      }
      if (WRITE_MODULES.test(e.key) && e.value.kind === 'map') {
        const dest = mapGet(e.value, 'path') ?? mapGet(e.value, 'dest') ?? mapGet(e.value, 'destfile') ?? mapGet(e.value, 'name');
        if (!dest || dest.kind !== 'string') continue;
        const content = mapGet(e.value, 'line') ?? mapGet(e.value, 'block') ?? mapGet(e.value, 'content');
        const d = fileWriteDocument(doc, dest, content, label(e.key));
        if (d) out.push(d);
      }
    }
  }
  return out;
}

/** A `key=value` argument of a free-form module string, as a string value mapped onto the host. */
function freeFormArgument(value: IacValue, pattern: RegExp): IacValue | undefined {
  if (value.kind !== 'string') return undefined;
  const m = pattern.exec(value.value);
  if (!m) return undefined;
  const raw = m[1] as string;
  const quoted = /^["']/.test(raw) ? 1 : 0;
  const text = raw.slice(quoted, raw.length - quoted);
  const offset = (m.index as number) + m[0].length - raw.length + quoted;
  // Exact offsets when the module string is one verbatim piece of the host; else the whole value.
  const pieces = piecesOf(value);
  const only = pieces.length === 1 && pieces[0]?.verbatim ? pieces[0] : undefined;
  const range = only ? { start: only.start + offset, end: only.start + offset + text.length } : value.range;
  return { kind: 'string', value: text, range, pieces: [{ text, start: range.start, end: range.end, verbatim: only !== undefined }] };
}

/**
 * Whether the first YAML document of a text that has contents may be a sequence, by its first
 * content line: a playbook or task file is a list, and the keyword filter also passes every
 * Kubernetes manifest and Helm template (`command:`, `template:`), which are maps — not worth a
 * parse (the yaml library's, at 2-3 MB/s) to find that out. yaml decides a document's root by its
 * first token after comments, directives and the markers `---` / `...`: a block sequence starts
 * with `-`, a flow sequence with `[`, and a tag or an anchor (`!`, `&`) may stand before either.
 * Any other first token (a key, a scalar, `{`, `?`, an alias) makes the root something else.
 * Errs towards "may" (`-1` is a scalar); test/extract/provisioners.test.ts holds it to the parse.
 */
export function firstDocumentMayBeList(text: string): boolean {
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (at < text.length) {
    let nl = text.indexOf('\n', at);
    if (nl < 0) nl = text.length;
    let i = at;
    at = nl + 1;
    for (;;) {
      while (i < nl && (text[i] === ' ' || text[i] === '\t' || text[i] === '\r')) i++;
      if (i >= nl || text[i] === '#' || text[i] === '%') break;
      // `---` / `...` with a space, a tab or the line's end after them are markers; content
      // after `---` on its line is the root's first token.
      const marker = text.startsWith('---', i) || text.startsWith('...', i);
      const after = text[i + 3];
      if (marker && (i + 3 >= nl || after === ' ' || after === '\t' || after === '\r')) {
        if (text[i] === '.') break;
        i += 3;
        continue;
      }
      const c = text[i];
      return c === '-' || c === '[' || c === '!' || c === '&';
    }
  }
  return false;
}

/** Ansible playbooks and task files: a YAML list of maps where some map names a module we read. */
export const ansibleExtractor: Extractor = {
  name: 'ansible',
  kinds: ['text'],
  keywords: /^\s*-?\s*(?:ansible\.(?:builtin|legacy|windows)\.)?(?:shell|command|raw|win_shell|win_command|lineinfile|blockinfile|copy|template)\s*:/m,
  produces: ['shell', 'powershell'],
  // Module strings as written; YAML escapes (`\\`, `''`) are decoded.
  copiesHost: (host) => !hasYamlEscapes(host.text),
  extract(doc) {
    if (doc.kind !== 'text' || doc.language !== 'yaml' || !firstDocumentMayBeList(doc.text)) return [];
    const root = parseYamlDocuments(doc)[0];
    if (root?.kind !== 'list') return [];
    return ansibleDocuments(doc, root);
  },
};

// ---------------------------------------------------------------------------------------
// Packer

function packerJsonDocuments(doc: SourceDocument, root: IacValue): SourceDocument[] {
  const out: SourceDocument[] = [];
  for (const p of asList(mapGet(root, 'provisioners'))) {
    const type = knownString(mapGet(p, 'type'));
    if (!type) continue;
    const kind = /^(?:shell|shell-local)$/.test(type) ? 'shell' : /^(?:powershell|windows-shell)$/.test(type) ? 'powershell' : undefined;
    const label = `packer provisioner "${type}"`;
    if (kind) {
      const inline = mapGet(p, 'inline');
      if (inline?.kind === 'list') {
        const d = linesDocument(doc, inline.items, `${label} inline`, kind);
        if (d) out.push(d);
      }
      for (const key of ['script', 'scripts']) {
        for (const item of asList(mapGet(p, key))) {
          const text = readSibling(doc, knownString(item));
          if (text !== undefined) out.push(documentFromPieces(doc, [{ text, start: item.range.start, end: item.range.end, verbatim: false }], { kind, label: `${label} ${key} ${knownString(item)}`, bootstrap: true }));
        }
      }
    } else if (type === 'file') {
      const dest = mapGet(p, 'destination');
      if (dest) {
        const d = fileWriteDocument(doc, dest, mapGet(p, 'content'), label);
        if (d) out.push(d);
      }
    }
  }
  return out;
}

function packerHclDocuments(host: SourceDocument, view: SourceDocument, block: TfBlock, out: SourceDocument[]): void {
  for (const nested of block.blocks()) {
    if (nested.type !== 'provisioner') {
      packerHclDocuments(host, view, nested, out);
      continue;
    }
    const type = nested.labels[0]?.value ?? '';
    const label = `packer provisioner "${type}"`;
    const kind = /^(?:shell|shell-local)$/.test(type) ? 'shell' : /^(?:powershell|windows-shell)$/.test(type) ? 'powershell' : undefined;
    if (kind) {
      const inline = nested.attribute('inline')?.value();
      if (inline?.kind === 'list') {
        const d = linesDocument(view, inline.items, `${label} inline`, kind);
        if (d) out.push(d);
      }
    } else if (type === 'file') {
      const dest = nested.attribute('destination')?.value();
      if (dest) {
        const d = fileWriteDocument(view, dest, nested.attribute('content')?.value(), label);
        if (d) out.push(d);
      }
    }
  }
}

export const packerExtractor: Extractor = {
  name: 'packer',
  kinds: ['text'],
  keywords: /provisioner/,
  produces: ['shell', 'powershell'],
  extract(doc) {
    if (doc.kind !== 'text') return [];
    if (/\.pkr\.hcl$/i.test(doc.path)) {
      // Read through the HCL parser on a same-text view (never joins a Terraform module cache).
      const { text, map } = new VirtualTextBuilder().verbatim(doc.text, 0).build();
      const view = createVirtualDocument(doc, { kind: 'terraform', language: 'hcl', text, map, label: 'packer template', bootstrap: false });
      const out: SourceDocument[] = [];
      for (const block of parseTerraform(view).blocks) if (block.type === 'build') packerHclDocuments(doc, view, block, out);
      return out;
    }
    if (doc.language !== 'json' || !/"provisioners"/.test(doc.text)) return [];
    const root = parseYamlDocuments(doc)[0];
    return root?.kind === 'map' ? packerJsonDocuments(doc, root) : [];
  },
};

// ---------------------------------------------------------------------------------------
// EC2Launch v2 YAML user data
// https://docs.aws.amazon.com/AWSEC2/latest/WindowsGuide/ec2launch-v2-settings.html#ec2launch-v2-task-configuration

/** `tasks: [{ task: executeScript, inputs: [{ type: powershell|batch|bash, content: … }] }]`. */
export const ec2LaunchV2Extractor: Extractor = {
  name: 'ec2launch-v2',
  kinds: ['user-data', 'text'],
  keywords: /\btask:\s*["']?executeScript/,
  produces: ['shell', 'powershell'],
  copiesHost: (host) => !hasYamlEscapes(host.text),
  extract(doc) {
    if (doc.kind === 'text' && doc.language !== 'yaml') return [];
    const root = parseYamlDocuments(doc)[0];
    if (root?.kind !== 'map') return [];
    const out: SourceDocument[] = [];
    for (const task of asList(mapGet(root, 'tasks'))) {
      if (knownString(mapGet(task, 'task')) !== 'executeScript') continue;
      for (const input of asList(mapGet(task, 'inputs'))) {
        const type = knownString(mapGet(input, 'type'));
        const kind = type === 'powershell' ? 'powershell' : type === 'bash' ? 'shell' : undefined;
        const d = kind ? scriptDocument(doc, mapGet(input, 'content'), kind, `EC2Launch v2 executeScript (${type})`) : undefined;
        if (d) out.push(d);
      }
    }
    return out;
  },
};

// ---------------------------------------------------------------------------------------
// Vagrant

/** Ruby heredocs (`<<-SHELL`, `<<~SCRIPT`, `<<EOS`) and `inline: "…"` strings of a Vagrantfile. */
export const vagrantExtractor: Extractor = {
  name: 'vagrant',
  kinds: ['text'],
  keywords: /provision/,
  produces: ['shell'],
  // Heredoc bodies and inline strings as they are in the file; `provision "file"` writes glued to
  // the destination as written.
  copiesHost: () => true,
  extract(doc) {
    if (!/^Vagrantfile$/i.test(baseName(doc.path))) return [];
    const out: SourceDocument[] = [];
    const text = doc.text;
    const push = (start: number, end: number, label: string) => {
      if (end <= start) return;
      const built = new VirtualTextBuilder().verbatim(text.slice(start, end), start).build();
      out.push(createVirtualDocument(doc, { kind: 'shell', language: 'bash', text: built.text, map: built.map, label, bootstrap: true }));
    };
    for (const m of text.matchAll(/<<([-~]?)(["']?)([A-Z_][A-Z0-9_]*)\2[^\n]*\n/g)) {
      const bodyStart = (m.index as number) + m[0].length;
      const close = new RegExp(`^[ \\t]*${m[3]}[ \\t]*$`, 'm');
      const rest = text.slice(bodyStart);
      const c = close.exec(rest);
      const bodyEnd = c ? bodyStart + c.index : text.length;
      push(bodyStart, bodyEnd, `Vagrantfile heredoc ${m[3]}`);
    }
    // `config.vm.provision "file", source: …, destination: "~/.aws/credentials"`: a write at its destination.
    for (const m of text.matchAll(/\bprovision\s*\(?\s*(?::file|["']file["'])[^\n]*?\bdestination:\s*(["'])([^"'\n]+)\1/g)) {
      const start = (m.index as number) + m[0].length - 1 - (m[2] as string).length;
      const dest: IacValue = { kind: 'string', value: m[2] as string, range: { start, end: start + (m[2] as string).length } };
      const d = fileWriteDocument(doc, dest, undefined, 'Vagrantfile provision "file"');
      if (d) out.push(d);
    }
    for (const m of text.matchAll(/\binline:\s*(["'])((?:\\.|(?!\1)[^\\\n])*)\1/g)) {
      const start = (m.index as number) + m[0].indexOf(m[1] as string) + 1;
      push(start, start + (m[2] as string).length, 'Vagrantfile inline');
    }
    return out;
  },
};
