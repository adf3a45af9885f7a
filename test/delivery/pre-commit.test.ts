// The pre-commit hooks as users run them: the real `pre-commit` (Debian's, installed by
// .ci/run) installs this repository's hooks from a clone — the README's snippet, pointed at a
// commit of the current tree — and runs them on a scratch repository, offline.
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/tmp.js';
import { fakeAccessKeyId, fakeSecretAccessKey } from '../helpers/fake-keys.js';
import { readmeBlock } from '../helpers/readme.js';

const version = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
const available = version.status === 0;
// Locally a missing pre-commit skips these tests; in CI (.ci/run installs it) it is a failure.
const skip = !available && process.env.CI !== 'true';

const key = fakeAccessKeyId('pre-commit-1');
const secret = fakeSecretAccessKey('pre-commit-1');

const gitEnv = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
};

/** The README's pre-commit snippet, with `repo:` and `rev:` pointed at a local commit. */
function readmePreCommitConfig(repo: string, rev: string): string {
  return readmeBlock('yaml', 'repo: https://github.com/credlint/credlint').replace('repo: https://github.com/credlint/credlint', `repo: ${repo}`).replace(/rev: \S+/, `rev: ${rev}`);
}

describe.skipIf(skip)('pre-commit hooks (real pre-commit, scratch repository)', () => {
  const t = tempDir('credlint-pre-commit-');
  const hookRepo = join(t.dir, 'credlint');
  const work = join(t.dir, 'work');
  const env = {
    ...process.env,
    ...gitEnv,
    PRE_COMMIT_HOME: join(t.dir, 'pre-commit-home'),
    // From npm's cache (filled by `npm ci`): the network only for what the cache lacks.
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    NO_COLOR: '1',
  };
  const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-C', cwd, '-c', 'init.defaultBranch=main', ...args], { encoding: 'utf8', env }).trim();
  const run = (cmd: string, args: string[], cwd = work) => {
    const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env });
    return { code: r.status, out: `${r.stdout}${r.stderr}` };
  };

  it('is installed (in CI .ci/run installs Debian pre-commit)', () => {
    expect(available, 'pre-commit is not installed').toBe(true);
  });

  it('installs from a clone, blocks a staged key with advice, passes a clean commit, and --all-files finds a committed key', () => {
    // The hook repository: the current tree (committed or not), committed into a scratch clone.
    const files = execFileSync('git', ['-C', ROOT, 'ls-files', '-z', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' }).split('\0').filter(Boolean);
    for (const f of files) {
      if (!existsSync(join(ROOT, f))) continue;
      mkdirSync(dirname(join(hookRepo, f)), { recursive: true });
      copyFileSync(join(ROOT, f), join(hookRepo, f));
    }
    git(hookRepo, 'init', '-q');
    git(hookRepo, 'add', '-A');
    git(hookRepo, 'commit', '-qm', 'hooks under test');
    const rev = git(hookRepo, 'rev-parse', 'HEAD');

    mkdirSync(work);
    git(work, 'init', '-q');
    writeFileSync(join(work, '.pre-commit-config.yaml'), readmePreCommitConfig(hookRepo, rev));
    writeFileSync(join(work, 'README.md'), '# scratch\n');
    git(work, 'add', '-A');
    git(work, 'commit', '-qm', 'init');

    const started = Date.now();
    const install = run('pre-commit', ['install-hooks']);
    const installSeconds = (Date.now() - started) / 1000;
    expect(install.code, install.out).toBe(0);
    // Measured ~10–25 s on a loaded 2-core machine, nearly all of it pre-commit's own
    // `npm install` of the dev dependencies; the pack and the global install take about a second.
    console.log(`pre-commit install-hooks: ${installSeconds.toFixed(1)} s`);
    expect(run('pre-commit', ['install']).code).toBe(0);

    // A staged key blocks the commit, with what to do about it, and the key masked.
    writeFileSync(join(work, 'deploy.sh'), `#!/bin/sh\nexport AWS_ACCESS_KEY_ID=${key}\nexport AWS_SECRET_ACCESS_KEY=${secret}\n`);
    git(work, 'add', 'deploy.sh');
    const blocked = run('git', ['commit', '-m', 'add deploy script']);
    expect(blocked.code, blocked.out).not.toBe(0);
    expect(blocked.out).toMatch(/credlint \(staged changes\)\.+Failed/);
    expect(blocked.out).toContain('deploy.sh');
    expect(blocked.out).toMatch(/no-hardcoded-access-key-id|no-static-credentials-in-bootstrap/);
    expect(blocked.out).toContain('credlint blocked this commit');
    expect(blocked.out).toContain('credlint-disable-next-line <rule-id> -- why this is safe');
    expect(blocked.out).toContain('--write-baseline');
    expect(blocked.out).not.toContain(key);
    expect(blocked.out).not.toContain(secret.slice(4, 16));
    expect(git(work, 'rev-list', '--count', 'HEAD')).toBe('1');

    // A clean commit passes.
    git(work, 'rm', '-q', '--cached', 'deploy.sh');
    writeFileSync(join(work, 'ok.sh'), '#!/bin/sh\naws s3 ls --region us-east-1\n');
    git(work, 'add', 'ok.sh');
    const clean = run('git', ['commit', '-m', 'clean script']);
    expect(clean.code, clean.out).toBe(0);
    expect(clean.out).toMatch(/credlint \(staged changes\)\.+Passed/);
    expect(git(work, 'rev-list', '--count', 'HEAD')).toBe('2');

    // A key committed past the hook is found by `pre-commit run --all-files` (CI, pre-commit.ci).
    git(work, 'add', 'deploy.sh');
    git(work, 'commit', '-q', '--no-verify', '-m', 'skip hooks');
    const all = run('pre-commit', ['run', '--all-files']);
    expect(all.code, all.out).toBe(1);
    expect(all.out).toMatch(/credlint \(files\)\.+Failed/);
    expect(all.out).toContain('deploy.sh');
    expect(all.out).not.toContain(key);
  }, 600_000);
});
