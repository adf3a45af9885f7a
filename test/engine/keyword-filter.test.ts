// The combined keyword filter (src/engine/keyword-filter.ts) may only ever rule a keyword out
// when the keyword itself cannot match. These tests check that implication for every keyword
// of every rule and extractor: on every match in every fixture, in the test texts, and in
// generated texts built from the keywords' own words with their case and separators varied.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { extractors } from '../../src/extract/index.js';
import { KeywordFilter, keywordAnchors } from '../../src/engine/keyword-filter.js';
import { MARKER_KEYWORD } from '../../src/engine/suppress.js';
import { FILE_KINDS, type FileKind } from '../../src/kinds.js';
import { FIXTURES, ROOT } from '../helpers/fixtures.js';
import { prng } from '../helpers/fake-keys.js';
import { renderTemplate } from '../helpers/fake-keys.js';

const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** Every keyword RegExp the engine tests, with where it comes from. */
function allKeywords(): Array<{ name: string; re: RegExp }> {
  const out: Array<{ name: string; re: RegExp }> = [];
  const seen = new Set<RegExp>();
  const add = (name: string, re: RegExp | undefined) => {
    if (!re || seen.has(re)) return;
    seen.add(re);
    out.push({ name, re });
  };
  for (const r of rules) {
    add(r.id, r.keywords);
    for (const [kind, re] of Object.entries(r.kindKeywords ?? {})) add(`${r.id} (${kind})`, re);
  }
  for (const e of extractors) add(`extractor ${e.name}`, e.keywords);
  add('suppression marker', MARKER_KEYWORD);
  return out;
}

/** The keywords of one kind, as the engine plans them (rules first, then extractors). */
function keywordsOf(kind: FileKind): RegExp[] {
  const out: RegExp[] = [];
  const add = (re: RegExp | undefined) => {
    if (re && !out.includes(re)) out.push(re);
  };
  for (const r of rules) if (r.kinds === 'all' || r.kinds.includes(kind)) add(r.kindKeywords?.[kind] ?? r.keywords);
  for (const e of extractors) if (e.kinds.includes(kind)) add(e.keywords);
  add(MARKER_KEYWORD);
  return out;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...walk(full));
    else out.push(full);
  }
  return out;
}

/** Fixture and test texts (templated keys rendered), and the rule docs. */
function corpus(): string[] {
  const files = [...walk(FIXTURES), ...walk(join(ROOT, 'test')).filter((f) => /\.(?:ts|json|ya?ml|tf|sh)$/.test(f)), ...walk(join(ROOT, 'docs'))];
  return files.map((f) => renderTemplate(readFileSync(f, 'utf8')).text);
}

/**
 * Texts made of the words of the keyword sources (the runs of letters, digits and `_:.-/@`
 * between RegExp syntax), joined by separators the keywords allow, in varied case: they match
 * the keywords often and in many ways.
 */
function generated(count: number): string[] {
  const words = new Set<string>();
  for (const { re } of allKeywords()) for (const w of re.source.replace(/\\[bBsSwWdD]/g, ' ').match(/[A-Za-z0-9_:.@/-]{2,}/g) ?? []) words.add(w.replace(/\\/g, ''));
  const pool = [...words];
  const seps = ['', '', '', ' ', '_', '-', '.', '=', ': ', '\n', '\t', '"', "'", '(', '\\', '/', ' = ', ':\n  '];
  const random = prng('keyword-filter');
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const vary = (w: string): string => {
    const r = random();
    if (r < 0.5) return w;
    if (r < 0.65) return w.toUpperCase();
    if (r < 0.8) return w.toLowerCase();
    if (r < 0.9) return [...w].map((c) => (random() < 0.5 ? c.toUpperCase() : c.toLowerCase())).join('');
    // A piece of a word: a keyword may need only part of one.
    const from = Math.floor(random() * w.length);
    return w.slice(from, from + 1 + Math.floor(random() * (w.length - from)));
  };
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    let text = '';
    const parts = 2 + Math.floor(random() * 8);
    for (let p = 0; p < parts; p++) text += pick(seps) + vary(pick(pool)) + (random() < 0.3 ? pick(seps) + vary(pick(pool)) : '');
    out.push(text);
  }
  return out;
}

const TEXTS = [...corpus(), ...generated(10000)];

describe('keywordAnchors', () => {
  it('reads every keyword of every rule and extractor (so no kind goes unfiltered)', () => {
    const unread = allKeywords().filter(({ re }) => keywordAnchors(re) === undefined);
    expect(unread.map((k) => `${k.name}: ${k.re}`)).toEqual([]);
  });

  it('finds an anchor inside every match of every keyword, in fixtures, tests, docs and generated texts', () => {
    const failures: string[] = [];
    let matches = 0;
    for (const { name, re } of allKeywords()) {
      const anchors = (keywordAnchors(re) ?? []).map(fold);
      const global = new RegExp(re.source, re.flags.replace(/[gy]/g, '') + 'g');
      for (const text of TEXTS) {
        for (const m of text.matchAll(global)) {
          if (m[0].length === 0) continue;
          matches++;
          const inside = fold(m[0]);
          if (!anchors.some((a) => inside.includes(a))) failures.push(`${name}: ${JSON.stringify(m[0].slice(0, 80))} holds none of ${anchors.join(', ')}`);
        }
      }
    }
    expect(failures.slice(0, 20)).toEqual([]);
    // The texts exercise the keywords: not a test that cannot fail.
    expect(matches).toBeGreaterThan(10000);
  });

  it('models literals, classes, optional parts, look-arounds and repeats', () => {
    const anchors = (re: RegExp) => keywordAnchors(re)?.slice().sort();
    expect(anchors(/access[-_.]?key/i)).toEqual(['access']);
    expect(anchors(/ab(?:c|d)ef/)).toEqual(['abcef', 'abdef']);
    expect(anchors(/(?<![A-Z])AKIA(?=[A-Z0-9]{16})/)).toEqual(['AKIA']);
    expect(anchors(/^\s*-?\s*(?:shell|raw)\s*:/m)).toEqual(['raw', 'shell']);
    expect(anchors(/x{2}y/)).toEqual(['xxy']);
    expect(anchors(/Amazon\w*Client/)).toEqual(['Amazon']);
    expect(anchors(/[Kk]ey|SECRET/i)).toEqual(['key', 'secret']);
    expect(anchors(/\baws\b/)).toEqual(['aws']);
    expect(anchors(/a\x2fb/)).toEqual(['a/b']);
  });

  it('gives no anchors where a match may hold no literal or the syntax is not modelled', () => {
    for (const re of [/\w+/, /a|\d/, /(a)\1/, /x*/, /sécret/iu, /[^a]c?/, /.+/, /a?/]) expect(keywordAnchors(re), String(re)).toBeUndefined();
  });
});

describe('KeywordFilter', () => {
  it('marks possible every keyword of a kind that matches, over every text', () => {
    const failures: string[] = [];
    let checked = 0;
    for (const kind of FILE_KINDS) {
      const keywords = keywordsOf(kind);
      const filter = KeywordFilter.of(keywords);
      if (keywords.length < 2) continue;
      expect(filter, kind).toBeDefined();
      for (const text of TEXTS) {
        const possible = new Array<boolean>(keywords.length).fill(false);
        filter?.maybe(text, possible);
        keywords.forEach((re, i) => {
          if (!re.test(text)) return;
          checked++;
          if (!possible[i]) failures.push(`${kind}: ${re} matches ${JSON.stringify(text.slice(0, 60))} but was ruled out`);
        });
      }
    }
    expect(failures.slice(0, 20)).toEqual([]);
    expect(checked).toBeGreaterThan(5000);
  });

  it('rules out what no anchor supports, and finds anchors that overlap or follow one another', () => {
    const keywords = [/secret_key/i, /ecret/, /AKIA/, /token\s*=/];
    const filter = KeywordFilter.of(keywords) as KeywordFilter;
    const run = (text: string) => {
      const possible = new Array<boolean>(keywords.length).fill(false);
      filter.maybe(text, possible);
      return possible;
    };
    expect(run('nothing relevant here')).toEqual([false, false, false, false]);
    // `secret_key` and `ecret` start one character apart; `token` comes much later. The
    // filter ignores case (`ECRET` keeps /ecret/ possible: its own test then says no).
    expect(run('x SECRET_KEY y')).toEqual([true, true, false, false]);
    expect(run('x secret_ke y')).toEqual([false, true, false, false]);
    expect(run('x secret_key y ... token')).toEqual([true, true, false, true]);
    expect(run('AKIA')).toEqual([false, false, true, false]);
  });

  it('is not built when a keyword cannot be read (every keyword is then tested as before)', () => {
    expect(KeywordFilter.of([/AKIA/, /(a)\1/])).toBeUndefined();
    expect(KeywordFilter.of([/AKIA/])).toBeUndefined();
  });
});
