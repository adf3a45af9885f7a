// The per-file watchdog of the worker pool: a worker stuck on one file is replaced, the file
// reported "not fully scanned" and scanned again with the text-level rules only, every other
// file still scanned. Runs the compiled engine (worker threads need dist/: `npm test` builds it).
// The stall comes from a hook module only the API's `testing` option can install.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ROOT } from '../helpers/fixtures.js';
import { fakeAccessKeyId } from '../helpers/fake-keys.js';
import { tempDir } from '../helpers/tmp.js';

type Engine = typeof import('../../src/engine/run.js');
type Api = typeof import('../../src/index.js');
const engine = (await import(join(ROOT, 'dist/src/engine/run.js'))) as Engine;
const api = (await import(join(ROOT, 'dist/src/index.js'))) as Api;
const rules = api.loadRules();
const config = api.resolveConfig({}, rules, { onlyRules: ['no-hardcoded-access-key-id'] });

/** Stalls (a busy loop, as a parser gone quadratic) on files named `stall-*`; `once`: only the first time each is met. */
function hookModule(t: ReturnType<typeof tempDir>, once: boolean): string {
  return t.write(
    'hook.mjs',
    `import { existsSync, writeFileSync } from 'node:fs';
export function beforeFile(relPath) {
  if (!relPath.includes('stall-')) return;
  const marker = ${JSON.stringify(join(t.dir, 'marker-'))} + relPath.replace(/\\W/g, '_');
  if (${once} && existsSync(marker)) return;
  writeFileSync(marker, '');
  for (;;) {}
}
`,
  );
}

function tree(): { t: ReturnType<typeof tempDir>; keys: string[] } {
  const t = tempDir();
  const keys: string[] = [];
  for (let i = 0; i < 40; i++) {
    const k = fakeAccessKeyId(`watchdog-${i}`);
    keys.push(k);
    // The stalled files sit mid-batch: files before them in the batch must be scanned again.
    t.write(`src/${i === 7 || i === 30 ? 'stall-' : 'f-'}${String(i).padStart(2, '0')}.sh`, `#!/bin/sh\nexport AWS_ACCESS_KEY_ID=${k}\n`);
  }
  return { t, keys };
}

const hookRoot = tempDir();

describe('per-file watchdog', () => {
  it('replaces a stuck worker, reports the file, and runs the text-level rules on it', async () => {
    const { t, keys } = tree();
    const run = (concurrency: 'off' | number) =>
      engine.scan({
        cwd: t.dir,
        paths: ['src'],
        config,
        rules,
        useGit: false,
        concurrency,
        fileTimeout: { baseMs: 1500, perMbMs: 0 },
        testing: { workerHookModule: hookModule(tempDir(), true) },
      });
    const result = await run(2);
    expect(result.findings.map((f) => [f.path, f.region.startLine, f.region.startColumn])).toEqual(
      keys.map((_, i) => [`src/${i === 7 || i === 30 ? 'stall-' : 'f-'}${String(i).padStart(2, '0')}.sh`, 2, 26]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
    );
    expect(result.notifications).toEqual(
      ['src/stall-07.sh', 'src/stall-30.sh'].map((path) => ({
        id: 'not-fully-scanned',
        level: 'warning',
        path,
        message: `${path}: not fully scanned: timed out after 1.5 s (the per-file time limit, --file-timeout); only the text-level checks ran`,
      })),
    );
    expect(result.stats.filesScanned).toBe(40);
    // With a limit set, a single-threaded scan still runs the files in a worker: same report.
    const single = await run('off');
    expect(JSON.stringify(single)).toBe(JSON.stringify(result));
  });

  it('reports a file whose text-level pass stalls too, and scans every other file', async () => {
    const { t } = tree();
    const result = await engine.scan({
      cwd: t.dir,
      paths: ['src'],
      config,
      rules,
      useGit: false,
      concurrency: 2,
      fileTimeout: { baseMs: 1000, perMbMs: 0 },
      testing: { workerHookModule: hookModule(hookRoot, false) },
    });
    expect(new Set(result.findings.map((f) => f.path)).size).toBe(38);
    expect(result.findings.some((f) => f.path.includes('stall-'))).toBe(false);
    expect(result.notifications.map((n) => n.message)).toEqual([
      'src/stall-07.sh: not fully scanned: timed out after 1 s (the per-file time limit, --file-timeout); the text-level checks did not finish either',
      'src/stall-30.sh: not fully scanned: timed out after 1 s (the per-file time limit, --file-timeout); the text-level checks did not finish either',
    ]);
    expect(result.stats.filesScanned).toBe(38);
  });

  it('replaces a worker that dies on a file (as on running out of memory)', async () => {
    const t = tempDir();
    for (let i = 0; i < 30; i++) t.write(`src/${i === 12 ? 'die' : 'f'}-${String(i).padStart(2, '0')}.sh`, `#!/bin/sh\nexport AWS_ACCESS_KEY_ID=${fakeAccessKeyId(`die-${i}`)}\n`);
    const hooks = tempDir();
    const hook = hooks.write(
      'hook.mjs',
      `import { existsSync, writeFileSync } from 'node:fs';
export function beforeFile(relPath) {
  const marker = ${JSON.stringify(join(hooks.dir, 'died'))};
  if (relPath.includes('die-') && !existsSync(marker)) { writeFileSync(marker, ''); process.exit(7); }
}
`,
    );
    const result = await engine.scan({ cwd: t.dir, paths: ['src'], config, rules, useGit: false, concurrency: 2, testing: { workerHookModule: hook } });
    expect(new Set(result.findings.map((f) => f.path)).size).toBe(30);
    expect(result.notifications.map((n) => n.message)).toEqual(['src/die-12.sh: not fully scanned: the worker thread exited with code 7; only the text-level checks ran']);
  });
});
