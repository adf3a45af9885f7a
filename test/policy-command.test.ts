// `credlint policy <file> [--resource NAME]`, run as users run it (the built CLI).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, ROOT, lintText } from './helpers/fixtures.js';
import { tempDir } from './helpers/tmp.js';
import { attachPolicy } from './helpers/attach-policy.js';

const BIN = join(ROOT, 'bin', 'credlint.js');
const DIR = join(FIXTURES, 'bootstrap-permissions-match-role');

function run(args: string[], cwd = DIR) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('credlint policy', () => {
  it('prints the least-privilege policy of the training demo as JSON, which then satisfies the rule', () => {
    const r = run(['policy', 'positive/s3-read-only-demo.yaml']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('# AWS::EC2::Instance DemoInstance — runs as AWS::IAM::Role S3ReadOnlyRole (AWS managed policy AmazonS3ReadOnlyAccess)');
    const json = r.stdout.slice(r.stdout.indexOf('{'), r.stdout.lastIndexOf('}') + 1);
    const policy = JSON.parse(json) as { Statement: { Action: string[]; Resource: string[] }[] };
    expect(policy.Statement.map((s) => `${s.Action.join(',')} ${s.Resource.join(',')}`)).toEqual([
      's3:CreateBucket arn:aws:s3:::demo-upload-bucket-*',
      's3:GetObject arn:aws:s3:::demo-artifacts/releases/app.tar.gz',
      's3:ListAllMyBuckets *',
      's3:ListBucket arn:aws:s3:::demo-artifacts',
      's3:PutObject arn:aws:s3:::demo-artifacts/logs/cloud-init-output.log',
    ]);
    const text = readFileSync(join(DIR, 'positive/s3-read-only-demo.yaml'), 'utf8');
    const fixed = attachPolicy(text, policy, 'template.yaml');
    expect(lintText('template.yaml', fixed, { rules: ['bootstrap-permissions-match-role'] }).findings).toEqual([]);
  });

  it('prints HCL for Terraform, picks one resource with --resource, and lists what it could not resolve with positions', () => {
    const r = run(['policy', 'negative/unknown-parts.tf', '--resource', 'scoped']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# aws_instance.scoped — runs as aws_iam_role.scoped');
    expect(r.stdout).toContain('data "aws_iam_policy_document" "scoped_bootstrap" {');
    expect(r.stdout).toContain('#   negative/unknown-parts.tf:31:5  aws cloudformation deploy: aws cloudformation deploy runs operations decided at run time');
    expect(r.stdout).toContain('#   negative/unknown-parts.tf:28:5  aws s3 mb: runs with other credentials than the instance role');
    expect(r.stdout).not.toContain('aws_instance.outside');
  });

  it('gives the same reports as data with --format json', () => {
    const r = run(['policy', 'negative/unknown-parts.tf', '--resource', 'aws_instance.outside', '-f', 'json']);
    expect(r.code).toBe(0);
    const [report, ...rest] = JSON.parse(r.stdout) as { resource: string; role?: string; policy: unknown; unresolved: unknown[] }[];
    expect(rest).toEqual([]);
    expect(report).toMatchObject({ resource: 'aws_instance.outside', role: 'aws_iam_role.outside', unresolved: [] });
    expect(report!.policy).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:CreateBucket'], Resource: ['arn:aws:s3:::created-at-boot'] }] });
  });

  it('exits 2 with one line for a missing file, a file without compute, an unknown resource and --resource without policy', () => {
    const t = tempDir();
    t.write('main.tf', 'resource "aws_s3_bucket" "b" {}\n');
    const cases: [string[], string, RegExp][] = [
      [['policy', 'missing.tf'], DIR, /^credlint: policy: missing\.tf: no such file\n$/],
      [['policy', 'main.tf'], t.dir, /^credlint: policy: main\.tf has no instance, launch template or launch configuration with user data\n$/],
      [['policy', 'positive/s3-read-only-demo.yaml', '--resource', 'Nope'], DIR, /--resource Nope: no instance.*\(there are: DemoInstance\)\n$/],
      [['policy'], DIR, /^credlint: policy: expected one file/],
      [['.', '--resource', 'x'], DIR, /^credlint: --resource: only with credlint policy <file>\n$/],
    ];
    for (const [args, cwd, message] of cases) {
      const r = run(args, cwd);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
  });
});
