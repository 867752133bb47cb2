import { describe, expect, it } from 'vitest';
import { faFromCorrelation } from './fa.ts';
import { correlatePairwise } from './cor.ts';
import { oblimin, obliminCriterion, orientAndOrder, varimax } from './rotate.ts';
import { loadBfi } from './testing/reference-files.ts';

function matmul(a: number[][], b: number[][]): number[][] {
  return a.map((row) => b[0]!.map((_, j) => row.reduce((s, v, k) => s + v * b[k]![j]!, 0)));
}

describe('rotations', () => {
  const cor = correlatePairwise(loadBfi());
  const unrotated = faFromCorrelation(cor.r, { nfactors: 5, rotate: 'none' }).unrotatedLoadings;

  it('varimax: loadings = unrotated × rotmat with an orthogonal rotmat; communalities kept', () => {
    const v = varimax(unrotated);
    expect(v.converged).toBe(true);
    const back = matmul(unrotated, v.rotMat);
    back.forEach((row, i) => row.forEach((x, j) => expect(x).toBeCloseTo(v.loadings[i]![j]!, 12)));
    const tt = matmul(
      v.rotMat.map((_, i) => v.rotMat.map((r) => r[i]!)),
      v.rotMat,
    );
    tt.forEach((row, i) => row.forEach((x, j) => expect(x).toBeCloseTo(i === j ? 1 : 0, 12)));
    v.loadings.forEach((row, i) =>
      expect(row.reduce((s, x) => s + x * x, 0)).toBeCloseTo(
        unrotated[i]!.reduce((s, x) => s + x * x, 0),
        12,
      ),
    );
  });

  it('oblimin: pattern × Φ × patternᵀ reproduces the unrotated common part; Φ has unit diagonal', () => {
    const o = oblimin(unrotated);
    expect(o.converged).toBe(true);
    const phi = o.phi!;
    phi.forEach((row, i) => expect(row[i]).toBeCloseTo(1, 12));
    const lp = matmul(o.loadings, phi);
    for (let i = 0; i < unrotated.length; i++) {
      for (let j = 0; j < unrotated.length; j++) {
        const a = lp[i]!.reduce((s, x, k) => s + x * o.loadings[j]![k]!, 0);
        const b = unrotated[i]!.reduce((s, x, k) => s + x * unrotated[j]![k]!, 0);
        expect(a).toBeCloseTo(b, 10);
      }
    }
    // rot.mat = t(solve(T)): loadings = unrotated × rot.mat
    const back = matmul(unrotated, o.rotMat);
    back.forEach((row, i) => row.forEach((x, j) => expect(x).toBeCloseTo(o.loadings[i]![j]!, 12)));
    // It lowers the quartimin criterion relative to the unrotated solution.
    expect(obliminCriterion(o.loadings).f).toBeLessThan(obliminCriterion(unrotated).f);
  });

  it('orientAndOrder flips negative columns and sorts by variance accounted for', () => {
    const L = [
      [-0.1, 0.2],
      [-0.2, 0.3],
      [-0.9, 0.1],
    ];
    const res = orientAndOrder(L, [
      [1, 0.5],
      [0.5, 1],
    ]);
    expect(res.signs).toEqual([-1, 1]);
    expect(res.order).toEqual([0, 1]);
    expect(res.loadings[2]![0]).toBeCloseTo(0.9, 15);
    expect(res.phi![0]![1]).toBeCloseTo(-0.5, 15);
    const swapped = orientAndOrder(
      L.map((r) => [r[1]!, r[0]!]),
      null,
    );
    expect(swapped.order).toEqual([1, 0]);
  });
});
