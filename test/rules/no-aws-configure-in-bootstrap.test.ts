import { describe, expect, it } from 'vitest';
import { describeRuleFixtures } from '../helpers/rule-harness.js';
import { lintText } from '../helpers/fixtures.js';
import { loadRules } from '../../src/index.js';
import { fakeAccessKeyId, fakeSecretAccessKey } from '../helpers/fake-keys.js';

const RULE = 'no-aws-configure-in-bootstrap';

describeRuleFixtures(RULE);

function lint(path: string, text: string) {
  return lintText(path, text, { rules: [RULE] }).findings;
}

describe(RULE, () => {
  const key = fakeAccessKeyId('cfg-1');
  const secret = fakeSecretAccessKey('cfg-1');

  it('reports aws configure set aws_secret_access_key at the key argument in user data', () => {
    const findings = lint('user-data.sh', `#!/bin/bash\nyum install -y awscli\naws configure set aws_secret_access_key ${secret}\n`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: RULE,
      messageId: 'configureSet',
      severity: 'error',
      region: { startLine: 3, startColumn: 19, endLine: 3, endColumn: 40 },
    });
    expect(findings[0]!.message).toContain('aws_secret_access_key');
    expect(JSON.stringify(findings)).not.toContain(secret);
  });

  it('reports the key token of dotted and profile forms', () => {
    const text = 'aws configure set default.aws_access_key_id X\naws --profile p configure set profile.p.aws_session_token "$T" --region x\n';
    const findings = lint('user-data.sh', text);
    expect(findings.map((f) => [f.region.startLine, f.region.startColumn, f.region.endColumn])).toEqual([
      [1, 19, 44],
      [2, 31, 58],
    ]);
  });

  it('does not report non-credential settings, get and list', () => {
    const text = 'aws configure set region us-east-1\naws configure set output json\naws configure get aws_access_key_id\naws configure list\n';
    expect(lint('user-data.sh', text)).toEqual([]);
  });

  it('reports an interactive aws configure fed by a pipe at the configure word', () => {
    const findings = lint('user-data.sh', `printf '%s\\n' "$K" "$S" us-east-1 json | aws configure\n`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ messageId: 'configureInteractive', region: { startLine: 1, startColumn: 46, endColumn: 55 } });
    expect(findings[0]!.message).toContain('a pipe');
  });

  it('reports aws configure fed by a heredoc and a here-string', () => {
    const findings = lint('user-data.sh', `aws configure <<EOF\n${key}\n${secret}\nEOF\naws configure <<< "x"\n`);
    expect(findings.map((f) => [f.region.startLine, f.region.startColumn, f.message.includes('heredoc') || f.message.includes('here-string')])).toEqual([
      [1, 5, true],
      [5, 5, true],
    ]);
  });

  it('does not report a bare interactive aws configure that nothing answers', () => {
    expect(lint('user-data.sh', 'aws configure\naws configure --profile x\naws configure < /dev/null\n')).toEqual([]);
  });

  it('reports aws configure import at the configure word', () => {
    const findings = lint('user-data.sh', 'aws configure import --csv file://creds.csv\n');
    expect(findings[0]).toMatchObject({ messageId: 'configureImport', region: { startLine: 1, startColumn: 5, endColumn: 14 } });
  });

  it('reports an expect script that spawns aws configure', () => {
    const text = `expect -c 'spawn aws configure; expect "*ID*"; send "${key}\\r"; expect eof'\n`;
    const findings = lint('user-data.sh', text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ messageId: 'configureInteractive', region: { startLine: 1, startColumn: 22, endColumn: 31 } });
    expect(findings[0]!.message).toContain('expect');
  });

  it('reports inside su -c and sudo bash heredocs with exact positions', () => {
    const text = 'su - ec2-user -c "aws configure set aws_access_key_id $K"\nsudo -u ubuntu bash <<\'EOF\'\n  aws configure set aws_secret_access_key "$S"\nEOF\n';
    const findings = lint('user-data.sh', text);
    expect(findings.map((f) => [f.region.startLine, f.region.startColumn, f.region.endColumn])).toEqual([
      [1, 37, 54],
      [3, 21, 42],
    ]);
  });

  it('is a warning in a standalone script and an error in user data', () => {
    const line = 'aws configure set aws_access_key_id "$1"\n';
    expect(lint('scripts/setup.sh', `#!/bin/sh\n${line}`)[0]!.severity).toBe('warning');
    expect(lint('user-data.sh', `#!/bin/sh\n${line}`)[0]!.severity).toBe('error');
    // A standalone script whose path names it a bootstrap/provisioning script is a bootstrap context.
    expect(lint('packer/scripts/provision.sh', `#!/bin/sh\n${line}`)[0]!.severity).toBe('error');
  });

  it('reports in a cloud-init runcmd string item with its file position', () => {
    const text = `#cloud-config\nruncmd:\n  - aws configure set aws_access_key_id ${key}\n`;
    const findings = lint('cloud-config.yaml', text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ region: { startLine: 3, startColumn: 23, endLine: 3, endColumn: 40 }, embeddedIn: ['cloud-init runcmd[0]'] });
  });

  it('reports in a cloud-init runcmd list item at that item', () => {
    const text = `#cloud-config\nruncmd:\n  - [ aws, configure, set, "aws_secret_access_key", "${secret}" ]\n`;
    const findings = lint('cloud-config.yaml', text);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.region).toEqual({ startLine: 3, startColumn: 29, endLine: 3, endColumn: 50 });
  });

  it('reports in a cloud-init block scalar at the line inside the block', () => {
    const text = '#cloud-config\nruncmd:\n  - |\n    set -e\n    aws configure set aws_secret_access_key "$S"\n';
    const findings = lint('user-data.yaml', text);
    expect(findings[0]!.region).toEqual({ startLine: 5, startColumn: 23, endLine: 5, endColumn: 44 });
  });

  it('reports in a multipart shell part at its line in the file', () => {
    const text = [
      'Content-Type: multipart/mixed; boundary="XX"',
      'MIME-Version: 1.0',
      '',
      '--XX',
      'Content-Type: text/x-shellscript; charset="us-ascii"',
      '',
      '#!/bin/bash',
      'aws configure set aws_access_key_id "$K"',
      '--XX--',
      '',
    ].join('\r\n');
    const findings = lint('user-data.txt', text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ region: { startLine: 8, startColumn: 19, endLine: 8, endColumn: 36 }, embeddedIn: ['multipart part 1 (text/x-shellscript)'] });
  });

  it('reports a base64 multipart part as its whole body', () => {
    const body = Buffer.from('#!/bin/bash\naws configure set aws_secret_access_key "$S"\n').toString('base64');
    const text = `Content-Type: multipart/mixed; boundary="B"\n\n--B\nContent-Type: text/x-shellscript\nContent-Transfer-Encoding: base64\n\n${body}\n--B--\n`;
    const findings = lint('user-data', text);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.region).toMatchObject({ startLine: 7, startColumn: 1, endLine: 7, endColumn: body.length + 1 });
  });

  it('reports aws configure set in Windows PowerShell user data', () => {
    const text = `<powershell>\nInstall-WindowsFeature Web-Server\naws configure set aws_access_key_id ${key}\n</powershell>\n`;
    const findings = lint('user-data.ps1', text);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.region).toEqual({ startLine: 3, startColumn: 19, endLine: 3, endColumn: 36 });
    expect(JSON.stringify(findings)).not.toContain(key);
  });

  it('leaves Dockerfile RUN to no-credentials-in-image', () => {
    expect(lint('Dockerfile', 'FROM alpine\nRUN aws configure set aws_access_key_id x\n')).toEqual([]);
  });

  it('ignores comments and echo text mentioning aws configure', () => {
    const text = '# aws configure set aws_access_key_id X\necho "aws configure set aws_secret_access_key Y"\n';
    expect(lint('user-data.sh', text)).toEqual([]);
  });

  it('reports aws configure kept in a variable and run, at the key inside the assignment', () => {
    const text = 'SET_KEY="aws configure set aws_access_key_id $K"\n$SET_KEY\n';
    const findings = lint('user-data.sh', text);
    expect(findings.map((f) => [f.messageId, f.region.startLine, f.region.startColumn, f.region.endColumn])).toEqual([['configureSet', 1, 28, 45]]);
  });

  it('has a keyword pre-filter that needs an aws command before configure', () => {
    const rule = loadRules().find((r) => r.id === RULE)!;
    for (const text of ['./configure && make\n', 'configure_app() { :; }\n', 'pip install boto3 # configured later\n']) {
      expect(rule.keywords!.test(text)).toBe(false);
    }
    for (const text of ['aws configure set region x\n', 'spawn aws configure\n', '& "C:\\\\Program Files\\\\Amazon\\\\AWSCLIV2\\\\aws.exe" configure set k v\n', 'aws --profile p \\\n  configure\n']) {
      expect(rule.keywords!.test(text)).toBe(true);
    }
  });
});
