import { describe, expect, it } from 'vitest';
import { classifyFile, userDataKind } from '../../src/kinds.js';

describe('classifyFile', () => {
  const cases: Array<[string, string, string]> = [
    ['src/app.ts', '', 'javascript'],
    ['lib/x.mjs', '', 'javascript'],
    ['web/App.tsx', '', 'javascript'],
    ['scripts/bin/run', '#!/usr/bin/env node\nconsole.log(1)', 'javascript'],
    ['deploy.sh', '', 'shell'],
    ['bin/setup', '#!/bin/bash\nset -e\n', 'shell'],
    ['bin/setup2', '#!/usr/bin/env bash\n', 'shell'],
    ['bin/tool', '#!/usr/bin/env python3\n', 'text'],
    ['user-data', '#!/bin/bash\n', 'user-data'],
    ['ec2/user_data.sh', '#!/bin/bash\n', 'user-data'],
    ['ec2/userdata-web.txt', 'echo hi', 'user-data'],
    ['ec2/web.user-data', 'echo hi', 'user-data'],
    ['infra/user_data.tf', 'resource "x" "y" {}', 'terraform'],
    ['src/user_data.py', 'x = 1', 'text'],
    ['boot.yaml', '#cloud-config\nruncmd:\n  - ls\n', 'cloud-init'],
    ['boot.txt', 'Content-Type: multipart/mixed; boundary="==x=="\nMIME-Version: 1.0\n', 'user-data'],
    ['win.txt', '<powershell>\nRead-Host\n</powershell>', 'user-data'],
    ['Dockerfile', 'FROM x', 'dockerfile'],
    ['docker/Dockerfile.prod', 'FROM x', 'dockerfile'],
    ['api.Dockerfile', 'FROM x', 'dockerfile'],
    ['Containerfile', 'FROM x', 'dockerfile'],
    ['main.tf', '', 'terraform'],
    ['main.tf.json', '{}', 'terraform'],
    ['prod.tfvars', '', 'terraform'],
    ['template.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n', 'cloudformation'],
    ['sam.yml', 'Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n', 'cloudformation'],
    ['stack.json', '{\n  "Resources": {\n    "I": { "Type": "AWS::EC2::Instance" }\n  }\n}', 'cloudformation'],
    ['cdk.out/App.template.json', '{"Resources":{"R":{"Type":"AWS::S3::Bucket"}}}', 'cloudformation'],
    ['k8s/deploy.yaml', 'apiVersion: apps/v1\nkind: Deployment\n', 'text'],
    ['.aws/credentials', '[default]\n', 'aws-config'],
    ['home/.aws/config', '[default]\nregion = us-east-1\n', 'aws-config'],
    ['credentials', '[default]\n', 'aws-config'],
    ['.s3cfg', '[default]\n', 'aws-config'],
    ['.boto', '[Credentials]\n', 'aws-config'],
    ['settings.ini', '[x]\naws_access_key_id = A\n', 'aws-config'],
    ['.env', 'A=1', 'dotenv'],
    ['.env.production', 'A=1', 'dotenv'],
    ['config/prod.env', 'A=1', 'dotenv'],
    ['README.md', '# hi', 'text'],
    ['main.go', 'package main', 'text'],
  ];
  for (const [path, head, kind] of cases) {
    it(`classifies ${path} as ${kind}`, () => expect(classifyFile(path, head)).toBe(kind));
  }

  it('tells cloud-config user data from scripts', () => {
    expect(userDataKind('#cloud-config\nruncmd: []')).toBe('cloud-init');
    expect(userDataKind('#!/bin/bash\necho')).toBe('user-data');
  });
});
