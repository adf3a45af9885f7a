import type { TSESTree } from '@typescript-eslint/utils';
export type Node = TSESTree.Node;
export type Expression = TSESTree.Expression;
export type StaticValue = {
    readonly kind: 'string';
    readonly value: string;
    readonly node: Node;
} | {
    readonly kind: 'number' | 'boolean' | 'null';
    readonly value: number | boolean | null;
    readonly node: Node;
} | {
    readonly kind: 'array';
    readonly elements: readonly StaticValue[];
    readonly node: Node;
} | {
    readonly kind: 'object';
    readonly properties: ReadonlyMap<string, StaticProperty>;
    readonly node: Node;
} | {
    readonly kind: 'function';
    readonly returns: readonly StaticValue[];
    readonly node: Node;
} | {
    readonly kind: 'unknown';
    readonly node: Node;
};
export interface StaticProperty {
    /** The `Property` node in the object literal where the key is written. */
    readonly property: TSESTree.Property;
    readonly value: StaticValue;
}
/** What a name was imported as. `imported` is `*` for a namespace, `default` for a default import. */
export interface ImportBinding {
    readonly module: string;
    readonly imported: string;
}
/** A callee or member chain resolved to where it comes from. */
export interface QualifiedName {
    /** The module it was imported from; undefined for a global (`AWS`, `process`). */
    readonly module: string | undefined;
    /** Member path from the import (or global) on: `AWS.config.update` → ['AWS', 'config', 'update'] for a global. */
    readonly path: readonly string[];
}
/** File-wide bindings of a program; build once per program with `staticScopeOf`. */
export declare class StaticScope {
    readonly program: TSESTree.Program;
    private readonly consts;
    private readonly imports;
    constructor(program: TSESTree.Program);
    /** The initialiser of the file's only `const` binding of `name`. */
    constBinding(name: string): TSESTree.Expression | undefined;
    importOf(name: string): ImportBinding | undefined;
    /** True when `name` is declared anywhere in the file (so it is not a global). */
    isDeclared(name: string): boolean;
    private shadow;
    private bindImport;
    private bindDeclarator;
}
/** The (cached) file-wide bindings of `program`. */
export declare function staticScopeOf(program: TSESTree.Program): StaticScope;
/** Strips `as`, `satisfies`, `!`, `<T>x` and parentheses (which ESTree already drops). */
export declare function unwrap(node: TSESTree.Expression): TSESTree.Expression;
/** `require('m')` → 'm'. */
export declare function requiredModule(node: TSESTree.Expression): string | undefined;
/** The static name of an object property key (`a`, `'a'`, `['a']`, `[1]`). */
export declare function propertyKeyName(prop: TSESTree.Property | TSESTree.PropertyDefinition | TSESTree.MethodDefinition, scope?: StaticScope): string | undefined;
/** The constant value of `node` as far as the file decides it. */
export declare function evaluate(node: TSESTree.Node, scope: StaticScope, depth?: number): StaticValue;
/** The static name of a member access (`a.b`, `a['b']`, `a[KEY]` with a const KEY). */
export declare function memberName(node: TSESTree.MemberExpression, scope?: StaticScope): string | undefined;
/**
 * Where a callee or member chain comes from: `iam.PolicyStatement` with
 * `import * as iam from 'aws-cdk-lib/aws-iam'` → { module: 'aws-cdk-lib/aws-iam', path: ['PolicyStatement'] };
 * `S3Client` imported by name → { module: '@aws-sdk/client-s3', path: ['S3Client'] };
 * a default import → path starts with 'default'; an undeclared global `AWS.config` → { module: undefined, path: ['AWS', 'config'] }.
 * Undefined for anything else (a call result, a local variable, a computed member).
 */
export declare function qualifiedName(node: TSESTree.Node, scope: StaticScope): QualifiedName | undefined;
/**
 * Depth-first walk over ESTree children (keys found by shape, so TS-only nodes are covered too).
 * `skip(node)` stops descent into that node's children (the node itself is still visited).
 * Pre-order, children in key order. Two parallel stacks and no per-node arrays: a file's tree
 * has a node per few bytes (a 2 MB file ≈ 500,000), and the walk runs once per analysis.
 */
export declare function walk(root: TSESTree.Node, visit: (node: TSESTree.Node, parent: TSESTree.Node | undefined) => void, skip?: (node: TSESTree.Node) => boolean): void;
/** [start, end) offsets of a node (ESTree `range`). */
export declare function rangeOf(node: TSESTree.Node): readonly [number, number];
