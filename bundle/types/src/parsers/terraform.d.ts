import type { SourceDocument } from '../engine/document.js';
import type { Notification } from '../engine/types.js';
import type { IacMap, IacString, IacValue, Range } from '../iac/value.js';
import { mapEntry, mapGet } from '../iac/value.js';
import { type HclExpr } from './hcl.js';
export interface TfLabel {
    readonly value: string;
    readonly range: Range;
}
export interface TfAttribute {
    readonly name: string;
    readonly nameRange: Range;
    /** Range of the value expression. */
    readonly range: Range;
    /** The evaluated value (computed on first use, then cached). */
    value(): IacValue;
    /** The expression's syntax (native syntax only). */
    readonly node?: HclExpr;
    /** The expression's source text (for JSON syntax, the JSON value's text). */
    source(): string;
}
export interface TfBlock {
    /** `resource`, `data`, `provider`, `variable`, `locals`, `terraform`, `backend`, nested block names… */
    readonly type: string;
    readonly typeRange: Range;
    readonly labels: readonly TfLabel[];
    readonly range: Range;
    readonly file: TfFile;
    attributes(): readonly TfAttribute[];
    attribute(name: string): TfAttribute | undefined;
    blocks(type?: string): readonly TfBlock[];
}
export interface TfFile {
    /** Absolute path when known, else the document path. */
    readonly path: string;
    readonly text: string;
    readonly syntax: 'hcl' | 'json';
    readonly blocks: readonly TfBlock[];
    /** Set for the file being scanned; sibling files read from disk have no document. */
    readonly document?: SourceDocument;
    /** Module directory on disk, when known. */
    readonly dir?: string;
    readonly errors: readonly {
        message: string;
        offset: number;
    }[];
}
export interface TfModule {
    readonly dir?: string;
    /** The scanned file first, then its siblings. */
    readonly files: readonly TfFile[];
    readonly variables: ReadonlyMap<string, TfBlock>;
    readonly locals: ReadonlyMap<string, TfAttribute>;
    /** `type.name` → block, managed resources. */
    readonly resources: ReadonlyMap<string, TfBlock>;
    /** `type.name` → block, data sources. */
    readonly data: ReadonlyMap<string, TfBlock>;
}
export declare function isTerraformJsonPath(path: string): boolean;
/** Whether some rule or extractor has already parsed this document. */
export declare function isTerraformParsed(doc: SourceDocument): boolean;
/** The Terraform file in a document (`.tf` or `.tf.json`), parsed once per document. */
export declare function parseTerraform(doc: SourceDocument, notes?: Notification[]): TfFile;
/** The module a file belongs to: the file itself plus the other `.tf` files of its directory. */
export declare function moduleOf(file: TfFile): TfModule;
/** Every block of the given type across the module, the scanned file's first. */
export declare function moduleBlocks(file: TfFile, type: string): TfBlock[];
interface Scope {
    readonly file: TfFile;
}
/** Evaluates an expression (any of the reader's expression shapes). */
export declare function evaluate(node: HclExpr, scope: Scope, depth: number): IacValue;
/** A `data "aws_iam_policy_document"` block of the scanned module as the policy it renders (positions in its own file). */
export declare function terraformPolicyDocument(block: TfBlock): IacMap | undefined;
/** Managed resources of the scanned file (`resource "type" "name"`). */
export declare function resourceBlocks(file: TfFile, types?: ReadonlySet<string> | readonly string[]): TfBlock[];
export declare function resourceType(block: TfBlock): string;
export declare function resourceName(block: TfBlock): string;
/** The attribute or nested block at a path (`['metadata_options', 'http_tokens']`). */
export declare function blockAttribute(block: TfBlock, path: readonly string[]): TfAttribute | undefined;
/** The attribute's value if it is a string that is certainly known. */
export declare function attributeString(block: TfBlock, name: string): string | undefined;
export { mapEntry, mapGet };
export type { IacString };
export interface PlanResource {
    readonly address: string;
    readonly type: string;
    readonly name: string;
    readonly mode: string;
    /** Range of the `"type"` value. */
    readonly typeRange: Range;
    readonly values?: IacMap;
}
export declare function looksLikeTerraformPlan(text: string): boolean;
/** The resources of a plan's `planned_values` (root module and every child module). */
export declare function parseTerraformPlan(doc: SourceDocument, notes?: Notification[]): PlanResource[];
