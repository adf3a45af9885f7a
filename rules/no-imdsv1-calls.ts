// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html
// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instance-metadata-v2-how-it-works.html
import { isCalledScriptDocument } from '../src/extract/called-scripts.js';
import { defineRule, type RuleContext, type Severity } from '../src/rule.js';
import type { SourceDocument } from '../src/engine/document.js';
import { assignmentBefore, commandName, shellScript, type ShellCommand, type ShellScript, type ShellWord } from '../src/parsers/shell.js';
import { windowsBlocks, windowsStatements, windowsWords, type WindowsWord } from '../src/parsers/user-data.js';
import {
  isToken,
  looseValue,
  powerShellScripts,
  psArguments,
  psAssignmentBefore,
  psCommandName,
  psParameter,
  splattedEntries,
  type PsElement,
  type PsScript,
} from '../src/parsers/powershell.js';

type Context = RuleContext<Record<string, unknown>>;

/** The metadata service: IPv4, IPv6 (Nitro) and the `instance-data` DNS name. */
const IMDS_HOST_SOURCE = String.raw`(?:169\.254\.169\.254|\[fd00:ec2::254\]|instance-data(?:\.ec2\.internal)?)`;
const IMDS_URL = new RegExp(String.raw`^(?:https?://)?${IMDS_HOST_SOURCE}(?::80)?(?:[/?#]|$)`, 'i');
const IMDS_ANYWHERE = new RegExp(IMDS_HOST_SOURCE, 'i');
/** The session-token header, and the TTL header of the token request (which is IMDSv2 by definition). */
const TOKEN_HEADER = /x-aws-ec2-metadata-token/i;
/** The token request itself: `PUT /latest/api/token`. */
const TOKEN_PATH = /\/latest\/api\/token\b/i;
const CREDENTIALS_PATH = /\/meta-data\/iam\/security-credentials/i;

const HTTP_CLIENTS = new Set(['curl', 'wget']);

interface Hit {
  readonly start: number;
  readonly end: number;
  /** The URL as resolved (variables replaced when known), for the path checks. */
  readonly url: string;
}

/**
 * 169.254.169.254 is also Azure's, Google Cloud's, OpenStack's, Oracle's and DigitalOcean's
 * metadata address; their paths (`/metadata/instance`, `/computeMetadata/v1`, `/openstack/`,
 * `/opc/v2`, `/metadata/v1`) are not the EC2 service and have no IMDSv2 session.
 */
const OTHER_CLOUD_PATH = /^(?:https?:\/\/)?[^/]+\/(?:metadata|computeMetadata|openstack|opc|hetzner)(?:[/?#]|$)/i;

function reportHit(context: Context, hit: Hit): void {
  if (OTHER_CLOUD_PATH.test(hit.url)) return;
  const credentials = CREDENTIALS_PATH.test(hit.url);
  const severity: Severity | undefined = credentials ? 'error' : undefined;
  context.report({
    messageId: credentials ? 'imdsv1Credentials' : 'imdsv1',
    data: { url: hit.url.length > 120 ? `${hit.url.slice(0, 117)}…` : hit.url },
    start: hit.start,
    end: hit.end,
    identity: hit.url.replace(/^https?:\/\//, ''),
    ...(severity ? { severity } : {}),
  });
}

/** Hops through assignments a word is resolved over (`A=$B`, `B=$C`, …). */
const MAX_RESOLVE_DEPTH = 8;

/**
 * Replaces `$X` / `${X}` in a word by X's literal value assigned earlier in the script. `before`
 * is where the lookup starts: for an assignment's own value, the assignment itself, so
 * `X="$X/latest"` reads the X assigned before it, never itself.
 */
function resolveWord(script: ShellScript, word: ShellWord, before = word.start, depth = 0): string {
  if (word.value !== undefined) return word.value;
  // Each name once, and in one pass over the word: a value put in is never substituted again
  // (`A="$A$A"` lines would otherwise grow the text exponentially).
  const values = new Map<string, string>();
  for (const name of new Set(word.variables)) {
    const a = assignmentBefore(script, name, before);
    const v = a?.value;
    const value = v?.value ?? (a && v && v.kind === 'expansion' && depth < MAX_RESOLVE_DEPTH ? resolveWord(script, v, a.start, depth + 1) : undefined);
    if (value !== undefined) values.set(name, value);
  }
  if (values.size === 0) return word.loose;
  return word.loose.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (m, braced: string | undefined, bare: string | undefined) => values.get((braced ?? bare) as string) ?? m);
}

/**
 * A curl/wget command's metadata URL when the command sends no session token. Headers passed
 * through a variable (`-H "$AUTH"`) or a config file (`-K`, `--config`) cannot be seen: those
 * commands are skipped rather than guessed.
 */
function commandHit(script: ShellScript, command: ShellCommand): Hit | undefined {
  const args = command.effective.slice(1);
  let url: { word: ShellWord; resolved: string } | undefined;
  for (let i = 0; i < args.length; i++) {
    const w = args[i] as ShellWord;
    const text = w.value ?? w.loose;
    if (TOKEN_HEADER.test(text)) return undefined;
    if (/^(?:-H|--header)$/.test(text)) {
      const header = args[i + 1];
      if (header && header.value === undefined && !/^[\w-]+:/.test(header.loose)) return undefined;
      continue;
    }
    if (/^(?:-K|--config|-e|--execute)$/.test(text) || /^--header=\$/.test(w.loose)) return undefined;
    if (url) continue;
    const resolved = resolveWord(script, w);
    if (IMDS_URL.test(resolved)) url = { word: w, resolved };
  }
  if (!url || TOKEN_PATH.test(url.resolved)) return undefined;
  return { start: url.word.contentStart, end: url.word.contentEnd, url: url.resolved };
}

const PY_CALL = /\b(?:requests\.(?:get|head|request\(\s*["']GET["']\s*,)|urllib\.request\.urlopen|urllib2\.urlopen|urlopen|urllib\.request\.Request)\(?\s*$/;
const PY_URL = new RegExp(String.raw`(["'])((?:https?://)?${IMDS_HOST_SOURCE}[^"'\s]*)\1`, 'gi');

/** Python `requests.get("http://169.254.169.254/…")` / `urlopen("…")` with a literal URL, in code that never sends the token header. */
function pythonHits(text: string, offset: number): Hit[] {
  if (TOKEN_HEADER.test(text)) return [];
  const out: Hit[] = [];
  for (const m of text.matchAll(PY_URL)) {
    const before = text.slice(Math.max(0, (m.index as number) - 80), m.index);
    if (!PY_CALL.test(before)) continue;
    const url = m[2] as string;
    if (TOKEN_PATH.test(url)) continue;
    const start = offset + (m.index as number) + 1;
    out.push({ start, end: start + url.length, url });
  }
  return out;
}

function shellHits(script: ShellScript, doc: SourceDocument): Hit[] {
  const out: Hit[] = [];
  for (const command of script.commands) {
    const name = commandName(command);
    if (name !== undefined && HTTP_CLIENTS.has(name)) {
      const hit = commandHit(script, command);
      if (hit) out.push(hit);
    } else if (name !== undefined && /^python[\d.]*$/.test(name)) {
      const args = command.effective;
      const c = args.findIndex((w) => w.value === '-c');
      const code = c > 0 ? args[c + 1] : undefined;
      if (code) out.push(...pythonHits(doc.text.slice(code.contentStart, code.contentEnd), code.contentStart));
    }
  }
  return out;
}

/** Index of the first `)` that closes nothing opened in `text`, or -1. */
function unbalancedClose(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth < 0) return i;
  }
  return -1;
}

const PS_CLIENT = /^(?:Invoke-RestMethod|Invoke-WebRequest|irm|iwr|curl|curl\.exe|wget|wget\.exe)$/i;
const PS_CLIENT_NAME = /^(?:invoke-restmethod|invoke-webrequest|irm|iwr|curl|wget)$/;

/**
 * A PowerShell URL argument, resolved through `$uri = '…'` assignments and `"$base/…"` strings.
 * `before` is where lookups start: for an assignment's own value, the assignment itself, so
 * `$u = "$u/latest"` reads the `$u` assigned before it, never itself.
 */
function psUrl(script: PsScript, text: string, e: PsElement | undefined, depth = 0, before = e?.start ?? 0): string | undefined {
  if (!e) return undefined;
  if (isToken(e) && e.type === 'variable' && depth < MAX_RESOLVE_DEPTH) {
    const a = psAssignmentBefore(script, e.variables[0] as string, before);
    return a && a.value.length === 1 ? psUrl(script, text, a.value[0], depth + 1, a.start) : undefined;
  }
  let url = looseValue(e, text).replace(/^["'(]+|["')]+$/g, '');
  if (isToken(e) && e.type === 'string' && e.value === undefined && depth < MAX_RESOLVE_DEPTH) {
    // "$base/iam/security-credentials/$role": substitute variables known as literals.
    url = url.replace(/\$\{?([\w:]+)\}?/g, (m, name: string) => {
      const a = psAssignmentBefore(script, name, before);
      const v = a && a.value.length === 1 ? psUrl(script, text, a.value[0], depth + 1, a.start) : undefined;
      return v ?? m;
    });
  }
  return url;
}

/** Whether a `-Headers` value (a hashtable literal or a variable holding one) carries the token. */
function psHeadersCarryToken(script: PsScript, text: string, e: PsElement | undefined): boolean {
  if (!e) return false;
  if (isToken(e) && e.type === 'variable') {
    const a = psAssignmentBefore(script, e.variables[0] as string, e.start);
    // Headers built elsewhere (a function parameter, `$h.Add(…)`): cannot be seen; do not guess.
    if (!a) return true;
    return TOKEN_HEADER.test(text.slice(a.valueStart, a.valueEnd)) || TOKEN_HEADER.test(text.slice(script.start, script.end));
  }
  return TOKEN_HEADER.test(looseValue(e, text));
}

/** PowerShell: Invoke-RestMethod / Invoke-WebRequest / WebClient requests to the metadata service without the token header. */
function powerShellHits(doc: SourceDocument): Hit[] {
  const out: Hit[] = [];
  const text = doc.text;
  for (const script of powerShellScripts(doc)) {
    const scriptText = text.slice(script.start, script.end);
    if (!IMDS_ANYWHERE.test(scriptText)) continue;
    for (const command of script.commands) {
      const name = psCommandName(command);
      let urlElement: PsElement | undefined;
      let tokenSent = false;
      if (name && PS_CLIENT_NAME.test(name)) {
        const splat = splattedEntries(script, command);
        const uriEntry = splat.find((en) => /^uri$/i.test(en.key));
        // Positional URL: switches (`-UseBasicParsing`) cannot be told from parameters taking a
        // value without the cmdlet's signature, so the first argument that is a metadata URL counts.
        urlElement =
          psParameter(command, /^-(?:Uri|U)$/i)?.value ??
          uriEntry?.value[0] ??
          psArguments(command).find((a) => !(isToken(a) && a.type === 'word' && a.text.startsWith('-')) && IMDS_URL.test(psUrl(script, text, a) ?? ''));
        const headers = psParameter(command, /^-(?:Headers|H)$/i)?.value ?? splat.find((en) => /^headers$/i.test(en.key))?.value[0];
        tokenSent = psHeadersCarryToken(script, text, headers) || (name === 'curl' || name === 'wget' ? psArguments(command).some((a) => TOKEN_HEADER.test(looseValue(a, text))) : false);
      } else {
        // (New-Object Net.WebClient).DownloadString('http://169.254.169.254/…'), $wc.DownloadString($u)
        const k = command.elements.findIndex((e) => isToken(e) && /^\.Download(?:String|File|Data)$/i.test(e.value ?? ''));
        const call = k >= 0 ? command.elements[k + 1] : undefined;
        if (!call || call.type !== 'group') continue;
        urlElement = call.statements[0]?.pipeline[0]?.elements[0];
        // WebClient headers are added with `$wc.Headers.Add(…)`: anywhere in the script counts.
        tokenSent = TOKEN_HEADER.test(scriptText);
      }
      if (tokenSent || !urlElement) continue;
      const url = psUrl(script, text, urlElement);
      if (!url || !IMDS_URL.test(url) || TOKEN_PATH.test(url)) continue;
      // -Method Put to /latest/api/token is the token request; any other PUT is not IMDSv1 either.
      const method = psParameter(command, /^-Method$/i)?.value;
      if (method && /^put$/i.test(looseValue(method, text).replace(/["']/g, ''))) continue;
      const r = isToken(urlElement) && urlElement.type !== 'variable' ? { start: urlElement.contentStart, end: urlElement.contentEnd } : { start: urlElement.start, end: urlElement.end };
      out.push({ ...r, url });
    }
  }
  return out;
}

/** Batch: a web request to the metadata service with no token header in the statement. */
function windowsHits(doc: SourceDocument): Hit[] {
  const out: Hit[] = [];
  for (const block of windowsBlocks(doc)) {
    if (block.language !== 'cmd') continue;
    const blockText = doc.text.slice(block.start, block.end);
    const blockHasToken = TOKEN_HEADER.test(blockText);
    const urlVariables = new Map<string, string>();
    for (const statement of windowsStatements(doc, block)) {
      const words = windowsWords(statement);
      // `$uri = "http://169.254.169.254/…"`: remember it for a later `-Uri $uri`.
      const assign = /^\$([\w:]+)\s*=\s*["']([^"']+)["']\s*$/.exec(statement.text);
      if (assign && IMDS_URL.test(assign[2] as string)) urlVariables.set((assign[1] as string).toLowerCase(), assign[2] as string);
      // `(Invoke-WebRequest …).Content`, `$x = irm …`: the cmdlet may open a parenthesised expression.
      const clientAt = words.findIndex((w) => PS_CLIENT.test(w.value.replace(/^[(@$]*\(/, '')) || /\.Download(?:String|File|Data)\(/i.test(w.value));
      if (clientAt < 0) continue;
      if (TOKEN_HEADER.test(statement.text)) continue;
      // Headers built in a variable (`-Headers $h`) count as the token when the block sends it somewhere.
      if (words.some((w) => /^-(?:Headers|H|Header)$/i.test(w.value)) && blockHasToken) continue;
      let target: { word: WindowsWord; url: string } | undefined;
      for (const w of words.slice(clientAt)) {
        const direct = IMDS_URL.test(w.value) ? w.value : undefined;
        const variable = /^\$([\w:]+)$/.exec(w.value)?.[1]?.toLowerCase();
        const url = direct ?? (variable ? urlVariables.get(variable) : undefined);
        const inline = direct ?? (IMDS_ANYWHERE.test(w.value) ? /https?:\/\/\S+/.exec(w.value)?.[0] : undefined);
        if (url || (inline && IMDS_URL.test(inline))) {
          target = { word: w, url: url ?? (inline as string) };
          break;
        }
      }
      if (!target || TOKEN_PATH.test(target.url)) continue;
      // `(Invoke-RestMethod -Uri http://…/document).region`: the unquoted word runs on past the
      // closing parenthesis of the expression; the URL ends there.
      const word = target.word;
      const cut = word.quote === '' ? unbalancedClose(word.value) : -1;
      const url = cut >= 0 && target.url === word.value ? target.url.slice(0, cut) : target.url;
      out.push({ start: word.contentStart, end: cut >= 0 ? word.contentStart + cut : word.contentEnd, url });
    }
  }
  return out;
}

export default defineRule({
  id: 'no-imdsv1-calls',
  description: 'Disallow instance metadata requests without an IMDSv2 session token',
  fullDescription:
    'A request to the instance metadata service (169.254.169.254, [fd00:ec2::254]) without the ' +
    '`X-aws-ec2-metadata-token` header uses IMDSv1, which answers any GET that reaches it — including one forged ' +
    'through a server-side request forgery or an open proxy, the path by which role credentials have been stolen. ' +
    'Such scripts also break as soon as the instance requires IMDSv2 (the default for new instance types and AMIs). ' +
    'Reading /latest/meta-data/iam/security-credentials/ this way hands the role\'s temporary credentials to ' +
    'anything that can run the same request.',
  severity: 'warning',
  securitySeverity: 6.5,
  precision: 'high',
  cwe: ['CWE-918', 'CWE-522'],
  tags: ['security', 'aws', 'ec2', 'imds'],
  kinds: ['shell', 'powershell', 'user-data', 'cloud-init', 'text'],
  keywords: /169\.254\.169\.254|fd00:ec2::254|instance-data/i,
  messages: {
    imdsv1:
      'Request to the instance metadata service without an IMDSv2 session token ({{url}}); fetch a token with `PUT /latest/api/token` and send it as `X-aws-ec2-metadata-token`',
    imdsv1Credentials:
      'IMDSv1 request for the instance role\'s credentials ({{url}}): anything that can make this request can take them; use an IMDSv2 session token, or better let the SDK/CLI load the role credentials itself',
  },
  recommendation: [
    'Use the IMDSv2 session flow: `TOKEN=$(curl -sX PUT http://169.254.169.254/latest/api/token ',
    '-H "X-aws-ec2-metadata-token-ttl-seconds: 21600")`, then `curl -H "X-aws-ec2-metadata-token: $TOKEN" ',
    'http://169.254.169.254/latest/meta-data/…`. In PowerShell, `Invoke-RestMethod -Method PUT` for the token and ',
    '`-Headers @{"X-aws-ec2-metadata-token" = $token}` on each request. Then require IMDSv2 on the instance ',
    '(`HttpTokens: required` / `http_tokens = "required"`). Do not read `iam/security-credentials/` yourself: the ',
    'AWS CLI and SDKs load the instance role credentials on their own, or use `ec2-metadata` from the amazon-ec2-utils package.',
  ].join(''),
  references: [
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html',
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instance-metadata-retrieval-examples.html',
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-existing-instances.html',
  ],
  defaultOptions: {},
  check(context) {
    const doc = context.document;
    // A script called by a bootstrap script is reported by its own scan, at its own lines.
    if (isCalledScriptDocument(doc)) return;
    if (doc.kind === 'text') {
      if (doc.language === 'python') for (const hit of pythonHits(doc.text, 0)) reportHit(context, hit);
      // A standalone `.bat` (windowsBlocks sees the whole file as one block).
      for (const hit of windowsHits(doc)) reportHit(context, hit);
      return;
    }
    const script = shellScript(doc);
    if (script) for (const hit of shellHits(script, doc)) reportHit(context, hit);
    for (const hit of powerShellHits(doc)) reportHit(context, hit);
    for (const hit of windowsHits(doc)) reportHit(context, hit);
  },
});
