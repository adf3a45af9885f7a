// Dockerfile RUN bodies (shell form, heredocs, `sh -c` exec form) and shell-form CMD and
// ENTRYPOINT as shell virtual documents, mapped line by line onto the Dockerfile.
// https://docs.docker.com/reference/dockerfile/#run
import { createVirtualDocument, VirtualTextBuilder, type SourceDocument } from '../engine/document.js';
import type { Notification } from '../engine/types.js';
import { dockerfile, type DockerfileModel, type DockerInstruction } from '../parsers/dockerfile.js';
import type { Extractor } from './types.js';

const SHELL_NAMES = /^(?:(?:\/usr)?\/bin\/)?(?:sh|bash|dash|ash|zsh)$/;

/**
 * The shell text of a shell-form RUN, line by line: every physical line is copied verbatim
 * (a `\` continuation is also a bash continuation, so columns stay exact), comment lines
 * inside a continuation are dropped as Docker drops them, and a backtick escape character
 * becomes a `\` standing for it. Heredoc bodies are kept (bash parses them as heredocs).
 */
function shellFormText(doc: SourceDocument, ins: DockerInstruction, escape: string, keepEscape = false): { text: string; map: ReturnType<VirtualTextBuilder['build']>['map'] } {
  const builder = new VirtualTextBuilder();
  const text = doc.text;
  const inHeredoc = (offset: number) => ins.heredocs.some((h) => offset >= h.contentStart && offset < h.contentEnd);
  let pos = ins.argsStart;
  let first = true;
  while (pos < ins.end) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1 || nl >= ins.end) nl = ins.end;
    const line = text.slice(pos, nl);
    const heredocLine = inHeredoc(pos);
    if (!first && !heredocLine && (/^\s*#/.test(line) || line.trim() === '')) {
      // A comment or empty line inside a continuation: Docker removes it, line break included
      // (keeping the break would end the command early for the shell parser).
      pos = nl + 1;
      continue;
    } else if (!heredocLine && !keepEscape && escape !== '\\' && line.trimEnd().endsWith(escape)) {
      const at = pos + line.trimEnd().length - 1;
      builder.verbatim(text.slice(pos, at), pos);
      builder.synthetic('\\', at, at + 1);
      builder.verbatim(text.slice(at + 1, nl), at + 1);
    } else {
      builder.verbatim(line, pos);
    }
    if (nl < ins.end) builder.verbatim('\n', nl);
    first = false;
    pos = nl + 1;
  }
  return builder.build();
}

/**
 * Shell virtual documents for every RUN of a Dockerfile (shell form, heredocs, `sh -c` exec
 * form), and for the shell-form CMD and ENTRYPOINT: those run `/bin/sh -c` when the container
 * starts (an IMDSv1 call there runs on every ECS/EC2 host), so they are scanned too, but they
 * are not image-build steps (`bootstrap: false`, labelled with their keyword).
 */
export function runDocuments(doc: SourceDocument, model: DockerfileModel): SourceDocument[] {
  const out: SourceDocument[] = [];
  for (const ins of model.instructions) {
    if (ins.keyword !== 'RUN' && ins.keyword !== 'CMD' && ins.keyword !== 'ENTRYPOINT') continue;
    const build = ins.keyword === 'RUN';
    const label = ins.keyword;
    const windowsShell = model.shells.get(ins.stage);
    if (ins.json) {
      // Exec form: only `["sh", "-c", "script"]` (any flags before -c) holds shell code.
      const values = ins.json.map((t) => t.value);
      const shell = values[0] ?? '';
      const c = values.findIndex((v, i) => i > 0 && /^-[a-zA-Z]*c[a-zA-Z]*$/.test(v));
      const script = c > 0 ? ins.json[c + 1] : undefined;
      if (script && (SHELL_NAMES.test(shell) || /(?:^|[\\/])(?:powershell|pwsh)(?:\.exe)?$/i.test(shell))) {
        const builder = new VirtualTextBuilder();
        const raw = doc.text.slice(script.start, script.end);
        if (raw === script.value) builder.verbatim(raw, script.start);
        else builder.synthetic(script.value, script.start, script.end);
        const { text, map } = builder.build();
        const powershell = /powershell|pwsh/i.test(shell);
        out.push(createVirtualDocument(doc, powershell
          ? { kind: 'user-data', language: 'powershell', text, map, label: `${label} exec form`, bootstrap: build }
          : { kind: 'shell', language: 'shell', text, map, label: `${label} exec form`, bootstrap: build }));
      }
      continue;
    }
    if (windowsShell) {
      // PowerShell/cmd RUN bodies: matched token by token as Windows script text, where a
      // trailing backtick (PowerShell) or caret (cmd) is read as a continuation.
      const { text, map } = shellFormText(doc, ins, model.escape, true);
      out.push(createVirtualDocument(doc, { kind: 'user-data', language: windowsShell === 'cmd' ? 'cmd' : 'powershell', text, map, label, bootstrap: build }));
      continue;
    }
    const { text, map } = shellFormText(doc, ins, model.escape);
    out.push(createVirtualDocument(doc, { kind: 'shell', language: 'shell', text, map, label, bootstrap: build }));
    if (!build) continue;
    // `RUN <<EOF` with no command: Docker runs each heredoc body as a script with the default
    // shell. With a command (`RUN <<EOF bash`, `RUN cat <<EOF > f`) bash itself sees the
    // heredoc in the RUN document above, so nothing more is needed.
    const firstLineEnd = doc.text.indexOf('\n', ins.argsStart);
    const firstLine = doc.text.slice(ins.argsStart, firstLineEnd === -1 ? ins.end : firstLineEnd);
    if (/^\s*<<-?\s*["']?[\w.-]+["']?(?:\s+<<-?\s*["']?[\w.-]+["']?)*\s*$/.test(firstLine)) {
      for (const h of ins.heredocs) {
        if (h.contentEnd <= h.contentStart) continue;
        const builder = new VirtualTextBuilder();
        builder.verbatim(doc.text.slice(h.contentStart, h.contentEnd), h.contentStart);
        const built = builder.build();
        out.push(createVirtualDocument(doc, { kind: 'shell', language: 'shell', text: built.text, map: built.map, label: 'RUN heredoc', bootstrap: true }));
      }
    }
  }
  return out;
}

/** Dockerfile RUN bodies (and shell-form CMD/ENTRYPOINT) → shell virtual documents. */
export const dockerfileRunExtractor: Extractor = {
  name: 'Dockerfile RUN',
  kinds: ['dockerfile'],
  keywords: /^[ \t]*(?:ONBUILD[ \t]+)?(?:RUN|CMD|ENTRYPOINT)\b/im,
  // Windows RUN bodies are `user-data` documents read as PowerShell/cmd.
  produces: ['shell', 'user-data'],
  // Lines are copied as they are (a `\` continuation stays one); exec-form JSON strings may hold
  // escapes, an `# escape=` directive turns backticks into backslashes, a comment line inside a
  // continuation is dropped (joining the lines around it).
  copiesHost: (host) => !/\\(?!\r?\n)|\\\r?\n[ \t]*#|escape\s*=/i.test(host.text),
  extract(document: SourceDocument, notes: Notification[]): SourceDocument[] {
    const model = dockerfile(document);
    if (!model) {
      notes.push({ id: 'parse-error', level: 'warning', path: document.path, message: `${document.path}: the Dockerfile could not be parsed; its RUN instructions were not scanned` });
      return [];
    }
    return runDocuments(document, model);
  },
};
