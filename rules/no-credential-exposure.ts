// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html
// https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_iam_credentials_console.html
//
// Some actions hand out credentials or secrets: `iam:CreateAccessKey` (keys for any user),
// `iam:CreateLoginProfile` (a console password), `sts:AssumeRole` / `sts:GetFederationToken`
// (temporary credentials), `secretsmanager:GetSecretValue`, `ssm:GetParameter*` and
// `kms:Decrypt` (every secret of the account), `rds-db:connect`, `redshift:GetClusterCredentials`,
// `ec2-instance-connect:SendSSHPublicKey` … On `Resource: "*"` they reach every user, role,
// secret, key and database of the account. Named explicitly or through a narrow pattern
// (`ssm:GetParameter*`, `secretsmanager:Get*`); `*` and service wildcards are reported by
// no-wildcard-action / no-admin-policy instead (one defect, one finding).
import { defineRule } from '../src/rule.js';
import { isReportedWildcard, POLICY_KEYWORDS, POLICY_KIND_KEYWORDS, undoneByDeny, unscopedAllows } from '../src/iam/checks.js';
import { getCatalog, hasWildcard, patternCovers } from '../src/iam/catalog.js';
import { CREDENTIAL_ACTIONS } from '../src/iam/sensitive.js';

export default defineRule({
  id: 'no-credential-exposure',
  description: 'Disallow actions that hand out credentials or secrets on Resource "*"',
  fullDescription:
    'Actions such as `iam:CreateAccessKey`, `iam:CreateLoginProfile`, `sts:AssumeRole`, `sts:GetFederationToken`, ' +
    '`secretsmanager:GetSecretValue`, `ssm:GetParameter*`, `kms:Decrypt`, `rds-db:connect` or ' +
    '`redshift:GetClusterCredentials` return credentials or secrets. On `Resource: "*"` they reach every user, role, ' +
    'secret, parameter, key and database of the account: one compromised workload reads them all, or mints long-lived ' +
    'keys for any user.',
  severity: 'error',
  securitySeverity: 8.0,
  precision: 'high',
  cwe: ['CWE-522', 'CWE-732'],
  tags: ['security', 'aws', 'iam', 'secrets', 'credentials'],
  kinds: ['cloudformation', 'terraform', 'text', 'javascript'],
  keywords: POLICY_KEYWORDS,
  kindKeywords: POLICY_KIND_KEYWORDS,
  messages: {
    credentialAction: '{{action}} on every resource hands out {{what}}: scope it to the {{types}} the workload needs',
  },
  recommendation: [
    'Scope the action to the resources the workload uses: `secretsmanager:GetSecretValue` on `!Ref DbSecret`, ',
    '`ssm:GetParameter*` on `arn:aws:ssm:<region>:<account>:parameter/app/*`, `kms:Decrypt` on the key ARN, ',
    '`sts:AssumeRole` on the role ARN, `iam:CreateAccessKey` on `arn:aws:iam::<account>:user/${aws:username}`.',
  ].join(''),
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
    'https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_examples.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_my-sec-creds-self-manage.html',
  ],
  defaultOptions: {},
  check(context) {
    const found = unscopedAllows(context.document);
    if (!found) return;
    const catalog = getCatalog();
    for (const { doc, statement: st } of found.allows) {
      for (const item of st.action.items) {
        if (item.state !== 'known') continue;
        const pattern = item.value as string;
        if (isReportedWildcard(pattern)) continue;
        // Named credential actions (also ones the catalogue does not list, such as sso:GetRoleCredentials).
        // An action the catalogue lists as accepting only "*" (secretsmanager:BatchGetSecretValue,
        // which needs GetSecretValue on each secret anyway) cannot be scoped: not reported.
        const hits = [...CREDENTIAL_ACTIONS].filter((id) => patternCovers(pattern, id) && catalog.action(id)?.resourceTypes.length !== 0 && !undoneByDeny(found.model, doc, id));
        if (hits.length === 0) continue;
        const actions = hits.map((id) => catalog.action(id)?.id ?? id);
        const first = catalog.action(hits[0] as string);
        const types = [...new Set(hits.flatMap((id) => catalog.action(id)?.resourceTypes.slice(0, 1) ?? []))].join(', ') || 'resources';
        context.report({
          messageId: 'credentialAction',
          data: { action: hasWildcard(pattern) ? `"${pattern}" (${actions.join(', ')})` : (first?.id ?? pattern), what: whatItHandsOut(hits), types: `${types}${types === 'resources' ? '' : ' ARNs'}` },
          start: item.range.start,
          end: item.range.end,
          identity: `${doc.label}:${st.index}:${pattern}`,
        });
      }
    }
  },
});

function whatItHandsOut(ids: readonly string[]): string {
  const id = ids[0] as string;
  if (/^iam:(?:create|update)accesskey$/.test(id)) return 'access keys for every IAM user of the account';
  if (/^iam:(?:create|update)loginprofile$/.test(id)) return 'console passwords for every IAM user of the account';
  if (id.startsWith('iam:')) return 'credentials for every IAM user of the account';
  if (id.startsWith('sts:assumerole')) return 'the credentials of every role that trusts this account';
  if (id.startsWith('sts:')) return 'temporary credentials';
  if (id.startsWith('secretsmanager:')) return 'every secret of the account';
  if (id.startsWith('ssm:')) return 'every parameter of the account, SecureString values included';
  if (id.startsWith('kms:')) return 'the plaintext of everything encrypted with any key of the account';
  if (id.startsWith('rds-db:') || id.startsWith('redshift')) return 'credentials for every database of the account';
  if (id.startsWith('ec2-instance-connect:') || id === 'ec2:getpassworddata') return 'login access to every instance of the account';
  return 'credentials';
}
