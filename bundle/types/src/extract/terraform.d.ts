import type { SourceDocument } from '../engine/document.js';
import type { Notification } from '../engine/types.js';
import type { Extractor } from './types.js';
export declare function terraformEmbeddedDocuments(doc: SourceDocument, notes?: Notification[]): SourceDocument[];
export declare const terraformUserDataExtractor: Extractor;
