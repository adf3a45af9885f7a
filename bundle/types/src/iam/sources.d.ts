import type { SourceDocument } from '../engine/document.js';
import type { Range } from '../iac/value.js';
import { type PolicyDocument, type SourceFile } from './policy.js';
export type PrincipalKind = 'role' | 'user' | 'group';
export interface AttachedPolicy {
    readonly document: PolicyDocument;
    /** Where the attachment is written (the inline policy, the ARN, the attachment resource). */
    readonly range: Range;
    readonly via: 'inline' | 'customer-managed' | 'aws-managed';
    /** The attachment is written in another file of the Terraform module: `range` is an offset into that file. */
    readonly elsewhere?: SourceFile;
    /** The `Fn::If` branches the attachment is written in (`Condition=index`; see branchChoices). */
    readonly when?: readonly string[];
}
export interface IamPrincipal {
    readonly id: string;
    readonly kind: PrincipalKind;
    /** `AWS::IAM::Role App`, `aws_iam_role.app`, `Serverless function role`. */
    readonly label: string;
    /** Its name token (logical id, block label). */
    readonly range: Range;
    /** Defined in the scanned document (a module sibling's principal is not reported here). */
    readonly local: boolean;
    /**
     * Not declared in the module at all (`role = var.role_name`, a literal name, `data.aws_iam_role.x.name`,
     * `module.x.role_name`): known only through what this module attaches to it.
     */
    readonly external?: boolean;
    readonly policies: AttachedPolicy[];
    /** A user's groups (their policies apply to it). */
    readonly groups: IamPrincipal[];
    /** The role's trust policy. */
    trust?: PolicyDocument;
    /** Services that may assume the role (`ec2.amazonaws.com` …), from its trust policy or its kind (SAM, Serverless). */
    readonly assumedBy: string[];
    /** Compute resources that carry the role (instances, launch templates, functions, tasks …). */
    readonly carriers: string[];
    /** Some attached policy is not known (a variable ARN, a policy of another stack). */
    unknownPolicies: boolean;
    /** A role a framework creates (SAM functions, Serverless): its policies are written the framework's way. */
    readonly implicit?: boolean;
}
export interface IamModel {
    /** Every policy document of the scanned document, once each, in source order. */
    readonly documents: readonly PolicyDocument[];
    readonly principals: readonly IamPrincipal[];
    /** The principals a document reaches. */
    principalsOf(document: PolicyDocument): readonly IamPrincipal[];
}
/** An AWS managed policy from the snapshot, by ARN text (or SAM's bare name), with every range at `at`. */
export declare function awsManagedPolicy(arnOrName: string, at: Range): PolicyDocument | undefined;
/** Whether an AWS managed policy (by name) lives under `/service-role/`: written by AWS for a service's role. */
export declare function isServiceRolePolicy(name: string | undefined): boolean;
/** Quick test before any parse: could this document hold a policy at all? */
export declare const POLICY_KEYWORDS: RegExp;
/** Per-kind pre-filters of the IAM rules: in JavaScript only CDK code can declare a policy. */
export declare const POLICY_KIND_KEYWORDS: {
    readonly javascript: RegExp;
};
/** The IAM model of a document (CloudFormation, Terraform, policy JSON, Serverless, CDK code), built once. */
export declare function iamModel(doc: SourceDocument): IamModel | undefined;
