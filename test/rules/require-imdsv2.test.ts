import { describe, expect, it } from 'vitest';
import { describeRuleFixtures } from '../helpers/rule-harness.js';
import { lintText } from '../helpers/fixtures.js';

const RULE = 'require-imdsv2';

describeRuleFixtures(RULE);

function run(path: string, text: string) {
  return lintText(path, text, { rules: [RULE] }).findings.filter((f) => f.ruleId === RULE);
}

describe(RULE, () => {
  it('reports http_tokens = "optional" at the value', () => {
    const tf = 'resource "aws_launch_template" "a" {\n  metadata_options {\n    http_tokens = "optional"\n  }\n}\n';
    expect(run('main.tf', tf).map((f) => [f.messageId, f.region])).toEqual([
      ['optional', { startLine: 3, startColumn: 19, endLine: 3, endColumn: 29 }],
    ]);
  });

  it('reports an aws_instance with no metadata_options block at its type label', () => {
    const [f] = run('main.tf', 'resource "aws_instance" "a" {\n  ami = "ami-1"\n}\n');
    expect(f).toMatchObject({ messageId: 'missing', region: { startLine: 1, startColumn: 11, endLine: 1, endColumn: 23 } });
  });

  it('reports a CloudFormation instance without MetadataOptions at its type', () => {
    const [f] = run('t.yaml', 'Resources:\n  I:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-1\n');
    expect(f).toMatchObject({ messageId: 'missing', region: { startLine: 3, startColumn: 11, endLine: 3, endColumn: 29 } });
    expect(f!.message).toContain('MetadataOptions.HttpTokens: required');
  });

  it('reads MetadataOptions set on a CloudFormation AWS::EC2::Instance', () => {
    const yaml = (v: string) => `Resources:\n  I:\n    Type: AWS::EC2::Instance\n    Properties:\n      MetadataOptions:\n        HttpTokens: ${v}\n`;
    expect(run('t.yaml', yaml('required'))).toHaveLength(0);
    expect(run('t.yaml', yaml('optional')).map((f) => [f.messageId, f.region])).toEqual([
      ['optional', { startLine: 6, startColumn: 21, endLine: 6, endColumn: 29 }],
    ]);
  });

  it('stays silent on a dynamic "metadata_options" block whose content comes from module inputs', () => {
    const tf =
      'resource "aws_instance" "this" {\n  dynamic "metadata_options" {\n    for_each = length(var.metadata_options) > 0 ? [var.metadata_options] : []\n' +
      '    content {\n      http_tokens = try(metadata_options.value.http_tokens, "optional")\n    }\n  }\n}\n';
    expect(run('main.tf', tf)).toHaveLength(0);
  });

  it('reports a literal "optional" in the content of a dynamic "metadata_options" block', () => {
    const tf = 'resource "aws_launch_template" "lt" {\n  dynamic "metadata_options" {\n    for_each = [1]\n    content {\n      http_tokens = "optional"\n    }\n  }\n}\n';
    expect(run('main.tf', tf).map((f) => [f.messageId, f.region])).toEqual([['optional', { startLine: 5, startColumn: 21, endLine: 5, endColumn: 31 }]]);
  });

  it('treats a dynamic "launch_template" block as launching from a template', () => {
    const tf = 'resource "aws_instance" "i" {\n  dynamic "launch_template" {\n    for_each = var.lt == null ? [] : [var.lt]\n    content {\n      id = launch_template.value.id\n    }\n  }\n}\n';
    expect(run('main.tf', tf)).toHaveLength(0);
  });

  it('reports a hop limit of 2 as a note and 3 as a warning', () => {
    const tf = (n: number) => `resource "aws_launch_template" "a" {\n  metadata_options {\n    http_tokens = "required"\n    http_put_response_hop_limit = ${n}\n  }\n}\n`;
    expect(run('main.tf', tf(2)).map((f) => [f.messageId, f.severity, f.region.startLine, f.region.startColumn])).toEqual([['hopLimit', 'note', 4, 35]]);
    expect(run('main.tf', tf(3))[0]!.severity).toBe('warning');
    expect(run('main.tf', tf(1))).toHaveLength(0);
  });

  it('resolves a variable default in a sibling file of the module', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'credlint-imds-'));
    writeFileSync(join(dir, 'variables.tf'), 'variable "tokens" {\n  default = "optional"\n}\n');
    const tf = 'resource "aws_launch_template" "a" {\n  metadata_options {\n    http_tokens = var.tokens\n  }\n}\n';
    const findings = lintText('main.tf', tf, { rules: [RULE], absPath: join(dir, 'main.tf') }).findings;
    expect(findings.map((f) => [f.messageId, f.region.startLine, f.region.startColumn, f.region.endColumn])).toEqual([['optional', 3, 19, 29]]);
    // Without the module directory the variable is unknown: silent.
    expect(run('main.tf', tf)).toHaveLength(0);
  });
});

describe(`${RULE} on terraform-aws-modules calls`, () => {
  const call = (source: string, options: string) => `module "web" {\n  source = "${source}"\n  metadata_options = {\n    ${options}\n  }\n}\n`;

  it('reports http_tokens = "optional" passed to terraform-aws-modules/ec2-instance at the value, naming the module', () => {
    const found = run('main.tf', call('terraform-aws-modules/ec2-instance/aws', 'http_tokens = "optional"'));
    expect(found.map((f) => [f.messageId, f.region])).toEqual([['moduleOptional', { startLine: 4, startColumn: 19, endLine: 4, endColumn: 29 }]]);
    expect(found[0]!.message).toBe(
      'module.web passes metadata_options.http_tokens = "optional" to terraform-aws-modules/ec2-instance: IMDSv1 stays enabled on the instances it launches and any SSRF can read the role credentials; set it to "required"',
    );
  });

  it('recognises registry, git and subdirectory sources of the EC2-launching modules', () => {
    const sources: [string, string][] = [
      ['registry.terraform.io/terraform-aws-modules/autoscaling/aws', 'terraform-aws-modules/autoscaling'],
      ['terraform-aws-modules/eks/aws//modules/eks-managed-node-group', 'terraform-aws-modules/eks//modules/eks-managed-node-group'],
      ['git::https://github.com/terraform-aws-modules/terraform-aws-ec2-instance.git?ref=v5.0.0', 'terraform-aws-modules/ec2-instance'],
      ['github.com/terraform-aws-modules/terraform-aws-eks//modules/self-managed-node-group?ref=v20.0.0', 'terraform-aws-modules/eks//modules/self-managed-node-group'],
      ['git@github.com:terraform-aws-modules/terraform-aws-autoscaling.git', 'terraform-aws-modules/autoscaling'],
    ];
    for (const [source, name] of sources) {
      const found = run('main.tf', call(source, 'http_tokens = "optional"'));
      expect(found.map((f) => f.messageId), source).toEqual(['moduleOptional']);
      expect(found[0]!.message).toContain(`to ${name}:`);
    }
  });

  it('reports a variable default passed as http_tokens at the variable reference', () => {
    const tf = `variable "t" {\n  default = "optional"\n}\n${call('terraform-aws-modules/autoscaling/aws', 'http_tokens = var.t')}`;
    expect(run('main.tf', tf).map((f) => [f.messageId, f.region])).toEqual([['moduleOptional', { startLine: 7, startColumn: 19, endLine: 7, endColumn: 24 }]]);
  });

  it('reports http_tokens in a module call of a .tf.json file', () => {
    const json = '{"module": {"web": {\n  "source": "terraform-aws-modules/ec2-instance/aws",\n  "metadata_options": {"http_tokens": "optional"}\n}}}\n';
    expect(run('main.tf.json', json).map((f) => [f.messageId, f.region.startLine, f.region.startColumn, f.region.endColumn])).toEqual([['moduleOptional', 3, 39, 49]]);
  });

  it('stays silent on required, absent, unknown or disabled-endpoint options and on other sources', () => {
    const quiet = [
      call('terraform-aws-modules/ec2-instance/aws', 'http_tokens = "required"'),
      call('terraform-aws-modules/ec2-instance/aws', 'http_endpoint = "enabled"'),
      call('terraform-aws-modules/ec2-instance/aws', 'http_tokens = var.undeclared'),
      call('terraform-aws-modules/ec2-instance/aws', 'http_endpoint = "disabled"\n    http_tokens = "optional"'),
      call('cloudposse/ec2-instance/aws', 'http_tokens = "optional"'),
      call('git::https://github.com/someorg/terraform-aws-ec2-instance.git', 'http_tokens = "optional"'),
      call('terraform-aws-modules/eks/aws', 'http_tokens = "optional"'),
      call('terraform-aws-modules/vpc/aws', 'http_tokens = "optional"'),
      'module "web" {\n  source = "terraform-aws-modules/ec2-instance/aws"\n  metadata_options = var.options\n}\n',
      'module "web" {\n  source = "terraform-aws-modules/ec2-instance/aws"\n  name = "web"\n}\n',
    ];
    for (const tf of quiet) expect(run('main.tf', tf), tf).toEqual([]);
  });
});

describe(`${RULE} on Terraform plan JSON`, () => {
  const plan = (values: string, extra = '') =>
    `{"format_version": "1.2", "planned_values": {"root_module": {"resources": [\n{"address": "aws_launch_template.lt", "mode": "managed", "type": "aws_launch_template", "name": "lt",\n "values": ${values}}${extra}]}}}\n`;

  it('reports planned metadata_options with http_tokens "optional" at the value', () => {
    const found = run('tfplan.json', plan('{"metadata_options": [{"http_tokens": "optional"}]}'));
    expect(found.map((f) => [f.messageId, f.region])).toEqual([['optional', { startLine: 3, startColumn: 50, endLine: 3, endColumn: 60 }]]);
  });

  it('reports a planned launch template without metadata options at its type, named by its address', () => {
    const [f, ...rest] = run('tfplan.json', plan('{"name_prefix": "x"}'));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ messageId: 'missing', region: { startLine: 2, startColumn: 67, endLine: 2, endColumn: 86 } });
    expect(f!.message).toContain('aws_launch_template.lt does not require IMDSv2');
  });

  it('ignores data sources and plain JSON files that are not plans', () => {
    expect(run('tfplan.json', plan('{"metadata_options": [{"http_tokens": "required"}]}', ',\n{"address": "data.aws_instance.x", "mode": "data", "type": "aws_instance", "name": "x", "values": {}}'))).toEqual([]);
    expect(run('package.json', '{"name": "aws_instance", "planned_values": {}}\n')).toEqual([]);
  });
});
