import type { Extractor } from './types.js';
/** Every built-in extractor, by file name and declaration order. */
export declare const extractors: readonly Extractor[];
