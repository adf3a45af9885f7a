// What the user data of an instance, launch template or launch configuration does at boot,
// read from the template itself: the AWS CLI calls it makes (with the IAM actions and
// resources each needs), whether it starts a web server or containers — each at its
// position in the template (inside `UserData`/`user_data`, through every embedding:
// `Fn::Base64: !Sub |`, heredocs, cloud-init `runcmd`, MIME parts, heredoc-written scripts).
// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html
//
// The script is parsed here (not by the engine's extractor pass) because the rules that need
// it judge it against the instance's role, which only the template's graph knows. Cost: the
// same parse the bootstrap rules pay for that user data, once per compute resource, only for
// templates that pass the rules' keyword filter.
import type { SourceDocument } from '../engine/document.js';
import type { Notification } from '../engine/types.js';
import type { GraphNode, ResourceGraph } from './graph.js';
import type { IacValue, Range } from './value.js';
import { asList, getPath, mapGet } from './value.js';
import { userDataDocument } from '../extract/documents.js';
import { cloudInitExtractor } from '../extract/cloud-init.js';
import { multipartUserDataExtractor } from '../extract/multipart.js';
import { heredocFileExtractor } from '../extract/shell-heredoc.js';
import { awsInvocation, commandName, fileWrites, isShellDocument, shellScript, type ShellCommand, type ShellWord } from '../parsers/shell.js';
import { cliCallNeeds, UNKNOWN, type CallMapping, type CliWord } from '../iam/cli-actions.js';

export interface BootstrapCall {
  /** `aws s3 mb`. */
  readonly command: string;
  /** The command (from `aws` to its last word) in the scanned document. */
  readonly range: Range;
  readonly mapping: CallMapping;
  /**
   * Whose credentials the call uses: the instance role, or something else the script set up
   * before it (`--profile`, exported keys, `aws configure set`, a credentials file) — those are
   * not the role's problem and are never judged against it.
   */
  readonly credentials: 'role' | 'other';
}

/** What a bootstrap's AWS calls need: the calls alone (see bootstrapCallsOf). */
export interface BootstrapCalls {
  readonly calls: readonly BootstrapCall[];
}

export interface Bootstrap extends BootstrapCalls {
  /** A command that starts a web server (an SSRF surface), in the scanned document. */
  readonly webServer?: Range;
  /** A command that starts containers (they reach the metadata service through the hop limit). */
  readonly containers?: Range;
}

/** The user-data value of a compute node, when it has one. */
export function userDataValue(graph: ResourceGraph, node: GraphNode): IacValue | undefined {
  if (node.cfn) {
    const props = node.cfn.properties;
    if (node.kind === 'launch-template') return getPath(props, ['LaunchTemplateData', 'UserData']);
    if (node.kind === 'fleet') return mapGet(asList(getPath(props, ['SpotFleetRequestConfigData', 'LaunchSpecifications']))[0], 'UserData');
    return mapGet(props, 'UserData');
  }
  if (node.tf) {
    const b = node.tf;
    return (b.attribute('user_data') ?? b.attribute('user_data_base64') ?? b.blocks('launch_specification')[0]?.attribute('user_data'))?.value();
  }
  return graph.attribute(node, ['user_data'])?.value;
}

/** Maps a range of a nested document to `ancestor` (the document the rule runs on). */
export function rangeIn(doc: SourceDocument, ancestor: SourceDocument, start: number, end: number): Range {
  let current = doc;
  let range = { start, end };
  while (current !== ancestor && current.host) {
    range = current.host.map.mapRange(range.start, range.end);
    current = current.host.document;
  }
  return range;
}

const NESTED = [cloudInitExtractor, multipartUserDataExtractor, heredocFileExtractor];
const MAX_DEPTH = 3;

/**
 * The shell documents of a user-data document: itself, runcmd entries, MIME parts,
 * heredoc-written scripts. Not parsed here (only the heredoc extractor parses the scripts its
 * keywords pick): whoever reads their commands does.
 */
function shellDocuments(doc: SourceDocument, depth: number, out: SourceDocument[]): void {
  if (isShellDocument(doc)) out.push(doc);
  if (depth >= MAX_DEPTH) return;
  const notes: Notification[] = [];
  for (const ex of NESTED) {
    if (!ex.kinds.includes(doc.kind)) continue;
    if (ex.keywords && !ex.keywords.test(doc.text)) continue;
    for (const child of ex.extract(doc, notes)) shellDocuments(child, depth + 1, out);
  }
}

/** A shell word as a CLI word: its value, or its text with every expansion as UNKNOWN. */
export function cliWord(w: ShellWord): CliWord {
  if (w.value !== undefined) return { template: w.value, known: true };
  const template = w.loose.replace(/\$\{[^}]*\}|\$\([^)]*\)|`[^`]*`|\$[A-Za-z_][A-Za-z0-9_]*|\$[0-9@*#?$!-]/g, UNKNOWN);
  return { template, known: false };
}

/** Environment variables that make the CLI use other credentials than the instance role's. */
const CREDENTIAL_VARIABLES = new Set([
  'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN', 'AWS_PROFILE', 'AWS_DEFAULT_PROFILE',
  'AWS_SHARED_CREDENTIALS_FILE', 'AWS_CONFIG_FILE', 'AWS_ROLE_ARN', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
]);

const WEB_SERVICES = /^(?:nginx|httpd|apache2|apache|tomcat\d*|lighttpd|caddy|haproxy|traefik|jenkins|grafana-server|gunicorn|uwsgi|php\d*(?:\.\d+)?-fpm|node|pm2(?:-[\w-]+)?|nodejs|flask|jupyter|jupyterhub|wordpress|code-server)(?:\.service)?$/;
const CONTAINER_SERVICES = /^(?:docker|containerd|ecs|kubelet|k3s|crio|podman)(?:\.service)?$/;

function startsService(cmd: ShellCommand, names: RegExp): boolean {
  const name = commandName(cmd);
  const args = cmd.effective.slice(1).map((w) => w.value ?? w.loose);
  if (name === 'systemctl') return args.some((a) => /^(?:start|enable|restart)$/.test(a)) && args.some((a) => names.test(a));
  if (name === 'service') return names.test(args[0] ?? '') && /^(?:start|restart)$/.test(args[1] ?? '');
  if (name === 'chkconfig') return names.test(args[0] ?? '') && args[1] === 'on';
  return false;
}

function isWebServer(cmd: ShellCommand): boolean {
  const name = commandName(cmd) ?? '';
  const args = cmd.effective.slice(1).map((w) => w.value ?? w.loose);
  if (startsService(cmd, WEB_SERVICES)) return true;
  if (/^(?:nginx|httpd|apachectl|gunicorn|uvicorn|hypercorn|caddy|lighttpd)$/.test(name)) return !args.includes('-t') && !args.includes('-v');
  if (/^python[\d.]*$/.test(name)) return args.includes('http.server') || args.includes('SimpleHTTPServer');
  if (name === 'php') return args.includes('-S');
  if (name === 'flask') return args[0] === 'run';
  if (name === 'pm2') return args[0] === 'start';
  if (name === 'npm' || name === 'yarn') return args[0] === 'start';
  if (name === 'docker' || name === 'podman' || name === 'nerdctl') return args[0] === 'run' && args.some((a) => a === '-p' || a === '--publish' || a.startsWith('--publish=') || /^-p\d/.test(a) || a === '-P');
  return false;
}

function startsContainers(cmd: ShellCommand): boolean {
  const name = commandName(cmd) ?? '';
  const args = cmd.effective.slice(1).map((w) => w.value ?? w.loose);
  if (startsService(cmd, CONTAINER_SERVICES)) return true;
  if (name === 'docker' || name === 'podman' || name === 'nerdctl') return args[0] === 'run' || (args[0] === 'compose' && args.includes('up')) || args[0] === 'service';
  if (name === 'docker-compose') return args.includes('up');
  if (name === 'ctr') return args.includes('run');
  if (/(?:^|\/)bootstrap\.sh$/.test(cmd.effective[0]?.value ?? '') && /eks/.test(cmd.effective[0]?.value ?? '')) return true;
  return name === 'nodeadm' || name === 'kubeadm' || name === 'k3s';
}

/**
 * Where a script may run the AWS CLI: a place where its text could spell a command word whose
 * static value ends in `aws` (awsInvocation needs commandName === 'aws', the value after the
 * last `/`). Such a value is built (src/parsers/shell.ts: plainWord, partsValueAt,
 * staticValueAt, after neutralizeTemplateInterpolations, which only rewrites `${…}`, `{{…}}`
 * and `{%…%}` to expansions or spaces of the same length) from literal characters, with
 * backslashes, quotes, `$''`/`$""` and escaped line breaks in between contributing nothing —
 * or from ANSI-C escapes (`$'\x61'`, `$'\141'`). So the three letters appear with only
 * those characters between them, and the last `s` is not followed by a character that would
 * continue the value as a plain word does (a letter, digit, `_`, `.`, `-`: `awscli`,
 * `aws-vault`, `aws.sh`); or some escape that could produce a letter is present. A script
 * that matches neither makes no AWS call (test/iac/bootstrap-prefilter.test.ts).
 */
export const AWS_CALL_TEXT = /a[\\'"$\s]*w[\\'"$\s]*s(?![A-Za-z0-9_.-])|\\[0-7xuU]/;

interface Cached {
  full?: Bootstrap | null;
  calls?: BootstrapCalls | null;
}

const cache = new WeakMap<SourceDocument, Map<GraphNode, Cached>>();

function cachedFor(doc: SourceDocument, node: GraphNode): Cached {
  let perDoc = cache.get(doc);
  if (!perDoc) cache.set(doc, (perDoc = new Map()));
  let entry = perDoc.get(node);
  if (!entry) perDoc.set(node, (entry = {}));
  return entry;
}

/** The bootstrap of a compute node (undefined when it has no user data that is known), computed once per document and node. */
export function bootstrapOf(doc: SourceDocument, graph: ResourceGraph, node: GraphNode): Bootstrap | undefined {
  const entry = cachedFor(doc, node);
  if (entry.full !== undefined) return entry.full ?? undefined;
  const b = computeBootstrap(doc, graph, node, 'full') as Bootstrap | undefined;
  entry.full = b ?? null;
  return b;
}

/**
 * The AWS calls of a compute node's bootstrap alone (what the role must allow), the same
 * calls bootstrapOf lists: when no shell document of its user data could make an AWS call
 * (AWS_CALL_TEXT), none is parsed — the calls are none, whatever else the scripts do.
 */
export function bootstrapCallsOf(doc: SourceDocument, graph: ResourceGraph, node: GraphNode): BootstrapCalls | undefined {
  const entry = cachedFor(doc, node);
  if (entry.full !== undefined) return entry.full ?? undefined;
  if (entry.calls !== undefined) return entry.calls ?? undefined;
  const b = computeBootstrap(doc, graph, node, 'calls');
  entry.calls = b ?? null;
  return b;
}

function computeBootstrap(doc: SourceDocument, graph: ResourceGraph, node: GraphNode, scope: 'full' | 'calls'): Bootstrap | BootstrapCalls | undefined {
  const value = userDataValue(graph, node);
  if (!value) return undefined;
  const root = userDataDocument(doc, value, `user data of ${node.id}`, node.tf?.attribute('user_data_base64') !== undefined && node.tf.attribute('user_data') === undefined);
  if (!root) return undefined;
  const docs: SourceDocument[] = [];
  shellDocuments(root, 0, docs);
  // Calls come from aws invocations only: with none possible, the credential switches and
  // services the scripts hold change nothing.
  if (scope === 'calls' && !docs.some((d) => AWS_CALL_TEXT.test(d.text))) return { calls: [] };
  interface Event { readonly at: number; readonly cmd?: ShellCommand; readonly doc: SourceDocument; readonly switchesCredentials: boolean }
  const events: Event[] = [];
  let webServer: Range | undefined;
  let containers: Range | undefined;
  const seen = new Set<string>();
  for (const d of docs) {
    const script = shellScript(d);
    if (!script) continue;
    for (const a of script.assignments) {
      // A prefix assignment (`AWS_PROFILE=x aws …`) applies to its own command only (checked there).
      if (CREDENTIAL_VARIABLES.has(a.name) && a.via !== 'prefix' && a.via !== 'env') events.push({ at: rangeIn(d, doc, a.start, a.start + 1).start, doc: d, switchesCredentials: true });
    }
    for (const w of fileWrites(script)) {
      if (/\.aws\/(?:credentials|config)\b/.test(w.target.loose)) events.push({ at: rangeIn(d, doc, w.target.start, w.target.end).start, doc: d, switchesCredentials: true });
    }
    for (const cmd of script.commands) {
      const r = rangeIn(d, doc, cmd.start, cmd.end);
      if (!webServer && isWebServer(cmd)) webServer = r;
      if (!containers && startsContainers(cmd)) containers = r;
      const inv = awsInvocation(cmd);
      if (!inv) continue;
      // By position in its own document: a script read by file() maps as a whole to the call.
      const key = `${docs.indexOf(d)}:${cmd.start}:${cmd.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const isConfigure = inv.service?.value === 'configure' && ['set', 'import'].includes(inv.args[0]?.value ?? '');
      events.push({ at: r.start, cmd, doc: d, switchesCredentials: isConfigure });
    }
  }
  events.sort((a, b) => a.at - b.at);
  const calls: BootstrapCall[] = [];
  let switched = false;
  for (const e of events) {
    if (e.switchesCredentials) switched = true;
    const cmd = e.cmd;
    if (!cmd) continue;
    const inv = awsInvocation(cmd);
    if (!inv) continue;
    const awsWord = inv.aws;
    const last = cmd.effective[cmd.effective.length - 1] ?? awsWord;
    const range = rangeIn(e.doc, doc, awsWord.start, last.end);
    const words = cmd.effective.slice(1).map(cliWord);
    const globalOptions = words.some((w) => /^--(?:profile|endpoint-url|no-sign-request)\b/.test(w.template));
    const ownCredentials = cmd.assignments.some((a) => CREDENTIAL_VARIABLES.has(a.name));
    const mapping = cliCallNeeds(inv.service ? cliWord(inv.service) : undefined, inv.args.map(cliWord));
    calls.push({ command: mapping.command, range, mapping, credentials: switched || globalOptions || ownCredentials || inv.profile !== undefined ? 'other' : 'role' });
  }
  return { calls, ...(webServer ? { webServer } : {}), ...(containers ? { containers } : {}) };
}
