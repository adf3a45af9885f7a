/** Offsets into a document's text, end exclusive. */
export interface Range {
    readonly start: number;
    readonly end: number;
}
/**
 * A piece of a string value and where it came from in the host document. `verbatim` pieces
 * were copied character for character (a finding inside maps to its exact column);
 * other pieces stand for their host range as a whole (an escape sequence, a placeholder
 * for an interpolation, a decoded base64 literal).
 */
export interface TextPiece {
    readonly text: string;
    readonly start: number;
    readonly end: number;
    readonly verbatim: boolean;
}
export interface IacString {
    readonly kind: 'string';
    readonly value: string;
    readonly range: Range;
    /**
     * How the value maps back to the host, when it can (undefined for values synthesised
     * whole, e.g. from a number). `${…}` placeholders stay in `value` where an interpolation
     * could not be evaluated; `hasPlaceholders` says so.
     */
    readonly pieces?: readonly TextPiece[];
    readonly hasPlaceholders?: boolean;
    /** The value was read from another file (Terraform `file()`): its pieces map to the call. */
    readonly fromFile?: string;
    /** For `jsonencode(x)`: the structured value that was encoded. */
    readonly encoded?: IacValue;
}
export interface IacNumber {
    readonly kind: 'number';
    readonly value: number;
    readonly range: Range;
}
export interface IacBool {
    readonly kind: 'bool';
    readonly value: boolean;
    readonly range: Range;
}
export interface IacNull {
    readonly kind: 'null';
    readonly range: Range;
}
export interface IacEntry {
    readonly key: string;
    readonly keyRange: Range;
    readonly value: IacValue;
}
export interface IacMap {
    readonly kind: 'map';
    readonly entries: readonly IacEntry[];
    readonly range: Range;
}
export interface IacList {
    readonly kind: 'list';
    readonly items: readonly IacValue[];
    readonly range: Range;
}
/**
 * A reference to another resource or input: CloudFormation `Ref`/`Fn::GetAtt`, Terraform
 * `aws_iam_role.x.arn`. `target` is the logical id (CloudFormation) or `type.name`
 * (Terraform managed resource), `data.type.name`, `var.x`, `local.x`, `module.x`.
 */
export interface IacRef {
    readonly kind: 'ref';
    readonly target: string;
    readonly attribute?: string;
    readonly range: Range;
}
/** Why a value is not known statically. `external`: it comes from outside the file/module. */
export type UnknownReason = 'external' | 'dynamic' | 'unsupported';
export interface IacUnknown {
    readonly kind: 'unknown';
    readonly reason: UnknownReason;
    readonly range: Range;
    /** Short description for messages and debugging (`var.profile`, `Fn::ImportValue`). */
    readonly label?: string;
    /**
     * The values it may take, when they are written out (the two branches of a CloudFormation
     * `Fn::If`): each is as real as the other, so checks that look at elements consider every one.
     */
    readonly alternatives?: readonly IacValue[];
    /** The condition that chooses among `alternatives` (`Fn::If`'s condition name). */
    readonly condition?: string;
}
export type IacValue = IacString | IacNumber | IacBool | IacNull | IacMap | IacList | IacRef | IacUnknown;
export declare function mapEntry(value: IacValue | undefined, key: string): IacEntry | undefined;
export declare function mapGet(value: IacValue | undefined, key: string): IacValue | undefined;
/** Case-insensitive key lookup (CloudFormation is case-sensitive, but some loose formats are not). */
export declare function mapGetInsensitive(value: IacValue | undefined, key: string): IacEntry | undefined;
/** Follows a key path through maps (and numeric indexes through lists). */
export declare function getPath(value: IacValue | undefined, path: readonly (string | number)[]): IacValue | undefined;
/** The string a value certainly is, or undefined (unknown, reference, placeholder-bearing, not a scalar). */
export declare function knownString(value: IacValue | undefined): string | undefined;
/** Like knownString, but keeps `${…}` placeholders (for texts like user data). */
export declare function stringWithPlaceholders(value: IacValue | undefined): string | undefined;
/** A list value's items; a single non-list value is treated as a one-item list (IAM style). */
export declare function asList(value: IacValue | undefined): readonly IacValue[];
/** CloudFormation's `AWS::NoValue`: the property (or list item) is not there at all. */
export declare function isNoValue(value: IacValue | undefined): boolean;
/**
 * The concrete values a value may take: the branches of conditionals (nested ones too), a
 * branch that is `AWS::NoValue` contributing nothing; a value without alternatives is itself.
 */
export declare function branchesOf(value: IacValue | undefined): IacValue[];
/**
 * The items of a list-valued element with conditionals spliced in: a conditional item
 * contributes the items of each branch (a branch may be one value or a list), the whole list
 * may be a conditional too. An item written identically in two branches counts once (one
 * defect, one finding). Linear in the size of the value.
 */
export declare function branchItems(value: IacValue | undefined): IacValue[];
export declare function branchChoices(value: IacValue): readonly string[];
/** Whether values with these choices can exist in one stack: no condition is taken both ways. */
export declare function compatibleChoices(lists: readonly (readonly string[])[]): boolean;
export declare function isKnown(value: IacValue | undefined): boolean;
/** Pieces of a string value; a string without source pieces maps as a whole to its range. */
export declare function piecesOf(value: IacString): readonly TextPiece[];
/** A `${…}` placeholder text standing for a value that is not known statically. */
export declare function placeholderText(value: IacValue): string;
/**
 * Plain JavaScript form of a value. Unknowns and refs become undefined, or with
 * `placeholders` a `${…}` text (to render a policy or an environment as JSON).
 */
export declare function toPlain(value: IacValue | undefined, placeholders?: boolean): unknown;
/**
 * The source range of a value's own text: for a string whose pieces map into its range, from
 * the first piece to the last (without quotes or the `!Sub` tag); otherwise the value's range.
 */
export declare function valueTokenRange(value: IacValue): Range;
/**
 * The source range of the characters [from, to) of a string value: exact inside verbatim
 * pieces, the whole piece's range inside others (an escape, a file read by `file()`).
 */
export declare function substringRange(value: IacString, from: number, to: number): Range;
