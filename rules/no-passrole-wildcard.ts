// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#ck_PassedToService
//
// `iam:PassRole` on every role lets the principal hand any role of the account — the
// administrator's included — to a service it controls (launch an instance, create a function
// or a Glue job with it) and act with that role's permissions: the most common IAM
// privilege escalation. It is reported however the action is granted (`iam:PassRole`,
// `iam:Pass*`, `iam:*`, `*`, NotAction), at the statement's wildcard resource; worse without
// `iam:PassedToService`, which at least says which service may receive the roles.
import { defineRule } from '../src/rule.js';
import { identityDocuments, POLICY_KEYWORDS, POLICY_KIND_KEYWORDS, undoneByDeny } from '../src/iam/checks.js';
import { coversAction, isBroadResourceText } from '../src/iam/effective.js';
import type { PolicyStatement } from '../src/iam/policy.js';
import { patternCovers } from '../src/iam/catalog.js';
import type { Range } from '../src/iac/value.js';

const PASS_ROLE = 'iam:PassRole';

/** The broad resource token of a statement (`*`, `arn:aws:iam::123456789012:role/*`), or the NotResource key. */
function broadResource(st: PolicyStatement): { range: Range; text: string } | undefined {
  for (const item of st.resource?.items ?? []) {
    const text = (item.value ?? '').replace(/\$\{[^}]*\}/g, '${}');
    if (isBroadResourceText(item) === true && /^(?:\*|arn:[^:]*:iam::[^:]*:(?:role\/)?\*)$/.test(text)) return { range: item.range, text: item.value as string };
  }
  if (st.notResource && !st.resource) return { range: st.notResource.keyRange, text: 'NotResource' };
  return undefined;
}

function passedToService(st: PolicyStatement): string | undefined {
  const entry = st.condition?.entries.find((e) => e.key.toLowerCase() === 'iam:passedtoservice');
  if (!entry) return undefined;
  const values = entry.values.items.map((i) => (i.state === 'known' ? i.value : '…')).join(', ');
  return values || '…';
}

export default defineRule({
  id: 'no-passrole-wildcard',
  description: 'Disallow iam:PassRole on every role',
  fullDescription:
    '`iam:PassRole` on `Resource: "*"` (directly or through `iam:*` or `*`) lets a principal pass any role of the account ' +
    'to a service it controls — an EC2 instance, a Lambda function, a Glue job, a CloudFormation stack — and act with that ' +
    "role's permissions. Scope it to the ARNs of the roles the workload passes and to the service that receives them " +
    'with `iam:PassedToService`.',
  severity: 'error',
  securitySeverity: 8.0,
  precision: 'very-high',
  cwe: ['CWE-269', 'CWE-732'],
  tags: ['security', 'aws', 'iam', 'privilege-escalation'],
  kinds: ['cloudformation', 'terraform', 'text', 'javascript'],
  keywords: POLICY_KEYWORDS,
  kindKeywords: POLICY_KIND_KEYWORDS,
  messages: {
    passRoleAnyRole: '{{how}} allows iam:PassRole on {{resource}} with no iam:PassedToService condition: any role of the account can be passed to any service',
    passRoleAnyRoleToService: '{{how}} allows iam:PassRole on {{resource}}: any role of the account can be passed to {{services}}',
  },
  recommendation: [
    'List the roles that may be passed (`Resource: arn:aws:iam::<account>:role/app-task-role`, `!GetAtt TaskRole.Arn`, ',
    '`aws_iam_role.task.arn`) and add `Condition: {StringEquals: {iam:PassedToService: ecs-tasks.amazonaws.com}}`.',
  ].join(''),
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#ck_PassedToService',
    'https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/',
  ],
  defaultOptions: {},
  check(context) {
    const found = identityDocuments(context.document);
    if (!found) return;
    for (const doc of found.docs) {
      for (const st of doc.statements) {
        if (st.effect !== 'Allow' || coversAction(st, PASS_ROLE) !== true) continue;
        const resource = broadResource(st);
        if (!resource || undoneByDeny(found.model, doc, PASS_ROLE)) continue;
        // Conditions other than PassedToService (a tag on the role, say) narrow which roles: accepted.
        const other = st.condition && (st.condition.incomplete || st.condition.entries.some((e) => e.key.toLowerCase() !== 'iam:passedtoservice'));
        if (other) continue;
        const explicit = st.action?.items.find((i) => i.state === 'known' && (i.value as string).toLowerCase() === 'iam:passrole');
        // One defect, one finding: PassRole granted only through `*` or `iam:*` on every
        // resource is part of no-admin-policy's full (or near-full) access finding.
        const coveringPatterns = st.action?.items.filter((i) => i.state === 'known' && patternCovers(i.value as string, PASS_ROLE)).map((i) => (i.value as string).toLowerCase()) ?? [];
        if (!explicit && resource.text === '*' && coveringPatterns.length > 0 && coveringPatterns.every((v) => v === '*' || v === 'iam:*')) continue;
        const how = explicit ? 'This statement' : st.action ? `"${st.action.items.find((i) => i.state === 'known' && patternCovers(i.value as string, PASS_ROLE))?.value ?? 'a wildcard'}"` : 'NotAction';
        const services = passedToService(st);
        const identity = `${doc.label}:${st.index}:passrole`;
        if (services) context.report({ messageId: 'passRoleAnyRoleToService', data: { how, resource: resource.text, services }, start: resource.range.start, end: resource.range.end, identity, severity: 'warning' });
        else context.report({ messageId: 'passRoleAnyRole', data: { how, resource: resource.text }, start: resource.range.start, end: resource.range.end, identity });
      }
    }
  },
});

