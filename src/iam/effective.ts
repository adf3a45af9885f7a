// Effective permissions of a principal: the union of the Allow statements of every policy
// that reaches it (inline, customer managed, AWS managed, inherited from its groups), minus
// explicit Denies, with NotAction / NotResource semantics, resource scope and conditions kept.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
//
// Three-valued throughout: `true` (certainly), `false` (certainly not), `undefined` (not known
// statically). A rule reports only what is certain: an unknown action, resource or condition,
// a conditional Deny, or a Deny whose scope is not known all count against a finding.
import type { AttachedPolicy, IamPrincipal } from './sources.js';
import type { PolicyList, PolicyStatement, PolicyString } from './policy.js';
import { getCatalog, matcherOf, type CatalogAction } from './catalog.js';

export type Tri = boolean | undefined;

export interface Grant {
  readonly statement: PolicyStatement;
  readonly attached: AttachedPolicy;
  /** The principal the policy is attached to (the user itself, or one of its groups). */
  readonly owner: IamPrincipal;
}

export interface Effective {
  readonly principal: IamPrincipal;
  readonly allows: readonly Grant[];
  readonly denies: readonly Grant[];
  /** Some policy of the principal (or a statement of one) is not known. */
  readonly incomplete: boolean;
}

const cache = new WeakMap<IamPrincipal, Effective>();

export function effectiveOf(p: IamPrincipal): Effective {
  const hit = cache.get(p);
  if (hit) return hit;
  const allows: Grant[] = [];
  const denies: Grant[] = [];
  let incomplete = p.unknownPolicies;
  for (const owner of [p, ...p.groups]) {
    if (owner !== p && owner.unknownPolicies) incomplete = true;
    for (const attached of owner.policies) {
      if (attached.document.incomplete) incomplete = true;
      for (const st of attached.document.statements) {
        if (st.effect === 'Allow') allows.push({ statement: st, attached, owner });
        else if (st.effect === 'Deny') denies.push({ statement: st, attached, owner });
        else incomplete = true;
      }
    }
  }
  const eff = { principal: p, allows, denies, incomplete };
  cache.set(p, eff);
  return eff;
}

/** A list's known patterns as tests, and whether some item is not known; compiled once per list. */
const listMatchers = new WeakMap<PolicyList, { readonly tests: ReadonlyArray<(id: string) => boolean>; readonly unknown: boolean }>();

/** Whether any pattern of a list covers the action (`undefined` when an item is not known). */
function listCovers(list: PolicyList, id: string): Tri {
  let compiled = listMatchers.get(list);
  if (!compiled) {
    const tests: Array<(id: string) => boolean> = [];
    let unknown = list.incomplete;
    for (const item of list.items) {
      if (item.state !== 'known') unknown = true;
      else tests.push(item.value === '*' ? () => true : matcherOf(item.value as string));
    }
    compiled = { tests, unknown };
    listMatchers.set(list, compiled);
  }
  for (const test of compiled.tests) if (test(id)) return true;
  return compiled.unknown ? undefined : false;
}

/** Whether a statement's Action / NotAction covers an action. */
export function coversAction(st: PolicyStatement, id: string): Tri {
  if (st.action) return listCovers(st.action, id);
  if (st.notAction) {
    const c = listCovers(st.notAction, id);
    return c === undefined ? undefined : !c;
  }
  return undefined;
}

/**
 * A resource pattern that matches every resource of its type: `*`, `arn:aws:iam::123456789012:role/*`,
 * `arn:aws:lambda:*:*:function:*`, `arn:aws:s3:::*`. A bucket's objects (`arn:aws:s3:::bucket/*`)
 * or a path (`role/app/*`) are scoped. Placeholders in the partition, region or account do not matter.
 */
export function isBroadResourceText(s: PolicyString): Tri {
  if (s.state === 'unknown') return undefined;
  // `${AWS::Partition}` holds colons of its own: placeholders stand for one ARN field.
  const v = (s.value as string).replace(/\$\{[^}]*\}/g, '${}');
  if (v === '*') return true;
  const parts = v.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return s.state === 'partial' ? undefined : false;
  const service = parts[2] as string;
  const resource = parts.slice(5).join(':');
  if (resource === '*') return true;
  if (service === 's3') return resource === '*/*';
  return /^[A-Za-z][\w-]*[:/]\*$/.test(resource);
}

const anyResourceCache = new WeakMap<PolicyStatement, Tri>();

/** Whether a statement applies to every resource (Resource `*`, a type-wide wildcard, or a NotResource). */
export function coversAnyResource(st: PolicyStatement): Tri {
  // Asked for every (statement, action) pair of a principal: once per statement is enough.
  if (anyResourceCache.has(st)) return anyResourceCache.get(st);
  const answer = anyResourceOf(st);
  anyResourceCache.set(st, answer);
  return answer;
}

function anyResourceOf(st: PolicyStatement): Tri {
  if (st.resource) {
    let unknown = st.resource.incomplete;
    for (const item of st.resource.items) {
      const b = isBroadResourceText(item);
      if (b === true) return true;
      if (b === undefined) unknown = true;
    }
    return unknown ? undefined : false;
  }
  if (st.notResource) return true; // everything but a few
  return undefined;
}

/** Whether a statement certainly has no condition that could narrow it. */
export function unconditional(st: PolicyStatement): boolean {
  return st.condition === undefined;
}

/** Whether an explicit Deny of the principal may take the action away (on every resource, conditional or not known). */
export function deniedBroadly(eff: Effective, id: string): Grant | undefined {
  for (const d of eff.denies) {
    if (coversAction(d.statement, id) === false) continue;
    // A Deny limited to some resources leaves the rest allowed — unless its scope is not known.
    if (coversAnyResource(d.statement) === false) continue;
    return d;
  }
  return undefined;
}

/** The Allow grant that certainly gives an action on every resource without a condition, and is not denied. */
export function allowedBroadly(eff: Effective, id: string, conditionOk?: (st: PolicyStatement) => boolean): Grant | undefined {
  if (deniedBroadly(eff, id)) return undefined;
  for (const g of eff.allows) {
    const st = g.statement;
    if (!(unconditional(st) || conditionOk?.(st))) continue;
    if (coversAction(st, id) === true && coversAnyResource(st) === true) return g;
  }
  return undefined;
}

const notActionCache = new Map<string, readonly CatalogAction[]>();

/** Every action of the catalogue except those a NotAction list covers (cached per list: PowerUserAccess is attached often). */
function allExcept(items: readonly string[]): readonly CatalogAction[] {
  const key = [...items].sort().join('\0');
  let hit = notActionCache.get(key);
  if (!hit) {
    const catalog = getCatalog();
    const excluded = new Set(items.flatMap((i) => catalog.expand(i)));
    hit = catalog.expand('*').filter((a) => !excluded.has(a));
    notActionCache.set(key, hit);
  }
  return hit;
}

const docCache = new WeakMap<object, readonly CatalogAction[]>();
const managedDocCache = new Map<string, readonly CatalogAction[]>();

/** The actions a document's unconditional Allow statements on `Resource: "*"` grant, cached per document (per name for AWS managed policies). */
function documentBroadActions(grants: readonly Grant[]): readonly CatalogAction[] {
  const doc = grants[0]!.attached.document;
  const cached = doc.managed ? managedDocCache.get(doc.managed) : docCache.get(doc);
  if (cached) return cached;
  // Inline documents are distinct objects with often the same actions (a module instantiated
  // per service, a template per team): the answer depends only on the grants' action lists.
  const contentKey = doc.managed ? undefined : grants.map(grantKey).join('\u0002');
  const byContent = contentKey === undefined ? undefined : contentCache.get(contentKey);
  if (byContent) {
    docCache.set(doc, byContent);
    return byContent;
  }
  const catalog = getCatalog();
  const all = catalog.expand('*');
  let out: readonly CatalogAction[];
  if (grants.some((g) => g.statement.action?.items.some((i) => i.state === 'known' && i.value === '*'))) out = all;
  else {
    const found = new Set<CatalogAction>();
    for (const g of grants) {
      const st = g.statement;
      if (st.action) {
        for (const item of st.action.items) if (item.state === 'known') for (const a of catalog.expand(item.value as string)) found.add(a);
      } else if (st.notAction && !st.notAction.incomplete && st.notAction.items.every((i) => i.state === 'known')) {
        for (const a of allExcept(st.notAction.items.map((i) => i.value as string))) found.add(a);
      }
    }
    out = found.size === all.length ? all : [...found];
  }
  if (doc.managed) managedDocCache.set(doc.managed, out);
  else docCache.set(doc, out);
  if (contentKey !== undefined) {
    if (contentCache.size >= 1024) contentCache.clear();
    contentCache.set(contentKey, out);
  }
  return out;
}

const contentCache = new Map<string, readonly CatalogAction[]>();

/** What documentBroadActions reads of a grant: its known Action items, or its NotAction items when all are known. */
function grantKey(g: Grant): string {
  const st = g.statement;
  if (st.action) return `A${st.action.items.map((i) => (i.state === 'known' ? (i.value as string) : '\u0003')).join('\u0001')}`;
  if (st.notAction && !st.notAction.incomplete && st.notAction.items.every((i) => i.state === 'known')) return `N${st.notAction.items.map((i) => i.value as string).join('\u0001')}`;
  return '-';
}

/**
 * Actions of the catalogue a principal certainly has on every resource (`Resource: "*"`),
 * unconditionally and not denied. Per-document results are cached and shared (no copy when
 * one document grants it all): a file of a thousand roles with AdministratorAccess or
 * ReadOnlyAccess must not expand the same policy a thousand times.
 */
export function broadActions(eff: Effective): { actions: readonly CatalogAction[]; total: number } {
  // Asked by several rules per principal; the answer is a function of the (cached) Effective.
  let hit = broadCache.get(eff);
  if (!hit) {
    hit = computeBroadActions(eff);
    broadCache.set(eff, hit);
  }
  return hit;
}

const broadCache = new WeakMap<Effective, { actions: readonly CatalogAction[]; total: number }>();
const statementIds = new WeakMap<PolicyStatement, number>();
let nextStatementId = 0;
/** (granted actions, the Deny statements that may take some away) → what is left; principals share both. */
const afterDenies = new WeakMap<readonly CatalogAction[], Map<string, readonly CatalogAction[]>>();

function withoutDenied(actions: readonly CatalogAction[], eff: Effective): readonly CatalogAction[] {
  // Only the Denies whose scope may be every resource can take an action away (deniedBroadly).
  const denies = eff.denies.filter((d) => coversAnyResource(d.statement) !== false);
  if (denies.length === 0) return actions;
  const key = denies
    .map((d) => {
      let id = statementIds.get(d.statement);
      if (id === undefined) statementIds.set(d.statement, (id = nextStatementId++));
      return id;
    })
    .join(',');
  let byDenies = afterDenies.get(actions);
  if (!byDenies) afterDenies.set(actions, (byDenies = new Map()));
  let left = byDenies.get(key);
  if (!left) {
    left = actions.filter((a) => !denies.some((d) => coversAction(d.statement, a.id) !== false));
    // Bounded: a list per distinct set of Denies can be ~22,000 entries (`*` minus a few).
    if (byDenies.size >= 64) byDenies.clear();
    byDenies.set(key, left);
  }
  return left;
}

const listIds = new WeakMap<readonly CatalogAction[], number>();
let nextListId = 0;
function listId(list: readonly CatalogAction[]): number {
  let id = listIds.get(list);
  if (id === undefined) listIds.set(list, (id = nextListId++));
  return id;
}
/** Unions of per-document action lists, by the lists' ids (bounded). */
const unions = new Map<string, readonly CatalogAction[]>();
let unionEntries = 0;

function computeBroadActions(eff: Effective): { actions: readonly CatalogAction[]; total: number } {
  const catalog = getCatalog();
  const total = catalog.actionCount;
  const byDoc = new Map<string | object, Grant[]>();
  for (const g of eff.allows) {
    if (!unconditional(g.statement) || !g.statement.resource?.items.some((i) => i.state === 'known' && i.value === '*')) continue;
    const key = g.attached.document.managed ?? g.attached.document;
    const list = byDoc.get(key);
    if (list) list.push(g);
    else byDoc.set(key, [g]);
  }
  if (byDoc.size === 0) return { actions: [], total };
  const parts = [...byDoc.values()].map(documentBroadActions);
  const all = catalog.expand('*');
  let actions: readonly CatalogAction[];
  if (parts.some((p) => p === all)) actions = all;
  else if (parts.length === 1) actions = parts[0] as readonly CatalogAction[];
  else {
    // Principals with the same policies share one union (and so one actionSet).
    const key = parts.map(listId).join(',');
    const cached = unions.get(key);
    if (cached) actions = cached;
    else {
      const union = new Set<CatalogAction>();
      for (const p of parts) for (const a of p) union.add(a);
      actions = union.size === all.length ? all : [...union];
      // Bounded by the entries held (~8 bytes each), not by count: most unions are small.
      if (unionEntries > 4_000_000) {
        unions.clear();
        unionEntries = 0;
      }
      unions.set(key, actions);
      unionEntries += actions.length;
    }
  }
  if (eff.denies.length === 0) return { actions, total };
  return { actions: withoutDenied(actions, eff), total };
}

const setCache = new WeakMap<readonly CatalogAction[], ReadonlySet<CatalogAction>>();

/** A Set view of an action list, cached per (shared) list. */
export function actionSet(actions: readonly CatalogAction[]): ReadonlySet<CatalogAction> {
  let s = setCache.get(actions);
  if (!s) {
    s = new Set(actions);
    setCache.set(actions, s);
  }
  return s;
}
