import { describe, expect, it } from 'vitest';
import {
  alignLoadings,
  alignPhi,
  congruenceMatrix,
  matchFactors,
  tuckerCongruence,
} from './congruence.ts';

const L = [
  [0.8, 0.1, 0.0],
  [0.7, 0.2, 0.1],
  [0.1, 0.9, 0.0],
  [0.0, 0.6, 0.2],
  [0.1, 0.0, 0.7],
  [0.2, 0.1, 0.8],
];

describe('Tucker congruence and factor matching', () => {
  it('congruence of a vector with itself, its negative and an orthogonal vector', () => {
    expect(tuckerCongruence([1, 2, 3], [1, 2, 3])).toBeCloseTo(1, 15);
    expect(tuckerCongruence([1, 2, 3], [-2, -4, -6])).toBeCloseTo(-1, 15);
    expect(tuckerCongruence([1, 0], [0, 1])).toBe(0);
    expect(congruenceMatrix(L, L)[1]![1]).toBeCloseTo(1, 15);
  });

  it('recovers a permutation with sign flips and realigns loadings and Phi', () => {
    // candidate column 0 = −target col 2, col 1 = target col 0, col 2 = target col 1
    const cand = L.map((r) => [-r[2]!, r[0]!, r[1]!]);
    const m = matchFactors(L, cand);
    expect(m.permutation).toEqual([1, 2, 0]);
    expect(m.signs).toEqual([1, 1, -1]);
    expect(alignLoadings(cand, m)).toEqual(L.map((r) => r.map((v) => v + 0)));
    const phi = [
      [1, 0.3, 0.2],
      [0.3, 1, 0.1],
      [0.2, 0.1, 1],
    ];
    // Φ of the candidate factors (c0 = −t2, c1 = t0, c2 = t1)
    const phiCand = [
      [1, -0.2, -0.1],
      [-0.2, 1, 0.3],
      [-0.1, 0.3, 1],
    ];
    expect(alignPhi(phiCand, m)).toEqual(phi);
  });
});
