import type { Extractor } from './types.js';
/** Reports unreadable templates once, whatever rules run (a notification, never a crash). */
export declare const cloudFormationSyntaxExtractor: Extractor;
export declare const terraformSyntaxExtractor: Extractor;
