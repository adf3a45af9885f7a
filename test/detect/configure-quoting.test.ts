// `aws configure set aws_secret_access_key <secret>` is one defect whatever the quoting: the
// configure rule records the quoted literal as its secret, so the generic secret rule yields
// to it (one finding), in every host: shell, PowerShell, Dockerfile RUN, cloud-init, user data.
import { describe, expect, it } from 'vitest';
import { lintText } from '../helpers/fixtures.js';
import { fakeAccessKeyId, fakeSecretAccessKey } from '../helpers/fake-keys.js';

const secret = fakeSecretAccessKey('configure-quoting');
const id = fakeAccessKeyId('configure-quoting');

/** `ruleId line:col-col` of every finding. */
function found(path: string, text: string): string[] {
  return lintText(path, text).findings.map((f) => `${f.ruleId} ${f.region.startLine}:${f.region.startColumn}-${f.region.endColumn}`);
}

/** 1-based `line:start-end` of `needle` (first occurrence on `line`). */
function range(text: string, line: number, needle: string): string {
  const l = text.split('\n')[line - 1] as string;
  const i = l.indexOf(needle);
  expect(i, `${needle} on line ${line}`).toBeGreaterThanOrEqual(0);
  return `${line}:${i + 1}-${i + 1 + needle.length}`;
}

const KEY = 'aws_secret_access_key';

describe('aws configure set with a quoted secret: one finding, at the key, the value masked', () => {
  const quotings: Array<[string, string]> = [
    ['bare', secret],
    ["'…'", `'${secret}'`],
    ['"…"', `"${secret}"`],
    ["$'…'", `$'${secret}'`],
  ];
  for (const [name, value] of quotings) {
    it(`bash ${name}`, () => {
      const text = `#!/bin/bash\naws configure set ${KEY} ${value}\n`;
      expect(found('bootstrap.sh', text)).toEqual([`no-aws-configure-in-bootstrap ${range(text, 2, KEY)}`]);
    });
    it(`Dockerfile RUN ${name}`, () => {
      const text = `FROM amazonlinux:2023\nRUN aws configure set ${KEY} ${value} && aws s3 ls\n`;
      expect(found('Dockerfile', text)).toEqual([`no-credentials-in-image ${range(text, 2, KEY)}`]);
    });
    it(`cloud-init runcmd ${name}`, () => {
      // A plain YAML scalar holds the shell line as written; the exec form (a YAML list) holds the
      // bare, '…' or "…" YAML string.
      const listItem = value.startsWith('$') ? `'${secret}'` : value;
      const text = `#cloud-config\nruncmd:\n  - aws configure set ${KEY} ${value}\n  - [ aws, configure, set, ${KEY}, ${listItem} ]\n`;
      expect(found('cloud-config.yaml', text)).toEqual([
        `no-aws-configure-in-bootstrap ${range(text, 3, KEY)}`,
        `no-aws-configure-in-bootstrap ${range(text, 4, KEY)}`,
      ]);
    });
  }

  const psQuotings: Array<[string, string]> = [
    ['bare', secret],
    ["'…'", `'${secret}'`],
    ['"…"', `"${secret}"`],
    ['"…" with a backtick escape', `"${secret.slice(0, 20)}\`${secret.slice(20)}"`],
  ];
  for (const [name, value] of psQuotings) {
    it(`PowerShell ${name}`, () => {
      const text = `$ErrorActionPreference = 'Stop'\naws configure set ${KEY} ${value}\n`;
      expect(found('setup.ps1', text)).toEqual([`no-aws-configure-in-bootstrap ${range(text, 2, KEY)}`]);
    });
    it(`EC2 user data <powershell> ${name}`, () => {
      const text = `<powershell>\naws configure set ${KEY} ${value} --profile ci\n</powershell>\n`;
      expect(found('user-data.txt', text)).toEqual([`no-aws-configure-in-bootstrap ${range(text, 2, KEY)}`]);
    });
  }

  it('EC2 user data <script> (batch) "…"', () => {
    const text = `<script>\naws configure set ${KEY} "${secret}"\n</script>\n`;
    expect(found('user-data.txt', text)).toEqual([`no-aws-configure-in-bootstrap ${range(text, 2, KEY)}`]);
  });

  it('with the key id beside it (so the generic rules fire too), still one finding per key, the quoted content masked', () => {
    for (const [path, value] of [
      ['setup.ps1', `"${secret}"`],
      ['setup.ps1', `'${secret}'`],
      ['bootstrap.sh', `$'${secret}'`],
      ['bootstrap.sh', `"${secret}"`],
    ] as const) {
      const text = `${path.endsWith('.sh') ? '#!/bin/bash\n' : ''}aws configure set aws_access_key_id ${id}\naws configure set ${KEY} ${value}\n`;
      const base = path.endsWith('.sh') ? 1 : 0;
      expect(found(path, text), `${path} ${value.slice(0, 2)}`).toEqual([
        `no-aws-configure-in-bootstrap ${range(text, base + 1, 'aws_access_key_id')}`,
        `no-aws-configure-in-bootstrap ${range(text, base + 2, KEY)}`,
      ]);
      const f = lintText(path, text).findings[1];
      expect(f?.snippet).toMatch(new RegExp(`(?:"|'|\\$')${secret.slice(0, 4)}\\*{36}(?:"|')$`));
      expect(f?.message).toContain(`secret access key ${secret.slice(0, 4)}…`);
    }
  });

  it('a PowerShell "…" that expands a variable is not a literal secret (the configure finding only)', () => {
    const text = `aws configure set ${KEY} "$env:SECRET_FROM_VAULT"\n`;
    expect(found('setup.ps1', text)).toEqual([`no-aws-configure-in-bootstrap ${range(text, 1, KEY)}`]);
    expect(lintText('setup.ps1', text).findings[0]?.message).not.toContain('secret access key');
  });
});
