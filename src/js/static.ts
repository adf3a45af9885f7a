// Static evaluation of JS/TS expressions, over an ESTree program with `range`s (what
// @typescript-eslint/parser and ESLint produce). Shared by every analysis of code: the SDK
// credential rule today, CDK IAM statements (`new iam.PolicyStatement({ actions, resources })`)
// tomorrow. It answers two questions and nothing else:
//   - what constant value does this expression have, if the file alone decides it?
//     (string/number/boolean/null literals, template literals whose expressions are static, array and
//     object literals, `const` bindings anywhere in the file, `as`/`satisfies`/`!` wrappers)
//   - what imported thing does this callee or member chain name?
//     (`iam.PolicyStatement` → { module: 'aws-cdk-lib/aws-iam', path: ['PolicyStatement'] },
//      named, default, namespace imports and `require()`; unbound globals like `AWS` keep
//      module undefined)
// It never guesses: anything it cannot decide is `unknown`, so callers report only what the
// file states. Name resolution is per file, not per scope: a name bound by `const` once in the
// file resolves; a name declared more than once (shadowing, re-declaration) does not.
import type { TSESTree } from '@typescript-eslint/utils';

export type Node = TSESTree.Node;
export type Expression = TSESTree.Expression;

export type StaticValue =
  | { readonly kind: 'string'; readonly value: string; readonly node: Node }
  | { readonly kind: 'number' | 'boolean' | 'null'; readonly value: number | boolean | null; readonly node: Node }
  | { readonly kind: 'array'; readonly elements: readonly StaticValue[]; readonly node: Node }
  | { readonly kind: 'object'; readonly properties: ReadonlyMap<string, StaticProperty>; readonly node: Node }
  | { readonly kind: 'function'; readonly returns: readonly StaticValue[]; readonly node: Node }
  | { readonly kind: 'unknown'; readonly node: Node };

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

const MAX_DEPTH = 16;

/** File-wide bindings of a program; build once per program with `staticScopeOf`. */
export class StaticScope {
  private readonly consts = new Map<string, TSESTree.Expression | null>();
  private readonly imports = new Map<string, ImportBinding | null>();

  constructor(readonly program: TSESTree.Program) {
    walk(program, (node) => {
      if (node.type === 'ImportDeclaration') {
        const module = String(node.source.value);
        for (const spec of node.specifiers) {
          const imported =
            spec.type === 'ImportNamespaceSpecifier' ? '*' : spec.type === 'ImportDefaultSpecifier' ? 'default' : moduleExportName(spec.imported);
          this.bindImport(spec.local.name, { module, imported });
        }
      } else if (node.type === 'VariableDeclaration') {
        for (const decl of node.declarations) this.bindDeclarator(decl, node.kind);
      } else if (node.type === 'TSImportEqualsDeclaration' && node.moduleReference.type === 'TSExternalModuleReference') {
        const expr = node.moduleReference.expression;
        if (expr.type === 'Literal' && typeof expr.value === 'string') this.bindImport(node.id.name, { module: expr.value, imported: '*' });
      } else if (node.type === 'FunctionDeclaration' || node.type === 'ClassDeclaration') {
        if (node.id) this.shadow(node.id.name);
      }
    });
  }

  /** The initialiser of the file's only `const` binding of `name`. */
  constBinding(name: string): TSESTree.Expression | undefined {
    return this.consts.get(name) ?? undefined;
  }

  importOf(name: string): ImportBinding | undefined {
    return this.imports.get(name) ?? undefined;
  }

  /** True when `name` is declared anywhere in the file (so it is not a global). */
  isDeclared(name: string): boolean {
    return this.consts.has(name) || this.imports.has(name);
  }

  private shadow(name: string): void {
    this.consts.set(name, null);
    if (!this.imports.has(name)) this.imports.set(name, null);
  }

  private bindImport(name: string, binding: ImportBinding): void {
    const known = this.imports.get(name);
    this.imports.set(name, known === undefined ? binding : null);
    if (!this.consts.has(name)) this.consts.set(name, null);
  }

  private bindDeclarator(decl: TSESTree.VariableDeclarator, kind: TSESTree.VariableDeclaration['kind']): void {
    const init = decl.init ? unwrap(decl.init) : undefined;
    const required = init ? requiredModule(init) : undefined;
    if (decl.id.type === 'Identifier') {
      const name = decl.id.name;
      if (required !== undefined) return this.bindImport(name, { module: required, imported: '*' });
      // `const { X } = require('m')` is below; `const X = require('m').X` here.
      if (init?.type === 'MemberExpression' && !init.computed && init.property.type === 'Identifier') {
        const inner = requiredModule(unwrap(init.object));
        if (inner !== undefined) return this.bindImport(name, { module: inner, imported: init.property.name });
      }
      const known = this.consts.has(name);
      this.consts.set(name, !known && kind === 'const' && init ? init : null);
      if (!this.imports.has(name)) this.imports.set(name, null);
      return;
    }
    if (decl.id.type === 'ObjectPattern' && required !== undefined) {
      for (const prop of decl.id.properties) {
        if (prop.type === 'Property' && !prop.computed && prop.value.type === 'Identifier') {
          const key = propertyKeyName(prop);
          if (key !== undefined) this.bindImport(prop.value.name, { module: required, imported: key });
        }
      }
      return;
    }
    // Other destructuring: every bound name is declared but has no static value.
    walk(decl.id, (n) => {
      if (n.type === 'Identifier') this.shadow(n.name);
    });
  }
}

const scopes = new WeakMap<TSESTree.Program, StaticScope>();

/** The (cached) file-wide bindings of `program`. */
export function staticScopeOf(program: TSESTree.Program): StaticScope {
  let scope = scopes.get(program);
  if (!scope) {
    scope = new StaticScope(program);
    scopes.set(program, scope);
  }
  return scope;
}

/** Strips `as`, `satisfies`, `!`, `<T>x` and parentheses (which ESTree already drops). */
export function unwrap(node: TSESTree.Expression): TSESTree.Expression {
  let n: TSESTree.Expression = node;
  while (n.type === 'TSAsExpression' || n.type === 'TSSatisfiesExpression' || n.type === 'TSNonNullExpression' || n.type === 'TSTypeAssertion') {
    n = n.expression;
  }
  return n;
}

/** `require('m')` → 'm'. */
export function requiredModule(node: TSESTree.Expression): string | undefined {
  if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1) {
    const arg = node.arguments[0]!;
    if (arg.type === 'Literal' && typeof arg.value === 'string') return arg.value;
  }
  return undefined;
}

function moduleExportName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === 'Identifier' ? node.name : node.value;
}

/** The static name of an object property key (`a`, `'a'`, `['a']`, `[1]`). */
export function propertyKeyName(prop: TSESTree.Property | TSESTree.PropertyDefinition | TSESTree.MethodDefinition, scope?: StaticScope): string | undefined {
  const key = prop.key;
  if (!prop.computed) {
    if (key.type === 'Identifier') return key.name;
    if (key.type === 'Literal') return String(key.value);
    return undefined;
  }
  if (!scope) return key.type === 'Literal' ? String(key.value) : undefined;
  const value = evaluate(key as TSESTree.Expression, scope);
  return value.kind === 'string' || value.kind === 'number' ? String(value.value) : undefined;
}

/** The constant value of `node` as far as the file decides it. */
export function evaluate(node: TSESTree.Node, scope: StaticScope, depth = 0): StaticValue {
  if (depth > MAX_DEPTH) return { kind: 'unknown', node };
  const n = isExpression(node) ? unwrap(node) : node;
  switch (n.type) {
    case 'Literal':
      if (typeof n.value === 'string') return { kind: 'string', value: n.value, node: n };
      if (typeof n.value === 'number') return { kind: 'number', value: n.value, node: n };
      if (typeof n.value === 'boolean') return { kind: 'boolean', value: n.value, node: n };
      if (n.value === null && !('regex' in n) && !('bigint' in n)) return { kind: 'null', value: null, node: n };
      return { kind: 'unknown', node: n };
    case 'TemplateLiteral': {
      // `a${B}c` is static when every expression is (a const string or number).
      let out = '';
      for (let i = 0; i < n.quasis.length; i++) {
        const cooked = n.quasis[i]!.value.cooked;
        if (typeof cooked !== 'string') return { kind: 'unknown', node: n };
        out += cooked;
        const expr = n.expressions[i];
        if (expr) {
          const v = evaluate(expr, scope, depth + 1);
          if (v.kind !== 'string' && v.kind !== 'number') return { kind: 'unknown', node: n };
          out += String(v.value);
        }
      }
      return { kind: 'string', value: out, node: n };
    }
    case 'Identifier': {
      const init = scope.constBinding(n.name);
      return init ? evaluate(init, scope, depth + 1) : { kind: 'unknown', node: n };
    }
    case 'ArrayExpression': {
      const elements: StaticValue[] = [];
      for (const el of n.elements) {
        if (!el) continue;
        if (el.type === 'SpreadElement') {
          const spread = evaluate(el.argument, scope, depth + 1);
          if (spread.kind !== 'array') return { kind: 'unknown', node: n };
          elements.push(...spread.elements);
        } else {
          elements.push(evaluate(el, scope, depth + 1));
        }
      }
      return { kind: 'array', elements, node: n };
    }
    case 'ObjectExpression': {
      const properties = new Map<string, StaticProperty>();
      for (const prop of n.properties) {
        if (prop.type === 'SpreadElement') {
          const spread = evaluate(prop.argument, scope, depth + 1);
          if (spread.kind === 'object') for (const [k, v] of spread.properties) properties.set(k, v);
          continue;
        }
        const key = propertyKeyName(prop, scope);
        if (key === undefined) continue;
        const value: StaticValue =
          prop.kind === 'init' && !prop.method ? evaluate(prop.value, scope, depth + 1) : evaluate(prop.value, scope, depth + 1);
        properties.set(key, { property: prop, value });
      }
      return { kind: 'object', properties, node: n };
    }
    case 'ArrowFunctionExpression':
    case 'FunctionExpression':
      return { kind: 'function', returns: returnedValues(n, scope, depth + 1), node: n };
    case 'AwaitExpression':
      return evaluate(n.argument, scope, depth + 1);
    case 'CallExpression':
      // `Promise.resolve({...})` as a credentials provider body.
      if (
        n.callee.type === 'MemberExpression' &&
        n.callee.object.type === 'Identifier' &&
        n.callee.object.name === 'Promise' &&
        !scope.isDeclared('Promise') &&
        memberName(n.callee) === 'resolve' &&
        n.arguments.length === 1 &&
        n.arguments[0]!.type !== 'SpreadElement'
      ) {
        return evaluate(n.arguments[0]!, scope, depth + 1);
      }
      return { kind: 'unknown', node: n };
    case 'MemberExpression': {
      const object = evaluate(n.object, scope, depth + 1);
      const name = memberName(n, scope);
      if (name === undefined) return { kind: 'unknown', node: n };
      if (object.kind === 'object') return object.properties.get(name)?.value ?? { kind: 'unknown', node: n };
      if (object.kind === 'array' && /^\d+$/.test(name)) return object.elements[Number(name)] ?? { kind: 'unknown', node: n };
      return { kind: 'unknown', node: n };
    }
    case 'BinaryExpression':
      if (n.operator === '+') {
        const left = evaluate(n.left, scope, depth + 1);
        const right = evaluate(n.right, scope, depth + 1);
        if (left.kind === 'string' && right.kind === 'string') return { kind: 'string', value: left.value + right.value, node: n };
      }
      return { kind: 'unknown', node: n };
    default:
      return { kind: 'unknown', node: n };
  }
}

/** Values an arrow/function expression returns (its expression body or each `return`, not nested functions). */
function returnedValues(fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression, scope: StaticScope, depth: number): StaticValue[] {
  if (fn.body.type !== 'BlockStatement') return [evaluate(fn.body, scope, depth)];
  const out: StaticValue[] = [];
  walk(fn.body, (node) => {
    if (node.type === 'ReturnStatement' && node.argument) out.push(evaluate(node.argument, scope, depth));
  }, (node) => node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression');
  return out;
}

/** The static name of a member access (`a.b`, `a['b']`, `a[KEY]` with a const KEY). */
export function memberName(node: TSESTree.MemberExpression, scope?: StaticScope): string | undefined {
  if (!node.computed) return node.property.type === 'Identifier' ? node.property.name : node.property.type === 'PrivateIdentifier' ? undefined : undefined;
  const prop = node.property;
  if (prop.type === 'Literal') return String(prop.value);
  if (!scope) return undefined;
  const value = evaluate(prop, scope);
  return value.kind === 'string' || value.kind === 'number' ? String(value.value) : undefined;
}

/**
 * Where a callee or member chain comes from: `iam.PolicyStatement` with
 * `import * as iam from 'aws-cdk-lib/aws-iam'` → { module: 'aws-cdk-lib/aws-iam', path: ['PolicyStatement'] };
 * `S3Client` imported by name → { module: '@aws-sdk/client-s3', path: ['S3Client'] };
 * a default import → path starts with 'default'; an undeclared global `AWS.config` → { module: undefined, path: ['AWS', 'config'] }.
 * Undefined for anything else (a call result, a local variable, a computed member).
 */
export function qualifiedName(node: TSESTree.Node, scope: StaticScope): QualifiedName | undefined {
  const path: string[] = [];
  let n: TSESTree.Node = isExpression(node) ? unwrap(node) : node;
  for (let i = 0; i < MAX_DEPTH; i++) {
    if (n.type === 'MemberExpression') {
      const name = memberName(n, scope);
      if (name === undefined) return undefined;
      path.unshift(name);
      n = unwrap(n.object);
      continue;
    }
    if (n.type === 'ChainExpression') {
      n = n.expression;
      continue;
    }
    if (n.type === 'CallExpression') {
      const mod = requiredModule(n);
      return mod !== undefined ? { module: mod, path } : undefined;
    }
    if (n.type !== 'Identifier') return undefined;
    const binding = scope.importOf(n.name);
    if (binding) return { module: binding.module, path: binding.imported === '*' ? path : [binding.imported, ...path] };
    if (scope.isDeclared(n.name)) {
      // `const S3 = AWS.S3` (an alias of a qualified name) resolves through the alias.
      const init = scope.constBinding(n.name);
      if (init && (init.type === 'MemberExpression' || init.type === 'Identifier')) {
        const inner = qualifiedName(init, scope);
        return inner ? { module: inner.module, path: [...inner.path, ...path] } : undefined;
      }
      return undefined;
    }
    return { module: undefined, path: [n.name, ...path] };
  }
  return undefined;
}

function isExpression(node: TSESTree.Node): node is TSESTree.Expression {
  return node.type !== 'Property' && node.type !== 'SpreadElement' && node.type !== 'Program';
}

/** Keys that hold no runtime children (positions, tokens, and the type annotations the analyses skip). */
const NOT_CHILDREN = new Set(['parent', 'loc', 'range', 'tokens', 'comments', 'typeAnnotation', 'returnType', 'typeParameters', 'typeArguments']);

/**
 * Depth-first walk over ESTree children (keys found by shape, so TS-only nodes are covered too).
 * `skip(node)` stops descent into that node's children (the node itself is still visited).
 * Pre-order, children in key order. Two parallel stacks and no per-node arrays: a file's tree
 * has a node per few bytes (a 2 MB file ≈ 500,000), and the walk runs once per analysis.
 */
export function walk(root: TSESTree.Node, visit: (node: TSESTree.Node, parent: TSESTree.Node | undefined) => void, skip?: (node: TSESTree.Node) => boolean): void {
  const nodes: TSESTree.Node[] = [root];
  const parents: Array<TSESTree.Node | undefined> = [undefined];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    visit(node, parents.pop());
    if (node !== root && skip?.(node)) continue;
    const first = nodes.length;
    for (const key in node) {
      if (NOT_CHILDREN.has(key)) continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const v of value) {
          if (isNode(v)) {
            nodes.push(v);
            parents.push(node);
          }
        }
      } else if (isNode(value)) {
        nodes.push(value);
        parents.push(node);
      }
    }
    // Pushed in key order; reversed in place so the first child is popped first (their
    // parents are all `node`, so that stack needs no reversing).
    for (let a = first, b = nodes.length - 1; a < b; a++, b--) {
      const t = nodes[a]!;
      nodes[a] = nodes[b]!;
      nodes[b] = t;
    }
  }
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** [start, end) offsets of a node (ESTree `range`). */
export function rangeOf(node: TSESTree.Node): readonly [number, number] {
  return node.range;
}
