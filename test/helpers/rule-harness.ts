// Shared fixture-driven checks for one rule: every positive fixture reports exactly the
// marked findings (position snapshots make the ranges reviewable), every negative fixture
// reports nothing for the rule, and no finding carries a whole generated secret.
import { describe, expect, it } from 'vitest';
import { frame, lintText, loadFixtures, type LintTextOptions } from './fixtures.js';

export function describeRuleFixtures(ruleId: string, options: LintTextOptions = {}): void {
  describe(`${ruleId} fixtures`, () => {
    const positives = loadFixtures(ruleId, 'positive');
    const negatives = loadFixtures(ruleId, 'negative');

    it('has positive and negative fixtures', () => {
      expect(positives.length).toBeGreaterThan(0);
      expect(negatives.length).toBeGreaterThan(0);
    });

    for (const fixture of positives) {
      it(`reports the marked findings in ${fixture.name}`, () => {
        const { findings } = lintText(fixture.name, fixture.text, { rules: [ruleId], ...options });
        const own = findings.filter((f) => f.ruleId === ruleId);
        const actual = own.map((f) => `${f.ruleId}@${f.region.startLine}`).sort();
        const wanted = fixture.expected.filter((e) => e.ruleId === ruleId).map((e) => `${e.ruleId}@${e.line}`).sort();
        expect(wanted.length, 'a positive fixture must mark at least one finding').toBeGreaterThan(0);
        expect(actual).toEqual(wanted);
        for (const e of fixture.expected) {
          if (e.column !== undefined) {
            expect(own.some((f) => f.region.startLine === e.line && f.region.startColumn === e.column), `${e.ruleId} at ${e.line}:${e.column}`).toBe(true);
          }
        }
        expect(frame(own)).toMatchSnapshot();
        const serialized = JSON.stringify(findings);
        for (const secret of fixture.secrets) expect(serialized).not.toContain(secret);
      });
    }

    for (const fixture of negatives) {
      it(`reports nothing in ${fixture.name}`, () => {
        const { findings } = lintText(fixture.name, fixture.text, { rules: [ruleId], ...options });
        expect(frame(findings.filter((f) => f.ruleId === ruleId))).toBe('');
      });
    }
  });
}
