// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html
// https://docs.aws.amazon.com/cli/latest/reference/configure/set.html
import { isCalledScriptDocument } from '../src/extract/called-scripts.js';
import { defineRule } from '../src/rule.js';
import { CONFIGURE_KEYWORDS, findConfigureCredentialUses } from '../src/detect/aws-configure.js';
import { isBootstrapContext } from '../src/parsers/user-data.js';
import { enclosingDockerfile } from '../src/parsers/dockerfile.js';

export default defineRule({
  id: 'no-aws-configure-in-bootstrap',
  description: 'Disallow storing access keys with `aws configure` in user data, cloud-init and provisioning scripts',
  fullDescription:
    'Running `aws configure set aws_secret_access_key …` (or an interactive `aws configure` fed by a pipe, a heredoc or ' +
    'expect, or `aws configure import --csv`) while an instance boots writes a long-lived IAM user key to ' +
    '~/.aws/credentials on every machine launched, and the key itself sits in the user data, which anyone who can ' +
    'describe the instance or reach its metadata service can read. An instance profile gives the instance ' +
    'short-lived credentials that rotate automatically and need no key at all.',
  severity: 'error',
  securitySeverity: 8.0,
  precision: 'high',
  cwe: ['CWE-798', 'CWE-522'],
  tags: ['security', 'aws', 'ec2', 'bootstrap'],
  kinds: ['shell', 'powershell', 'user-data', 'cloud-init'],
  // One defect, one finding: the generic key findings this rule's finding covers are absorbed.
  supersedes: ['no-hardcoded-access-key-id', 'no-hardcoded-secret-access-key', 'no-hardcoded-session-token'],
  keywords: CONFIGURE_KEYWORDS,
  messages: {
    configureSet:
      '`aws configure set {{key}}` stores AWS credentials on the machine; attach an IAM instance profile (role) instead and let the CLI use its temporary credentials',
    configureInteractive:
      '`aws configure` answered by {{input}} stores a long-lived access key on the machine; attach an IAM instance profile (role) instead and let the CLI use its temporary credentials',
    configureImport:
      '`aws configure import` copies IAM user access keys from a CSV file onto the machine; attach an IAM instance profile (role) instead and let the CLI use its temporary credentials',
  },
  recommendation: [
    'Remove `aws configure` from the bootstrap script and delete the IAM user key it used (it is in the user data and ',
    'in every image or instance built from it). Attach an IAM role to the instance through an instance profile ',
    '(`IamInstanceProfile` in CloudFormation, `iam_instance_profile` in Terraform); the AWS CLI and SDKs then get ',
    'temporary credentials from the instance metadata service with no configuration. Non-credential settings are ',
    'fine: `aws configure set region …` and `aws configure set output …`.',
  ].join(''),
  references: [
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html',
    'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles',
  ],
  defaultOptions: {},
  check(context) {
    const doc = context.document;
    // In an image build the same finding belongs to no-credentials-in-image (reported once,
    // under the most specific id).
    if (enclosingDockerfile(doc)) return;
    // A script called by a bootstrap script is reported by its own scan, at its own lines.
    if (isCalledScriptDocument(doc)) return;
    // Outside bootstrap contexts (a developer's setup script) this is still a stored key, but
    // a person usually runs it on purpose: a warning, not an error.
    const severity = isBootstrapContext(doc) ? undefined : 'warning';
    for (const use of findConfigureCredentialUses(doc)) {
      const messageId = use.form === 'set' ? 'configureSet' : use.form === 'import' ? 'configureImport' : 'configureInteractive';
      context.report({
        messageId,
        data: { key: use.key ?? '', input: use.input ?? '' },
        start: use.start,
        end: use.end,
        ...(use.secret ? { secrets: [use.secret] } : {}),
        identity: `${use.form}:${use.key ?? ''}:${doc.text.slice(use.start, use.end)}`,
        ...(severity ? { severity } : {}),
      });
    }
  },
});
