// End-to-end: the built CLI (bin/credlint.js → dist/), as users run it.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { Log } from 'sarif';
import { ROOT } from './helpers/fixtures.js';
import { tempDir } from './helpers/tmp.js';
import { fakeAccessKeyId } from './helpers/fake-keys.js';

const BIN = join(ROOT, 'bin', 'credlint.js');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const key = fakeAccessKeyId('cli-1');

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const schema = JSON.parse(readFileSync(join(ROOT, 'test/schemas/sarif-schema-2.1.0.json'), 'utf8'));
  return ajv.compile(schema);
}

describe('credlint CLI', () => {
  const planted = tempDir();
  planted.write('infra/user-data.sh', `#!/bin/bash\nyum install -y awscli\naws configure set aws_access_key_id ${key}\n`);
  planted.write('src/ok.js', 'export const region = "us-east-1";\n');
  const clean = tempDir();
  clean.write('src/ok.js', 'export const region = "us-east-1";\n');

  it('writes SARIF that validates against the OASIS schema and points at the key', () => {
    const r = run(['.', '--format', 'sarif', '--output', 'out.sarif', '--no-git'], planted.dir);
    expect(r.code).toBe(1);
    const log = JSON.parse(readFileSync(join(planted.dir, 'out.sarif'), 'utf8')) as Log;
    const validate = validator();
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const run0 = log.runs[0]!;
    expect(run0.tool.driver.semanticVersion).toBe(pkg.version);
    const rule = run0.tool.driver.rules!.find((d) => d.id === 'no-aws-configure-in-bootstrap')!;
    expect(rule.helpUri).toMatch(/docs\/rules\/no-aws-configure-in-bootstrap\.md$/);
    expect(rule.properties!['security-severity']).toMatch(/^\d+\.\d$/);
    expect(rule.properties!.tags).toContain('external/cwe/cwe-798');
    const ids = run0.tool.driver.rules!.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    // One defect, one result: the bootstrap rule's, naming the key; the generic key rule's is absorbed.
    expect(run0.results!.map((x) => x.ruleId)).toEqual(['no-aws-configure-in-bootstrap']);
    const result = run0.results![0]!;
    expect(result.ruleIndex).toBe(ids.indexOf('no-aws-configure-in-bootstrap'));
    expect(result.message.text).toContain(`access key id AKIA…${key.slice(-4)}`);
    expect(result.locations![0]!.physicalLocation).toMatchObject({
      artifactLocation: { uri: 'infra/user-data.sh', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 19, endLine: 3, endColumn: 36 },
    });
    expect(result.partialFingerprints!['credlint/v1']).toMatch(/^[0-9a-f]{32}:1$/);
    expect(run0.automationDetails!.id).toBe('credlint/');
    expect(run0.invocations![0]!.executionSuccessful).toBe(true);
    expect(readFileSync(join(planted.dir, 'out.sarif'), 'utf8')).not.toContain(key);
  });

  it('exits 0 on a clean directory', () => {
    const r = run(['.', '--no-git'], clean.dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No problems found');
  });

  it('exits 2 with one clear line for an unknown flag', () => {
    const r = run(['--formt', 'json'], clean.dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(['credlint: unknown option --formt (did you mean --format?); see credlint --help']);
  });

  it('exits 2 with one line for a value that starts with a dash or is missing', () => {
    for (const [args, line] of [
      [['--file-timeout', '-1'], 'credlint: option --file-timeout needs a value (one that starts with "-" is written --file-timeout=<value>); see credlint --help'],
      [['--concurrency', '-1'], 'credlint: option --concurrency needs a value (one that starts with "-" is written --concurrency=<value>); see credlint --help'],
      [['--file-timeout=-1'], 'credlint: --file-timeout: expected a number of seconds, got "-1"'],
    ] as const) {
      const r = run([...args], clean.dir);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toEqual([line]);
    }
  });

  it('exits 2 for a missing path and for an unknown rule id, suggesting the nearest', () => {
    expect(run(['nope'], clean.dir)).toMatchObject({ code: 2, stderr: 'credlint: nope: no such file or directory\n' });
    const r = run(['--rule', 'no-hardcoded-acces-key-id'], clean.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('credlint: unknown rule id "no-hardcoded-acces-key-id" (did you mean "no-hardcoded-access-key-id"?)\n');
  });

  it('exits 2 naming the file and key for a bad configuration', () => {
    const t = tempDir();
    t.write('credlint.config.yaml', 'rules:\n  no-hardcoded-access-key-id: critical\n');
    const r = run(['.', '--no-git'], t.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/credlint\.config\.yaml: rules\.no-hardcoded-access-key-id: expected one of error, warning \(or warn\), note, off, got "critical"/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('reads configuration from a credlint key in package.json', () => {
    const t = tempDir();
    t.write('package.json', JSON.stringify({ name: 'x', credlint: { rules: { 'no-hardcoded-access-key-id': 'warning' } } }));
    t.write('a.txt', `${key}\n`);
    expect(run(['.', '--no-git'], t.dir).code).toBe(0); // warning is below the default fail level
    expect(run(['.', '--no-git', '--fail-on', 'warning'], t.dir).code).toBe(1);
    expect(run(['.', '--no-git', '--fail-on', 'warning', '--exit-zero'], t.dir).code).toBe(0);
  });

  it('prints stylish output with a masked code frame and no colours without a TTY', () => {
    const r = run(['.', '--no-git'], planted.dir);
    expect(r.stdout).toContain('infra/user-data.sh');
    expect(r.stdout).toContain(`aws configure set aws_access_key_id AKIA************${key.slice(-4)}`);
    expect(r.stdout).toContain(`|${' '.repeat(19)}${'^'.repeat(17)}\n`);
    expect(r.stdout).not.toContain('\u001b[');
    expect(r.stdout).not.toContain(key);
  });

  it('prints GitHub workflow commands', () => {
    const r = run(['.', '--no-git', '--format', 'github'], planted.dir);
    expect(r.stdout).toMatch(/^::error file=infra\/user-data\.sh,line=3,col=19,endLine=3,endColumn=36,title=credlint no-aws-configure-in-bootstrap::`aws configure set aws_access_key_id` stores .*\(access key id AKIA…/m);
  });

  it('lists rules and prints its version', () => {
    expect(run(['--list-rules'], clean.dir).stdout).toContain('no-hardcoded-access-key-id');
    expect(run(['--version'], clean.dir).stdout.trim()).toBe(pkg.version);
  });

  it('gives byte-identical JSON and SARIF single-threaded and in worker threads', () => {
    const t = tempDir();
    for (let i = 0; i < 60; i++) {
      t.write(`pkg${i % 7}/file-${i}.txt`, `line\n${i % 3 === 0 ? `k=${fakeAccessKeyId(`mt-${i}`)}\n` : 'nothing\n'}`);
    }
    for (const format of ['json', 'sarif']) {
      const single = run(['.', '--no-git', '--format', format, '--concurrency', 'off'], t.dir);
      const multi = run(['.', '--no-git', '--format', format, '--concurrency', '2'], t.dir);
      expect(single.code).toBe(1);
      expect(multi.code).toBe(1);
      expect(multi.stdout).toBe(single.stdout);
      expect(multi.stdout.length).toBeGreaterThan(1000);
    }
  });

  it('baseline: records findings as hashes, survives moved lines, reports only new ones', () => {
    const t = tempDir();
    t.write('a.sh', `#!/bin/sh\nexport K=${key}\n`);
    expect(run(['.', '--no-git', '--write-baseline', 'baseline.json'], t.dir).code).toBe(0);
    const baselineText = readFileSync(join(t.dir, 'baseline.json'), 'utf8');
    expect(baselineText).not.toContain(key);
    expect(baselineText).not.toContain(key.slice(4));
    // Move the key down a few lines: still known.
    writeFileSync(join(t.dir, 'a.sh'), `#!/bin/sh\n\n# moved\n\nexport K=${key}\n`);
    expect(run(['.', '--no-git', '--baseline', 'baseline.json'], t.dir).code).toBe(0);
    // A new key is reported.
    const fresh = fakeAccessKeyId('cli-new');
    writeFileSync(join(t.dir, 'a.sh'), `#!/bin/sh\nexport K=${key}\nexport J=${fresh}\n`);
    const r = run(['.', '--no-git', '--baseline', 'baseline.json', '--format', 'json'], t.dir);
    expect(r.code).toBe(1);
    const findings = (JSON.parse(r.stdout) as { findings: Array<{ line: number }> }).findings;
    expect(findings.map((f) => f.line)).toEqual([3]);
  });

  it('rejects a malformed baseline with one line', () => {
    const t = tempDir();
    t.write('b.json', '{"nope": true}');
    const r = run(['.', '--no-git', '--baseline', 'b.json'], t.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/b\.json: not a credlint baseline/);
  });

  it('keeps suppressed findings in SARIF with their justification and out of the exit code', () => {
    const t = tempDir();
    t.write('a.py', `# credlint-disable-next-line no-hardcoded-access-key-id -- revoked canary\nK = "${key}"\n`);
    const r = run(['.', '--no-git', '--format', 'sarif'], t.dir);
    expect(r.code).toBe(0);
    const log = JSON.parse(r.stdout) as Log;
    expect(log.runs[0]!.results![0]!.suppressions).toEqual([{ kind: 'inSource', justification: 'revoked canary' }]);
    expect(run(['.', '--no-git'], t.dir).stdout).toContain('1 suppressed');
  });
});

describe('credlint --staged', () => {
  it('scans the staged version of changed files, not the work tree', () => {
    const t = tempDir();
    const git = (...args: string[]) => spawnSync('git', ['-C', t.dir, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { encoding: 'utf8' });
    git('init', '-q');
    t.write('committed.txt', `${fakeAccessKeyId('staged-old')}\n`);
    git('add', '.');
    git('commit', '-qm', 'x');
    t.write('a.sh', `export K=${fakeAccessKeyId('staged-1')}\n`);
    git('add', 'a.sh');
    // Unstaged edit removes the key from the work tree: the staged blob still has it.
    t.write('a.sh', 'export K=$FROM_VAULT\n');
    t.write('untracked.txt', `${fakeAccessKeyId('staged-2')}\n`);
    const r = run(['--staged', '--format', 'json'], t.dir);
    expect(r.code).toBe(1);
    const findings = (JSON.parse(r.stdout) as { findings: Array<{ path: string; line: number; column: number }> }).findings;
    expect(findings.map((f) => `${f.path}:${f.line}:${f.column}`)).toEqual(['a.sh:1:10']);
  });

  it('is a usage error outside a git work tree', () => {
    const t = tempDir();
    const r = run(['--staged'], t.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('credlint: --staged: not inside a git work tree\n');
  });
});

describe('the bundled examples (README quick start)', () => {
  it('insecure-ec2 shows each credential misuse at its line and exits 1', () => {
    const r = run(['examples/insecure-ec2', '--format', 'json'], ROOT);
    expect(r.code).toBe(1);
    const findings = (JSON.parse(r.stdout) as { findings: Array<{ ruleId: string; path: string; line: number }> }).findings;
    const got = new Set(findings.map((f) => `${f.ruleId} ${f.path.replace('examples/insecure-ec2/', '')}:${f.line}`));
    for (const want of [
      'no-aws-configure-in-bootstrap user-data.sh:7',
      'no-aws-configure-in-bootstrap user-data.sh:8',
      'no-imdsv1-calls user-data.sh:12',
      'no-credentials-in-image Dockerfile:7',
      'no-static-provider-credentials main.tf:3',
      'no-aws-configure-in-bootstrap main.tf:13',
      'require-instance-profile main.tf:7',
      'require-imdsv2 main.tf:19',
      'valid-instance-profile template.yaml:20',
      'no-static-credentials-in-bootstrap template.yaml:24',
    ]) {
      expect(got, want).toContain(want);
    }
  });

  it('secure-ec2 (role, instance profile, IMDSv2) is clean', () => {
    const r = run(['examples/secure-ec2'], ROOT);
    expect(r.stdout).toContain('No problems found');
    expect(r.code).toBe(0);
  });
});

describe('credlint --annotate', () => {
  it('writes SARIF to the file and annotations to stdout from one scan', () => {
    const t = tempDir();
    t.write('user-data.sh', `#!/bin/bash\nexport K=${fakeAccessKeyId('annotate-1')}\n`);
    const r = run(['.', '--no-git', '--format', 'sarif', '--output', 'out.sarif', '--annotate'], t.dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=user-data\.sh,line=2,col=10,/m);
    expect((JSON.parse(readFileSync(join(t.dir, 'out.sarif'), 'utf8')) as Log).runs[0]!.results!.length).toBeGreaterThan(0);
  });
});

describe('credlint - (standard input)', () => {
  const t = tempDir();
  const stdinRun = (args: string[], input: string) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: t.dir, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('scans standard input, reported as <stdin> by default', () => {
    const r = stdinRun(['-', '--format', 'json'], `token = "${key}"\n`);
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout).findings as Array<{ path: string; line: number; column: number; ruleId: string }>;
    expect(findings.map((f) => `${f.path}:${f.line}:${f.column} ${f.ruleId}`)).toEqual(['<stdin>:1:10 no-hardcoded-access-key-id']);
    expect(r.stdout).not.toContain(key);
  });

  it('takes the kind and the reported path from --stdin-filename', () => {
    const dockerfile = `FROM alpine\nENV AWS_ACCESS_KEY_ID=${key}\n`;
    const r = stdinRun(['-', '--stdin-filename', 'images/Dockerfile', '--format', 'json'], dockerfile);
    const findings = JSON.parse(r.stdout).findings as Array<{ path: string; line: number; column: number; ruleId: string; kind: string }>;
    expect(findings.map((f) => `${f.path}:${f.line}:${f.column} ${f.ruleId} ${f.kind}`)).toEqual(['images/Dockerfile:2:5 no-credentials-in-image dockerfile']);
    // The same text as a plain .txt file is only a key.
    const txt = JSON.parse(stdinRun(['-', '--stdin-filename', 'notes.txt', '--format', 'json'], dockerfile).stdout).findings as Array<{ ruleId: string }>;
    expect(txt.map((f) => f.ruleId)).toEqual(['no-hardcoded-access-key-id']);
  });

  it('exits 0 on clean input and 2 when mixed with paths or given --stdin-filename without -', () => {
    expect(stdinRun(['-'], 'region = "eu-west-1"\n').code).toBe(0);
    expect(stdinRun(['-', 'src'], '')).toMatchObject({ code: 2, stderr: 'credlint: -: standard input is scanned alone; give no other paths\n' });
    expect(stdinRun(['--stdin-filename', 'a.sh'], '')).toMatchObject({ code: 2, stderr: 'credlint: --stdin-filename: only with "-" (standard input)\n' });
  });
});

describe('credlint init', () => {
  it('writes a commented starter configuration that the loader accepts, and refuses to overwrite it', async () => {
    const t = tempDir();
    const r = run(['init'], t.dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('wrote credlint.config.yaml');
    const text = readFileSync(join(t.dir, 'credlint.config.yaml'), 'utf8');
    expect(text).toMatch(/^# credlint configuration/);
    expect(text).toMatch(/^  no-hardcoded-access-key-id: +error +# Disallow /m);
    const { loadConfig } = await import('../src/config.js');
    const { rules } = await import('../rules/index.js');
    const config = loadConfig(t.dir, rules, undefined);
    expect(config.rules.map((x) => x.id).sort()).toEqual(rules.map((x) => x.id).sort());
    expect(config.failOn).toBe('error');
    // A scan with the starter configuration behaves as with none.
    expect(run(['.', '--no-git'], t.dir).code).toBe(0);
    writeFileSync(join(t.dir, 'credlint.config.yaml'), 'failOn: note\n');
    const again = run(['init'], t.dir);
    expect(again).toMatchObject({ code: 2, stderr: 'credlint: init: credlint.config.yaml already exists; not overwriting it\n' });
    expect(readFileSync(join(t.dir, 'credlint.config.yaml'), 'utf8')).toBe('failOn: note\n');
  });

  it('also refuses when another configuration file is there', () => {
    const t = tempDir();
    t.write('credlint.config.json', '{}');
    expect(run(['init'], t.dir)).toMatchObject({ code: 2, stderr: 'credlint: init: credlint.config.json already exists; not overwriting it\n' });
  });
});

describe('warn as a severity alias', () => {
  it('is accepted in the configuration and by --fail-on', () => {
    const t = tempDir();
    t.write('credlint.config.yaml', 'rules:\n  no-hardcoded-access-key-id: warn\nfailOn: warn\n');
    t.write('a.txt', `${key}\n`);
    const r = run(['.', '--no-git', '--format', 'json'], t.dir);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings[0].severity).toBe('warning');
    t.write('credlint.config.yaml', 'rules:\n  no-hardcoded-access-key-id: [warn, {}]\n');
    expect(run(['.', '--no-git'], t.dir).code).toBe(0);
    expect(run(['.', '--no-git', '--fail-on', 'warn'], t.dir).code).toBe(1);
    expect(run(['.', '--no-git', '--fail-on', 'warns'], t.dir)).toMatchObject({ code: 2, stderr: 'credlint: --fail-on: expected error, warning (or warn) or note, got "warns"\n' });
  });
});

describe('links to the rule documentation', () => {
  it('--list-rules prints each rule with its help URI', () => {
    const out = run(['--list-rules'], tempDir().dir).stdout;
    expect(out).toMatch(/^no-hardcoded-access-key-id +error +Disallow .+\n +https:\/\/github\.com\/credlint\/credlint\/blob\/main\/docs\/rules\/no-hardcoded-access-key-id\.md$/m);
  });

  it('the stylish output lists the documentation of every rule that reported', () => {
    const t = tempDir();
    t.write('a.txt', `${key}\n`);
    const out = run(['.', '--no-git'], t.dir).stdout;
    expect(out).toContain('Rules\n  no-hardcoded-access-key-id  https://github.com/credlint/credlint/blob/main/docs/rules/no-hardcoded-access-key-id.md\n');
  });
});
