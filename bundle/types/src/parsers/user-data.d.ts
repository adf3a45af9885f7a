import type { SourceDocument } from '../engine/document.js';
import { type FileKind } from '../kinds.js';
export type UserDataFormat = 'shell' | 'boothook' | 'cloud-config' | 'multipart' | 'include' | 'part-handler' | 'upstart' | 'windows';
/** Decides a user-data payload's format from its first line(s), as cloud-init and EC2Launch do. */
export declare function userDataFormat(text: string): UserDataFormat;
/**
 * True for documents that run on a machine or image as it is built or boots: user data,
 * cloud-init, Dockerfiles, provisioners (the document's own flag), and standalone scripts whose
 * path names them as such (`scripts/bootstrap.sh`, `packer/provision.sh`).
 */
export declare function isBootstrapContext(doc: SourceDocument): boolean;
export interface MimePart {
    /** 1-based position among the parts. */
    readonly index: number;
    /** Lower-cased media type without parameters; '' when the part has none. */
    readonly contentType: string;
    readonly transferEncoding: string;
    readonly filename: string | undefined;
    /** The body as it appears in the file. */
    readonly bodyStart: number;
    readonly bodyEnd: number;
    /** Decoded body when a transfer encoding applied (base64, quoted-printable); undefined when verbatim. */
    readonly decoded: string | undefined;
    /** A nested multipart boundary, when the part is itself multipart. */
    readonly boundary: string | undefined;
}
/** Base64 → text; gzip payloads (cloud-init accepts them) are inflated. Undefined when not text. */
export declare function decodeBase64Text(encoded: string): string | undefined;
/**
 * Splits MIME multipart user data into its parts. Returns undefined when the text is not
 * multipart or declares no boundary. Parts are located in the original text so that each
 * verbatim body maps one to one; encoded bodies are decoded and map as a whole.
 */
export declare function parseMultipart(text: string, from?: number, to?: number, boundaryHint?: string): MimePart[] | undefined;
/** The document kind of a MIME part, from its media type; undefined for parts that hold no script. */
export declare function kindOfPart(part: MimePart, body: string): FileKind | undefined;
export interface WindowsBlock {
    readonly language: 'powershell' | 'cmd';
    /** Content range (between the tags). */
    readonly start: number;
    readonly end: number;
}
/**
 * The language of a document that is a Windows script as a whole: a `powershell`/`cmd`
 * document (a Dockerfile RUN under `SHELL ["powershell", …]`), or a `.ps1`/`.bat` file —
 * user data such as `user_data.ps1` that a template wraps in `<powershell>` tags at deploy
 * time, or a standalone script. Undefined for tagged user data (its blocks are found by tag).
 */
export declare function windowsScriptLanguage(doc: SourceDocument): 'powershell' | 'cmd' | undefined;
/**
 * The script blocks of Windows user data: `<powershell>…</powershell>` and `<script>…</script>`
 * (batch). A document whose language is `powershell` (e.g. a Dockerfile RUN under
 * `SHELL ["powershell", …]`) is one block as a whole.
 */
export declare function windowsBlocks(doc: SourceDocument): WindowsBlock[];
export interface WindowsStatement {
    readonly text: string;
    /** Offset of `text` in the document. */
    readonly start: number;
    readonly language: 'powershell' | 'cmd';
}
/**
 * Splits a Windows block into statements: lines joined over PowerShell backtick / batch caret
 * continuations, split at `;` outside quotes (PowerShell), comment lines dropped. Offsets of
 * every character stay exact because statements are slices of the document text (a joined
 * statement keeps its line breaks).
 */
export declare function windowsStatements(doc: SourceDocument, block: WindowsBlock): WindowsStatement[];
export interface WindowsWord {
    /** The word without its quotes. */
    readonly value: string;
    /** Raw token range in the document (quotes included). */
    readonly start: number;
    readonly end: number;
    /** Range of the value inside the quotes. */
    readonly contentStart: number;
    readonly contentEnd: number;
    /** Quoted with `"…"` (PowerShell expands `$x` inside) or `'…'`. */
    readonly quote: '"' | "'" | '';
}
/**
 * Splits a Windows statement into words at unquoted whitespace (line continuations count as
 * whitespace). Good enough for token matching of command lines (`aws configure set k v`,
 * `setx NAME value`, `Invoke-RestMethod -Uri …`); not a PowerShell parser.
 */
export declare function windowsWords(statement: WindowsStatement): WindowsWord[];
