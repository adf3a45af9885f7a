// AWS CDK (TypeScript/JavaScript) IAM constructs read into the one policy model of src/iam.
// https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_iam-readme.html
//
// Built on the static core (src/js/static.ts): a CDK construct is recognised by what its
// callee names (`iam.PolicyStatement` imported from `aws-cdk-lib/aws-iam`, `aws-cdk-lib`'s
// `aws_iam` namespace or v1 `@aws-cdk/aws-iam`), values are what `evaluate` decides, and
// `const` bindings are followed by it. This module only translates the CDK shapes into IAM JSON
// shaped IacValues (src/iac/value.ts) with the ranges of the tokens that wrote them:
//   new iam.PolicyStatement({ effect, actions, notActions, resources, notResources, principals,
//     notPrincipals, conditions, sid }) and its add*() mutators; PolicyStatement.fromJson
//   new iam.PolicyDocument({ statements }) / PolicyDocument.fromJson / addStatements
//   new iam.Role / User / Group (assumedBy, inlinePolicies, managedPolicies, groups),
//   the roles CDK creates for Lambda functions, CodeBuild projects, state machines, ECS tasks
//   addToPolicy / addToPrincipalPolicy / addToRolePolicy / addManagedPolicy / attachInlinePolicy
//   new iam.Policy / ManagedPolicy (statements, document, roles, users, groups, attachTo*)
//   ManagedPolicy.fromAwsManagedPolicyName / fromManagedPolicyArn (read by content from the
//   snapshot), addToResourcePolicy (resource policies)
// `grant*` methods write least-privilege statements by design and are not read. Anything the file
// does not decide (a parameter, a construct of another file, a computed ARN) is unknown: it is
// never reported and never guessed.
import type { TSESTree } from '@typescript-eslint/utils';
import type { IacEntry, IacMap, IacValue, Range } from '../iac/value.js';
import { policyFromStatements, policyFromValue, type PolicyDocument, type PolicyKind } from '../iam/policy.js';
import { evaluate, qualifiedName, staticScopeOf, unwrap, walk, type StaticScope, type StaticValue } from './static.js';

/** Keyword pre-filter: a file that imports no CDK module is never parsed for this. */
export const CDK_KEYWORDS = /aws-cdk-lib|@aws-cdk\//;

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

// ---------------------------------------------------------------------------------------
// Names

const SERVICE_MODULE = /^(?:aws-cdk-lib\/aws-([\w-]+)|@aws-cdk\/aws-([\w-]+?)(?:-alpha)?)$/;

/** `iam.PolicyStatement` → { service: 'iam', path: ['PolicyStatement'] } for every way CDK is imported. */
function cdkName(node: TSESTree.Node, scope: StaticScope): { service: string; path: readonly string[] } | undefined {
  const q = qualifiedName(node, scope);
  if (!q || q.module === undefined) return undefined;
  const m = SERVICE_MODULE.exec(q.module);
  if (m) return { service: (m[1] ?? m[2])!, path: q.path };
  if (q.module === 'aws-cdk-lib' || q.module === 'monocdk') {
    const [ns, ...rest] = q.path;
    const sm = ns !== undefined ? /^aws_(\w+)$/.exec(ns) : null;
    if (sm) return { service: sm[1]!.replace(/_/g, '-'), path: rest };
  }
  return undefined;
}

function isIam(node: TSESTree.Node, scope: StaticScope, ...path: string[]): boolean {
  const n = cdkName(node, scope);
  return n !== undefined && n.service === 'iam' && n.path.length === path.length && n.path.every((p, i) => p === path[i]);
}

/** Constructs that create a role for their code, by service and class: the service that assumes it. */
const IMPLICIT_ROLES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  lambda: { Function: 'lambda.amazonaws.com', SingletonFunction: 'lambda.amazonaws.com', DockerImageFunction: 'lambda.amazonaws.com' },
  'lambda-nodejs': { NodejsFunction: 'lambda.amazonaws.com' },
  'lambda-python': { PythonFunction: 'lambda.amazonaws.com' },
  'lambda-go': { GoFunction: 'lambda.amazonaws.com' },
  codebuild: { Project: 'codebuild.amazonaws.com', PipelineProject: 'codebuild.amazonaws.com' },
  stepfunctions: { StateMachine: 'states.amazonaws.com' },
  ecs: { TaskDefinition: 'ecs-tasks.amazonaws.com', FargateTaskDefinition: 'ecs-tasks.amazonaws.com', Ec2TaskDefinition: 'ecs-tasks.amazonaws.com' },
};

// ---------------------------------------------------------------------------------------
// Values

type Call = TSESTree.NewExpression | TSESTree.CallExpression;

function args(call: Call): TSESTree.Expression[] {
  return call.arguments.filter((a): a is TSESTree.Expression => a.type !== 'SpreadElement');
}

/**
 * `const` bindings by function scope, for names the file-wide scope leaves unresolved because
 * they are declared more than once (`const role = …` in two methods or two stacks of one file).
 * A use resolves to the declaration of the innermost function around it; two declarations in
 * the same function (different blocks) stay unresolved.
 */
class LocalBindings {
  private readonly byName = new Map<string, Array<{ init: TSESTree.Expression; scope: readonly [number, number] }>>();

  constructor(program: TSESTree.Program) {
    const functions: Array<readonly [number, number]> = [];
    const decls: Array<{ name: string; init: TSESTree.Expression; at: number }> = [];
    walk(program, (node) => {
      if (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression') functions.push(node.range);
      else if (node.type === 'VariableDeclaration' && node.kind === 'const') {
        for (const d of node.declarations) if (d.id.type === 'Identifier' && d.init) decls.push({ name: d.id.name, init: d.init, at: d.range[0] });
      }
    });
    for (const d of decls) {
      const list = this.byName.get(d.name) ?? [];
      list.push({ init: d.init, scope: innermost(functions, d.at) ?? program.range });
      this.byName.set(d.name, list);
    }
    this.functions = functions;
    this.program = program.range;
  }

  private readonly functions: Array<readonly [number, number]>;
  private readonly program: readonly [number, number];

  /** The initialiser `name` has at position `at`, or undefined. */
  lookup(name: string, at: number): TSESTree.Expression | undefined {
    const list = this.byName.get(name);
    if (!list || list.length < 2) return undefined;
    // Scopes around the use, innermost first; the first that declares the name decides.
    const around = this.functions.filter(([s, e]) => s <= at && at < e).sort((a, b) => (a[1] - a[0]) - (b[1] - b[0]));
    for (const [s, e] of [...around, this.program]) {
      const here = list.filter((d) => d.scope[0] === s && d.scope[1] === e);
      if (here.length === 1) return here[0]!.init;
      if (here.length > 1) return undefined;
    }
    return undefined;
  }
}

function innermost(ranges: ReadonlyArray<readonly [number, number]>, at: number): readonly [number, number] | undefined {
  let best: readonly [number, number] | undefined;
  for (const r of ranges) if (r[0] <= at && at < r[1] && (!best || r[1] - r[0] < best[1] - best[0])) best = r;
  return best;
}

/** The expression a value resolves to through `const` bindings (the `new …` a variable holds). */
function resolved(node: TSESTree.Node | undefined, scope: StaticScope, locals?: LocalBindings): TSESTree.Node | undefined {
  if (!node) return undefined;
  let n: TSESTree.Node = node.type === 'ChainExpression' ? node.expression : node;
  for (let i = 0; i < 16; i++) {
    if (n.type === 'TSAsExpression' || n.type === 'TSNonNullExpression' || n.type === 'TSSatisfiesExpression' || n.type === 'TSTypeAssertion') {
      n = unwrap(n);
      continue;
    }
    if (n.type !== 'Identifier') return n;
    const init: TSESTree.Expression | undefined = scope.constBinding(n.name) ?? locals?.lookup(n.name, n.range[0]);
    if (!init) return n;
    n = init;
  }
  return n;
}

function stringValue(v: StaticValue, text: string): IacValue {
  if (v.kind === 'string') {
    const [s, e] = v.node.range;
    const quoted = (v.node.type === 'Literal' || (v.node.type === 'TemplateLiteral' && v.node.expressions.length === 0)) && e - s >= 2;
    // Verbatim when the characters between the quotes are the value (no escapes).
    const inner = quoted ? text.slice(s + 1, e - 1) : undefined;
    const pieces = quoted ? [{ text: v.value, start: s + 1, end: e - 1, verbatim: inner === v.value }] : undefined;
    return { kind: 'string', value: v.value, range: { start: s, end: e }, ...(pieces ? { pieces } : {}) };
  }
  if (v.kind === 'number') return { kind: 'number', value: v.value as number, range: rangeOf(v.node) };
  if (v.kind === 'boolean') return { kind: 'bool', value: v.value as boolean, range: rangeOf(v.node) };
  const partial = partialTemplate(v.node, text);
  if (partial) return partial;
  return { kind: 'unknown', reason: 'dynamic', range: rangeOf(v.node) };
}

/** `arn:aws:iam::${this.account}:role/x` → a partly known string with `${…}` placeholders. */
function partialTemplate(node: TSESTree.Node, text: string): IacValue | undefined {
  if (node.type !== 'TemplateLiteral' || node.expressions.length === 0) return undefined;
  let value = '';
  for (let i = 0; i < node.quasis.length; i++) {
    const cooked = node.quasis[i]!.value.cooked;
    if (typeof cooked !== 'string') return undefined;
    value += cooked;
    const expr = node.expressions[i];
    if (expr) value += '${' + text.slice(expr.range[0], expr.range[1]).replace(/[{}$\s]/g, '') + '}';
  }
  return { kind: 'string', value, range: rangeOf(node), pieces: [{ text: value, start: node.range[0] + 1, end: node.range[1] - 1, verbatim: false }], hasPlaceholders: true };
}

function rangeOf(node: TSESTree.Node): Range {
  return { start: node.range[0], end: node.range[1] };
}

/** A static value as an IacValue (IAM JSON written as an object literal, `PolicyDocument.fromJson`). */
function plainValue(v: StaticValue, text: string, scope: StaticScope): IacValue {
  if (v.kind === 'array') return { kind: 'list', items: v.elements.map((e) => plainValue(e, text, scope)), range: rangeOf(v.node) };
  if (v.kind === 'object') {
    const entries: IacEntry[] = [];
    for (const [key, prop] of v.properties) entries.push({ key, keyRange: rangeOf(prop.property.key), value: plainValue(prop.value, text, scope) });
    return { kind: 'map', entries, range: rangeOf(v.node) };
  }
  if (v.kind === 'null') return { kind: 'null', range: rangeOf(v.node) };
  return stringValue(v, text);
}

/** A string-list property (`actions: ['s3:GetObject', ACTION, ...more]`). */
function listValue(v: StaticValue, text: string): IacValue {
  if (v.kind === 'array') return { kind: 'list', items: v.elements.map((e) => (e.kind === 'array' || e.kind === 'object' ? { kind: 'unknown', reason: 'dynamic', range: rangeOf(e.node) } : stringValue(e, text))), range: rangeOf(v.node) };
  return { kind: 'unknown', reason: 'dynamic', range: rangeOf(v.node) };
}

// ---------------------------------------------------------------------------------------
// Principals (`principals: [...]`, `assumedBy`)

interface PrincipalParts {
  /** type → ids (`AWS`, `Service`, `Federated`, `CanonicalUser`). */
  readonly types: Map<string, IacValue[]>;
  /** `new iam.StarPrincipal()`: `Principal: "*"`. */
  star?: IacValue;
  /** Conditions the principal carries (`withConditions`, `FederatedPrincipal`, `OrganizationPrincipal`). */
  readonly conditions: IacEntry[];
  /** `sts:AssumeRole`, `sts:AssumeRoleWithWebIdentity` … for a trust policy. */
  assumeAction: string;
  incomplete: boolean;
}

function emptyParts(): PrincipalParts {
  return { types: new Map(), conditions: [], assumeAction: 'sts:AssumeRole', incomplete: false };
}

function addType(parts: PrincipalParts, type: string, value: IacValue): void {
  const list = parts.types.get(type) ?? [];
  list.push(value);
  parts.types.set(type, list);
}

function principalParts(node: TSESTree.Node, ctx: Ctx, parts: PrincipalParts = emptyParts(), depth = 0): PrincipalParts {
  const n = resolved(node, ctx.scope, ctx.locals);
  if (!n || depth > 8) {
    parts.incomplete = true;
    return parts;
  }
  const whole = rangeOf(n);
  const unknown = (): IacValue => ({ kind: 'unknown', reason: 'dynamic', range: whole });
  if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && !n.callee.computed && n.callee.property.type === 'Identifier') {
    const method = n.callee.property.name;
    if (method === 'withConditions' || method === 'withSessionTags' || method === 'withSourceIdentity') {
      principalParts(n.callee.object, ctx, parts, depth + 1);
      const [c] = args(n);
      if (method === 'withConditions' && c) conditionEntries(c, ctx, parts.conditions);
      return parts;
    }
  }
  if (n.type === 'NewExpression') {
    const name = cdkName(n.callee, ctx.scope);
    const a = args(n);
    const arg = (i: number): IacValue => (a[i] ? stringValue(evaluate(a[i]!, ctx.scope), ctx.text) : unknown());
    if (name?.service === 'iam' && name.path.length === 1) {
      switch (name.path[0]) {
        case 'AnyPrincipal':
          addType(parts, 'AWS', { kind: 'string', value: '*', range: whole });
          return parts;
        case 'StarPrincipal':
          parts.star = { kind: 'string', value: '*', range: whole };
          return parts;
        case 'ArnPrincipal':
          addType(parts, 'AWS', arg(0));
          return parts;
        case 'AccountPrincipal': {
          const acct = arg(0);
          const id = acct.kind === 'string' || acct.kind === 'number' ? String(acct.value) : undefined;
          addType(parts, 'AWS', id !== undefined ? { kind: 'string', value: `arn:\${AWS::Partition}:iam::${id}:root`, range: whole, hasPlaceholders: true } : unknown());
          return parts;
        }
        case 'AccountRootPrincipal':
          addType(parts, 'AWS', { kind: 'string', value: 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root', range: whole, hasPlaceholders: true });
          return parts;
        case 'ServicePrincipal':
          addType(parts, 'Service', arg(0));
          return parts;
        case 'CanonicalUserPrincipal':
          addType(parts, 'CanonicalUser', arg(0));
          return parts;
        case 'OrganizationPrincipal':
          addType(parts, 'AWS', { kind: 'string', value: '*', range: whole });
          parts.conditions.push({ key: 'StringEquals', keyRange: whole, value: { kind: 'map', range: whole, entries: [{ key: 'aws:PrincipalOrgID', keyRange: whole, value: arg(0) }] } });
          return parts;
        case 'FederatedPrincipal':
        case 'WebIdentityPrincipal':
        case 'OpenIdConnectPrincipal':
        case 'SamlPrincipal':
        case 'SamlConsolePrincipal': {
          const kind = name.path[0];
          addType(parts, 'Federated', kind === 'FederatedPrincipal' || kind === 'WebIdentityPrincipal' ? arg(0) : unknown());
          parts.assumeAction = /Saml/.test(kind) ? 'sts:AssumeRoleWithSAML' : kind === 'FederatedPrincipal' ? (a[2] ? 'sts:AssumeRole' : 'sts:AssumeRole') : 'sts:AssumeRoleWithWebIdentity';
          if (kind === 'FederatedPrincipal' && a[2]) {
            const act = evaluate(a[2], ctx.scope);
            if (act.kind === 'string') parts.assumeAction = act.value;
          }
          const c = a[1];
          if (c) conditionEntries(c, ctx, parts.conditions);
          return parts;
        }
        case 'CompositePrincipal':
          for (const p of a) principalParts(p, ctx, parts, depth + 1);
          return parts;
      }
    }
  }
  // A role, a user, `fn.grantPrincipal`, a parameter: a principal whose ARN is not known here.
  addType(parts, 'AWS', unknown());
  return parts;
}

function conditionEntries(node: TSESTree.Node, ctx: Ctx, out: IacEntry[]): void {
  const v = plainValue(evaluate(node, ctx.scope), ctx.text, ctx.scope);
  if (v.kind === 'map') out.push(...v.entries);
  else out.push({ key: '?', keyRange: v.range, value: { kind: 'unknown', reason: 'dynamic', range: v.range } });
}

function principalValue(parts: PrincipalParts, range: Range): IacValue {
  if (parts.star && parts.types.size === 0) return parts.star;
  const entries: IacEntry[] = [...parts.types].map(([key, items]) => ({ key, keyRange: range, value: { kind: 'list', items, range } }));
  if (parts.star) entries.push({ key: 'AWS', keyRange: range, value: parts.star });
  return { kind: 'map', entries, range };
}

// ---------------------------------------------------------------------------------------
// The analysis

interface Ctx {
  readonly scope: StaticScope;
  readonly text: string;
  readonly locals: LocalBindings;
}

interface StatementEntity {
  readonly node: Call;
  /** The statement's entries by IAM key, built from the props and every mutator call. */
  readonly entries: Map<string, IacEntry>;
  /** List keys (Action, Resource …) collect items from props and add*() calls. */
  readonly lists: Map<string, { keyRange: Range; items: IacValue[]; unknown: boolean }>;
  principal?: PrincipalParts;
  notPrincipal?: PrincipalParts;
  principalKey?: Range;
  notPrincipalKey?: Range;
  conditions: IacEntry[] | undefined;
  conditionKey?: Range;
  /** `PolicyStatement.fromJson(...)`: the JSON value as written. */
  json?: IacValue;
  value?: IacValue;
}

interface DocumentEntity {
  readonly node: Call;
  readonly statements: TSESTree.Node[];
  /** `PolicyDocument.fromJson`: its value. */
  json?: IacValue;
  incomplete: boolean;
}

interface PolicyEntity {
  readonly node: TSESTree.NewExpression;
  readonly managed: boolean;
  readonly label: string;
  readonly statements: TSESTree.Node[];
  readonly documents: TSESTree.Node[];
  incomplete: boolean;
}

const LIST_PROPS: Readonly<Record<string, string>> = { actions: 'Action', notActions: 'NotAction', resources: 'Resource', notResources: 'NotResource' };
const ADD_LIST: Readonly<Record<string, string>> = { addActions: 'Action', addNotActions: 'NotAction', addResources: 'Resource', addNotResources: 'NotResource' };

const cache = new WeakMap<TSESTree.Program, CdkIamModel>();

/** The IAM constructs of a CDK program (an ESTree with ranges over `text`). Cached per program. */
export function cdkIamModel(program: TSESTree.Program, text: string): CdkIamModel {
  let model = cache.get(program);
  if (!model) {
    model = analyse(program, text);
    cache.set(program, model);
  }
  return model;
}

function analyse(program: TSESTree.Program, text: string): CdkIamModel {
  const scope = staticScopeOf(program);
  const ctx: Ctx = { scope, text, locals: new LocalBindings(program) };
  const statements = new Map<TSESTree.Node, StatementEntity>();
  const documents = new Map<TSESTree.Node, DocumentEntity>();
  const policies = new Map<TSESTree.Node, PolicyEntity>();
  const principals = new Map<TSESTree.Node, CdkPrincipal>();
  const managedRefs = new Map<TSESTree.Node, CdkAttachment | null>();
  const calls: TSESTree.CallExpression[] = [];
  const assignments: TSESTree.AssignmentExpression[] = [];
  const thisProps = new Map<string, TSESTree.Expression | null>();
  const carried: Array<{ node: TSESTree.Node; label: string; role: TSESTree.Node }> = [];

  // Pass 1: the constructs, by their callee.
  walk(program, (node) => {
    if (node.type === 'NewExpression') {
      const name = cdkName(node.callee, scope);
      if (!name) return;
      const label = constructLabel(node, name.path.join('.'), scope, name.service);
      if (name.service === 'iam' && name.path.length === 1) {
        const kind = name.path[0];
        if (kind === 'PolicyStatement') statements.set(node, statementOf(node, ctx));
        else if (kind === 'PolicyDocument') documents.set(node, documentOf(node, ctx));
        else if (kind === 'Policy' || kind === 'ManagedPolicy') policies.set(node, { node, managed: kind === 'ManagedPolicy', label, statements: [], documents: [], incomplete: false });
        else if (kind === 'Role' || kind === 'User' || kind === 'Group') {
          principals.set(node, { id: `cdk:${node.range[0]}`, kind: kind.toLowerCase() as 'role' | 'user' | 'group', label, range: idRange(node), assumedBy: [], carriers: [], implicit: false, attachments: [], groups: [], unknownPolicies: false });
        }
        return;
      }
      const service = IMPLICIT_ROLES[name.service]?.[name.path[name.path.length - 1] ?? ''];
      const given = propsOf(node, 2, scope);
      const roleProp = given?.kind === 'object' ? (given.properties.get('role') ?? given.properties.get('taskRole')) : undefined;
      // A construct given an existing `role` (a function, an instance, a project …) runs with that
      // role: `fn.addToRolePolicy()` adds to it, and the role's messages name what carries it.
      if (roleProp) carried.push({ node, label, role: roleProp.property.value });
      if (service && name.path.length === 1) {
        if (roleProp) return;
        principals.set(node, { id: `cdk:${node.range[0]}`, kind: 'role', label: `the role CDK creates for ${label}`, range: idRange(node), assumedBy: [service], carriers: [label], implicit: true, attachments: [], groups: [], unknownPolicies: false });
      }
    } else if (node.type === 'CallExpression') {
      calls.push(node);
      if (node.callee.type === 'MemberExpression') {
        if (isIam(node.callee, scope, 'PolicyStatement', 'fromJson')) {
          const [a] = args(node);
          const e = emptyStatement(node);
          e.json = a ? plainValue(evaluate(a, scope), text, scope) : { kind: 'unknown', reason: 'dynamic', range: rangeOf(node) };
          statements.set(node, e);
        } else if (isIam(node.callee, scope, 'PolicyDocument', 'fromJson')) {
          const [a] = args(node);
          documents.set(node, { node, statements: [], json: a ? plainValue(evaluate(a, scope), text, scope) : { kind: 'unknown', reason: 'dynamic', range: rangeOf(node) }, incomplete: false });
        } else {
          const ref = managedRef(node, ctx);
          if (ref !== undefined) managedRefs.set(node, ref);
        }
      }
    } else if (node.type === 'AssignmentExpression' && node.operator === '=') {
      assignments.push(node);
      if (node.left.type === 'MemberExpression' && node.left.object.type === 'ThisExpression' && !node.left.computed && node.left.property.type === 'Identifier') {
        const key = node.left.property.name;
        thisProps.set(key, thisProps.has(key) ? null : node.right);
      }
    } else if (node.type === 'PropertyDefinition' && !node.computed && node.key.type === 'Identifier' && node.value) {
      const key = node.key.name;
      thisProps.set(key, thisProps.has(key) ? null : node.value);
    }
  });

  /** The construct an expression stands for: through `const`s and `this.x` assigned once in the file. */
  const target = (node: TSESTree.Node | undefined): TSESTree.Node | undefined => {
    let n = resolved(node, scope, ctx.locals);
    for (let i = 0; i < 8 && n; i++) {
      if (n.type === 'MemberExpression' && n.object.type === 'ThisExpression' && !n.computed && n.property.type === 'Identifier') {
        const v = thisProps.get(n.property.name);
        if (!v) return n;
        n = resolved(v, scope, ctx.locals);
        continue;
      }
      return n;
    }
    return n;
  };
  const statementAt = (node: TSESTree.Node | undefined) => {
    const t = target(node);
    return t ? statements.get(t) : undefined;
  };

  // Pass 2: statement mutators (`st.addActions('*')`, `st.effect = …` is not settable in CDK v2).
  for (const call of calls) {
    if (call.callee.type !== 'MemberExpression' || call.callee.computed || call.callee.property.type !== 'Identifier') continue;
    const method = call.callee.property.name;
    const st = statementAt(call.callee.object);
    if (!st) continue;
    const key = ADD_LIST[method];
    if (key) {
      for (const a of call.arguments) {
        if (a.type === 'SpreadElement') {
          const v = evaluate(a.argument, scope);
          if (v.kind === 'array') for (const e of v.elements) pushItem(st, key, call.callee.property, stringValue(e, text));
          else pushItem(st, key, call.callee.property, { kind: 'unknown', reason: 'dynamic', range: rangeOf(a) });
        } else pushItem(st, key, call.callee.property, stringValue(evaluate(a, scope), text));
      }
    } else if (method === 'addAllResources') {
      pushItem(st, 'Resource', call.callee.property, { kind: 'string', value: '*', range: rangeOf(call.callee.property) });
    } else if (method === 'addPrincipals') {
      st.principal ??= emptyParts();
      st.principalKey ??= rangeOf(call.callee.property);
      for (const a of call.arguments) principalParts(a.type === 'SpreadElement' ? a.argument : a, ctx, st.principal);
    } else if (method === 'addNotPrincipals') {
      st.notPrincipal ??= emptyParts();
      st.notPrincipalKey ??= rangeOf(call.callee.property);
      for (const a of call.arguments) principalParts(a.type === 'SpreadElement' ? a.argument : a, ctx, st.notPrincipal);
    } else if (method === 'addAnyPrincipal') {
      st.principal ??= emptyParts();
      st.principalKey ??= rangeOf(call.callee.property);
      addType(st.principal, 'AWS', { kind: 'string', value: '*', range: rangeOf(call) });
    } else if (method === 'addArnPrincipal' || method === 'addAwsAccountPrincipal' || method === 'addServicePrincipal' || method === 'addFederatedPrincipal' || method === 'addCanonicalUserPrincipal' || method === 'addAccountRootPrincipal') {
      st.principal ??= emptyParts();
      st.principalKey ??= rangeOf(call.callee.property);
      const [a] = args(call);
      const v = a ? stringValue(evaluate(a, scope), text) : ({ kind: 'unknown', reason: 'dynamic', range: rangeOf(call) } as IacValue);
      if (method === 'addArnPrincipal') addType(st.principal, 'AWS', v);
      else if (method === 'addServicePrincipal') addType(st.principal, 'Service', v);
      else if (method === 'addFederatedPrincipal') addType(st.principal, 'Federated', v);
      else if (method === 'addCanonicalUserPrincipal') addType(st.principal, 'CanonicalUser', v);
      else addType(st.principal, 'AWS', { kind: 'unknown', reason: 'dynamic', range: rangeOf(call) });
    } else if (method === 'addCondition' || method === 'addConditions') {
      st.conditions ??= [];
      st.conditionKey ??= rangeOf(call.callee.property);
      const a = args(call);
      if (method === 'addConditions' && a[0]) conditionEntries(a[0], ctx, st.conditions);
      else if (a[0]) {
        const op = evaluate(a[0], scope);
        const value = a[1] ? plainValue(evaluate(a[1], scope), text, scope) : ({ kind: 'unknown', reason: 'dynamic', range: rangeOf(call) } as IacValue);
        st.conditions.push({ key: op.kind === 'string' ? op.value : '?', keyRange: rangeOf(a[0]), value: op.kind === 'string' ? value : { kind: 'unknown', reason: 'dynamic', range: rangeOf(call) } });
      }
    } else if (method === 'addFields' || method === 'copy') {
      // Not followed: what they add is not a list of literals.
    }
  }
  for (const st of statements.values()) st.value = statementValue(st);

  const consumed = new Set<TSESTree.Node>();
  const out: CdkIamModel = { principals: [...principals.values()], documents: [] };
  const docs: PolicyDocument[] = [];
  const docCache = new Map<string, PolicyDocument>();
  const makeDoc = (items: readonly TSESTree.Node[], kind: PolicyKind, label: string, range: Range, extraIncomplete = false): PolicyDocument => {
    const key = `${kind}\0${range.start}\0${range.end}`;
    const prev = docCache.get(key);
    if (prev) return prev;
    const values: IacValue[] = [];
    for (const i of items) {
      const st = statementAt(i);
      if (st?.value) {
        consumed.add(st.node);
        values.push(st.value);
      } else values.push({ kind: 'unknown', reason: 'dynamic', range: rangeOf(i) });
    }
    const d = policyFromStatements(values, { kind, label, range });
    const doc = extraIncomplete ? { ...d, incomplete: true } : d;
    docCache.set(key, doc);
    docs.push(doc);
    return doc;
  };
  /** The statements of a `statements: [...]` value. */
  const statementItems = (v: StaticValue | undefined): { items: TSESTree.Node[]; incomplete: boolean } => {
    if (!v) return { items: [], incomplete: false };
    if (v.kind !== 'array') return { items: [], incomplete: true };
    return { items: v.elements.map((e) => e.node), incomplete: false };
  };
  const documentFrom = (node: TSESTree.Node | undefined, kind: PolicyKind, label: string, range: Range): PolicyDocument | undefined => {
    const t = target(node);
    const d = t ? documents.get(t) : undefined;
    if (!d) return undefined;
    consumed.add(d.node);
    if (d.json) {
      const doc = policyFromValue(d.json, { kind, label, range });
      if (doc) {
        const key = `${kind}\0${range.start}\0${range.end}`;
        if (!docCache.has(key)) {
          docCache.set(key, doc);
          docs.push(doc);
        }
        return docCache.get(key);
      }
      return undefined;
    }
    return makeDoc(d.statements, kind, label, range, d.incomplete);
  };

  // PolicyDocument statements (constructor and addStatements).
  for (const d of documents.values()) {
    if (d.json || d.node.type !== 'NewExpression') continue;
    const props = propsOf(d.node, 0, scope);
    const st = props?.kind === 'object' ? props.properties.get('statements')?.value : undefined;
    const { items, incomplete } = statementItems(st);
    d.statements.push(...items);
    if (incomplete || (props && props.kind !== 'object')) d.incomplete = true;
  }
  for (const call of calls) {
    if (call.callee.type !== 'MemberExpression' || call.callee.computed || call.callee.property.type !== 'Identifier' || call.callee.property.name !== 'addStatements') continue;
    const t = target(call.callee.object);
    const items = call.arguments.map((a) => (a.type === 'SpreadElement' ? a.argument : a));
    if (t && documents.has(t)) documents.get(t)!.statements.push(...items);
    else if (t && policies.has(t)) policies.get(t)!.statements.push(...items);
  }

  // Policies and managed policies: their statements and the principals they name.
  const policyDocs = new Map<TSESTree.Node, PolicyDocument>();
  const policyDoc = (p: PolicyEntity): PolicyDocument => {
    let d = policyDocs.get(p.node);
    if (d) return d;
    const props = propsOf(p.node, 2, scope);
    const obj = props?.kind === 'object' ? props : undefined;
    const { items, incomplete } = statementItems(obj?.properties.get('statements')?.value);
    const range = idRange(p.node);
    const docProp = obj?.properties.get('document');
    const fromDoc = docProp ? documentFrom(docProp.property.value, 'identity', `${p.label} (document)`, rangeOf(docProp.property.key)) : undefined;
    d = makeDoc([...items, ...p.statements], 'identity', p.label, range, incomplete || (props !== undefined && !obj) || (docProp !== undefined && !fromDoc));
    consumed.add(p.node);
    policyDocs.set(p.node, d);
    // The document's statements count with the policy's (one attachment, one policy).
    if (fromDoc) policyDocs.set(p.node, d.statements.length === 0 && !incomplete ? fromDoc : d);
    if (fromDoc && d.statements.length > 0) (p as { extra?: PolicyDocument }).extra = fromDoc;
    return policyDocs.get(p.node)!;
  };
  const attachPolicy = (pr: CdkPrincipal, node: TSESTree.Node, range: Range): void => {
    const t = target(node);
    if (t && policies.has(t)) {
      const p = policies.get(t)!;
      const d = policyDoc(p);
      pr.attachments.push({ document: d, range, via: p.managed ? 'customer-managed' : 'inline' });
      const extra = (p as { extra?: PolicyDocument }).extra;
      if (extra) pr.attachments.push({ document: extra, range, via: p.managed ? 'customer-managed' : 'inline' });
      return;
    }
    const ref = t ? managedRefs.get(t) : undefined;
    if (ref) {
      pr.attachments.push(ref);
      return;
    }
    pr.unknownPolicies = true;
  };
  const principalAt = (node: TSESTree.Node | undefined): CdkPrincipal | undefined => {
    let t = target(node);
    // `fn.role!` / `fn.role` / `project.role` / `taskDef.taskRole`: the role a construct created.
    if (t?.type === 'MemberExpression' && !t.computed && t.property.type === 'Identifier' && /^(?:role|taskRole)$/.test(t.property.name)) t = target(t.object);
    if (!t) return undefined;
    const own = principals.get(t);
    if (own) return own;
    const via = carried.find((c) => c.node === t);
    return via ? principals.get(target(via.role) as TSESTree.Node) : undefined;
  };
  for (const c of carried) {
    const r = target(c.role);
    const pr = r ? principals.get(r) : undefined;
    if (pr && !pr.carriers.includes(c.label)) pr.carriers.push(c.label);
  }
  const principalList = (v: StaticValue | undefined): CdkPrincipal[] => (v?.kind === 'array' ? v.elements.map((e) => principalAt(e.node)).filter((p): p is CdkPrincipal => p !== undefined) : []);

  for (const p of policies.values()) {
    const props = propsOf(p.node, 2, scope);
    if (props?.kind !== 'object') continue;
    for (const key of ['roles', 'users', 'groups']) {
      for (const pr of principalList(props.properties.get(key)?.value)) attachPolicy(pr, p.node, idRange(p.node));
    }
  }

  // Roles, users, groups: trust, inline and managed policies, groups.
  for (const [node, pr] of principals) {
    if (pr.implicit) {
      const props = propsOf(node as Call, 2, scope);
      const initial = props?.kind === 'object' ? props.properties.get('initialPolicy') : undefined;
      if (initial) {
        const { items, incomplete } = statementItems(initial.value);
        pr.attachments.push({ document: makeDoc(items, 'identity', `${pr.label} (initialPolicy)`, rangeOf(initial.property.key), incomplete), range: rangeOf(initial.property.key), via: 'inline' });
      }
      continue;
    }
    const props = propsOf(node as Call, 2, scope);
    if (props?.kind !== 'object') {
      if (props) pr.unknownPolicies = true;
      continue;
    }
    const assumed = props.properties.get('assumedBy');
    if (assumed && pr.kind === 'role') {
      const parts = principalParts(assumed.property.value, ctx);
      const keyRange = rangeOf(assumed.property.key);
      const entries: IacEntry[] = [
        { key: 'Effect', keyRange, value: { kind: 'string', value: 'Allow', range: keyRange } },
        { key: 'Action', keyRange, value: { kind: 'string', value: parts.assumeAction, range: keyRange } },
        { key: 'Principal', keyRange, value: principalValue(parts, rangeOf(assumed.property.value)) },
      ];
      if (parts.conditions.length > 0) entries.push({ key: 'Condition', keyRange, value: { kind: 'map', entries: parts.conditions, range: keyRange } });
      const trust = policyFromStatements([{ kind: 'map', entries, range: rangeOf(assumed.property) }], { kind: 'trust', label: `${pr.label} (assumedBy)`, range: keyRange });
      docs.push(trust);
      pr.trust = trust;
      for (const s of parts.types.get('Service') ?? []) if (s.kind === 'string') pr.assumedBy.push(s.value);
    }
    const inline = props.properties.get('inlinePolicies');
    if (inline) {
      if (inline.value.kind !== 'object') pr.unknownPolicies = true;
      else {
        for (const [name, entry] of inline.value.properties) {
          const range = rangeOf(entry.property.key);
          const d = documentFrom(entry.property.value, 'identity', `${pr.label} (inline policy ${name})`, range);
          if (d) pr.attachments.push({ document: d, range, via: 'inline' });
          else pr.unknownPolicies = true;
        }
      }
    }
    const managed = props.properties.get('managedPolicies');
    if (managed) {
      if (managed.value.kind !== 'array') pr.unknownPolicies = true;
      else for (const e of managed.value.elements) attachPolicy(pr, e.node, rangeOf(e.node));
    }
    for (const g of principalList(props.properties.get('groups')?.value)) if (g.kind === 'group') pr.groups.push(g);
  }

  // Method calls that attach: role.addToPolicy(st), fn.addToRolePolicy(st), role.addManagedPolicy(mp),
  // role.attachInlinePolicy(p), policy.attachToRole(role), user.addToGroup(g), addToResourcePolicy.
  const defaultPolicies = new Map<CdkPrincipal, { items: TSESTree.Node[]; range: Range }>();
  for (const call of calls) {
    if (call.callee.type !== 'MemberExpression' || call.callee.computed || call.callee.property.type !== 'Identifier') continue;
    const method = call.callee.property.name;
    const a = args(call);
    const recv = call.callee.object;
    switch (method) {
      case 'addToPolicy':
      case 'addToPrincipalPolicy':
      case 'addToRolePolicy':
      case 'addToTaskRolePolicy': {
        if (!a[0] || !statementAt(a[0])) break;
        const pr = principalAt(recv);
        if (pr) {
          const dp = defaultPolicies.get(pr) ?? { items: [], range: rangeOf(call.callee.property) };
          dp.items.push(a[0]);
          defaultPolicies.set(pr, dp);
        } else {
          // A role of another file or a parameter: the statement is still judged on its own.
          makeDoc([a[0]], 'identity', `the policy statement added by ${method}`, rangeOf(a[0]));
        }
        break;
      }
      case 'addToResourcePolicy':
        if (a[0] && statementAt(a[0])) makeDoc([a[0]], 'resource', `the resource policy statement added by ${method}`, rangeOf(a[0]));
        break;
      case 'addManagedPolicy':
      case 'attachInlinePolicy': {
        const pr = principalAt(recv);
        if (pr && a[0]) attachPolicy(pr, a[0], rangeOf(a[0]));
        break;
      }
      case 'attachToRole':
      case 'attachToUser':
      case 'attachToGroup': {
        const pr = principalAt(a[0]);
        const t = target(recv);
        if (pr && t && policies.has(t)) attachPolicy(pr, t, rangeOf(call.callee.property));
        break;
      }
      case 'addToGroup': {
        const u = principalAt(recv);
        const g = principalAt(a[0]);
        if (u?.kind === 'user' && g?.kind === 'group') u.groups.push(g);
        break;
      }
      case 'addUser': {
        const g = principalAt(recv);
        const u = principalAt(a[0]);
        if (u?.kind === 'user' && g?.kind === 'group') u.groups.push(g);
        break;
      }
    }
  }
  for (const [pr, dp] of defaultPolicies) {
    pr.attachments.push({ document: makeDoc(dp.items, 'identity', `${pr.label} (default policy)`, dp.range), range: dp.range, via: 'inline' });
  }
  // Policies nothing attaches in this file are judged on their own (as an `aws_iam_policy` is).
  for (const p of policies.values()) if (!consumed.has(p.node)) policyDoc(p);
  // Documents and statements used elsewhere (a KMS key policy, a custom resource's policy, an
  // `initialPolicy` of a construct of another file): judged on their own; with principals they
  // are resource policies.
  for (const d of documents.values()) {
    if (consumed.has(d.node)) continue;
    const hasPrincipal = d.json ? /"?Principal/.test(text.slice(d.node.range[0], d.node.range[1])) : d.statements.some((s) => statementAt(s)?.principal);
    documentFrom(d.node, hasPrincipal ? 'resource' : 'identity', 'the policy document', rangeOf(d.node.callee));
  }
  for (const st of statements.values()) {
    if (consumed.has(st.node)) continue;
    const json = st.json?.kind === 'map' ? st.json : undefined;
    const hasPrincipal = st.principal !== undefined || st.notPrincipal !== undefined || json?.entries.some((e) => e.key === 'Principal' || e.key === 'NotPrincipal') === true;
    makeDoc([st.node], hasPrincipal ? 'resource' : 'identity', 'the policy statement', rangeOf(st.node.callee));
  }
  void assignments;
  (out.documents as PolicyDocument[]).push(...docs.sort((x, y) => x.range.start - y.range.start));
  return out;
}

function emptyStatement(node: Call): StatementEntity {
  return { node, entries: new Map(), lists: new Map(), conditions: undefined };
}

function pushItem(st: StatementEntity, key: string, keyNode: TSESTree.Node, item: IacValue): void {
  let l = st.lists.get(key);
  if (!l) {
    l = { keyRange: rangeOf(keyNode), items: [], unknown: false };
    st.lists.set(key, l);
  }
  l.items.push(item);
}

/** The `props` argument of a construct (`new X(scope, id, props)`), or of a statement (`new X(props)`). */
function propsOf(node: Call, index: number, scope: StaticScope): StaticValue | undefined {
  const a = node.arguments[index];
  if (!a) return undefined;
  if (a.type === 'SpreadElement') return { kind: 'unknown', node: a };
  return evaluate(a, scope);
}

/** `new iam.PolicyStatement({...})`: its props read into IAM keys. */
function statementOf(node: TSESTree.NewExpression, ctx: Ctx): StatementEntity {
  const st = emptyStatement(node);
  const props = propsOf(node, 0, ctx.scope);
  const callee = rangeOf(node.callee);
  // CDK's default effect is Allow.
  st.entries.set('Effect', { key: 'Effect', keyRange: callee, value: { kind: 'string', value: 'Allow', range: callee } });
  if (!props) return st;
  if (props.kind !== 'object') {
    // Props not known: nothing about the statement is known.
    st.entries.set('Effect', { key: 'Effect', keyRange: callee, value: { kind: 'unknown', reason: 'dynamic', range: rangeOf(props.node) } });
    for (const key of ['Action', 'Resource']) st.lists.set(key, { keyRange: callee, items: [{ kind: 'unknown', reason: 'dynamic', range: rangeOf(props.node) }], unknown: true });
    return st;
  }
  for (const [name, prop] of props.properties) {
    const keyRange = rangeOf(prop.property.key);
    const listKey = LIST_PROPS[name];
    if (listKey) {
      const v = listValue(prop.value, ctx.text);
      st.lists.set(listKey, { keyRange, items: v.kind === 'list' ? [...v.items] : [v], unknown: v.kind !== 'list' });
    } else if (name === 'effect') {
      st.entries.set('Effect', { key: 'Effect', keyRange, value: effectValue(prop.property.value as TSESTree.Expression, ctx) });
    } else if (name === 'principals' || name === 'notPrincipals') {
      const parts = emptyParts();
      const v = prop.value;
      if (v.kind === 'array') for (const e of v.elements) principalParts(e.node, ctx, parts);
      else parts.incomplete = true;
      if (name === 'principals') {
        st.principal = parts;
        st.principalKey = keyRange;
      } else {
        st.notPrincipal = parts;
        st.notPrincipalKey = keyRange;
      }
    } else if (name === 'conditions') {
      st.conditions = [];
      st.conditionKey = keyRange;
      conditionEntries(prop.property.value, ctx, st.conditions);
    } else if (name === 'sid') {
      st.entries.set('Sid', { key: 'Sid', keyRange, value: stringValue(prop.value, ctx.text) });
    }
  }
  return st;
}

/** `iam.Effect.DENY` / `Effect.ALLOW` / `'Deny'`. */
function effectValue(node: TSESTree.Expression, ctx: Ctx): IacValue {
  const n = resolved(node, ctx.scope, ctx.locals) ?? node;
  const range = rangeOf(node);
  const name = cdkName(n, ctx.scope);
  if (name?.service === 'iam' && name.path.length === 2 && name.path[0] === 'Effect') {
    if (name.path[1] === 'DENY') return { kind: 'string', value: 'Deny', range };
    if (name.path[1] === 'ALLOW') return { kind: 'string', value: 'Allow', range };
  }
  const v = evaluate(node, ctx.scope);
  if (v.kind === 'string' && (v.value === 'Allow' || v.value === 'Deny')) return { kind: 'string', value: v.value, range };
  return { kind: 'unknown', reason: 'dynamic', range };
}

function documentOf(node: TSESTree.NewExpression, _ctx: Ctx): DocumentEntity {
  return { node, statements: [], incomplete: false };
}

/** The statement in IAM JSON shape. */
function statementValue(st: StatementEntity): IacValue {
  const range = rangeOf(st.node);
  if (st.json) {
    if (st.json.kind !== 'map' || st.lists.size === 0) return st.json;
  }
  const entries: IacEntry[] = st.json?.kind === 'map' ? [...st.json.entries] : [...st.entries.values()];
  for (const [key, l] of st.lists) entries.push({ key, keyRange: l.keyRange, value: l.unknown && l.items.length === 1 ? l.items[0]! : { kind: 'list', items: l.items, range: l.keyRange } });
  const allConditions = [...(st.conditions ?? []), ...(st.principal?.conditions ?? []), ...(st.notPrincipal?.conditions ?? [])];
  if (st.principal) entries.push({ key: 'Principal', keyRange: st.principalKey ?? range, value: st.principal.incomplete ? { kind: 'unknown', reason: 'dynamic', range: st.principalKey ?? range } : principalValue(st.principal, st.principalKey ?? range) });
  if (st.notPrincipal) entries.push({ key: 'NotPrincipal', keyRange: st.notPrincipalKey ?? range, value: principalValue(st.notPrincipal, st.notPrincipalKey ?? range) });
  if (st.conditions !== undefined || allConditions.length > 0) {
    const keyRange = st.conditionKey ?? st.principalKey ?? range;
    entries.push({ key: 'Condition', keyRange, value: { kind: 'map', entries: allConditions, range: keyRange } });
  }
  return { kind: 'map', entries, range } satisfies IacMap;
}

/** `ManagedPolicy.fromAwsManagedPolicyName('X')` → its ARN text; `fromManagedPolicyArn(scope, id, arn)`; null when not known. */
function managedRef(call: TSESTree.CallExpression, ctx: Ctx): CdkAttachment | null | undefined {
  const range = rangeOf(call);
  const a = args(call);
  const text = (n: TSESTree.Node | undefined): string | undefined => {
    if (!n) return undefined;
    const v = evaluate(n, ctx.scope);
    if (v.kind === 'string') return v.value;
    const p = partialTemplate(v.node, ctx.text);
    return p?.kind === 'string' ? p.value : undefined;
  };
  if (isIam(call.callee, ctx.scope, 'ManagedPolicy', 'fromAwsManagedPolicyName')) {
    const name = text(a[0]);
    return { ...(name !== undefined ? { managedArn: `arn:aws:iam::aws:policy/${name}` } : {}), range, via: 'aws-managed' };
  }
  if (isIam(call.callee, ctx.scope, 'ManagedPolicy', 'fromManagedPolicyArn')) {
    const arn = text(a[2]);
    return { ...(arn !== undefined ? { managedArn: arn } : {}), range, via: /:iam::aws:policy\//.test(arn ?? '') ? 'aws-managed' : 'customer-managed' };
  }
  if (isIam(call.callee, ctx.scope, 'ManagedPolicy', 'fromManagedPolicyName') || isIam(call.callee, ctx.scope, 'Policy', 'fromPolicyName')) {
    return { range, via: 'customer-managed' };
  }
  return undefined;
}

/** `iam.Role 'WebRole'` — the construct class and its id, for messages. */
function constructLabel(node: TSESTree.NewExpression, className: string, scope: StaticScope, service: string): string {
  const id = node.arguments[1];
  const v = id && id.type !== 'SpreadElement' ? evaluate(id, scope) : undefined;
  const cls = `${service.replace(/-/g, '_')}.${className}`;
  return v?.kind === 'string' ? `${cls} '${v.value}'` : cls;
}

/** Where a construct is named: its id literal, else the callee. */
function idRange(node: TSESTree.NewExpression): Range {
  const id = node.arguments[1];
  if (id && id.type === 'Literal' && typeof id.value === 'string') return { start: id.range[0] + 1, end: id.range[1] - 1 };
  return rangeOf(node.callee);
}

