// A rule's per-kind pre-filter replaces its keywords for documents of that kind: the IAM rules
// read JavaScript only when it imports the CDK (words like `statement` or `Policies` are in
// every parser and ORM), and still read YAML and HCL on their own keywords.
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { resolveConfig } from '../../src/config.js';
import { createSetup } from '../../src/engine/setup.js';
import { scanText } from '../../src/engine/scan-file.js';
import { defineRule, type AnyRule } from '../../src/rule.js';
import { CDK_KEYWORDS } from '../../src/js/cdk-iam.js';

describe('kindKeywords', () => {
  const seen: string[] = [];
  const probe = defineRule({
    id: 'no-probe-thing',
    description: 'Disallow x',
    fullDescription: 'x',
    severity: 'warning',
    securitySeverity: 1,
    precision: 'high',
    cwe: ['CWE-1'],
    kinds: ['javascript', 'terraform'],
    keywords: /statement/,
    kindKeywords: { javascript: /aws-cdk-lib/ },
    messages: { m: 'x' },
    recommendation: 'x',
    defaultOptions: {},
    check(context) {
      seen.push(context.document.path);
    },
  }) as AnyRule;
  const setup = createSetup(resolveConfig({ rules: { 'no-probe-thing': 'warn' } } as never, [probe]), [probe], { extractors: [] });

  it('replaces keywords for its kinds and leaves the others to keywords', () => {
    seen.length = 0;
    scanText('src/parser.js', 'function statement() { return parseStatement(); }\n', setup);
    scanText('src/stack.ts', "import * as iam from 'aws-cdk-lib/aws-iam';\n", setup);
    scanText('main.tf', '# statement\n', setup);
    scanText('other.tf', '# aws-cdk-lib\n', setup);
    expect(seen).toEqual(['src/stack.ts', 'main.tf']);
  });

  it('is set on every IAM rule that reads JavaScript, to the CDK import test', () => {
    const iam = rules.filter((r) => r.kindKeywords !== undefined);
    expect(iam.length).toBeGreaterThanOrEqual(9);
    for (const r of iam) expect(r.kindKeywords?.javascript, r.id).toBe(CDK_KEYWORDS);
  });

  it('rejects global and sticky regexes', () => {
    expect(() => defineRule({ ...(probe as never as object), kindKeywords: { javascript: /x/g } } as never)).toThrow(/kindKeywords must not be global/);
  });
});
