// Every rule page follows the fixed outline, names each message id, and its examples are
// real: each `bad` block is reported by the rule, each `good` block is not.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../rules/index.js';
import { ROOT, lintText } from './helpers/fixtures.js';
import { fakeAccessKeyId, fakeSecretAccessKey, fakeSessionToken } from './helpers/fake-keys.js';

const OUTLINE = ['## Examples', '## How to fix', '## Options', '## When not to use it', '## References'];

interface Example {
  readonly kind: 'bad' | 'good';
  readonly file: string;
  readonly code: string;
  readonly line: number;
}

export function extractExamples(markdown: string): Example[] {
  const examples: Example[] = [];
  const re = /<!--\s*(bad|good):\s*(\S+)\s*-->\s*\n(`{3,})[^\n]*\n([\s\S]*?)\n\3/g;
  for (const m of markdown.matchAll(re)) {
    examples.push({ kind: m[1] as 'bad' | 'good', file: m[2] as string, code: `${m[4]}\n`, line: markdown.slice(0, m.index).split('\n').length });
  }
  return examples;
}

/**
 * Docs show the AWS documentation keys (which free-text detectors deliberately skip) and an
 * `IQoJb3JpZ2luX2VjEXAMPLE…` session token; for the check they are swapped for generated
 * live-looking ones, so no doc page holds a live-looking secret.
 */
function withLiveLookingKeys(code: string): string {
  let n = 0;
  return code
    .replace(/\b(AKIA|ASIA)[A-Z0-9]{8,12}EXAMPLE\b/g, (_m, prefix: 'AKIA' | 'ASIA') => fakeAccessKeyId(`doc-${n++}`, prefix))
    .replace(/\b[A-Za-z0-9/+]{20,33}EXAMPLEKEY\b/g, () => fakeSecretAccessKey(`doc-${n++}`))
    .replace(/\bIQoJb3JpZ2luX2VjEXAMPLE[A-Za-z0-9/+=]*/g, () => fakeSessionToken(`doc-${n++}`));
}

for (const rule of rules) {
  describe(`docs/rules/${rule.id}.md`, () => {
    const markdown = readFileSync(join(ROOT, 'docs', 'rules', `${rule.id}.md`), 'utf8');

    it('opens with the id and the exact description', () => {
      const lines = markdown.split('\n');
      expect(lines[0]).toBe(`# ${rule.id}`);
      expect(markdown).toContain(`\n> ${rule.description}\n`);
    });

    it('follows the outline', () => {
      const positions = OUTLINE.map((h) => markdown.search(new RegExp(`^${h}$`, 'm')));
      for (const [i, p] of positions.entries()) expect(p, `missing heading ${OUTLINE[i]}`).toBeGreaterThan(-1);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    });

    it('names every message id', () => {
      for (const id of Object.keys(rule.messages)) expect(markdown, id).toContain(`\`${id}\``);
    });

    const examples = extractExamples(markdown);
    it('has at least one bad and one good example', () => {
      expect(examples.some((e) => e.kind === 'bad')).toBe(true);
      expect(examples.some((e) => e.kind === 'good')).toBe(true);
    });

    for (const ex of examples) {
      it(`${ex.kind} example at line ${ex.line} (${ex.file}) ${ex.kind === 'bad' ? 'is' : 'is not'} reported`, () => {
        const code = ex.kind === 'bad' ? withLiveLookingKeys(ex.code) : ex.code;
        const { findings } = lintText(ex.file, code, { rules: [rule.id] });
        const own = findings.filter((f) => f.ruleId === rule.id);
        if (ex.kind === 'bad') expect(own.length).toBeGreaterThan(0);
        else expect(own.map((f) => `${f.region.startLine}:${f.region.startColumn} ${f.message}`)).toEqual([]);
      });
    }
  });
}
