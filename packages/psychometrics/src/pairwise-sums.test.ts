import { describe, expect, it } from 'vitest';
import { computePairwiseMoments, covarianceImputed } from './cor.ts';
import { createDataset } from './dataset.ts';
import { median } from './numeric.ts';
import { computePairSums, histogramMedian, summarizeColumn } from './pairwise-sums.ts';

/** Straightforward two-pass pairwise covariance, the definition the fast paths must reproduce. */
function naiveCov(x: Float64Array, y: Float64Array): { n: number; cov: number } {
  const idx = [...x.keys()].filter((i) => !Number.isNaN(x[i]!) && !Number.isNaN(y[i]!));
  const mx = idx.reduce((a, i) => a + x[i]!, 0) / idx.length;
  const my = idx.reduce((a, i) => a + y[i]!, 0) / idx.length;
  const s = idx.reduce((a, i) => a + (x[i]! - mx) * (y[i]! - my), 0);
  return { n: idx.length, cov: s / (idx.length - 1) };
}

function randomColumns(
  p: number,
  n: number,
  gen: (i: number, j: number) => number,
  missing: number,
  seed = 7,
): Float64Array[] {
  let st = seed;
  const rnd = () => (st = (st * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: p }, (_, j) =>
    Float64Array.from({ length: n }, (_, i) =>
      rnd() < missing ? NaN : gen(i, j) + Math.floor(rnd() * 7),
    ),
  );
}

describe('pairwise sums: exact integer path and floating-point path agree with the definition', () => {
  const cases: [string, Float64Array[], boolean][] = [
    [
      'Likert 1..7 with missing (packed integer path), p = 7 (not a multiple of 3)',
      randomColumns(7, 1500, () => 1, 0.05),
      true,
    ],
    ['negative whole numbers, span 6', randomColumns(5, 1300, () => -3, 0.1), true],
    [
      'wide integers (span > 11): float path',
      randomColumns(4, 1100, (i) => (i % 5) * 10, 0.05),
      false,
    ],
    [
      'non-integers: float path',
      randomColumns(6, 1025, (i, j) => 0.37 * j + (i % 3) / 7, 0.02),
      false,
    ],
  ];
  for (const [name, cols, exact] of cases) {
    it(name, () => {
      const names = cols.map((_, j) => `v${j}`);
      const ps = computePairSums(cols, cols[0]!.length);
      expect(ps.exactIntegers).toBe(exact);
      const m = computePairwiseMoments(createDataset(names, cols));
      for (let a = 0; a < cols.length; a++) {
        for (let b = 0; b < cols.length; b++) {
          const ref = naiveCov(cols[a]!, cols[b]!);
          expect(m.n[a]![b]).toBe(ref.n);
          expect(Math.abs(m.cov[a]![b]! - ref.cov)).toBeLessThan(
            1e-12 * Math.max(1, Math.abs(ref.cov)),
          );
        }
      }
    });
  }

  it('covarianceImputed equals the covariance of explicitly imputed data', () => {
    const cols = randomColumns(5, 900, () => 1, 0.1, 11);
    const fill = [3, 2.5, 4, 1, 3.25];
    const imputed = cols.map((c, j) => c.map((v) => (Number.isNaN(v) ? fill[j]! : v)));
    const cov = covarianceImputed(createDataset(['a', 'b', 'c', 'd', 'e'], cols), fill);
    for (let a = 0; a < 5; a++) {
      for (let b = 0; b < 5; b++) {
        const ref = naiveCov(imputed[a]!, imputed[b]!).cov;
        expect(Math.abs(cov[a]![b]! - ref)).toBeLessThan(1e-12);
      }
    }
  });
});

describe('summarizeColumn / histogramMedian', () => {
  it('histogram median equals R median for odd and even counts', () => {
    for (const v of [[3, 1, 2], [4, 1, 2, 3], [5, 5, 1, 1], [2], [7, NaN, 7, 1, 100]]) {
      const col = Float64Array.from(v);
      expect(histogramMedian(summarizeColumn(col))).toBe(median(col));
    }
  });

  it('falls back to plain sums for non-integers or values far apart', () => {
    const s = summarizeColumn(Float64Array.from([1, 2, 2.5, NaN]));
    expect(s.histogram).toBeUndefined();
    expect([s.count, s.sum, s.min, s.max, Array.from(s.missing)]).toEqual([3, 5.5, 1, 2.5, [3]]);
    const w = summarizeColumn(Float64Array.from([0, 1e6, NaN, 5]));
    expect(w.histogram).toBeUndefined();
    expect([w.count, w.sum, w.min, w.max]).toEqual([3, 1e6 + 5, 0, 1e6]);
  });
});
