// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_use-resources.html
// https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html
//
// Temporary credentials (an ASIA… key id, a secret and a session token) are what
// `aws sts get-session-token`, `assume-role` and SSO print; people paste them into scripts,
// notebooks and .env files to "just make it work". They expire, but for up to 36 hours
// (12 h for roles) anyone holding the file can act with them, and the habit usually means
// long-term keys are one copy-paste away.
import { defineRule } from '../src/rule.js';
import { isDocumentationExampleSecret, isDocumentationExampleToken } from '../src/detect/aws-keys.js';
import { SESSION_TOKEN_PREFIXES, looksLikeSecretAccessKey, looksLikeSessionToken } from '../src/detect/entropy.js';
import { isPlaceholder } from '../src/detect/placeholders.js';
import {
  CREDENTIAL_KEYWORDS,
  KEY_LITERAL_KEYWORDS,
  acceptSecretValue,
  accountListing,
  credentialScan,
  firstSecretCandidateNear,
  type KeyIdOccurrence,
} from '../src/detect/credential-context.js';
import { displaySecret } from '../src/detect/display.js';
import { decodeSecretEscapes, encodedRuns, hasSecretEscape } from '../src/detect/encoded.js';

/**
 * A token that starts with a known STS header needs no name to be recognised: the prefix is
 * 13–16 characters of a binary header no other format shares.
 */
const PREFIXED_TOKEN = new RegExp(
  `(?<![A-Za-z0-9+/])(?:${SESSION_TOKEN_PREFIXES.join('|')})[A-Za-z0-9+/]{84,}={0,2}(?![A-Za-z0-9+/=])`,
  'g',
);

/**
 * Whether the token at [start, end) is the X-Amz-Security-Token of a presigned URL: an
 * `X-Amz-Credential=<key id>` before it in the same URL (the nearest key id, a binary search)
 * or an `X-Amz-Signature=` right after it.
 */
function inPresignedUrl(text: string, keyIds: readonly KeyIdOccurrence[], start: number, end: number, line: number): boolean {
  if (!/[?&]x-amz-security-token=$/i.test(text.slice(Math.max(0, start - 22), start))) return false;
  if (/^&(?:[\w-]+=[^&\s"'<>]*&){0,8}x-amz-signature=[0-9a-f]{64}/i.test(text.slice(end, end + 2048))) return true;
  let lo = 0;
  let hi = keyIds.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keyIds[mid] as KeyIdOccurrence).end <= start) lo = mid + 1;
    else hi = mid;
  }
  const id = keyIds[lo - 1];
  if (!id || id.line !== line || start - id.end > 4096) return false;
  if (!/x-amz-credential=$/i.test(text.slice(Math.max(0, id.start - 17), id.start))) return false;
  return !/\s/.test(text.slice(id.end, start));
}

/** `on the same line`, `1 line below`, `3 lines above`: relative, so it holds inside embedded documents too. */
function relativeLine(delta: number): string {
  if (delta === 0) return 'on the same line';
  const n = Math.abs(delta);
  return `${n} line${n === 1 ? '' : 's'} ${delta > 0 ? 'below' : 'above'}`;
}

const STS_HEADER = /IQoJ|FwoG|AQoD/;

function isPastedSecret(value: string): boolean {
  return looksLikeSecretAccessKey(value) && !isDocumentationExampleSecret(value) && !isPlaceholder(value);
}

export default defineRule({
  id: 'no-hardcoded-session-token',
  description: 'Disallow AWS session tokens and pasted temporary credentials in source, configuration and scripts',
  fullDescription:
    'An STS session token (aws_session_token, AWS_SESSION_TOKEN, SessionToken) or a temporary access key id (ASIA…) ' +
    'pasted together with its secret grants whatever the session grants until it expires — up to 36 hours — to anyone ' +
    'who can read the file, and pasting them is a sign that credentials are handled by hand. Credentials should come from ' +
    'the runtime (an IAM role, SSO or credential_process), never from the file.',
  severity: 'error',
  securitySeverity: 8.0,
  precision: 'high',
  cwe: ['CWE-798'],
  tags: ['security', 'secrets', 'aws'],
  kinds: 'all',
  // Shared with the other credential rules: one scan per document (token names hold `oken`).
  keywords: CREDENTIAL_KEYWORDS,
  messages: {
    sessionToken:
      'AWS session token {{token}} is hard-coded ({{context}}); remove it and let the SDK obtain temporary credentials at run time',
    temporaryCredentials:
      'Temporary AWS credentials are pasted in: access key id {{key}} with its secret access key {{where}}; remove them and use an IAM role, SSO or credential_process',
  },
  recommendation: [
    'Remove the token and its key pair from the file and from history, and revoke the session if it may still be valid ',
    '(for a role session: revoke active sessions on the role; for get-session-token: deactivate the long-term key that issued it). ',
    'Let the runtime supply temporary credentials instead: an IAM role for the workload, `aws sso login` or a ',
    '`credential_process` for people, OIDC federation in CI. The SDKs refresh those automatically.',
  ].join(''),
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_use-resources.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html',
    'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html',
    'https://docs.aws.amazon.com/sdkref/latest/guide/standardized-credentials.html',
    'https://cwe.mitre.org/data/definitions/798.html',
  ],
  defaultOptions: {},
  // A pasted ASIA id with its secret is one problem: temporary credentials, not a stray key id.
  supersedes: ['no-hardcoded-access-key-id', 'no-hardcoded-secret-access-key'],
  check(context) {
    const { document, settings } = context;
    const { text } = document;
    const lineOf = (offset: number) => document.lines.lineOf(offset);
    const { assignments, keyIds } = credentialScan(document);
    const seen = new Set<number>();

    const reportToken = (value: string, start: number, end: number, label: string) => {
      if (seen.has(start)) return;
      seen.add(start);
      // The example tokens of the AWS guides (…VERYLONGSTRINGEXAMPLE) are quoted in READMEs and
      // tests everywhere: documentation, not a leak (unless next to a deny-listed account's id).
      if (!acceptSecretValue(value, lineOf(start), keyIds, settings, { looksLike: looksLikeSessionToken, isExample: isDocumentationExampleToken })) return;
      // A presigned URL (`…&X-Amz-Credential=ASIA…%2F…&X-Amz-Security-Token=…&X-Amz-Signature=…`)
      // is a link made to be shared: its token signs nothing without the secret key, which the
      // URL does not hold, and it expires with the link (Notion and other exports are full of
      // them, holding the exporter's credentials, not the repository's). Not a finding; the
      // token is still masked in every output, and a key id in X-Amz-Credential is reported
      // as a key id. X-Amz-Signature is an HMAC, never a key.
      if (inPresignedUrl(text, keyIds, start, end, lineOf(start))) return;
      context.report({
        messageId: 'sessionToken',
        data: { token: displaySecret(value, 'session-token', settings), context: label },
        start,
        end,
        secrets: [{ start, end, kind: 'session-token' }],
        identity: value,
      });
    };

    // 1. Values of session-token names in any syntax.
    for (const a of assignments) {
      if (a.kind === 'session-token') reportToken(decodeSecretEscapes(a.value), a.valueStart, a.valueEnd, `assigned to ${a.name.replace(/^-+/, '')}`);
    }
    // 2. Tokens recognisable by their STS header wherever they are (a cheap literal check first).
    // KEY_LITERAL_KEYWORDS (memoised, free here) holds the headers: most documents stop there.
    // Encoded first: the plain pattern would take the part before the first escape (same start, so skipped).
    // URL-encoded or JSON-escaped (a presigned URL's X-Amz-Security-Token: `…%2B…%3D`), at the encoded range.
    if (KEY_LITERAL_KEYWORDS.test(text) && STS_HEADER.test(text) && hasSecretEscape(text)) for (const r of encodedRuns(text)) {
      if (r.value.length - r.padding >= 84 && SESSION_TOKEN_PREFIXES.some((p) => r.value.startsWith(p))) reportToken(r.value, r.start, r.end, 'STS token header');
    }
    if (KEY_LITERAL_KEYWORDS.test(text) && STS_HEADER.test(text)) for (const m of text.matchAll(PREFIXED_TOKEN)) {
      reportToken(m[0], m.index, m.index + m[0].length, 'STS token header');
    }
    // 3. ASIA… ids with a secret within a few lines: temporary credentials pasted in.
    for (const id of keyIds) {
      if (!id.value.startsWith('ASIA')) continue;
      if (accountListing(id.account, settings) === 'allow') continue;
      const secret = firstSecretCandidateNear(text, id.start, isPastedSecret);
      if (!secret) continue;
      context.report({
        messageId: 'temporaryCredentials',
        data: { key: displaySecret(id.value, 'access-key-id', settings), where: relativeLine(lineOf(secret.start) - id.line) },
        start: id.start,
        end: id.end,
        secrets: [
          { start: id.start, end: id.end, kind: 'access-key-id' },
          { start: secret.start, end: secret.end, kind: 'secret-access-key' },
        ],
        identity: id.value,
      });
    }
  },
});
