import { describe, expect, it } from 'vitest';
import { describeRuleFixtures } from '../helpers/rule-harness.js';
import { lintText, loadFixtures } from '../helpers/fixtures.js';
import type { Finding } from '../../src/engine/types.js';
import { attachPolicy } from '../helpers/attach-policy.js';
import { cliCallNeeds, UNKNOWN, type CliWord } from '../../src/iam/cli-actions.js';
import { patternMatches } from '../../src/iam/simulate.js';
import { tempDir } from '../helpers/tmp.js';

const RULE = 'bootstrap-permissions-match-role';

describeRuleFixtures(RULE);

function run(path: string, text: string): Finding[] {
  return lintText(path, text, { rules: [RULE] }).findings.filter((f) => f.ruleId === RULE);
}

const words = (...ws: string[]): CliWord[] => ws.map((w) => ({ template: w.replace(/\$\w+/g, UNKNOWN), known: !w.includes('$') }));
const needs = (service: string, ...args: string[]) => {
  const m = cliCallNeeds(words(service)[0], words(...args));
  return m.state === 'mapped' ? m.needs.map((n) => `${n.action} ${n.resource.replace(/\u0000/g, '?')}`) : m.state;
};

describe('AWS CLI calls → IAM actions and resources', () => {
  it('maps the high-level s3 commands by their operations, with ARNs from literal arguments', () => {
    expect(needs('s3', 'ls')).toEqual(['s3:ListAllMyBuckets *']);
    expect(needs('s3', 'ls', 's3://b/logs/')).toEqual(['s3:ListBucket arn:aws:s3:::b']);
    expect(needs('s3', 'mb', 's3://b')).toEqual(['s3:CreateBucket arn:aws:s3:::b']);
    expect(needs('s3', 'rb', 's3://b', '--force')).toEqual(['s3:ListBucket arn:aws:s3:::b', 's3:DeleteObject arn:aws:s3:::b/?', 's3:DeleteBucket arn:aws:s3:::b']);
    expect(needs('s3', 'cp', 's3://b/k.tgz', '/opt/k.tgz')).toEqual(['s3:GetObject arn:aws:s3:::b/k.tgz']);
    expect(needs('s3', 'cp', './app.log', 's3://b/logs/', '--sse', 'aws:kms')).toEqual(['s3:PutObject arn:aws:s3:::b/logs/app.log']);
    expect(needs('s3', 'cp', '-', 's3://b/x')).toEqual(['s3:PutObject arn:aws:s3:::b/x']);
    expect(needs('s3', 'cp', 'f', 's3://b/x', '--acl', 'bucket-owner-full-control')).toEqual(['s3:PutObject arn:aws:s3:::b/x', 's3:PutObjectAcl arn:aws:s3:::b/x']);
    expect(needs('s3', 'cp', '/etc', 's3://b/etc/', '--recursive')).toEqual(['s3:PutObject arn:aws:s3:::b/etc/?']);
    expect(needs('s3', 'mv', 's3://a/x', 's3://b/y')).toEqual(['s3:GetObject arn:aws:s3:::a/x', 's3:DeleteObject arn:aws:s3:::a/x', 's3:PutObject arn:aws:s3:::b/y']);
    expect(needs('s3', 'sync', 's3://b/site', '/var/www')).toEqual(['s3:ListBucket arn:aws:s3:::b', 's3:GetObject arn:aws:s3:::b/site?']);
    expect(needs('s3', 'sync', '/data', 's3://b/backup/', '--delete')).toEqual(['s3:ListBucket arn:aws:s3:::b', 's3:PutObject arn:aws:s3:::b/backup/?', 's3:DeleteObject arn:aws:s3:::b/backup/?']);
    expect(needs('s3', 'rm', 's3://b/tmp/', '--recursive')).toEqual(['s3:ListBucket arn:aws:s3:::b', 's3:DeleteObject arn:aws:s3:::b/tmp/?']);
    expect(needs('s3', 'presign', 's3://b/report.pdf', '--expires-in', '600')).toEqual(['s3:GetObject arn:aws:s3:::b/report.pdf']);
    expect(needs('s3', 'cp', 's3://$BUCKET/k', '.')).toEqual(['s3:GetObject arn:aws:s3:::?/k']);
  });

  it('maps low-level commands through the catalogue: service prefixes, kebab-case names and the known exceptions', () => {
    expect(needs('ec2', 'describe-instances', '--instance-ids', 'i-1')).toEqual(['ec2:DescribeInstances *']);
    expect(needs('s3api', 'put-object', '--bucket', 'b', '--key', 'k', '--body', 'f')).toEqual(['s3:PutObject arn:aws:s3:::b/k']);
    expect(needs('s3api', 'list-objects-v2', '--bucket', 'b')).toEqual(['s3:ListBucket arn:aws:s3:::b']);
    expect(needs('s3api', 'head-object', '--bucket', 'b', '--key', 'k')).toEqual(['s3:GetObject arn:aws:s3:::b/k']);
    expect(needs('s3api', 'get-bucket-encryption', '--bucket', 'b')).toEqual(['s3:GetEncryptionConfiguration arn:aws:s3:::b']);
    expect(needs('elbv2', 'describe-target-groups')).toEqual(['elasticloadbalancing:DescribeTargetGroups *']);
    expect(needs('ecr', 'get-login-password', '--region', 'eu-west-1')).toEqual(['ecr:GetAuthorizationToken *']);
    expect(needs('ssm', 'get-parameters', '--names', '/a/b', 'c')).toEqual(['ssm:GetParameters arn:aws:ssm:?:?:parameter/a/b', 'ssm:GetParameters arn:aws:ssm:?:?:parameter/c']);
    expect(needs('secretsmanager', 'get-secret-value', '--secret-id', 'db')).toEqual(['secretsmanager:GetSecretValue arn:aws:secretsmanager:?:?:secret:db-?']);
    expect(needs('sqs', 'send-message', '--queue-url', 'https://sqs.eu-west-1.amazonaws.com/111122223333/jobs', '--message-body', 'x')).toEqual(['sqs:SendMessage arn:aws:sqs:eu-west-1:111122223333:jobs']);
    expect(needs('ec2', 'wait', 'instance-running')).toEqual(['ec2:DescribeInstances *']);
    expect(needs('ec2', 'run-instances', '--iam-instance-profile', 'Name=p')).toEqual(['ec2:RunInstances ?', 'iam:PassRole ?']);
    expect(needs('sts', 'get-caller-identity')).toBe('none');
    expect(needs('configure', 'set', 'region', 'x')).toBe('none');
    expect(needs('cloudformation', 'deploy', '--stack-name', 's')).toBe('unresolved');
    expect(needs('ec2', 'describe-instancez')).toBe('unresolved');
    expect(needs('apigateway', 'get-rest-apis')).toBe('unresolved');
    expect(needs('s3', 'cp', 'a', 's3://b/k', '--some-new-option', 'x')).toBe('unresolved');
  });

  it('matches partly known resources only when every value would match', () => {
    const p = (value: string) => ({ state: value.includes('${') ? ('partial' as const) : ('known' as const), value, range: { start: 0, end: 0 } });
    expect(patternMatches(p('arn:aws:s3:::b/*'), `arn:aws:s3:::b/${UNKNOWN}`)).toBe(true);
    expect(patternMatches(p('arn:aws:s3:::b/logs/*'), `arn:aws:s3:::b/${UNKNOWN}`)).toBeUndefined();
    expect(patternMatches(p('arn:aws:s3:::other/*'), `arn:aws:s3:::b/${UNKNOWN}`)).toBe(false);
    expect(patternMatches(p('arn:${AWS::Partition}:s3:::b/*'), 'arn:aws:s3:::b/k')).toBe(true);
    expect(patternMatches(p('arn:aws:s3:::${Bucket}/*'), 'arn:aws:s3:::b/k')).toBeUndefined();
    expect(patternMatches(p('arn:aws:s3:::*'), '*')).toBe(false);
    expect(patternMatches(p('*'), '*')).toBe(true);
  });
});

describe(RULE, () => {
  it('reports the training demo: AmazonS3ReadOnlyAccess and `aws s3 mb`, at the command inside Fn::Base64 !Sub', () => {
    const [fixture] = loadFixtures(RULE, 'positive').filter((f) => f.name === 'positive/s3-read-only-demo.yaml');
    const [mb, cp] = run('template.yaml', fixture!.text);
    expect(mb).toMatchObject({ messageId: 'denied', severity: 'warning', region: { startLine: 39, startColumn: 11, endLine: 39, endColumn: 86 } });
    expect(mb!.message).toContain('AccessDenied on s3:CreateBucket on arn:aws:s3:::demo-upload-bucket-*');
    expect(mb!.message).toContain('AWS::IAM::Role S3ReadOnlyRole, whose policies (AWS managed policy AmazonS3ReadOnlyAccess)');
    expect(cp).toMatchObject({ messageId: 'denied', region: { startLine: 41, startColumn: 11, endColumn: 77 } });
    expect(cp!.message).toContain('s3:PutObject on arn:aws:s3:::demo-artifacts/logs/cloud-init-output.log');
  });

  it('carries the least-privilege policy in the finding properties (JSON, and HCL for Terraform)', () => {
    const [fixture] = loadFixtures(RULE, 'positive').filter((f) => f.name === 'positive/s3-read-only-demo.tf');
    const [first] = run('main.tf', fixture!.text);
    expect(first!.properties?.proposedPolicy).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['ec2:CreateTags'], Resource: ['*'] },
        { Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::demo-artifacts/site/*'] },
        { Effect: 'Allow', Action: ['s3:ListBucket'], Resource: ['arn:aws:s3:::demo-artifacts'] },
        { Effect: 'Allow', Action: ['s3:CreateBucket'], Resource: ['arn:aws:s3:::demo-upload-*'] },
        { Effect: 'Allow', Action: ['s3:PutObject'], Resource: ['arn:aws:s3:::demo-artifacts/boot/*.txt'] },
      ].sort((a, b) => a.Action[0]!.localeCompare(b.Action[0]!)),
    });
    expect(first!.properties?.proposedPolicyHcl).toContain('data "aws_iam_policy_document" "demo_bootstrap" {');
    expect(first!.properties?.proposedPolicyHcl).toContain('    actions   = ["s3:CreateBucket"]\n    resources = ["arn:aws:s3:::demo-upload-*"]');
  });

  it('notes a role that grants far more than the script uses, at the instance profile setting', () => {
    const [fixture] = loadFixtures(RULE, 'positive').filter((f) => f.name === 'positive/admin-for-one-bucket.tf');
    const [note, ...rest] = run('main.tf', fixture!.text);
    expect(rest).toEqual([]);
    expect(note).toMatchObject({ messageId: 'overGrant', severity: 'note', region: { startLine: 24, startColumn: 12, endColumn: 45 } });
    expect(note!.message).toContain('(it needs s3:GetObject)');
    expect(note!.properties?.proposedPolicy).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::web-config-bucket/nginx.conf'] }] });
  });

  for (const fixture of loadFixtures(RULE, 'positive')) {
    it(`the proposed policy for ${fixture.name}, attached to the role, makes every finding disappear`, () => {
      const path = fixture.name.endsWith('.tf') ? 'main.tf' : 'template.yaml';
      const findings = run(path, fixture.text);
      expect(findings.length).toBeGreaterThan(0);
      const policy = findings[0]!.properties?.proposedPolicy;
      for (const f of findings) expect(f.properties?.proposedPolicy).toEqual(policy);
      const fixed = attachPolicy(fixture.text, policy, path);
      expect(fixed).not.toBe(fixture.text);
      expect(run(path, fixed).map((f) => `${f.region.startLine} ${f.message}`)).toEqual([]);
    });
  }

  it('reports nothing when the user data runs no AWS call, or only calls that need no permission', () => {
    const [fixture] = loadFixtures(RULE, 'positive').filter((f) => f.name === 'positive/s3-read-only-demo.yaml');
    const quiet = fixture!.text.replace(/aws s3 (?:mb|cp \/var)[^\n]*/g, 'aws sts get-caller-identity');
    expect(run('template.yaml', quiet)).toEqual([]);
  });

  it('reports a denied call in a runcmd written as an argv list, at the list', () => {
    const [fixture] = loadFixtures(RULE, 'positive').filter((f) => f.name === 'positive/cloud-init-launch-template.yaml');
    const found = run('template.yaml', fixture!.text);
    expect(found.map((f) => [f.region.startLine, f.region.startColumn, f.region.endColumn, f.message.slice(0, 40)])).toEqual([
      [41, 17, 108, 'AccessDenied on sns:Publish on arn:aws:s'],
      [43, 18, 92, 'AccessDenied on dynamodb:PutItem on arn:'],
    ]);
  });

  it('reads a script given by templatefile() and reports its denied calls once, at the call', () => {
    const dir = tempDir();
    dir.write('init.sh', '#!/bin/bash\naws s3 cp s3://${bucket}/app.tgz /opt/\naws s3 mb s3://fixed-name-bucket\naws sqs send-message --queue-url https://sqs.us-east-1.amazonaws.com/111122223333/jobs --message-body hi\n');
    const tf = [
      'resource "aws_iam_role" "r" {',
      '  assume_role_policy  = jsonencode({ Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }] })',
      '  managed_policy_arns = ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"]',
      '}',
      'resource "aws_iam_instance_profile" "p" { role = aws_iam_role.r.name }',
      'resource "aws_instance" "a" {',
      '  iam_instance_profile = aws_iam_instance_profile.p.name',
      '  user_data            = templatefile("${path.module}/init.sh", { bucket = var.bucket })',
      '}',
      '',
    ].join('\n');
    const main = dir.write('main.tf', tf);
    const found = lintText('main.tf', tf, { rules: [RULE], absPath: main }).findings;
    expect(found.map((f) => [f.region.startLine, f.region.startColumn, f.region.endColumn])).toEqual([[8, 26, 89]]);
    expect(found[0]!.message).toContain('AccessDenied on s3:CreateBucket, sqs:SendMessage on arn:aws:s3:::fixed-name-bucket, arn:aws:sqs:us-east-1:111122223333:jobs: `aws s3 mb`, `aws sqs send-message`');
  });

  describe('instance agent policies (AmazonSSMManagedInstanceCore, CloudWatchAgentServerPolicy) in either source form', () => {
    const TF = [
      "resource \"aws_iam_role\" \"web\" {",
      "  name = \"web\"",
      "  assume_role_policy = jsonencode({",
      "    Version   = \"2012-10-17\"",
      "    Statement = [{ Effect = \"Allow\", Principal = { Service = \"ec2.amazonaws.com\" }, Action = \"sts:AssumeRole\" }]",
      "  })",
      "  managed_policy_arns = [\"arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore\", \"arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy\"]",
      "}",
      "resource \"aws_iam_role_policy\" \"s3\" {",
      "  role = aws_iam_role.web.id",
      "  policy = jsonencode({ Statement = [{ Effect = \"Allow\", Action = \"s3:GetObject\", Resource = \"arn:aws:s3:::web-config-bucket/*\" }] })",
      "}",
      "resource \"aws_iam_instance_profile\" \"web\" {",
      "  name = \"web\"",
      "  role = aws_iam_role.web.name",
      "}",
      "resource \"aws_instance\" \"web\" {",
      "  ami                  = \"ami-0abcdef1234567890\"",
      "  instance_type        = \"t3.small\"",
      "  iam_instance_profile = aws_iam_instance_profile.web.name",
      "  metadata_options {",
      "    http_tokens = \"required\"",
      "  }",
      "  user_data = <<-EOT",
      "    #!/bin/bash",
      "    aws s3 cp s3://web-config-bucket/nginx.conf /etc/nginx/nginx.conf",
      "  EOT",
      "}",
      '',
    ].join('\n');
    const CFN = [
      "AWSTemplateFormatVersion: '2010-09-09'",
      "Resources:",
      "  WebRole:",
      "    Type: AWS::IAM::Role",
      "    Properties:",
      "      AssumeRolePolicyDocument:",
      "        Version: '2012-10-17'",
      "        Statement:",
      "          - Effect: Allow",
      "            Principal: { Service: ec2.amazonaws.com }",
      "            Action: sts:AssumeRole",
      "      ManagedPolicyArns:",
      "        - !Sub arn:${AWS::Partition}:iam::aws:policy/AmazonSSMManagedInstanceCore",
      "        - !Join [\"\", [\"arn:\", !Ref \"AWS::Partition\", \":iam::aws:policy/CloudWatchAgentServerPolicy\"]]",
      "      Policies:",
      "        - PolicyName: s3",
      "          PolicyDocument:",
      "            Statement:",
      "              - Effect: Allow",
      "                Action: s3:GetObject",
      "                Resource: arn:aws:s3:::web-config-bucket/*",
      "  WebProfile:",
      "    Type: AWS::IAM::InstanceProfile",
      "    Properties:",
      "      Roles: [!Ref WebRole]",
      "  Web:",
      "    Type: AWS::EC2::Instance",
      "    Properties:",
      "      ImageId: ami-0abcdef1234567890",
      "      InstanceType: t3.small",
      "      IamInstanceProfile: !Ref WebProfile",
      "      MetadataOptions: { HttpTokens: required }",
      "      UserData:",
      "        Fn::Base64: !Sub |",
      "          #!/bin/bash",
      "          aws s3 cp s3://web-config-bucket/nginx.conf /etc/nginx/nginx.conf",
      '',
    ].join('\n');
    const notes = (path: string, text: string) => run(path, text).filter((f) => f.messageId === 'overGrant').map((f) => [f.region.startLine, f.region.startColumn]);

    it('never counts them as an over-grant, in Terraform or CloudFormation', () => {
      expect(notes('main.tf', TF)).toEqual([]);
      expect(notes('template.yaml', CFN)).toEqual([]);
    });

    it('still notes a broad policy beside them, in both forms alike', () => {
      const broad = 'arn:aws:iam::aws:policy/AmazonEC2FullAccess';
      expect(notes('main.tf', TF.replace('"arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy"', `"arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy", "${broad}"`))).toEqual([[20, 26]]);
      expect(notes('template.yaml', CFN.replace('      Policies:', `        - ${broad}\n      Policies:`))).toEqual([[32, 27]]);
    });
  });
});
