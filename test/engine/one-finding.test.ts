// One problem, one alert: a key that a specific rule reports (where it is put: an image, a
// provider, a bootstrap script …) is not reported again by the generic key detectors, in
// any front end. Keys are generated fakes, not the documentation examples (which the generic
// detectors skip, and so would hide every duplicate).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Linter } from 'eslint';
import { rules } from '../../rules/index.js';
import { resolveConfig } from '../../src/config.js';
import { createSetup } from '../../src/engine/setup.js';
import { scanText } from '../../src/engine/scan-file.js';
import { lint } from '../../src/index.js';
import plugin from '../../src/eslint-plugin/index.js';
import { initParsers } from '../../src/parsers/tree-sitter.js';
import { ROOT } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/tmp.js';
import { fakeAccessKeyId, fakeSecretAccessKey, fakeSessionToken } from '../helpers/fake-keys.js';

const DOC_KEY_ID = ['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('');
const DOC_SECRET = ['wJalrXUtnFEMI', '/K7MDENG/bPxRfiCY', 'EXAMPLEKEY'].join('');

function where(f: { path: string; region: { startLine: number; startColumn: number; endColumn: number }; ruleId: string }): string {
  return `${f.path}:${f.region.startLine}:${f.region.startColumn}-${f.region.endColumn} ${f.ruleId}`;
}

describe('one finding per defect', () => {
  it('the example project with generated keys gives one finding per defect (16), each naming its key', async () => {
    const t = tempDir();
    const src = join(ROOT, 'examples/insecure-ec2');
    const keys: string[] = [];
    let n = 0;
    for (const name of readdirSync(src)) {
      // The README talks about the documentation key; it is left as it is (and not reported).
      const text = readFileSync(join(src, name), 'utf8');
      const rendered =
        name === 'README.md'
          ? text
          : text
              .replaceAll(DOC_KEY_ID, () => (keys[n] = fakeAccessKeyId(`example-${n++}`)))
              .replaceAll(DOC_SECRET, () => (keys[n] = fakeSecretAccessKey(`example-${n++}`)));
      t.write(name, rendered);
    }
    expect(keys).toHaveLength(10);
    const result = await lint(['.'], { cwd: t.dir, useGit: false, concurrency: 'off' });
    // Counted by hand: 2 ENV keys; provider access_key + secret_key, an instance without a
    // profile, 2 `aws configure set` in its user data, IMDSv1 left on; no IMDSv2, a role
    // given as a profile, AdministratorAccess on the role, 2 exported keys in UserData; 2 `aws configure set`, an IMDSv1 read.
    expect(result.findings.map(where)).toEqual([
      'Dockerfile:7:5-22 no-credentials-in-image',
      'Dockerfile:8:5-26 no-credentials-in-image',
      'main.tf:3:16-38 no-static-provider-credentials',
      'main.tf:4:16-58 no-static-provider-credentials',
      'main.tf:7:11-23 require-instance-profile',
      'main.tf:13:23-40 no-aws-configure-in-bootstrap',
      'main.tf:14:23-44 no-aws-configure-in-bootstrap',
      'main.tf:19:19-29 require-imdsv2',
      'template.yaml:14:11-54 no-admin-policy',
      'template.yaml:16:11-29 require-imdsv2',
      'template.yaml:20:27-42 valid-instance-profile',
      'template.yaml:24:18-35 no-static-credentials-in-bootstrap',
      'template.yaml:25:18-39 no-static-credentials-in-bootstrap',
      'user-data.sh:7:19-36 no-aws-configure-in-bootstrap',
      'user-data.sh:8:19-40 no-aws-configure-in-bootstrap',
      'user-data.sh:12:16-81 no-imdsv1-calls',
    ]);
    // Each key finding names the key it stands for (redacted), and no other.
    const json = JSON.stringify(result);
    for (const key of keys) {
      expect(json).not.toContain(key.slice(0, 12));
      const shown = key.startsWith('AKIA') ? `access key id ${key.slice(0, 4)}…${key.slice(-4)}` : `secret access key ${key.slice(0, 4)}…`;
      expect(result.findings.filter((f) => f.message.includes(shown)).map(where)).toHaveLength(1);
    }
  });

  it('a Terraform variable feeding a provider gives one finding per key, at the default, not six', async () => {
    await initParsers();
    const id = fakeAccessKeyId('tfvar-1');
    const secret = fakeSecretAccessKey('tfvar-2');
    const tf = [
      'variable "aws_access_key" {',
      '  type    = string',
      `  default = "${id}"`,
      '}',
      '',
      'variable "aws_secret_key" {',
      `  default = "${secret}"`,
      '}',
      '',
      'provider "aws" {',
      '  region     = "us-east-1"',
      '  access_key = var.aws_access_key',
      '  secret_key = var.aws_secret_key',
      '}',
      '',
    ].join('\n');
    const setup = createSetup(resolveConfig({}, rules), rules, {});
    const { findings } = scanText('main.tf', tf, setup);
    expect(findings.map((f) => [f.ruleId, f.messageId, f.region.startLine, f.region.startColumn, f.region.endColumn])).toEqual([
      ['no-static-provider-credentials', 'variableDefault', 3, 13, 35],
      ['no-static-provider-credentials', 'variableDefault', 7, 13, 55],
    ]);
    expect(findings[0]!.message).toContain(`(access key id ${id.slice(0, 4)}…${id.slice(-4)}, account `);
    expect(findings[1]!.message).toContain(`(secret access key ${secret.slice(0, 4)}…)`);
    expect(JSON.stringify(findings)).not.toContain(secret.slice(0, 12));
  });

  it('keeps the generic finding when the specific rule is disabled, and when nothing more specific covers it', async () => {
    await initParsers();
    const id = fakeAccessKeyId('generic-1');
    const text = `FROM alpine\nENV AWS_ACCESS_KEY_ID=${id}\nLABEL note="${fakeAccessKeyId('generic-2')}"\n`;
    const all = scanText('Dockerfile', text, createSetup(resolveConfig({}, rules), rules, {})).findings;
    expect(all.map((f) => `${f.region.startLine}:${f.region.startColumn} ${f.ruleId}`)).toEqual([
      '2:5 no-credentials-in-image',
      '3:13 no-hardcoded-access-key-id',
    ]);
    const withoutImage = createSetup(resolveConfig({}, rules, { disableRules: ['no-credentials-in-image'] }), rules, {});
    expect(scanText('Dockerfile', text, withoutImage).findings.map((f) => `${f.region.startLine}:${f.region.startColumn} ${f.ruleId}`)).toEqual([
      '2:23 no-hardcoded-access-key-id',
      '3:13 no-hardcoded-access-key-id',
    ]);
  });

  it('the ESLint plugin reports pasted temporary credentials under the session-token rule only, not also as a key id and a secret', () => {
    const linter = new Linter({ configType: 'flat' });
    const code = [
      'export const credentials = {',
      `  accessKeyId: '${fakeAccessKeyId('eslint-temp', 'ASIA')}',`,
      `  secretAccessKey: '${fakeSecretAccessKey('eslint-temp')}',`,
      `  sessionToken: '${fakeSessionToken('eslint-temp')}',`,
      '};',
      '',
    ].join('\n');
    const messages = linter.verify(code, [{ files: ['**/*.js'], ...plugin.configs.recommended }], 'src/creds.js');
    expect(messages.map((m) => [m.ruleId, m.messageId, m.line, m.column])).toEqual([
      ['credlint/no-hardcoded-session-token', 'temporaryCredentials', 2, 17],
      ['credlint/no-hardcoded-session-token', 'sessionToken', 4, 18],
    ]);
  });

  it('supersedes names existing rules and never runs both ways', () => {
    const ids = new Set(rules.map((r) => r.id));
    for (const r of rules) {
      for (const id of r.supersedes ?? []) {
        expect(ids.has(id), `${r.id} supersedes unknown ${id}`).toBe(true);
        expect(rules.find((o) => o.id === id)!.supersedes ?? [], `${r.id} <-> ${id}`).not.toContain(r.id);
      }
    }
  });
});
