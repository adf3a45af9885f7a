// Static credentials handed to the AWS SDK for JavaScript (v3 and v2) in code, found on the
// ESTree of a file (https://docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/setting-credentials-node.html):
//   v3  new XClient({ credentials: { accessKeyId, secretAccessKey, sessionToken } })
//       credentials: async () => ({ … }) / () => Promise.resolve({ … })
//       fromTemporaryCredentials({ masterCredentials: { … } })
//   v2  new AWS.Credentials('id', 'secret'[, 'token']) / new AWS.Credentials({ … })
//       AWS.config.update({ accessKeyId, secretAccessKey }), new AWS.S3({ accessKeyId, … })
//       AWS.config.credentials = { … }, AWS.config.accessKeyId = '…'
//   env process.env.AWS_SECRET_ACCESS_KEY = '…' (process.env['…'] too)
// Values count when the file alone decides them: literals, template literals without
// expressions, and `const` bindings (through any number of hops, objects included). A value
// read at run time (process.env, a secrets manager call, a parameter) is what the rule wants.
import type { TSESTree } from '@typescript-eslint/utils';
import { awsCredentialVariable } from '../detect/aws-env-vars.js';
import { evaluate, memberName, propertyKeyName, qualifiedName, staticScopeOf, unwrap, walk, type StaticScope, type StaticValue } from './static.js';

export type CredentialSlotKind = 'access-key-id' | 'secret-access-key' | 'session-token';

export interface SdkCredential {
  readonly kind: CredentialSlotKind;
  /** Where the credential is handed to the SDK, for the message: `S3Client credentials`, `AWS.config.update`. */
  readonly api: string;
  readonly value: string;
  /** Reported range: the literal's characters (in place, or in the `const` the slot's value comes from). */
  readonly start: number;
  readonly end: number;
  /** Where the value's characters are (the literal, possibly in a `const` elsewhere in the file). */
  readonly valueStart: number;
  readonly valueEnd: number;
  /** What the ESLint suggestion removes: text ranges, non-overlapping, with a description. */
  readonly removal: SdkCredentialRemoval;
}

export interface SdkCredentialRemoval {
  readonly description: string;
  readonly ranges: ReadonlyArray<readonly [number, number]>;
}

const OBJECT_KEYS: Readonly<Record<string, CredentialSlotKind>> = {
  accessKeyId: 'access-key-id',
  secretAccessKey: 'secret-access-key',
  sessionToken: 'session-token',
};
const POSITIONAL: readonly CredentialSlotKind[] = ['access-key-id', 'secret-access-key', 'session-token'];
/** Properties whose value is a credentials object or provider (v3 clients, fromTemporaryCredentials, v2 config). */
const CREDENTIALS_PROPERTIES = new Set(['credentials', 'masterCredentials']);

/** Keyword pre-filter for JS/TS: nothing can be reported in a file that names none of these. */
// `Credentials(` only as a whole name (`new AWS.Credentials(`, `new Credentials(`): `configureCredentials(`
// or `signalAllAcceptedCredentials(` in big bundles and lib.dom.d.ts must not cost a full parse.
// An environment variable counts only as a member assigned to — `process.env.AWS_SECRET_ACCESS_KEY =`,
// `env['AWS_SESSION_TOKEN'] =`, `env[AWS_SECRET] =` (a const), `env./* c */AWS_…` —: the analysis
// reports nothing else about those names, and `const AWS_ACCESS_KEY_ID = process.env.AWS_ACCESS_KEY_ID`
// in a config module must not cost a parse.
export const SDK_JS_KEYWORDS_SOURCE = String.raw`accessKeyId|secretAccessKey|(?<![\w$])Credentials\s*\(|(?:[./]|\[[^\]'"\x60]{0,64}?['"\x60]?)\s*AWS_(?:ACCESS_KEY|SECRET|SESSION_TOKEN|SECURITY_TOKEN)\w*(?:['"\x60]?\s*\])?\s*=(?!=)`;

const cache = new WeakMap<TSESTree.Program, SdkCredential[]>();

/** Every static credential handed to the SDK in `program` (an ESTree with ranges over `text`). Cached per program. */
export function findSdkCredentials(program: TSESTree.Program, text: string): readonly SdkCredential[] {
  let found = cache.get(program);
  if (!found) {
    found = analyse(program, text);
    cache.set(program, found);
  }
  return found;
}

function analyse(program: TSESTree.Program, text: string): SdkCredential[] {
  const scope = staticScopeOf(program);
  const parents = new Map<TSESTree.Node, TSESTree.Node>();
  const out: SdkCredential[] = [];
  const seen = new Set<string>();
  const add = (slot: SdkCredential): void => {
    const key = `${slot.start}:${slot.end}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(slot);
  };
  // Nodes whose slots were already taken as a whole (a `credentials:` object), so the
  // generic "object with accessKeyId" pass does not report them again with another removal.
  const claimed = new Set<TSESTree.Node>();

  // Only the nodes the passes below look at, and the parents they ask for (of a property, its
  // object, an assignment, a `new`): a map of every node's parent cost more than the passes.
  const nodes: TSESTree.Node[] = [];
  walk(program, (node, parent) => {
    switch (node.type) {
      case 'Property':
      case 'AssignmentExpression':
      case 'NewExpression':
        nodes.push(node);
        if (parent) parents.set(node, parent);
        break;
      case 'CallExpression':
        nodes.push(node);
        break;
      case 'ObjectExpression':
        if (parent) parents.set(node, parent);
        break;
    }
  });

  for (const node of nodes) {
    // credentials: { … } / credentials: async () => ({ … }) / masterCredentials: { … }
    if (node.type === 'Property' && !node.method && node.kind === 'init') {
      const name = propertyKeyName(node, scope);
      if (name === undefined || !CREDENTIALS_PROPERTIES.has(name)) continue;
      const owner = parents.get(node);
      if (!owner || owner.type !== 'ObjectExpression') continue;
      const value = evaluate(node.value, scope);
      const removal = { description: `Remove the \`${name}\` property and let the SDK's default provider chain find credentials`, ranges: [listItemRemoval(text, node, owner.properties)] };
      const api = `${apiNameOfObject(owner, parents, scope)} ${name}`;
      for (const obj of credentialObjects(value)) {
        claimed.add(obj.node);
        slotsOfObject(obj, api, removal, add);
      }
      const credentialsNew = unwrap(node.value as TSESTree.Expression);
      if (credentialsNew.type === 'NewExpression') claimed.add(credentialsNew);
      continue;
    }
    // new AWS.Credentials('id', 'secret') / new Credentials({ … }) from aws-sdk
    if (node.type === 'NewExpression' && isV2Credentials(node.callee, scope)) {
      const api = 'new AWS.Credentials';
      const removal = removalOfCredentialsExpression(text, node, parents, scope);
      const first = node.arguments[0];
      if (node.arguments.length === 1 && first && first.type !== 'SpreadElement') {
        const value = evaluate(first, scope);
        if (value.kind === 'object') slotsOfObject(value, api, removal, add);
        continue;
      }
      node.arguments.forEach((arg, i) => {
        const kind = POSITIONAL[i];
        if (!kind || arg.type === 'SpreadElement') return;
        slotOfValue(kind, evaluate(arg, scope), api, removal, add);
      });
      continue;
    }
    // process.env.AWS_SECRET_ACCESS_KEY = '…'; AWS.config.credentials = { … }; AWS.config.accessKeyId = '…'
    if (node.type === 'AssignmentExpression' && node.operator === '=' && node.left.type === 'MemberExpression') {
      const left = node.left;
      const name = memberName(left, scope);
      if (name === undefined) continue;
      const statement = parents.get(node);
      const removal = {
        description: 'Remove this assignment and let the SDK\'s default provider chain find credentials',
        ranges: [statement?.type === 'ExpressionStatement' ? statementRemoval(text, statement) : node.range],
      };
      const target = qualifiedName(left.object, scope);
      if (target && target.module === undefined && target.path.join('.') === 'process.env') {
        const kind = awsCredentialVariable(name);
        if (kind === 'access-key-id' || kind === 'secret-access-key' || kind === 'session-token') {
          slotOfValue(kind, evaluate(node.right, scope), `process.env.${name}`, removal, add);
        }
        continue;
      }
      if (!target || !isConfigObject(target)) continue;
      if (CREDENTIALS_PROPERTIES.has(name)) {
        for (const obj of credentialObjects(evaluate(node.right, scope))) {
          claimed.add(obj.node);
          slotsOfObject(obj, 'AWS.config.credentials', removal, add);
        }
        const rhs = unwrap(node.right);
        if (rhs.type === 'NewExpression') claimed.add(rhs);
      } else if (OBJECT_KEYS[name]) {
        slotOfValue(OBJECT_KEYS[name]!, evaluate(node.right, scope), `AWS.config.${name}`, removal, add);
      }
    }
  }

  // Objects with credential keys handed to any call or constructor: AWS.config.update({ … }),
  // new AWS.S3({ … }), new AWS.Config({ … }), aws4.sign(req, { … }).
  for (const node of nodes) {
    if (node.type !== 'CallExpression' && node.type !== 'NewExpression') continue;
    if (claimed.has(node) || !isSdkCallee(node, scope)) continue;
    const api = calleeLabel(node.callee, scope);
    for (const arg of node.arguments) {
      if (arg.type === 'SpreadElement') continue;
      const value = evaluate(arg, scope);
      if (value.kind !== 'object' || claimed.has(value.node) || !hasCredentialKey(value)) continue;
      const removal = {
        description: 'Remove the credential properties and let the SDK\'s default provider chain find credentials',
        ranges: credentialPropertyRemovals(text, value),
      };
      slotsOfObject(value, api, removal, add);
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Objects with credential keys that a credentials value stands for (itself, or what its provider function returns). */
function credentialObjects(value: StaticValue): Array<StaticValue & { kind: 'object' }> {
  if (value.kind === 'object') return hasCredentialKey(value) ? [value] : [];
  if (value.kind === 'function') return value.returns.flatMap(credentialObjects);
  return [];
}

function hasCredentialKey(value: StaticValue & { kind: 'object' }): boolean {
  return value.properties.has('accessKeyId') || value.properties.has('secretAccessKey');
}

function slotsOfObject(obj: StaticValue & { kind: 'object' }, api: string, removal: SdkCredentialRemoval, add: (slot: SdkCredential) => void): void {
  for (const [key, kind] of Object.entries(OBJECT_KEYS)) {
    const prop = obj.properties.get(key);
    if (!prop) continue;
    slotOfValue(kind, prop.value, api, removal, add);
  }
}

function slotOfValue(kind: CredentialSlotKind, value: StaticValue, api: string, removal: SdkCredentialRemoval, add: (slot: SdkCredential) => void): void {
  if (value.kind !== 'string' || value.value.trim() === '') return;
  const [valueStart, valueEnd] = contentRange(value.node);
  // Reported where the value is written — in place or at the `const` it comes from — so a key
  // in an SDK slot is one finding (this rule supersedes the generic key rules at that range).
  add({ kind, api, value: value.value, start: valueStart, end: valueEnd, valueStart, valueEnd, removal });
}

/** The characters of a string literal between its quotes (the whole expression for a concatenation). */
function contentRange(node: TSESTree.Node): [number, number] {
  const [s, e] = node.range;
  if ((node.type === 'Literal' || node.type === 'TemplateLiteral') && e - s >= 2) return [s + 1, e - 1];
  return [s, e];
}

const V2_MODULE = /^aws-sdk(?:\/|$)/;

function isV2Credentials(callee: TSESTree.Node, scope: StaticScope): boolean {
  const q = qualifiedName(callee, scope);
  if (!q) return false;
  const last = q.path[q.path.length - 1];
  if (last !== 'Credentials') return false;
  if (q.module === undefined) return q.path.length === 2 && q.path[0] === 'AWS';
  return V2_MODULE.test(q.module);
}

function isConfigObject(q: { module: string | undefined; path: readonly string[] }): boolean {
  if (q.module === undefined) return q.path.length === 2 && q.path[0] === 'AWS' && q.path[1] === 'config';
  return V2_MODULE.test(q.module) && q.path[q.path.length - 1] === 'config';
}

/** Modules whose calls take credential objects: the SDKs and request signers. */
const SDK_MODULE = /^(?:aws-sdk(?:\/|$)|@aws-sdk\/|@smithy\/|aws4$|aws4fetch$|@aws-crypto\/)/;

/**
 * A call or constructor an object of credential keys is handed to as SDK configuration:
 * anything from an SDK module, the global `AWS`, or a `new …Client(…)`. Keeps test
 * assertions (`expect(x).toEqual({ accessKeyId: 'a' })`) and unrelated APIs out.
 */
function isSdkCallee(node: TSESTree.CallExpression | TSESTree.NewExpression, scope: StaticScope): boolean {
  const q = qualifiedName(node.callee, scope);
  if (q?.module !== undefined && SDK_MODULE.test(q.module)) return true;
  if (q && q.module === undefined && q.path[0] === 'AWS') return true;
  if (node.type === 'NewExpression') {
    const last = q?.path[q.path.length - 1] ?? (node.callee.type === 'Identifier' ? node.callee.name : undefined);
    if (last !== undefined && /Client$/.test(last)) return true;
  }
  return false;
}

/** `new S3Client(…)` → 'S3Client'; `AWS.config.update` → 'AWS.config.update'. */
function calleeLabel(callee: TSESTree.Node, scope: StaticScope): string {
  const q = qualifiedName(callee, scope);
  if (q && q.path.length > 0) return q.path.filter((p) => p !== 'default').join('.') || 'the SDK';
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression') {
    const name = memberName(callee, scope);
    if (name) return name;
  }
  return 'the SDK';
}

/** The constructor or function an object literal is passed to, for messages. */
function apiNameOfObject(obj: TSESTree.Node, parents: ReadonlyMap<TSESTree.Node, TSESTree.Node>, scope: StaticScope): string {
  const parent = parents.get(obj);
  if (parent && (parent.type === 'NewExpression' || parent.type === 'CallExpression')) return calleeLabel(parent.callee, scope);
  return 'client configuration';
}

/** Removing `new AWS.Credentials(…)`: its `credentials:` property, its assignment statement, or its arguments. */
function removalOfCredentialsExpression(text: string, node: TSESTree.NewExpression, parents: ReadonlyMap<TSESTree.Node, TSESTree.Node>, scope: StaticScope): SdkCredentialRemoval {
  const parent = parents.get(node);
  if (parent?.type === 'Property' && parent.value === node) {
    const owner = parents.get(parent);
    const name = propertyKeyName(parent, scope);
    if (owner?.type === 'ObjectExpression' && name !== undefined && CREDENTIALS_PROPERTIES.has(name)) {
      return { description: `Remove the \`${name}\` property and let the SDK's default provider chain find credentials`, ranges: [listItemRemoval(text, parent, owner.properties)] };
    }
  }
  if (parent?.type === 'AssignmentExpression' && parent.right === node) {
    const statement = parents.get(parent);
    if (statement?.type === 'ExpressionStatement') {
      return { description: 'Remove this assignment and let the SDK\'s default provider chain find credentials', ranges: [statementRemoval(text, statement)] };
    }
  }
  const first = node.arguments[0];
  const last = node.arguments[node.arguments.length - 1];
  return {
    description: 'Remove the static key arguments',
    ranges: first && last ? [[first.range[0], last.range[1]]] : [],
  };
}

/** Removing each credential property of an object literal (merged when adjacent). */
function credentialPropertyRemovals(text: string, obj: StaticValue & { kind: 'object' }): Array<readonly [number, number]> {
  const objectNode = obj.node;
  if (objectNode.type !== 'ObjectExpression') return [];
  const props = objectNode.properties;
  const remove = new Set<TSESTree.Node>();
  for (const key of Object.keys(OBJECT_KEYS)) {
    const p = obj.properties.get(key)?.property;
    if (p && props.includes(p)) remove.add(p);
  }
  // Remove runs of consecutive items as one range, so ranges never overlap.
  const ranges: Array<readonly [number, number]> = [];
  let i = 0;
  while (i < props.length) {
    if (!remove.has(props[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < props.length && remove.has(props[j + 1]!)) j++;
    const next = props[j + 1];
    const prev = props[i - 1];
    if (next) ranges.push([props[i]!.range[0], next.range[0]]);
    else if (prev && !remove.has(prev)) ranges.push([prev.range[1], props[j]!.range[1] + trailingComma(text, props[j]!.range[1])]);
    else ranges.push([props[i]!.range[0], props[j]!.range[1] + trailingComma(text, props[j]!.range[1])]);
    i = j + 1;
  }
  return ranges;
}

function trailingComma(text: string, at: number): number {
  const m = /^[ \t]*,/.exec(text.slice(at, at + 64));
  return m ? m[0].length : 0;
}

/** The range that removes `item` from a comma-separated `list` (with its comma and the space before the next item). */
function listItemRemoval(text: string, item: TSESTree.Node, list: readonly TSESTree.Node[]): readonly [number, number] {
  const i = list.indexOf(item);
  const next = list[i + 1];
  if (next) return [item.range[0], next.range[0]];
  const prev = list[i - 1];
  if (prev) return [prev.range[1], item.range[1] + trailingComma(text, item.range[1])];
  return [item.range[0], item.range[1] + trailingComma(text, item.range[1])];
}

/** A statement's range, widened to its whole line when nothing else is on it. */
function statementRemoval(text: string, statement: TSESTree.Node): readonly [number, number] {
  const [s, e] = statement.range;
  const lineStart = text.lastIndexOf('\n', s - 1) + 1;
  const after = /^[ \t]*(?:\r?\n|$)/.exec(text.slice(e, e + 256));
  if (/^[ \t]*$/.test(text.slice(lineStart, s)) && after) return [lineStart, e + after[0].length];
  return [s, e];
}
