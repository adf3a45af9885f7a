// `npm run bench:eslint -- --dir <project>`: what the credlint ESLint plugin adds to an ESLint
// run over a real TS/JS codebase. Both configurations are linted in one process, alternately
// (A B A B …), so machine load affects both alike. On a shared machine wall time swings by 2–4x
// between runs, so the figure is the ratio of the *minimum* process CPU time (user + system) of
// each configuration — the least-disturbed run — with wall-time minima printed next to it:
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

async function lintOnce(config: Linter.Config[]): Promise<{ ms: number; cpu: number; files: number; credlint: number }> {
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, cache: false });
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const results = await eslint.lintFiles([values.pattern!]);
  const used = process.cpuUsage(cpuStart);
  const cpu = (used.user + used.system) / 1000;
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const credlintMessages = results.reduce((n, r) => n + r.messages.filter((m) => m.ruleId?.startsWith('credlint/')).length, 0);
  return { ms, cpu, files: results.length, credlint: credlintMessages };
}

const min = (xs: number[]): number => Math.min(...xs);
const list = (xs: number[]): string => xs.map((x) => x.toFixed(0)).join(', ');

await lintOnce(baseline);
await lintOnce(withPlugin);
const wallA: number[] = [];
const wallB: number[] = [];
const cpuA: number[] = [];
const cpuB: number[] = [];
let files = 0;
let findings = 0;
for (let i = 0; i < runs; i++) {
  const x = await lintOnce(baseline);
  const y = await lintOnce(withPlugin);
  wallA.push(x.ms);
  wallB.push(y.ms);
  cpuA.push(x.cpu);
  cpuB.push(y.cpu);
  files = x.files;
  findings = y.credlint;
}
const ratio = min(cpuB) / min(cpuA);
console.log(`files linted:        ${files}`);
console.log(`credlint findings:   ${findings}`);
console.log(`ESLint alone:        CPU min ${min(cpuA).toFixed(0)} ms (${list(cpuA)}); wall min ${min(wallA).toFixed(0)} ms (${list(wallA)})`);
console.log(`ESLint + credlint:   CPU min ${min(cpuB).toFixed(0)} ms (${list(cpuB)}); wall min ${min(wallB).toFixed(0)} ms (${list(wallB)})`);
console.log(`overhead ratio:      ${ratio.toFixed(3)} (${((ratio - 1) * 100).toFixed(1)}% CPU); wall ${(min(wallB) / min(wallA)).toFixed(3)}`);
