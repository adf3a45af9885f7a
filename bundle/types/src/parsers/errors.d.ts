import type { SourceDocument } from '../engine/document.js';
import type { Notification } from '../engine/types.js';
/**
 * Pushes a `parse-error` notification for the first error of `doc`, once. `consequence`
 * says what was still checked. The message names the position, never the source text
 * (the broken line may hold the secret).
 */
export declare function reportParseError(doc: SourceDocument, error: {
    readonly message: string;
    readonly offset: number;
} | undefined, what: string, consequence: string, notes: Notification[] | undefined): void;
/**
 * What went wrong, without the parser's own message: YAML, JSON.parse, dockerfile-ast and
 * decoders quote the offending source (`Block scalar header includes extra characters:
 * |aws_secret_access_key=…`), and notifications are printed whatever rules are enabled. A
 * YAML error code (`BLOCK_SCALAR_HEADER` → `block scalar header`) names the problem well
 * enough; anything else is named by its class.
 */
export declare function errorSummary(error: unknown): string;
