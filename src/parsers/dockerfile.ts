// Dockerfiles, parsed with dockerfile-ast: instructions with their keyword, flags, ENV/ARG
// pairs, COPY/ADD sources and RUN bodies, all as document offsets; plus the extractor that
// hands each RUN body to the shell rules as a virtual document.
// https://docs.docker.com/reference/dockerfile/
//
// dockerfile-ast positions are 0-based line/character (UTF-16), converted here with the
// document's own line index. Cost: one parse per Dockerfile (fast, line based), cached.
// dockerfile-ast (and the vscode-languageserver types it brings) is required on the first
// Dockerfile, not at start-up (src/lazy-require.ts): ~10 ms a scan without Dockerfiles saves.
import type { DockerfileParser as DockerfileParserType, Instruction } from 'dockerfile-ast';
import { lazyRequire } from '../lazy-require.js';

const dockerfileAst = lazyRequire<{ DockerfileParser: typeof DockerfileParserType }>('dockerfile-ast', 'dockerfile-ast.cjs');
import {
  createVirtualDocument,
  VirtualTextBuilder,
  type SourceDocument,
} from '../engine/document.js';
import type { Extractor } from '../engine/extractors.js';
import type { Notification } from '../engine/types.js';

interface AstRange {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

export interface DockerToken {
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

export interface DockerFlag {
  readonly name: string;
  readonly value: string | null;
  readonly start: number;
  readonly end: number;
}

export interface DockerProperty {
  readonly name: DockerToken;
  /** Undefined for `ARG NAME` without a default. */
  readonly value: DockerToken | undefined;
}

export interface DockerHeredoc {
  readonly name: string;
  /** Content range; empty when the heredoc has no body. */
  readonly contentStart: number;
  readonly contentEnd: number;
}

export interface DockerInstruction {
  /** Upper-cased keyword: RUN, ENV, ARG, COPY … */
  readonly keyword: string;
  readonly keywordStart: number;
  readonly start: number;
  readonly end: number;
  /** 0-based index of the build stage (−1 before the first FROM). */
  readonly stage: number;
  readonly flags: readonly DockerFlag[];
  /** Whitespace-separated arguments after the flags (shell form), as dockerfile-ast splits them. */
  readonly args: readonly DockerToken[];
  /** ENV / ARG / LABEL pairs. */
  readonly properties: readonly DockerProperty[];
  readonly heredocs: readonly DockerHeredoc[];
  /** Start of the arguments (after the flags). */
  readonly argsStart: number;
  /** Exec form `["…", "…"]`: the strings with their content ranges (inside the quotes). */
  readonly json: readonly DockerToken[] | undefined;
  /** The ONBUILD trigger this instruction came from (its keyword then reads e.g. RUN). */
  readonly onbuild: boolean;
}

export interface DockerfileModel {
  readonly instructions: readonly DockerInstruction[];
  /** Number of stages (FROM instructions). */
  readonly stageCount: number;
  readonly escape: string;
  /** Stages whose SHELL is not POSIX (powershell, pwsh, cmd): their RUN bodies are not sh. */
  readonly shells: ReadonlyMap<number, string>;
}

const cache = new WeakMap<SourceDocument, DockerfileModel | null>();

/** The parsed Dockerfile, once per document; undefined when the document is not a Dockerfile. */
export function dockerfile(doc: SourceDocument): DockerfileModel | undefined {
  if (doc.kind !== 'dockerfile') return undefined;
  const cached = cache.get(doc);
  if (cached !== undefined) return cached ?? undefined;
  let model: DockerfileModel | null;
  try {
    model = parseDockerfile(doc);
  } catch {
    model = null;
  }
  cache.set(doc, model);
  return model ?? undefined;
}

/** JSON string tokens of an exec-form array in `text`, with content offsets (inside the quotes). */
export function jsonStrings(text: string, offset: number): DockerToken[] | undefined {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('[')) return undefined;
  const out: DockerToken[] = [];
  const re = /"((?:[^"\\\n]|\\.)*)"/g;
  for (const m of text.matchAll(re)) {
    let value: string;
    try {
      value = JSON.parse(m[0]) as string;
    } catch {
      return undefined;
    }
    out.push({ value, start: offset + m.index + 1, end: offset + m.index + m[0].length - 1 });
  }
  // Only a well-formed array counts as exec form (otherwise Docker runs it with a shell).
  try {
    const parsed: unknown = JSON.parse(trimmed.trimEnd());
    if (!Array.isArray(parsed)) return undefined;
  } catch {
    return undefined;
  }
  return out;
}

function parseDockerfile(doc: SourceDocument): DockerfileModel {
  const lines = doc.lines;
  const toOffset = (p: { line: number; character: number }) => lines.lineStart(p.line + 1) + p.character;
  const range = (r: AstRange) => ({ start: toOffset(r.start), end: toOffset(r.end) });
  // One line model for every parser: credlint breaks lines at LF (CRLF included), dockerfile-ast
  // also at a lone CR, which shifted every later finding by a line. A lone CR becomes a space
  // (same length, so offsets hold) for the parse only.
  const parsed = dockerfileAst().DockerfileParser.parse(doc.text.includes('\r') ? doc.text.replace(/\r(?!\n)/g, ' ') : doc.text);
  const instructions: DockerInstruction[] = [];
  const shells = new Map<number, string>();
  let stage = -1;

  const add = (ins: Instruction, onbuild: boolean, keywordOverride?: string) => {
    const keyword = (keywordOverride ?? ins.getKeyword()).toUpperCase();
    if (keyword === 'FROM' && !onbuild) stage++;
    const whole = range(ins.getRange() as AstRange);
    const kw = range(ins.getInstructionRange() as AstRange);
    const anyIns = ins as unknown as {
      getFlags?: () => Array<{ getName(): string; getValue(): string | null; getRange(): AstRange }>;
      getProperties?: () => Array<{ getName(): string; getNameRange(): AstRange; getValue(): string | null; getValueRange(): AstRange | null }>;
      getHeredocs?: () => Array<{ getName(): string; getContentRange(): AstRange | null }>;
    };
    const flags = (anyIns.getFlags?.() ?? []).map((f) => ({ name: f.getName(), value: f.getValue(), ...range(f.getRange()) }));
    const args = ins.getArguments().map((a) => ({ value: a.getValue(), ...range(a.getRange() as AstRange) }));
    const properties: DockerProperty[] =
      keyword === 'ENV' || keyword === 'ARG' || keyword === 'LABEL'
        ? (anyIns.getProperties?.() ?? []).map((p) => {
            const valueRange = p.getValueRange();
            const value = p.getValue();
            return {
              name: { value: p.getName(), ...range(p.getNameRange()) },
              value: value !== null && valueRange ? { value, ...range(valueRange) } : undefined,
            };
          })
        : [];
    const heredocs = (anyIns.getHeredocs?.() ?? []).map((h) => {
      const content = h.getContentRange();
      const r = content ? range(content) : { start: whole.end, end: whole.end };
      return { name: h.getName(), contentStart: r.start, contentEnd: r.end };
    });
    const argsStart = args[0]?.start ?? whole.end;
    const json = keyword === 'RUN' || keyword === 'CMD' || keyword === 'ENTRYPOINT' || keyword === 'SHELL'
      ? jsonStrings(doc.text.slice(argsStart, whole.end), argsStart)
      : undefined;
    const instruction: DockerInstruction = {
      keyword,
      keywordStart: kw.start,
      start: whole.start,
      end: whole.end,
      stage,
      flags,
      args,
      properties,
      heredocs,
      argsStart,
      json,
      onbuild,
    };
    instructions.push(instruction);
    if (keyword === 'SHELL' && json && json.length > 0) {
      const shell = (json[0]?.value ?? '').toLowerCase().replace(/^.*[\\/]/, '').replace(/\.exe$/, '');
      if (shell === 'powershell' || shell === 'pwsh' || shell === 'cmd') shells.set(stage, shell);
      else shells.delete(stage);
    }
  };

  for (const ins of parsed.getInstructions()) {
    add(ins, false);
    if (ins.getKeyword().toUpperCase() === 'ONBUILD') {
      const trigger = (ins as unknown as { getTriggerInstruction?: () => Instruction | null }).getTriggerInstruction?.();
      if (trigger) add(trigger, true);
    }
  }
  return { instructions, stageCount: stage + 1, escape: parsed.getEscapeCharacter(), shells };
}

// ---------------------------------------------------------------------------------------
// RUN bodies as shell documents

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

/**
 * The Dockerfile a document is part of (itself, or the nearest one it is embedded in: a RUN
 * body, or a Dockerfile that user data writes from a heredoc), if any.
 */
export function enclosingDockerfile(doc: SourceDocument): SourceDocument | undefined {
  for (let current: SourceDocument | undefined = doc; current; current = current.host?.document) {
    if (current.kind === 'dockerfile') return current;
  }
  return undefined;
}

/** Dockerfile RUN bodies (and shell-form CMD/ENTRYPOINT) → shell virtual documents. */
export const dockerfileRunExtractor: Extractor = {
  name: 'Dockerfile RUN',
  kinds: ['dockerfile'],
  keywords: /^[ \t]*(?:ONBUILD[ \t]+)?(?:RUN|CMD|ENTRYPOINT)\b/im,
  extract(document: SourceDocument, notes: Notification[]): SourceDocument[] {
    const model = dockerfile(document);
    if (!model) {
      notes.push({ id: 'parse-error', level: 'warning', path: document.path, message: `${document.path}: the Dockerfile could not be parsed; its RUN instructions were not scanned` });
      return [];
    }
    return runDocuments(document, model);
  },
};
