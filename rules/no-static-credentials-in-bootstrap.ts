// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html
// https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-envvars.html
import { defineRule, type RuleContext, type SecretKind } from '../src/rule.js';
import type { SourceDocument } from '../src/engine/document.js';
import { enclosingDockerfile } from '../src/parsers/dockerfile.js';
import { awsCredentialVariable, awsCredentialVariableIgnoreCase, AWS_CREDENTIAL_VARIABLE_SOURCE } from '../src/detect/aws-env-vars.js';
import {
  assignmentBefore,
  awsInvocation,
  fileWrites,
  shellScript,
  type FileWrite,
  type ShellAssignment,
  type ShellScript,
  type ShellWord,
} from '../src/parsers/shell.js';
import { cloudConfig } from '../src/parsers/cloud-init.js';
import { isBootstrapContext, windowsBlocks, windowsStatements, windowsWords, type WindowsStatement } from '../src/parsers/user-data.js';

type Context = RuleContext<Record<string, unknown>>;

/** User-data templates (`user-data.sh.tpl`, `cloud-init.tftpl`): their `${x}` is filled in before upload. */
const TEMPLATE_PATH = /(?:user-?data|userdata|cloud-?init)[^/]*$|\.(?:tpl|tftpl|tmpl|j2)$/i;

/** Shared credentials file: any content written there is a stored key. */
const CREDENTIALS_PATH = /(?:^|[\\/])\.aws[\\/]credentials$|^\$\{?AWS_SHARED_CREDENTIALS_FILE\}?$/i;
/** Files that hold keys only when the written content says so. */
const CONFIG_PATH = /(?:^|[\\/])\.aws[\\/]config$|^\$\{?AWS_CONFIG_FILE\}?$|(?:^|[\\/])(?:boto\.cfg|\.boto|\.s3cfg)$/i;
/** Content that carries a key: INI keys of the CLI/boto/s3cmd, or a key id shape. */
const KEY_CONTENT = /aws_(?:access_key_id|secret_access_key|session_token|security_token)|^\s*(?:access|secret)_key\s*=|\b(?:AKIA|ASIA)[A-Z2-7]{16}\b/im;

/**
 * Command substitutions that fetch a secret at run time (Secrets Manager, Parameter Store,
 * Vault, a BuildKit secret mount, the instance's own role via IMDS or STS): the value is not
 * in the script.
 */
const RUNTIME_FETCH =
  /\baws\s+(?:[^|;]*\s)?(?:secretsmanager|ssm|sts|kms)\b|\bvault\b|\/run\/secrets\/|169\.254\.169\.254|fd00:ec2::254|\bcredential[_-]process\b|\baws\s+configure\s+(?:get|export-credentials)\b|\bjq\b|\bgcloud\s+secrets\b|\baz\s+keyvault\b|\bop\s+read\b|\bchamber\b|\bsops\b/i;

/** `$(echo QUtJQ… | base64 -d)`: an encoded literal is still a literal. */
function isEncodedLiteral(word: ShellWord): boolean {
  return word.substitutions.some((s) => /^\s*(?:echo|printf)\s+(?:-\w+\s+)*["']?[A-Za-z0-9+/=]{16,}["']?\s*\|\s*(?:base64|openssl\s+base64)\s+(?:-d|--decode|-D)\b/.test(s.text));
}

function trimQuotes(value: string): string {
  return value.replace(/^["']|["']$/g, '');
}

interface Verdict {
  readonly reason: 'literal' | 'forwarded';
  /** The literal value's range, to mask. */
  readonly secret?: { start: number; end: number };
  readonly via?: string;
}

/** Whether an assignment's value is a static credential (literal, or a variable holding one). */
function judgeValue(script: ShellScript, a: ShellAssignment, allowForwarded: boolean, depth = 0): Verdict | undefined {
  const value = a.value;
  if (!value || (value.value ?? value.loose) === '') return undefined;
  if (value.kind === 'literal') return { reason: 'literal', secret: { start: value.contentStart, end: value.contentEnd } };
  if (value.kind === 'command-substitution') {
    if (isEncodedLiteral(value)) return { reason: 'literal' };
    // Any other command output is produced at run time: a secret store, STS, the metadata service.
    return undefined;
  }
  // An expansion: follow the variables it reads within the script.
  const others = value.variables.filter((v) => v !== a.name);
  if (others.length === 0) {
    // `export AWS_ACCESS_KEY_ID=$AWS_ACCESS_KEY_ID` re-exports; an unparsable `${…}` is a
    // template placeholder filled in before upload.
    return allowForwarded && value.variables.length === 0 && value.text.includes('${') ? { reason: 'forwarded' } : undefined;
  }
  let forwarded = false;
  for (const name of others) {
    const source = assignmentBefore(script, name, a.start);
    if (!source) {
      forwarded = true;
      continue;
    }
    if (depth >= 4) continue;
    const inner = judgeValue(script, source, allowForwarded, depth + 1);
    if (inner?.reason === 'literal') return { reason: 'literal', ...(inner.secret ? { secret: inner.secret } : {}), via: name };
    if (!inner) return undefined;
  }
  if (forwarded && allowForwarded && !RUNTIME_FETCH.test(value.text)) return { reason: 'forwarded' };
  return undefined;
}

function reportAssignments(context: Context, script: ShellScript, allowForwarded: boolean): void {
  for (const a of script.assignments) {
    const kind = awsCredentialVariable(a.name);
    if (!kind) continue;
    const verdict = judgeValue(script, a, allowForwarded);
    if (!verdict) continue;
    context.report({
      messageId: verdict.reason === 'literal' ? 'literalVariable' : 'forwardedVariable',
      // The value as written in the document (`${var.key}`, `"$KEY"`), not the neutralised form.
      data: { name: a.name, via: a.value ? context.document.text.slice(a.value.start, a.value.end) : '' },
      start: a.nameStart,
      end: a.nameEnd,
      ...(verdict.secret ? { secrets: [{ ...verdict.secret, kind }] } : {}),
      identity: `variable:${a.name}`,
    });
  }
}

function isCredentialFileWrite(path: string, content: string | undefined, copy: boolean): boolean {
  const clean = trimQuotes(path).replace(/["']/g, '');
  // Anything written to the shared credentials file is a key (unknown content included);
  // only an explicitly empty write (`: > ~/.aws/credentials`) is not.
  if (CREDENTIALS_PATH.test(clean)) return copy || content === undefined || content.trim() !== '';
  if (CONFIG_PATH.test(clean)) return content !== undefined && KEY_CONTENT.test(content);
  return false;
}

function reportFileWrites(context: Context, script: ShellScript): void {
  // A file built line by line (`echo "[default]" > f; echo "aws_access_key_id=…" >> f; …`) is
  // one stored key, not one per line: report each target once, at the write that carries the
  // key when the content shows it, else at its first write.
  const chosen = new Map<string, FileWrite>();
  for (const write of fileWrites(script)) {
    if (!isCredentialFileWrite(write.target.loose, write.content, write.via === 'copy')) continue;
    const key = trimQuotes(write.target.loose).replace(/["']/g, '');
    const previous = chosen.get(key);
    const carriesKey = write.content !== undefined && KEY_CONTENT.test(write.content);
    const previousCarriesKey = previous?.content !== undefined && KEY_CONTENT.test(previous.content);
    if (!previous || (carriesKey && !previousCarriesKey)) chosen.set(key, write);
  }
  for (const write of chosen.values()) {
    context.report({
      messageId: 'credentialsFile',
      data: { path: context.document.text.slice(write.target.contentStart, write.target.contentEnd) },
      start: write.target.contentStart,
      end: write.target.contentEnd,
      identity: `file:${write.target.loose}`,
    });
  }
}

function reportCreateAccessKey(context: Context, script: ShellScript): void {
  for (const command of script.commands) {
    const aws = awsInvocation(command);
    if (aws?.service?.value !== 'iam' || aws.args[0]?.value !== 'create-access-key') continue;
    const op = aws.args[0];
    context.report({ messageId: 'createAccessKey', start: op.start, end: op.end, identity: 'iam:create-access-key' });
  }
}

function reportCloudConfig(context: Context, doc: SourceDocument): void {
  const config = cloudConfig(doc);
  if (!config) return;
  for (const file of config.writeFiles) {
    if (!file.path) continue;
    if (!isCredentialFileWrite(file.path.value, file.content?.value ?? '', false)) continue;
    const quote = /["']/.test(doc.text[file.path.start] ?? '') ? 1 : 0;
    context.report({
      messageId: 'credentialsFile',
      data: { path: file.path.value },
      start: file.path.start + quote,
      end: file.path.end - quote,
      identity: `file:${file.path.value}`,
    });
  }
}

const PS_ENV = new RegExp(`\\$env:(${AWS_CREDENTIAL_VARIABLE_SOURCE})\\s*=\\s*(.+)$`, 'is');
const PS_SETENV = new RegExp(`SetEnvironmentVariable\\(\\s*["'](${AWS_CREDENTIAL_VARIABLE_SOURCE})["']\\s*,\\s*(["'])([^"']*)\\2`, 'i');
const CMD_SET = new RegExp(`^@?set\\s+"?(${AWS_CREDENTIAL_VARIABLE_SOURCE})=([^"\\r\\n]*)`, 'i');
const PS_WRITE_VERB = /\b(?:Set-Content|Add-Content|Out-File|New-Item|Copy-Item|Move-Item|Read-S3Object|copy|xcopy|move)\b|>/i;
const WIN_CREDENTIALS_PATH = /[\\/]\.aws[\\/]credentials\b/i;

/** A PowerShell/batch value that is written out (a quoted literal or a bare word), not computed. */
function isWindowsLiteral(value: string): boolean {
  const v = value.trim();
  if (v === '' || v === '""' || v === "''") return false;
  if (/^'[^']*'$/.test(v)) return true;
  if (/^"[^"$]*"$/.test(v)) return true;
  return /^[^\s$(%"'[]+$/.test(v);
}

function reportWindows(context: Context, doc: SourceDocument): void {
  for (const block of windowsBlocks(doc)) {
    for (const statement of windowsStatements(doc, block)) {
      windowsStatement(context, statement);
    }
  }
}

function windowsStatement(context: Context, statement: WindowsStatement): void {
  const text = statement.text;
  const report = (messageId: string, start: number, end: number, identity: string, kind?: SecretKind, secret?: { start: number; end: number }, name?: string) =>
    context.report({
      messageId,
      data: { name: name ?? text.slice(start - statement.start, end - statement.start), path: text.slice(start - statement.start, end - statement.start), via: '' },
      start,
      end,
      identity,
      ...(secret && kind ? { secrets: [{ ...secret, kind }] } : {}),
    });
  let m = PS_ENV.exec(text);
  if (m) {
    const name = m[1] as string;
    const value = (m[2] as string).split(/[;\r\n]/)[0] ?? '';
    const kind = awsCredentialVariableIgnoreCase(name);
    if (kind && isWindowsLiteral(value)) {
      const at = statement.start + (m.index as number) + '$env:'.length;
      report('literalVariable', at, at + name.length, `variable:${name.toUpperCase()}`);
    }
  }
  m = PS_SETENV.exec(text);
  if (m && (m[3] ?? '') !== '') {
    const name = m[1] as string;
    const at = statement.start + (m.index as number) + m[0].indexOf(name);
    report('literalVariable', at, at + name.length, `variable:${name.toUpperCase()}`);
  }
  const words = windowsWords(statement);
  const first = words[0]?.value.toLowerCase().replace(/^@/, '');
  if (first === 'setx' && words[1] && words[2]) {
    const kind = awsCredentialVariableIgnoreCase(words[1].value);
    if (kind && isWindowsLiteral(words[2].quote ? `${words[2].quote}${words[2].value}${words[2].quote}` : words[2].value)) {
      report('literalVariable', words[1].contentStart, words[1].contentEnd, `variable:${words[1].value.toUpperCase()}`);
    }
  }
  m = CMD_SET.exec(text);
  if (m && first === 'set') {
    const name = m[1] as string;
    const value = m[2] as string;
    if (value !== '' && !/[%!$]/.test(value)) {
      const at = statement.start + m[0].indexOf(name);
      report('literalVariable', at, at + name.length, `variable:${name.toUpperCase()}`);
    }
  }
  // AWS Tools for PowerShell: Set-AWSCredential -AccessKey … -SecretKey … (-StoreAs) stores a key profile.
  if (/^(?:Set-AWSCredentials?|Initialize-AWSDefaultConfiguration|Initialize-AWSDefaults)$/i.test(words[0]?.value ?? '')) {
    const param = words.find((w) => /^-SecretKey$/i.test(w.value)) ?? words.find((w) => /^-AccessKey$/i.test(w.value));
    if (param) report('powershellCredentials', param.start, param.end, `ps:${words[0]?.value.toLowerCase()}`, undefined, undefined, words[0]?.value);
  }
  if (PS_WRITE_VERB.test(text)) {
    const target = words.find((w) => WIN_CREDENTIALS_PATH.test(w.value));
    if (target) report('credentialsFile', target.contentStart, target.contentEnd, `file:${target.value}`);
  }
  // `aws iam create-access-key` in PowerShell or batch.
  for (let i = 0; i + 2 < words.length; i++) {
    if (/^(?:.*[\\/])?aws(?:\.exe)?$/i.test(words[i]?.value ?? '') && words[i + 1]?.value === 'iam' && words[i + 2]?.value === 'create-access-key') {
      const op = words[i + 2];
      if (op) report('createAccessKey', op.start, op.end, 'iam:create-access-key');
    }
  }
}

export default defineRule({
  id: 'no-static-credentials-in-bootstrap',
  description: 'Disallow static AWS keys placed on instances and images by user data, cloud-init and provisioning scripts',
  fullDescription:
    'A bootstrap script that exports AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, writes ~/.aws/credentials (or ' +
    '/etc/boto.cfg), or mints a key with `aws iam create-access-key` leaves a long-lived IAM user key on every ' +
    'instance or image it builds. The key is also in the user data, which anyone allowed to describe the instance ' +
    'attribute or to reach the metadata service can read. An instance profile provides rotating temporary ' +
    'credentials instead, and secrets the workload needs belong in Secrets Manager or Parameter Store, fetched at run time.',
  severity: 'error',
  securitySeverity: 8.0,
  precision: 'high',
  cwe: ['CWE-798', 'CWE-522'],
  tags: ['security', 'aws', 'ec2', 'bootstrap'],
  kinds: ['shell', 'user-data', 'cloud-init'],
  // One defect, one finding: the generic key findings this rule's finding covers are absorbed.
  supersedes: ['no-hardcoded-access-key-id', 'no-hardcoded-secret-access-key', 'no-hardcoded-session-token'],
  // Credential variables, credential files (`.aws/…`, `$AWS_SHARED_CREDENTIALS_FILE`, boto and
  // s3cmd configs) and key-minting commands; not `boto` alone, which every `pip install boto3`
  // has, nor `.aws` in names such as `Dockerrun.aws.json`.
  keywords:
    /AWS_(?:ACCESS_KEY|SECRET|SESSION_TOKEN|SECURITY_TOKEN|SHARED_CREDENTIALS_FILE|CONFIG_FILE)|\.aws[\\/]|\.boto\b|boto\.cfg|s3cfg|create-access-key|Set-AWSCredential|Initialize-AWSDefault/i,
  messages: {
    literalVariable:
      '{{name}} is set to a static key in a bootstrap script, so the key sits in the user data and on the machine; attach an IAM instance profile (role) instead',
    forwardedVariable:
      '{{name}} is set from {{via}}, which a bootstrap script can only get from its template: the key ends up in the user data; attach an IAM instance profile (role) instead, or fetch secrets at run time from Secrets Manager or SSM Parameter Store',
    credentialsFile:
      'The bootstrap script writes AWS keys to {{path}}, leaving a long-lived key on the machine; attach an IAM instance profile (role) instead',
    createAccessKey:
      '`aws iam create-access-key` mints a long-lived IAM user key during bootstrap; attach an IAM instance profile (role) to the instance instead',
    powershellCredentials:
      '`{{name}}` stores an access key in the AWS Tools for PowerShell credential store on the machine; attach an IAM instance profile (role) instead',
  },
  recommendation: [
    'Delete the key from the script and rotate it: user data is readable through the EC2 API and the metadata service. ',
    'Attach an IAM role through an instance profile; the AWS CLI, SDKs and AWS Tools for PowerShell then get temporary ',
    'credentials from the instance metadata service automatically. Secrets the application needs (database passwords, ',
    'third-party tokens) are fetched at run time: `$(aws secretsmanager get-secret-value …)`, ',
    '`$(aws ssm get-parameter --with-decryption …)`. In image builds use BuildKit secret mounts.',
  ].join(''),
  references: [
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles',
    'https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets.html',
  ],
  defaultOptions: {},
  check(context) {
    const doc = context.document;
    if (!isBootstrapContext(doc)) return;
    const script = shellScript(doc);
    if (script) {
      // `${var}` forwarded from outside the script: in real user data or a provisioner that is
      // the template's interpolation, so the key is in the payload. In an image build the
      // source (an ARG/ENV) is reported by no-credentials-in-image, and in a standalone script
      // matched only by its path the variable may well come from a CI secret: not reported.
      const allowForwarded =
        !enclosingDockerfile(doc) && (doc.bootstrap || TEMPLATE_PATH.test(doc.path));
      reportAssignments(context, script, allowForwarded);
      reportFileWrites(context, script);
      reportCreateAccessKey(context, script);
    }
    reportCloudConfig(context, doc);
    reportWindows(context, doc);
  },
});
