// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles
//
// A secret access key is 40 characters of base64 alphabet with no prefix, so the shape alone
// would flag every git SHA, integrity hash and minified identifier run. The rule therefore
// needs two things: context (a credential name labels the value, or an access key id sits
// within a few lines) and randomness (entropy and character-class mix, see entropy.ts).
import { defineRule } from '../src/rule.js';
import { isDocumentationExampleSecret } from '../src/detect/aws-keys.js';
import { looksLikeSecretAccessKey } from '../src/detect/entropy.js';
import {
  CREDENTIAL_KEYWORDS,
  acceptSecretValue,
  credentialScan,
  secretCandidatesNearAny,
} from '../src/detect/credential-context.js';
import { displaySecret } from '../src/detect/display.js';
import { decodeSecretEscapes } from '../src/detect/encoded.js';

export default defineRule({
  id: 'no-hardcoded-secret-access-key',
  description: 'Disallow AWS secret access keys in source, configuration and scripts',
  fullDescription:
    'An AWS secret access key written into a file — assigned to a credential name in code or configuration, passed as ' +
    'a CLI flag, or pasted next to its access key id — lets anyone who can read the repository, an image layer or a ' +
    'build log sign requests as that IAM identity until the key is deactivated. Workloads should get short-lived ' +
    'credentials from an IAM role instead.',
  severity: 'error',
  securitySeverity: 9.5,
  precision: 'high',
  cwe: ['CWE-798'],
  tags: ['security', 'secrets', 'aws'],
  kinds: 'all',
  // A secret is found by its name (`…secret…`) or next to a key id; files with neither are
  // skipped unread. The pre-filter and the name scan are shared with the other credential rules.
  keywords: CREDENTIAL_KEYWORDS,
  messages: {
    hardcoded:
      'AWS secret access key {{secret}} is hard-coded ({{context}}); deactivate the key pair and let the SDK load credentials from an IAM role',
  },
  recommendation: [
    'Deactivate and delete the key pair in IAM: once committed it must be treated as leaked, even after the file is fixed. ',
    'Remove the value from the file and from the repository history. ',
    'Then give the workload an IAM role (an instance profile on EC2, a task role on ECS, an execution role on Lambda, ',
    'OIDC federation in CI); the AWS SDKs and CLI pick those credentials up through the default credential provider chain. ',
    'Where a static secret is truly unavoidable, read it at run time from AWS Secrets Manager or SSM Parameter Store, never from the source.',
  ].join(''),
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles',
    'https://docs.aws.amazon.com/sdkref/latest/guide/standardized-credentials.html',
    'https://cwe.mitre.org/data/definitions/798.html',
  ],
  defaultOptions: {},
  check(context) {
    const { document, settings } = context;
    const { text } = document;
    const lineOf = (offset: number) => document.lines.lineOf(offset);
    const { assignments, keyIds } = credentialScan(document);
    const seen = new Set<number>();

    const consider = (value: string, start: number, end: number, label: string | undefined) => {
      if (seen.has(start)) return;
      seen.add(start);
      // The documentation example secret is published in every AWS guide: text that quotes
      // it is documentation, not a leak (acceptSecretValue keeps it next to a deny-listed id).
      const verdict = acceptSecretValue(value, lineOf(start), keyIds, settings, {
        looksLike: looksLikeSecretAccessKey,
        isExample: isDocumentationExampleSecret,
      });
      if (!verdict) return;
      const { pair } = verdict;
      const where =
        label !== undefined
          ? `assigned to ${label}`
          : `next to access key id ${displaySecret(pair?.value ?? '', 'access-key-id', settings)}`;
      context.report({
        messageId: 'hardcoded',
        data: { secret: displaySecret(value, 'secret-access-key', settings), context: where },
        start,
        end,
        secrets: [{ start, end, kind: 'secret-access-key' }],
        identity: value,
      });
    };

    // 1. Values labelled with a secret-key name, in any syntax (see credential-context.ts);
    //    written JSON-escaped or URL-encoded (`…\/…`, `…%2F…`) they are reported at the encoded range.
    for (const a of assignments) {
      if (a.kind !== 'secret-access-key') continue;
      const value = decodeSecretEscapes(a.value);
      if (value.length === 40) consider(value, a.valueStart, a.valueEnd, a.name.replace(/^-+/, ''));
    }
    // 2. Unlabelled 40-char values within a few lines of a key id: `new BasicAWSCredentials(id, secret)`,
    //    `Aws::Credentials.new(id, secret)`, CSV rows, `'key' => …, 'secret' => …`.
    for (const c of secretCandidatesNearAny(text, keyIds.map((id) => id.start), looksLikeSecretAccessKey)) consider(c.value, c.start, c.end, undefined);
  },
});
