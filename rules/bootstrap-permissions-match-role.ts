// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html
// https://docs.aws.amazon.com/cli/latest/reference/s3/
//
// The user data of an instance calls AWS with the role of its instance profile. A call the
// role cannot make fails at boot — and the usual "fix" is a personal access key pasted into
// the script or AdministratorAccess on the role. Each AWS CLI call of the user data is mapped
// to the IAM actions and resources it needs (src/iam/cli-actions.ts) and decided against the
// role's effective permissions as the policy simulator would (src/iam/simulate.ts). Only a
// certain AccessDenied is reported: a policy, a bucket name or a role from outside the file
// makes the call unknown, never a finding. The other direction is a note: a role that grants
// far more write access on every resource than the script uses.
import { defineRule, type RuleContext } from '../src/rule.js';
import { describeNode, resourceGraph } from '../src/iac/graph.js';
import { roleBootstrapPermissions, COMPUTE_KINDS, withoutAgentPolicies, neededBy, policiesOf, policyHcl, proposePolicy, settingRange, type BootstrapPermissions } from '../src/iam/bootstrap-policy.js';
import { renderResource } from '../src/iam/cli-actions.js';
import { broadActions } from '../src/iam/effective.js';
import { isWriteLevel } from '../src/iam/catalog.js';
import { describeCounts } from '../src/iam/checks.js';

/** Unused write actions on every resource above which a role grants "far more" than its bootstrap uses. */
const OVER_GRANT_MIN = 20;

function proposal(b: BootstrapPermissions): Record<string, unknown> {
  const policy = proposePolicy(neededBy(b));
  return {
    proposedPolicy: policy,
    ...(b.node.format === 'terraform' ? { proposedPolicyHcl: policyHcl(policy, b.node) } : {}),
    ...(b.unresolved.length > 0 ? { unresolvedCalls: b.unresolved.map((u) => `${u.call.command}: ${u.reason}`) } : {}),
  };
}

function check(context: RuleContext, b: BootstrapPermissions): void {
  const role = b.role;
  if (!role || !b.effective) return;
  const resource = describeNode(b.node);
  const roleName = role.principal.label;
  const policies = policiesOf(role.principal);
  let props: Record<string, unknown> | undefined;
  // Calls of a script read by `file()`/`templatefile()` all map to the call: one finding for them.
  const byRange = new Map<string, typeof b.decided[number][]>();
  for (const d of b.decided) {
    if (!d.needs.some((n) => n.verdict.decision === 'denied')) continue;
    const key = `${d.call.range.start}:${d.call.range.end}`;
    byRange.set(key, [...(byRange.get(key) ?? []), d]);
  }
  for (const group of byRange.values()) {
    const denied = group.flatMap((d) => d.needs.filter((n) => n.verdict.decision === 'denied'));
    const actions = [...new Set(denied.map((n) => n.action))];
    const resources = [...new Set(denied.map((n) => renderResource(n.resource)))].filter((r) => r !== '*');
    const commands = [...new Set(group.map((d) => d.call.command))];
    const first = group[0]!;
    props ??= proposal(b);
    context.report({
      messageId: 'denied',
      data: {
        actions: actions.join(', '),
        on: resources.length > 0 ? ` on ${resources.join(', ')}` : '',
        command: commands.join('`, `'),
        resource,
        role: roleName,
        policies,
      },
      start: first.call.range.start,
      end: first.call.range.end,
      identity: `${b.node.id}:${commands.join(',')}:${actions.join(',')}:${resources.join(',')}`,
      properties: props,
    });
  }
  // The note: only when every call of the script is known (otherwise "what it uses" is not).
  if (b.decided.length === 0 || b.unresolved.length > 0) return;
  const used = new Set(neededBy(b).map((n) => n.action.toLowerCase()));
  // What the instance's agents need is not the script's to use, and not an over-grant.
  const unused = broadActions(withoutAgentPolicies(b.effective)).actions.filter((a) => isWriteLevel(a.level) && !used.has(a.id.toLowerCase()));
  if (unused.length < OVER_GRANT_MIN) return;
  const at = settingRange(role.profileSetting);
  context.report({
    messageId: 'overGrant',
    data: { role: roleName, policies, grants: describeCounts(unused), resource, used: [...new Set(neededBy(b).map((n) => n.action))].sort().join(', ') },
    start: at.start,
    end: at.end,
    identity: `${b.node.id}:over-grant`,
    severity: 'note',
    properties: props ?? proposal(b),
  });
}

export default defineRule({
  id: 'bootstrap-permissions-match-role',
  description: "Enforce that the AWS calls in an instance's user data match what its instance profile role allows",
  fullDescription:
    'Each AWS CLI call in the user data of an instance, launch template or launch configuration is mapped to the IAM ' +
    'actions and resources it needs and checked against the effective permissions of the role behind its instance ' +
    'profile. A call the role cannot make fails at boot, and the usual fix — a personal access key in the script or ' +
    'AdministratorAccess on the role — is worse than the bug. A role that grants far more than the script uses is noted.',
  severity: 'warning',
  securitySeverity: 5.0,
  precision: 'high',
  cwe: ['CWE-269', 'CWE-250'],
  tags: ['security', 'aws', 'iam', 'ec2', 'least-privilege', 'bootstrap'],
  kinds: ['cloudformation', 'terraform'],
  keywords: /UserData|user_data/,
  messages: {
    denied:
      'AccessDenied on {{actions}}{{on}}: `{{command}}` in the user data of {{resource}} runs as {{role}}, whose policies ({{policies}}) do not allow it; grant exactly that (`credlint policy` prints the least-privilege policy) instead of adding access keys or AdministratorAccess',
    overGrant:
      '{{role}} ({{policies}}) grants {{grants}} actions on every resource that the user data of {{resource}} never uses (it needs {{used}}); unless other software on the instance needs them, replace its policies with the least-privilege policy (`credlint policy`)',
  },
  recommendation: [
    'Give the role exactly what the bootstrap calls: `credlint policy <template> --resource <instance>` prints the ',
    'least-privilege policy (JSON, and a `data "aws_iam_policy_document"` block for Terraform) for the calls it found, ',
    'and lists the calls it could not resolve. Attach it to the role behind the instance profile; never work around a ',
    'denied call with `aws configure` and personal keys, or with AdministratorAccess.',
  ].join(''),
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
    'https://docs.aws.amazon.com/cli/latest/reference/s3/',
  ],
  defaultOptions: {},
  check(context) {
    const graph = resourceGraph(context.document);
    if (!graph) return;
    for (const node of graph.localNodes([...COMPUTE_KINDS])) {
      // Without a role in the file nothing is decided (check() reports nothing): not read at all.
      const b = roleBootstrapPermissions(context.document, graph, node);
      if (b) check(context, b);
    }
  },
});
