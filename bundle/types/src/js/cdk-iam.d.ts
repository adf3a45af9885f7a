import type { TSESTree } from '@typescript-eslint/utils';
import type { Range } from '../iac/value.js';
import { type PolicyDocument } from '../iam/policy.js';
/** Keyword pre-filter: a file that imports no CDK module is never parsed for this. */
export declare const CDK_KEYWORDS: RegExp;
/** What the analysis hands to the IAM model builder (src/iam/sources.ts). */
export interface CdkPrincipal {
    readonly id: string;
    readonly kind: 'role' | 'user' | 'group';
    readonly label: string;
    readonly range: Range;
    readonly assumedBy: string[];
    readonly carriers: string[];
    readonly implicit: boolean;
    trust?: PolicyDocument;
    readonly attachments: CdkAttachment[];
    readonly groups: CdkPrincipal[];
    /** Something attached to it is not known (a variable policy, a customer managed policy by name). */
    unknownPolicies: boolean;
}
export interface CdkAttachment {
    /** An inline/customer document; or an AWS managed policy by ARN/name text; or undefined when not known. */
    readonly document?: PolicyDocument;
    readonly managedArn?: string;
    readonly range: Range;
    readonly via: 'inline' | 'customer-managed' | 'aws-managed';
}
export interface CdkIamModel {
    readonly principals: readonly CdkPrincipal[];
    /** Every document, attached or not, in source order (attached ones also appear in `attachments`). */
    readonly documents: readonly PolicyDocument[];
}
/** The IAM constructs of a CDK program (an ESTree with ranges over `text`). Cached per program. */
export declare function cdkIamModel(program: TSESTree.Program, text: string): CdkIamModel;
