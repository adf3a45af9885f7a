// Dockerfiles, parsed with dockerfile-ast: instructions with their keyword, flags, ENV/ARG
// pairs, COPY/ADD sources and RUN bodies, all as document offsets. src/extract/dockerfile.ts
// hands each RUN body to the shell rules as a virtual document.
// https://docs.docker.com/reference/dockerfile/
//
// dockerfile-ast positions are 0-based line/character (UTF-16), converted here with the
// document's own line index. Cost: one parse per Dockerfile (fast, line based), cached.
// dockerfile-ast (and the vscode-languageserver types it brings) is required on the first
// Dockerfile, not at start-up (src/lazy-require.ts): ~10 ms a scan without Dockerfiles saves.
import type { DockerfileParser as DockerfileParserType, Instruction } from 'dockerfile-ast';
import type { SourceDocument } from '../engine/document.js';
import { lazyRequire } from '../lazy-require.js';

const dockerfileAst = lazyRequire<{ DockerfileParser: typeof DockerfileParserType }>('dockerfile-ast', 'dockerfile-ast.cjs');

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

