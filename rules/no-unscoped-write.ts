// https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
// https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
//
// A Write, Permissions-management or Tagging action on `Resource: "*"` reaches every
// resource of its type in the account. Only actions that CAN be scoped count: the catalogue
// lists which resource types each action accepts, and actions such as `ec2:DescribeInstances`,
// `s3:ListAllMyBuckets`, `ecr:GetAuthorizationToken` or `cloudwatch:PutMetricData` only accept
// `*` — reporting those (checkov's best-known false positive) would teach people to ignore the
// rule. A condition on resource tags or a service key narrows the statement and is accepted.
// Wildcard patterns are no-wildcard-action's, `iam:PassRole` no-passrole-wildcard's and the
// credential actions no-credential-exposure's: one defect, one finding.
import { defineRule } from '../src/rule.js';
import { isReportedWildcard, POLICY_KEYWORDS, POLICY_KIND_KEYWORDS, undoneByDeny, unscopedAllows } from '../src/iam/checks.js';
import { getCatalog, isWriteLevel, type CatalogAction } from '../src/iam/catalog.js';
import { CREDENTIAL_ACTIONS } from '../src/iam/sensitive.js';

/**
 * Actions the service reference lists with an optional resource type that almost no caller
 * can use, and which AWS's own examples grant on `*`: `cloudwatch:PutMetricData` gained an
 * optional `dataset` type, but metrics are not resources.
 */
const ONLY_STAR = new Set([
  'cloudwatch:PutMetricData',
  // What AWS's own execution-role policies (AWSLambdaBasicExecutionRole, AWSLambdaVPCAccessExecutionRole)
  // grant on "*": log streams and network interfaces are created on demand, so their ARNs are not
  // known when the policy is written.
  'logs:CreateLogGroup',
  'logs:CreateLogStream',
  'logs:PutLogEvents',
  'ec2:CreateNetworkInterface',
  'ec2:DeleteNetworkInterface',
  'ec2:AssignPrivateIpAddresses',
  'ec2:UnassignPrivateIpAddresses',
]);

export default defineRule({
  id: 'no-unscoped-write',
  description: 'Disallow write, permissions-management and tagging actions on Resource "*" when the actions can be scoped to resources',
  fullDescription:
    'A write action on `Resource: "*"` may change, delete or re-permission every resource of its type in the account. ' +
    'Only actions that accept resource ARNs are reported: actions that AWS only authorises on `*` (describe and list ' +
    'calls, `ecr:GetAuthorizationToken`, `cloudwatch:PutMetricData`) are fine there.',
  severity: 'warning',
  securitySeverity: 5.5,
  precision: 'high',
  cwe: ['CWE-732'],
  tags: ['security', 'aws', 'iam', 'least-privilege'],
  kinds: ['cloudformation', 'terraform', 'text', 'javascript'],
  keywords: POLICY_KEYWORDS,
  kindKeywords: POLICY_KIND_KEYWORDS,
  messages: {
    unscopedWrite: '{{actions}} on every resource: {{what}} can be scoped to {{types}} ARNs',
  },
  recommendation: [
    'Replace `Resource: "*"` with the ARNs the workload writes to (`arn:aws:s3:::my-bucket/*`, ',
    '`!GetAtt Queue.Arn`, `aws_dynamodb_table.orders.arn`), or narrow the statement with a condition on ',
    '`aws:ResourceTag/<key>`. Keep actions that only accept `*` in a statement of their own.',
  ].join(''),
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
    'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_tags.html',
  ],
  defaultOptions: {},
  check(context) {
    const found = unscopedAllows(context.document);
    if (!found) return;
    const catalog = getCatalog();
    for (const { doc, statement: st, star } of found.allows) {
      const scopable: CatalogAction[] = [];
      for (const item of st.action.items) {
        if (item.state !== 'known' || isReportedWildcard(item.value as string)) continue;
        for (const a of catalog.expand(item.value as string)) {
          if (!isWriteLevel(a.level) || a.resourceTypes.length === 0 || ONLY_STAR.has(a.id)) continue;
          if (a.id === 'iam:PassRole' || CREDENTIAL_ACTIONS.has(a.id.toLowerCase())) continue;
          if (undoneByDeny(found.model, doc, a.id)) continue;
          if (!scopable.includes(a)) scopable.push(a);
        }
      }
      if (scopable.length === 0) continue;
      const names = scopable.map((a) => a.id);
      const actions = names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more write actions`;
      const types = [...new Set(scopable.flatMap((a) => (a.requiredTypes.length > 0 ? a.requiredTypes : a.resourceTypes).slice(0, 2)))].slice(0, 4).join(', ');
      context.report({
        messageId: 'unscopedWrite',
        data: { actions, what: names.length === 1 ? 'it' : 'they', types },
        start: star.range.start,
        end: star.range.end,
        identity: `${doc.label}:${st.index}:${names.join(',')}`,
      });
    }
  },
});
