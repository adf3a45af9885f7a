// One problem, one alert. A key that a specific rule reports (a Dockerfile `ENV`, a Terraform
// provider argument, `aws configure set` in user data …) is also found by the generic key
// detectors, often at a different range: the specific rule reports the variable name or the
// whole assignment, the generic one the value. Both findings declare the secret ranges they
// are about, so the engine can tell they are one defect: a finding whose every secret lies
// inside a secret of a finding from a rule that `supersedes` its rule is absorbed by it.
// Within one rule, a finding that only refers to a secret found elsewhere (a provider
// argument `var.x` whose default is the key) is absorbed by the finding at the secret itself.
import type { AnyRule, SecretRange } from '../rule.js';

export interface CoverageCandidate {
  readonly rule: AnyRule;
  /** File offsets of the reported range. */
  readonly start: number;
  readonly end: number;
  /** File offsets of the secrets the finding is about. */
  readonly secrets: readonly SecretRange[];
}

function contains(outer: { start: number; end: number }, inner: { start: number; end: number }): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

function regionHoldsSecrets(c: CoverageCandidate): boolean {
  return c.secrets.some((s) => contains(c, s) || (s.start < c.end && c.start < s.end));
}

/** True when `keeper` is the better finding for the defect `other` reports. */
function outranks(keeper: CoverageCandidate, other: CoverageCandidate): boolean {
  if (keeper.rule.id === other.rule.id) {
    // The finding at the key beats one that only points at it.
    return regionHoldsSecrets(keeper) && !regionHoldsSecrets(other);
  }
  return (keeper.rule.supersedes ?? []).includes(other.rule.id);
}

/**
 * For each candidate absorbed by another, the index of the candidate that absorbs it.
 * Cost: candidates are bucketed by secret start, and a secret is only compared with the
 * secrets that start at most `longest` characters before it, so a minified file with
 * thousands of keys stays linear in practice.
 */
export function findAbsorbed(candidates: readonly CoverageCandidate[]): Map<number, number> {
  const entries: Array<{ start: number; end: number; index: number }> = [];
  let longest = 0;
  candidates.forEach((c, index) => {
    for (const s of c.secrets) {
      entries.push({ start: s.start, end: s.end, index });
      longest = Math.max(longest, s.end - s.start);
    }
  });
  const absorbed = new Map<number, number>();
  if (entries.length < 2) return absorbed;
  entries.sort((a, b) => a.start - b.start || b.end - a.end);
  const starts = entries.map((e) => e.start);

  candidates.forEach((candidate, index) => {
    if (candidate.secrets.length === 0) return;
    // Keepers that cover every secret of this candidate.
    let keepers: Set<number> | undefined;
    for (const secret of candidate.secrets) {
      const covering = new Set<number>();
      // Entries with start <= secret.start, walking back while they could still reach it.
      let i = upperBound(starts, secret.start) - 1;
      for (; i >= 0; i--) {
        const e = entries[i] as (typeof entries)[number];
        if (secret.start - e.start > longest) break;
        if (e.index !== index && e.end >= secret.end) covering.add(e.index);
      }
      keepers = keepers ? new Set([...keepers].filter((k) => covering.has(k))) : covering;
      if (keepers.size === 0) return;
    }
    let best: number | undefined;
    for (const k of keepers ?? []) {
      const keeper = candidates[k] as CoverageCandidate;
      if (!outranks(keeper, candidate)) continue;
      // Deterministic pick among several keepers: the earliest in the file.
      if (best === undefined || keeper.start < (candidates[best] as CoverageCandidate).start) best = k;
    }
    if (best !== undefined) absorbed.set(index, best);
  });
  return absorbed;
}

/** Follows absorption to the finding that is finally kept (absorption is acyclic: ranks are strict). */
export function keeperOf(index: number, absorbed: ReadonlyMap<number, number>): number {
  let current = index;
  const seen = new Set<number>();
  for (let next = absorbed.get(current); next !== undefined && !seen.has(next); next = absorbed.get(current)) {
    seen.add(current);
    current = next;
  }
  return current;
}

function upperBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
