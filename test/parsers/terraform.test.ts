import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDocument } from '../../src/engine/document.js';
import { looksLikeTerraformPlan, parseTerraform, parseTerraformPlan, resourceBlocks } from '../../src/parsers/terraform.js';
import type { Notification } from '../../src/engine/types.js';
import { lintText } from '../helpers/fixtures.js';
import { fakeAccessKeyId } from '../helpers/fake-keys.js';
import { getPath, knownString } from '../../src/iac/value.js';

function tf(text: string, path = 'main.tf', absPath?: string) {
  return createDocument({ path, ...(absPath ? { absPath } : {}), kind: 'terraform', language: 'terraform', text });
}

function attr(text: string, name: string, absPath?: string) {
  const file = parseTerraform(tf(text, 'main.tf', absPath));
  return resourceBlocks(file)[0]!.attribute(name)!.value();
}

describe('Terraform parser', () => {
  it('evaluates literals, escapes, templates, heredocs and functions', () => {
    const text = [
      'locals {',
      '  name = "app"',
      '}',
      'variable "tokens" {',
      '  default = "optional"',
      '}',
      'variable "nodefault" {}',
      'resource "aws_x" "y" {',
      '  a = "x\\ty"',
      '  b = "pre-${local.name}"',
      '  c = local.name',
      '  d = var.tokens',
      '  e = var.nodefault',
      '  f = jsonencode({ Version = "2012-10-17", Statement = [] })',
      '  g = aws_iam_role.r.arn',
      '  h = data.aws_caller_identity.me.account_id',
      '  i = <<-EOT',
      '    one',
      '      two',
      '  EOT',
      '  j = base64gzip("x")',
      '  k = var.flag ? "a" : "b"',
      '}',
      '',
    ].join('\n');
    const file = parseTerraform(tf(text));
    const r = resourceBlocks(file)[0]!;
    const v = (n: string) => r.attribute(n)!.value();
    expect(v('a')).toMatchObject({ kind: 'string', value: 'x\ty' });
    expect(v('b')).toMatchObject({ kind: 'string', value: 'pre-${local.name}', hasPlaceholders: true });
    expect(knownString(v('c'))).toBe('app');
    expect(knownString(v('d'))).toBe('optional');
    expect(v('e')).toMatchObject({ kind: 'unknown', reason: 'external' });
    expect(JSON.parse((v('f') as { value: string }).value)).toEqual({ Version: '2012-10-17', Statement: [] });
    expect(v('g')).toMatchObject({ kind: 'ref', target: 'aws_iam_role.r', attribute: 'arn' });
    expect(v('h')).toMatchObject({ kind: 'unknown', reason: 'external' });
    expect(knownString(v('i'))).toBe('one\n  two\n');
    expect(v('j').kind).toBe('unknown');
    expect(v('k').kind).toBe('unknown');
  });

  it('renders data "aws_iam_policy_document" as a policy', () => {
    const text = [
      'data "aws_iam_policy_document" "trust" {',
      '  statement {',
      '    actions = ["sts:AssumeRole"]',
      '    principals {',
      '      type        = "Service"',
      '      identifiers = ["ec2.amazonaws.com"]',
      '    }',
      '  }',
      '}',
      'resource "aws_iam_role" "r" {',
      '  assume_role_policy = data.aws_iam_policy_document.trust.json',
      '}',
      '',
    ].join('\n');
    const v = attr(text, 'assume_role_policy');
    expect(v.kind).toBe('string');
    const encoded = (v as { encoded?: unknown }).encoded as Parameters<typeof getPath>[0];
    expect(knownString(getPath(encoded, ['Statement', 0, 'Effect']))).toBe('Allow');
    expect(knownString(getPath(encoded, ['Statement', 0, 'Principal', 'Service', 0]))).toBe('ec2.amazonaws.com');
  });

  it('resolves variables, locals and file() from the module directory on disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'credlint-tf-'));
    writeFileSync(join(dir, 'variables.tf'), 'variable "profile" {\n  default = "web"\n}\n');
    writeFileSync(join(dir, 'boot.sh'), '#!/bin/bash\necho hi\n');
    const text = 'resource "aws_instance" "a" {\n  iam_instance_profile = var.profile\n  user_data = file("${path.module}/boot.sh")\n}\n';
    expect(knownString(attr(text, 'iam_instance_profile', join(dir, 'main.tf')))).toBe('web');
    expect(attr(text, 'user_data', join(dir, 'main.tf'))).toMatchObject({ kind: 'string', value: '#!/bin/bash\necho hi\n', fromFile: join(dir, 'boot.sh') });
    // Without the directory both are unknown, never guessed.
    expect(attr(text, 'iam_instance_profile').kind).toBe('unknown');
    expect(attr(text, 'user_data').kind).toBe('unknown');
  });

  it('reads .tf.json with references in ${} strings', () => {
    const text = '{"resource": {"aws_instance": {"web": {"iam_instance_profile": "${aws_iam_instance_profile.p.name}", "ami": "ami-1"}}}}';
    const file = parseTerraform(tf(text, 'main.tf.json'));
    const web = resourceBlocks(file)[0]!;
    expect(web.labels.map((l) => l.value)).toEqual(['aws_instance', 'web']);
    expect(web.attribute('iam_instance_profile')!.value()).toMatchObject({ kind: 'ref', target: 'aws_iam_instance_profile.p', attribute: 'name' });
  });

  it('turns malformed HCL into a notification and still reads the good blocks', () => {
    const notes: Notification[] = [];
    const file = parseTerraform(tf('resource "aws_instance" "ok" {\n  ami = "a"\n}\nresource "aws_x" "bad" {\n  a = \n'), notes);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ id: 'parse-error', level: 'warning' });
    expect(resourceBlocks(file).some((b) => b.labels[1]?.value === 'ok')).toBe(true);
    const key = fakeAccessKeyId('malformed-tf');
    const r = lintText('main.tf', `resource "aws_instance" "x" {\n  user_data = "${key}"\n  broken = = =\n`);
    expect(r.notifications.some((n) => n.id === 'parse-error')).toBe(true);
    expect(r.notifications.some((n) => n.id === 'rule-error')).toBe(false);
    expect(r.findings.some((f) => f.ruleId === 'no-hardcoded-access-key-id')).toBe(true);
  });

  it('unwraps a "${expr}" string (Terraform 0.11 style) into the expression itself', () => {
    const text = 'variable "t" {\n  default = "optional"\n}\nresource "aws_x" "y" {\n  a = "${aws_iam_role.r.name}"\n  b = "${var.t}"\n  c = "${var.t}-x"\n  d = " ${var.t}"\n}\n';
    const file = parseTerraform(tf(text));
    const y = resourceBlocks(file)[0]!;
    expect(y.attribute('a')!.value()).toMatchObject({ kind: 'ref', target: 'aws_iam_role.r', attribute: 'name', range: { start: text.indexOf('"${aws') } });
    expect(knownString(y.attribute('b')!.value())).toBe('optional');
    // Anything around the interpolation keeps it a template with a placeholder.
    expect(y.attribute('c')!.value()).toMatchObject({ kind: 'string', value: '${var.t}-x', hasPlaceholders: true });
    expect(y.attribute('d')!.value()).toMatchObject({ kind: 'string', value: ' ${var.t}', hasPlaceholders: true });
  });

  it('reads dynamic blocks and their content in native and JSON syntax', () => {
    const hcl = 'resource "aws_instance" "i" {\n  dynamic "metadata_options" {\n    for_each = [1]\n    content {\n      http_tokens = "optional"\n    }\n  }\n}\n';
    const json = '{"resource": {"aws_instance": {"i": {"dynamic": {"metadata_options": {"for_each": [1], "content": {"http_tokens": "optional"}}}}}}}';
    for (const [path, text] of [['main.tf', hcl], ['main.tf.json', json]] as const) {
      const dyn = resourceBlocks(parseTerraform(tf(text, path)))[0]!.blocks('dynamic');
      expect(dyn.map((d) => d.labels[0]?.value)).toEqual(['metadata_options']);
      expect(knownString(dyn[0]!.blocks('content')[0]!.attribute('http_tokens')!.value())).toBe('optional');
    }
  });

  it('keeps a syntax-error notification on one line', () => {
    const notes: Notification[] = [];
    parseTerraform(tf('[\n  {\n    "ami" = "ami-1"\n  },\n]\n'), notes);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.message).not.toContain('\n');
  });

  it('detects and reads Terraform plan JSON', () => {
    const plan = JSON.stringify({ format_version: '1.2', planned_values: { root_module: { resources: [{ address: 'aws_instance.a', mode: 'managed', type: 'aws_instance', name: 'a', values: { iam_instance_profile: null } }], child_modules: [{ resources: [{ address: 'module.m.aws_iam_role.r', type: 'aws_iam_role', name: 'r', values: {} }] }] } } }, null, 2);
    expect(looksLikeTerraformPlan(plan)).toBe(true);
    const resources = parseTerraformPlan(createDocument({ path: 'plan.json', kind: 'text', language: 'json', text: plan }));
    expect(resources.map((r) => r.address)).toEqual(['aws_instance.a', 'module.m.aws_iam_role.r']);
    expect(plan.slice(resources[0]!.typeRange.start, resources[0]!.typeRange.end)).toBe('"aws_instance"');
  });
});
