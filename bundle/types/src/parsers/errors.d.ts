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
