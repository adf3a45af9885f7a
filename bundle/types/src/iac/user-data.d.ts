import { OffsetMap, type SourceDocument } from '../engine/document.js';
import type { Extractor } from '../engine/extractors.js';
import type { Notification } from '../engine/types.js';
import type { IacString, IacValue, TextPiece } from './value.js';
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
/** `aws:runShellScript` / `aws:runPowerShellScript` steps of an SSM document body (schema 2.x `mainSteps`, 1.2 `runtimeConfig`). */
export declare function ssmShellDocuments(host: SourceDocument, content: IacValue | undefined, label: string): SourceDocument[];
export declare const cloudFormationUserDataExtractor: Extractor;
/** Reports unreadable templates once, whatever rules run (a notification, never a crash). */
export declare const cloudFormationSyntaxExtractor: Extractor;
export declare function terraformEmbeddedDocuments(doc: SourceDocument, notes?: Notification[]): SourceDocument[];
export declare const terraformUserDataExtractor: Extractor;
export declare const terraformSyntaxExtractor: Extractor;
export type { IacString };
export { OffsetMap };
