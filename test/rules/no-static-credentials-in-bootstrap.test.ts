import { describe, expect, it } from 'vitest';
import { describeRuleFixtures } from '../helpers/rule-harness.js';
import { lintText } from '../helpers/fixtures.js';
import { fakeAccessKeyId, fakeSecretAccessKey } from '../helpers/fake-keys.js';

const RULE = 'no-static-credentials-in-bootstrap';

describeRuleFixtures(RULE);

function lint(path: string, text: string) {
  return lintText(path, text, { rules: [RULE] }).findings;
}

function regions(findings: ReturnType<typeof lint>) {
  return findings.map((f) => [f.messageId, f.region.startLine, f.region.startColumn, f.region.endColumn]);
}

describe(RULE, () => {
  const key = fakeAccessKeyId('static-1');
  const secret = fakeSecretAccessKey('static-1');

  it('reports export of a literal secret key at the variable name and masks the value', () => {
    const findings = lint('user-data.sh', `#!/bin/bash\nexport AWS_SECRET_ACCESS_KEY="${secret}"\n`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      messageId: 'literalVariable',
      severity: 'error',
      region: { startLine: 2, startColumn: 8, endLine: 2, endColumn: 29 },
    });
    expect(findings[0]!.snippet).not.toContain(secret);
  });

  it('follows a variable holding a literal key', () => {
    const findings = lint('user-data.sh', `K=${key}\nexport AWS_ACCESS_KEY_ID=$K\n`);
    expect(regions(findings)).toEqual([['literalVariable', 2, 8, 25]]);
  });

  it('reports a template variable forwarded in user data but not in a CI script', () => {
    expect(regions(lint('user-data.sh', 'export AWS_ACCESS_KEY_ID=${access_key}\n'))).toEqual([['forwardedVariable', 1, 8, 25]]);
    expect(lint('ci/deploy.sh', 'export AWS_ACCESS_KEY_ID=${CI_KEY}\n')).toEqual([]);
  });

  it('does not report values fetched at run time', () => {
    const text = [
      'export AWS_ACCESS_KEY_ID=$(aws secretsmanager get-secret-value --secret-id k --query SecretString --output text)',
      'export AWS_SECRET_ACCESS_KEY="$(aws ssm get-parameter --name /k --with-decryption --query Parameter.Value --output text)"',
      'AWS_SESSION_TOKEN=$(vault kv get -field=token secret/aws)',
      'export AWS_ACCESS_KEY_ID',
      'export AWS_ACCESS_KEY_ID=$AWS_ACCESS_KEY_ID',
      '',
    ].join('\n');
    expect(lint('user-data.sh', text)).toEqual([]);
  });

  it('reports a cat heredoc into /root/.aws/credentials at the path', () => {
    const text = `cat > /root/.aws/credentials <<EOF\n[default]\naws_access_key_id = ${key}\nEOF\n`;
    expect(regions(lint('user-data.sh', text))).toEqual([['credentialsFile', 1, 7, 29]]);
  });

  it('reports tee and >> writes to credential files, config only with keys', () => {
    const text = [
      'echo "aws_secret_access_key = $S" | sudo tee -a "$HOME/.aws/credentials"',
      'echo "region = us-east-1" >> ~/.aws/config',
      'echo "aws_access_key_id = $K" >> ~/.aws/config',
      '',
    ].join('\n');
    expect(regions(lint('user-data.sh', text))).toEqual([
      ['credentialsFile', 1, 50, 72],
      ['credentialsFile', 3, 34, 47],
    ]);
  });

  it('reports aws iam create-access-key at the operation', () => {
    expect(regions(lint('user-data.sh', 'aws iam create-access-key --user-name bot > /tmp/k.json\n'))).toEqual([['createAccessKey', 1, 9, 26]]);
  });

  it('reports cloud-init write_files credentials at the path value', () => {
    const text = `#cloud-config\nwrite_files:\n  - path: /home/ubuntu/.aws/credentials\n    content: |\n      [default]\n      aws_secret_access_key = ${secret}\n`;
    const findings = lint('cloud-config.yaml', text);
    expect(regions(findings)).toEqual([['credentialsFile', 3, 11, 40]]);
  });

  it('reports in a Dockerfile RUN continuation line', () => {
    const text = `FROM alpine\nRUN apk add aws-cli && \\\n    export AWS_ACCESS_KEY_ID=${key} && \\\n    aws s3 ls\n`;
    expect(regions(lint('Dockerfile', text))).toEqual([['literalVariable', 3, 12, 29]]);
  });

  it('reports PowerShell $env: assignments of literals only', () => {
    const text = `<powershell>\n$env:AWS_ACCESS_KEY_ID = "${key}"\n$env:AWS_SECRET_ACCESS_KEY = (Get-SSMParameterValue -Name k -WithDecryption $true).Parameters[0].Value\n</powershell>\n`;
    expect(regions(lint('user-data.ps1', text))).toEqual([['literalVariable', 2, 6, 23]]);
  });

  it('reports Terraform template placeholders in user_data at the variable name', () => {
    const tf = 'resource "aws_instance" "web" {\n  user_data = <<-EOF\n    #!/bin/bash\n    export AWS_ACCESS_KEY_ID=${var.key}\n    echo ok\n    export AWS_SECRET_ACCESS_KEY="${lookup(var.keys, "secret")}"\n  EOF\n}\n';
    const findings = lint('main.tf', tf);
    expect(regions(findings)).toEqual([
      ['forwardedVariable', 4, 12, 29],
      ['forwardedVariable', 6, 12, 33],
    ]);
    expect(findings[0]!.message).toContain('${var.key}');
    expect(findings[0]!.embeddedIn).toEqual(['user_data of aws_instance.web']);
  });

  it('only runs in bootstrap contexts', () => {
    expect(lint('scripts/dev.sh', `export AWS_SECRET_ACCESS_KEY=${secret}\n`)).toEqual([]);
    expect(lint('packer/provision.sh', `export AWS_SECRET_ACCESS_KEY=${secret}\n`)).toHaveLength(1);
  });

  it('reports a credentials file written line by line once, at the write that carries the key', () => {
    const text = [
      'mkdir -p /home/$U/.aws',
      'echo "[default]" > /home/$U/.aws/credentials',
      'echo "aws_access_key_id=$K" >> /home/$U/.aws/credentials',
      'echo "aws_secret_access_key=$S" >> /home/$U/.aws/credentials',
      'echo "region=us-east-1" > /home/$U/.aws/config',
      '',
    ].join('\n');
    expect(regions(lint('user-data.sh', text))).toEqual([['credentialsFile', 3, 32, 57]]);
  });

  it('reports cloud-init write_files credentials between Terraform template directives', () => {
    const text = '#cloud-config\nwrite_files:\n%{ if length(ips) > 0 ~}\n  - path: /opt/dns\n    content: x\n%{ endif ~}\n  - path: /root/.aws/credentials\n    content: |\n      aws_access_key_id = ${s3_access}\n';
    expect(regions(lint('cloud-init.tftpl', text))).toEqual([['credentialsFile', 7, 11, 33]]);
  });
});

describe('Terraform provisioner "file"', () => {
  it('reports a destination of ~/.aws/credentials at the destination value', () => {
    const tf = [
      'resource "aws_instance" "b" {',
      '  provisioner "file" {',
      '    content     = "[default]\\naws_access_key_id = ${var.id}\\n"',
      '    destination = "~/.aws/credentials"',
      '  }',
      '}',
      '',
    ].join('\n');
    const { findings } = lintText('main.tf', tf, { rules: ['no-static-credentials-in-bootstrap'] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ region: { startLine: 4, startColumn: 19, endLine: 4, endColumn: 39 }, embeddedIn: ['provisioner "file" of aws_instance.b'] });
  });
});
