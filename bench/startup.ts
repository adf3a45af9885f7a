// `npm run bench -- --profile startup`: the fixed costs a user pays on every run — what a
// pre-commit hook or an editor integration pays for one small file — measured beside
// `node -e 0` (the floor: Node's own start-up) in paired runs of whole processes.
//
// Goals (issue 11): one small file ≤ 3x `node -e 0`, `credlint --version` ≤ 2x.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CPU_SOURCE, formatTable, pairedRuns, ratio, summarise, type Command } from './measure.js';

/**
 * Five-line scripts, the size of what a pre-commit hook usually gets: one no rule's keywords
 * match (read and classified only), one the shell rules parse (tree-sitter's bash grammar
 * loads; two findings, exit code 1).
 */
const SMALL_FILES = {
  'deploy.sh': ['#!/bin/bash', 'set -euo pipefail', 'echo "deploying $GIT_SHA"', 'aws s3 cp ./build "s3://$BUCKET/" --recursive', 'echo done', ''].join('\n'),
  'bootstrap.sh': ['#!/bin/bash', 'set -euo pipefail', 'aws configure set aws_access_key_id "$KEY_ID"', 'aws configure set aws_secret_access_key "$SECRET"', 'aws s3 cp ./build "s3://$BUCKET/" --recursive', ''].join('\n'),
};

export interface StartupCase {
  readonly label: string;
  readonly args: readonly string[];
  /** The goal: at most this many times `node -e 0` (CPU and wall). */
  readonly goal: number | undefined;
}

export const STARTUP_CASES: readonly StartupCase[] = [
  { label: 'credlint --version', args: ['--version'], goal: 2 },
  { label: 'credlint --help', args: ['--help'], goal: 2 },
  { label: 'credlint deploy.sh (5 lines, no parse)', args: ['deploy.sh'], goal: 3 },
  { label: 'credlint bootstrap.sh (5 lines, parsed)', args: ['bootstrap.sh'], goal: 3 },
];

/** Prints the start-up table. */
export function benchStartup(credlintBin: string, runs: number, log: (line: string) => void = console.log): void {
  const dir = mkdtempSync(join(tmpdir(), 'credlint-startup-'));
  try {
    for (const [name, text] of Object.entries(SMALL_FILES)) writeFileSync(join(dir, name), text);
    const node: Command = { label: 'node -e 0', file: process.execPath, args: ['-e', '0'], cwd: dir };
    const commands: Command[] = [
      node,
      ...STARTUP_CASES.map((c): Command => ({ label: c.label, file: process.execPath, args: [credlintBin, ...c.args], cwd: dir, okStatus: [0, 1] })),
    ];
    const results = pairedRuns(commands, runs);
    const base = summarise((results[0] as (typeof results)[number]).runs);
    const rows = [['command', 'wall ms', 'CPU ms', 'peak RSS MB', 'wall / node', 'CPU / node', 'goal']];
    results.forEach((result, i) => {
      const s = summarise(result.runs);
      const goal = i === 0 ? undefined : STARTUP_CASES[i - 1]?.goal;
      rows.push([
        result.command.label,
        s.wallMs.toFixed(0),
        s.cpuMs === undefined ? 'n/a' : s.cpuMs.toFixed(0),
        s.maxRssKb === undefined ? 'n/a' : (s.maxRssKb / 1024).toFixed(0),
        i === 0 ? '1.00x' : ratio(s.wallMs, base.wallMs),
        i === 0 ? '1.00x' : ratio(s.cpuMs, base.cpuMs),
        goal === undefined ? '' : `≤ ${goal}x`,
      ]);
    });
    log(`start-up: ${credlintBin}, whole processes, ${runs} paired runs after a warm-up round (medians; CPU from ${CPU_SOURCE})`);
    log('');
    log(formatTable(rows));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
