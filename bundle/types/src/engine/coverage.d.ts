import type { AnyRule, SecretRange } from '../rule.js';
export interface CoverageCandidate {
    readonly rule: AnyRule;
    /** File offsets of the reported range. */
    readonly start: number;
    readonly end: number;
    /** File offsets of the secrets the finding is about. */
    readonly secrets: readonly SecretRange[];
}
/**
 * For each candidate absorbed by another, the index of the candidate that absorbs it.
 * Cost: candidates are bucketed by secret start, and a secret is only compared with the
 * secrets that start at most `longest` characters before it, so a minified file with
 * thousands of keys stays linear in practice.
 */
export declare function findAbsorbed(candidates: readonly CoverageCandidate[]): Map<number, number>;
/** Follows absorption to the finding that is finally kept (absorption is acyclic: ranks are strict). */
export declare function keeperOf(index: number, absorbed: ReadonlyMap<number, number>): number;
