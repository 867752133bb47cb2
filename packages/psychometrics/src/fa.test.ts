import { describe, expect, it } from 'vitest';
import { correlatePairwise } from './cor.ts';
import { datasetFromRows } from './dataset.ts';
import { PsychometricsInputError } from './errors.ts';
import {
  fa,
  faFromCorrelation,
  faToPsychJson,
  fittedEigenvalues,
  type FactorMethod,
  type RotationMethod,
} from './fa.ts';
import { squaredMultipleCorrelations } from './linalg.ts';
import { smc } from './smc.ts';
import { compareToReference, formatMismatches } from './testing/compare-to-reference.ts';
import { alignFaJson } from './testing/match-factors.ts';
import { loadBfi, loadReference } from './testing/reference-files.ts';

const CASES: [FactorMethod, RotationMethod][] = [
  ['minres', 'varimax'],
  ['minres', 'oblimin'],
  ['ml', 'varimax'],
  ['ml', 'oblimin'],
];

describe('fa on bfi (psych::fa(x, nfactors = 5, fm, rotate))', () => {
  const data = loadBfi();

  for (const [fm, rotate] of CASES) {
    it(`fm = ${fm}, rotate = ${rotate}: every field within 1e-5 after factor matching`, () => {
      const ref = loadReference(`ref/bfi_fa_${fm}_${rotate}.json`);
      const res = fa(data, { nfactors: 5, fm, rotate });
      const { json, match } = alignFaJson(ref, faToPsychJson(res));
      // Every matched factor is essentially the same factor.
      for (const c of match.congruence) expect(c).toBeGreaterThan(0.9999);

      // The reference's eBIC is null: its generator asked psych for `eBIC`, which psych
      // calls EBIC. We report the value, so check it from the reference's own pieces.
      const { eBIC, ...ourStats } = json.stats;
      const { eBIC: refEbic, ...refStats } = ref.stats;
      expect(refEbic).toBeNull();
      expect(eBIC).toBeCloseTo(ref.stats.chi - ref.stats.dof * Math.log(ref.stats.nh), 6);

      const report = compareToReference(
        { ...ref, stats: refStats },
        { ...json, stats: ourStats },
        { relTol: 1e-5, ignoreKeys: ['meta'] },
      );
      expect(formatMismatches(report)).toBe('');
      expect(report.compared).toBeGreaterThan(500);
      // In practice the agreement is far tighter than the required 1e-5.
      expect(report.maxScaledError).toBeLessThan(1e-8);
    });
  }

  it('names and orders factors as psych does', () => {
    const ref = loadReference('ref/bfi_fa_minres_oblimin.json');
    const res = fa(data, { nfactors: 5, fm: 'minres', rotate: 'oblimin' });
    expect(res.factorNames).toEqual(ref.loadings.cols);
    // psych orders by variance accounted for, largest first.
    const ss = res.vaccounted.values[0]!;
    for (let j = 1; j < ss.length; j++) expect(ss[j]!).toBeLessThanOrEqual(ss[j - 1]!);
    // Every factor's loadings sum to a positive number.
    for (let j = 0; j < 5; j++)
      expect(res.loadings.reduce((a, row) => a + row[j]!, 0)).toBeGreaterThan(0);
  });

  it('communality = diag(L Φ Lᵀ) of the rotated solution and 1 − uniquenesses', () => {
    const res = fa(data, { nfactors: 5, fm: 'minres', rotate: 'oblimin' });
    const phi = res.phi!;
    res.loadings.forEach((row, i) => {
      let h = 0;
      for (let a = 0; a < 5; a++) for (let b = 0; b < 5; b++) h += row[a]! * phi[a]![b]! * row[b]!;
      expect(h).toBeCloseTo(res.communality[i]!, 12);
      expect(res.uniquenesses[i]!).toBeCloseTo(1 - res.communality[i]!, 14);
    });
  });

  it('agrees with itself from a correlation matrix with pairwise counts', () => {
    const cor = correlatePairwise(data);
    const a = fa(data, { nfactors: 3 });
    const b = faFromCorrelation(cor.r, {
      nfactors: 3,
      names: cor.names,
      nObs: data.nRows,
      pairwiseN: cor.n,
    });
    expect(b.loadings).toEqual(a.loadings);
    expect(b.stats.chi).toBe(a.stats.chi);
  });

  it('one factor: no rotation, positive loading sum, psych name MR1', () => {
    const res = fa(data, { nfactors: 1 });
    expect(res.factorNames).toEqual(['MR1']);
    expect(res.rotMat).toBeNull();
    expect(res.phi).toBeNull();
    expect(res.loadings.reduce((a, r) => a + r[0]!, 0)).toBeGreaterThan(0);
    expect(res.vaccounted.rows).toEqual(['SS loadings', 'Proportion Var']);
  });
});

describe('fa input checks and degenerate matrices', () => {
  const r3 = [
    [1, 0.5, 0.4],
    [0.5, 1, 0.3],
    [0.4, 0.3, 1],
  ];

  it('rejects a bad number of factors, missing correlations and unknown methods', () => {
    expect(() => faFromCorrelation(r3, { nfactors: 3 })).toThrow(PsychometricsInputError);
    expect(() => faFromCorrelation(r3, { nfactors: 0 })).toThrow(/whole number/);
    expect(() => faFromCorrelation(r3, { nfactors: 1.5 })).toThrow(PsychometricsInputError);
    const withNaN = r3.map((row) => [...row]);
    withNaN[0]![2] = NaN;
    withNaN[2]![0] = NaN;
    expect(() => faFromCorrelation(withNaN, { nfactors: 1 })).toThrow(/missing/);
    expect(() => faFromCorrelation(r3, { nfactors: 1, fm: 'pa' as FactorMethod })).toThrow(
      /factoring method/,
    );
    expect(() =>
      faFromCorrelation(r3, { nfactors: 1, rotate: 'promax' as RotationMethod }),
    ).toThrow(/rotation/);
  });

  it('rejects items without variance (from raw data)', () => {
    const d = datasetFromRows(
      ['a', 'b', 'c'],
      [
        [1, 2, 3],
        [1, 3, 4],
        [1, 4, 4],
        [1, 1, 2],
      ],
    );
    expect(() => fa(d, { nfactors: 1 })).toThrow(PsychometricsInputError);
  });

  it('a singular correlation matrix (duplicated item) gives finite results, never NaN', () => {
    // Item 4 duplicates item 1, so R is singular.
    const r = [
      [1, 0.6, 0.5, 1, 0.4],
      [0.6, 1, 0.45, 0.6, 0.35],
      [0.5, 0.45, 1, 0.5, 0.3],
      [1, 0.6, 0.5, 1, 0.4],
      [0.4, 0.35, 0.3, 0.4, 1],
    ];
    for (const fm of ['minres', 'ml'] as const) {
      const res = faFromCorrelation(r, { nfactors: 1, fm, nObs: 200 });
      const json = faToPsychJson(res);
      const numbers = JSON.stringify(json).match(/-?\d[\d.e+-]*|NaN|Infinity/g) ?? [];
      expect(numbers).not.toContain('NaN');
      expect(res.loadings.flat().every(Number.isFinite)).toBe(true);
      expect(res.warnings.join(' ')).toMatch(/positive definite|singular/);
    }
  });

  it('a non-positive-definite pairwise matrix is smoothed for ML (psych cor.smooth) with a warning', () => {
    const r = [
      [1, 0.9, 0.9, 0.1],
      [0.9, 1, 0.2, 0.1],
      [0.9, 0.2, 1, 0.1],
      [0.1, 0.1, 0.1, 1],
    ];
    const res = faFromCorrelation(r, { nfactors: 1, fm: 'ml', nObs: 100 });
    expect(res.warnings).toContain('Matrix was not positive definite, smoothing was done');
    expect(res.loadings.flat().every(Number.isFinite)).toBe(true);
    expect(Number.isFinite(res.stats.objective)).toBe(true);
  });

  it('without n.obs the likelihood statistics are null, the residual ones present', () => {
    const res = faFromCorrelation(r3, { nfactors: 1 });
    expect(res.stats.STATISTIC).toBeNull();
    expect(res.stats.PVAL).toBeNull();
    expect(res.stats.RMSEA).toBeNull();
    expect(Number.isFinite(res.stats.rms)).toBe(true);
    expect(faToPsychJson(res)['n.obs']).toBeNull();
  });
});

describe('smc and fittedEigenvalues', () => {
  it('smc equals psych-style SMCs from the pseudo-inverse', () => {
    const cor = correlatePairwise(loadBfi());
    const a = smc(cor.r);
    const b = squaredMultipleCorrelations(cor.r);
    a.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 12));
  });

  it('fittedEigenvalues equals fa(...)$values of the unrotated solution', () => {
    const cor = correlatePairwise(loadBfi());
    const full = faFromCorrelation(cor.r, { nfactors: 1, rotate: 'none' });
    fittedEigenvalues(cor.r, 1).forEach((v, i) => expect(v).toBeCloseTo(full.values[i]!, 12));
  });
});
