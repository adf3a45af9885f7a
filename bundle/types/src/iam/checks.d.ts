import type { SourceDocument } from '../engine/document.js';
import { type PolicyDocument, type PolicyStatement, type PolicyString } from './policy.js';
import { type IamModel, type IamPrincipal } from './sources.js';
import { isWriteLevel, type CatalogAction } from './catalog.js';
export { iamModel, POLICY_KEYWORDS } from './sources.js';
/**
 * The principals a document reaches; a document attached to nothing (an `aws_iam_policy`
 * without attachment, a policy JSON file) stands for a principal of its own, so its own
 * Deny statements still count.
 */
export declare function principalsReaching(model: IamModel, doc: PolicyDocument): readonly IamPrincipal[];
/** Whether every principal the document reaches has an explicit Deny that may take `action` away. */
export declare function undoneByDeny(model: IamModel, doc: PolicyDocument, actionId: string): boolean;
/** Identity policies of a document that some rule can look at. */
export declare function identityDocuments(document: SourceDocument): {
    model: IamModel;
    docs: PolicyDocument[];
} | undefined;
/** An Allow statement with actions on `Resource: "*"`, and that `*`. */
export interface UnscopedAllow {
    readonly doc: PolicyDocument;
    readonly statement: PolicyStatement & {
        readonly action: NonNullable<PolicyStatement['action']>;
    };
    readonly star: PolicyString;
}
/**
 * The Allow statements of the document's identity policies that name actions on
 * `Resource: "*"` with no condition that could narrow them: what no-unscoped-write and
 * no-credential-exposure each judge by their own action sets.
 */
export declare function unscopedAllows(document: SourceDocument): {
    model: IamModel;
    allows: UnscopedAllow[];
} | undefined;
/** Whether a statement has a condition that may narrow its resources (an unknown condition counts). */
export declare function hasNarrowingCondition(st: PolicyStatement): boolean;
/** Compute services (by display name) that may assume a principal. */
export declare function computeServices(p: IamPrincipal): string[];
/** `EC2 (aws_instance.web)` — who runs with a role, for messages. */
export declare function whoRunsIt(p: IamPrincipal): string | undefined;
/** What a list of actions grants, in counts: `12 write and 3 permissions-management`. */
export declare function describeCounts(actions: readonly CatalogAction[]): string;
/**
 * Whether no-wildcard-action reports an action pattern: `*`, a service wildcard, or a pattern
 * that expands to any Write or Permissions-management action. The other action rules skip
 * those entries (one defect, one finding).
 */
export declare function isReportedWildcard(pattern: string): boolean;
export { isWriteLevel };
