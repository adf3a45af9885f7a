// https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_job-functions.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
//
// Full access is judged by what a principal's policies grant together, not by policy names:
// the union of its Allow statements on `Resource: "*"` (inline, customer managed, AWS managed
// from the snapshot, inherited from its groups) minus explicit Denies. `*` on `*`,
// AdministratorAccess, or a set of statements that together cover every action of the
// catalogue is full access; PowerUserAccess, IAMFullAccess, `iam:*` (a principal that can
// grant itself anything) are near-admin. A role that compute assumes is the worst case: code
// on that instance, function or task — and anyone who gets a shell there — owns the account.
import { defineRule, type RuleContext } from '../src/rule.js';
import { findingPlace, identityDocuments, inModuleOrder, placedHere, placeOf, principalsReaching, POLICY_KEYWORDS, POLICY_KIND_KEYWORDS, whoRunsIt, type Place } from '../src/iam/checks.js';
import { actionSet, broadActions, effectiveOf, type Grant } from '../src/iam/effective.js';
import { getCatalog, type CatalogAction } from '../src/iam/catalog.js';
import type { IamPrincipal } from '../src/iam/sources.js';

/** Share of all catalogue actions above which a principal is near-admin (PowerUserAccess grants ~93%). */
const NEAR_ADMIN_SHARE = 0.85;

interface Verdict {
  readonly level: 'admin' | 'near-admin';
  readonly how: string;
  /** The element to report at (it may be in another file of a Terraform module). */
  readonly at: Place;
  /** The other grants that make it so, for a place in the scanned file when `at` is elsewhere. */
  readonly grants: readonly Grant[];
}

/** Where a grant is written: its `*` / `iam:*` token, or the attachment of an AWS managed policy. */
function grantPlace(g: Grant, wanted: (v: string) => boolean): Place {
  if (g.attached.via === 'aws-managed') return placeOf(g, g.attached.range);
  const item = g.statement.action?.items.find((i) => i.state === 'known' && wanted(i.value as string));
  return placeOf(g, item?.range ?? g.statement.notAction?.keyRange ?? g.statement.action?.items[0]?.range ?? g.statement.effectRange);
}

/** Where to point: the `*` / `iam:*` token of an inline statement, or the attachment of a managed policy. */
function locate(all: readonly Grant[], wanted: (v: string) => boolean, here: string): Place | undefined {
  // One order whichever file of the module is scanned: the finding lands in one file.
  const grants = inModuleOrder(all, here);
  for (const g of grants) {
    if (g.attached.via === 'aws-managed') return placeOf(g, g.attached.range);
    const item = g.statement.action?.items.find((i) => i.state === 'known' && wanted(i.value as string));
    if (item) return placeOf(g, item.range);
  }
  // No single token says it: point at the first grant (the principal's own first).
  const g = grants[0];
  return g ? grantPlace(g, () => false) : undefined;
}

let iamPm: readonly CatalogAction[] | undefined;
function iamPermissionsManagement(): readonly CatalogAction[] {
  return (iamPm ??= getCatalog().expand('iam:*').filter((a) => a.level === 'Permissions management'));
}

function verdict(p: IamPrincipal, here: string): Verdict | undefined {
  const eff = effectiveOf(p);
  const { actions, total } = broadActions(eff);
  if (actions.length === 0) return undefined;
  // The principal's own grants first: a user's finding points at its own policy, not its group's.
  const onStar = eff.allows
    .filter((g) => !g.statement.condition && g.statement.resource?.items.some((i) => i.state === 'known' && i.value === '*'))
    .sort((a, b) => Number(a.owner !== p) - Number(b.owner !== p));
  const managed = [...new Set(onStar.filter((g) => g.attached.document.managed).map((g) => g.attached.document.managed as string))];
  const named = managed.length > 0 ? ` through ${managed.join(', ')}` : '';
  const own: Place | undefined = p.local ? { range: p.range } : undefined;
  if (actions.length === total) {
    const star = onStar.filter((g) => g.statement.action?.items.some((i) => i.state === 'known' && i.value === '*'));
    const grants = star.length > 0 ? star : onStar;
    const at = locate(grants, (v) => v === '*', here) ?? own;
    return at ? { level: 'admin', how: `every one of the ${total} actions on every resource${named}`, at, grants } : undefined;
  }
  const iamWrites = iamPermissionsManagement();
  const have = actionSet(actions);
  if (iamWrites.every((a) => have.has(a))) {
    const iamGrants = onStar.filter((g) => g.attached.document.managed || g.statement.action?.items.some((i) => i.state === 'known' && /^(?:iam:\*|\*)$/i.test(i.value as string)) || g.statement.notAction);
    const grants = iamGrants.length > 0 ? iamGrants : onStar;
    const at = locate(grants, (v) => /^iam:\*$/i.test(v), here) ?? own;
    return at ? { level: 'near-admin', how: `all ${iamWrites.length} IAM permissions-management actions on every resource${named}, so it can grant itself anything`, at, grants } : undefined;
  }
  if (actions.length >= NEAR_ADMIN_SHARE * total) {
    const broad = onStar.filter((g) => g.attached.document.managed || g.statement.notAction);
    const at = locate(broad, () => false, here) ?? locate(onStar, () => false, here) ?? own;
    return at ? { level: 'near-admin', how: `${actions.length} of the ${total} actions on every resource${named}`, at, grants: broad.length > 0 ? broad : onStar } : undefined;
  }
  return undefined;
}

function report(context: RuleContext, p: IamPrincipal, v: Verdict, standalone: boolean): void {
  // A module's files are scanned one by one: report in the file that holds the element.
  const place = findingPlace(p, v.at, v.grants.map((g) => grantPlace(g, () => false)));
  if (!place) return;
  const runs = whoRunsIt(p);
  const data = { principal: p.label, how: v.how, runs: runs ?? '' };
  const identity = `${p.id}:${v.level}`;
  const where = { start: place.range.start, end: place.range.end, identity, ...(place.refersTo ? { refersTo: place.refersTo } : {}) };
  if (runs) context.report({ messageId: v.level === 'admin' ? 'adminCompute' : 'nearAdminCompute', data, ...where, severity: 'error' });
  else if (standalone) context.report({ messageId: v.level === 'admin' ? 'adminPolicy' : 'nearAdminPolicy', data, ...where, ...(v.level === 'near-admin' ? { severity: 'warning' } : {}) });
  else context.report({ messageId: v.level === 'admin' ? 'admin' : 'nearAdmin', data, ...where, ...(v.level === 'near-admin' ? { severity: 'warning' } : {}) });
}

export default defineRule({
  id: 'no-admin-policy',
  description: 'Disallow full or near-full administrative access on a role, user or group',
  fullDescription:
    'A principal whose policies together allow every action on every resource (`*` on `*`, AdministratorAccess, or an ' +
    'equivalent set of statements) — or nearly so (PowerUserAccess, IAMFullAccess, `iam:*`, which can grant itself the ' +
    'rest) — turns any compromise of what uses it into a compromise of the account. On a role that EC2, Lambda, ECS ' +
    'tasks or CodeBuild assume, whoever reaches that machine owns the account.',
  severity: 'error',
  securitySeverity: 9.0,
  precision: 'very-high',
  cwe: ['CWE-269', 'CWE-250'],
  tags: ['security', 'aws', 'iam', 'least-privilege'],
  kinds: ['cloudformation', 'terraform', 'text', 'javascript'],
  keywords: POLICY_KEYWORDS,
  kindKeywords: POLICY_KIND_KEYWORDS,
  supersedes: ['no-wildcard-action'],
  messages: {
    adminCompute: '{{principal}} has full administrative access ({{how}}) and runs on {{runs}}: whoever reaches that machine owns the account',
    nearAdminCompute: '{{principal}} has near-administrative access ({{how}}) and runs on {{runs}}: whoever reaches that machine can take over the account',
    admin: '{{principal}} has full administrative access ({{how}})',
    nearAdmin: '{{principal}} has near-administrative access ({{how}})',
    adminPolicy: '{{principal}} grants full administrative access ({{how}}) to whatever it is attached to',
    nearAdminPolicy: '{{principal}} grants near-administrative access ({{how}}) to whatever it is attached to',
  },
  recommendation: [
    'Grant the actions and resources the workload uses — for an instance that reads one bucket, `s3:GetObject` on ',
    '`arn:aws:s3:::bucket/*` — instead of AdministratorAccess, PowerUserAccess or `*`. IAM Access Analyzer can generate ',
    'a least-privilege policy from CloudTrail activity. Keep administrator access for people, behind MFA and SSO, never on ',
    'a role that compute assumes.',
  ].join(''),
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_job-functions.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_generate-policy.html',
  ],
  defaultOptions: {},
  check(context) {
    const found = identityDocuments(context.document);
    if (!found) return;
    const { model } = found;
    const here = context.document.absPath ?? context.document.path;
    // Every principal, also one declared in another file of the module or not at all (`role =
    // var.name`): the finding goes where the element that grants it is written.
    for (const p of model.principals) {
      if (!p.local && !placedHere(p)) continue;
      const v = verdict(p, here);
      if (v) report(context, p, v, false);
    }
    // Policies attached to nothing in this file are judged on their own.
    for (const doc of found.docs) {
      if (model.principalsOf(doc).length > 0) continue;
      const [p] = principalsReaching(model, doc);
      const v = p ? verdict(p, here) : undefined;
      if (p && v) report(context, p, v, true);
    }
  },
});
