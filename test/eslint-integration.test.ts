// The ESLint plugin as an editor's ESLint server (and `npx eslint .`) runs it: a consumer
// project whose only configuration is the README's `...credlint.configs.recommended`, loaded
// by ESLint's Node API from eslint.config.js (ESM) and eslint.config.cjs (CommonJS), in
// ESLint 9 and 10. Its findings must equal the built CLI's on the same files: same rule ids,
// same positions.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './helpers/fixtures.js';
import { tempDir } from './helpers/tmp.js';
import { renderTemplate } from './helpers/fake-keys.js';

interface LintMessage {
  ruleId: string | null;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  suggestions?: Array<{ desc: string; fix: { range: [number, number]; text: string } }>;
}
interface LintResult {
  filePath: string;
  messages: LintMessage[];
}
interface EslintApi {
  ESLint: new (options: { cwd: string; overrideConfigFile?: string }) => { lintFiles(patterns: string[]): Promise<LintResult[]> };
}

const project = tempDir('credlint-eslint-project-');
const secrets: string[] = [];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => (statSync(join(dir, e)).isDirectory() ? walk(join(dir, e)) : [join(dir, e)]));
}

cpSync(join(ROOT, 'test/fixtures/eslint-project'), project.dir, { recursive: true });
for (const file of walk(project.dir)) {
  const rendered = renderTemplate(readFileSync(file, 'utf8'));
  secrets.push(...rendered.secrets);
  writeFileSync(file, rendered.text);
}
// The package as a consumer installs it: `credlint` in node_modules, resolved through its exports.
mkdirSync(join(project.dir, 'node_modules'));
symlinkSync(ROOT, join(project.dir, 'node_modules', 'credlint'), 'dir');

const FILES = ['Dockerfile', 'main.tf', 'src/client.ts', 'src/legacy.js', 'template.yaml', 'user-data.sh'];

function cliFindings(): string[] {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/credlint.js'), '--format', 'json', '--no-git', ...FILES], { cwd: project.dir, encoding: 'utf8' });
  const report = JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; path: string; line: number; column: number; endLine: number; endColumn: number; suppression?: unknown }> };
  return report.findings
    .filter((f) => !f.suppression)
    .map((f) => `${f.path} ${f.ruleId} ${f.line}:${f.column}-${f.endLine}:${f.endColumn}`)
    .sort();
}

async function eslintFindings(pkg: 'eslint' | 'eslint-v9', configFile: string): Promise<{ keys: string[]; results: LintResult[] }> {
  const api = (await import(pathToFileURL(join(ROOT, 'node_modules', pkg, 'lib/api.js')).href)) as EslintApi;
  const eslint = new api.ESLint({ cwd: project.dir, overrideConfigFile: configFile });
  const results = await eslint.lintFiles(['.']);
  const keys: string[] = [];
  for (const r of results) {
    for (const m of r.messages) {
      // A message without a rule id is ESLint's own (a parse error, an ignored file): never expected here.
      keys.push(`${relative(project.dir, r.filePath).split('\\').join('/')} ${m.ruleId === null ? `ESLINT: ${m.message}` : m.ruleId.replace(/^credlint\//, '')} ${m.line}:${m.column}-${m.endLine}:${m.endColumn}`);
    }
  }
  return { keys: keys.sort(), results };
}

const cli = cliFindings();

describe('ESLint integration (consumer project, README config)', () => {
  it('the CLI finds every kind of problem in the project', () => {
    const rules = new Set(cli.map((k) => k.split(' ')[1]));
    for (const id of ['no-hardcoded-sdk-credentials', 'no-credentials-in-image', 'no-static-provider-credentials', 'no-aws-configure-in-bootstrap', 'no-credentials-in-environment', 'require-instance-profile', 'no-imdsv1-calls']) {
      expect(rules, id).toContain(id);
    }
    for (const file of FILES) expect(cli.some((k) => k.startsWith(`${file} `)), file).toBe(true);
  });

  for (const pkg of ['eslint', 'eslint-v9'] as const) {
    for (const configFile of ['eslint.config.js', 'eslint.config.cjs']) {
      it(`${pkg === 'eslint' ? 'ESLint 10' : 'ESLint 9'} from ${configFile}: the same findings as the CLI, at the same positions`, async () => {
        const { keys, results } = await eslintFindings(pkg, configFile);
        expect(keys).toEqual(cli);
        // ESLint's result carries the file's own source; what credlint adds (messages, suggestions) never holds a secret.
        const text = JSON.stringify(results.map((r) => r.messages));
        for (const secret of secrets) expect(text).not.toContain(secret);
        // Suggestions (never autofixes) on SDK-credential findings in JS/TS.
        const ts = results.find((r) => r.filePath.endsWith('client.ts'))!;
        const sdk = ts.messages.filter((m) => m.ruleId === 'credlint/no-hardcoded-sdk-credentials');
        expect(sdk.length).toBeGreaterThan(0);
        for (const m of sdk) expect(m.suggestions?.length).toBe(1);
      });
    }
  }

  it('the ESLint package version under test is 9 and 10', () => {
    const v9 = JSON.parse(readFileSync(join(ROOT, 'node_modules/eslint-v9/package.json'), 'utf8')) as { version: string };
    const v10 = JSON.parse(readFileSync(join(ROOT, 'node_modules/eslint/package.json'), 'utf8')) as { version: string };
    expect(v9.version).toMatch(/^9\./);
    expect(v10.version).toMatch(/^10\./);
  });
});

describe('ESLint in a real process', () => {
  for (const [pkg, configFile] of [
    ['eslint', 'eslint.config.js'],
    ['eslint-v9', 'eslint.config.cjs'],
  ] as const) {
    it(`npx eslint . (${pkg === 'eslint' ? 'ESLint 10' : 'ESLint 9'}, ${configFile}) reports what the CLI reports`, () => {
      const run = spawnSync(process.execPath, [join(ROOT, 'node_modules', pkg, 'bin/eslint.js'), '--config', configFile, '--format', 'json', '.'], { cwd: project.dir, encoding: 'utf8' });
      expect(run.stderr).toBe('');
      const results = JSON.parse(run.stdout) as LintResult[];
      const keys = results
        .flatMap((r) => r.messages.map((m) => `${relative(project.dir, r.filePath).split('\\').join('/')} ${(m.ruleId ?? 'ESLINT').replace(/^credlint\//, '')} ${m.line}:${m.column}-${m.endLine}:${m.endColumn}`))
        .sort();
      expect(keys).toEqual(cli);
    });
  }

  it('require() of the plugin from CommonJS lints a Terraform file synchronously, in the same tick', () => {
    const script = `
      const { Linter } = require(${JSON.stringify(join(ROOT, 'node_modules/eslint'))});
      const credlint = require('credlint/eslint-plugin');
      const messages = new Linter({ cwd: process.cwd() }).verify(require('fs').readFileSync('main.tf', 'utf8'), [...credlint.configs.recommended], 'main.tf');
      process.stdout.write(JSON.stringify(messages.map((m) => m.ruleId)));
    `;
    const run = spawnSync(process.execPath, ['-e', script], { cwd: project.dir, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const ids = JSON.parse(run.stdout) as string[];
    expect(ids).toContain('credlint/no-static-provider-credentials');
    // The heredoc user data is parsed by the bash grammar: found without awaiting anything.
    expect(ids).toContain('credlint/no-aws-configure-in-bootstrap');
  });
});

describe('README', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  // Fenced blocks, dedented (the ESLint ones sit inside a list item).
  const blocks = [...readme.matchAll(/^( *)```(\w+)\n([\s\S]*?)^\1```/gm)].map((m) => ({
    lang: m[2]!,
    code: m[3]!.split('\n').map((l) => l.slice(m[1]!.length)).join('\n'),
  }));

  it('shows exactly the eslint.config.js and eslint.config.cjs the integration test runs', () => {
    for (const file of ['eslint.config.js', 'eslint.config.cjs']) {
      const block = blocks.find((b) => b.code.startsWith(`// ${file}\n`));
      expect(block, file).toBeDefined();
      expect(block!.code.slice(`// ${file}\n`.length)).toBe(readFileSync(join(ROOT, 'test/fixtures/eslint-project', file), 'utf8'));
    }
  });

  it('shows VS Code eslint.validate settings covering yaml, dockerfile, terraform and shellscript', () => {
    const settings = blocks.filter((b) => b.lang === 'json').map((b) => JSON.parse(b.code) as Record<string, unknown>).find((s) => 'eslint.validate' in s);
    expect(settings?.['eslint.validate']).toEqual(expect.arrayContaining(['yaml', 'dockerfile', 'terraform', 'shellscript', 'typescript', 'javascript']));
  });
});
