// https://docs.aws.amazon.com/sdkref/latest/guide/standardized-credentials.html
// https://docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/setting-credentials-node.html
// Code that hands static keys to an AWS SDK client bypasses the default credential provider
// chain — the chain that finds an instance profile, a task role or SSO credentials without a
// key in the code. JS/TS is read on its syntax tree (src/js/), the other SDKs by their
// static-credential constructors on a comment- and string-aware token stream.
import { defineRule, type Severity } from '../src/rule.js';
import type { SourceDocument } from '../src/engine/document.js';
import { accessKeyIdPattern, isDocumentationExampleKeyId, isDocumentationExampleSecret, isDocumentationExampleToken, isImplausibleKeyId } from '../src/detect/aws-keys.js';
import { isPlaceholder } from '../src/detect/placeholders.js';
import { findCodeCredentials, SDK_CODE_KEYWORDS_SOURCE } from '../src/detect/sdk-credentials-code.js';
import { codeFamilyOf } from '../src/parsers/code-tokens.js';
import { programFor } from '../src/js/parse.js';
import { findSdkCredentials, SDK_JS_KEYWORDS_SOURCE, type CredentialSlotKind } from '../src/js/sdk-credentials.js';

const JS_KEYWORDS = new RegExp(SDK_JS_KEYWORDS_SOURCE);
const CODE_KEYWORDS = new RegExp(SDK_CODE_KEYWORDS_SOURCE);

const SLOT_LABEL: Record<CredentialSlotKind, string> = {
  'access-key-id': 'An access key id',
  'secret-access-key': 'A secret access key',
  'session-token': 'A session token',
};

interface Slot {
  readonly kind: CredentialSlotKind;
  readonly api: string;
  readonly value: string;
  readonly start: number;
  readonly end: number;
  readonly valueStart: number;
  readonly valueEnd: number;
}

/** Slots of a document: the JS/TS tree for `javascript`, the token matchers for the other SDK languages. */
export function sdkCredentialSlots(doc: SourceDocument): readonly Slot[] {
  if (doc.kind === 'javascript') {
    // The rule's keywords are the union over languages; a JS file is parsed only on its own.
    if (!JS_KEYWORDS.test(doc.text)) return [];
    const program = programFor(doc);
    return program ? findSdkCredentials(program, doc.text) : [];
  }
  const family = codeFamilyOf(doc.language);
  return family && CODE_KEYWORDS.test(doc.text) ? findCodeCredentials(doc.text, family) : [];
}

/** A value shaped like a live credential of its kind (not a placeholder, a stand-in or the AWS documentation example). */
function looksLive(kind: CredentialSlotKind, value: string): boolean {
  if (isPlaceholder(value)) return false;
  switch (kind) {
    case 'access-key-id': {
      const m = value.match(accessKeyIdPattern());
      return m !== null && m[0] === value && !isImplausibleKeyId(value) && !isDocumentationExampleKeyId(value);
    }
    case 'secret-access-key':
      return /^[A-Za-z0-9/+]{40}$/.test(value) && !isDocumentationExampleSecret(value);
    case 'session-token':
      return value.length >= 100 && !isDocumentationExampleToken(value);
  }
}

export default defineRule({
  id: 'no-hardcoded-sdk-credentials',
  description: 'Disallow static credentials passed to AWS SDK clients in code',
  fullDescription:
    'Code that passes an access key id, a secret access key or a session token to an AWS SDK client, a credentials ' +
    'object or the process environment bypasses the default credential provider chain, which finds short-lived ' +
    'credentials from the environment, the shared config (SSO), the container or the instance role by itself. ' +
    'Even a placeholder in that slot means the code is written to carry keys.',
  severity: 'error',
  securitySeverity: 8.5,
  precision: 'high',
  cwe: ['CWE-798'],
  tags: ['security', 'secrets', 'aws', 'sdk'],
  kinds: ['javascript', 'text'],
  // A coarse superset of every language's keywords (one short alternation scans ~3x faster than
  // their union); each language then applies its exact pre-filter before any parse or tokenizing
  // (JS/TS needs a parse, and @typescript-eslint/parser is loaded only then).
  keywords: /(?:[Aa]ccess|ecret)_?[A-Z]?[a-z]*[Kk]ey|redentials|AWS_|aws_|from_keys|Amazon\w*Client/,
  messages: {
    hardcoded: "{{slot}} is hard-coded in {{api}}; remove it and let the SDK's default credential provider chain (environment, SSO, container or instance role) supply credentials",
    placeholder: "{{slot}} slot in {{api}} holds a placeholder or example value; the code still bypasses the SDK's default credential provider chain",
  },
  recommendation: [
    'Remove the credentials from the client configuration and rely on the default credential provider chain: ',
    'an instance profile on EC2, a task role on ECS, an execution role on Lambda, `aws sso login` or environment ',
    'variables on a workstation, OIDC federation in CI. If a key was committed, deactivate it in IAM first.',
  ].join(''),
  references: [
    'https://docs.aws.amazon.com/sdkref/latest/guide/standardized-credentials.html',
    'https://docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/setting-credentials-node.html',
    'https://boto3.amazonaws.com/v1/documentation/api/latest/guide/credentials.html',
    'https://docs.aws.amazon.com/sdk-for-java/latest/developer-guide/credentials.html',
    'https://cwe.mitre.org/data/definitions/798.html',
  ],
  // One finding per value: a key written into an SDK slot is reported here, under the more
  // specific id, instead of also by the generic key rules at the same range.
  supersedes: ['no-hardcoded-access-key-id', 'no-hardcoded-secret-access-key', 'no-hardcoded-session-token'],
  defaultOptions: {},
  check(context) {
    for (const slot of sdkCredentialSlots(context.document)) {
      const live = looksLive(slot.kind, slot.value);
      const severity: Severity | undefined = live ? undefined : 'warning';
      context.report({
        messageId: live ? 'hardcoded' : 'placeholder',
        data: { slot: SLOT_LABEL[slot.kind], api: slot.api },
        start: slot.start,
        end: slot.end,
        ...(live ? { secrets: [{ start: slot.valueStart, end: slot.valueEnd, kind: slot.kind }] } : {}),
        identity: `${slot.kind}\0${slot.value}`,
        ...(severity ? { severity } : {}),
      });
    }
  },
});
