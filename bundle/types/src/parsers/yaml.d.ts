import type * as Yaml from 'yaml';
export type { Document, Node, YAMLError } from 'yaml';
export declare const isAlias: typeof Yaml.isAlias;
export declare const isMap: typeof Yaml.isMap;
export declare const isPair: typeof Yaml.isPair;
export declare const isScalar: typeof Yaml.isScalar;
export declare const isSeq: typeof Yaml.isSeq;
export declare const parse: typeof Yaml.parse;
export declare const parseDocument: typeof Yaml.parseDocument;
export declare const parseAllDocuments: typeof Yaml.parseAllDocuments;
/** `Scalar.type` values (static strings on yaml's `Scalar` class). */
export declare const ScalarType: {
    readonly PLAIN: "PLAIN";
    readonly QUOTE_DOUBLE: "QUOTE_DOUBLE";
    readonly QUOTE_SINGLE: "QUOTE_SINGLE";
    readonly BLOCK_LITERAL: "BLOCK_LITERAL";
    readonly BLOCK_FOLDED: "BLOCK_FOLDED";
};
