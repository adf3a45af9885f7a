import type { AnyRule } from '../src/rule.js';
/** Every rule, sorted by id. */
export declare const rules: readonly AnyRule[];
