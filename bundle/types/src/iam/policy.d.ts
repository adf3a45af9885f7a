import type { IacString, IacValue, Range } from '../iac/value.js';
import { asList } from '../iac/value.js';
/** A string element of a policy. */
export interface PolicyString {
    /**
     * `known`: a literal. `partial`: a text with `${…}` placeholders for what is not known
     * (an ARN built with `!Sub`, `${AWS::AccountId}`, a Terraform interpolation). `unknown`:
     * a reference, a parameter, a conditional — nothing is known about it.
     */
    readonly state: 'known' | 'partial' | 'unknown';
    /** The literal (known), the text with `${…}` placeholders (partial), or undefined. */
    readonly value?: string;
    /** The token to report: the string without its quotes, or the expression. */
    readonly range: Range;
}
/** A list-valued element (`Action`, `Resource`, a principal type's ids, a condition's values). */
export interface PolicyList {
    /** Range of the key (`Action:`, `actions =`). */
    readonly keyRange: Range;
    /** Range of the whole value. */
    readonly range: Range;
    readonly items: readonly PolicyString[];
    /** Some items are not visible (the list itself is a reference, a `concat()`, a `for`…). */
    readonly incomplete: boolean;
}
export interface PolicyPrincipal {
    readonly keyRange: Range;
    readonly range: Range;
    /** `Principal: "*"`. */
    readonly star?: PolicyString;
    /** By type: `AWS`, `Service`, `Federated`, `CanonicalUser`. */
    readonly types: ReadonlyMap<string, PolicyList>;
    readonly incomplete: boolean;
}
export interface PolicyCondition {
    /** `StringEquals`, `ForAnyValue:StringLike`, `ArnLikeIfExists` … */
    readonly operator: string;
    /** The condition key as written (`aws:SourceArn`); compare case-insensitively. */
    readonly key: string;
    readonly keyRange: Range;
    readonly values: PolicyList;
}
export interface PolicyStatement {
    readonly index: number;
    readonly sid?: string;
    /** `Allow` / `Deny`, or undefined when not known. */
    readonly effect?: 'Allow' | 'Deny';
    readonly effectRange: Range;
    readonly range: Range;
    readonly action?: PolicyList;
    readonly notAction?: PolicyList;
    readonly resource?: PolicyList;
    readonly notResource?: PolicyList;
    readonly principal?: PolicyPrincipal;
    readonly notPrincipal?: PolicyPrincipal;
    /** undefined: no `Condition`. */
    readonly condition?: {
        readonly keyRange: Range;
        readonly entries: readonly PolicyCondition[];
        /** Parts of the block are not known statically (treated as narrowing). */
        readonly incomplete: boolean;
    };
    /** The `Fn::If` branches the statement is written in (`Condition=index`; see branchChoices). */
    readonly when?: readonly string[];
    readonly document: PolicyDocument;
}
/** What a document is for: it decides which rules look at it. */
export type PolicyKind = 'identity' | 'trust' | 'resource';
export interface PolicyDocument {
    readonly kind: PolicyKind;
    /** How messages name it: `AWS::IAM::Role App (inline policy s3)`, `aws_iam_policy.admin`, `policy.json`. */
    readonly label: string;
    /** Range to report problems of the whole document at (the policy's key or name). */
    readonly range: Range;
    readonly version?: PolicyString;
    readonly versionRange?: Range;
    readonly statements: readonly PolicyStatement[];
    /** Some statements are not visible (a reference, a merged document that is not known…). */
    readonly incomplete: boolean;
    /** Set for an AWS managed policy from the snapshot: its name (positions then all point at the attachment). */
    readonly managed?: string;
    /**
     * Written in another file of the Terraform module: it counts for the principals it reaches,
     * but its ranges are not positions in the scanned document and are never reported.
     */
    readonly foreign?: boolean;
    /** For a `foreign` document: the file it is written in (its ranges are offsets into that text). */
    readonly elsewhere?: SourceFile;
}
/** A file of the module other than the scanned one, as a finding's `refersTo` needs it. */
export interface SourceFile {
    readonly absPath: string;
    readonly text: string;
}
/** A value's string form in the policy model. */
export declare function policyString(value: IacValue): PolicyString;
export interface PolicyMeta {
    readonly kind: PolicyKind;
    readonly label: string;
    readonly range: Range;
    readonly managed?: string;
    readonly foreign?: boolean;
    readonly elsewhere?: SourceFile;
}
/**
 * A policy document from its value (a map with `Version` and `Statement`, or a JSON string
 * that holds one — heredoc, `jsonencode`, a CloudFormation string, `file()`). undefined when
 * the value is not a policy document at all; a document whose statements are not visible
 * comes back `incomplete` with none.
 */
export declare function policyFromValue(value: IacValue | undefined, meta: PolicyMeta): PolicyDocument | undefined;
/**
 * A policy document from its statements, each a map in IAM JSON shape (`Effect`, `Action`,
 * `Resource`, `Principal`, `Condition` … with the ranges of the tokens that wrote them).
 * The entry point for source forms that build statements one by one (CDK
 * `new iam.PolicyStatement({...})`, Serverless `iamRoleStatements`).
 */
export declare function policyFromStatements(statements: readonly IacValue[], meta: PolicyMeta): PolicyDocument;
/**
 * A JSON text held in a string value (a heredoc, a CloudFormation JSON string), parsed with
 * every range mapped back into the host document through the string's pieces: exact inside
 * verbatim text, the whole piece otherwise (a file read by `file()`, an escape).
 */
export declare function parseJsonString(value: IacString): IacValue | undefined;
/** The policy model of a plain JSON value (an AWS managed policy from the snapshot), every range at `at`. */
export declare function policyFromPlain(plain: unknown, meta: PolicyMeta, at: Range): PolicyDocument | undefined;
/** Items of a list that are known literals. */
export declare function knownItems(list: PolicyList | undefined): string[];
/** Whether a Resource list certainly holds the bare `*`. */
export declare function resourceStar(st: PolicyStatement): PolicyString | undefined;
export { asList };
