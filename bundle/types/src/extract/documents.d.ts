import { type SourceDocument } from '../engine/document.js';
import type { IacValue, TextPiece } from '../iac/value.js';
/** A virtual document for the text of an evaluated string, mapped piece by piece. */
export declare function documentFromPieces(host: SourceDocument, pieces: readonly TextPiece[], init: {
    kind: SourceDocument['kind'];
    language?: string;
    label: string;
    bootstrap?: boolean;
}): SourceDocument;
/**
 * The decoded text of a string that is itself base64 (a literal `user_data_base64`, or a
 * CloudFormation `UserData` given pre-encoded), when it decodes to readable text.
 */
export declare function decodeBase64Text(value: string): string | undefined;
/** A user-data document for an evaluated value; undefined when nothing is known. */
export declare function userDataDocument(host: SourceDocument, value: IacValue | undefined, label: string, alwaysBase64?: boolean): SourceDocument | undefined;
/** A shell (or PowerShell) document from a list of command strings (one per line). */
export declare function linesDocument(host: SourceDocument, lines: readonly IacValue[], label: string, kind?: 'shell' | 'powershell'): SourceDocument | undefined;
/**
 * A write of `content` to `dest` as the shell it amounts to — `cat > DEST <<'CREDLINT_FILE'
 * … CREDLINT_FILE` — with DEST mapped to the destination value and the body to the content
 * (or a `${content}` placeholder when the content is elsewhere): "writes ~/.aws/credentials"
 * and "writes AWS_SECRET_ACCESS_KEY into /etc/environment" are then found by the same code as
 * in a script.
 */
export declare function fileWriteDocument(host: SourceDocument, dest: IacValue, content: IacValue | undefined, label: string): SourceDocument | undefined;
/** A script document for a string value (one task, one provisioner input), mapped piece by piece. */
export declare function scriptDocument(host: SourceDocument, value: IacValue | undefined, kind: 'shell' | 'powershell', label: string): SourceDocument | undefined;
