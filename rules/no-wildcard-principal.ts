// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-anonymous
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
//
// `Principal: "*"` or `{"AWS": "*"}` in an Allow of a trust or resource policy is everyone:
// every AWS account, and for S3/SQS/SNS anonymous callers too. It is fine when a condition
// pins who may call — the caller's account or organisation, the source ARN/account of a
// service, a VPC endpoint. `NotPrincipal` with Allow grants everyone but the listed
// principals. The account root (`arn:aws:iam::<account>:root`, as in the default KMS key
// policy) is one account, not a wildcard, and is never reported.
import { defineRule, type RuleContext } from '../src/rule.js';
import { iamModel, POLICY_KEYWORDS, POLICY_KIND_KEYWORDS } from '../src/iam/checks.js';
import type { PolicyStatement, PolicyString } from '../src/iam/policy.js';
import { describeNode, resourceGraph } from '../src/iac/graph.js';
import { knownString, mapEntry, valueTokenRange } from '../src/iac/value.js';

/** Condition keys that pin the caller (lower case). */
const NARROWING = new Set([
  'aws:sourceaccount', 'aws:sourcearn', 'aws:sourceowner', 'aws:sourceorgid', 'aws:sourceorgpaths', 'aws:principalorgid',
  'aws:principalorgpaths', 'aws:principalaccount', 'aws:principalarn', 'aws:sourcevpce', 'aws:sourcevpc', 'aws:sourceip',
  'aws:vpcsourceip', 'aws:userid', 'aws:username', 'aws:principalservicename', 'aws:principalisawsservice', 'aws:sourceidentity',
  'kms:calleraccount', 'kms:viaservice', 'sts:externalid', 's3:dataaccesspointaccount', 's3:dataaccesspointarn', 'lambda:functionurlauthtype',
  'elasticfilesystem:accesspointarn', 'aws:resourceorgid', 'aws:resourceaccount',
]);

/** Whether a statement's condition pins the caller: a known narrowing key with values that are not `*`, or a condition not known. */
function narrowed(st: PolicyStatement): boolean {
  const c = st.condition;
  if (!c) return false;
  if (c.incomplete) return true;
  return c.entries.some((e) => {
    const key = e.key.toLowerCase();
    // EFS: only clients reaching the file system through one of its mount targets (inside its
    // VPC) — the policy CDK and the EFS console write for `elasticfilesystem:ClientMount`.
    if (key === 'elasticfilesystem:accessedviamounttarget') return /^bool/i.test(e.operator) && !e.values.incomplete && e.values.items.length > 0 && e.values.items.every((i) => i.state === 'known' && i.value === 'true');
    const pinning = NARROWING.has(key) || /^[\w.-]+\.amazonaws\.com:(?:aud|sub|amr)$/.test(key) || /:(?:aud|sub)$/.test(key);
    if (!pinning || /^bool/i.test(e.operator)) return false;
    return e.values.incomplete || e.values.items.some((i) => i.state !== 'known' || (i.value !== '*' && i.value !== ''));
  });
}

/** The `*` token of a principal: `"*"` or `{"AWS": "*"}` (also in a list). */
function wildcardToken(st: PolicyStatement): PolicyString | undefined {
  const p = st.principal;
  if (!p) return undefined;
  if (p.star) return p.star;
  return p.types.get('AWS')?.items.find((i) => i.state === 'known' && i.value === '*');
}

function checkLambdaPermissions(context: RuleContext): void {
  // `AWS::Lambda::Permission` / `aws_lambda_permission`: the principal is a property.
  const graph = resourceGraph(context.document);
  if (!graph) return;
  for (const n of graph.localNodes()) {
    const cfn = n.type === 'AWS::Lambda::Permission';
    if (!cfn && n.type !== 'aws_lambda_permission') continue;
    const principal = cfn ? mapEntry(n.cfn?.properties, 'Principal')?.value : n.tf?.attribute('principal')?.value();
    if (!principal || knownString(principal) !== '*') continue;
    const pinned = cfn ? ['SourceArn', 'SourceAccount', 'PrincipalOrgID'].some((k) => mapEntry(n.cfn?.properties, k)) : ['source_arn', 'source_account', 'principal_org_id'].some((k) => n.tf?.attribute(k));
    // Function URLs with AuthType NONE are public by design and flagged by their own settings.
    const urlAuth = cfn ? knownString(mapEntry(n.cfn?.properties, 'FunctionUrlAuthType')?.value) : knownString(n.tf?.attribute('function_url_auth_type')?.value());
    if (pinned || urlAuth === 'AWS_IAM') continue;
    const range = valueTokenRange(principal);
    context.report({ messageId: 'wildcardPrincipal', data: { policy: describeNode(n), principal: '"*"' }, start: range.start, end: range.end, identity: `${n.id}:principal` });
  }
}

export default defineRule({
  id: 'no-wildcard-principal',
  description: 'Disallow trust and resource policies that allow every principal without a condition that pins the caller',
  fullDescription:
    'An Allow with `Principal: "*"` or `{"AWS": "*"}` in a role trust policy or a resource policy (S3 bucket, SQS queue, ' +
    'SNS topic, KMS key, ECR repository, secret, Lambda permission …) grants the access to every AWS account — for most ' +
    'services to anonymous callers as well — unless a condition pins the caller (`aws:PrincipalOrgID`, ' +
    '`aws:SourceAccount`, `aws:SourceArn`, `aws:SourceVpce` …). `NotPrincipal` with Allow grants everyone except the ' +
    'listed principals.',
  severity: 'error',
  securitySeverity: 8.5,
  precision: 'very-high',
  cwe: ['CWE-284', 'CWE-732'],
  tags: ['security', 'aws', 'iam', 'public-access'],
  kinds: ['cloudformation', 'terraform', 'text', 'javascript'],
  keywords: new RegExp(`${POLICY_KEYWORDS.source}|Lambda::Permission|aws_lambda_permission`),
  kindKeywords: POLICY_KIND_KEYWORDS,
  messages: {
    wildcardPrincipal: '{{policy}} allows principal {{principal}} — every AWS account and anonymous callers — with no condition on the caller',
    wildcardTrust: '{{policy}} lets any AWS principal assume the role (principal {{principal}}) with no condition on the caller',
    notPrincipalAllow: '{{policy}} allows every principal except those in NotPrincipal',
  },
  recommendation: [
    'Name the principals (`{"AWS": "arn:aws:iam::111122223333:root"}`, `{"Service": "cloudtrail.amazonaws.com"}`), or ',
    'keep `*` and pin the caller with a condition: `aws:PrincipalOrgID` for your organisation, `aws:SourceArn` / ',
    '`aws:SourceAccount` for a service acting for a resource, `aws:SourceVpce` for a VPC endpoint. Replace Allow + ',
    'NotPrincipal with explicit principals.',
  ].join(''),
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
  ],
  defaultOptions: {},
  check(context) {
    const model = iamModel(context.document);
    if (model) {
      for (const doc of model.documents) {
        if (doc.kind === 'identity') continue;
        for (const st of doc.statements) {
          if (st.effect !== 'Allow') continue;
          if (st.notPrincipal) {
            context.report({ messageId: 'notPrincipalAllow', data: { policy: doc.label }, start: st.notPrincipal.keyRange.start, end: st.notPrincipal.keyRange.end, identity: `${doc.label}:${st.index}:NotPrincipal` });
            continue;
          }
          const token = wildcardToken(st);
          if (!token || narrowed(st)) continue;
          const principal = st.principal?.star ? '"*"' : '{"AWS": "*"}';
          context.report({ messageId: doc.kind === 'trust' ? 'wildcardTrust' : 'wildcardPrincipal', data: { policy: doc.label, principal }, start: token.range.start, end: token.range.end, identity: `${doc.label}:${st.index}:principal` });
        }
      }
    }
    checkLambdaPermissions(context);
  },
});
