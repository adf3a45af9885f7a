import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describeRuleFixtures } from '../helpers/rule-harness.js';
import { lintText, ROOT } from '../helpers/fixtures.js';
import { fakeAccessKeyId, fakeSecretAccessKey } from '../helpers/fake-keys.js';
import { tokenize } from '../../src/parsers/code-tokens.js';

const RULE = 'no-hardcoded-sdk-credentials';

describeRuleFixtures(RULE);

describe(RULE, () => {
  const key = fakeAccessKeyId('sdk-unit-1');
  const secret = fakeSecretAccessKey('sdk-unit-1');

  function regions(path: string, code: string, rules: string[] = [RULE]): string[] {
    return lintText(path, code, { rules }).findings.map((f) => `${f.ruleId} ${f.messageId} ${f.severity} ${f.region.startLine}:${f.region.startColumn}-${f.region.endLine}:${f.region.endColumn}`);
  }

  it('reports each credential at the characters of its literal, followed through const bindings', () => {
    const code = `const ID = '${key}';\nconst c = new S3Client({ credentials: { accessKeyId: ID, secretAccessKey: "${secret}" } });\n`;
    expect(regions('src/a.ts', code)).toEqual([
      `${RULE} hardcoded error 1:13-1:33`,
      `${RULE} hardcoded error 2:76-2:116`,
    ]);
  });

  it('replaces the generic key findings at the same range (one defect, one finding)', () => {
    const code = `new S3Client({ credentials: { accessKeyId: '${key}', secretAccessKey: '${secret}' } });\n`;
    const all = regions('src/a.js', code, [RULE, 'no-hardcoded-access-key-id', 'no-hardcoded-secret-access-key']);
    expect(all).toEqual([`${RULE} hardcoded error 1:45-1:65`, `${RULE} hardcoded error 1:86-1:126`]);
  });

  it('reports placeholders and the AWS documentation keys as warnings, never printing the value', () => {
    const code = `AWS.config.update({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'dummy' });\n`;
    const { findings } = lintText('a.js', code, { rules: [RULE] });
    expect(findings.map((f) => [f.messageId, f.severity])).toEqual([
      ['placeholder', 'warning'],
      ['placeholder', 'warning'],
    ]);
    const live = lintText('a.js', `AWS.config.update({ accessKeyId: '${key}', secretAccessKey: '${secret}' });\n`, { rules: [RULE] });
    expect(JSON.stringify(live)).not.toContain(secret.slice(0, 12));
    expect(JSON.stringify(live)).not.toContain(key);
  });

  it('takes objects of credential keys only where they are SDK configuration', () => {
    const code = `import aws4 from 'aws4';\naws4.sign(req, { accessKeyId: '${key}', secretAccessKey: '${secret}' });\nexpect(loaded).toEqual({ accessKeyId: 'a', secretAccessKey: 'b' });\nconst c = new LocalClient({ accessKeyId: 'local', secretAccessKey: 'local' });\n`;
    expect(regions('src/a.test.ts', code).map((r) => r.split(' ').slice(1).join(' '))).toEqual([
      'hardcoded error 2:32-2:52',
      'hardcoded error 2:73-2:113',
      'placeholder warning 4:43-4:48',
      'placeholder warning 4:69-4:74',
    ]);
  });

  it('reads JSX and TSX files and files that do not parse without failing', () => {
    expect(regions('src/App.tsx', `const c = new S3Client({ credentials: { accessKeyId: '${key}' } });\nexport const A = <div>{c ? 'a' : 'b'}</div>;\n`)).toHaveLength(1);
    expect(regions('src/broken.js', `new S3Client({ credentials: { accessKeyId: '${key}' } ); {{{\n`)).toEqual([]);
  });

  it('resolves v2 through default, namespace and require imports, not look-alikes', () => {
    const ns = `import * as AWS from 'aws-sdk';\nconst c = new AWS.Credentials('${key}', '${secret}');\n`;
    expect(regions('a.ts', ns)).toHaveLength(2);
    const named = `import { Credentials } from 'aws-sdk';\nconst c = new Credentials('${key}', '${secret}');\n`;
    expect(regions('a.ts', named)).toHaveLength(2);
    const other = `import { Credentials } from './my-credentials';\nconst c = new Credentials('${key}', 'not-a-secret');\n`;
    expect(regions('a.ts', other)).toEqual([]);
  });

  it('does not load @typescript-eslint/parser for files its keyword pre-filter rules out (the CLI stays lean)', () => {
    const script = `
      import { lint } from ${JSON.stringify(join(ROOT, 'dist/src/index.js'))};
      const parse = await import(${JSON.stringify(join(ROOT, 'dist/src/js/parse.js'))});
      await lint([${JSON.stringify(join(ROOT, 'src/kinds.ts'))}], { git: false });
      const before = parse.jsParserLoaded();
      process.stdout.write(JSON.stringify({ before }));
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ before: false });
  });

  it('parses neither declaration files nor code whose only match is a longer name ending in Credentials(', () => {
    const dir = mkdtempSync(join(tmpdir(), 'credlint-sdk-prefilter-'));
    writeFileSync(join(dir, 'lib.d.ts'), 'declare function signalAllAcceptedCredentials(options: object): void;\ninterface X { accessKeyId: string }\n');
    writeFileSync(join(dir, 'bundle.js'), 'function configureCredentials(o) { return o.withCredentials; }\nheaders.push(configureCredentials(options));\n');
    const script = `
      import { lint } from ${JSON.stringify(join(ROOT, 'dist/src/index.js'))};
      const parse = await import(${JSON.stringify(join(ROOT, 'dist/src/js/parse.js'))});
      const result = await lint([${JSON.stringify(dir)}], { git: false, rules: [${JSON.stringify(RULE)}] });
      process.stdout.write(JSON.stringify({ loaded: parse.jsParserLoaded(), findings: result.findings.length }));
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    rmSync(dir, { recursive: true, force: true });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ loaded: false, findings: 0 });
    // A whole `Credentials(` name still reaches the parser.
    const code = `const AWS = require('aws-sdk');\nconst c = new AWS.Credentials('${key}', '${secret}');\n`;
    expect(regions('src/v2.js', code).length).toBe(2);
  });


  it('leaves files over the JS/TS parse budget to the text rules, with a notification', async () => {
    const { MAX_JS_PARSE_CHARS } = await import('../../src/js/parse.js');
    const call = `const AWS = require('aws-sdk');\nconst c = new AWS.Credentials('${key}', '${secret}');\n`;
    const filler = `var pad = ${JSON.stringify('x'.repeat(1000))};\n`;
    const big = filler.repeat(Math.ceil(MAX_JS_PARSE_CHARS / filler.length)) + call;
    const r = lintText('static/aws-sdk.js', big, { rules: [RULE, 'no-hardcoded-access-key-id'] });
    const line = big.split('\n').length - 1;
    expect(r.notifications.filter((n) => n.id === 'not-fully-scanned').map((n) => n.message)).toEqual([
      'static/aws-sdk.js: not fully scanned: the JS/TS syntax analysis skips files over 1 MiB; text-level checks still ran',
    ]);
    // The key is still found, by the text rule, at its characters.
    expect(r.findings.map((f) => `${f.ruleId} ${f.region.startLine}:${f.region.startColumn}`)).toEqual([`no-hardcoded-access-key-id ${line}:32`]);
    // Just under the budget the tree analysis runs.
    const under = filler.repeat(Math.floor((MAX_JS_PARSE_CHARS - call.length) / filler.length)) + call;
    expect(lintText('static/aws-sdk.js', under, { rules: [RULE] }).findings.map((f) => f.ruleId)).toEqual([RULE, RULE]);
  });
  it('takes same-file constants, not keyword arguments or defaults of the same name', () => {
    const py = `def make(aws_access_key_id="${key}"):\n    pass\nlog(region="${key}")\nboto3.client("s3", aws_access_key_id=aws_access_key_id, aws_secret_access_key=region)\n`;
    // The literal default of an `aws_access_key_id` parameter is itself a credential slot; the call's
    // `aws_access_key_id=aws_access_key_id` and `=region` do not resolve to the other literals.
    expect(regions('app.py', py)).toEqual([`${RULE} hardcoded error 1:29-1:49`]);
    const constant = `REGION_KEY = "${key}"\nboto3.client("s3", aws_access_key_id=REGION_KEY)\n`;
    expect(regions('app.py', constant)).toEqual([`${RULE} hardcoded error 1:15-1:35`]);
  });

  it('tokenizes strings and comments per language family', () => {
    const py = tokenize(`x = f"{a}" # aws_access_key_id="k"\ny = r'\\d' + """t"""`, 'python');
    expect(py.filter((t) => t.type === 'string').map((t) => [t.value, t.static])).toEqual([
      ['{a}', false],
      ['\\d', true],
      ['t', true],
    ]);
    expect(py.some((t) => t.value === 'aws_access_key_id')).toBe(false);
    const cs = tokenize(`var s = @"a""b"; /* "c" */ var t = $"{x}";`, 'csharp');
    expect(cs.filter((t) => t.type === 'string').map((t) => [t.value, t.static])).toEqual([
      ['a"b', true],
      ['{x}', false],
    ]);
    const rb = tokenize(`x = "a#{b}" # c\n=begin\nAws::Credentials.new('k', 's')\n=end\n`, 'ruby');
    expect(rb.filter((t) => t.type === 'string').map((t) => t.static)).toEqual([false]);
    expect(rb.some((t) => t.value === 'Credentials')).toBe(false);
  });
});
