import { afterAll, describe, expect, it } from 'vitest';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import plugin from '../src/eslint-plugin/index.js';
import { rules } from '../rules/index.js';
import { fakeAccessKeyId } from './helpers/fake-keys.js';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const key = fakeAccessKeyId('eslint-1');

describe('eslint plugin', () => {
  it('exposes every rule and a recommended flat config', () => {
    expect(Object.keys(plugin.rules).sort()).toEqual(rules.map((r) => r.id));
    expect(plugin.configs.recommended.rules).toMatchObject({ 'credlint/no-hardcoded-access-key-id': 'error' });
    expect(plugin.meta.name).toBe('credlint');
  });

  it('reports through a flat config with the TypeScript parser, at the same position as the CLI', () => {
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify(
      `import { S3Client } from '@aws-sdk/client-s3';\nconst c = new S3Client({ credentials: { accessKeyId: '${key}', secretAccessKey: s } });\n`,
      [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, ...plugin.configs.recommended }],
      'src/client.ts',
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ ruleId: 'credlint/no-hardcoded-access-key-id', line: 2, column: 55, endLine: 2, endColumn: 75, severity: 2 });
    expect(messages[0]!.message).not.toContain(key);
  });
});

const ruleTester = new RuleTester({ languageOptions: { parser: tsParser } });
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
  ],
});
