import type { SourceDocument } from '../engine/document.js';
import type { Notification } from '../engine/types.js';
import type { IacEntry, IacMap, IacString, IacValue, Range, TextPiece } from '../iac/value.js';
/**
 * Maps a YAML scalar's value back to its source text, character by character: equal
 * characters are verbatim, escapes/folds are synthetic, indentation and quotes are
 * skipped. Works for plain, quoted, literal and folded scalars (and JSON strings).
 */
export declare function scalarPieces(value: string, src: string, start: number, end: number, style: string | undefined): TextPiece[];
/**
 * A JSON text (`{…}` or `[…]`) read with jsonc-parser's scanner straight into the value model:
 * ~10x yaml's speed on JSON, with the same values and ranges yaml gives (JSON is flow YAML:
 * a string's range includes its quotes, its pieces map each character of the decoded value).
 * undefined when the text is not strict JSON — comments, trailing commas, NDJSON, anything
 * jsonc-parser reports — so that yaml reads it exactly as before, errors and all.
 */
export declare function jsonValue(src: string, intrinsics: boolean): IacValue | undefined;
/** The first document of a text read by yaml, whatever it is (the reference jsonValue must equal on JSON). */
export declare function yamlValue(src: string, intrinsics: boolean): IacValue;
export interface CfnResource {
    readonly logicalId: string;
    readonly idRange: Range;
    /** `AWS::EC2::Instance`; empty when missing. */
    readonly type: string;
    /** Range of the type value (the token to report for an absence). */
    readonly typeRange: Range;
    readonly node: IacMap;
    readonly properties?: IacMap;
    readonly metadata?: IacValue;
}
export interface CfnParameter {
    readonly name: string;
    readonly nameRange: Range;
    readonly node: IacValue;
    readonly type?: string;
    readonly default?: IacValue;
    readonly noEcho: boolean;
}
export interface CfnOutput {
    readonly name: string;
    readonly nameRange: Range;
    readonly value?: IacValue;
}
export interface CfnTemplate {
    readonly root: IacMap;
    readonly resources: readonly CfnResource[];
    readonly resourcesById: ReadonlyMap<string, CfnResource>;
    readonly parameters: ReadonlyMap<string, CfnParameter>;
    readonly outputs: readonly CfnOutput[];
    /** `Transform: AWS::Serverless-2016-10-31`. */
    readonly isSam: boolean;
    /** Parse problems (the model holds what could be read). */
    readonly errors: readonly {
        message: string;
        offset: number;
    }[];
}
/**
 * The template in a CloudFormation document, parsed once per document. Returns undefined
 * when nothing usable could be read. Parse errors are pushed to `notes` (the first caller
 * that passes `notes` gets them; later callers share the cached model).
 */
export declare function parseCloudFormation(doc: SourceDocument, notes?: Notification[]): CfnTemplate | undefined;
/**
 * Every YAML document in a plain YAML/JSON file (Kubernetes manifests, docker-compose
 * files, Terraform plan JSON), without CloudFormation intrinsic evaluation. Cached.
 */
export declare function parseYamlDocuments(doc: SourceDocument, notes?: Notification[]): IacValue[];
/** Reports the parse errors of an already-parsed template to `notes` (used by the extractor that owns notifications). */
export declare function notifyCloudFormationErrors(doc: SourceDocument, notes: Notification[]): void;
/** A property of a resource by path (`['MetadataOptions', 'HttpTokens']`). */
export declare function resourceProperty(resource: CfnResource, path: readonly string[]): IacEntry | undefined;
/** Whether a logical id names a template parameter or pseudo parameter (values that come from outside). */
export declare function isExternalName(template: CfnTemplate, name: string): boolean;
/** The string value a parameter certainly has when the stack is deployed with its default. */
export declare function parameterDefault(template: CfnTemplate, name: string): IacString | undefined;
