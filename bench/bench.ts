// `npm run bench`: throughput, peak memory and recall of a full scan.
//
// Generates a deterministic synthetic repository (bench/corpus.ts) with fake access key ids
// planted at known positions, scans it single-threaded and with worker threads — each scan
// in a fresh child process so peak RSS is that scan's own — checks that every planted key
// was reported at its exact line and column, and prints a table.
//
//   node dist/bench/bench.js [--size <MB>] [--profile mixed|iac|shell|iam] [--dir <dir>]
//                            [--keep] [--runs <n>] [--cpu-prof <dir>] [--rule <id> …]
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CORPUS_VERSION, KEY_RULE, MIB, PROFILES, generateCorpus, type CorpusManifest, type Profile } from './corpus.js';
import type { RunScanOutput } from './run-scan.js';

const RUN_SCAN = fileURLToPath(new URL('./run-scan.js', import.meta.url));

const HELP = `Usage: npm run bench -- [options]

  --size <MB>        corpus size in MiB (default 100)
  --profile <name>   mixed (default), iac, shell or iam (IAM-heavy)
  --dir <dir>        scan an existing directory instead (no recall check)
  --keep             keep the generated corpus (cached by profile and size, reused next time)
  --runs <n>         scans per mode; the table shows the median time (default 1)
  --cpu-prof <dir>   write V8 CPU profiles of each scan to <dir>
  --rule <id>        enable only this rule (repeatable; default: every default rule)
  -h, --help
`;

interface Options {
  readonly sizeMb: number;
  readonly profile: Profile;
  readonly dir: string | undefined;
  readonly keep: boolean;
  readonly runs: number;
  readonly cpuProf: string | undefined;
  readonly rules: readonly string[];
}

class UsageError extends Error {}

function parseOptions(argv: string[]): Options | undefined {
  const { values } = parseArgs({
    args: argv,
    options: {
      size: { type: 'string' },
      profile: { type: 'string' },
      dir: { type: 'string' },
      keep: { type: 'boolean' },
      runs: { type: 'string' },
      'cpu-prof': { type: 'string' },
      rule: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return undefined;
  const sizeMb = values.size === undefined ? 100 : Number(values.size);
  if (!Number.isFinite(sizeMb) || sizeMb <= 0) throw new UsageError(`--size: expected a positive number of MB, got "${values.size}"`);
  const profile = (values.profile ?? 'mixed') as Profile;
  if (!PROFILES.includes(profile)) throw new UsageError(`--profile: expected one of ${PROFILES.join(', ')}, got "${values.profile}"`);
  const runs = values.runs === undefined ? 1 : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new UsageError(`--runs: expected a positive integer, got "${values.runs}"`);
  if (values.dir !== undefined && !existsSync(values.dir)) throw new UsageError(`--dir ${values.dir}: no such directory`);
  return {
    sizeMb,
    profile,
    dir: values.dir === undefined ? undefined : resolve(values.dir),
    keep: values.keep === true,
    runs,
    cpuProf: values['cpu-prof'] === undefined ? undefined : resolve(values['cpu-prof']),
    rules: values.rule ?? [],
  };
}

interface Corpus {
  readonly root: string;
  readonly manifest: CorpusManifest | undefined;
  /** Removed when the benchmark ends. */
  readonly temporary: string | undefined;
  readonly generatedMs: number | undefined;
}

/**
 * The corpus to scan. A kept corpus lives in a cache directory named by profile, size and
 * generator version; its manifest is written last, so a half-written cache is never reused.
 */
function prepareCorpus(options: Options): Corpus {
  if (options.dir) return { root: options.dir, manifest: undefined, temporary: undefined, generatedMs: undefined };
  const cache = join(tmpdir(), 'credlint-bench', `${options.profile}-${options.sizeMb}mb-v${CORPUS_VERSION}`);
  const cachedManifest = join(cache, 'manifest.json');
  if (existsSync(cachedManifest)) {
    const manifest = JSON.parse(readFileSync(cachedManifest, 'utf8')) as CorpusManifest;
    return { root: join(cache, 'corpus'), manifest, temporary: undefined, generatedMs: undefined };
  }
  let base: string;
  if (options.keep) {
    rmSync(cache, { recursive: true, force: true });
    mkdirSync(cache, { recursive: true });
    base = cache;
  } else {
    base = mkdtempSync(join(tmpdir(), 'credlint-bench-'));
  }
  const root = join(base, 'corpus');
  const start = performance.now();
  const manifest = generateCorpus(root, { profile: options.profile, sizeBytes: options.sizeMb * MIB });
  const generatedMs = performance.now() - start;
  // The manifest sits beside the corpus, not in it: it holds every key and would be scanned.
  writeFileSync(join(base, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { root, manifest, temporary: options.keep ? undefined : base, generatedMs };
}

function runScan(root: string, concurrency: 'off' | 'auto', generated: boolean, cpuProf: string | undefined, rules: readonly string[]): Promise<RunScanOutput> {
  const nodeArgs = cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${cpuProf}`, `--cpu-prof-name=scan-${concurrency}-${Date.now()}.cpuprofile`] : [];
  const args = [...nodeArgs, RUN_SCAN, '--dir', root, '--concurrency', concurrency, ...(generated ? ['--default-config'] : []), ...rules.flatMap((id) => ['--rule', id])];
  return new Promise((resolvePromise, reject) => {
    execFile(process.execPath, args, { maxBuffer: 256 * MIB, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`scan (${concurrency}) failed: ${stderr.trim() || error.message}`));
        return;
      }
      try {
        resolvePromise(JSON.parse(stdout.trim().split('\n').pop() ?? '') as RunScanOutput);
      } catch {
        reject(new Error(`scan (${concurrency}) printed no result: ${stdout.slice(0, 500)}${stderr.slice(0, 500)}`));
      }
    });
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

interface ModeResult {
  readonly label: string;
  readonly runs: RunScanOutput[];
}

function formatTable(rows: ReadonlyArray<readonly string[]>): string {
  const widths = (rows[0] as readonly string[]).map((_, i) => Math.max(...rows.map((r) => (r[i] as string).length)));
  const line = (r: readonly string[]) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number))).join('  ');
  return [line(rows[0] as readonly string[]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

function summaryRow(mode: ModeResult): string[] {
  const first = mode.runs[0] as RunScanOutput;
  const seconds = median(mode.runs.map((r) => r.elapsedMs)) / 1000;
  const mb = first.bytesScanned / MIB;
  const rss = Math.max(...mode.runs.map((r) => r.maxRssKb)) / 1024;
  const cpu = median(mode.runs.map((r) => r.cpuMs)) / 1000;
  return [mode.label, String(first.filesScanned), mb.toFixed(1), seconds.toFixed(2), (mb / seconds).toFixed(1), Math.round(first.filesScanned / seconds).toString(), rss.toFixed(0), String(first.findings), cpu.toFixed(1)];
}

/** Planted keys not reported at their line and column, and reported keys that were not planted. */
function checkRecall(manifest: CorpusManifest, run: RunScanOutput): { missed: CorpusManifest['keys']; extra: number } {
  const at = (path: string, line: number, column: number) => `${path}\0${line}\0${column}`;
  const found = new Set(run.keyFindings.map(([p, l, c]) => at(p, l, c)));
  const planted = new Set(manifest.keys.map((k) => at(k.path, k.line, k.column)));
  const missed = manifest.keys.filter((k) => !found.has(at(k.path, k.line, k.column)));
  const extra = [...found].filter((f) => !planted.has(f)).length;
  return { missed, extra };
}

function describeMachine(): string {
  const model = cpus()[0]?.model?.trim() || 'unknown CPU';
  return `node ${process.version}, ${model}, ${availableParallelism()} cores available, ${process.platform}/${process.arch}`;
}

async function main(): Promise<number> {
  let options: Options | undefined;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n${HELP}`);
    return 2;
  }
  if (!options) {
    process.stdout.write(HELP);
    return 0;
  }
  if (options.cpuProf) mkdirSync(options.cpuProf, { recursive: true });

  const corpus = prepareCorpus(options);
  const cleanup = () => {
    if (corpus.temporary) rmSync(corpus.temporary, { recursive: true, force: true });
  };
  process.once('SIGINT', () => {
    cleanup();
    process.exit(130);
  });

  try {
    console.log(`credlint bench — ${describeMachine()}`);
    if (corpus.manifest) {
      const m = corpus.manifest;
      const where = corpus.temporary ? 'temporary' : corpus.generatedMs === undefined ? 'cached' : 'kept';
      const gen = corpus.generatedMs === undefined ? '' : `, generated in ${(corpus.generatedMs / 1000).toFixed(1)} s`;
      console.log(`corpus: profile ${m.profile}, ${m.fileCount} files, ${(m.totalBytes / MIB).toFixed(1)} MB, ${m.keys.length} planted keys (${where}: ${corpus.root}${gen})`);
    } else {
      console.log(`corpus: ${corpus.root} (existing directory: no recall check)`);
    }

    const threads = Math.min(availableParallelism(), 8);
    const modes: ModeResult[] = [
      { label: 'single (concurrency off)', runs: [] },
      { label: `auto (${threads} worker threads)`, runs: [] },
    ];
    const generated = corpus.manifest !== undefined;
    // Other processes on the machine slow every figure down; say how busy it was.
    const loadBefore = loadavg()[0] ?? 0;
    for (let i = 0; i < options.runs; i++) {
      (modes[0] as ModeResult).runs.push(await runScan(corpus.root, 'off', generated, options.cpuProf, options.rules));
      (modes[1] as ModeResult).runs.push(await runScan(corpus.root, 'auto', generated, options.cpuProf, options.rules));
    }

    const header = ['mode', 'files', 'MB', 'seconds', 'MB/s', 'files/s', 'peak RSS MB', 'findings', 'CPU s'];
    console.log('');
    console.log(formatTable([header, ...modes.map(summaryRow)]));
    if (options.runs > 1) console.log(`(seconds and CPU: median of ${options.runs} runs; peak RSS: the highest)`);
    console.log(`seconds: lint() wall time (discovery to sorted results, not Node start-up); CPU s: user+system time of the scan process, all threads`);
    console.log(`load average (1 min) before the scans: ${loadBefore.toFixed(2)}, after: ${(loadavg()[0] ?? 0).toFixed(2)} on ${availableParallelism()} cores`);
    const single = (modes[0] as ModeResult).runs[0] as RunScanOutput;
    const byRule = Object.entries(single.findingsByRule).sort(([a], [b]) => (a < b ? -1 : 1));
    console.log(`\n${single.enabledRules} rules enabled; findings by rule: ${byRule.map(([id, n]) => `${id} ${n}`).join(', ') || 'none'}`);
    const notes = Object.entries(single.notificationsById);
    if (notes.length > 0) console.log(`notifications: ${notes.map(([id, n]) => `${id} ${n}`).join(', ')}`);
    if (single.filesDiscovered !== single.filesScanned) console.log(`${single.filesDiscovered - single.filesScanned} of ${single.filesDiscovered} files were not scanned (see notifications)`);

    let failed = false;
    // Worker threads run the same code as the main thread: the results must not differ.
    const signature = (r: RunScanOutput) => JSON.stringify(Object.entries(r.findingsByRule).sort());
    for (const mode of modes) {
      for (const run of mode.runs) {
        if (signature(run) !== signature(single)) {
          console.log(`\nFAIL: ${mode.label} found ${run.findings} findings, single-threaded found ${single.findings}`);
          failed = true;
        }
      }
    }

    if (corpus.manifest) {
      const manifest = corpus.manifest;
      for (const mode of modes) {
        mode.runs.forEach((run, i) => {
          const { missed, extra } = checkRecall(manifest, run);
          const found = manifest.keys.length - missed.length;
          const pct = manifest.keys.length === 0 ? 100 : (100 * found) / manifest.keys.length;
          const runLabel = options.runs > 1 ? ` run ${i + 1}` : '';
          console.log(`recall (${KEY_RULE}, ${mode.label}${runLabel}): ${found}/${manifest.keys.length} (${pct.toFixed(1)}%) at exact line and column; ${extra} unplanted`);
          if (missed.length > 0) {
            failed = true;
            for (const k of missed.slice(0, 20)) console.log(`  missed ${k.path}:${k.line}:${k.column} (${k.context})`);
            if (missed.length > 20) console.log(`  … and ${missed.length - 20} more`);
          }
        });
      }
    }
    if (options.cpuProf) console.log(`\nCPU profiles written to ${options.cpuProf}`);
    if (options.keep && corpus.manifest) console.log(`corpus kept in ${corpus.root} (manifest beside it)`);
    return failed ? 1 : 0;
  } finally {
    cleanup();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 2;
  },
);
