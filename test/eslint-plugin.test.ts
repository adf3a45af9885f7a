import { afterAll, describe, expect, it } from 'vitest';
import { Linter } from 'eslint';
import { defineConfig } from 'eslint/config';
import { Linter as Linter9 } from 'eslint-v9';
import json from '@eslint/json';
import { RuleTester } from '@typescript-eslint/rule-tester';
import plugin, { configs, INFRA_FILES, JS_FILES } from '../src/eslint-plugin/index.js';
import { rules } from '../rules/index.js';
import { fakeAccessKeyId, fakeSecretAccessKey, fakeSessionToken } from './helpers/fake-keys.js';
import { lintText } from './helpers/fixtures.js';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const key = fakeAccessKeyId('eslint-1');
const key2 = fakeAccessKeyId('eslint-2');
const secret = fakeSecretAccessKey('eslint-1');
const token = fakeSessionToken('eslint-1');

/** 1-based line/column range of the `nth` occurrence of `needle` in `code`, as ESLint reports it. */
function at(code: string, needle: string, nth = 0): { line: number; column: number; endLine: number; endColumn: number } {
  let index = -1;
  for (let i = 0; i <= nth; i++) index = code.indexOf(needle, index + 1);
  if (index === -1) throw new Error(`${needle} not in code`);
  const before = code.slice(0, index).split('\n');
  const line = before.length;
  const column = before[before.length - 1]!.length + 1;
  const inner = needle.split('\n');
  return { line, column, endLine: line + inner.length - 1, endColumn: inner.length === 1 ? column + needle.length : inner[inner.length - 1]!.length + 1 };
}

describe('eslint plugin', () => {
  it('exposes every rule, the infra language and recommended flat configs as arrays', () => {
    expect(Object.keys(plugin.rules).sort()).toEqual(rules.map((r) => r.id));
    expect(plugin.meta.name).toBe('credlint');
    expect(Array.isArray(plugin.configs.recommended)).toBe(true);
    expect(plugin.configs.recommended.map((c) => c.name)).toEqual(['credlint/javascript', 'credlint/infrastructure']);
    expect(plugin.configs.recommended[0]!.files).toEqual(JS_FILES);
    expect(plugin.configs.recommended[0]!.rules).toMatchObject({ 'credlint/no-hardcoded-access-key-id': 'error', 'credlint/no-hardcoded-sdk-credentials': 'error' });
    expect((plugin.configs.recommended[1] as { language?: string }).language).toBe('credlint/infra');
    expect(plugin.languages.infra.fileType).toBe('text');
    expect(configs).toBe(plugin.configs);
  });

  it('lints every JS/TS extension out of the box with only the recommended config (ESLint 10 and 9)', () => {
    for (const L of [Linter, Linter9]) {
      const linter = new L({ configType: 'flat' });
      for (const ext of ['js', 'mjs', 'cjs', 'jsx', 'ts', 'mts', 'cts', 'tsx']) {
        const code = ext.includes('t')
          ? `const id: string = "${key}";\nexport const el = ${ext.endsWith('x') ? '<div />' : '1'};\n`
          : `const id = "${key}";\nexport const el = ${ext.endsWith('x') ? '<div />' : '1'};\n`;
        const messages = linter.verify(code, [...plugin.configs.recommended], `src/file.${ext}`);
        expect(messages.map((m) => `${m.ruleId} ${m.line}:${m.column}`), ext).toEqual([`credlint/no-hardcoded-access-key-id 1:${code.indexOf(key) + 1}`]);
      }
    }
  });

  it('reads AWS CDK IAM constructs on ESLint\'s own tree: AdministratorAccess on an EC2 role, at the call (ESLint 10 and 9)', () => {
    const code = [
      "import { aws_iam as iam } from 'aws-cdk-lib';",
      "const role = new iam.Role(this, 'Web', {",
      "  assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),",
      "  managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess')],",
      '});',
      "role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObjects'], resources: ['arn:aws:s3:::b/*'] }));",
      '',
    ].join('\n');
    for (const L of [Linter, Linter9]) {
      const messages = new L({ configType: 'flat' }).verify(code, [...plugin.configs.recommended], 'lib/stack.ts');
      expect(messages.map((m) => [m.ruleId, m.line, m.column, m.endLine, m.endColumn])).toEqual([
        ['credlint/no-admin-policy', ...Object.values(at(code, "iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess')"))],
        ['credlint/valid-iam-actions', ...Object.values(at(code, 's3:GetObjects'))],
      ]);
      expect(messages[0]!.message).toContain('runs on EC2');
    }
  });

  it('works through defineConfig({ extends: ["credlint/recommended"] })', () => {
    const linter = new Linter({ configType: 'flat' });
    const config = defineConfig({ plugins: { credlint: plugin as never }, extends: ['credlint/recommended'] });
    const messages = linter.verify(`provider "aws" {\n  access_key = "${key}"\n}\n`, config, 'main.tf');
    expect(messages.map((m) => m.ruleId)).toContain('credlint/no-static-provider-credentials');
  });

  it('combines with a typescript-eslint setup of the project (its parser and parserOptions kept)', () => {
    const linter = new Linter({ configType: 'flat' });
    const code = `import { S3Client } from '@aws-sdk/client-s3';\nconst c = new S3Client({ credentials: { accessKeyId: '${key}', secretAccessKey: s } });\n`;
    const theirs = { files: ['**/*.ts'], languageOptions: { parserOptions: { ecmaVersion: 2022 } }, rules: { 'no-unused-vars': 'error' as const } };
    for (const config of [[theirs, ...plugin.configs.recommended], [...plugin.configs.recommended, theirs]]) {
      const messages = linter.verify(code, config, 'src/client.ts');
      expect(messages.map((m) => m.ruleId).sort()).toEqual(['credlint/no-hardcoded-sdk-credentials', 'no-unused-vars']);
      const sdk = messages.find((m) => m.ruleId === 'credlint/no-hardcoded-sdk-credentials')!;
      expect(sdk).toMatchObject({ ...at(code, key), severity: 2 });
      expect(sdk.message).not.toContain(key);
    }
  });

  it('runs its rules under another language (@eslint/json), not only on an ESTree Program', () => {
    const linter = new Linter({ configType: 'flat' });
    const code = `{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": { "K": { "Type": "AWS::IAM::AccessKey", "Properties": { "UserName": "ci" } } },\n  "Note": "${key}"\n}\n`;
    const messages = linter.verify(code, [{ files: ['**/*.json'], plugins: { json, credlint: plugin as never }, language: 'json/json', rules: { 'credlint/no-hardcoded-access-key-id': 'error', 'credlint/no-long-lived-access-keys': 'warn' } }], 'stack.json');
    const cli = lintText('stack.json', code, { rules: ['no-hardcoded-access-key-id', 'no-long-lived-access-keys'] }).findings;
    expect(cli).toHaveLength(2);
    expect(messages.map((m) => `${m.ruleId} ${m.line}:${m.column}-${m.endLine}:${m.endColumn}`)).toEqual(
      cli.map((f) => `credlint/${f.ruleId} ${f.region.startLine}:${f.region.startColumn}-${f.region.endLine}:${f.region.endColumn}`),
    );
  });

  it('lints infrastructure files with the credlint/infra language, suppression comments included', () => {
    const linter = new Linter({ configType: 'flat' });
    const code = `FROM alpine\n# credlint-disable-next-line no-credentials-in-image -- build-time canary\nENV AWS_ACCESS_KEY_ID=x\nENV AWS_SECRET_ACCESS_KEY=${secret}\n`;
    const messages = linter.verify(code, [...plugin.configs.recommended], 'Dockerfile');
    expect(messages.map((m) => `${m.ruleId} ${m.line}:${m.column}-${m.endLine}:${m.endColumn}`)).toEqual([
      // One defect, one finding: the ENV key is reported once, by the specific rule.
      `credlint/no-credentials-in-image 4:5-4:26`,
    ]);
    for (const m of messages) expect(m.message).not.toContain(secret.slice(4, 16));
  });

  it('matches the infrastructure file names users keep', () => {
    for (const pattern of ['**/Dockerfile', '**/*.tf', '**/*.yaml', '**/*.sh', '**/*user-data*', '**/.env']) expect(INFRA_FILES).toContain(pattern);
  });

  it('reports a rule that failed on a file instead of staying silent', () => {
    const rule = rules.find((r) => r.id === 'no-imdsv1-calls')!;
    const original = rule.check;
    (rule as { check: typeof original }).check = () => {
      throw new Error('boom');
    };
    try {
      const messages = new Linter({ configType: 'flat' }).verify('curl http://169.254.169.254/latest/meta-data/\n', [...plugin.configs.recommended], 'boot.sh');
      expect(messages).toMatchObject([{ ruleId: 'credlint/no-imdsv1-calls', messageId: 'internalError', line: 1, column: 1 }]);
      // Named, never quoted: an exception's text may hold source text (and so a secret).
      expect(messages[0]!.message).toContain('rule no-imdsv1-calls failed');
      expect(messages[0]!.message).not.toContain('boom');
    } finally {
      (rule as { check: typeof original }).check = original;
    }
  });

  it('rejects options a rule does not have (a real schema per rule)', () => {
    const linter = new Linter({ configType: 'flat' });
    expect(() => linter.verify('const a = 1;', [{ files: ['**/*.js'], plugins: { credlint: plugin as never }, rules: { 'credlint/no-hardcoded-access-key-id': ['error', { bogus: true }] } }], 'a.js')).toThrow(/should NOT have additional properties|must NOT have additional properties/);
  });

  it('has a schema for every rule; a rule with its own option parser states its schema', () => {
    for (const rule of rules) {
      const schema = (plugin.rules[rule.id]!.meta.schema as unknown[])[0] as { type: string; additionalProperties: unknown };
      expect(schema.type, rule.id).toBe('object');
      if (rule.parseOptions) expect(rule.optionsSchema, `${rule.id} has parseOptions but no optionsSchema`).toBeDefined();
      else expect(schema.additionalProperties, rule.id).toBe(false);
    }
  });

  it('runs one engine pass per file for all credlint rules', async () => {
    const { findingsFor } = await import('../src/eslint-plugin/shared-scan.js');
    const linter = new Linter({ configType: 'flat' });
    const code = `const a = "${key}";\n`;
    // Warm up, then count passes through the cache by identity of the returned findings.
    const seen = new Set<unknown>();
    const input = { filename: 'x.js', physicalFilename: 'x.js', cwd: process.cwd(), text: code };
    const ids = rules.map((r) => r.id);
    for (let i = 0; i < 5; i++) seen.add(findingsFor(input, ids).findings);
    expect(seen.size).toBe(1);
    expect(linter.verify(code, [...plugin.configs.recommended], 'x.js')).toHaveLength(1);
  });
});

// Every rule that applies to JS/TS, through typescript-eslint's RuleTester (exact ranges and suggestions).
const ruleTester = new RuleTester();

ruleTester.run('no-hardcoded-access-key-id', plugin.rules['no-hardcoded-access-key-id']!, {
  valid: [
    'const s3 = new S3Client({ region: "eu-west-1" });',
    'const docs = "AKIAIOSFODNN7EXAMPLE";',
    `// credlint-disable-next-line no-hardcoded-access-key-id -- canary\nconst k = "${key}";`,
  ],
  invalid: [
    {
      code: `const k: string = "${key}";`,
      errors: [{ messageId: 'hardcoded', line: 1, column: 20, endLine: 1, endColumn: 40 }],
    },
    {
      code: `const pair = {\n  id: \`${key}\`,\n};`,
      errors: [{ messageId: 'hardcoded', line: 2, column: 8, endLine: 2, endColumn: 28 }],
    },
  ],
});

ruleTester.run('no-hardcoded-secret-access-key', plugin.rules['no-hardcoded-secret-access-key']!, {
  valid: ['const secretAccessKey = process.env.AWS_SECRET_ACCESS_KEY;', `const sha = "${'ab12'.repeat(10)}";`],
  invalid: [
    {
      code: `const secretAccessKey = '${secret}';`,
      errors: [{ messageId: 'hardcoded', ...at(`const secretAccessKey = '${secret}';`, secret) }],
    },
  ],
});

ruleTester.run('no-hardcoded-session-token', plugin.rules['no-hardcoded-session-token']!, {
  valid: ['const sessionToken = await getToken();'],
  invalid: [
    {
      code: `const sessionToken = "${token}";`,
      errors: [{ messageId: 'sessionToken', ...at(`const sessionToken = "${token}";`, token) }],
    },
  ],
});

const v3 = `const c = new S3Client({ region: 'r', credentials: { accessKeyId: '${key}', secretAccessKey: '${secret}' } });`;
const v3Output = `const c = new S3Client({ region: 'r' });`;
const bound = `const ID = '${key}';\nconst SECRET = \`${secret}\`;\nconst creds = { accessKeyId: ID, secretAccessKey: SECRET };\nexport const db = new DynamoDBClient({\n  credentials: creds,\n  region: 'eu-west-1',\n});`;
const boundOutput = `const ID = '${key}';\nconst SECRET = \`${secret}\`;\nconst creds = { accessKeyId: ID, secretAccessKey: SECRET };\nexport const db = new DynamoDBClient({\n  region: 'eu-west-1',\n});`;
const provider = `new S3Client({ credentials: async () => ({ accessKeyId: 'test', secretAccessKey: 'test' }) });`;
const v2 = `import AWS from 'aws-sdk';\nAWS.config.update({\n  region: 'us-east-1',\n  accessKeyId: '${key}',\n  secretAccessKey: '${secret}',\n});`;
const v2Output = `import AWS from 'aws-sdk';\nAWS.config.update({\n  region: 'us-east-1'\n});`;
const v2Credentials = `const AWS = require('aws-sdk');\nconst creds = new AWS.Credentials('${key}', '${secret}');`;
const env = `process.env.AWS_SECRET_ACCESS_KEY = '${secret}';\nmain();`;
const temporary = `import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';\nconst p = fromTemporaryCredentials({ params: { RoleArn: arn }, masterCredentials: { accessKeyId: '${key2}', secretAccessKey: '${secret}' } });`;

ruleTester.run('no-hardcoded-sdk-credentials', plugin.rules['no-hardcoded-sdk-credentials']!, {
  valid: [
    "const c = new S3Client({ region: 'eu-west-1' });",
    'const c = new S3Client({ credentials: fromIni({ profile: "dev" }) });',
    'const c = new S3Client({ credentials: { accessKeyId: process.env.KEY_ID!, secretAccessKey: await secret() } });',
    "const c = new S3Client({ credentials: { accessKeyId: '', secretAccessKey: '' } });",
    `// new AWS.Credentials('${key}', '${secret}')\nconst x = 1;`,
    `const doc = "AWS.config.update({ accessKeyId: 'x' })";`,
    "let id = 'a'; id = other; new S3Client({ credentials: { accessKeyId: id } });",
    'const key = process.env.AWS_SECRET_ACCESS_KEY;',
  ],
  invalid: [
    {
      code: v3,
      errors: [
        { messageId: 'hardcoded', ...at(v3, key), suggestions: [{ messageId: 'removeCredentials', output: v3Output }] },
        { messageId: 'hardcoded', ...at(v3, secret), suggestions: [{ messageId: 'removeCredentials', output: v3Output }] },
      ],
    },
    {
      code: bound,
      errors: [
        { messageId: 'hardcoded', ...at(bound, key), suggestions: [{ messageId: 'removeCredentials', output: boundOutput }] },
        { messageId: 'hardcoded', ...at(bound, secret), suggestions: [{ messageId: 'removeCredentials', output: boundOutput }] },
      ],
    },
    {
      code: provider,
      errors: [
        { messageId: 'placeholder', ...at(provider, 'test'), suggestions: [{ messageId: 'removeCredentials', output: 'new S3Client({  });' }] },
        { messageId: 'placeholder', ...at(provider, 'test', 1), suggestions: [{ messageId: 'removeCredentials', output: 'new S3Client({  });' }] },
      ],
    },
    {
      code: v2,
      errors: [
        { messageId: 'hardcoded', ...at(v2, key), suggestions: [{ messageId: 'removeCredentials', output: v2Output }] },
        { messageId: 'hardcoded', ...at(v2, secret), suggestions: [{ messageId: 'removeCredentials', output: v2Output }] },
      ],
    },
    {
      code: v2Credentials,
      errors: [
        { messageId: 'hardcoded', ...at(v2Credentials, key), suggestions: [{ messageId: 'removeCredentials', output: `const AWS = require('aws-sdk');\nconst creds = new AWS.Credentials();` }] },
        { messageId: 'hardcoded', ...at(v2Credentials, secret), suggestions: [{ messageId: 'removeCredentials', output: `const AWS = require('aws-sdk');\nconst creds = new AWS.Credentials();` }] },
      ],
    },
    {
      code: env,
      errors: [{ messageId: 'hardcoded', ...at(env, secret), suggestions: [{ messageId: 'removeCredentials', output: 'main();' }] }],
    },
    {
      code: temporary,
      errors: [
        { messageId: 'hardcoded', ...at(temporary, key2), suggestions: [{ messageId: 'removeCredentials', output: `import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';\nconst p = fromTemporaryCredentials({ params: { RoleArn: arn } });` }] },
        { messageId: 'hardcoded', ...at(temporary, secret), suggestions: [{ messageId: 'removeCredentials', output: `import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';\nconst p = fromTemporaryCredentials({ params: { RoleArn: arn } });` }] },
      ],
    },
  ],
});
