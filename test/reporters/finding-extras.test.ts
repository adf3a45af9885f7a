// Findings that carry related locations, an ordered flow and properties (a proposed policy):
// JSON and SARIF report them, masked like messages.
import { describe, expect, it } from 'vitest';
import { lintText } from '../helpers/fixtures.js';
import { fakeAccessKeyId } from '../helpers/fake-keys.js';
import { formatJson } from '../../src/reporters/json.js';
import { buildSarif } from '../../src/reporters/sarif.js';
import { rules } from '../../rules/index.js';
import type { ScanResult } from '../../src/engine/types.js';

const RULE = 'bootstrap-permissions-match-role';

function template(bucket: string): string {
  return [
    'Resources:',
    '  Role:',
    '    Type: AWS::IAM::Role',
    '    Properties:',
    '      AssumeRolePolicyDocument:',
    '        Statement: [{ Effect: Allow, Principal: { Service: ec2.amazonaws.com }, Action: sts:AssumeRole }]',
    '      ManagedPolicyArns: [arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess]',
    '  Profile:',
    '    Type: AWS::IAM::InstanceProfile',
    '    Properties: { Roles: [!Ref Role] }',
    '  Web:',
    '    Type: AWS::EC2::Instance',
    '    Properties:',
    '      IamInstanceProfile: !Ref Profile',
    '      UserData:',
    '        Fn::Base64: |',
    '          #!/bin/bash',
    `          aws s3 cp /etc/hostname s3://${bucket}/hosts/name`,
    '',
  ].join('\n');
}

function result(text: string): ScanResult {
  const { findings, notifications } = lintText('template.yaml', text, { rules: [RULE] });
  return { findings, notifications, stats: { filesDiscovered: 1, filesScanned: 1, bytesScanned: text.length }, enabledRules: [RULE], baseDir: '/tmp' };
}

describe('finding extras', () => {
  it('JSON and SARIF carry the proposed policy as properties', () => {
    const r = result(template('boot-logs'));
    const json = JSON.parse(formatJson({ result: r, rules, version: '0.0.0' })) as { findings: { properties?: { proposedPolicy?: unknown }; line: number; column: number }[] };
    expect(json.findings.map((f) => [f.line, f.column])).toEqual([[18, 11]]);
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:PutObject'], Resource: ['arn:aws:s3:::boot-logs/hosts/name'] }] };
    expect(json.findings[0]!.properties?.proposedPolicy).toEqual(policy);
    const sarif = buildSarif({ result: r, rules, version: '0.0.0' });
    expect(sarif.runs[0]!.results![0]!.properties).toMatchObject({ messageId: 'denied', proposedPolicy: policy });
  });

  it('masks a key-shaped value inside the properties and the message', () => {
    const key = fakeAccessKeyId('extras-1');
    const r = result(template(key));
    expect(r.findings).toHaveLength(1);
    const text = formatJson({ result: r, rules, version: '0.0.0' }) + JSON.stringify(buildSarif({ result: r, rules, version: '0.0.0' }));
    expect(text).not.toContain(key);
    expect(text).not.toContain(key.slice(4, 16));
  });
});
