// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
import { defineRule } from '../src/rule.js';
import {
  accessKeyIdMatches,
  decodeAccountId,
  isImplausibleKeyId,
  keyIdType,
} from '../src/detect/aws-keys.js';
import { displaySecret } from '../src/detect/display.js';
import { KEY_LITERAL_KEYWORDS } from '../src/detect/credential-context.js';

const KEY_TYPE_LABEL = {
  'long-term': 'a long-term IAM user key',
  temporary: 'a temporary STS key',
  other: 'an AWS key',
} as const;

export default defineRule({
  id: 'no-hardcoded-access-key-id',
  description: 'Disallow AWS access key ids in source, configuration and scripts',
  fullDescription:
    'An AWS access key id (AKIA…, ASIA…, ABIA…, ACCA…, A3T…) written into a file is half of a credential pair and is ' +
    'usually committed together with its secret. Anyone who can read the repository, an image layer or a build log ' +
    'can then act as that identity. Workloads should get short-lived credentials from an IAM role instead.',
  severity: 'error',
  securitySeverity: 9.0,
  precision: 'high',
  cwe: ['CWE-798'],
  tags: ['security', 'secrets', 'aws'],
  kinds: 'all',
  // Key ids and STS headers, memoised per document and shared with the other credential
  // rules (see credential-context.ts), so enabling all of them adds one scan, not four.
  keywords: KEY_LITERAL_KEYWORDS,
  messages: {
    hardcoded: 'AWS access key id {{key}} is hard-coded ({{keyType}}{{account}}); deactivate it and let the SDK load credentials from an IAM role',
  },
  recommendation: [
    'Deactivate and delete the key in IAM (it must be treated as leaked once committed), then remove it from the file and from history. ',
    'Give the workload an IAM role instead: an instance profile on EC2, a task role on ECS, an execution role on Lambda, ',
    'OIDC federation in CI. The AWS SDKs and CLI find those credentials through the default credential provider chain, ',
    'so the code needs no key at all.',
  ].join(''),
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles',
    'https://cwe.mitre.org/data/definitions/798.html',
  ],
  defaultOptions: {},
  check(context) {
    const { text } = context.document;
    const { allowAccountIds, denyAccountIds } = context.settings;
    for (const match of accessKeyIdMatches(text)) {
      const key = match.value;
      const account = decodeAccountId(key);
      const denied = account !== undefined && denyAccountIds.includes(account);
      if (!denied) {
        // Documentation examples, upper-case word runs and typed stand-ins
        // (`AKIA` and sixteen `X`) are not leaked keys.
        if (isImplausibleKeyId(key)) continue;
        if (account !== undefined && allowAccountIds.includes(account)) continue;
      }
      const start = match.index;
      const end = start + key.length;
      context.report({
        messageId: 'hardcoded',
        data: {
          key: displaySecret(key, 'access-key-id', context.settings),
          keyType: KEY_TYPE_LABEL[keyIdType(key)],
          account: account === undefined ? '' : `, account ${account}`,
        },
        start,
        end,
        secrets: [{ start, end, kind: 'access-key-id' }],
        identity: key,
      });
    }
  },
});
