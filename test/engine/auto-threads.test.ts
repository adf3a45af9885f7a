// `concurrency: 'auto'` starts worker threads from the expected work, by file kind (the pool's
// start-up is paid back only by a few seconds of parsing): a few thousand source files stay on the
// main thread, a few hundred Terraform files or scripts do not.
import { describe, expect, it } from 'vitest';
import { AUTO_MIN_WEIGHT, workWeight } from '../../src/engine/run.js';

describe('auto threads', () => {
  it('weighs parsed kinds over templates-maybe over other source', () => {
    expect(workWeight('infra/main.tf')).toBe(1);
    expect(workWeight('scripts/boot.sh')).toBe(1);
    expect(workWeight('Dockerfile')).toBe(1);
    expect(workWeight('stack/template.yaml')).toBe(0.5);
    expect(workWeight('package.json')).toBe(0.5);
    expect(workWeight('src/index.js')).toBeLessThan(0.1);
    expect(workWeight('README.md')).toBeLessThan(0.1);
  });

  it('keeps a 4,000-file source tree single-threaded and starts threads for 1,000 templates', () => {
    const sum = (paths: string[]) => paths.reduce((w, p) => w + workWeight(p), 0);
    const source = [...Array.from({ length: 3600 }, (_, i) => `lib/m${i}.js`), ...Array.from({ length: 300 }, (_, i) => `p${i}/package.json`)];
    expect(sum(source)).toBeLessThan(AUTO_MIN_WEIGHT);
    const iac = [...Array.from({ length: 600 }, (_, i) => `mod${i}/main.tf`), ...Array.from({ length: 600 }, (_, i) => `k8s/d${i}.yaml`)];
    expect(sum(iac)).toBeGreaterThanOrEqual(AUTO_MIN_WEIGHT);
  });
});

describe('auto threads on two cores', () => {
  it('counts two cores or fewer as few', async () => {
    const { fewCores } = await import('../../src/engine/run.js');
    expect(fewCores(2)).toBe(true);
    expect(fewCores(1)).toBe(true);
    expect(fewCores(4)).toBe(false);
  });

  it('sums the bytes a scan reads until the limit, leaving out files over the size cap and missing files', async () => {
    const { bytesAtLeast } = await import('../../src/engine/run.js');
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'credlint-bytes-'));
    try {
      const f = (name: string, size: number) => {
        writeFileSync(join(dir, name), 'x'.repeat(size));
        return { absPath: join(dir, name) };
      };
      const files = [f('a', 600), f('b', 500), f('huge', 5000), { absPath: join(dir, 'gone') }];
      expect(bytesAtLeast(files, 1100, 1000)).toBe(true);
      expect(bytesAtLeast(files, 1101, 1000)).toBe(false);
      expect(bytesAtLeast(files, 1101, 10_000)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
