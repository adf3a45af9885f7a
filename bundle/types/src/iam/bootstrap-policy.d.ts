import type { SourceDocument } from '../engine/document.js';
import { describeNode, type GraphNode, type NodeAttribute, type ResourceGraph } from '../iac/graph.js';
import { type BootstrapCall, type BootstrapCalls } from '../iac/bootstrap.js';
import { type IamPrincipal } from './sources.js';
import { type Effective } from './effective.js';
import { type Verdict } from './simulate.js';
import { type Need } from './cli-actions.js';
import { type Range } from '../iac/value.js';
/** The effective permissions without the grants of the instance agents' AWS managed policies. */
export declare function withoutAgentPolicies(eff: Effective): Effective;
/** Compute resources whose user data runs with an instance profile. */
export declare const COMPUTE_KINDS: readonly ["instance", "launch-template", "launch-configuration", "spot-request"];
export interface InstanceRole {
    /** The compute resource's instance profile setting. */
    readonly profileSetting: NodeAttribute;
    readonly profile: GraphNode;
    /** The profile's `Roles` / `role` entry. */
    readonly roleSetting: NodeAttribute;
    readonly role: GraphNode;
    readonly principal: IamPrincipal;
}
/**
 * Whether the role leaves the file — a stack output or a module output hands it to whoever
 * deploys the template, who may attach more policies to it. Then what it lacks here is not
 * known to be lacking.
 */
export declare function roleLeavesFile(doc: SourceDocument, role: GraphNode): boolean;
/** The role behind a compute resource, when every link is in the file (undefined otherwise: never guessed). */
export declare function instanceRoleOf(doc: SourceDocument, graph: ResourceGraph, node: GraphNode): InstanceRole | undefined;
/** Where a profile or role setting is written: the reference itself (`Arn: !GetAtt P.Arn` → the GetAtt). */
export declare function settingRange(attr: NodeAttribute): Range;
export interface DecidedNeed extends Need {
    readonly verdict: Verdict;
}
export interface DecidedCall {
    readonly call: BootstrapCall;
    readonly needs: readonly DecidedNeed[];
}
export interface BootstrapPermissions {
    readonly node: GraphNode;
    readonly bootstrap: BootstrapCalls;
    readonly role: InstanceRole | undefined;
    readonly effective: Effective | undefined;
    /** Calls made with the role's credentials and mapped to actions, each need decided. */
    readonly decided: readonly DecidedCall[];
    /** Calls whose needs are not known (not mapped, other credentials, parts unknown). */
    readonly unresolved: readonly {
        readonly call: BootstrapCall;
        readonly reason: string;
    }[];
}
/** The bootstrap of a compute node judged against its role (undefined without user data). */
export declare function bootstrapPermissions(doc: SourceDocument, graph: ResourceGraph, node: GraphNode): BootstrapPermissions | undefined;
/**
 * The bootstrap judged against the role behind the instance profile, only when there is one
 * (without it every verdict is unknown: nothing to report) — the role is looked up first, so
 * user data of an instance whose profile leaves the file is never parsed — and with the calls
 * alone (bootstrapCallsOf: a script that makes no AWS call is not parsed either).
 */
export declare function roleBootstrapPermissions(doc: SourceDocument, graph: ResourceGraph, node: GraphNode): BootstrapPermissions | undefined;
/** Every compute resource of a document with its bootstrap judged (those with user data). */
export declare function documentBootstraps(doc: SourceDocument): BootstrapPermissions[];
export interface ProposedStatement {
    readonly Effect: 'Allow';
    readonly Action: string[];
    readonly Resource: string[];
}
export interface ProposedPolicy {
    readonly Version: '2012-10-17';
    readonly Statement: ProposedStatement[];
}
/** The policy the needs call for: one statement per set of resources, actions sorted. */
export declare function proposePolicy(needs: readonly Need[]): ProposedPolicy;
/** Every need of the calls that were mapped (whatever their verdict). */
export declare function neededBy(b: BootstrapPermissions): Need[];
/** The policy as JSON text (2-space indentation). */
export declare function policyJson(policy: ProposedPolicy): string;
/** The policy as a Terraform `data "aws_iam_policy_document"` block. */
export declare function policyHcl(policy: ProposedPolicy, node: GraphNode): string;
/** How messages name the role's policies: `AWS managed policy AmazonS3ReadOnlyAccess, AWS::IAM::Role R (inline policy s3)`. */
export declare function policiesOf(p: IamPrincipal): string;
export { describeNode };
