// "Never print a secret": every fixture of every rule, with its generated keys, is scanned
// by the built CLI in every format (and written to a baseline); no output may contain a
// whole generated secret, nor may any committed snapshot.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { FIXTURES, ROOT } from './helpers/fixtures.js';
import { renderTemplate } from './helpers/fake-keys.js';
import { tempDir } from './helpers/tmp.js';

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((e) => {
    const full = join(dir, e);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

describe('no secret in any output', () => {
  const t = tempDir();
  const secrets = new Set<string>();
  for (const file of walk(FIXTURES)) {
    if (file.endsWith('.expect.json')) continue;
    const { text, secrets: used } = renderTemplate(readFileSync(file, 'utf8'));
    for (const s of used) secrets.add(s);
    t.write(relative(FIXTURES, file), text);
  }

  it('the fixtures do generate secrets to look for', () => {
    expect(secrets.size).toBeGreaterThan(50);
  });

  // Redaction shows at most a prefix and four characters: no 12-character run of a secret
  // may appear either (STS tokens share a fixed 16-character header, left out).
  const WINDOW = 12;
  const grams = new Set<string>();
  for (const s of secrets) {
    const body = s.startsWith('IQoJb3JpZ2luX2Vj') ? s.slice(16) : s;
    for (let i = 0; i + WINDOW <= body.length; i++) grams.add(body.slice(i, i + WINDOW));
  }
  function partialLeaks(out: string): string[] {
    const found: string[] = [];
    for (const m of out.matchAll(/[A-Za-z0-9/+]{12,}/g)) {
      for (let i = 0; i + WINDOW <= m[0].length; i++) {
        if (grams.has(m[0].slice(i, i + WINDOW))) {
          found.push(`${m[0].slice(0, 4)}…`);
          break;
        }
      }
    }
    return found;
  }

  const formats = ['stylish', 'json', 'sarif', 'github'];
  for (const format of formats) {
    it(`${format} output holds no generated secret`, () => {
      const r = spawnSync(process.execPath, [join(ROOT, 'bin/credlint.js'), '.', '--no-git', '--format', format, '--fail-on', 'note'], {
        cwd: t.dir,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
        maxBuffer: 256 * 1024 * 1024,
      });
      expect(r.status).toBe(1);
      const out = r.stdout + r.stderr;
      expect(out.length).toBeGreaterThan(1000);
      const leaked = [...secrets].filter((s) => out.includes(s));
      expect(leaked.map((s) => `${s.slice(0, 4)}… (${s.length} chars)`)).toEqual([]);
      expect(partialLeaks(out)).toEqual([]);
    });
  }

  it('a baseline holds no generated secret', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/credlint.js'), '.', '--no-git', '--write-baseline', 'baseline.json'], { cwd: t.dir, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const text = readFileSync(join(t.dir, 'baseline.json'), 'utf8');
    expect([...secrets].filter((s) => text.includes(s))).toEqual([]);
    expect(partialLeaks(text)).toEqual([]);
  });

  it('no committed snapshot holds a generated secret', () => {
    const snaps = walk(join(ROOT, 'test')).filter((f) => f.endsWith('.snap'));
    expect(snaps.length).toBeGreaterThan(5);
    for (const snap of snaps) {
      const text = readFileSync(snap, 'utf8');
      const leaked = [...secrets].filter((s) => text.includes(s));
      expect(leaked.length, relative(ROOT, snap)).toBe(0);
    }
  });
});
