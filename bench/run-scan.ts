// One benchmark scan, run in a fresh child process by bench.ts so that peak RSS belongs to
// this scan alone. Scans with the public API exactly as a user would (no git, so the
// directory is walked) and prints one JSON line on stdout.
//
//   node dist/bench/run-scan.js --dir <dir> --concurrency off|auto|<n> [--default-config] [--rule <id> …]
import { parseArgs } from 'node:util';
import { lint, loadRules, resolveConfig, type ScanResult } from '../src/index.js';
import type { Concurrency } from '../src/engine/run.js';
import { KEY_RULE } from './corpus.js';

export interface RunScanOutput {
  readonly concurrency: string;
  /** Wall time of `lint()` alone: discovery, reading, scanning, sorting (not Node start-up). */
  readonly elapsedMs: number;
  readonly filesDiscovered: number;
  readonly filesScanned: number;
  readonly bytesScanned: number;
  readonly findings: number;
  readonly findingsByRule: Record<string, number>;
  readonly notificationsById: Record<string, number>;
  /** process.resourceUsage().maxRSS: kilobytes, all threads of the process. */
  readonly maxRssKb: number;
  /** CPU time of the whole process (all threads), start-up included: wall time close to it means one busy core. */
  readonly cpuMs: number;
  readonly enabledRules: number;
  /** [path, line, column] of every KEY_RULE finding. */
  readonly keyFindings: Array<[string, number, number]>;
  /**
   * [path, startLine, startColumn, endLine, endColumn] of every finding of any rule: a planted
   * key a more specific rule reports (one defect, one finding: a key in a provider block is
   * no-static-provider-credentials's finding, not the generic detector's) counts as found
   * when such a finding covers it, or sits on its line and names it (`AKIA…WXYZ`: a finding at the
   * variable a bootstrap script sets absorbs the key-id finding and names the key in its message).
   * The last item: the short key names in the message.
   */
  readonly regions: Array<[string, number, number, number, number, string[]]>;
}

/** How a message names an access key id (src/detect/display.ts: the first and last four characters). */
const SHORT_KEY_NAME = /\b(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)…[A-Z2-7]{4}\b/g;

function parseConcurrency(value: string | undefined): Concurrency {
  if (value === undefined || value === 'auto') return 'auto';
  if (value === 'off') return 'off';
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--concurrency: expected off, auto or a thread count, got "${value}"`);
  return n;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) {
    const k = key(item);
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      concurrency: { type: 'string' },
      // A generated corpus is scanned with the built-in defaults, whatever config file sits above the temp dir.
      'default-config': { type: 'boolean' },
      // Only these rules (the built-in defaults otherwise): what one rule's fixed costs are.
      rule: { type: 'string', multiple: true },
    },
  });
  if (!values.dir) throw new Error('--dir is required');
  const concurrency = parseConcurrency(values.concurrency);
  const onlyRules = values.rule ?? [];
  const config = values['default-config'] || onlyRules.length > 0 ? resolveConfig({}, loadRules(), { onlyRules }) : undefined;

  const start = performance.now();
  const result: ScanResult = await lint(['.'], { cwd: values.dir, concurrency, useGit: false, ...(config ? { config } : {}) });
  const elapsedMs = performance.now() - start;

  const usage = process.resourceUsage();
  const output: RunScanOutput = {
    concurrency: String(concurrency),
    elapsedMs,
    filesDiscovered: result.stats.filesDiscovered,
    filesScanned: result.stats.filesScanned,
    bytesScanned: result.stats.bytesScanned,
    findings: result.findings.length,
    findingsByRule: countBy(result.findings, (f) => f.ruleId),
    notificationsById: countBy(result.notifications, (n) => n.id),
    maxRssKb: usage.maxRSS,
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    enabledRules: result.enabledRules.length,
    keyFindings: result.findings.filter((f) => f.ruleId === KEY_RULE).map((f) => [f.path, f.region.startLine, f.region.startColumn]),
    regions: result.findings.map((f) => [f.path, f.region.startLine, f.region.startColumn, f.region.endLine, f.region.endColumn, f.message.match(SHORT_KEY_NAME) ?? []]),
  };
  process.stdout.write(`${JSON.stringify(output)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`run-scan: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exitCode = 2;
});
