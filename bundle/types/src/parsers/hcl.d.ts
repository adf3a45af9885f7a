export interface Span {
    readonly start: number;
    readonly end: number;
}
export type TraversalStep = {
    readonly kind: 'attr';
    readonly name: string;
    readonly start: number;
    readonly end: number;
} | {
    readonly kind: 'index';
    readonly start: number;
    readonly end: number;
} | {
    readonly kind: 'splat';
    readonly start: number;
    readonly end: number;
};
export interface TemplatePart extends Span {
    /** `${…}` or `%{…}`. */
    readonly kind: 'interpolation' | 'directive';
    /** The interpolated expression (interpolations only). */
    readonly expr?: HclExpr;
    /** `${~` or `~}`: whitespace around it is stripped. */
    readonly strip: boolean;
}
export type HclExpr = {
    readonly kind: 'traversal';
    readonly start: number;
    readonly end: number;
    readonly root: string;
    readonly rootEnd: number;
    readonly steps: readonly TraversalStep[];
} | {
    readonly kind: 'number';
    readonly start: number;
    readonly end: number;
} | {
    readonly kind: 'bool';
    readonly start: number;
    readonly end: number;
    readonly value: boolean;
} | {
    readonly kind: 'null';
    readonly start: number;
    readonly end: number;
}
/** `"…"`; `end` is past the closing quote when there is one (`closed`). */
 | {
    readonly kind: 'template';
    readonly start: number;
    readonly end: number;
    readonly closed: boolean;
    readonly parts: readonly TemplatePart[];
} | {
    readonly kind: 'heredoc';
    readonly start: number;
    readonly end: number;
    readonly strip: boolean;
    readonly open: Span;
    readonly close?: Span;
    readonly parts: readonly TemplatePart[];
} | {
    readonly kind: 'tuple';
    readonly start: number;
    readonly end: number;
    readonly items: readonly HclExpr[];
} | {
    readonly kind: 'object';
    readonly start: number;
    readonly end: number;
    readonly elems: ReadonlyArray<{
        readonly key: HclExpr;
        readonly value: HclExpr;
    }>;
} | {
    readonly kind: 'paren';
    readonly start: number;
    readonly end: number;
    readonly inner: HclExpr;
} | {
    readonly kind: 'call';
    readonly start: number;
    readonly end: number;
    readonly name: string;
    readonly args: readonly HclExpr[];
} | {
    readonly kind: 'other';
    readonly start: number;
    readonly end: number;
};
export interface HclAttribute {
    readonly item: 'attribute';
    readonly name: string;
    readonly nameStart: number;
    readonly nameEnd: number;
    readonly expr: HclExpr;
}
export interface HclLabel {
    /** The label's text (between the quotes, as written). */
    readonly value: string;
    readonly start: number;
    readonly end: number;
}
export interface HclBlock {
    readonly item: 'block';
    readonly type: string;
    readonly typeStart: number;
    readonly typeEnd: number;
    readonly labels: readonly HclLabel[];
    /** From the type name to past the closing brace (or to where reading stopped). */
    readonly start: number;
    readonly end: number;
    readonly body: readonly HclItem[];
}
export type HclItem = HclAttribute | HclBlock;
export interface HclError {
    /** Names the construct, never the source text. */
    readonly message: string;
    readonly offset: number;
}
export interface HclParse {
    readonly body: readonly HclItem[];
    readonly errors: readonly HclError[];
    readonly timedOut: boolean;
}
/** Deeper nesting than this is a syntax error (a recursion bound; real files nest < 20). */
export declare const MAX_HCL_NESTING = 200;
/** Reads `text` as an HCL configuration body. Never throws. */
export declare function parseHcl(text: string, deadline?: number): HclParse;
