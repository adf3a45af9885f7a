// Keeps the house consistent: one id names the rule file, its doc, fixtures and test.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { rules } from '../rules/index.js';
import { ROOT } from './helpers/fixtures.js';
import { FILE_KINDS } from '../src/kinds.js';
import { looksLikeWordRun } from '../src/detect/aws-keys.js';
import { CONTRACT_RULE_IDS, defineRule } from '../src/rule.js';
import { extractors } from '../src/extract/index.js';

const ruleFiles = readdirSync(join(ROOT, 'rules'))
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.startsWith('_'))
  .map((f) => f.slice(0, -3));

describe('extractors meta', () => {
  it('the generated registry is up to date and lists every extractor once, with a unique name', () => {
    expect(() => execFileSync(process.execPath, [join(ROOT, 'scripts/generate-extractors-index.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow();
    const names = extractors.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(extractors).size).toBe(extractors.length);
  });

  it('every extractor declares what it produces, in known kinds; syntax extractors produce nothing', () => {
    for (const e of extractors) {
      for (const k of e.kinds) expect(FILE_KINDS, `${e.name} takes ${k}`).toContain(k);
      if (e.produces !== 'any') for (const k of e.produces) expect(FILE_KINDS, `${e.name} produces ${k}`).toContain(k);
      if (e.phase === 'syntax') expect(e.produces, e.name).toEqual([]);
      if (e.keywords) expect(e.keywords.global || e.keywords.sticky, e.name).toBe(false);
    }
  });

  it('the extraction layer imports nothing of the engine but its document model', () => {
    for (const file of readdirSync(join(ROOT, 'src/extract'))) {
      const text = readFileSync(join(ROOT, 'src/extract', file), 'utf8');
      for (const m of text.matchAll(/from '\.\.\/engine\/([\w-]+)\.js'/g)) expect(['document', 'types', 'budget'], `${file} imports engine/${m[1]}`).toContain(m[1]);
    }
    for (const dir of ['src/parsers', 'src/detect', 'src/iac']) {
      for (const file of readdirSync(join(ROOT, dir))) {
        const text = readFileSync(join(ROOT, dir, file), 'utf8');
        expect(/from '\.\.\/engine\/(?:setup|scan-file|gate|run)\.js'/.test(text), `${dir}/${file} imports the engine's scanning code`).toBe(false);
      }
    }
  });
});

describe('rules meta', () => {
  it('the generated index is up to date and sorted', () => {
    expect(() => execFileSync(process.execPath, [join(ROOT, 'scripts/generate-rules-index.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow();
    const ids = rules.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toEqual(ruleFiles);
  });

  it('rule ids start with a verb, except the few contract ids listed in src/rule.ts', () => {
    for (const id of rules.map((r) => r.id)) expect(/^(?:no|require|prefer|valid)-/.test(id) || CONTRACT_RULE_IDS.has(id), id).toBe(true);
    for (const id of CONTRACT_RULE_IDS) expect(rules.map((r) => r.id), `contract id ${id} names a rule`).toContain(id);
    const base = { description: 'Disallow x', fullDescription: 'x', severity: 'warning', securitySeverity: 1, precision: 'high', cwe: ['CWE-1'], kinds: 'all', messages: { m: 'x' }, recommendation: 'x', defaultOptions: {}, check() {} } as const;
    expect(() => defineRule({ ...base, id: 'match-anything' })).toThrow(/must be kebab-case and start with/);
  });

  it('rule ids are unique', () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const rule of rules) {
    describe(rule.id, () => {
      it('has its doc page, fixtures and test', () => {
        expect(existsSync(join(ROOT, 'docs/rules', `${rule.id}.md`)), 'doc page').toBe(true);
        expect(existsSync(join(ROOT, 'test/rules', `${rule.id}.test.ts`)), 'test').toBe(true);
        for (const which of ['positive', 'negative']) {
          const dir = join(ROOT, 'fixtures', rule.id, which);
          expect(existsSync(dir) && readdirSync(dir).length > 0, `fixtures/${rule.id}/${which}`).toBe(true);
        }
      });

      it('is listed in the README rules table with its default severity', () => {
        const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
        expect(readme).toContain(`| [${rule.id}](docs/rules/${rule.id}.md) | ${rule.severity} |`);
      });

      it('has complete metadata', () => {
        expect(rule.description).toMatch(/^(Disallow|Require|Enforce) /);
        expect(rule.helpUri).toMatch(new RegExp(`/docs/rules/${rule.id}\\.md$`));
        expect(rule.securitySeverity).toBeGreaterThanOrEqual(0.1);
        expect(rule.securitySeverity).toBeLessThanOrEqual(10);
        expect(['very-high', 'high', 'medium', 'low']).toContain(rule.precision);
        expect(rule.cwe.length).toBeGreaterThan(0);
        for (const cwe of rule.cwe) expect(cwe).toMatch(/^CWE-\d+$/);
        expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
        if (rule.kinds !== 'all') for (const k of rule.kinds) expect(FILE_KINDS).toContain(k);
        expect(rule.recommendation.length).toBeGreaterThan(40);
        expect(rule.references?.length ?? 0).toBeGreaterThan(0);
      });
    });
  }
});

describe('repository hygiene', () => {
  function walk(dir: string): string[] {
    if (!existsSync(dir)) return [];
    return readdirSync(dir).flatMap((e) => {
      const full = join(dir, e);
      return statSync(full).isDirectory() ? walk(full) : [full];
    });
  }

  it('no committed file holds a live-looking access key id', () => {
    const offenders: string[] = [];
    for (const top of ['src', 'rules', 'fixtures', 'test', 'docs', 'examples', 'bench', 'scripts', 'bundle', 'bin', 'types', 'README.md']) {
      const full = join(ROOT, top);
      for (const file of existsSync(full) && statSync(full).isDirectory() ? walk(full) : existsSync(full) ? [full] : []) {
        if (file.endsWith('.snap')) continue; // snapshots hold masked keys only (checked by the rule tests)
        const text = readFileSync(file, 'latin1');
        for (const m of text.matchAll(/(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Za-z0-9])/g)) {
          if (!m[0].endsWith('EXAMPLE') && !looksLikeWordRun(m[0])) offenders.push(`${relative(ROOT, file)}: ${m[0].slice(0, 4)}…`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
