import { describe, expect, it } from 'vitest';
import {
  chiSquareCdf,
  corSmooth,
  noncentralChiSquareCdf,
  regularizedGamma,
  rmseaInterval,
} from './fa-fit.ts';
import { loadReference } from './testing/reference-files.ts';

describe('chi-square distributions', () => {
  it('central chi-square against closed forms', () => {
    // df = 2: P(X ≤ x) = 1 − exp(−x/2); df = 1 relates to the normal tail.
    for (const x of [0.1, 1, 5, 40])
      expect(chiSquareCdf(x, 2)).toBeCloseTo(1 - Math.exp(-x / 2), 14);
    expect(chiSquareCdf(1000, 2, true)).toBeCloseTo(Math.exp(-500), 300);
    expect(chiSquareCdf(1000, 2, true) / Math.exp(-500)).toBeCloseTo(1, 12);
    // Q(1, x) = e^{−x}, P(a, x) + Q(a, x) = 1
    expect(regularizedGamma(1, 3).upper).toBeCloseTo(Math.exp(-3), 15);
    const r = regularizedGamma(92.5, 80);
    expect(r.lower + r.upper).toBeCloseTo(1, 14);
  });

  it('noncentral chi-square: ncp = 0 is central, and it decreases in ncp', () => {
    expect(noncentralChiSquareCdf(200, 185, 0)).toBeCloseTo(chiSquareCdf(200, 185), 14);
    expect(noncentralChiSquareCdf(200, 185, 1e-9)).toBeCloseTo(chiSquareCdf(200, 185), 8);
    let prev = 1;
    for (const ncp of [1300, 1500, 1600, 1800]) {
      const v = noncentralChiSquareCdf(1808.94, 185, ncp);
      expect(v).toBeLessThan(prev);
      prev = v;
    }
    // Mean of the noncentral chi-square is df + ncp; its median lies close by.
    expect(noncentralChiSquareCdf(185 + 1000, 185, 1000)).toBeGreaterThan(0.45);
    expect(noncentralChiSquareCdf(185 + 1000, 185, 1000)).toBeLessThan(0.55);
  });

  for (const file of ['bfi_fa_minres_oblimin', 'bfi_fa_ml_varimax']) {
    it(`RMSEA and its 90% interval from the reference's STATISTIC reproduce ${file}`, () => {
      const s = loadReference(`ref/${file}.json`).stats;
      const r = rmseaInterval(s.STATISTIC, s.STATISTIC, s.dof, 2800, 0.1);
      expect(r.RMSEA).toBeCloseTo(s.RMSEA.RMSEA, 12);
      // psych's uniroot stops at ~1e-4 in the noncentrality, i.e. ~1e-9 in RMSEA.
      expect(Math.abs(r.lower! - s.RMSEA.lower)).toBeLessThan(1e-8);
      expect(Math.abs(r.upper! - s.RMSEA.upper)).toBeLessThan(1e-8);
      expect(r.confidence).toBe(0.9);
    });
  }
});

describe('corSmooth', () => {
  it('leaves a positive definite matrix alone', () => {
    const r = [
      [1, 0.3],
      [0.3, 1],
    ];
    expect(corSmooth(r)).toEqual({ r, smoothed: false });
  });

  it('makes a non-positive-definite matrix positive definite with unit diagonal', () => {
    const r = [
      [1, 0.9, 0.9],
      [0.9, 1, -0.5],
      [0.9, -0.5, 1],
    ];
    const s = corSmooth(r);
    expect(s.smoothed).toBe(true);
    s.r.forEach((row, i) => expect(row[i]).toBe(1));
    // Cholesky succeeds now: leading minors positive.
    const m = s.r;
    expect(m[0]![0]! * m[1]![1]! - m[0]![1]! ** 2).toBeGreaterThan(0);
    const det =
      m[0]![0]! * (m[1]![1]! * m[2]![2]! - m[1]![2]! * m[2]![1]!) -
      m[0]![1]! * (m[1]![0]! * m[2]![2]! - m[1]![2]! * m[2]![0]!) +
      m[0]![2]! * (m[1]![0]! * m[2]![1]! - m[1]![1]! * m[2]![0]!);
    expect(det).toBeGreaterThan(0);
  });
});
