// The fuzz targets at a small count, deterministic by seed (the large runs: `npm run fuzz`).
import { describe, expect, it } from 'vitest';
import { FAMILIES, runFuzz } from '../bench/fuzz.js';

describe('fuzz targets (small count)', () => {
  for (const family of FAMILIES) {
    it(`${family}: no exception, no input over budget, no whole secret nor 12-character piece printed, the intact key found`, async () => {
      const r = await runFuzz(family, 25, 'ci', 10_000);
      expect(r.inputs).toBe(25);
      expect(r.exceptions).toBe(0);
      expect(r.timeouts).toBe(0);
      expect(r.wholeLeaks).toBe(0);
      expect(r.pieceLeaks, JSON.stringify(r.leakPlaces)).toBe(0);
      expect(r.keyFound).toBe(r.keyIntact);
    });
  }
});
