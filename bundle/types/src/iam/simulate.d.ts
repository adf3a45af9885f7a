import type { Effective, Grant, Tri } from './effective.js';
import type { PolicyDocument, PolicyStatement, PolicyString } from './policy.js';
import { UNKNOWN } from './cli-actions.js';
export type Decision = 'allowed' | 'denied' | 'unknown';
export interface Verdict {
    readonly decision: Decision;
    /** The grant that allows it, or the explicit Deny that refuses it. */
    readonly grant?: Grant;
}
/** Whether a resource pattern matches a requested resource template: true, false or not known. */
export declare function patternMatches(s: PolicyString, requested: string): Tri;
/** Whether a statement's Resource / NotResource covers the requested resource. */
export declare function coversResource(st: PolicyStatement, requested: string): Tri;
/**
 * The decision for one action on one resource (an ARN template or `*`). `resourcePolicies`:
 * resource-based policies of the same file (a bucket policy may grant what the role lacks).
 */
export declare function decide(eff: Effective, action: string, resource: string, resourcePolicies?: readonly PolicyDocument[]): Verdict;
export { UNKNOWN };
