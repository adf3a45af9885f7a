// Whole-process measurements for the benchmark's comparisons (credlint beside ripgrep, beside
// `node -e 0`): wall time from spawn to exit, CPU time (user + system, all threads) and peak RSS
// of the child. On a loaded machine wall time says little — the shared cores go to whoever
// asks — so every comparison also reports CPU time, and runs of the commands compared are
// interleaved (paired), so a burst of load hits both sides alike.
//
// CPU and RSS come from GNU time (`/usr/bin/time`, Debian package `time`) when installed, else
// from bash's `times` builtin (CPU only), else only wall time is known.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ProcessTiming {
  readonly wallMs: number;
  /** User + system CPU of the child (all threads); undefined when it cannot be measured here. */
  readonly cpuMs: number | undefined;
  /** Peak resident set of the child in KB (GNU time only). */
  readonly maxRssKb: number | undefined;
  readonly status: number | null;
}

export interface Command {
  readonly label: string;
  readonly file: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  /** Exit codes that count as success (default: 0). */
  readonly okStatus?: readonly number[];
}

const GNU_TIME = '/usr/bin/time';
const hasGnuTime = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-f', '%e', 'true'], { encoding: 'utf8' }).status === 0;
const hasBash = !hasGnuTime && spawnSync('bash', ['-c', 'times'], { encoding: 'utf8' }).status === 0;

/** How CPU time is measured on this machine (printed under the tables). */
export const CPU_SOURCE = hasGnuTime ? 'GNU time' : hasBash ? "bash's times (no RSS)" : 'unavailable (wall time only)';

/** `0m1.234s` → ms. */
function bashSeconds(text: string): number {
  const m = /(\d+)m([\d.]+)s/.exec(text);
  return m ? (Number(m[1]) * 60 + Number(m[2])) * 1000 : Number.NaN;
}

/** Runs `command` once, output discarded. */
export function timeCommand(command: Command): ProcessTiming {
  const scratch = mkdtempSync(join(tmpdir(), 'credlint-time-'));
  const out = join(scratch, 'time');
  try {
    let file = command.file;
    let args = [...command.args];
    if (hasGnuTime) {
      args = ['-f', '%U %S %M', '-o', out, file, ...args];
      file = GNU_TIME;
    } else if (hasBash) {
      // The second line of `times` is the children's user and system time.
      args = ['-c', '"$@" >/dev/null 2>&1; s=$?; times >"$0"; exit $s', out, file, ...args];
      file = 'bash';
    }
    const start = performance.now();
    const result = spawnSync(file, args, { cwd: command.cwd, stdio: 'ignore', maxBuffer: 0 });
    const wallMs = performance.now() - start;
    let cpuMs: number | undefined;
    let maxRssKb: number | undefined;
    if (existsSync(out)) {
      const text = readFileSync(out, 'utf8').trim();
      if (hasGnuTime) {
        // GNU time writes "Command exited with non-zero status N" first when the child fails.
        const [user, sys, rss] = (text.split('\n').pop() ?? '').split(' ').map(Number);
        if (Number.isFinite(user) && Number.isFinite(sys)) cpuMs = ((user as number) + (sys as number)) * 1000;
        if (Number.isFinite(rss)) maxRssKb = rss;
      } else {
        const children = text.split('\n')[1] ?? '';
        const [user, sys] = children.split(/\s+/).map(bashSeconds);
        if (Number.isFinite(user) && Number.isFinite(sys)) cpuMs = (user as number) + (sys as number);
      }
    }
    return { wallMs, cpuMs, maxRssKb, status: result.status };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export interface PairedResult {
  readonly command: Command;
  readonly runs: ProcessTiming[];
}

/**
 * Runs every command `runs` times, interleaved (A B C, A B C, …), after one unmeasured warm-up
 * round (page cache, lazily compiled code caches). Throws when a command fails.
 */
export function pairedRuns(commands: readonly Command[], runs: number, warmup = true): PairedResult[] {
  const results = commands.map((command) => ({ command, runs: [] as ProcessTiming[] }));
  for (let round = warmup ? -1 : 0; round < runs; round++) {
    for (const result of results) {
      const timing = timeCommand(result.command);
      const ok = result.command.okStatus ?? [0];
      if (timing.status === null || !ok.includes(timing.status)) {
        throw new Error(`${result.command.label} exited with status ${timing.status}: ${result.command.file} ${result.command.args.join(' ')}`);
      }
      if (round >= 0) result.runs.push(timing);
    }
  }
  return results;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export interface Summary {
  readonly wallMs: number;
  readonly cpuMs: number | undefined;
  readonly maxRssKb: number | undefined;
}

/** Median wall and CPU, highest RSS. */
export function summarise(runs: readonly ProcessTiming[]): Summary {
  const cpu = runs.map((r) => r.cpuMs).filter((x): x is number => x !== undefined);
  const rss = runs.map((r) => r.maxRssKb).filter((x): x is number => x !== undefined);
  return {
    wallMs: median(runs.map((r) => r.wallMs)),
    cpuMs: cpu.length === runs.length && cpu.length > 0 ? median(cpu) : undefined,
    maxRssKb: rss.length > 0 ? Math.max(...rss) : undefined,
  };
}

export function ratio(a: number | undefined, b: number | undefined): string {
  if (a === undefined || b === undefined || b <= 0) return 'n/a';
  return `${(a / b).toFixed(2)}x`;
}

export function formatTable(rows: ReadonlyArray<readonly string[]>): string {
  const widths = (rows[0] as readonly string[]).map((_, i) => Math.max(...rows.map((r) => (r[i] as string).length)));
  const line = (r: readonly string[]) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number))).join('  ');
  return [line(rows[0] as readonly string[]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
