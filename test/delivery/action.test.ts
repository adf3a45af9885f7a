// The GitHub Action as a runner runs it: action.yml parsed, its entry started with node and
// the runner's environment, a fake GitHub API on 127.0.0.1 receiving the SARIF upload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { Log } from 'sarif';
import { ROOT } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/tmp.js';
import { fakeAccessKeyId, fakeSecretAccessKey } from '../helpers/fake-keys.js';
import { actionYaml, fakeGithubApi, runAction, TOKEN, type ApiRequest } from '../helpers/runner.js';
import { buildAnnotations } from '../../src/action/annotations.js';
import { buildSummary, escapeMarkdown } from '../../src/action/summary.js';
import type { SarifFinding } from '../../src/action/sarif-findings.js';

const key = fakeAccessKeyId('action-1');
const secret = fakeSecretAccessKey('action-1');

const pushEvent = { ref: 'refs/heads/main', before: '0'.repeat(40), after: 'a'.repeat(40), repository: { full_name: 'octo/app' } };
const prEvent = (headRepo: string) => ({
  action: 'synchronize',
  number: 7,
  pull_request: {
    number: 7,
    commits: 1,
    head: { sha: 'b'.repeat(40), ref: 'feature', repo: { full_name: headRepo, fork: headRepo !== 'octo/app' } },
    base: { sha: 'c'.repeat(40), ref: 'main', repo: { full_name: 'octo/app' } },
  },
  repository: { full_name: 'octo/app' },
});

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(ROOT, 'test/schemas/sarif-schema-2.1.0.json'), 'utf8')));
}

function uploadedSarif(req: ApiRequest): { body: Record<string, string>; log: Log } {
  const body = JSON.parse(req.body) as Record<string, string>;
  const log = JSON.parse(gunzipSync(Buffer.from(body.sarif!, 'base64')).toString('utf8')) as Log;
  return { body, log };
}

function expectNoSecret(...texts: string[]) {
  for (const t of texts) {
    expect(t).not.toContain(key);
    expect(t).not.toContain(secret);
    expect(t).not.toContain(secret.slice(8, 20));
    expect(t).not.toContain(key.slice(4, 16));
  }
}

describe('action.yml', () => {
  const action = actionYaml();

  it('is a JavaScript action on node24 whose main is the committed bundle', () => {
    expect(action.runs.using).toBe('node24');
    expect(action.runs.main).toBe('bundle/action.js');
    expect(existsSync(join(ROOT, action.runs.main))).toBe(true);
    // No composite steps, no pre/post scripts: nothing installs npm packages or changes the caller's Node.
    expect(Object.keys(action.runs).sort()).toEqual(['main', 'using']);
  });

  it('names only files that exist (the entry, and the grammars beside it)', () => {
    const text = readFileSync(join(ROOT, 'action.yml'), 'utf8');
    for (const m of text.matchAll(/\b(?:bundle|bin|dist)\/[\w./-]+/g)) expect(existsSync(join(ROOT, m[0])), m[0]).toBe(true);
    for (const wasm of ['tree-sitter.wasm', 'tree-sitter-bash.wasm']) {
      expect(existsSync(join(ROOT, 'bundle', wasm)), wasm).toBe(true);
    }
  });

  it('declares the inputs and outputs the README documents', () => {
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['paths', 'config', 'fail-on', 'baseline', 'category', 'upload', 'annotate', 'scan', 'shard']));
    expect(action.inputs.matrix!.default).toBe('${{ toJson(matrix) }}');
    const outputs = (actionYaml() as unknown as { outputs: Record<string, unknown> }).outputs;
    expect(Object.keys(outputs).sort()).toEqual(['exit-code', 'findings', 'sarif-file']);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const name of [...Object.keys(action.inputs), ...Object.keys(outputs)]) expect(readme, `README documents ${name}`).toContain(`\`${name}\``);
  });
});

describe('the action, run as a runner runs it', () => {
  const planted = tempDir('credlint-ws-');
  planted.write('infra/user-data.sh', `#!/bin/bash\nyum install -y awscli\naws configure set aws_access_key_id ${key}\naws configure set aws_secret_access_key ${secret}\n`);
  planted.write('src/ok.js', 'export const region = "us-east-1";\n');
  const clean = tempDir('credlint-ws-');
  clean.write('src/ok.js', 'export const region = "us-east-1";\n');
  let api: Awaited<ReturnType<typeof fakeGithubApi>>;
  beforeAll(async () => {
    api = await fakeGithubApi();
  });
  afterAll(() => api.close());

  it('on push: fails the step, uploads the SARIF, writes outputs, summary and annotations', async () => {
    const before = api.requests.length;
    const r = await runAction({ workspace: planted.dir, event: pushEvent, eventName: 'push', apiUrl: api.url });
    expect(r.code, r.stdout + r.stderr).toBe(1);

    // The upload: the REST endpoint, gzip+base64 SARIF that validates, commit, ref and checkout.
    const uploads = api.requests.slice(before);
    expect(uploads).toHaveLength(1);
    const req = uploads[0]!;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/repos/octo/app/code-scanning/sarifs');
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    const { body, log } = uploadedSarif(req);
    expect(body.commit_sha).toBe('a'.repeat(40));
    expect(body.ref).toBe('refs/heads/main');
    expect(body.tool_name).toBe('credlint');
    expect(body.checkout_uri).toBe(new URL(`file://${planted.dir}`).href);
    expect(validator()(log)).toBe(true);
    expect(log.runs[0]!.automationDetails!.id).toBe('credlint/.github/workflows/security.yml:credlint/');
    const results = log.runs[0]!.results!;
    expect(results.map((x) => x.ruleId)).toContain('no-aws-configure-in-bootstrap');
    const first = results.find((x) => x.ruleId === 'no-aws-configure-in-bootstrap')!;
    expect(first.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('infra/user-data.sh');
    expect(first.locations![0]!.physicalLocation!.region!.startLine).toBe(3);

    // Outputs, as $GITHUB_OUTPUT holds them.
    expect(r.outputs['exit-code']).toBe('1');
    expect(Number(r.outputs.findings)).toBe(results.filter((x) => !x.suppressions?.length).length);
    expect(r.outputs['sarif-file']).toMatch(/\.sarif$/);
    expect(JSON.parse(readFileSync(r.outputs['sarif-file']!, 'utf8'))).toEqual(log);

    // Annotations at the finding, and the failing line that says what to do.
    expect(r.stdout).toMatch(/^::error file=infra\/user-data\.sh,line=3,col=\d+,endLine=3,endColumn=\d+,title=credlint no-aws-configure-in-bootstrap::/m);
    expect(r.stdout).toMatch(/::error title=credlint::credlint found \d+ problems .*credlint-disable-next-line.*baseline/);

    // The summary: a table by rule and file, rule docs linked, the file linked at its line.
    expect(r.summary).toContain('| Rule | File | Severity | Findings | Lines |');
    expect(r.summary).toMatch(/\| \[no&#45;aws&#45;configure&#45;in&#45;bootstrap\]\(https:\/\/[^)]+no-aws-configure-in-bootstrap[^)]*\) \| \[infra&#47;user&#45;data&#46;sh\]\(https:\/\/github\.com\/octo\/app\/blob\/a{40}\/infra\/user-data\.sh#L3\) \| error \| \d+ \| 3/);
    expectNoSecret(r.stdout, r.stderr, r.summary, req.body, readFileSync(r.outputs['sarif-file']!, 'utf8'));
  });

  it('passes on a clean tree and still uploads (so fixed alerts close)', async () => {
    const before = api.requests.length;
    const r = await runAction({ workspace: clean.dir, event: pushEvent, eventName: 'push', apiUrl: api.url, inputs: { category: 'my/category' } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs).toMatchObject({ 'exit-code': '0', findings: '0' });
    expect(api.requests.length - before).toBe(1);
    expect(uploadedSarif(api.requests.at(-1)!).log.runs[0]!.automationDetails!.id).toBe('my/category/');
    expect(r.summary).toContain('No problems found');
  });

  it('on a pull request from a fork: skips the upload with a notice, still annotates and fails', async () => {
    const before = api.requests.length;
    const r = await runAction({ workspace: planted.dir, event: prEvent('someone/app'), eventName: 'pull_request', apiUrl: api.url });
    expect(r.code).toBe(1);
    expect(api.requests.length).toBe(before);
    expect(r.stdout).toMatch(/^::notice title=credlint::SARIF upload skipped: this pull request comes from a fork/m);
    expect(r.stdout).toMatch(/^::error file=infra\/user-data\.sh,line=3/m);
    expect(r.outputs['exit-code']).toBe('1');
    expect(r.summary).toContain('SARIF upload skipped');
  });

  it('on a pull request from the same repository: uploads under the pull request ref', async () => {
    const before = api.requests.length;
    const r = await runAction({ workspace: planted.dir, event: prEvent('octo/app'), eventName: 'pull_request', apiUrl: api.url, inputs: { 'fail-on': 'note', annotate: 'false' } });
    expect(r.code).toBe(1);
    expect(api.requests.length - before).toBe(1);
    expect(uploadedSarif(api.requests.at(-1)!).body.ref).toBe('refs/pull/7/merge');
    expect(r.stdout).not.toMatch(/^::error file=/m);
  });

  it('on a configuration error (exit 2): fails with credlint\'s one line and uploads nothing', async () => {
    const bad = tempDir('credlint-ws-');
    bad.write('credlint.config.json', '{"rules": {"no-such-rule": "error"}}\n');
    bad.write('infra/user-data.sh', `aws configure set aws_access_key_id ${key}\n`);
    const before = api.requests.length;
    const r = await runAction({ workspace: bad.dir, event: pushEvent, eventName: 'push', apiUrl: api.url });
    expect(r.code).toBe(1);
    expect(api.requests.length).toBe(before);
    expect(r.outputs['exit-code']).toBe('2');
    expect(r.outputs['sarif-file']).toBe('');
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^::error title=credlint::credlint: .*no-such-rule.* — nothing was uploaded$/);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
    expect(r.summary).toMatch(/could not complete the scan.*\n\n> credlint&#58; .*no&#45;such&#45;rule/s);
  });

  it('reports a refused upload (403) as a failed step naming the permission', async () => {
    const refusing = await fakeGithubApi(403);
    try {
      const r = await runAction({ workspace: clean.dir, event: pushEvent, eventName: 'push', apiUrl: refusing.url });
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/::error title=credlint::SARIF upload failed: HTTP 403: Resource not accessible by integration — the job needs `permissions: security-events: write`/);
    } finally {
      await refusing.close();
    }
  });

  it('keeps the default categories of matrix jobs apart', async () => {
    const before = api.requests.length;
    const r = await runAction({ workspace: clean.dir, event: pushEvent, eventName: 'push', apiUrl: api.url, inputs: { matrix: '{"os":"ubuntu-latest","node":24}' } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(api.requests.length - before).toBe(1);
    expect(uploadedSarif(api.requests.at(-1)!).log.runs[0]!.automationDetails!.id).toBe('credlint/.github/workflows/security.yml:credlint/node:24/os:ubuntu-latest/');
  });

  it('rejects an unknown scan mode as an input error', async () => {
    const r = await runAction({ workspace: clean.dir, event: pushEvent, eventName: 'push', apiUrl: api.url, inputs: { scan: 'everything', upload: 'false' } });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('::error title=credlint::credlint: input scan: expected files, pull-request or history, got "everything"');
    expect(r.outputs['exit-code']).toBe('2');
  });

  it('with shard 2/3: passes --shard to the CLI and rejects a malformed shard', async () => {
    const r = await runAction({ workspace: clean.dir, event: pushEvent, eventName: 'push', apiUrl: api.url, inputs: { shard: '2/3', upload: 'false' } });
    expect(r.stdout).toMatch(/^credlint \. --format sarif --output \S+ --fail-on error --shard 2\/3$/m);
    expect(r.outputs['exit-code']).toBe('0');
    const bad = await runAction({ workspace: clean.dir, event: pushEvent, eventName: 'push', apiUrl: api.url, inputs: { shard: 'two of three', upload: 'false' } });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('::error title=credlint::credlint: input shard: expected I/N (for example 1/4), got "two of three"');
  });

  it('with shard 1/2 and 2/2: each uploads under credlint/shard-I-of-N and together they hold every finding', async () => {
    const full = await runAction({ workspace: planted.dir, event: pushEvent, eventName: 'push', apiUrl: api.url, inputs: { upload: 'false' } });
    const ids = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as Log).runs[0]!.results!.map((x) => x.partialFingerprints!['credlint/v1']).sort();
    const all: string[] = [];
    for (const shard of ['1/2', '2/2']) {
      const before = api.requests.length;
      const r = await runAction({ workspace: planted.dir, event: pushEvent, eventName: 'push', apiUrl: api.url, inputs: { shard } });
      expect(api.requests.length - before).toBe(1);
      expect(uploadedSarif(api.requests.at(-1)!).log.runs[0]!.automationDetails!.id).toBe(`credlint/shard-${shard.replace('/', '-of-')}/`);
      all.push(...ids(r.outputs['sarif-file']!));
    }
    expect(all.sort()).toEqual(ids(full.outputs['sarif-file']!));
  });
});

describe('the action in history modes', () => {
  const git = (dir: string, ...args: string[]) =>
    execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'init.defaultBranch=main', ...args], { encoding: 'utf8' }).trim();

  function prRepository() {
    const origin = tempDir('credlint-origin-');
    const work = tempDir('credlint-clone-');
    git(origin.dir, 'init', '-q');
    origin.write('README.md', '# app\n');
    git(origin.dir, 'add', '.');
    git(origin.dir, 'commit', '-qm', 'base');
    const base = git(origin.dir, 'rev-parse', 'HEAD');
    origin.write('deploy.sh', `export AWS_ACCESS_KEY_ID=${key}\nexport AWS_SECRET_ACCESS_KEY=${secret}\n`);
    git(origin.dir, 'add', '.');
    git(origin.dir, 'commit', '-qm', 'add deploy');
    git(origin.dir, 'rm', '-q', 'deploy.sh');
    git(origin.dir, 'commit', '-qm', 'oops, remove');
    const head = git(origin.dir, 'rev-parse', 'HEAD');
    // A one-commit checkout, as actions/checkout makes by default.
    const ws = join(work.dir, 'ws');
    execFileSync('git', ['clone', '-q', '--depth=1', `file://${origin.dir}`, ws]);
    const event = prEvent('octo/app');
    event.pull_request.base.sha = base;
    event.pull_request.head.sha = head;
    event.pull_request.commits = 2;
    return { ws, base, head, event };
  }

  it('scan: pull-request deepens the shallow checkout and passes the pull request\'s commits to --history', async () => {
    const { ws, base, head, event } = prRepository();
    expect(git(ws, 'rev-parse', '--is-shallow-repository')).toBe('true');
    const r = await runAction({ workspace: ws, event, eventName: 'pull_request', apiUrl: 'http://127.0.0.1:9', inputs: { upload: 'false', scan: 'pull-request' } });
    expect(r.stdout).toMatch(new RegExp(`^credlint --history ${base}\\.\\.${head} --format sarif `, 'm'));
    expect(git(ws, 'rev-parse', '--is-shallow-repository')).toBe('false');
    expect(git(ws, 'cat-file', '-t', base)).toBe('commit');
    expect(r.outputs['exit-code']).not.toBe('2');
  });

  it('scan: history passes --history with no range, last', async () => {
    const { ws, event } = prRepository();
    const r = await runAction({ workspace: ws, event, eventName: 'pull_request', apiUrl: 'http://127.0.0.1:9', inputs: { upload: 'false', scan: 'history', 'fail-on': 'warning' } });
    expect(r.stdout).toMatch(/^credlint --format sarif --output \S+ --fail-on warning --history$/m);
  });

  it('scan: pull-request finds a key added in one commit of the pull request and removed in the next', async () => {
    const { ws, event } = prRepository();
    const api = await fakeGithubApi();
    try {
      const r = await runAction({ workspace: ws, event, eventName: 'pull_request', apiUrl: api.url, inputs: { scan: 'pull-request' } });
      expect(r.code, r.stdout + r.stderr).toBe(1);
      const { log } = uploadedSarif(api.requests[0]!);
      expect(log.runs[0]!.automationDetails!.id).toBe('credlint/.github/workflows/security.yml:credlint/pull-request/');
      expect(log.runs[0]!.results!.some((x) => x.locations![0]!.physicalLocation!.artifactLocation!.uri === 'deploy.sh')).toBe(true);
      expectNoSecret(r.stdout, r.summary, api.requests[0]!.body);
    } finally {
      await api.close();
    }
  });
});

describe('annotations and summary', () => {
  const finding = (i: number, level: SarifFinding['level'], path = `f${i}.sh`): SarifFinding => ({
    ruleId: 'no-hardcoded-access-key-id',
    level,
    message: `m${i}`,
    path,
    startLine: i + 1,
    startColumn: 1,
    endLine: i + 1,
    endColumn: 5,
    helpUri: 'https://github.com/credlint/credlint/blob/v0.1.0/docs/rules/no-hardcoded-access-key-id.md',
  });

  it('keeps 10 annotations per level and says how many were left out', () => {
    const list = [...Array.from({ length: 14 }, (_, i) => finding(i, 'error')), ...Array.from({ length: 3 }, (_, i) => finding(20 + i, 'warning'))];
    const a = buildAnnotations(list);
    expect(a.text.match(/^::error /gm)).toHaveLength(10);
    expect(a.text.match(/^::warning /gm)).toHaveLength(3);
    expect(a.omitted).toBe(4);
    expect(a.text).toMatch(/^::notice::credlint: 4 more findings not annotated \(GitHub shows at most 10 error, 10 warning and 10 notice annotations per step\)/m);
  });

  it('escapes Markdown and HTML in file-derived text and masks key shapes', () => {
    const evil = `x|y<img src=x onerror=alert(1)>[a](javascript:b)*${key}*.env`;
    const md = buildSummary({ findings: [finding(0, 'error', evil)], exitCode: 1, failOn: 'error', category: 'c', repoUrl: 'https://github.com/o/r', sha: 's', omittedAnnotations: 0, notes: [] });
    const row = md.split('\n').find((l) => l.startsWith('| [no'))!;
    expect(row.split(/(?<!\\)\|/).length).toBe(7); // 5 cells: no pipe from the path splits the row
    expect(md).not.toMatch(/<img|\]\(javascript/);
    expect(md).not.toContain(key);
    expect(row).not.toContain('](https://github.com/o/r/blob/s/x'); // a path with a key shape is not linked
    expect(escapeMarkdown('a_b*c`d<e>&')).toBe('a&#95;b&#42;c&#96;d&#60;e&#62;&#38;');
  });

  it('links a finding from history to the file at its own commit', () => {
    const commit = 'd'.repeat(40);
    const md = buildSummary({ findings: [{ ...finding(0, 'error', 'old/deploy.sh'), commit }], exitCode: 1, failOn: 'error', category: 'c', repoUrl: 'https://github.com/o/r', sha: 'e'.repeat(40), omittedAnnotations: 2, notes: [] });
    expect(md).toContain(`(https://github.com/o/r/blob/${commit}/old/deploy.sh#L1)`);
    expect(md).toContain('2 findings were not annotated on the pull request');
  });
});
