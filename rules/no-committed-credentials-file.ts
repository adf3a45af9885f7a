// https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#Using_CreateAccessKey
//
// A slot rule: the *practice* of committing a credentials file is the defect, whatever the
// values are. Unlike the free-text detectors (no-hardcoded-secret-access-key, …), it reports
// even the AWS documentation example keys: a `credentials` file in a repository is one edit
// away from holding real ones, and tools that read it (the CLI, SDKs, s3cmd, boto) will use
// whatever it holds. Placeholders (`${AWS_SECRET}`, `<YOUR_KEY>`, empty) are not keys, so a
// template with only placeholders is not reported.
import { defineRule } from '../src/rule.js';
import type { RuleContext, SecretKind, SecretRange } from '../src/rule.js';
import type { SourceDocument } from '../src/engine/document.js';
import { isPlaceholder } from '../src/detect/placeholders.js';
import {
  CREDENTIAL_KEYWORDS,
  credentialScan,
  normalizeCredentialName,
  type CredentialAssignment,
  type CredentialNameKind,
} from '../src/detect/credential-context.js';

/** Keys of the AWS shared credentials/config files and .boto (normalised). */
const SHARED_FILE_KEYS = new Set(['awsaccesskeyid', 'awssecretaccesskey', 'awssessiontoken', 'awssecuritytoken']);
/** s3cmd's `.s3cfg` keys (normalised): only trusted in files that are s3cmd configs. */
const S3CMD_KEYS = new Set(['accesskey', 'secretkey']);
/** The two variables the dotenv check looks for (normalised). */
const DOTENV_KEYS = new Set(['awsaccesskeyid', 'awssecretaccesskey']);

const SECTION_SOURCE = '^[ \\t]*\\[([^\\]\\r\\n]+)\\][ \\t]*\\r?$';
/** A fresh regex per use: a shared global one would carry lastIndex from one call into the next. */
const sectionPattern = () => new RegExp(SECTION_SOURCE, 'gm');
const INI_LINE = /^[ \t]*(?:\[[^\]\r\n]+\]|[\w.\- ]+[ \t]*[=:].*|[#;].*)?\r?$/;
const S3CMD_MARKER = /^[ \t]*(?:host_base|host_bucket|signature_v2|gpg_command)[ \t]*=/m;
const INI_AWS_KEY_LINE = /^[ \t]*aws_(?:access_key_id|secret_access_key)[ \t]*[=:]/m;

/**
 * The IAM console's access key download: `<user>_accessKeys.csv` (`Access key ID,Secret access key`)
 * and the older `credentials.csv` (`User name,Password,Access key ID,Secret access key,Console login link`).
 */
const CONSOLE_CSV_HEADER = /^\uFEFF?[ \t]*(?:"?User name"?[ \t]*,[ \t]*(?:"?Password"?[ \t]*,[ \t]*)?)?"?Access key ID"?[ \t]*,[ \t]*"?Secret access key"?/i;

const SECRET_KIND: Record<CredentialNameKind, SecretKind> = {
  'access-key-id': 'access-key-id',
  'secret-access-key': 'secret-access-key',
  'session-token': 'session-token',
};

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** A literal value: not empty, not a placeholder. Documentation examples count as literal here. */
function isLiteral(a: CredentialAssignment): boolean {
  return a.value.length > 0 && !isPlaceholder(a.value);
}

/**
 * Whether a plain-text file is INI: it has a section header, an `aws_…` key at a line start,
 * and at least 80% of its meaningful lines are INI syntax. That keeps out READMEs and code
 * that merely quote a credentials file.
 */
function looksLikeIni(text: string): boolean {
  // The key line first, behind a literal search (GB/s): both line-anchored patterns are tried at
  // every line start, and a README that mentions a secret has lots of lines and no key line.
  if (!(text.includes('aws_access_key_id') || text.includes('aws_secret_access_key')) || !INI_AWS_KEY_LINE.test(text)) return false;
  if (!sectionPattern().test(text)) return false;
  let meaningful = 0;
  let ini = 0;
  for (const line of text.split('\n', 5000)) {
    if (line.trim() === '') continue;
    meaningful++;
    if (INI_LINE.test(line)) ini++;
  }
  return meaningful > 0 && ini / meaningful >= 0.8;
}

interface CsvCell {
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

function splitCsvLine(line: string, lineStart: number): CsvCell[] {
  const cells: CsvCell[] = [];
  let pos = 0;
  for (const raw of line.split(',')) {
    let s = pos;
    let e = pos + raw.length;
    while (s < e && /[\s"]/.test(line[s] as string)) s++;
    while (e > s && /[\s"]/.test(line[e - 1] as string)) e--;
    cells.push({ value: line.slice(s, e), start: lineStart + s, end: lineStart + e });
    pos += raw.length + 1;
  }
  return cells;
}

export default defineRule({
  id: 'no-committed-credentials-file',
  description: 'Disallow committing AWS credentials files, console access key downloads and dotenv files with AWS keys',
  fullDescription:
    'An AWS shared credentials or config file with keys (whatever its name), an .s3cfg or .boto with keys, the CSV the ' +
    'IAM console offers when an access key is created, or a dotenv file that sets AWS_ACCESS_KEY_ID / ' +
    'AWS_SECRET_ACCESS_KEY to literal values does not belong in a repository: every clone, fork, CI cache and backup ' +
    'then holds a working key pair. This rule reports the practice, so it fires even on the AWS documentation example keys.',
  severity: 'error',
  securitySeverity: 9.0,
  precision: 'very-high',
  cwe: ['CWE-798', 'CWE-538'],
  tags: ['security', 'secrets', 'aws'],
  // `shell` for direnv's `.envrc`: a committed file of exports loaded into every shell in the directory.
  kinds: ['aws-config', 'text', 'dotenv', 'shell'],
  // One defect, one finding: the generic key findings this rule's finding covers are absorbed.
  supersedes: ['no-hardcoded-access-key-id', 'no-hardcoded-secret-access-key', 'no-hardcoded-session-token'],
  // Shared with the other credential rules: one scan per document.
  keywords: CREDENTIAL_KEYWORDS,
  messages: {
    credentialsFile:
      'AWS credentials file with static keys for {{profiles}} is committed; deactivate the keys, delete the file from the repository and its history, and keep credentials in ~/.aws outside any checkout',
    accessKeyCsv:
      'IAM console access key download ({{users}}) is committed; deactivate the key pair and delete the file from the repository and its history',
    dotenv:
      'dotenv file sets {{variables}} to literal values; deactivate the keys, remove them and let the SDK use an IAM role or a profile outside the repository',
  },
  recommendation: [
    'Deactivate the key pair in IAM first (a committed key must be treated as leaked), then delete the file and purge it ',
    'from history (`git filter-repo`, BFG). Add the file name to `.gitignore`. ',
    'Keep personal credentials in `~/.aws/credentials` outside any checkout — better, use `aws sso login` or a `credential_process` — ',
    'and give workloads an IAM role. For dotenv files, commit a `.env.example` with empty values or `${VAR}` references instead.',
  ].join(''),
  references: [
    'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles',
    'https://cwe.mitre.org/data/definitions/798.html',
  ],
  defaultOptions: {},
  check(context) {
    const { document } = context;
    if (document.kind === 'dotenv' || (document.kind === 'shell' && !document.host && /(?:^|\/)\.envrc$/i.test(document.path))) {
      return checkDotenv(document, context.report);
    }
    if (document.kind === 'shell') return;
    const { text } = document;
    if (CONSOLE_CSV_HEADER.test(text.trimStart())) return checkConsoleCsv(text, context.report);
    if (document.kind === 'aws-config' || looksLikeIni(text)) return checkIni(document, context.report);
  },
});

type Report = RuleContext['report'];

function secretRanges(assignments: readonly CredentialAssignment[]) {
  return assignments.map((a) => ({ start: a.valueStart, end: a.valueEnd, kind: SECRET_KIND[a.kind] }));
}

function checkIni(document: SourceDocument, report: Report): void {
  const { text } = document;
  const s3cmd = S3CMD_MARKER.test(text) || /(?:^|\/)\.?s3cfg$/i.test(document.path);
  const keys = credentialScan(document).assignments.filter((a) => {
    if (a.syntax !== 'assignment' || !isLiteral(a)) return false;
    // INI keys start their line; anything else is a value or a comment mentioning the name.
    if (text.slice(lineStartOf(text, a.nameStart), a.nameStart).trim() !== '') return false;
    const name = normalizeCredentialName(a.name);
    return SHARED_FILE_KEYS.has(name) || (s3cmd && S3CMD_KEYS.has(name));
  });
  const first = keys[0];
  if (!first) return;
  const sections = [...text.matchAll(sectionPattern())].map((m) => ({ label: `[${(m[1] as string).trim()}]`, start: m.index }));
  const profiles: string[] = [];
  for (const key of keys) {
    let label = '(no section)';
    for (const s of sections) if (s.start < key.nameStart) label = s.label;
    if (!profiles.includes(label)) profiles.push(label);
  }
  report({
    messageId: 'credentialsFile',
    data: { profiles: profiles.join(', ') },
    start: first.valueStart,
    end: first.valueEnd,
    secrets: secretRanges(keys),
    identity: first.value,
  });
}

function checkConsoleCsv(text: string, report: Report): void {
  const lines = text.split('\n');
  let offset = 0;
  let header: string[] | undefined;
  const rows: Array<{ user: string | undefined; cell: CsvCell; secrets: SecretRange[] }> = [];
  for (const rawLine of lines) {
    const line = rawLine.replace(/\r$/, '');
    const cells = splitCsvLine(line, offset);
    offset += rawLine.length + 1;
    if (line.trim() === '') continue;
    if (!header) {
      header = cells.map((c) => c.value.replace(/^\uFEFF/, '').toLowerCase());
      continue;
    }
    const id = cells[header.indexOf('access key id')];
    const secret = cells[header.indexOf('secret access key')];
    const userIndex = header.indexOf('user name');
    const cell = [id, secret].find((c): c is CsvCell => c !== undefined && c.value.length > 0 && !isPlaceholder(c.value));
    if (!cell) continue;
    const secrets: SecretRange[] = [];
    if (id?.value) secrets.push({ start: id.start, end: id.end, kind: 'access-key-id' });
    if (secret?.value) secrets.push({ start: secret.start, end: secret.end, kind: 'secret-access-key' });
    rows.push({ user: userIndex >= 0 ? cells[userIndex]?.value : undefined, cell, secrets });
  }
  const first = rows[0];
  if (!first) return;
  const users = [...new Set(rows.map((r) => r.user).filter((u): u is string => !!u))];
  report({
    messageId: 'accessKeyCsv',
    data: { users: users.length > 0 ? `user ${users.join(', ')}` : `${rows.length} key pair${rows.length === 1 ? '' : 's'}` },
    start: first.cell.start,
    end: first.cell.end,
    secrets: rows.flatMap((r) => r.secrets),
    identity: first.cell.value,
  });
}

function checkDotenv(document: SourceDocument, report: Report): void {
  const { text } = document;
  const keys = credentialScan(document).assignments.filter((a) => {
    if (a.kind === 'session-token') return false;
    if (a.syntax !== 'assignment' || !isLiteral(a)) return false;
    if (!DOTENV_KEYS.has(normalizeCredentialName(a.name)) || !/^[A-Z_]+$/.test(a.name)) return false;
    return /^[ \t]*(?:export[ \t]+)?$/.test(text.slice(lineStartOf(text, a.nameStart), a.nameStart));
  });
  const first = keys[0];
  if (!first) return;
  report({
    messageId: 'dotenv',
    data: { variables: [...new Set(keys.map((k) => k.name))].join(' and ') },
    start: first.valueStart,
    end: first.valueEnd,
    secrets: secretRanges(keys),
    identity: first.value,
  });
}
