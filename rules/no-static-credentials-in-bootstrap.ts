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
import { credentialAssignmentsIn, judgePersistedValue, PERSISTENCE_PATH, type PersistedValue } from '../src/detect/boot-persistence.js';
import { isPlaceholder } from '../src/detect/placeholders.js';
import {
  callArguments,
  isToken,
  looseValue,
  powerShellScripts,
  psArguments,
  psAssignmentBefore,
  psCommandName,
  psCommandWord,
  psParameter,
  psPositionals,
  staticValue,
  type PsCommand,
  type PsElement,
  type PsScript,
} from '../src/parsers/powershell.js';

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

/** `cp /tmp/credentials ~/.aws/` / `install -D creds ~/.aws/`: a file named `credentials` copied into an `.aws` directory. */
function copiesIntoAwsDir(write: FileWrite): boolean {
  if (write.via !== 'copy' || !write.command) return false;
  const target = trimQuotes(write.target.loose).replace(/["']/g, '');
  if (!/(?:^|[\\/])\.aws[\\/]?$/.test(target)) return false;
  const operands = write.command.effective.slice(1).filter((w) => !(w.value ?? w.loose).startsWith('-') && w !== write.target);
  return operands.some((w) => /(?:^|[\\/])credentials$/.test(trimQuotes(w.value ?? w.loose)));
}

/** Key values in written credentials content, when visible: all placeholders → a lower severity. */
function onlyPlaceholderKeys(content: string | undefined): boolean {
  if (content === undefined) return false;
  const values = [...content.matchAll(/^\s*aws_(?:access_key_id|secret_access_key|session_token)\s*=\s*(.*)$/gim)].map((m) => (m[1] as string).trim());
  return values.length > 0 && values.every((v) => judgePersistedValue(v) === 'placeholder');
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
    if (!isCredentialFileWrite(write.target.loose, write.content, write.via === 'copy') && !copiesIntoAwsDir(write)) continue;
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
      ...(onlyPlaceholderKeys(write.content) ? { severity: 'warning' as const } : {}),
    });
  }
}

/**
 * Credential variables written into a start-up file (`echo "export AWS_SECRET_ACCESS_KEY=…" >>
 * ~/.bashrc`, `/etc/environment`, a systemd unit's `Environment=`): reported at the variable
 * name inside the written text, whatever the value; placeholders at a lower severity.
 */
function reportPersistence(context: Context, script: ShellScript): void {
  const text = context.document.text;
  for (const write of fileWrites(script)) {
    const target = trimQuotes(write.target.value ?? write.target.loose).replace(/["']/g, '').replace(/^(?:\$HOME|\$\{HOME\}|~[\w-]*|\/home\/[^/]+|\/root)(?=\/)/, '~');
    if (!PERSISTENCE_PATH.test(target) || write.content === undefined) continue;
    // Where the written text sits in the document: the heredoc body, else the command's own text.
    const heredoc = write.command?.redirects.find((r) => r.heredoc)?.heredoc ?? write.command?.upstream?.redirects.find((r) => r.heredoc)?.heredoc;
    const from = heredoc ? heredoc.bodyStart : (write.command?.upstream ?? write.command)?.start ?? write.target.start;
    const to = heredoc ? heredoc.bodyEnd : write.command ? write.command.end : write.target.end;
    for (const a of credentialAssignmentsIn(text.slice(from, to))) {
      reportPersisted(context, from + a.nameStart, a.name, a.value, from + a.valueStart, from + a.valueEnd, target);
    }
  }
  // `systemctl set-environment AWS_SECRET_ACCESS_KEY=…` persists for every service started later.
  for (const command of script.commands) {
    const words = command.effective;
    if (words[0]?.value?.replace(/^.*\//, '') !== 'systemctl' || words[1]?.value !== 'set-environment') continue;
    for (const w of words.slice(2)) {
      for (const a of credentialAssignmentsIn(text.slice(w.start, w.end))) {
        reportPersisted(context, w.start + a.nameStart, a.name, a.value, w.start + a.valueStart, w.start + a.valueEnd, 'the systemd manager environment');
      }
    }
  }
}

function reportPersisted(context: Context, at: number, name: string, value: string, valueStart: number, valueEnd: number, where: string, judged?: PersistedValue): void {
  const kind = awsCredentialVariableIgnoreCase(name);
  if (!kind) return;
  const verdict = judged ?? judgePersistedValue(value, context.document.text.slice(Math.max(0, at - 400), at));
  if (verdict === 'role') return;
  const quote = /^["']/.test(value) ? 1 : 0;
  context.report({
    messageId: 'persistedVariable',
    data: { name, path: where },
    start: at,
    end: at + name.length,
    identity: `persist:${name.toUpperCase()}:${where}`,
    ...(verdict === 'literal' && valueEnd - valueStart > 2 * quote ? { secrets: [{ start: valueStart + quote, end: valueEnd - quote, kind }] } : {}),
    ...(verdict === 'placeholder' ? { severity: 'warning' as const } : {}),
  });
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
    if (PERSISTENCE_PATH.test(file.path.value) && file.content && !file.content.decoded) {
      // The content scalar maps one to one onto the host only for plain and block scalars: find
      // each name in the host text within the scalar's range.
      const range = doc.text.slice(file.content.start, file.content.end);
      for (const a of credentialAssignmentsIn(range)) {
        reportPersisted(context, file.content.start + a.nameStart, a.name, a.value, file.content.start + a.valueStart, file.content.start + a.valueEnd, file.path.value);
      }
    }
    if (!isCredentialFileWrite(file.path.value, file.content?.value ?? '', false)) continue;
    const quote = /["']/.test(doc.text[file.path.start] ?? '') ? 1 : 0;
    context.report({
      messageId: 'credentialsFile',
      data: { path: file.path.value },
      start: file.path.start + quote,
      end: file.path.end - quote,
      identity: `file:${file.path.value}`,
      ...(onlyPlaceholderKeys(file.content?.value) ? { severity: 'warning' as const } : {}),
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

// ---------------------------------------------------------------------------------------
// PowerShell, through the shared PowerShell model

/** Commands whose output is a role's short-lived credential or a secret fetched at run time. */
const PS_RUNTIME_SOURCE =
  /\b(?:Use-STSRole|Get-STSSessionToken|Get-STSFederationToken|Get-SSMParameter(?:Value)?|Get-SECSecretValue|Read-S3Object|Invoke-RestMethod|Invoke-WebRequest|Get-Content|Read-Host|Get-Secret|ConvertFrom-Json|Get-ChildItem)\b|\baws(?:\.exe)?\b[^\n]*\b(?:sts|secretsmanager|ssm|configure\s+(?:get|export-credentials))\b|169\.254\.169\.254|GetEnvironmentVariable/i;
const PS_ROLE_SOURCE = /\b(?:Use-STSRole|Get-STSSessionToken|Get-STSFederationToken)\b|\baws(?:\.exe)?\b[^\n]*\b(?:sts|configure\s+export-credentials)\b|169\.254\.169\.254/i;

type PsVerdict = { readonly kind: 'literal'; readonly start: number; readonly end: number } | { readonly kind: 'placeholder' } | { readonly kind: 'runtime'; readonly role: boolean };

/** A Terraform/Jinja/ERB placeholder standing for the whole value: filled in before upload. */
const TEMPLATE_VALUE = /^\$\{[^}]+\}$|^\{\{.*\}\}$|^<%=.*%>$/s;

/** What a PowerShell value (the elements of an assignment's right side, or one argument) holds. */
function judgePsValue(script: PsScript, text: string, all: readonly PsElement[], depth = 0): PsVerdict | undefined {
  // `[string]$Key = '',` in a param() block: the separating comma is not part of the value.
  const elements = isToken(all.at(-1)) && all.at(-1)?.type === 'operator' && (all.at(-1) as { text: string }).text === ',' ? all.slice(0, -1) : all;
  if (elements.length === 0) return undefined;
  const source = text.slice(elements[0]!.start, elements.at(-1)!.end);
  if (elements.length === 1) {
    const e = elements[0] as PsElement;
    if (isToken(e) && (e.type === 'string' || e.type === 'word')) {
      const v = e.value;
      if (v !== undefined) {
        // '' assigned to a variable read later (a `param()` default) is filled in by the caller.
        if (v === '') return depth > 0 ? { kind: 'placeholder' } : undefined;
        if (TEMPLATE_VALUE.test(v) || (isPlaceholder(v) && !/^[A-Za-z0-9/+=]{16,}$/.test(v))) return { kind: 'placeholder' };
        return { kind: 'literal', start: e.contentStart, end: e.contentEnd };
      }
      // "${secret_key}" in a Terraform template, "$SecretKey" from a parameter.
      if (e.type === 'string' && e.variables.length > 0 && e.variables.every((n) => !psAssignmentBefore(script, n, e.start))) return { kind: 'placeholder' };
    }
    if (isToken(e) && e.type === 'variable') {
      const name = e.variables[0] as string;
      if (/^env:/i.test(name)) return { kind: 'placeholder' };
      const a = psAssignmentBefore(script, name, e.start);
      if (!a) return { kind: 'placeholder' };
      if (depth < 4) return judgePsValue(script, text, a.value, depth + 1);
      return undefined;
    }
  }
  if (PS_RUNTIME_SOURCE.test(source)) return { kind: 'runtime', role: PS_ROLE_SOURCE.test(source) };
  // `$creds.AccessKeyId` of a variable assigned from STS.
  const first = elements[0];
  if (isToken(first) && first.type === 'variable') {
    const a = psAssignmentBefore(script, first.variables[0] as string, first.start);
    if (a) {
      const rhs = text.slice(a.valueStart, a.valueEnd);
      if (PS_RUNTIME_SOURCE.test(rhs)) return { kind: 'runtime', role: PS_ROLE_SOURCE.test(rhs) };
    }
  }
  return undefined;
}

const PS_STORE_CMDLETS = /^(?:set-awscredentials?|initialize-awsdefaultconfiguration|initialize-awsdefaults|new-awscredentials?)$/;
const PS_WRITE_CMDLETS = /^(?:set-content|add-content|out-file|new-item|copy-item|move-item|cp|copy|mv|move|xcopy|robocopy|read-s3object|invoke-webrequest|iwr|tee-object)$/;
const PS_CREDENTIALS_PATH = /(?:^|[\\/])\.aws[\\/]credentials$/i;
const PS_AWS_DIR = /(?:^|[\\/])\.aws[\\/]?$/i;

function reportPowerShell(context: Context, doc: SourceDocument, allowForwarded: boolean): void {
  const text = doc.text;
  for (const script of powerShellScripts(doc)) {
    // $env:AWS_SECRET_ACCESS_KEY = '…' (this process and its children).
    for (const a of script.assignments) {
      const m = /^env:(.+)$/i.exec(a.name);
      const kind = m ? awsCredentialVariableIgnoreCase(m[1] as string) : undefined;
      if (!m || !kind) continue;
      const name = m[1] as string;
      // `$env:AWS_ACCESS_KEY_ID = $env:AWS_ACCESS_KEY_ID` re-exports what the process already has.
      const only = a.value.length === 1 ? a.value[0] : undefined;
      if (isToken(only) && only.type === 'variable' && (only.variables[0] ?? '').toLowerCase() === a.name.toLowerCase()) continue;
      const verdict = judgePsValue(script, text, a.value);
      const at = a.nameStart + 'env:'.length;
      if (verdict?.kind === 'literal') {
        context.report({ messageId: 'literalVariable', data: { name, via: '' }, start: at, end: at + name.length, identity: `variable:${name.toUpperCase()}`, secrets: [{ start: verdict.start, end: verdict.end, kind }] });
      } else if (verdict?.kind === 'placeholder' && allowForwarded) {
        context.report({ messageId: 'forwardedVariable', data: { name, via: text.slice(a.valueStart, a.valueEnd) }, start: at, end: at + name.length, identity: `variable:${name.toUpperCase()}` });
      }
    }
    for (const command of script.commands) powerShellCommand(context, script, command, text);
  }
}

function powerShellCommand(context: Context, script: PsScript, command: PsCommand, text: string): void {
  const name = psCommandName(command);
  const word = psCommandWord(command);
  // [Environment]::SetEnvironmentVariable('AWS_SECRET_ACCESS_KEY', …, 'Machine'|'User') persists.
  command.elements.forEach((e, k) => {
    if (!isToken(e) || !/^\.?SetEnvironmentVariable$/i.test(e.value ?? '')) return;
    const args = callArguments(command.elements[k + 1]);
    const nameArg = args[0]?.[0];
    const variable = nameArg && isToken(nameArg) ? nameArg.value : undefined;
    const kind = variable ? awsCredentialVariableIgnoreCase(variable) : undefined;
    if (!variable || !kind || !nameArg || !isToken(nameArg)) return;
    const targetText = args[2] ? text.slice(args[2][0]!.start, args[2].at(-1)!.end) : '';
    const persistent = /Machine|User/i.test(targetText);
    const verdict = judgePsValue(script, text, args[1] ?? []);
    if (!verdict || (verdict.kind === 'runtime' && (verdict.role || !persistent))) return;
    if (!persistent) {
      if (verdict.kind !== 'literal') return;
      context.report({ messageId: 'literalVariable', data: { name: variable, via: '' }, start: nameArg.contentStart, end: nameArg.contentEnd, identity: `variable:${variable.toUpperCase()}`, secrets: [{ start: verdict.start, end: verdict.end, kind }] });
      return;
    }
    const where = /Machine/i.test(targetText) ? 'the machine environment' : 'the user environment';
    context.report({
      messageId: 'persistedVariable',
      data: { name: variable, path: where },
      start: nameArg.contentStart,
      end: nameArg.contentEnd,
      identity: `persist:${variable.toUpperCase()}:${where}`,
      ...(verdict.kind === 'literal' ? { secrets: [{ start: verdict.start, end: verdict.end, kind }] } : { severity: 'warning' as const }),
    });
  });
  if (!name || !word) return;
  if (name === 'setx') {
    const [variableArg, valueArg] = psPositionals(command);
    const variable = staticValue(variableArg);
    const kind = variable ? awsCredentialVariableIgnoreCase(variable) : undefined;
    if (!variable || !kind || !variableArg || !isToken(variableArg) || !valueArg) return;
    const verdict = judgePsValue(script, text, [valueArg]);
    if (!verdict || (verdict.kind === 'runtime' && verdict.role)) return;
    const where = psArguments(command).some((e) => isToken(e) && /^[/-]m$/i.test(e.value ?? '')) ? 'the machine environment' : 'the user environment';
    context.report({
      messageId: 'persistedVariable',
      data: { name: variable, path: where },
      start: variableArg.contentStart,
      end: variableArg.contentEnd,
      identity: `persist:${variable.toUpperCase()}:${where}`,
      ...(verdict.kind === 'literal' ? { secrets: [{ start: verdict.start, end: verdict.end, kind }] } : { severity: 'warning' as const }),
    });
    return;
  }
  // AWS Tools for PowerShell: a key pair given to the credential store (-StoreAs) or the default session.
  if (PS_STORE_CMDLETS.test(name)) {
    const secret = psParameter(command, /^-SecretKey$/i);
    const access = psParameter(command, /^-AccessKey$/i);
    const param = secret ?? access;
    if (!param) return;
    // A role's temporary credentials (`Use-STSRole` output with -SessionToken) are not a static key.
    const session = psParameter(command, /^-SessionToken$/i);
    const verdict = judgePsValue(script, text, param.value ? [param.value] : []);
    if (session && verdict?.kind !== 'literal') return;
    if (verdict?.kind === 'runtime' && verdict.role) return;
    const value = param.value;
    context.report({
      messageId: 'powershellCredentials',
      data: { name: word.value ?? word.loose },
      start: param.parameter.start,
      end: param.parameter.end,
      identity: `ps:${name}`,
      ...(verdict?.kind === 'literal' && value ? { secrets: [{ start: verdict.start, end: verdict.end, kind: secret ? ('secret-access-key' as const) : ('access-key-id' as const) }] } : {}),
      // `-StoreAs` persists a profile: with a placeholder ($awsSecretKey = "xxxx") it is the same
      // anti-pattern, reported at a lower severity.
      ...(verdict?.kind === 'placeholder' ? { severity: 'warning' as const } : {}),
    });
    return;
  }
  // Set-Item Env:AWS_SECRET_ACCESS_KEY '…' (this process), and the machine environment in the
  // registry: Set-ItemProperty 'HKLM:\…\Session Manager\Environment' -Name AWS_… -Value … (persists).
  if (/^(?:set-item|new-item|si|ni)$/.test(name)) {
    const path = psParameter(command, /^-(?:Path|LiteralPath)$/i)?.value ?? psPositionals(command)[0];
    const p = staticValue(path);
    const m = p ? /^env:(.+)$/i.exec(p) : null;
    const kind = m ? awsCredentialVariableIgnoreCase(m[1] as string) : undefined;
    const valueEl = psParameter(command, /^-Value$/i)?.value ?? psPositionals(command)[1];
    if (m && kind && path && isToken(path) && valueEl) {
      const verdict = judgePsValue(script, text, [valueEl]);
      if (verdict?.kind === 'literal') {
        const at = path.contentStart + p!.indexOf(':') + 1;
        context.report({ messageId: 'literalVariable', data: { name: m[1] as string, via: '' }, start: at, end: at + (m[1] as string).length, identity: `variable:${(m[1] as string).toUpperCase()}`, secrets: [{ start: verdict.start, end: verdict.end, kind }] });
      }
    }
    return;
  }
  if (/^(?:set-itemproperty|new-itemproperty|sp)$/.test(name)) {
    const path = looseValue(psParameter(command, /^-(?:Path|LiteralPath)$/i)?.value ?? psPositionals(command)[0], text);
    const nameEl = psParameter(command, /^-Name$/i)?.value;
    const variable = staticValue(nameEl);
    const kind = variable ? awsCredentialVariableIgnoreCase(variable) : undefined;
    if (!kind || !nameEl || !isToken(nameEl) || !/\\Environment["']?$|^["']?HKCU:\\Environment/i.test(path)) return;
    const valueEl = psParameter(command, /^-Value$/i)?.value;
    const verdict = valueEl ? judgePsValue(script, text, [valueEl]) : { kind: 'placeholder' as const };
    if (!verdict || (verdict.kind === 'runtime' && verdict.role)) return;
    const where = /^["']?HKCU:/i.test(path) ? 'the user environment' : 'the machine environment';
    context.report({
      messageId: 'persistedVariable',
      data: { name: variable as string, path: where },
      start: nameEl.contentStart,
      end: nameEl.contentEnd,
      identity: `persist:${(variable as string).toUpperCase()}:${where}`,
      ...(verdict.kind === 'literal' ? { secrets: [{ start: verdict.start, end: verdict.end, kind }] } : { severity: 'warning' as const }),
    });
    return;
  }
  // `Add-Content $PROFILE '$env:AWS_SECRET_ACCESS_KEY = …'`: every later PowerShell session gets it.
  if (/^(?:add-content|set-content|out-file|ac)$/.test(name)) {
    const target = looseValue(psParameter(command, /^-(?:Path|FilePath|LiteralPath)$/i)?.value ?? psPositionals(command)[0], text);
    if (/^\$PROFILE\b|profile\.ps1["']?$|[\\/]\.(?:bashrc|profile)["']?$/i.test(target)) {
      const sources = [psParameter(command, /^-Value$/i)?.value, ...psPositionals(command).slice(1), ...(command.upstream?.elements ?? [])];
      for (const src of sources) {
        if (!src || !isToken(src) || src.type !== 'string') continue;
        const body = text.slice(src.contentStart, src.contentEnd);
        for (const m of body.matchAll(/\$env:(\w+)\s*=\s*(\S+)?/gi)) {
          const v = (m[1] as string);
          if (!awsCredentialVariableIgnoreCase(v)) continue;
          const at = src.contentStart + (m.index as number) + '$env:'.length;
          const value = m[2] ?? '';
          const valueStart = at + m[0].length - '$env:'.length - value.length;
          reportPersisted(context, at, v, value, valueStart, valueStart + value.length, '$PROFILE');
        }
      }
    }
  }
  if (name === 'new-iamaccesskey') {
    context.report({ messageId: 'createAccessKey', start: word.start, end: word.end, identity: 'iam:create-access-key' });
    return;
  }
  if (name === 'aws') {
    const values = psArguments(command).map((e) => (isToken(e) ? (e.value ?? e.loose) : ''));
    const op = psArguments(command)[values.indexOf('create-access-key')];
    if (values.includes('iam') && op) context.report({ messageId: 'createAccessKey', start: op.start, end: op.end, identity: 'iam:create-access-key' });
  }
  // Writes to the shared credentials file: Set-Content/Out-File/Copy-Item …, `>`, [IO.File]::WriteAllText.
  const writes = PS_WRITE_CMDLETS.test(name) || command.elements.some((e) => isToken(e) && ((e.type === 'operator' && /^[1*]?>>?$/.test(e.text)) || /^\.?(?:WriteAllText|WriteAllLines|AppendAllText|Copy|Move)$/i.test(e.value ?? '')));
  if (!writes) return;
  const candidates = [...psArguments(command), ...command.elements.flatMap((e) => (e.type === 'group' && e.open === '(' ? (callArguments(e)[0] ?? []) : []))];
  for (const e of candidates) {
    const value = looseValue(e, text).replace(/^["']|["']$/g, '');
    const credentialsFile = PS_CREDENTIALS_PATH.test(value);
    const intoAwsDir = PS_AWS_DIR.test(value) && /^(?:copy-item|move-item|cp|copy|mv|move|xcopy)$/.test(name) && psArguments(command).some((o) => /(?:^|[\\/])credentials["']?$/i.test(looseValue(o, text)));
    if (!credentialsFile && !intoAwsDir) continue;
    const r = isToken(e) ? { start: e.contentStart, end: e.contentEnd } : { start: e.start, end: e.end };
    context.report({ messageId: 'credentialsFile', data: { path: text.slice(r.start, r.end) }, start: r.start, end: r.end, identity: `file:${value}` });
    return;
  }
}

function reportWindows(context: Context, doc: SourceDocument): void {
  for (const block of windowsBlocks(doc)) {
    // PowerShell blocks go through the PowerShell model (reportPowerShell).
    if (block.language !== 'cmd') continue;
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
  kinds: ['shell', 'powershell', 'user-data', 'cloud-init'],
  // One defect, one finding: the generic key findings this rule's finding covers are absorbed.
  supersedes: ['no-hardcoded-access-key-id', 'no-hardcoded-secret-access-key', 'no-hardcoded-session-token'],
  // Credential variables, credential files (`.aws/…`, `$AWS_SHARED_CREDENTIALS_FILE`, boto and
  // s3cmd configs) and key-minting commands; not `boto` alone, which every `pip install boto3`
  // has, nor `.aws` in names such as `Dockerrun.aws.json`.
  keywords:
    /AWS_(?:ACCESS_KEY|SECRET|SESSION_TOKEN|SECURITY_TOKEN|SHARED_CREDENTIALS_FILE|CONFIG_FILE)|\.aws[\\/]|\.boto\b|boto\.cfg|s3cfg|create-access-key|Set-AWSCredential|Initialize-AWSDefault|New-IAMAccessKey/i,
  messages: {
    literalVariable:
      '{{name}} is set to a static key in a bootstrap script, so the key sits in the user data and on the machine; attach an IAM instance profile (role) instead',
    forwardedVariable:
      '{{name}} is set from {{via}}, which a bootstrap script can only get from its template: the key ends up in the user data; attach an IAM instance profile (role) instead, or fetch secrets at run time from Secrets Manager or SSM Parameter Store',
    credentialsFile:
      'The bootstrap script writes AWS keys to {{path}}, leaving a long-lived key on the machine; attach an IAM instance profile (role) instead',
    createAccessKey:
      '`aws iam create-access-key` mints a long-lived IAM user key during bootstrap; attach an IAM instance profile (role) to the instance instead',
    persistedVariable:
      '{{name}} is written to {{path}} during bootstrap, so every later shell or service of the machine gets a long-lived key (a placeholder here means the template is built to carry one); attach an IAM instance profile (role) instead',
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
      reportPersistence(context, script);
      reportCreateAccessKey(context, script);
    }
    reportCloudConfig(context, doc);
    reportPowerShell(context, doc, !enclosingDockerfile(doc) && (doc.bootstrap || TEMPLATE_PATH.test(doc.path)));
    reportWindows(context, doc);
  },
});
