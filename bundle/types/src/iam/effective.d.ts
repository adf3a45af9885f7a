import type { AttachedPolicy, IamPrincipal } from './sources.js';
import type { PolicyStatement, PolicyString } from './policy.js';
import { type CatalogAction } from './catalog.js';
export type Tri = boolean | undefined;
export interface Grant {
    readonly statement: PolicyStatement;
    readonly attached: AttachedPolicy;
    /** The principal the policy is attached to (the user itself, or one of its groups). */
    readonly owner: IamPrincipal;
}
export interface Effective {
    readonly principal: IamPrincipal;
    readonly allows: readonly Grant[];
    readonly denies: readonly Grant[];
    /** Some policy of the principal (or a statement of one) is not known. */
    readonly incomplete: boolean;
}
export declare function effectiveOf(p: IamPrincipal): Effective;
/** Whether a statement's Action / NotAction covers an action. */
export declare function coversAction(st: PolicyStatement, id: string): Tri;
/**
 * A resource pattern that matches every resource of its type: `*`, `arn:aws:iam::123456789012:role/*`,
 * `arn:aws:lambda:*:*:function:*`, `arn:aws:s3:::*`. A bucket's objects (`arn:aws:s3:::bucket/*`)
 * or a path (`role/app/*`) are scoped. Placeholders in the partition, region or account do not matter.
 */
export declare function isBroadResourceText(s: PolicyString): Tri;
/** Whether a statement applies to every resource (Resource `*`, a type-wide wildcard, or a NotResource). */
export declare function coversAnyResource(st: PolicyStatement): Tri;
/** Whether a statement certainly has no condition that could narrow it. */
export declare function unconditional(st: PolicyStatement): boolean;
/** Whether an explicit Deny of the principal may take the action away (on every resource, conditional or not known). */
export declare function deniedBroadly(eff: Effective, id: string): Grant | undefined;
/** The Allow grant that certainly gives an action on every resource without a condition, and is not denied. */
export declare function allowedBroadly(eff: Effective, id: string, conditionOk?: (st: PolicyStatement) => boolean): Grant | undefined;
/**
 * Actions of the catalogue a principal certainly has on every resource (`Resource: "*"`),
 * unconditionally and not denied. Per-document results are cached and shared (no copy when
 * one document grants it all): a file of a thousand roles with AdministratorAccess or
 * ReadOnlyAccess must not expand the same policy a thousand times.
 */
export declare function broadActions(eff: Effective): {
    actions: readonly CatalogAction[];
    total: number;
};
/** A Set view of an action list, cached per (shared) list. */
export declare function actionSet(actions: readonly CatalogAction[]): ReadonlySet<CatalogAction>;
