import type { SourceDocument } from '../engine/document.js';
import { type CfnResource } from '../parsers/cloudformation.js';
import { type PlanResource, type TfBlock } from '../parsers/terraform.js';
import type { IacMap, IacValue, Range } from './value.js';
export type NodeKind = 'instance' | 'launch-template' | 'launch-configuration' | 'spot-request' | 'fleet' | 'autoscaling-group' | 'instance-profile' | 'role' | 'policy' | 'policy-attachment' | 'user' | 'group' | 'group-membership' | 'access-key' | 'lambda' | 'ecs-task-definition' | 'eks-nodegroup' | 'batch-compute' | 'other';
/** An attribute of a node: its value and the ranges to report (the value, and the name). */
export interface NodeAttribute {
    readonly value: IacValue;
    /** Range of the attribute's name/key; equal to the value range when there is none. */
    readonly keyRange: Range;
}
export interface MetadataOptions {
    readonly httpTokens?: NodeAttribute;
    readonly httpEndpoint?: NodeAttribute;
    readonly hopLimit?: NodeAttribute;
    /** Range of the `MetadataOptions` key / `metadata_options` block name. */
    readonly range: Range;
}
export interface GraphNode {
    /** CloudFormation logical id, or Terraform `type.name`. */
    readonly id: string;
    readonly format: 'cloudformation' | 'terraform';
    /** `AWS::EC2::Instance` or `aws_instance`. */
    readonly type: string;
    readonly kind: NodeKind;
    /** The type token: CloudFormation `Type:` value, Terraform block's first label. */
    readonly typeRange: Range;
    /** The logical id key, or the Terraform block's second label. */
    readonly nameRange: Range;
    /** Defined in the scanned document (ranges are reportable); false for module siblings. */
    readonly local: boolean;
    readonly cfn?: CfnResource;
    readonly tf?: TfBlock;
    /** A resource of a Terraform plan (`terraform show -json`): its planned values. */
    readonly plan?: PlanResource;
}
/** A Terraform `module "name" { source = … }` call in the scanned file. */
export interface ModuleCall {
    /** `module.<name>`. */
    readonly id: string;
    readonly nameRange: Range;
    /** The `source` string when it is a literal (Terraform requires one). */
    readonly source?: string;
    readonly block: TfBlock;
}
/** What an instance-profile (or any) reference points at. */
export type Resolution = {
    readonly state: 'node';
    readonly node: GraphNode;
}
/** Comes from outside (parameter, variable, import, data source, literal name/ARN of something not in the file). */
 | {
    readonly state: 'unknown';
};
export interface ResourceGraph {
    readonly format: 'cloudformation' | 'terraform';
    readonly nodes: readonly GraphNode[];
    node(id: string): GraphNode | undefined;
    /** Nodes defined in the scanned document. */
    localNodes(kinds?: readonly NodeKind[]): GraphNode[];
    /** A node's attribute by path (CloudFormation property path / Terraform attribute or nested block path). */
    attribute(node: GraphNode, path: readonly string[]): NodeAttribute | undefined;
    /** Resolves a reference value to a node of the graph, or unknown. */
    resolve(value: IacValue | undefined): Resolution | undefined;
    /** The instance profile setting of a compute node (undefined when absent). */
    instanceProfileOf(node: GraphNode): NodeAttribute | undefined;
    /** Launch templates a compute node or group launches from (their references). */
    launchTemplatesOf(node: GraphNode): IacValue[];
    /** The user data text (with placeholders) of a compute node, when known. */
    userDataOf(node: GraphNode): string | undefined;
    metadataOptionsOf(node: GraphNode): MetadataOptions | undefined;
    /** Role references of an instance profile. */
    rolesOf(profile: GraphNode): NodeAttribute[];
    /** The trust policy document of a role, when set. */
    trustPolicyOf(role: GraphNode): NodeAttribute | undefined;
    /** Nodes that reference `target` anywhere in their attributes. */
    referrers(target: GraphNode): GraphNode[];
    /** Every (node, attribute) pair holding a policy document that applies to `role`. */
    policiesOf(role: GraphNode): {
        node: GraphNode;
        document: IacValue;
    }[];
    /** Terraform `module` calls of the scanned file (none for CloudFormation and plans). */
    moduleCalls(): ModuleCall[];
}
/** How messages name a node: `AWS::EC2::Instance Web` / `aws_instance.web`. */
export declare function describeNode(node: GraphNode): string;
/** Parses a policy given as a JSON string (heredoc, `jsonencode`, `data.aws_iam_policy_document`). */
export declare function policyDocument(value: IacValue | undefined): IacValue | undefined;
/** `terraform-aws-modules/ec2-instance`, `terraform-aws-modules/eks//modules/eks-managed-node-group`, or undefined for any other source. */
export declare function ec2ModuleOf(source: string | undefined): string | undefined;
/**
 * The `metadata_options` map passed to a module call (undefined when absent). Only explicit
 * entries are read: what the module does without them depends on its version.
 */
export declare function moduleMetadataOptions(call: ModuleCall): MetadataOptions | undefined;
/** The resource graph of a CloudFormation or Terraform document (or Terraform plan JSON), built once per document. */
export declare function resourceGraph(doc: SourceDocument): ResourceGraph | undefined;
/** Statements of a policy document (a map with `Statement`, as object or list). */
export declare function policyStatements(doc: IacValue | undefined): IacMap[];
/**
 * Whether a trust policy lets EC2 assume the role (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html):
 * some Allow statement covers `sts:AssumeRole` (`Action` string or list, wildcards such as
 * `sts:*`, `sts:Assume*`, `*`, or a `NotAction` that leaves it out) for the principal
 * `Service: ec2.amazonaws.com` (string or list) or `*`, and no unconditional Deny statement
 * certainly covers the same. A `Condition` on an Allow is taken as satisfiable and one on a
 * Deny as not always applying: conditions are never guessed at.
 * undefined when the document or a relevant part of it is not known statically.
 */
export declare function trustsEc2(trust: IacValue | undefined): boolean | undefined;
/** Matches user data that will call AWS APIs and so needs credentials. */
export declare const AWS_API_USE: RegExp;
