// Whether a role's credentials are worth stealing: full or near-full administrative access,
// a single-step privilege escalation, or an action that hands out credentials or secrets —
// each certainly granted on every resource, unconditionally and not denied. Returns the grant
// that makes it so, to point at.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_job-functions.html
// https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/
import type { Effective, Grant } from './effective.js';
import { allowedBroadly, broadActions } from './effective.js';
import { getCatalog, patternCovers } from './catalog.js';
import { CREDENTIAL_ACTIONS } from './sensitive.js';
import type { Range } from '../iac/value.js';

export interface Danger {
  readonly kind: 'admin' | 'escalation' | 'credentials';
  /** `has full administrative access`, `can escalate with iam:AttachRolePolicy` … */
  readonly what: string;
  readonly grant: Grant;
  readonly action: string;
}

/**
 * Escalation paths of one action (or one pair) on `*`: a principal holding them can give
 * itself any permission. The full path analysis belongs to no-privilege-escalation; these
 * are the unambiguous ones.
 */
const ESCALATIONS: readonly (readonly string[])[] = [
  ['iam:CreatePolicyVersion'],
  ['iam:SetDefaultPolicyVersion'],
  ['iam:AttachRolePolicy'],
  ['iam:AttachUserPolicy'],
  ['iam:AttachGroupPolicy'],
  ['iam:PutRolePolicy'],
  ['iam:PutUserPolicy'],
  ['iam:PutGroupPolicy'],
  ['iam:UpdateAssumeRolePolicy'],
  ['iam:AddUserToGroup'],
  ['iam:PassRole', 'ec2:RunInstances'],
  ['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction'],
  ['iam:PassRole', 'cloudformation:CreateStack'],
  ['lambda:UpdateFunctionCode'],
  ['ssm:SendCommand'],
  ['ec2-instance-connect:SendSSHPublicKey'],
];

/**
 * Grants AWS recommends for every managed instance: AmazonSSMManagedInstanceCore lets the SSM
 * agent read parameters (`ssm:GetParameter(s)` on `*`). Counting it would make nearly every
 * Session Manager instance "credential-handing"; the theft path needs more than the baseline.
 */
const BASELINE_GRANTS = new Set(['AmazonSSMManagedInstanceCore\0ssm:getparameter', 'AmazonSSMManagedInstanceCore\0ssm:getparameters']);

/** What makes a role dangerous, the worst first; undefined for a role that is none of these (or not known). */
export function dangerOf(eff: Effective): Danger | undefined {
  const { actions, total } = broadActions(eff);
  if (actions.length > 0 && actions.length === total) {
    // The `*` grant when there is one (`*:*` is covered by `*` and `*:*` only), else whatever gives IAM.
    const grant = allowedBroadly(eff, '*:*') ?? allowedBroadly(eff, 'iam:CreateAccessKey');
    if (grant) return { kind: 'admin', what: 'has full administrative access (every action on every resource)', grant, action: '*' };
  }
  for (const path of ESCALATIONS) {
    const grants = path.map((a) => allowedBroadly(eff, getCatalog().action(a)?.id ?? a));
    if (grants.every((g) => g !== undefined)) return { kind: 'escalation', what: `can grant itself any permission (${path.join(' + ')} on every resource)`, grant: grants[0] as Grant, action: path[0] as string };
  }
  for (const id of CREDENTIAL_ACTIONS) {
    const action = getCatalog().action(id)?.id ?? id;
    const g = allowedBroadly(eff, action, undefined);
    if (g && !BASELINE_GRANTS.has(`${g.attached.document.managed ?? ''}\0${action.toLowerCase()}`)) return { kind: 'credentials', what: `can hand out credentials or secrets (${action} on every resource)`, grant: g, action };
    // The baseline grant may not be the only one: look for another statement granting it.
    if (g) {
      const other = eff.allows.find((x) => x !== g && !x.attached.document.managed && allowedBroadly({ ...eff, allows: [x] }, action));
      if (other) return { kind: 'credentials', what: `can hand out credentials or secrets (${action} on every resource)`, grant: other, action };
    }
  }
  return undefined;
}

/** Where a grant is written: the action entry that covers `action`, the managed policy attachment, or the statement. */
export function grantRange(g: Grant, action: string): Range | undefined {
  if (g.attached.via === 'aws-managed') return g.attached.range;
  if (g.attached.document.foreign) return undefined;
  const st = g.statement;
  const item = st.action?.items.find((i) => i.state === 'known' && (action === '*' ? i.value === '*' : patternCovers(i.value as string, action)));
  return item?.range ?? st.notAction?.keyRange ?? st.action?.keyRange ?? st.effectRange;
}
