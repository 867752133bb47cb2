import { describe, expect, it } from 'vitest';
import { computeRci, rciToPsychJson } from './rci.ts';
import { compareToReference, formatMismatches } from './testing/compare-to-reference.ts';
import { loadReference } from './testing/reference-files.ts';

const ref = loadReference('ref/rci.json');

describe('computeRci vs ref/rci.json', () => {
  for (const c of ref.cases) {
    it(c.case, () => {
      const input = { x1: c.x1, x2: c.x2, sd: c.sd, reliability: c.r };
      const report = compareToReference(c, rciToPsychJson(input, computeRci(input), c.case), {
        relTol: 1e-9,
        strictKeys: true,
      });
      expect(formatMismatches(report)).toBe('');
    });
  }

  it('rejects impossible reliabilities and SDs', () => {
    expect(() => computeRci({ x1: 1, x2: 2, sd: 1, reliability: 1 })).toThrow(/reliability/);
    expect(() => computeRci({ x1: 1, x2: 2, sd: 0, reliability: 0.8 })).toThrow(/positive SD/);
  });
});
