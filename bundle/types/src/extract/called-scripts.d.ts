import type { SourceDocument } from '../engine/document.js';
import type { Extractor } from './types.js';
/**
 * Whether a document is a called script read from disk by this extractor. Rules that report
 * outside bootstrap contexts as well (aws configure, IMDSv1) skip these: the called file's own
 * scan reports the same defect at its own line, and once is enough.
 */
export declare function isCalledScriptDocument(doc: SourceDocument): boolean;
export declare const calledScriptExtractor: Extractor;
