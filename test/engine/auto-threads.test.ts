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
