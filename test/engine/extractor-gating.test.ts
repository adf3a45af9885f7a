// The engine runs only the extractors an enabled rule can use (src/engine/gate.ts). That is a
// speed-up only if it changes nothing: every fixture of every rule, rendered to disk (so
// `file()`, module siblings and called scripts resolve), scanned with each rule alone and with
// all of them, gives the same findings with gating and without.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { resolveConfig } from '../../src/config.js';
import { createSetup } from '../../src/engine/setup.js';
import { scanText } from '../../src/engine/scan-file.js';
import { createDocument } from '../../src/engine/document.js';
import { gateExtractors, hostTestOf } from '../../src/engine/gate.js';
import { extractors } from '../../src/extract/index.js';
import type { Extractor } from '../../src/extract/types.js';
import { defineRule, type AnyRule } from '../../src/rule.js';
import { lintText, renderedFixtureTree } from '../helpers/fixtures.js';
import { fakeAccessKeyId } from '../helpers/fake-keys.js';

// Every fixture, keys rendered, at its own path under one root (so `file()` and module siblings resolve).
const { root, files } = renderedFixtureTree('credlint-gating-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

function scanAll(ids: readonly string[] | undefined, gate: boolean): string[] {
  const config = resolveConfig({}, rules, { onlyRules: ids });
  const setup = createSetup(config, rules, { gateExtractors: gate });
  return files.map(({ path, absPath, text }) => JSON.stringify(scanText(path, text, setup, undefined, absPath).findings));
}

describe('extractor gating changes no finding', () => {
  it('holds the fixtures of every rule', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  for (const ids of [undefined, ...rules.map((r) => [r.id])]) {
    it(`on every fixture, with ${ids ? ids[0] : 'every rule'} enabled`, () => {
      const gated = scanAll(ids, true);
      const full = scanAll(ids, false);
      gated.forEach((findings, i) => expect(findings, (files[i] as { path: string }).path).toBe(full[i]));
    });
  }
});

describe('what the key rules still get from extractors', () => {
  const key = fakeAccessKeyId(7);
  const only = { rules: ['no-hardcoded-access-key-id'] };

  it('decodes pre-encoded CloudFormation user data and reports the key at the encoded value', () => {
    const encoded = Buffer.from(`#!/bin/bash\nexport AWS_ACCESS_KEY_ID=${key}\n`).toString('base64');
    const text = `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-12345678\n      UserData: ${encoded}\n`;
    const { findings } = lintText('template.yaml', text, only);
    expect(findings.map((f) => [f.region.startLine, f.region.startColumn, f.region.endColumn])).toEqual([[7, 17, 17 + encoded.length]]);
    expect(findings[0]?.embeddedIn).toEqual(['UserData of Web']);
  });

  it('decodes Kubernetes Secret data', () => {
    const value = Buffer.from(key).toString('base64');
    const text = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: aws\ndata:\n  AWS_ACCESS_KEY_ID: ${value}\n`;
    const { findings } = lintText('secret.yaml', text, only);
    expect(findings.map((f) => [f.region.startLine, f.region.startColumn])).toEqual([[6, 22]]);
  });

  it('follows a Terraform reference to a default in a sibling file', () => {
    const dir = mkdtempSync(join(root, 'tf-'));
    writeFileSync(join(dir, 'variables.tf'), `variable "script" {\n  default = "export AWS_ACCESS_KEY_ID=${key}"\n}\n`);
    const main = 'resource "aws_instance" "web" {\n  user_data = var.script\n}\n';
    writeFileSync(join(dir, 'main.tf'), main);
    const { findings } = lintText('main.tf', main, { ...only, absPath: join(dir, 'main.tf') });
    expect(findings.map((f) => [f.region.startLine, f.region.startColumn, f.region.endColumn, f.embeddedIn])).toEqual([[2, 15, 25, ['user_data of aws_instance.web']]]);
  });

  it('still says which user data a verbatim key sits in', () => {
    const text = `resource "aws_instance" "web" {\n  user_data = <<-EOF\n    #!/bin/bash\n    export AWS_ACCESS_KEY_ID=${key}\n  EOF\n}\n`;
    const { findings } = lintText('main.tf', text, only);
    expect(findings.map((f) => [f.region.startLine, f.region.startColumn, f.embeddedIn])).toEqual([[4, 30, ['user_data of aws_instance.web']]]);
  });
});

describe('gateExtractors', () => {
  const rule = (kinds: AnyRule['kinds'], keywords: RegExp): AnyRule =>
    defineRule({
      id: 'no-test-thing',
      description: 'Disallow x',
      fullDescription: 'x',
      severity: 'warning',
      securitySeverity: 1,
      precision: 'high',
      cwe: ['CWE-1'],
      kinds,
      keywords,
      messages: { m: 'x' },
      recommendation: 'x',
      defaultOptions: {},
      check() {},
    }) as AnyRule;
  const counting = (init: Partial<Extractor>): Extractor & { calls: number } => {
    const e = {
      name: 'test',
      kinds: ['terraform'],
      produces: ['shell'],
      calls: 0,
      ...init,
      extract() {
        e.calls++;
        return [];
      },
    } as Extractor & { calls: number };
    return e;
  };
  const doc = (text: string) => createDocument({ path: 'main.tf', kind: 'terraform', language: 'hcl', text });

  it('drops an extractor whose documents no enabled rule reads, directly or through other extractors', () => {
    const e = counting({ produces: ['shell'] });
    expect(gateExtractors([rule(['cloudformation'], /x/)], [e])).toEqual([]);
    const relay = counting({ name: 'relay', kinds: ['shell'], produces: ['cloudformation'] });
    expect(gateExtractors([rule(['cloudformation'], /x/)], [e, relay]).map((x) => x.name)).toEqual(['test', 'relay']);
  });

  it('skips a copying extractor when no keyword of a rule that could read its documents is in the host', () => {
    const e = counting({ copiesHost: () => true });
    const [gated] = gateExtractors([rule(['shell'], /AKIA/)], [e]);
    gated?.extract(doc('user_data = "echo hi"'), []);
    expect(e.calls).toBe(0);
    gated?.extract(doc('user_data = "echo AKIA"'), []);
    expect(e.calls).toBe(1);
  });

  it('tests keywords on the host with its line breaks folded (a folded YAML scalar joins lines)', () => {
    const e = counting({ copiesHost: () => true });
    const [gated] = gateExtractors([rule(['shell'], /session token/)], [e]);
    gated?.extract(doc('x = >\n  session\n  token\n'), []);
    expect(e.calls).toBe(1);
  });

  it('never skips an extractor that may decode, or one whose nested extractors may', () => {
    const decoding = counting({ copiesHost: () => false });
    gateExtractors([rule(['shell'], /AKIA/)], [decoding])[0]?.extract(doc('x'), []);
    expect(decoding.calls).toBe(1);
    const outer = counting({ copiesHost: () => true });
    const inner = counting({ name: 'inner', kinds: ['shell'], produces: ['text'], keywords: /base64/ });
    const gated = gateExtractors([rule(['shell', 'text'], /AKIA/)], [outer, inner]);
    gated[0]?.extract(doc('no keyword here'), []);
    expect(outer.calls).toBe(0);
    gated[0]?.extract(doc('echo base64 stuff'), []);
    expect(outer.calls).toBe(1);
  });

  it('judges anchored keywords unanchored on the host, and never judges look-behinds by it', () => {
    expect(String(hostTestOf(/^[ \t]*RUN\b/im))).toBe('/RUN\\b/i');
    expect(hostTestOf(/(?<=x)y/)).toBeUndefined();
    expect(hostTestOf(/AKIA/)).toEqual(/AKIA/);
  });

  it('runs syntax extractors last and ungated', () => {
    const syntax = counting({ name: 'syntax', produces: [], phase: 'syntax' });
    const content = counting({ name: 'content' });
    expect(gateExtractors([rule(['cloudformation'], /x/)], [syntax, content]).map((e) => e.name)).toEqual(['syntax']);
    expect(gateExtractors([rule(['shell'], /x/)], [syntax, content]).map((e) => e.name)).toEqual(['content', 'syntax']);
  });

  it('no rule keyword matches the glue extractors put between copied runs', () => {
    const glue = ['cat > ', " <<'CREDLINT_FILE'\n", '${content}', '\nCREDLINT_FILE\n', '${…}\n', 'TEMPLATE', "'", ' '];
    for (const r of rules) for (const g of glue) expect(r.keywords?.test(g) ?? false, `${r.id} on ${JSON.stringify(g)}`).toBe(false);
  });

  it('every built-in extractor is kept for the full rule set', () => {
    expect(gateExtractors(rules, extractors).map((e) => e.name).sort()).toEqual(extractors.map((e) => e.name).sort());
  });
});
