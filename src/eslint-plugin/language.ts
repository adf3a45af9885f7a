// An ESLint language (the `languages` plugin API, ESLint ≥ 9.7) for the infrastructure files
// credlint reads: Dockerfiles, shell and user data, cloud-init, CloudFormation YAML/JSON,
// Terraform, dotenv and AWS credentials files. ESLint only needs a tree to walk and a source
// code object; the credlint engine does its own parsing (the same as the CLI's, so positions
// and suppression comments are the same), so the tree is one `CredlintDocument` node holding
// the file's kind. `parse()` is synchronous and never fails: a file that does not parse as its
// format is still scanned by the text rules, as in the CLI.
import { classifyFile, SNIFF_BYTES, type FileKind } from '../kinds.js';
import { LineIndex } from '../engine/document.js';

export interface CredlintDocumentNode {
  readonly type: 'CredlintDocument';
  /** The file kind credlint decided from its name and text. */
  readonly kind: FileKind;
  readonly range: [number, number];
  readonly loc: { start: { line: number; column: number }; end: { line: number; column: number } };
}

export interface LanguageFile {
  readonly body: string | Uint8Array;
  readonly path: string;
  readonly physicalPath?: string;
  readonly bom?: boolean;
}

export interface Location {
  readonly line: number;
  readonly column: number;
}

/** The source code object ESLint hands to rules (`context.sourceCode`) for credlint documents. */
export class CredlintSourceCode {
  readonly text: string;
  readonly ast: CredlintDocumentNode;
  readonly lines: string[];
  readonly visitorKeys = VISITOR_KEYS;
  private readonly index: LineIndex;

  constructor(text: string, ast: CredlintDocumentNode) {
    this.text = text;
    this.ast = ast;
    // Lines as the engine counts them (LF, with a CR before it dropped), so positions agree.
    this.lines = text.split(/\r?\n/);
    this.index = new LineIndex(text);
  }

  getLoc(node: CredlintDocumentNode): CredlintDocumentNode['loc'] {
    return node.loc;
  }

  getRange(node: CredlintDocumentNode): [number, number] {
    return node.range;
  }

  getParent(): undefined {
    return undefined;
  }

  getAncestors(): [] {
    return [];
  }

  /** 1-based line, 0-based column (the language's lineStart/columnStart). */
  getLocFromIndex(index: number): Location {
    const p = this.index.position(index);
    return { line: p.line, column: p.column - 1 };
  }

  getIndexFromLoc(loc: Location): number {
    return this.index.lineStart(loc.line) + loc.column;
  }

  /** One node: enter, exit. Rules listen for `CredlintDocument:exit` (or any root type, see the plugin). */
  traverse(): Array<{ kind: 1; target: CredlintDocumentNode; phase: 1 | 2; args: [CredlintDocumentNode, undefined] }> {
    return [
      { kind: 1, target: this.ast, phase: 1, args: [this.ast, undefined] },
      { kind: 1, target: this.ast, phase: 2, args: [this.ast, undefined] },
    ];
  }
}

const VISITOR_KEYS = { CredlintDocument: [] as string[] };

function decode(body: string | Uint8Array): string {
  if (typeof body === 'string') return body;
  return new TextDecoder('utf-8', { fatal: false }).decode(body);
}

export const credlintLanguage = {
  meta: { name: 'credlint/infra' },
  fileType: 'text' as const,
  lineStart: 1 as const,
  columnStart: 0 as const,
  nodeTypeKey: 'type',
  visitorKeys: VISITOR_KEYS,
  defaultLanguageOptions: {},

  /** No options of its own; ESLint's defaults for JS (ecmaVersion …) may be merged in and are ignored. */
  validateLanguageOptions(options: unknown): void {
    if (options !== undefined && (typeof options !== 'object' || options === null)) throw new Error('credlint/infra takes no language options');
  },

  parse(file: LanguageFile): { ok: true; ast: CredlintDocumentNode } {
    const text = decode(file.body);
    const path = (file.path ?? '').split('\\').join('/');
    const kind = classifyFile(path, text.length > SNIFF_BYTES ? text.slice(0, SNIFF_BYTES) : text);
    const index = new LineIndex(text);
    const end = index.position(text.length);
    return {
      ok: true,
      ast: { type: 'CredlintDocument', kind, range: [0, text.length], loc: { start: { line: 1, column: 0 }, end: { line: end.line, column: end.column - 1 } } },
    };
  },

  createSourceCode(file: LanguageFile, result: { ast: CredlintDocumentNode }): CredlintSourceCode {
    return new CredlintSourceCode(decode(file.body), result.ast);
  },
};
