import type { Extractor } from '../extract/types.js';
import type { AnyRule } from '../rule.js';
export declare function hostTestOf(keywords: RegExp): RegExp | undefined;
/** Run order: the registry's, syntax extractors last (they report what the others parsed). */
export declare function inRunOrder(extractors: readonly Extractor[]): Extractor[];
/**
 * The extractors to run for these rules, in run order (syntax extractors last), each wrapped
 * so that it returns nothing, without parsing, where test 2 shows its documents cannot matter.
 */
export declare function gateExtractors(rules: readonly AnyRule[], extractors: readonly Extractor[]): Extractor[];
