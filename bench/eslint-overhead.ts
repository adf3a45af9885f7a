// `npm run bench:eslint -- --dir <project>`: what the credlint ESLint plugin adds to an ESLint
// run over a real TS/JS codebase. Both configurations are linted in one process, alternately
// (A B A B …), so machine load affects both alike; the figure is the ratio of the medians:
//   baseline = ESLint's recommended core rules with @typescript-eslint/parser on **/*.{ts,tsx,js…}
//   plugin   = baseline + ...credlint.configs.javascript (every credlint rule enabled)
// The first run of each is a warm-up (module loading, JIT) and not counted.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { builtinRules } from 'eslint/use-at-your-own-risk';
import tsParser from '@typescript-eslint/parser';
import credlint from '../src/eslint-plugin/index.js';

const { values } = parseArgs({ options: { dir: { type: 'string' }, runs: { type: 'string', default: '5' }, pattern: { type: 'string', default: '**/src/**/*.ts' } } });
if (!values.dir) {
  console.error('usage: node dist/bench/eslint-overhead.js --dir <project> [--runs 5] [--pattern "**/src/**/*.ts"]');
  process.exit(2);
}
const cwd = resolve(values.dir);
const runs = Number(values.runs);

const recommended = Object.fromEntries(
  [...builtinRules.entries()].filter(([, rule]) => (rule.meta?.docs as { recommended?: boolean } | undefined)?.recommended).map(([id]) => [id, 'error' as const]),
);
const baseline: Linter.Config[] = [
  { ignores: ['**/tests/**', '**/fixtures/**', '**/*.d.ts'] },
  { files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'], languageOptions: { parser: tsParser as Linter.Parser }, rules: { ...recommended, 'no-undef': 'off', 'no-unused-vars': 'off' } },
];
const withPlugin: Linter.Config[] = [...baseline, ...(credlint.configs.javascript as unknown as Linter.Config[])];

async function lintOnce(config: Linter.Config[]): Promise<{ ms: number; files: number; credlint: number }> {
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, cache: false });
  const start = process.hrtime.bigint();
  const results = await eslint.lintFiles([values.pattern!]);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const credlintMessages = results.reduce((n, r) => n + r.messages.filter((m) => m.ruleId?.startsWith('credlint/')).length, 0);
  return { ms, files: results.length, credlint: credlintMessages };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

await lintOnce(baseline);
await lintOnce(withPlugin);
const a: number[] = [];
const b: number[] = [];
let files = 0;
let findings = 0;
for (let i = 0; i < runs; i++) {
  const x = await lintOnce(baseline);
  const y = await lintOnce(withPlugin);
  a.push(x.ms);
  b.push(y.ms);
  files = x.files;
  findings = y.credlint;
}
const ratio = median(b) / median(a);
console.log(`files linted:        ${files}`);
console.log(`credlint findings:   ${findings}`);
console.log(`ESLint alone:        median ${median(a).toFixed(0)} ms  (${a.map((x) => x.toFixed(0)).join(', ')})`);
console.log(`ESLint + credlint:   median ${median(b).toFixed(0)} ms  (${b.map((x) => x.toFixed(0)).join(', ')})`);
console.log(`overhead ratio:      ${ratio.toFixed(3)} (${((ratio - 1) * 100).toFixed(1)}%)`);
