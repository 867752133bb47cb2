import { describe, expect, it } from 'vitest';
import { buildNorms, normTable, percentileRank, percentileRanks } from './norms.ts';

// Hand-checked examples; expected values derived in the comments.
describe('norms', () => {
  // Norm sample (sorted): 1 2 2 3 3 3 4 5 5 10   (n = 10, NaN ignored)
  const sample = [3, 1, 5, 2, 3, NaN, 10, 3, 2, 4, 5];
  const norms = buildNorms(sample, [0, 0.25, 0.5, 0.9, 1]);

  it('summary: n, mean, median, quantiles (R type 7)', () => {
    expect(norms.n).toBe(10);
    // sum = 1+2+2+3+3+3+4+5+5+10 = 38
    expect(norms.mean).toBeCloseTo(3.8, 14);
    // even n: middle values s[4] = 3 and s[5] = 3 -> 3
    expect(norms.median).toBe(3);
    // p = .25: h = 9 * .25 = 2.25 -> s[2] + .25 (s[3] - s[2]) = 2 + .25 * 1 = 2.25
    // p = .9 : h = 8.1 -> s[8] + .1 (s[9] - s[8]) = 5 + .1 * 5 = 5.5
    const q = norms.quantiles.map((x) => x.value);
    [1, 2.25, 3, 5.5, 10].forEach((v, i) => expect(q[i]).toBeCloseTo(v, 12));
  });

  it('mid-rank percentile ranks', () => {
    // 3: below = 3 (1,2,2), equal = 3 -> (3 + 1.5)/10 = 45%
    expect(percentileRank(norms, 3)).toBeCloseTo(45, 12);
    // 1: below 0, equal 1 -> 5%
    expect(percentileRank(norms, 1)).toBeCloseTo(5, 12);
    // 0.5 below everything -> 0 ; 11 above everything -> 100
    expect(percentileRank(norms, 0.5)).toBe(0);
    expect(percentileRank(norms, 11)).toBe(100);
    // 4.5 (not in sample): below = 7 (1,2,2,3,3,3,4), equal 0 -> 70%
    expect(percentileRank(norms, 4.5)).toBeCloseTo(70, 12);
    // 10: below 9, equal 1 -> 95%
    expect(Array.from(percentileRanks(norms, [10, NaN]))).toEqual([95, NaN]);
  });

  it('conversion table: each distinct score once, mean PR over the sample is 50', () => {
    const t = normTable(norms);
    expect(t.map((r) => r.score)).toEqual([1, 2, 3, 4, 5, 10]);
    // 2: below 1, count 2 -> (1 + 1)/10 = 20% ; 5: below 7, count 2 -> (7 + 1)/10 = 80%
    expect(t.map((r) => r.percentileRank)).toEqual([5, 20, 45, 65, 80, 95]);
    const meanPr = t.reduce((a, r) => a + r.count * r.percentileRank, 0) / norms.n;
    expect(meanPr).toBeCloseTo(50, 12);
  });

  it('rejects empty samples and bad probabilities', () => {
    expect(() => buildNorms([NaN])).toThrow(/no non-missing/);
    expect(() => buildNorms([1, 2], [1.5])).toThrow(/\[0, 1\]/);
  });
});
