// Runs a file the way a GitHub Actions runner runs a JavaScript action: a child process with
// the runner's GITHUB_* variables, INPUT_* variables for every input (upper-cased, hyphens
// kept, defaults filled in from action.yml as the runner does), and a fake GitHub API on
// 127.0.0.1 that records what it receives.
import { spawn, spawnSync } from 'node:child_process';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './fixtures.js';

export interface ApiRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A fake api.github.com; `status` decides the reply to every request. Close it when done. */
export async function fakeGithubApi(status = 202): Promise<{ url: string; requests: ApiRequest[]; close(): Promise<void> }> {
  const requests: ApiRequest[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(status < 300 ? { id: 'sarif-id-1', url: 'http://127.0.0.1/sarifs/sarif-id-1' } : { message: 'Resource not accessible by integration' }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((r) => server.close(() => r())) };
}

interface ActionYaml {
  runs: { using: string; main: string };
  inputs: Record<string, { default?: string }>;
}

export function actionYaml(): ActionYaml {
  return parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYaml;
}

export interface ActionRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Record<string, string>;
  readonly summary: string;
  readonly ms: number;
}

/** Parses $GITHUB_OUTPUT (`name<<DELIM … DELIM` and `name=value` lines). */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i]!);
      out[heredoc[1]!] = value.join('\n');
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

export interface RunActionOptions {
  readonly workspace: string;
  readonly event: Record<string, unknown>;
  readonly eventName: string;
  readonly apiUrl: string;
  readonly inputs?: Record<string, string>;
  readonly env?: Record<string, string>;
}

export const TOKEN = 'ghs_faketoken';

let checkout: string | undefined;
/**
 * The action as the runner downloads it for `uses: credlint/credlint@v0`: the committed files,
 * no node_modules (so a bundle that still needs a package from node_modules fails here).
 */
export function actionCheckout(): string {
  if (!checkout) {
    checkout = mkdtempSync(join(tmpdir(), 'credlint-action-'));
    for (const entry of ['action.yml', 'package.json', 'LICENSE', 'bundle', 'bin']) cpSync(join(ROOT, entry), join(checkout, entry), { recursive: true });
  }
  return checkout;
}

/** Runs action.yml's `runs.main` with `node`, as the runner does; resolves when it exits. */
export function runAction(opts: RunActionOptions): Promise<ActionRun> {
  const action = actionYaml();
  const home = mkdtempSync(join(tmpdir(), 'credlint-runner-'));
  const eventPath = join(home, 'event.json');
  const outputPath = join(home, 'output');
  const summaryPath = join(home, 'summary.md');
  writeFileSync(eventPath, JSON.stringify(opts.event));
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs)) {
    // The runner evaluates the defaults' expressions: a job without a matrix has toJson(matrix) = 'null'.
    const value = opts.inputs?.[name] ?? String(spec.default ?? '').replace('${{ github.token }}', TOKEN).replace('${{ toJson(matrix) }}', 'null');
    inputs[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  const pr = (opts.event.pull_request ?? undefined) as { number?: number } | undefined;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: home,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: opts.workspace,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_EVENT_NAME: opts.eventName,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_API_URL: opts.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'octo/app',
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_REF: pr ? `refs/pull/${pr.number ?? 1}/merge` : 'refs/heads/main',
    GITHUB_WORKFLOW: 'Security',
    GITHUB_WORKFLOW_REF: 'octo/app/.github/workflows/security.yml@refs/heads/main',
    GITHUB_JOB: 'credlint',
    GITHUB_ACTOR: 'octocat',
    RUNNER_TEMP: home,
    ...inputs,
    ...opts.env,
  };
  const started = Date.now();
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [join(actionCheckout(), action.runs.main)], { cwd: opts.workspace, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) =>
      resolveRun({
        code,
        stdout,
        stderr,
        outputs: parseOutputs(readFileSync(outputPath, 'utf8')),
        summary: readFileSync(summaryPath, 'utf8'),
        ms: Date.now() - started,
      }),
    );
  });
}
