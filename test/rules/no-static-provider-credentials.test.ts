import { describe, expect, it } from 'vitest';
import { describeRuleFixtures } from '../helpers/rule-harness.js';
import { lintText } from '../helpers/fixtures.js';
import { fakeAccessKeyId, fakeSecretAccessKey } from '../helpers/fake-keys.js';

const RULE = 'no-static-provider-credentials';

describeRuleFixtures(RULE);

function run(path: string, text: string) {
  return lintText(path, text, { rules: [RULE] }).findings.filter((f) => f.ruleId === RULE);
}

describe(RULE, () => {
  const id = fakeAccessKeyId('provider-unit');
  const secret = fakeSecretAccessKey('provider-unit');

  it('reports a literal access_key in provider "aws" at the value and never prints it', () => {
    const tf = `provider "aws" {\n  region     = "eu-west-1"\n  access_key = "${id}"\n}\n`;
    const findings = run('main.tf', tf);
    expect(findings.map((f) => [f.messageId, f.region])).toEqual([
      ['providerLiteral', { startLine: 3, startColumn: 16, endLine: 3, endColumn: 38 }],
    ]);
    expect(JSON.stringify(findings)).not.toContain(id);
  });

  it('reports a literal variable default feeding a provider once, at the key, not again at the provider argument', () => {
    const tf = `variable "sk" {\n  default = "${secret}"\n}\nprovider "aws" {\n  secret_key = var.sk\n}\n`;
    const findings = run('main.tf', tf);
    expect(findings.map((f) => [f.messageId, f.region.startLine, f.region.startColumn])).toEqual([
      ['variableDefault', 2, 13],
    ]);
    expect(JSON.stringify(findings)).not.toContain(secret);
  });

  it('follows a Terraform 0.11 "${var.x}" provider argument to its literal default', () => {
    const tf = `variable "sk" {\n  default = "${secret}"\n}\nprovider "aws" {\n  secret_key = "\${var.sk}"\n}\n`;
    const findings = run('main.tf', tf);
    expect(findings.map((f) => [f.messageId, f.region.startLine, f.region.startColumn, f.region.endColumn])).toEqual([
      ['variableDefault', 2, 13, 55],
    ]);
    expect(JSON.stringify(findings)).not.toContain(secret);
  });

  it('reports the AWS documentation example keys too: the slot is the defect', () => {
    const tf = 'terraform {\n  backend "s3" {\n    access_key = "AKIAIOSFODNN7EXAMPLE"\n  }\n}\n';
    expect(run('main.tf', tf).map((f) => [f.messageId, f.region.startLine, f.region.startColumn])).toEqual([['providerLiteral', 3, 18]]);
  });

  it('accepts assume_role, variables without default, empty strings and other providers', () => {
    const tf = `variable "k" {}\nprovider "aws" {\n  access_key = var.k\n  secret_key = ""\n  assume_role {\n    role_arn = "arn:aws:iam::123456789012:role/x"\n  }\n}\nprovider "google" {\n  access_key = "${id}"\n}\n`;
    expect(run('main.tf', tf)).toHaveLength(0);
  });

  it('reports cfn-init Authentication keys and key parameters in CloudFormation', () => {
    const yaml = [
      'Parameters:',
      '  SecretAccessKey:',
      '    Type: String',
      'Resources:',
      '  I:',
      '    Type: AWS::EC2::Instance',
      '    Metadata:',
      '      AWS::CloudFormation::Authentication:',
      '        creds:',
      '          type: S3',
      `          accessKeyId: ${id}`,
      '          secretKey: !Ref SecretAccessKey',
      '',
    ].join('\n');
    expect(run('template.yaml', yaml).map((f) => [f.messageId, f.region.startLine, f.region.startColumn, f.region.endColumn])).toEqual([
      ['parameterEcho', 2, 3, 18],
      ['cfnAuthentication', 11, 24, 44],
      ['cfnAuthentication', 12, 22, 42],
    ]);
  });
});

describe('no-static-provider-credentials on Terraform plan JSON', () => {
  const RULE_ID = 'no-static-provider-credentials';
  const lint = (text: string) => lintText('tfplan.json', text, { rules: [RULE_ID] }).findings.filter((f) => f.ruleId === RULE_ID);

  it('reports a provider access_key constant_value at the value, masked', () => {
    const id = fakeAccessKeyId('plan-test');
    const plan = `{"format_version": "1.2", "planned_values": {}, "configuration": {"provider_config": {"aws": {"name": "aws",\n"expressions": {"access_key": {"constant_value": "${id}"}}}}}}\n`;
    const found = lint(plan);
    expect(found.map((f) => [f.messageId, f.region])).toEqual([['providerLiteral', { startLine: 2, startColumn: 51, endLine: 2, endColumn: 71 }]]);
    expect(JSON.stringify(found)).not.toContain(id);
  });

  it('reports the plain-text value the plan records for a variable used as secret_key', () => {
    const secret = fakeSecretAccessKey('plan-test');
    const plan = `{"format_version": "1.2", "planned_values": {},\n"variables": {"sk": {"value": "${secret}"}},\n"configuration": {"provider_config": {"aws": {"name": "aws", "expressions": {"secret_key": {"references": ["var.sk"]}}}}}}\n`;
    expect(lint(plan).map((f) => [f.messageId, f.region])).toEqual([['planVariable', { startLine: 2, startColumn: 32, endLine: 2, endColumn: 72 }]]);
  });
});
