// File kinds, decided by name, extension, shebang and content sniffing.
// Classification reads only the path and the first few KB of text: it must stay cheap
// because it runs on every file.
import { sniffScript } from './content-sniff.js';

export const FILE_KINDS = [
  'javascript',
  'shell',
  'powershell',
  'user-data',
  'cloud-init',
  'dockerfile',
  'cloudformation',
  'terraform',
  'aws-config',
  'dotenv',
  'text',
] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** How much of a file's head the sniffers look at. */
export const SNIFF_BYTES = 16 * 1024;

const JS_EXT = /\.(?:[cm]?[jt]sx?)$/i;
const SHELL_EXT = /\.(?:sh|bash|zsh|ksh|dash|ash)$/i;
const SHEBANG_SHELL = /^#![ \t]*\/(?:usr\/)?(?:local\/)?bin\/(?:env[ \t]+(?:-\S+[ \t]+)*)?(?:ba|z|k|da|a)?sh\b/;
const SHEBANG_PWSH = /^#![ \t]*\/(?:usr\/)?(?:local\/)?bin\/(?:env[ \t]+(?:-\S+[ \t]+)*)?pwsh\b/;
const POWERSHELL_EXT = /\.(?:ps1|psm1|psd1)$/i;
/** Template engines whose output is the file named without the template extension (`setup.sh.j2`). */
const TEMPLATE_EXT = /\.(?:tpl|tftpl|tmpl|j2|jinja2?|erb|mustache|hbs|gotmpl)$/i;
/** Shell start-up files, named without an extension. */
const SHELL_DOTFILE = /^\.(?:bashrc|bash_profile|bash_login|bash_logout|bash_aliases|profile|zshrc|zprofile|zshenv|kshrc)$/i;
/** Names whose content is never a script, whatever it looks like (recipes, prose, Ruby DSLs). */
const NEVER_SNIFFED_NAME =
  /^(?:makefile|gnumakefile|jenkinsfile|vagrantfile|gemfile|rakefile|procfile|brewfile|podfile|fastfile|appfile|guardfile|berksfile|license|licence|copying|readme|changelog|changes|history|authors|contributors|maintainers|notice|news|todo|codeowners|owners|version|manifest)(?:[._-].*)?$/i;
/** Extensions that name a language or a text file whose content may still be a script ("a `.py` that holds only shell lines"). */
const SNIFFED_EXT = /^(?:|txt|text|sample|example|dist|in|run|init|setup|provision|bootstrap|py|rb|pl)$/i;
/** Of those, the ones naming a programming language: only overwhelming evidence overrides them. */
const STRICT_SNIFF_EXT = /^(?:py|rb|pl)$/i;
const SHEBANG_NODE = /^#![ \t]*\/(?:usr\/)?(?:local\/)?bin\/(?:env[ \t]+(?:-\S+[ \t]+)*)?(?:node|deno|bun|tsx|ts-node)\b/;
// `user-data`, `user_data.sh`, `userdata-web.txt`, `web.user-data`; not `user_data.tf` or `.py`.
const USER_DATA_NAME = /^(?:[\w.-]+\.)?user[-_]?data(?:[-_][\w-]*)?(?:\.(?:sh|bash|txt|ya?ml|ps1|mime|tpl|tftpl|j2|cfg))?$/i;
const DOCKERFILE_NAME = /^(?:(?:docker|container)file(?:[-_.].*)?|.*\.(?:docker|container)file)$/i;
const TERRAFORM_EXT = /\.(?:tf|tf\.json|tfvars|tfvars\.json|tofu|tofu\.json)$/i;
const YAML_EXT = /\.(?:ya?ml|template|cfn)$/i;
const JSON_EXT = /\.(?:json|template)$/i;
const CLOUD_CONFIG = /^(?:#cloud-config|#cloud-boothook|#include|#upstart-job|#part-handler|## template: jinja\r?\n#cloud-config)\b/;
const MIME_MULTIPART = /^(?:MIME-Version:[^\n]*\n)?Content-Type:[ \t]*multipart\/mixed/i;
const CFN_VERSION = /(?:^|\n|[{,])[ \t]*["']?AWSTemplateFormatVersion["']?[ \t]*:/;
const CFN_RESOURCE_TYPE = /["']?Type["']?[ \t]*:[ \t]*["']?(?:AWS|Alexa)::[A-Za-z0-9]+::[A-Za-z0-9]+/;
const CFN_RESOURCES = /(?:^|\n|[{,])[ \t]*["']?Resources["']?[ \t]*:/;
const SAM_TRANSFORM = /AWS::Serverless-2016-10-31/;

/** File names that are AWS shared credentials/config or boto/s3cmd configs. */
function isAwsConfigName(base: string, path: string): boolean {
  const lower = base.toLowerCase();
  if (lower === '.s3cfg' || lower === 's3cfg' || lower === '.boto' || lower === 'boto.cfg') return true;
  if (/(^|\/)\.aws\/(?:credentials|config)$/i.test(path)) return true;
  return lower === 'credentials' || lower === 'aws_credentials' || lower === 'aws-credentials';
}

function isDotenvName(base: string): boolean {
  return /^\.env(?:\.[\w.-]+)?$/i.test(base) || /\.env$/i.test(base);
}

export function baseName(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? path : path.slice(slash + 1);
}

/**
 * Decides a file's kind. `head` is the start of its decoded text (at most SNIFF_BYTES).
 * Order matters: explicit names beat extensions, extensions beat content sniffing,
 * except that a user-data name wins over everything (it is a bootstrap payload whatever
 * its extension says).
 */
export function classifyFile(path: string, head: string): FileKind {
  const base = baseName(path);
  // A template is classified as the file it renders to (`setup.sh.j2` → shell,
  // `bootstrap.ps1.tftpl` → PowerShell); one without an inner extension is sniffed.
  if (TEMPLATE_EXT.test(base) && !USER_DATA_NAME.test(base)) {
    const inner = path.replace(TEMPLATE_EXT, '');
    const kind = classifyFile(inner, head);
    if (kind !== 'text') return kind;
    return sniffKind(baseName(inner), head) ?? 'text';
  }
  const trimmed = head.replace(/^\uFEFF/, '');
  const leading = trimmed.trimStart();

  if (USER_DATA_NAME.test(base)) return 'user-data';
  if (DOCKERFILE_NAME.test(base)) return 'dockerfile';
  if (TERRAFORM_EXT.test(base)) return 'terraform';
  // A script that happens to be called `credentials` is a script.
  if (isAwsConfigName(base, path) && !trimmed.startsWith('#!')) return 'aws-config';
  // direnv's .envrc is a shell script sourced by the shell, not a dotenv file.
  if (/^\.envrc$/i.test(base)) return 'shell';
  if (isDotenvName(base)) return 'dotenv';
  if (JS_EXT.test(base)) return 'javascript';
  if (SHELL_EXT.test(base) || SHELL_DOTFILE.test(base)) return 'shell';
  if (POWERSHELL_EXT.test(base)) return 'powershell';

  if (CLOUD_CONFIG.test(leading)) return 'cloud-init';
  if (MIME_MULTIPART.test(leading)) return 'user-data';
  if (trimmed.startsWith('#!')) {
    if (SHEBANG_SHELL.test(trimmed)) return 'shell';
    if (SHEBANG_NODE.test(trimmed)) return 'javascript';
    if (SHEBANG_PWSH.test(trimmed)) return 'powershell';
    return 'text';
  }
  if (/^<(?:powershell|script|persist)>/i.test(leading)) return 'user-data';

  const yamlOrJson = YAML_EXT.test(base) || JSON_EXT.test(base) || /^[{[]/.test(leading);
  if (yamlOrJson && looksLikeCloudFormation(trimmed)) return 'cloudformation';
  if (/\.(?:ini|cfg|conf)$/i.test(base) && /^\s*aws_(?:access_key_id|secret_access_key)\s*[=:]/im.test(trimmed)) {
    return 'aws-config';
  }
  if (yamlOrJson) return 'text';
  return sniffKind(base, trimmed) ?? 'text';
}

/**
 * The content sniff for files their name leaves undecided: no extension, a text extension, or
 * a language extension that strong content evidence overrides (see content-sniff.ts).
 */
function sniffKind(base: string, head: string): 'shell' | 'powershell' | undefined {
  if (NEVER_SNIFFED_NAME.test(base)) return undefined;
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 ? base.slice(dot + 1) : '';
  if (!SNIFFED_EXT.test(ext)) return undefined;
  return sniffScript(head, STRICT_SNIFF_EXT.test(ext));
}

export function looksLikeCloudFormation(text: string): boolean {
  if (CFN_VERSION.test(text) || SAM_TRANSFORM.test(text)) return true;
  return CFN_RESOURCES.test(text) && CFN_RESOURCE_TYPE.test(text);
}

/**
 * A language hint for kinds that are plain text to the engine, from the extension: tells
 * the suppression scanner which comment syntax to expect and lets detectors weigh context.
 */
export function languageOf(path: string, kind: FileKind): string {
  if (kind !== 'text') return kind;
  const base = baseName(path).toLowerCase();
  const ext = base.includes('.') ? base.slice(base.lastIndexOf('.') + 1) : '';
  switch (ext) {
    case 'yml':
    case 'yaml':
      return 'yaml';
    case 'json':
    case 'ipynb':
      return 'json';
    case 'py':
      return 'python';
    default:
      return ext || 'text';
  }
}

/**
 * The kind of a user-data payload handed over by a template (CloudFormation `UserData`,
 * Terraform `user_data`): `cloud-init` for `#cloud-config`, `user-data` for everything
 * else (shell scripts, MIME multipart, Windows `<powershell>`/`<script>` blocks).
 */
export function userDataKind(text: string): 'cloud-init' | 'user-data' {
  return CLOUD_CONFIG.test(text.replace(/^\uFEFF/, '').trimStart()) ? 'cloud-init' : 'user-data';
}
