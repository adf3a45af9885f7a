// Edge cases found in review, each reproduced first: secrets in messages, allow-lists across
// rules, discovery of ignored/nested/submodule directories, kinds, SARIF levels, --quiet.
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { rules } from '../../rules/index.js';
import { resolveConfig } from '../../src/config.js';
import { scan } from '../../src/engine/run.js';
import { classifyFile } from '../../src/kinds.js';
import { decodeAccountId } from '../../src/detect/aws-keys.js';
import { lintText, ROOT } from '../helpers/fixtures.js';
import { fakeAccessKeyId, fakeSecretAccessKey } from '../helpers/fake-keys.js';
import { tempDir } from '../helpers/tmp.js';

const key = fakeAccessKeyId('edge-1');
const secret = fakeSecretAccessKey('edge-1');
const git = (dir: string, ...args: string[]) => execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'protocol.file.allow=always', ...args], { stdio: 'pipe' });

describe('no secret in messages and notifications', () => {
  it('a Terraform syntax error does not quote the broken line', () => {
    const { findings, notifications } = lintText('main.tf', `provider "aws" {\n  access_key = "${key}" "${secret}"\n}\nresource "aws_instance" "x" {}\n`);
    const text = JSON.stringify({ findings, notifications });
    expect(notifications.some((n) => n.id === 'parse-error')).toBe(true);
    expect(text).not.toContain(key);
    expect(text).not.toContain(secret.slice(0, 12));
  });

  it('a shell default value holding a secret is masked in the message', () => {
    const { findings } = lintText('user-data.sh', `#!/bin/bash\nexport AWS_SECRET_ACCESS_KEY="\${SECRET:-${secret}}"\n`);
    expect(findings.length).toBeGreaterThan(0);
    expect(JSON.stringify(findings)).not.toContain(secret.slice(4, 16));
  });
});

describe('allow-lists apply to every rule', () => {
  const account = decodeAccountId(key)!;
  const dockerfile = `FROM alpine\nENV AWS_ACCESS_KEY_ID=${key}\n`;

  it('an allow-listed account silences the slot rules too', () => {
    expect(lintText('Dockerfile', dockerfile).findings.length).toBeGreaterThan(0);
    expect(lintText('Dockerfile', dockerfile, { config: { allow: { accountIds: [account] } } }).findings).toEqual([]);
  });

  it('an allow pattern matching the key silences the slot rules too', () => {
    expect(lintText('Dockerfile', dockerfile, { config: { allow: { patterns: [`^${key}$`] } } }).findings).toEqual([]);
  });
});

describe('discovery', () => {
  const config = resolveConfig({}, rules, { onlyRules: ['no-hardcoded-access-key-id'] });

  it('scans a directory named on the command line even when git ignores it', async () => {
    const t = tempDir();
    t.write('.gitignore', 'cdk.out/\n');
    t.write('cdk.out/App.template.json', `{"k": "${key}"}\n`);
    git(t.dir, 'init', '-q');
    const r = await scan({ cwd: t.dir, paths: ['cdk.out'], config, rules });
    expect(r.findings.map((f) => f.path)).toEqual(['cdk.out/App.template.json']);
  });

  it('walks into untracked nested clones and submodules in git mode', async () => {
    const t = tempDir();
    t.write('nested/a.txt', `${key}\n`);
    git(join(t.dir, 'nested'), 'init', '-q');
    const sub = tempDir();
    sub.write('s.txt', `${key}\n`);
    git(sub.dir, 'init', '-q');
    git(sub.dir, 'add', '.');
    git(sub.dir, 'commit', '-qm', 'x');
    t.write('top.txt', 'x\n');
    git(t.dir, 'init', '-q');
    git(t.dir, 'submodule', 'add', '-q', sub.dir, 'vendored');
    const r = await scan({ cwd: t.dir, paths: ['.'], config, rules });
    expect(r.findings.map((f) => f.path).sort()).toEqual(['nested/a.txt', 'vendored/s.txt']);
  });

  it('resolves ignore and allow.paths against the configuration file, wherever credlint runs', async () => {
    const t = tempDir();
    t.write('app/gen/a.txt', `${key}\n`);
    t.write('app/test/fixtures/b.txt', `${key}\n`);
    t.write('app/src/c.txt', `${key}\n`);
    const withConfig = resolveConfig({ ignore: ['app/gen/'], allow: { paths: ['app/test/fixtures/'] } }, rules, { onlyRules: ['no-hardcoded-access-key-id'] }, join(t.dir, 'credlint.config.json'));
    const fromRoot = await scan({ cwd: t.dir, paths: ['.'], config: withConfig, rules, useGit: false });
    const fromApp = await scan({ cwd: join(t.dir, 'app'), paths: ['.'], config: withConfig, rules, useGit: false });
    expect(fromRoot.findings.map((f) => f.path)).toEqual(['app/src/c.txt']);
    expect(fromApp.findings.map((f) => f.path)).toEqual(['src/c.txt']);
  });

  it('honours a deeper .gitignore re-including a file when walking', async () => {
    const t = tempDir();
    t.write('.gitignore', '*.py\n');
    t.write('sub/.gitignore', '!keep.py\n');
    t.write('sub/keep.py', `K = "${key}"\n`);
    t.write('sub/drop.py', `K = "${key}"\n`);
    const r = await scan({ cwd: t.dir, paths: ['.'], config, rules, useGit: false });
    expect(r.findings.map((f) => f.path)).toEqual(['sub/keep.py']);
  });

  it('skips node_modules inside what it walks, not above it', async () => {
    const t = tempDir();
    t.write('node_modules/pkg/index.js', `const k = "${key}";\n`);
    t.write('node_modules/pkg/node_modules/dep/index.js', `const k = "${key}";\n`);
    const r = await scan({ cwd: t.dir, paths: ['node_modules/pkg'], config, rules, useGit: false });
    expect(r.findings.map((f) => f.path)).toEqual(['node_modules/pkg/index.js']);
  });
});

describe('kinds', () => {
  it('a script named credentials is a script; .envrc is shell', () => {
    expect(classifyFile('bin/credentials', '#!/bin/bash\ncurl x\n')).toBe('shell');
    expect(classifyFile('credentials', '[default]\naws_access_key_id = x\n')).toBe('aws-config');
    expect(classifyFile('.envrc', 'export A=1\n')).toBe('shell');
  });
});

describe('CLI details', () => {
  const t = tempDir();
  // require-instance-profile is a warning by default; user data calling AWS raises one finding to error.
  t.write('main.tf', 'resource "aws_instance" "a" {\n  ami = "ami-1"\n}\n');
  const run = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/credlint.js'), '.', '--no-git', ...args], { cwd: t.dir, encoding: 'utf8' });

  it('SARIF rules[] carry the configured level, not a finding-specific one', () => {
    const log = JSON.parse(run('--format', 'sarif').stdout) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string; defaultConfiguration: { level: string } }> } } }> };
    const rule = log.runs[0]!.tool.driver.rules.find((r) => r.id === 'require-instance-profile')!;
    expect(rule.defaultConfiguration.level).toBe('warning');
  });

  it('--quiet hides warnings but not from the exit code', () => {
    expect(run('--fail-on', 'warning').status).toBe(1);
    expect(run('--fail-on', 'warning', '-q').status).toBe(1);
  });

  it('an unwritable --output is a one-line usage error', () => {
    const r = run('-o', '/nonexistent-dir/x.json');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('credlint: --output /nonexistent-dir/x.json: cannot write the report (ENOENT)\n');
  });
});

