// `npm run bench:eslint -- --dir <project>`: what the credlint ESLint plugin adds to an ESLint
// run over a real TS/JS codebase. Both configurations are linted in one process, alternately
// (A B A B …), so machine load affects both alike. On a shared machine wall time swings by 2–4x
// between runs, so the figure is the ratio of the *minimum* process CPU time (user + system) of
// each configuration — the least-disturbed run — with wall-time minima printed next to it:
//   baseline = ESLint's recommended core rules with @typescript-eslint/parser on **/*.{ts,tsx,js…}
//   plugin   = baseline + ...credlint.configs.javascript (every credlint rule enabled)
// The first run of each is a warm-up (module loading, JIT) and not counted. The in-run ratio (time
// inside credlint's rules over the same run) is the robust figure on a shared machine.
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
// The plugin with every credlint rule timed from the inside (create() and each listener): the
// share of one run spent in credlint, which a loaded machine cannot skew the way it skews two
// separate runs (both parts of the ratio are measured in the same run).
let insideNs = 0n;
type AnyRuleModule = { create(context: unknown): Record<string, (...args: unknown[]) => unknown> };
const timedRules = Object.fromEntries(
  Object.entries(credlint.rules as unknown as Record<string, AnyRuleModule>).map(([id, rule]) => [
    id,
    {
      ...rule,
      create(context: unknown) {
        const t0 = process.hrtime.bigint();
        const listeners = rule.create(context);
        insideNs += process.hrtime.bigint() - t0;
        return Object.fromEntries(
          Object.entries(listeners).map(([selector, fn]) => [
            selector,
            (...args: unknown[]) => {
              const t1 = process.hrtime.bigint();
              try {
                return fn(...args);
              } finally {
                insideNs += process.hrtime.bigint() - t1;
              }
            },
          ]),
        );
      },
    },
  ]),
);
const timedPlugin = { ...credlint, rules: timedRules };
const withPlugin: Linter.Config[] = [
  ...baseline,
  ...(credlint.configs.javascript as unknown as Linter.Config[]).map((c) => ({ ...c, plugins: { credlint: timedPlugin as never } })),
];

async function lintOnce(config: Linter.Config[]): Promise<{ ms: number; cpu: number; inside: number; files: number; credlint: number }> {
  insideNs = 0n;
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, cache: false });
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const results = await eslint.lintFiles([values.pattern!]);
  const used = process.cpuUsage(cpuStart);
  const cpu = (used.user + used.system) / 1000;
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const credlintMessages = results.reduce((n, r) => n + r.messages.filter((m) => m.ruleId?.startsWith('credlint/')).length, 0);
  return { ms, cpu, inside: Number(insideNs) / 1e6, files: results.length, credlint: credlintMessages };
}

const min = (xs: number[]): number => Math.min(...xs);
const list = (xs: number[]): string => xs.map((x) => x.toFixed(0)).join(', ');

await lintOnce(baseline);
await lintOnce(withPlugin);
const wallA: number[] = [];
const wallB: number[] = [];
const cpuA: number[] = [];
const cpuB: number[] = [];
const inRun: number[] = [];
let files = 0;
let findings = 0;
for (let i = 0; i < runs; i++) {
  const x = await lintOnce(baseline);
  const y = await lintOnce(withPlugin);
  wallA.push(x.ms);
  wallB.push(y.ms);
  cpuA.push(x.cpu);
  cpuB.push(y.cpu);
  // ESLint + credlint over the same run without the time spent inside credlint.
  inRun.push(y.ms / (y.ms - y.inside));
  files = x.files;
  findings = y.credlint;
}
const ratio = min(cpuB) / min(cpuA);
console.log(`files linted:        ${files}`);
console.log(`credlint findings:   ${findings}`);
console.log(`ESLint alone:        CPU min ${min(cpuA).toFixed(0)} ms (${list(cpuA)}); wall min ${min(wallA).toFixed(0)} ms (${list(wallA)})`);
console.log(`ESLint + credlint:   CPU min ${min(cpuB).toFixed(0)} ms (${list(cpuB)}); wall min ${min(wallB).toFixed(0)} ms (${list(wallB)})`);
const inRunMedian = [...inRun].sort((p, q) => p - q)[Math.floor(inRun.length / 2)]!;
console.log(`in-run ratio:        ${inRunMedian.toFixed(3)} (median of ${inRun.map((r) => r.toFixed(3)).join(', ')}): ESLint + credlint / the same run minus the time inside credlint`);
console.log(`A/B ratio:           ${ratio.toFixed(3)} (${((ratio - 1) * 100).toFixed(1)}%, minimum CPU time); wall ${(min(wallB) / min(wallA)).toFixed(3)}`);
