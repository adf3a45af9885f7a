import type { SourceDocument } from '../engine/document.js';
import type { IacValue } from '../iac/value.js';
import type { Extractor } from './types.js';
/** `aws:runShellScript` / `aws:runPowerShellScript` steps of an SSM document body (schema 2.x `mainSteps`, 1.2 `runtimeConfig`). */
export declare function ssmShellDocuments(host: SourceDocument, content: IacValue | undefined, label: string): SourceDocument[];
export declare const ssmDocumentExtractor: Extractor;
