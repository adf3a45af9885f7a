// The GitHub Action's entry point (action.yml → bundle/action.js, Node 24 on the runner).
// One scan writes the SARIF file; the upload, the annotations, the job summary and the
// outputs are all read back from it. Exit codes: credlint's 0 and 1 map to a passing and a
// failing step; 2 (usage, configuration or internal error) fails the step with credlint's
// one-line message, and nothing is uploaded from a run that errored.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Log } from 'sarif';
import { runCli } from '../cli.js';
import { buildAnnotations } from './annotations.js';
import { appendSummary, getBooleanInput, getInput, InputError, setOutput, workflowCommand, type Env } from './runner.js';
import { sarifFindings } from './sarif-findings.js';
import { buildSummary, escapeMarkdown } from './summary.js';
import { readOnlyTokenReason, uploadSarif, type GithubEvent } from './upload.js';

const SCAN_MODES = ['files', 'pull-request', 'history'] as const;
type ScanMode = (typeof SCAN_MODES)[number];
const ZERO_SHA = /^0+$/;

interface Out {
  write(s: string): unknown;
}

function readEvent(env: Env): GithubEvent {
  const path = env.GITHUB_EVENT_PATH;
  if (!path || !existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as GithubEvent;
  } catch {
    return {};
  }
}

/** `credlint/<workflow file>:<job>` — what github/codeql-action uses as its default, per workflow and job. */
export function defaultCategory(env: Env, mode: ScanMode, shard: string): string {
  const shardMatch = /^(\d+)\/(\d+)$/.exec(shard);
  if (shardMatch) return `credlint/shard-${shardMatch[1]}-of-${shardMatch[2]}`;
  const repo = env.GITHUB_REPOSITORY ?? '';
  const workflowRef = env.GITHUB_WORKFLOW_REF ?? '';
  const workflow = workflowRef.startsWith(`${repo}/`) ? workflowRef.slice(repo.length + 1).replace(/@.*$/, '') : (env.GITHUB_WORKFLOW ?? '');
  // Matrix jobs share a workflow and a job id: their values keep the categories apart
  // (the matrix input defaults to toJson(matrix), as github/codeql-action does).
  const matrix = parseMatrix(getInput(env, 'matrix'));
  const base = ['credlint', [workflow, env.GITHUB_JOB].filter(Boolean).join(':'), ...matrix].filter(Boolean).join('/');
  // A partial scan (a pull request's commits, the history) is its own analysis: sharing a
  // category with the full-tree scan would mark every alert outside it as fixed.
  return mode === 'files' ? base : `${base}/${mode}`;
}

function parseMatrix(text: string): string[] {
  try {
    const value = JSON.parse(text || 'null') as unknown;
    if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
    return Object.entries(value as Record<string, unknown>)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${k}:${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
  } catch {
    return [];
  }
}

function git(cwd: string, args: readonly string[]): string | undefined {
  try {
    return execFileSync('git', ['-C', cwd, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch {
    return undefined;
  }
}

/**
 * History modes need the commits: actions/checkout fetches one commit by default. A shallow
 * clone is deepened to the full history (a shallow root would make every file of that commit
 * look added), and commits the checkout did not bring (a fork's head) are fetched by id.
 */
function ensureHistory(cwd: string, shas: readonly string[], log: Out): void {
  if (git(cwd, ['rev-parse', '--is-shallow-repository']) === 'true') {
    log.write('credlint: fetching the full history (use actions/checkout with fetch-depth: 0 to skip this)\n');
    git(cwd, ['fetch', '--no-tags', '--quiet', '--unshallow', 'origin']);
  }
  for (const sha of shas) {
    if (git(cwd, ['cat-file', '-e', `${sha}^{commit}`]) === undefined) git(cwd, ['fetch', '--no-tags', '--quiet', 'origin', sha]);
  }
}

/** The CLI arguments that select what to scan; `notes` explains any fallback. */
function scanArguments(mode: ScanMode, env: Env, event: GithubEvent, paths: string[], cwd: string, log: Out, notes: string[]): string[] {
  if (mode === 'files') return paths;
  if (mode === 'history') {
    ensureHistory(cwd, [], log);
    return ['--history'];
  }
  const pr = event.pull_request;
  const base = pr?.base?.sha;
  const head = pr?.head?.sha;
  if (base && head) {
    ensureHistory(cwd, [base, head], log);
    return ['--history', `${base}..${head}`];
  }
  if (event.before && event.after && !ZERO_SHA.test(event.before)) {
    ensureHistory(cwd, [event.before, event.after], log);
    return ['--history', `${event.before}..${event.after}`];
  }
  notes.push(`scan: pull-request needs a pull_request or push event (this is "${env.GITHUB_EVENT_NAME ?? 'unknown'}"): the files were scanned instead`);
  return paths;
}

/** Captures what the in-process CLI writes, passing it through to the step's log. */
function capture(out: Out): { stream: { write(s: string): boolean }; text(): string } {
  let buffer = '';
  return {
    stream: {
      write(s: string) {
        buffer += s;
        out.write(s);
        return true;
      },
    },
    text: () => buffer,
  };
}

export async function runAction(env: Env, stdout: Out, stderr: Out): Promise<number> {
  const started = Date.now();
  const cwd = resolve(env.GITHUB_WORKSPACE || process.cwd());
  const notes: string[] = [];
  let exitCode = 2;
  const fail = (message: string) => {
    stdout.write(workflowCommand('error', message, { title: 'credlint' }));
  };
  try {
    const paths = getInput(env, 'paths').split(/\s+/).filter(Boolean);
    const config = getInput(env, 'config');
    const failOn = getInput(env, 'fail-on') || 'error';
    const baseline = getInput(env, 'baseline');
    const shard = getInput(env, 'shard');
    const mode = (getInput(env, 'scan') || 'files') as ScanMode;
    if (!SCAN_MODES.includes(mode)) throw new InputError(`input scan: expected files, pull-request or history, got "${mode}"`);
    if (shard && !/^\d+\/\d+$/.test(shard)) throw new InputError(`input shard: expected I/N (for example 1/4), got "${shard}"`);
    const upload = getBooleanInput(env, 'upload', true);
    const annotate = getBooleanInput(env, 'annotate', true);
    const category = getInput(env, 'category') || defaultCategory(env, mode, shard);
    const sarifInput = getInput(env, 'sarif-file');
    const sarifFile = sarifInput
      ? isAbsolute(sarifInput)
        ? sarifInput
        : resolve(cwd, sarifInput)
      : join(env.RUNNER_TEMP || cwd, `credlint-${category.replace(/[^A-Za-z0-9._-]+/g, '-')}.sarif`);
    const event = readEvent(env);

    const args = [
      ...scanArguments(mode, env, event, paths, cwd, stderr, notes),
      '--format', 'sarif', '--output', sarifFile,
      '--fail-on', failOn,
      ...(config ? ['--config', config] : []),
      ...(baseline ? ['--baseline', baseline] : []),
      ...(shard ? ['--shard', shard] : []),
    ];
    // `--history` takes an optional range: keep it last when it has none.
    const bare = args.indexOf('--history');
    if (bare !== -1 && (args[bare + 1] === undefined || args[bare + 1]!.startsWith('-'))) args.push(...args.splice(bare, 1));

    // A report left by an earlier run must never be taken for this run's.
    rmSync(sarifFile, { force: true });
    mkdirSync(dirname(sarifFile), { recursive: true });
    const err = capture(stderr);
    stdout.write(`credlint ${args.map((a) => (/^[\w./:=@-]+$/.test(a) ? a : JSON.stringify(a))).join(' ')}\n`);
    exitCode = await runCli(args, { stdout: capture(stdout).stream, stderr: err.stream, env: { ...env, NO_COLOR: '1' }, cwd });
    setOutput(env, 'exit-code', String(exitCode));

    if (exitCode === 2 || !existsSync(sarifFile)) {
      const line = err.text().split('\n').find((l) => l.startsWith('credlint:')) ?? 'credlint: failed without a report';
      fail(`${line.replace(/^credlint: /, 'credlint: ')} — nothing was uploaded`);
      setOutput(env, 'findings', '0');
      setOutput(env, 'sarif-file', '');
      appendSummary(env, `## credlint\n\n**credlint could not complete the scan** (exit code 2); nothing was uploaded.\n\n> ${escapeMarkdown(line)}\n\n`);
      return 1;
    }

    // The category is the SARIF run's automationDetails.id (code scanning reads it up to the last "/").
    const log = JSON.parse(readFileSync(sarifFile, 'utf8')) as Log;
    for (const run of log.runs) run.automationDetails = { ...run.automationDetails, id: category.endsWith('/') ? category : `${category}/` };
    const sarifText = `${JSON.stringify(log, null, 2)}\n`;
    writeFileSync(sarifFile, sarifText);
    const findings = sarifFindings(log);
    setOutput(env, 'findings', String(findings.length));
    setOutput(env, 'sarif-file', sarifFile);

    let omitted = 0;
    if (annotate) {
      const a = buildAnnotations(findings);
      stdout.write(a.text);
      omitted = a.omitted;
    }

    let uploadFailed = false;
    if (upload) {
      const readOnly = readOnlyTokenReason(env, event);
      const token = getInput(env, 'token') || env.GITHUB_TOKEN || '';
      if (readOnly) {
        const note = `SARIF upload skipped: ${readOnly}; the findings are in the annotations, the job summary and the step's result`;
        stdout.write(workflowCommand('notice', note, { title: 'credlint' }));
        notes.push(note);
      } else if (!token || !env.GITHUB_REPOSITORY || !env.GITHUB_SHA || !env.GITHUB_REF) {
        fail('SARIF upload failed: no token, GITHUB_REPOSITORY, GITHUB_SHA or GITHUB_REF (set the token input, or upload: false)');
        uploadFailed = true;
      } else {
        const outcome = await uploadSarif({
          apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
          repository: env.GITHUB_REPOSITORY,
          token,
          commitSha: env.GITHUB_SHA,
          ref: env.GITHUB_REF,
          workspace: cwd,
          sarif: sarifText,
        });
        if (outcome.ok) {
          stdout.write(`credlint: SARIF uploaded to code scanning (category ${category}${outcome.id ? `, id ${outcome.id}` : ''})\n`);
        } else {
          fail(outcome.message);
          notes.push(outcome.message);
          uploadFailed = true;
        }
      }
    }

    const server = env.GITHUB_SERVER_URL || 'https://github.com';
    const repoUrl = env.GITHUB_REPOSITORY ? `${server}/${env.GITHUB_REPOSITORY}` : undefined;
    appendSummary(env, buildSummary({ findings, exitCode, failOn, category, repoUrl, sha: env.GITHUB_SHA, omittedAnnotations: omitted, notes }));
    stderr.write(`credlint: action finished in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

    if (exitCode === 1) {
      fail(`credlint found ${findings.length} problem${findings.length === 1 ? '' : 's'} (failing on ${failOn} and above); suppress one with a "credlint-disable-next-line <rule> -- reason" comment, or record the existing ones with --write-baseline and the baseline input`);
      return 1;
    }
    return uploadFailed ? 1 : 0;
  } catch (error) {
    const message = error instanceof InputError ? `credlint: ${error.message}` : `credlint: internal error in the action: ${(error as Error)?.message ?? String(error)}`;
    fail(message);
    setOutput(env, 'exit-code', '2');
    setOutput(env, 'findings', '0');
    setOutput(env, 'sarif-file', '');
    return 1;
  }
}
