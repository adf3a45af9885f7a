// The committed bundle (what the Action, the `credlint` command and the npm package run) must
// be exactly what `npm run bundle` builds from the sources today.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/tmp.js';

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

describe('the committed bundle', () => {
  it('is what npm run bundle builds from the current sources (run it and commit bundle/ if this fails)', async () => {
    const t = tempDir('credlint-bundle-');
    const { bundle } = (await import(join(ROOT, 'scripts/bundle.mjs'))) as { bundle(out: string): Promise<string> };
    const out = await bundle(join(t.dir, 'bundle'));
    const committed = join(ROOT, 'bundle');
    expect(files(out)).toEqual(files(committed));
    const stale = files(out).filter((f) => !readFileSync(join(out, f)).equals(readFileSync(join(committed, f))));
    expect(stale, `stale: ${stale.map((f) => relative(ROOT, join(committed, f))).join(', ')}`).toEqual([]);
  }, 240_000);

  it('ships no source maps (they would need the sources beside them)', () => {
    expect(files(join(ROOT, 'bundle')).filter((f) => f.endsWith('.map'))).toEqual([]);
    for (const f of files(join(ROOT, 'bundle')).filter((x) => x.endsWith('.js'))) {
      expect(readFileSync(join(ROOT, 'bundle', f), 'utf8'), f).not.toContain('sourceMappingURL');
    }
  });
});
