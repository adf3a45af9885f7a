import type { Extractor } from './types.js';
/** MIME multipart user data → one virtual document per script or cloud-config part. */
export declare const multipartUserDataExtractor: Extractor;
