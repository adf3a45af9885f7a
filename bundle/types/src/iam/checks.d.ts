import type { SourceDocument } from '../engine/document.js';
import { type PolicyDocument, type PolicyStatement, type PolicyString, type SourceFile } from './policy.js';
import { type IamModel, type IamPrincipal } from './sources.js';
import { type Effective, type Grant } from './effective.js';
import { type Range } from '../iac/value.js';
import type { ReportDescriptor } from '../rule.js';
import { isWriteLevel, type CatalogAction } from './catalog.js';
export { iamModel, POLICY_KEYWORDS, POLICY_KIND_KEYWORDS } from './sources.js';
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
 * no-credential-exposure each judge by their own action sets. None at all: undefined, so the
 * rules never load the action catalogue (~0.1 s) for a JSON file that only looks like a policy.
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
/** A range in the scanned document, or in another file of the module (`elsewhere`). */
export interface Place {
    readonly range: Range;
    readonly elsewhere?: SourceFile;
}
/**
 * Where a grant is written: `range` (an element of its statement) in the policy's own file, or
 * for an AWS managed policy its attachment (the `policy_arn`) in the attachment's file.
 */
export declare function placeOf(g: Grant, range: Range): Place;
/**
 * Grants in one order whichever file of the module is scanned (by file, then as written), so
 * that every file's scan picks the same grant to report at. Stable: within one file the order
 * is the model's.
 */
export declare function inModuleOrder(grants: readonly Grant[], here: string): Grant[];
/**
 * Where one finding about a principal is reported, so that a module scanned file by file
 * reports it once, at the defect's element: at `lead` when that is in the scanned document;
 * otherwise at the first of `others` that is, or at the principal's own name when it is
 * declared here — referring to `lead`, so the finding is dropped when `lead`'s file is scanned
 * too and reports it there; otherwise not here at all.
 */
export declare function findingPlace(p: IamPrincipal, lead: Place, others: readonly Place[]): {
    range: Range;
    refersTo?: ReportDescriptor['refersTo'];
} | undefined;
/** Whether some grant of the principal (its groups' included) is written in the scanned file. */
export declare function placedHere(p: IamPrincipal): boolean;
/**
 * Whether only AWS services may assume the role: every Allow of its trust policy names
 * service principals and nothing else (no account, federated user or `*`), and the policy is
 * fully known — or it is a role a framework creates for one service (SAM, Serverless).
 */
export declare function assumedOnlyByServices(p: IamPrincipal): boolean;
/**
 * The grants of a role's effective permissions without those of AWS managed policies under
 * `/service-role/` when only AWS services may assume it: AWS writes those policies for the
 * service's own work (EMR launching clusters with `iam:PassRole` + `ec2:RunInstances`, Glue,
 * ECS registering instances …) and nobody but the service holds them — not a path a person or
 * the workload can take. A customer policy on the same role, and any other AWS policy
 * (AdministratorAccess, IAMFullAccess), still count.
 */
export declare function withoutServiceOwnGrants(eff: Effective): Effective;
/**
 * Whether grants can hold together in one deployed stack: none two are written in different
 * branches of the same CloudFormation condition (`Fn::If`), whether the conditional is around
 * the statement or around the policy that carries it.
 */
export declare function grantsCoexist(grants: readonly Grant[]): boolean;
