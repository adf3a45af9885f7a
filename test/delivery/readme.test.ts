// The README's snippets, run as shown: the quick start on a clean copy of the repository (no
// node_modules, no dist/), and each GitHub workflow's credlint step run as a runner runs it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'yaml';
import type { Log } from 'sarif';
import { ROOT } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/tmp.js';
import { fakeAccessKeyId } from '../helpers/fake-keys.js';
import { readmeBlock, readmeBlocks } from '../helpers/readme.js';
import { actionYaml, fakeGithubApi, runAction } from '../helpers/runner.js';

interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, { strategy?: { matrix?: Record<string, unknown[]> }; steps: Array<{ uses?: string; with?: Record<string, unknown> }> }>;
}

/** `${{ matrix.x }}` and `${{ github.token }}` as the runner evaluates them. */
function evaluate(value: unknown, matrix: Record<string, unknown>): string {
  return String(value).replace(/\$\{\{\s*matrix\.(\w+)\s*\}\}/g, (_m, k: string) => String(matrix[k]));
}

function matrixCombinations(matrix: Record<string, unknown[]> | undefined): Array<Record<string, unknown>> {
  let combos: Array<Record<string, unknown>> = [{}];
  for (const [k, values] of Object.entries(matrix ?? {})) combos = combos.flatMap((c) => values.map((v) => ({ ...c, [k]: v })));
  return combos;
}

describe('README quick start', () => {
  it('works on a clean clone with only Node and npm: installs and scans the bundled example (exit 1)', () => {
    const t = tempDir('credlint-clone-');
    const files = execFileSync('git', ['-C', ROOT, 'ls-files', '-z', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' }).split('\0').filter(Boolean);
    for (const f of files) {
      if (!existsSync(join(ROOT, f))) continue;
      mkdirSync(dirname(join(t.dir, f)), { recursive: true });
      copyFileSync(join(ROOT, f), join(t.dir, f));
    }
    expect(existsSync(join(t.dir, 'dist'))).toBe(false);
    const line = readmeBlock('sh', 'npx credlint examples/insecure-ec2').split('\n')[0]!;
    expect(line).toBe('npm ci && npx credlint examples/insecure-ec2');
    const r = spawnSync('sh', ['-c', line], {
      cwd: t.dir,
      encoding: 'utf8',
      // From npm's cache (filled by `npm ci`): the network only for what the cache lacks.
      env: { ...process.env, NO_COLOR: '1', npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' },
    });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toContain('examples/insecure-ec2/user-data.sh');
    expect(r.stdout).toMatch(/✖ \d+ problems/);
    expect(existsSync(join(t.dir, 'dist'))).toBe(false); // nothing was built
  }, 600_000);
});

describe("README's GitHub workflows, run as a runner runs them", () => {
  const workflows = readmeBlocks('yaml')
    .filter((b) => b.includes('uses: credlint/credlint@v0'))
    .map((b) => ({ text: b, workflow: parse(b) as Workflow }));
  const ws = tempDir('credlint-ws-');
  const keys = Array.from({ length: 6 }, (_, i) => fakeAccessKeyId(`readme-${i}`));
  keys.forEach((k, i) => ws.write(`svc${i}/deploy.sh`, `#!/bin/sh\naws configure set aws_access_key_id ${k}\n`));
  let api: Awaited<ReturnType<typeof fakeGithubApi>>;
  beforeAll(async () => {
    api = await fakeGithubApi();
  });
  afterAll(() => api.close());

  it('shows the single-job workflow and the sharded one', () => {
    expect(workflows.length).toBe(2);
    for (const { workflow } of workflows) {
      expect(workflow.permissions).toMatchObject({ 'security-events': 'write' });
      for (const job of Object.values(workflow.jobs)) {
        const step = job.steps.find((s) => s.uses === 'credlint/credlint@v0')!;
        for (const input of Object.keys(step.with ?? {})) expect(Object.keys(actionYaml().inputs), input).toContain(input);
      }
    }
  });

  for (const [index, sharded] of [[0, false], [1, true]] as const) {
    it(`workflow ${index + 1}${sharded ? ' (matrix of shards)' : ''}: fails on the keys and uploads SARIF under its category`, async () => {
      const { workflow } = workflows[index]!;
      const fingerprints: string[] = [];
      for (const job of Object.values(workflow.jobs)) {
        const step = job.steps.find((s) => s.uses === 'credlint/credlint@v0')!;
        for (const matrix of matrixCombinations(job.strategy?.matrix)) {
          const inputs: Record<string, string> = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, evaluate(v, matrix)]));
          // The runner evaluates the matrix input's default, toJson(matrix).
          if (Object.keys(matrix).length) inputs.matrix ??= JSON.stringify(matrix);
          const before = api.requests.length;
          const r = await runAction({ workspace: ws.dir, event: { ref: 'refs/heads/main', before: '0'.repeat(40), after: 'a'.repeat(40), repository: { full_name: 'octo/app' } }, eventName: 'push', apiUrl: api.url, inputs });
          expect(api.requests.length - before, r.stdout + r.stderr).toBe(1);
          const log = JSON.parse(gunzipSync(Buffer.from((JSON.parse(api.requests.at(-1)!.body) as { sarif: string }).sarif, 'base64')).toString('utf8')) as Log;
          if (inputs.shard) expect(log.runs[0]!.automationDetails!.id).toBe(`credlint/shard-${inputs.shard.replace('/', '-of-')}/`);
          fingerprints.push(...(log.runs[0]!.results ?? []).filter((x) => x.ruleId === 'no-aws-configure-in-bootstrap').map((x) => x.partialFingerprints!['credlint/v1']!));
          if (!sharded) expect(r.code).toBe(1);
        }
      }
      // Every key found exactly once, whether by one job or across the shards.
      expect(fingerprints.length).toBe(keys.length);
      expect(new Set(fingerprints).size).toBe(keys.length);
    });
  }
});
