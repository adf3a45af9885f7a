// https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
//
// A principal whose combined permissions complete a known escalation path can make itself
// (or something it controls) more powerful than it is: write a new version of its own
// policy, mint keys for an administrator, pass an admin role to an instance it launches,
// replace a function's code. Judged on the principal's effective permissions — every policy
// it has, its groups' included, minus explicit Denies — so a path split across two policies
// is found, and a Deny or a resource scope (a PassRole limited to one role) breaks it. Each
// action must be allowed on every resource of its type and without a condition (an
// `iam:PassedToService` naming the path's service is fine). Principals with full access are
// no-admin-policy's.
import { defineRule, type ReportDescriptor } from '../src/rule.js';
import { findingPlace, grantsCoexist, iamModel, inModuleOrder, placedHere, placeOf, POLICY_KEYWORDS, POLICY_KIND_KEYWORDS, principalsReaching, withoutServiceOwnGrants, type Place } from '../src/iam/checks.js';
import { allowedBroadly, broadActions, coversAnyResource, effectiveOf, type Grant } from '../src/iam/effective.js';
import { patternCovers } from '../src/iam/catalog.js';
import { ESCALATION_PATHS, type EscalationPath } from '../src/iam/sensitive.js';
import type { PolicyStatement } from '../src/iam/policy.js';
import type { IamPrincipal } from '../src/iam/sources.js';

/** An Allow whose only condition is iam:PassedToService naming `service` (or a wildcard covering it). */
function passedTo(service: string): (st: PolicyStatement) => boolean {
  return (st) => {
    const c = st.condition;
    if (!c || c.incomplete || c.entries.length === 0) return false;
    return c.entries.every((e) => e.key.toLowerCase() === 'iam:passedtoservice' && e.values.items.some((i) => i.state === 'known' && new RegExp(`^${(i.value as string).replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i').test(service)));
  };
}

function grantsFor(p: IamPrincipal, path: EscalationPath): { action: string; grant: Grant }[] | undefined {
  const eff = withoutServiceOwnGrants(effectiveOf(p));
  const out: { action: string; grant: Grant }[] = [];
  for (const action of path.actions) {
    const g = allowedBroadly(eff, action, action === 'iam:PassRole' && path.passTo ? passedTo(path.passTo) : undefined);
    if (!g) return undefined;
    out.push({ action, grant: g });
  }
  if (path.anyOf) {
    const hit = path.anyOf.map((a) => ({ action: a, grant: allowedBroadly(eff, a) })).find((x) => x.grant);
    if (!hit) return undefined;
    out.push({ action: hit.action, grant: hit.grant as Grant });
  }
  // Steps chosen by opposite branches of one `Fn::If` never exist in the same stack.
  return grantsCoexist(out.map((o) => o.grant)) ? out : undefined;
}

/** Where a grant is written: the action token that covers it, or the managed policy's attachment. */
function actionItemOf(g: Grant, action: string) {
  return g.statement.action?.items.find((i) => i.state === 'known' && patternCovers(i.value as string, action));
}

/** Where a grant is written (in the scanned file or another of the module): the action token, or a managed policy's attachment. */
function placeOfGrant(g: Grant, action: string): Place {
  if (g.attached.via === 'aws-managed') return placeOf(g, g.attached.range);
  return placeOf(g, actionItemOf(g, action)?.range ?? g.statement.notAction?.keyRange ?? g.statement.effectRange);
}

/**
 * One defect, one finding: a path every step of which is granted by `*` or `iam:*` on every
 * resource is no-admin-policy's finding (full or near-full access), not a second one here.
 */
function grantedByAdminWildcard(grants: readonly { action: string; grant: Grant }[]): boolean {
  return grants.every(({ action, grant }) => {
    const item = grant.attached.via === 'aws-managed' ? undefined : actionItemOf(grant, action);
    const value = typeof item?.value === 'string' ? item.value.toLowerCase() : undefined;
    return (value === '*' || value === 'iam:*') && coversAnyResource(grant.statement) === true;
  });
}

export default defineRule({
  id: 'no-privilege-escalation',
  description: 'Disallow principals whose combined permissions complete a known privilege-escalation path',
  fullDescription:
    'A role, user or group whose policies together allow a known escalation path — creating a new version of a ' +
    'managed policy, access keys or a console password for another user, attaching or writing policies, adding users ' +
    'to groups, rewriting a trust policy, passing a role to EC2/Lambda/Glue/CloudFormation/Data Pipeline/SageMaker/' +
    'CodeBuild, replacing Lambda code, rewriting EC2 user data or launch templates, pushing SSH keys or running SSM ' +
    'commands on instances with stronger roles — can give itself more permissions than it has. Resource scope and ' +
    'explicit Denies are honoured; a path split across several policies of one principal counts.',
  severity: 'error',
  securitySeverity: 8.5,
  precision: 'high',
  cwe: ['CWE-269'],
  tags: ['security', 'aws', 'iam', 'privilege-escalation'],
  kinds: ['cloudformation', 'terraform', 'text', 'javascript'],
  keywords: POLICY_KEYWORDS,
  kindKeywords: POLICY_KIND_KEYWORDS,
  messages: {
    escalation: '{{principal}} can escalate its privileges: it can {{path}} ({{actions}}){{more}}',
    escalationPolicy: '{{principal}} lets whoever has it escalate their privileges: they can {{path}} ({{actions}}){{more}}',
  },
  recommendation: [
    'Scope the actions of the path to the resources the workload manages (`iam:PassRole` to one role with ',
    '`iam:PassedToService`, `lambda:UpdateFunctionCode` to its own function, `iam:CreateAccessKey` to ',
    '`user/${aws:username}`), or deny them explicitly; use a permissions boundary on roles that create roles.',
  ].join(''),
  references: [
    'https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html',
  ],
  defaultOptions: {},
  check(context) {
    const model = iamModel(context.document);
    if (!model) return;
    // Policies attached to nothing in the file (an aws_iam_policy, a policy JSON file) stand for a principal of their own.
    const standalone = model.documents.filter((d) => d.kind === 'identity' && model.principalsOf(d).length === 0).flatMap((d) => principalsReaching(model, d));
    const here = context.document.absPath ?? context.document.path;
    for (const p of [...model.principals, ...standalone]) {
      // A principal of another file, or one the module only attaches to (`role = var.name`),
      // is reported here when an element of its path is written here.
      if (!p.local && !placedHere(p)) continue;
      const eff = effectiveOf(p);
      if (eff.allows.length === 0) continue;
      // Full access is no-admin-policy's finding: every path is open there.
      const broad = broadActions(eff);
      if (broad.actions.length === broad.total) continue;
      const open = ESCALATION_PATHS.map((path) => ({ path, grants: grantsFor(p, path) }))
        .filter((x): x is { path: EscalationPath; grants: { action: string; grant: Grant }[] } => x.grants !== undefined)
        .filter((x) => !grantedByAdminWildcard(x.grants));
      const first = open[0];
      if (!first) continue;
      // The path's first step in one order whichever file of the module is scanned: one finding.
      const ordered = inModuleOrder(first.grants.map((g) => g.grant), here);
      const steps = first.grants.map((g) => ({ ...g, place: placeOfGrant(g.grant, g.action) })).sort((a, b) => ordered.indexOf(a.grant) - ordered.indexOf(b.grant));
      const [lead] = steps;
      if (!lead) continue;
      const place = findingPlace(p, lead.place, steps.map((s) => s.place));
      if (!place) continue;
      const related: NonNullable<ReportDescriptor['related']> = steps
        .filter((r) => !r.place.elsewhere && (r.place.range.start !== place.range.start || r.place.range.end !== place.range.end))
        .map((r) => ({ start: r.place.range.start, end: r.place.range.end, message: `${r.action} (${r.grant.attached.document.label})` }));
      context.report({
        messageId: standalone.includes(p) ? 'escalationPolicy' : 'escalation',
        data: {
          principal: p.label,
          path: first.path.name,
          actions: first.grants.map((g) => g.action).join(' + '),
          more: open.length > 1 ? `; ${open.length - 1} more path${open.length > 2 ? 's' : ''}: ${open.slice(1, 4).map((o) => o.path.name).join('; ')}${open.length > 4 ? '…' : ''}` : '',
        },
        start: place.range.start,
        end: place.range.end,
        ...(place.refersTo ? { refersTo: place.refersTo } : {}),
        identity: `${p.id}:escalation:${first.path.name}`,
        ...(related.length > 0 ? { related } : {}),
      });
    }
  },
});
