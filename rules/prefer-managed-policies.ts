// https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#use-groups-for-permissions
//
// AWS's advice: prefer managed policies to inline ones (they are versioned, reusable, can be
// reviewed and rolled back in one place), and give users permissions through groups, not
// policies attached to each user. A note, not an alarm. Roles that a framework generates
// (SAM functions, Serverless Framework) are written the framework's way and not reported.
import { defineRule } from '../src/rule.js';
import { iamModel, POLICY_KEYWORDS, POLICY_KIND_KEYWORDS } from '../src/iam/checks.js';

export default defineRule({
  id: 'prefer-managed-policies',
  description: 'Require managed policies attached to roles and groups instead of inline policies and policies attached to users',
  fullDescription:
    'Inline policies live inside one role, user or group: they cannot be reused, versioned or rolled back, and they ' +
    'are easy to miss in a review. Policies attached directly to users spread permissions over people instead of ' +
    'managing them in groups. AWS recommends customer-managed policies attached to roles and groups.',
  severity: 'note',
  securitySeverity: 2.0,
  precision: 'very-high',
  cwe: ['CWE-1220'],
  tags: ['security', 'aws', 'iam', 'maintainability'],
  kinds: ['cloudformation', 'terraform'],
  keywords: POLICY_KEYWORDS,
  kindKeywords: POLICY_KIND_KEYWORDS,
  messages: {
    inlinePolicy: '{{principal}} has an inline policy: use a managed policy (AWS::IAM::ManagedPolicy / aws_iam_policy) attached to it',
    userPolicy: '{{principal}} is given permissions directly: attach the policy to a group and add the user to it',
  },
  recommendation: [
    'Move the statements into a customer-managed policy (`AWS::IAM::ManagedPolicy`, `aws_iam_policy` with an ',
    '`aws_iam_role_policy_attachment`) and attach it to the role or to a group; add users to groups ',
    '(`AWS::IAM::UserToGroupAddition`, `aws_iam_user_group_membership`).',
  ].join(''),
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#use-groups-for-permissions',
  ],
  defaultOptions: {},
  check(context) {
    const model = iamModel(context.document);
    if (!model) return;
    for (const p of model.principals) {
      if (p.implicit) continue;
      for (const a of p.policies) {
        // Reported where the attachment is written: this file's attachments to a principal of
        // another file or of no file (`user = var.name`); never another file's, at its offsets.
        if (a.elsewhere || (a.document.foreign && a.via === 'inline')) continue;
        const identity = `${p.id}:${a.document.label}`;
        if (p.kind === 'user') context.report({ messageId: 'userPolicy', data: { principal: p.label }, start: a.range.start, end: a.range.end, identity });
        else if (a.via === 'inline') context.report({ messageId: 'inlinePolicy', data: { principal: p.label }, start: a.range.start, end: a.range.end, identity });
      }
    }
  },
});
