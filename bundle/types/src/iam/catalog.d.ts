import { type DataSource } from './data.js';
/** IAM access levels. Permissions management and Tagging are kinds of Write. */
export type AccessLevel = 'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging';
export interface CatalogAction {
    /** `s3`. */
    readonly service: string;
    /** `GetObject` (the catalogue's capitalisation). */
    readonly name: string;
    /** `s3:GetObject`. */
    readonly id: string;
    readonly level: AccessLevel;
    /** Resource types the action can be scoped to; empty when it only accepts `Resource: "*"`. */
    readonly resourceTypes: readonly string[];
    /** The resource types the service reference marks as required for the action. */
    readonly requiredTypes: readonly string[];
}
export interface CatalogService {
    readonly prefix: string;
    readonly actions: readonly CatalogAction[];
    readonly byLowerName: ReadonlyMap<string, CatalogAction>;
    /** Resource type → ARN pattern with `${Partition}`-style variables. */
    readonly resourceArns: ReadonlyMap<string, string>;
}
export interface Catalog {
    readonly source: DataSource;
    readonly services: ReadonlyMap<string, CatalogService>;
    readonly actionCount: number;
    /** The action an exact `service:Name` names (case-insensitive), or undefined. */
    action(id: string): CatalogAction | undefined;
    /** Every action a pattern covers (case-insensitive `*` and `?` wildcards, also in the service part). */
    expand(pattern: string): readonly CatalogAction[];
}
/** The catalogue, loaded once per thread on first use. */
export declare function getCatalog(): Catalog;
export declare function hasWildcard(s: string): boolean;
/** An IAM wildcard pattern (`*` any run, `?` one character) as an anchored case-insensitive regex. */
export declare function wildcardRegex(pattern: string): RegExp;
/**
 * A pattern as a test of an action id, the same answer as wildcardRegex(pattern) but without
 * a regex run for the common shapes: an exact name (`s3:GetObject`) is a length check and a
 * case-insensitive compare, `s3:*` a prefix check, and any other wildcard pattern is rejected by
 * its literal prefix before the regex runs. Effective-permission checks call this for every
 * (statement item, action) pair — millions of times on an IAM-heavy repository.
 */
export declare function matcherOf(pattern: string): (id: string) => boolean;
/** Whether an action pattern covers the action `id` (`s3:GetObject`); see matcherOf for a test asked many times. */
export declare function patternCovers(pattern: string, id: string): boolean;
/** Whether an access level writes (Write, Permissions management, Tagging). */
export declare function isWriteLevel(level: AccessLevel): boolean;
/** Counts of actions by access level. */
export declare function countLevels(actions: readonly CatalogAction[]): Record<AccessLevel, number>;
/** The catalogue's closest names to an unknown one (edit distance), for "did you mean". */
export declare function nearestNames(candidates: Iterable<string>, wanted: string, max?: number): string[];
