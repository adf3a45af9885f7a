import type { Extractor } from '../engine/extractors.js';
export declare const kubernetesSecretExtractor: Extractor;
