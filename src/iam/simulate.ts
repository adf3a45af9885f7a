// Would a principal be allowed one action on one resource? The IAM policy evaluation logic,
// three-valued, for the calls a bootstrap script makes.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
//
// `denied` only when it is certain: every policy of the principal is known and no Allow
// statement can cover the action on that resource (or an unconditional explicit Deny
// certainly does), and no resource policy in the same file could grant it. A resource that
// is partly unknown (`s3://$BUCKET/x`) matches a statement only when every value it could
// take does; it misses one only when no value could. Permission boundaries, SCPs and session
// policies can only take permissions away, so an implicit deny stays a deny.
import type { Effective, Grant, Tri } from './effective.js';
import { coversAction } from './effective.js';
import type { PolicyDocument, PolicyStatement, PolicyString } from './policy.js';
import { UNKNOWN } from './cli-actions.js';

export type Decision = 'allowed' | 'denied' | 'unknown';

export interface Verdict {
  readonly decision: Decision;
  /** The grant that allows it, or the explicit Deny that refuses it. */
  readonly grant?: Grant;
}

/** Placeholders that stand for the partition, region or account of the deploying stack. */
const PSEUDO = /^\$\{(?:AWS::(?:Partition|Region|AccountId|URLSuffix)|data\.aws_(?:partition|region|caller_identity)\.[\w-]+\.[\w-]+|var\.(?:region|aws_region|account_id|partition))\}$/;

/**
 * A statement's resource text as a matching pattern: the partition field always matches (a
 * role and the resources it reaches share the partition), pseudo parameters in the region and
 * account fields match anything. `exact` is false when another placeholder is left.
 */
function patternOf(s: PolicyString): { pattern: string; exact: boolean } | undefined {
  if (s.state === 'unknown' || s.value === undefined) return undefined;
  let v = s.value;
  let exact = true;
  if (v.startsWith('arn:')) {
    // Placeholders hold colons of their own (`${AWS::Partition}`): split around them.
    const fields: string[] = [];
    let rest = v;
    for (let i = 0; i < 5; i++) {
      const m = /^((?:\$\{[^}]*\}|[^:$]|\$(?!\{))*):/.exec(rest);
      if (!m) break;
      fields.push(m[1] as string);
      rest = rest.slice((m[0] as string).length);
    }
    if (fields.length === 5) {
      const [, , service, region, account] = fields as [string, string, string, string, string];
      const f = (x: string) => (PSEUDO.test(x) ? '*' : x);
      v = ['arn', '*', service, f(region), f(account), rest].join(':');
    }
  }
  if (/\$\{[^}]*\}/.test(v)) {
    exact = false;
    v = v.replace(/\$\{[^}]*\}/g, '*');
  }
  return { pattern: v, exact };
}

function globRegex(pattern: string): RegExp {
  // Literal characters never match UNKNOWN; `*` matches anything, UNKNOWN included; `?` one known character.
  const body = [...pattern].map((c) => (c === '*' ? '[\\s\\S]*' : c === '?' ? '[^\\u0000]' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`);
}

/** Literal text before the first wildcard (or unknown part). */
function literalPrefix(s: string, wild: RegExp): string {
  const i = s.search(wild);
  return i < 0 ? s : s.slice(0, i);
}

function literalSuffix(s: string, wild: RegExp): string {
  const rev = [...s].reverse().join('');
  return [...literalPrefix(rev, wild)].reverse().join('');
}

/** Whether a resource pattern matches a requested resource template: true, false or not known. */
export function patternMatches(s: PolicyString, requested: string): Tri {
  const p = patternOf(s);
  if (!p) return undefined;
  // The requested ARN's partition is the stack's own: the pattern's partition field already matches any.
  const req = requested.startsWith('arn:') ? requested.replace(/^arn:[^:]*:/, 'arn:aws:') : requested;
  if (p.exact && globRegex(p.pattern).test(req)) return true;
  // Disjoint when the literal ends cannot meet; otherwise not known.
  if (!/\u0000/.test(req)) return globRegex(p.pattern).test(req) ? (p.exact ? true : undefined) : false;
  return disjoint(p.pattern, req) ? false : undefined;
}

/** Whether two texts with wildcards (pattern) and unknown parts (request) certainly share no value. */
function disjointText(pattern: string, req: string): boolean {
  const pw = /[*?]/;
  const rw = /\u0000/;
  const pp = literalPrefix(pattern, pw);
  const rp = literalPrefix(req, rw);
  if (!pp.startsWith(rp) && !rp.startsWith(pp)) return true;
  const ps = literalSuffix(pattern, pw);
  const rs = literalSuffix(req, rw);
  return !ps.endsWith(rs) && !rs.endsWith(ps);
}

/** ARNs compared field by field (service, region, account, resource), anything else as one text. */
function disjoint(pattern: string, req: string): boolean {
  const pf = pattern.split(':');
  const rf = req.split(':');
  if (pf[0] === 'arn' && rf[0] === 'arn' && pf.length >= 6 && rf.length >= 6) {
    for (const i of [2, 3, 4]) if (disjointText(pf[i] as string, rf[i] as string)) return true;
    // A `*` in the pattern's resource part may span colons: compare the rest as one text.
    return disjointText(pf.slice(5).join(':'), rf.slice(5).join(':'));
  }
  return disjointText(pattern, req);
}

/** Whether a statement's Resource / NotResource covers the requested resource. */
export function coversResource(st: PolicyStatement, requested: string): Tri {
  const list = st.resource ?? st.notResource;
  if (!list) return undefined;
  let unknown = list.incomplete;
  let hit = false;
  for (const item of list.items) {
    const m = patternMatches(item, requested);
    if (m === true) {
      hit = true;
      break;
    }
    if (m === undefined) unknown = true;
  }
  const inList: Tri = hit ? true : unknown ? undefined : false;
  if (st.resource) return inList;
  return inList === undefined ? undefined : !inList;
}

function and(a: Tri, b: Tri): Tri {
  if (a === false || b === false) return false;
  if (a === true && b === true) return true;
  return undefined;
}

/** Whether a statement applies to the request: action and resource covered, condition known to hold. */
function applies(st: PolicyStatement, action: string, resource: string): Tri {
  const m = and(coversAction(st, action), coversResource(st, resource));
  if (m === false) return false;
  if (st.condition) return undefined;
  return m;
}

/**
 * The decision for one action on one resource (an ARN template or `*`). `resourcePolicies`:
 * resource-based policies of the same file (a bucket policy may grant what the role lacks).
 */
export function decide(eff: Effective, action: string, resource: string, resourcePolicies: readonly PolicyDocument[] = []): Verdict {
  let denyMaybe = false;
  for (const d of eff.denies) {
    const a = applies(d.statement, action, resource);
    if (a === true) return { decision: 'denied', grant: d };
    if (a === undefined) denyMaybe = true;
  }
  let allowMaybe = eff.incomplete;
  for (const g of eff.allows) {
    const a = applies(g.statement, action, resource);
    if (a === true) return denyMaybe ? { decision: 'unknown' } : { decision: 'allowed', grant: g };
    if (a === undefined) allowMaybe = true;
  }
  if (allowMaybe) return { decision: 'unknown' };
  for (const doc of resourcePolicies) {
    if (doc.incomplete) return { decision: 'unknown' };
    for (const st of doc.statements) {
      if (st.effect === 'Deny') continue;
      if (and(coversAction(st, action), coversResource(st, resource)) !== false) return { decision: 'unknown' };
    }
  }
  return { decision: 'denied' };
}

export { UNKNOWN };
