// The command line: parses argv, calls the engine, writes the report, maps the result to an
// exit code. 0: nothing at or above the fail level; 1: something is; 2: usage, configuration
// or internal error — always one clear line on stderr (a stack trace only with --debug).
import { parseArgs } from 'node:util';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { rules as allRules } from '../rules/index.js';
import { ConfigError, UsageError, loadConfig, normalizeSeverityAlias, suggest } from './config.js';
import { parseShard, type Shard } from './engine/shard.js';
import { writeStarterConfig } from './init.js';
import { scan, type Concurrency } from './engine/run.js';
import type { FileTimeout } from './engine/pool.js';
import { parseByteSize } from './engine/read.js';
import type { ScanResult } from './engine/types.js';
import { severityRank, type Severity } from './rule.js';
import { VERSION } from './version.js';
import { HELP } from './cli-help.js';
import { formatStylish } from './reporters/stylish.js';
import { formatJson } from './reporters/json.js';
import { formatSarif } from './reporters/sarif.js';
import { formatGithub } from './reporters/github.js';
import type { ReportContext } from './reporters/common.js';
import { applyBaseline, readBaseline, writeBaseline } from './baseline.js';
import { writeOutputFile } from './output-file.js';
import { maskText, noWorkflowCommands, terminalSafe } from './reporters/safe-output.js';
import { quoteValue } from './detect/display.js';
import { formatPolicyReports, policyReports } from './policy-command.js';

const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
type Format = (typeof FORMATS)[number];

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  rule: { type: 'string', multiple: true },
  'disable-rule': { type: 'string', multiple: true },
  ignore: { type: 'string', multiple: true },
  'fail-on': { type: 'string' },
  'exit-zero': { type: 'boolean' },
  concurrency: { type: 'string' },
  'file-timeout': { type: 'string' },
  'max-file-size': { type: 'string' },
  baseline: { type: 'string' },
  'write-baseline': { type: 'string' },
  'report-unused-suppressions': { type: 'boolean' },
  'show-secrets': { type: 'boolean' },
  annotate: { type: 'boolean' },
  'no-git': { type: 'boolean' },
  staged: { type: 'boolean' },
  history: { type: 'boolean' },
  shard: { type: 'string' },
  'stdin-filename': { type: 'string' },
  resource: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  'list-rules': { type: 'boolean' },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
  debug: { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
} as const;

export { HELP };

export interface CliIO {
  readonly stdout: { write(s: string): unknown; isTTY?: boolean };
  readonly stderr: { write(s: string): unknown; isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** Standard input, read when the path `-` is given. */
  readonly stdin?: AsyncIterable<Buffer | string>;
}

interface ParsedArgs {
  values: { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K] extends { multiple: true } ? string[] : (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };
  positionals: string[];
}

/**
 * `--history` takes an optional revision range: the next argument when it is not an option
 * (`--history main..HEAD`), or `--history=<range>`. parseArgs has no optional values, so the
 * range is taken out first.
 */
function takeHistoryRange(argv: readonly string[]): { args: string[]; range: string | undefined } {
  const args: string[] = [];
  let range: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      args.push(...argv.slice(i));
      break;
    }
    if (a.startsWith('--history=')) {
      args.push('--history');
      range = a.slice('--history='.length);
      if (range === '') throw new UsageError('--history=: expected a revision range such as main..HEAD');
    } else if (a === '--history') {
      args.push(a);
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('-')) {
        range = next;
        i++;
      }
    } else {
      args.push(a);
    }
  }
  return { args, range };
}

function parse(argv: readonly string[]): ParsedArgs {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true }) as ParsedArgs;
  } catch (error) {
    const e = error as Error & { code?: string };
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const flag = /'([^']+)'/.exec(e.message)?.[1] ?? 'option';
      const names = Object.keys(OPTIONS).map((n) => `--${n}`);
      const near = flag.startsWith('--') ? suggest(flag, names) : undefined;
      throw new UsageError(`unknown option ${flag}${near ? ` (did you mean ${near}?)` : ''}; see credlint --help`);
    }
    // Node's messages may run over several lines: one line, always.
    const first = (e.message.split('\n')[0] ?? '').replace(/\.$/, '');
    const ambiguous = /^Option '(--[\w-]+)[^']*' argument is ambiguous/i.exec(first);
    if (ambiguous) {
      throw new UsageError(`option ${ambiguous[1]} needs a value (one that starts with "-" is written ${ambiguous[1]}=<value>); see credlint --help`);
    }
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new UsageError(`${first.replace(/^Option /, 'option ')}; see credlint --help`);
    }
    throw new UsageError(`${first}; see credlint --help`);
  }
}

/** `--file-timeout <seconds>`: that long per file, plus a third of it per MiB (as the default's 30 s + 10 s/MiB). */
function parseFileTimeout(value: string | undefined): FileTimeout | false | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+(?:\.\d+)?$/.test(value) || Number(value) > 86_400) throw new UsageError(`--file-timeout: expected a number of seconds, got ${quoteValue(value)}`);
  const seconds = Number(value);
  if (seconds === 0) return false;
  // Any positive value keeps the watchdog on (a budget under a millisecond is one millisecond).
  const ms = Math.max(1, Math.round(seconds * 1000));
  return { baseMs: ms, perMbMs: Math.max(1, Math.round(ms / 3)) };
}

function parseConcurrency(value: string | undefined): Concurrency {
  if (value === undefined || value === 'auto') return 'auto';
  if (value === 'off' || value === '0') return 'off';
  if (/^\d+$/.test(value) && Number(value) > 0 && Number(value) <= 64) return Number(value);
  throw new UsageError(`--concurrency: expected auto, off or a number from 1 to 64, got ${quoteValue(value)}`);
}

function parseLevel(value: string | undefined, flag: string): Severity | undefined {
  if (value === undefined) return undefined;
  const level = normalizeSeverityAlias(value);
  if (level === 'error' || level === 'warning' || level === 'note') return level;
  throw new UsageError(`${flag}: expected error, warning (or warn) or note, got ${quoteValue(value)}`);
}

function listRules(): string {
  const width = Math.max(...allRules.map((r) => r.id.length));
  return `${allRules.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.description}\n${' '.repeat(width + 11)}${r.helpUri}`).join('\n')}\n`;
}

/** The path standard input is reported as: `--stdin-filename` relative to the working directory. */
function stdinPath(cwd: string, name: string | undefined): string {
  if (name === undefined || name === '') return '<stdin>';
  const rel = isAbsolute(name) ? relative(cwd, name) : relative(cwd, resolve(cwd, name));
  return rel.split(sep).join('/') || name;
}

async function readAll(stdin: AsyncIterable<Buffer | string> | undefined): Promise<Buffer> {
  if (!stdin) throw new UsageError('-: standard input is not available');
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/** A progress line on stderr, only on a TTY and only once a scan has taken over a second. */
function progressReporter(io: CliIO, unit = 'files'): { update(done: number, total: number): void; clear(): void } {
  if (!io.stderr.isTTY) return { update() {}, clear() {} };
  const started = Date.now();
  let shown = false;
  let last = 0;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - started < 1000 || now - last < 100) return;
      last = now;
      shown = true;
      io.stderr.write(`\r\u001b[2Kcredlint: scanned ${done}/${total} ${unit}`);
    },
    clear() {
      if (shown) io.stderr.write('\r\u001b[2K');
    },
  };
}

/** One line for stderr: key-shaped text masked (unless --show-secrets), controls made visible. */
function safeLine(text: string, showSecrets = false): string {
  return terminalSafe(showSecrets ? text : maskText(text));
}

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  let debug = argv.includes('--debug');
  try {
    const taken = takeHistoryRange(argv);
    const { values, positionals } = parse(taken.args);
    debug = values.debug === true;
    if (values.help) {
      io.stdout.write(`${HELP}\n`);
      return 0;
    }
    if (values.version) {
      io.stdout.write(`${VERSION}\n`);
      return 0;
    }
    if (values['list-rules']) {
      io.stdout.write(listRules());
      return 0;
    }
    if (positionals[0] === 'init' && !values.history && !values.staged) {
      if (positionals.length > 1) throw new UsageError('init: takes no arguments (it writes credlint.config.yaml in the current directory)');
      const written = writeStarterConfig(io.cwd, allRules);
      io.stderr.write(`credlint: wrote ${relative(io.cwd, written)}: every key commented; edit it, then run credlint\n`);
      return 0;
    }
    if (positionals[0] === 'policy' && !values.history && !values.staged) {
      const file = positionals[1];
      if (file === undefined || positionals.length > 2) throw new UsageError('policy: expected one file: credlint policy <file> [--resource <name>]');
      const reports = await policyReports(io.cwd, file, values.resource);
      if (values.format !== undefined && values.format !== 'json' && values.format !== 'stylish') throw new UsageError(`policy: --format: expected json, got ${quoteValue(values.format)}`);
      const text = values.format === 'json' ? `${JSON.stringify(reports, null, 2)}\n` : formatPolicyReports(file, reports);
      if (values.output) writeOutputFile(resolve(io.cwd, values.output), text);
      else io.stdout.write(text);
      return 0;
    }
    if (values.resource !== undefined) throw new UsageError('--resource: only with credlint policy <file>');
    const modes = [values.history && '--history', values.staged && '--staged', positionals.includes('-') && '-'].filter(Boolean);
    if (modes.length > 1) throw new UsageError(`${modes.join(' and ')} cannot be combined`);
    if (values.history && positionals.length > 0) {
      throw new UsageError(`--history scans the repository's history, not paths ("${positionals[0]}"); narrow it with --ignore or the configuration's ignore`);
    }
    if (positionals.includes('-') && positionals.length > 1) throw new UsageError('-: standard input is scanned alone; give no other paths');
    if (values['stdin-filename'] !== undefined && !positionals.includes('-')) throw new UsageError('--stdin-filename: only with "-" (standard input)');
    const shard: Shard | undefined = values.shard !== undefined ? parseShard(values.shard) : undefined;
    const format = (values.format ?? 'stylish') as Format;
    if (!FORMATS.includes(format)) {
      throw new UsageError(`--format: expected one of ${FORMATS.join(', ')}, got ${quoteValue(String(values.format))}`);
    }
    const failOn = parseLevel(values['fail-on'], '--fail-on');
    const concurrency = parseConcurrency(values.concurrency);
    const fileTimeout = parseFileTimeout(values['file-timeout']);
    let maxFileSize: number | undefined;
    if (values['max-file-size'] !== undefined) {
      maxFileSize = parseByteSize(values['max-file-size']);
      if (maxFileSize === undefined) throw new UsageError(`--max-file-size: expected a size such as 5MB, got ${quoteValue(values['max-file-size'])}`);
    }

    const config = loadConfig(io.cwd, allRules, values.config, {
      onlyRules: values.rule,
      disableRules: values['disable-rule'],
      extraIgnore: values.ignore,
      maxFileSize,
      failOn,
      showSecrets: values['show-secrets'] === true,
    });

    const baseline = values.baseline ? readBaseline(resolve(io.cwd, values.baseline)) : undefined;
    const stdin = positionals.includes('-')
      ? { data: await readAll(io.stdin), path: stdinPath(io.cwd, values['stdin-filename']) }
      : undefined;
    const progress = progressReporter(io, values.history ? 'blobs' : 'files');
    let result: ScanResult = await scan({
      cwd: io.cwd,
      paths: positionals,
      config,
      rules: allRules,
      concurrency,
      ...(fileTimeout !== undefined ? { fileTimeout } : {}),
      reportUnusedSuppressions: values['report-unused-suppressions'] === true,
      useGit: values['no-git'] !== true,
      staged: values.staged === true,
      ...(values.history ? { history: taken.range ?? true } : {}),
      ...(shard ? { shard } : {}),
      ...(stdin ? { stdin } : {}),
      onProgress: (done, total) => progress.update(done, total),
    });
    progress.clear();

    if (values['write-baseline']) {
      const target = resolve(io.cwd, values['write-baseline']);
      const count = writeBaseline(target, result.findings);
      io.stderr.write(`credlint: wrote ${count} finding${count === 1 ? '' : 's'} to baseline ${values['write-baseline']}\n`);
      return 0;
    }
    if (baseline) result = applyBaseline(result, baseline);
    // The exit code counts every finding at or above the fail level, whatever --quiet hides.
    const threshold = severityRank(config.failOn);
    const failing = result.findings.some((f) => !f.suppression && severityRank(f.severity) >= threshold);
    if (values.quiet) result = { ...result, findings: result.findings.filter((f) => f.severity === 'error') };

    const showSecrets = config.showSecrets === true;
    const context: ReportContext = { result, rules: allRules, version: VERSION, showSecrets };
    const color =
      values['no-color'] === true
        ? false
        : values.color === true || (!!io.stdout.isTTY && !values.output && !('NO_COLOR' in io.env && io.env.NO_COLOR !== '') && io.env.TERM !== 'dumb');
    const report =
      format === 'json'
        ? formatJson(context)
        : format === 'sarif'
          ? formatSarif(context)
          : format === 'github'
            ? formatGithub(context)
            : formatStylish(context, { color });
    if (values.annotate && values.output && format !== 'github') io.stdout.write(formatGithub(context));
    if (values.output) {
      try {
        writeOutputFile(resolve(io.cwd, values.output), report);
      } catch (error) {
        throw new UsageError(`--output ${values.output}: cannot write the report (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      }
    } else {
      // The Actions runner executes stdout lines starting with `::`; only the github format may.
      io.stdout.write(format === 'github' ? report : noWorkflowCommands(report));
    }
    if (debug) {
      for (const n of result.notifications) io.stderr.write(`credlint: [${n.level}] ${n.id}: ${safeLine(n.message, showSecrets)}\n`);
    }

    if (values['exit-zero']) return 0;
    return failing ? 1 : 0;
  } catch (error) {
    // Error texts may quote a value the user mistyped (a key pasted into a flag): masked too.
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.stderr.write(`credlint: ${safeLine(error.message)}\n`);
      if (debug && error.stack) io.stderr.write(`${maskText(error.stack)}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`credlint: internal error: ${safeLine(message)}${debug ? '' : ' (run with --debug for details)'}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr.write(`${maskText(error.stack)}\n`);
    return 2;
  }
}
