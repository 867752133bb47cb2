import { describe, expect, it } from 'vitest';
import { PsychometricsInputError } from './errors.ts';
import { omega, omegaFromCorrelation, omegaToPsychJson } from './omega.ts';
import { compareToReference, formatMismatches } from './testing/compare-to-reference.ts';
import { alignOmegaJson } from './testing/match-factors.ts';
import { loadBfi, loadReference } from './testing/reference-files.ts';

describe('omega on bfi (psych::omega)', () => {
  const data = loadBfi();
  const ref = loadReference('ref/bfi_omega.json');

  for (const nf of [5, 3]) {
    it(`nfactors = ${nf}: every field within 1e-5 after matching group factors`, () => {
      const expected = ref[`nfactors${nf}`];
      const { json, match } = alignOmegaJson(
        expected,
        omegaToPsychJson(omega(data, { nfactors: nf })),
      );
      for (const c of match.congruence) expect(c).toBeGreaterThan(0.9999);
      const report = compareToReference(expected, json, { relTol: 1e-5 });
      expect(formatMismatches(report)).toBe('');
      expect(report.compared).toBeGreaterThan(250);
      expect(report.maxScaledError).toBeLessThan(1e-8);
    });
  }

  it('flips the items with negative general loadings and marks them with "-"', () => {
    const res = omega(data, { nfactors: 5 });
    const flipped = res.names.filter((_, i) => res.key[i] === -1);
    expect(flipped).toEqual([
      'A1',
      'C4',
      'C5',
      'E1',
      'E2',
      'N1',
      'N2',
      'N3',
      'N4',
      'N5',
      'O2',
      'O4',
      'O5',
    ]);
    expect(res.sl.rows[0]).toBe('A1-');
    for (const row of res.sl.values) expect(row[0]!).toBeGreaterThan(0);
    // alpha is the standardized alpha of the flipped correlation matrix (.8188 for bfi).
    expect(res.alpha).toBeCloseTo(0.8188, 4);
  });

  it('two group factors use option "equal" with a warning; one factor is refused', () => {
    const r = [
      [1, 0.5, 0.4, 0.2, 0.2, 0.1],
      [0.5, 1, 0.45, 0.15, 0.2, 0.15],
      [0.4, 0.45, 1, 0.1, 0.15, 0.2],
      [0.2, 0.15, 0.1, 1, 0.5, 0.4],
      [0.2, 0.2, 0.15, 0.5, 1, 0.45],
      [0.1, 0.15, 0.2, 0.4, 0.45, 1],
    ];
    const res = omegaFromCorrelation(r, { nfactors: 2, nObs: 300 });
    expect(Math.abs(res.gloading[0]!)).toBeCloseTo(Math.sqrt(Math.abs(res.phi[0]![1]!)), 14);
    expect(res.warnings.join(' ')).toMatch(/Three factors/);
    expect(res.omegaH).toBeGreaterThan(0);
    expect(res.omegaH).toBeLessThanOrEqual(res.omegaTotal);
    expect(() => omegaFromCorrelation(r, { nfactors: 1 })).toThrow(PsychometricsInputError);
  });
});
