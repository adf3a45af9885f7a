// Issue 13: bootstrap scripts wherever they are — PowerShell, files classified by content,
// templates, provisioning tools, boot persistence and files that become credentials files.
// Every case asserts the message id, severity and exact position.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { frame, lintText } from '../helpers/fixtures.js';
import { fakeAccessKeyId, fakeSecretAccessKey } from '../helpers/fake-keys.js';
import { tempDir } from '../helpers/tmp.js';

const STATIC = 'no-static-credentials-in-bootstrap';
const CONFIGURE = 'no-aws-configure-in-bootstrap';
const IMDS = 'no-imdsv1-calls';
const K = fakeAccessKeyId('forms');
const S = fakeSecretAccessKey('forms');

function at(path: string, text: string, rules: string[], absPath?: string) {
  const { findings } = lintText(path, text, { rules, ...(absPath ? { absPath } : {}) });
  if (process.env.DEBUG_FORMS) console.log(frame(findings));
  for (const f of findings) for (const secret of [K, S]) expect(JSON.stringify(f)).not.toContain(secret);
  return findings.map((f) => [f.ruleId, f.messageId, f.severity, f.region.startLine, f.region.startColumn, f.region.endColumn]);
}

describe('PowerShell', () => {
  it('reports aws configure set in PowerShell, through & "…aws.exe" and a variable holding the path', () => {
    const text = `$cli = 'C:\\Program Files\\Amazon\\AWSCLIV2\\aws.exe'\n& $cli configure set aws_access_key_id ${K}\naws --profile ci configure set aws_secret_access_key $secret\naws configure set region us-east-1\n`;
    expect(at('bootstrap/cli.ps1', text, [CONFIGURE])).toEqual([
      [CONFIGURE, 'configureSet', 'error', 2, 22, 39],
      [CONFIGURE, 'configureSet', 'error', 3, 32, 53],
    ]);
  });

  it('ignores aws configure in comments, block comments, strings and here-strings', () => {
    const text = "# aws configure set aws_access_key_id X\n<# aws configure set aws_secret_access_key Y #>\nWrite-Host 'aws configure set aws_access_key_id Z'\n$h = @\"\naws configure set aws_secret_access_key W\n\"@\n";
    expect(at('bootstrap/cli.ps1', text, [CONFIGURE])).toEqual([]);
  });

  it('reports Set-AWSCredential and Initialize-AWSDefaultConfiguration with keys, not with a profile or a role session', () => {
    const text = [
      `Set-AWSCredential -AccessKey ${K} -SecretKey ${S} -StoreAs default`,
      'Initialize-AWSDefaultConfiguration -ProfileName default -Region us-east-1',
      '$c = (Use-STSRole -RoleArn $arn -RoleSessionName boot).Credentials',
      'Set-AWSCredential -AccessKey $c.AccessKeyId -SecretKey $c.SecretAccessKey -SessionToken $c.SessionToken',
      '',
    ].join('\n');
    expect(at('bootstrap/creds.ps1', text, [STATIC])).toEqual([[STATIC, 'powershellCredentials', 'error', 1, 51, 61]]);
  });

  it('reports $env: literals and [Environment]::SetEnvironmentVariable persistence, placeholders at a lower severity', () => {
    const text = [
      `$env:AWS_SECRET_ACCESS_KEY = '${S}'`,
      "$env:AWS_REGION = 'us-east-1'",
      "[Environment]::SetEnvironmentVariable('AWS_ACCESS_KEY_ID', 'CHANGEME', 'Machine')",
      `[Environment]::SetEnvironmentVariable('AWS_SECRET_ACCESS_KEY', '${S}', [EnvironmentVariableTarget]::User)`,
      "[Environment]::SetEnvironmentVariable('AWS_DEFAULT_REGION', 'us-east-1', 'Machine')",
      '',
    ].join('\n');
    expect(at('bootstrap/env.ps1', text, [STATIC])).toEqual([
      [STATIC, 'literalVariable', 'error', 1, 6, 27],
      [STATIC, 'persistedVariable', 'warning', 3, 40, 57],
      [STATIC, 'persistedVariable', 'error', 4, 40, 61],
    ]);
  });

  it('reports New-IAMAccessKey and writes to .aws\\credentials', () => {
    const text = "$k = New-IAMAccessKey -UserName svc\n\"[default]\" | Out-File -FilePath \"$env:USERPROFILE\\.aws\\credentials\"\nCopy-Item .\\credentials -Destination C:\\Users\\svc\\.aws\\\n";
    expect(at('bootstrap/keys.ps1', text, [STATIC])).toEqual([
      [STATIC, 'createAccessKey', 'error', 1, 6, 22],
      [STATIC, 'credentialsFile', 'error', 2, 35, 68],
      [STATIC, 'credentialsFile', 'error', 3, 38, 56],
    ]);
  });

  it('reports IMDSv1 requests to security-credentials, not after a token is read first', () => {
    const bad = "$u = 'http://169.254.169.254/latest/meta-data/iam/security-credentials/'\n$role = Invoke-RestMethod $u\n";
    expect(at('bootstrap/imds.ps1', bad, [IMDS])).toEqual([[IMDS, 'imdsv1Credentials', 'error', 2, 27, 29]]);
    const good = "$t = Invoke-RestMethod -Method PUT -Uri http://169.254.169.254/latest/api/token -Headers @{'X-aws-ec2-metadata-token-ttl-seconds'='60'}\n$role = Invoke-RestMethod -Headers @{'X-aws-ec2-metadata-token'=$t} -Uri http://169.254.169.254/latest/meta-data/iam/security-credentials/\n";
    expect(at('bootstrap/imds.ps1', good, [IMDS])).toEqual([]);
  });

  it('reads <powershell> user data blocks with the tokenizer (a block comment hides a command)', () => {
    const text = `<powershell>\n<#\naws configure set aws_access_key_id X\n#>\naws configure set aws_secret_access_key ${S}\n</powershell>\n<persist>true</persist>\n`;
    expect(at('user-data.txt', text, [CONFIGURE])).toEqual([[CONFIGURE, 'configureSet', 'error', 5, 19, 40]]);
  });

  it('reads SSM aws:runPowerShellScript steps in CloudFormation', () => {
    const text = `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Doc:\n    Type: AWS::SSM::Document\n    Properties:\n      Content:\n        schemaVersion: "2.2"\n        mainSteps:\n          - action: aws:runPowerShellScript\n            name: x\n            inputs:\n              runCommand:\n                - aws configure set aws_access_key_id ${K}\n`;
    const findings = lintText('stack.yaml', text, { rules: [CONFIGURE] }).findings;
    expect(findings.map((f) => [f.region.startLine, f.region.startColumn, f.embeddedIn])).toEqual([[13, 37, ['Content of Doc runCommand']]]);
  });
});

describe('files classified by content', () => {
  it('reports in an extensionless provisioning script and in a .txt holding shell lines', () => {
    const text = `yum install -y awscli\nmkdir -p /root/.aws\naws configure set aws_secret_access_key ${S}\n`;
    expect(at('setup', text, [CONFIGURE])).toEqual([[CONFIGURE, 'configureSet', 'warning', 3, 19, 40]]);
    expect(at('provision', text, [CONFIGURE])).toEqual([[CONFIGURE, 'configureSet', 'error', 3, 19, 40]]);
    expect(at('notes/run.txt', text, [CONFIGURE])).toEqual([[CONFIGURE, 'configureSet', 'warning', 3, 19, 40]]);
  });

  it('stays silent on prose that mentions aws configure', () => {
    expect(at('docs/notes', 'Run aws configure set aws_secret_access_key on your laptop,\nnever in user data.\n', [CONFIGURE])).toEqual([]);
    expect(at('README.md', 'aws configure set aws_access_key_id X\naws configure set aws_secret_access_key Y\nyum install -y z\n', [CONFIGURE])).toEqual([]);
  });

  it('reads a Jinja script template as a bootstrap script whose placeholders are not literals', () => {
    const text = '#!/bin/bash\n{% if enabled %}\nexport AWS_ACCESS_KEY_ID={{ key_id }}\n{% endif %}\naws configure set aws_secret_access_key {{ secret }}\n';
    expect(at('roles/x/templates/setup.sh.j2', text, [STATIC, CONFIGURE])).toEqual([
      [STATIC, 'forwardedVariable', 'error', 3, 8, 25],
      [CONFIGURE, 'configureSet', 'error', 5, 19, 40],
    ]);
  });
});

describe('boot persistence and files that become credentials files', () => {
  it('reports credentials persisted in start-up files and systemd, whatever the value', () => {
    const text = [
      `echo "export AWS_ACCESS_KEY_ID=${K}" >> ~/.bash_profile`,
      "echo 'export AWS_SECRET_ACCESS_KEY=$SECRET' | sudo tee /etc/profile.d/aws.sh",
      'systemctl set-environment AWS_SESSION_TOKEN=${token}',
      'echo "AWS_REGION=us-east-1" >> /etc/environment',
      '',
    ].join('\n');
    expect(at('user-data.sh', text, [STATIC])).toEqual([
      [STATIC, 'persistedVariable', 'error', 1, 14, 31],
      [STATIC, 'persistedVariable', 'warning', 2, 14, 35],
      [STATIC, 'persistedVariable', 'warning', 3, 27, 44],
    ]);
  });

  it('does not report role credentials read at run time', () => {
    const text = 'C=$(aws sts assume-role --role-arn r --role-session-name s)\necho "export AWS_ACCESS_KEY_ID=$(echo $C | jq -r .Credentials.AccessKeyId)" >> ~/.bashrc\naws configure export-credentials --profile r --format env >> ~/.bashrc\n';
    expect(at('user-data.sh', text, [STATIC])).toEqual([]);
  });

  it('reports a credentials file moved into .aws/, and placeholder-only credentials at a lower severity', () => {
    const text = 'printf "[default]\\naws_access_key_id = %s\\n" "$K" > /tmp/credentials\ninstall -D -m 600 /tmp/credentials /home/ubuntu/.aws/\ncat > /root/.aws/credentials <<EOF\n[default]\naws_access_key_id = CHANGEME\naws_secret_access_key = ${secret}\nEOF\n';
    expect(at('user-data.sh', text, [STATIC])).toEqual([
      [STATIC, 'credentialsFile', 'error', 2, 36, 54],
      [STATIC, 'credentialsFile', 'warning', 3, 7, 29],
    ]);
  });

  it('reports cloud-init write_files to /etc/environment at the variable inside the content', () => {
    const text = `#cloud-config\nwrite_files:\n  - path: /etc/environment\n    append: true\n    content: |\n      AWS_SECRET_ACCESS_KEY=${S}\n`;
    expect(at('cloud-config.yaml', text, [STATIC])).toEqual([[STATIC, 'persistedVariable', 'error', 6, 7, 28]]);
  });
});

describe('provisioning tools', () => {
  it('reads Ansible shell/command tasks and lineinfile/copy destinations at their exact positions', () => {
    const text = [
      '- name: configure',
      '  ansible.builtin.shell: aws configure set aws_access_key_id {{ key }}',
      '- name: write',
      '  ansible.builtin.copy:',
      '    content: "{{ creds }}"',
      '    dest: /home/ubuntu/.aws/credentials',
      '- name: region only',
      '  ansible.builtin.command: aws configure set region eu-west-1',
      '',
    ].join('\n');
    expect(at('playbooks/site.yml', text, [STATIC, CONFIGURE])).toEqual([
      [CONFIGURE, 'configureSet', 'error', 2, 44, 61],
      [STATIC, 'credentialsFile', 'error', 6, 11, 40],
    ]);
  });

  it('does not read YAML that is not Ansible (a list of plain values, a CI file)', () => {
    expect(at('list.yml', '- shell: aws configure set aws_access_key_id X\n', [CONFIGURE])).toHaveLength(1);
    expect(at('.gitlab-ci.yml', 'deploy:\n  script:\n    - aws configure set region us-east-1\n', [CONFIGURE])).toEqual([]);
  });

  it('reads Packer HCL shell inline and file destinations', () => {
    const text = 'build {\n  provisioner "shell" {\n    inline = ["sudo yum install -y awscli", "aws configure set aws_secret_access_key ${var.secret}"]\n  }\n  provisioner "file" {\n    source      = "secrets/credentials"\n    destination = "/home/ec2-user/.aws/credentials"\n  }\n}\n';
    expect(at('image.pkr.hcl', text, [STATIC, CONFIGURE])).toEqual([
      [CONFIGURE, 'configureSet', 'error', 3, 64, 85],
      [STATIC, 'credentialsFile', 'error', 7, 19, 52],
    ]);
  });

  it('reads Vagrantfile provision heredocs', () => {
    const text = `Vagrant.configure("2") do |c|\n  c.vm.provision "shell", inline: <<~SHELL\n    curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/\n  SHELL\nend\n`;
    expect(at('Vagrantfile', text, [IMDS])).toEqual([[IMDS, 'imdsv1Credentials', 'error', 3, 13, 78]]);
  });
});

describe('scripts called by a bootstrap script', () => {
  const tmp = tempDir();
  tmp.write('lib/aws.ps1', 'Set-AWSCredential -AccessKey $a -SecretKey $s -StoreAs default\n');
  tmp.write('lib/env.sh', 'export AWS_SECRET_ACCESS_KEY=${SECRET}\n');
  tmp.write('bootstrap/provision-helpers/keys.sh', 'aws iam create-access-key --user-name x\n');

  it('reports what a dot-sourced or called script does at the call', () => {
    const text = '$ErrorActionPreference = "Stop"\n. "$PSScriptRoot\\..\\lib\\aws.ps1"\n';
    const findings = lintText('bootstrap/init.ps1', text, { rules: [STATIC], absPath: join(tmp.dir, 'bootstrap/init.ps1') }).findings;
    expect(findings.map((f) => [f.messageId, f.region.startLine, f.region.startColumn, f.region.endColumn, f.embeddedIn])).toEqual([
      ['powershellCredentials', 2, 4, 32, ['script called: ./../lib/aws.ps1']],
    ]);
    const sh = lintText('bootstrap/init.sh', 'source ../lib/env.sh\n', { rules: [STATIC], absPath: join(tmp.dir, 'bootstrap/init.sh') }).findings;
    expect(sh.map((f) => [f.messageId, f.region.startLine, f.region.startColumn])).toEqual([['forwardedVariable', 1, 8]]);
  });

  it('leaves a called script that is a bootstrap script by its own path to its own scan', () => {
    const findings = lintText('bootstrap/init.sh', 'bash provision-helpers/keys.sh\n', { rules: [STATIC], absPath: join(tmp.dir, 'bootstrap/init.sh') }).findings;
    expect(findings).toEqual([]);
  });
});

describe('Ansible free-form module arguments', () => {
  it('reads copy/lineinfile key=value strings at the dest value', () => {
    const text = '- name: creds\n  copy: src=files/credentials dest=/root/.aws/credentials mode=0600\n- file: path=/root/.aws state=directory\n';
    expect(at('tasks/main.yml', text, [STATIC])).toEqual([[STATIC, 'credentialsFile', 'error', 2, 36, 58]]);
  });
});

describe('other clouds on the same address', () => {
  it('does not report Azure, Google Cloud or OpenStack metadata requests', () => {
    const ps = 'Invoke-RestMethod -Headers @{"Metadata"="true"} -Method GET -Uri "http://169.254.169.254/metadata/instance?api-version=2021-02-01"\n';
    expect(at('scripts/azure.ps1', ps, [IMDS])).toEqual([]);
    const sh = 'curl -s -H "Metadata-Flavor: Google" http://169.254.169.254/computeMetadata/v1/instance/id\ncurl -s http://169.254.169.254/openstack/latest/meta_data.json\ncurl -s http://169.254.169.254/latest/meta-data/ami-id\n';
    expect(at('user-data.sh', sh, [IMDS])).toEqual([[IMDS, 'imdsv1', 'warning', 3, 9, 55]]);
  });
});

describe('EC2Launch v2 YAML user data', () => {
  it('reads executeScript powershell content at its exact position', () => {
    const text = `version: 1.0\ntasks:\n  - task: executeScript\n    inputs:\n      - frequency: once\n        type: powershell\n        runAs: admin\n        content: |-\n          Set-DefaultAWSRegion -Region us-east-1\n          aws configure set aws_secret_access_key ${S}\n`;
    expect(at('user-data.yaml', text, [CONFIGURE])).toEqual([[CONFIGURE, 'configureSet', 'error', 10, 29, 50]]);
    const tf = `resource "aws_instance" "w" {\n  user_data = <<-EOF\n    version: 1.0\n    tasks:\n      - task: executeScript\n        inputs:\n          - type: powershell\n            content: |-\n              $env:AWS_ACCESS_KEY_ID = '${K}'\n  EOF\n}\n`;
    expect(at('main.tf', tf, [STATIC])).toEqual([[STATIC, 'literalVariable', 'error', 9, 20, 37]]);
  });
});

describe('PowerShell environment providers and the registry', () => {
  it('reports Set-Item Env: literals, registry machine variables and $PROFILE persistence', () => {
    const text = [
      `Set-Item -Path Env:AWS_ACCESS_KEY_ID -Value '${K}'`,
      "Set-ItemProperty -Path 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment' -Name AWS_SECRET_ACCESS_KEY -Value $Secret",
      "Add-Content -Path $PROFILE -Value '$env:AWS_SESSION_TOKEN = \"placeholder\"'",
      "Set-ItemProperty -Path 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment' -Name AWS_REGION -Value us-east-1",
      '',
    ].join('\n');
    expect(at('bootstrap/env.ps1', text, [STATIC])).toEqual([
      [STATIC, 'literalVariable', 'error', 1, 20, 37],
      [STATIC, 'persistedVariable', 'warning', 2, 99, 120],
      [STATIC, 'persistedVariable', 'warning', 3, 41, 58],
    ]);
  });
});

describe('PowerShell values that are not static keys', () => {
  it('does not report re-exports, run-time fetches, or forwarded values in an image build', () => {
    const ps = "$env:AWS_ACCESS_KEY_ID = $env:AWS_ACCESS_KEY_ID\n$env:AWS_SECRET_ACCESS_KEY = (Get-SECSecretValue -SecretId k).SecretString\n$env:AWS_SESSION_TOKEN = (Use-STSRole -RoleArn r -RoleSessionName s).Credentials.SessionToken\n";
    expect(at('user-data.ps1', ps, [STATIC])).toEqual([]);
    const docker = 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nARG KEY\nRUN $env:AWS_ACCESS_KEY_ID = $env:KEY; aws s3 ls\n';
    expect(at('Dockerfile', docker, [STATIC])).toEqual([]);
  });
});

describe('Vagrant file provisioners and Ruby interpolation', () => {
  it('reports a file provisioner destination and a profile.d write of an interpolated key', () => {
    const text = `Vagrant.configure("2") do |config|\n  config.vm.provision "file", source: "~/.aws/credentials", destination: "/home/vagrant/.aws/credentials"\n  config.vm.provision "shell", inline: <<-SCRIPT\necho 'export AWS_ACCESS_KEY_ID="#{ENV['AWS_ACCESS_KEY_ID']}"' >> /etc/profile.d/aws.sh\nSCRIPT\nend\n`;
    expect(at('Vagrantfile', text, [STATIC])).toEqual([
      [STATIC, 'credentialsFile', 'error', 2, 75, 105],
      [STATIC, 'persistedVariable', 'warning', 4, 14, 31],
    ]);
  });
});
