import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { SeededRandom } from './random.ts';
import { SymmetricEigen, symmetricEigen } from './symmetric-eigen.ts';

function randomSymmetric(n: number, seed: number): Float64Array {
  const rng = new SeededRandom(seed);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const v = rng.normal();
      a[i * n + j] = v;
      a[j * n + i] = v;
    }
  }
  return a;
}

describe('SymmetricEigen', () => {
  for (const n of [1, 2, 5, 25, 60]) {
    it(`agrees with ml-matrix and satisfies A v = λ v (n = ${n})`, () => {
      const a = randomSymmetric(n, n);
      const ref = new EigenvalueDecomposition(
        new Matrix(Array.from({ length: n }, (_, i) => Array.from(a.subarray(i * n, (i + 1) * n)))),
        { assumeSymmetric: true },
      );
      const refValues = [...ref.realEigenvalues].reverse();
      const solver = new SymmetricEigen(n);
      for (const want of [true, false, Math.min(3, n)] as const) {
        const { values, vectors } = solver.decompose(a, want);
        values.forEach((v, k) => expect(v).toBeCloseTo(refValues[k]!, 12));
        const count = want === true ? n : want === false ? 0 : want;
        for (let k = 0; k < count; k++) {
          let norm = 0;
          for (let i = 0; i < n; i++) {
            let av = 0;
            for (let j = 0; j < n; j++) av += a[i * n + j]! * vectors[j * n + k]!;
            expect(av).toBeCloseTo(values[k]! * vectors[i * n + k]!, 11);
            norm += vectors[i * n + k]! ** 2;
          }
          expect(norm).toBeCloseTo(1, 12);
        }
      }
    });
  }

  it('eigenvectors are orthonormal and values descending', () => {
    const { values, vectors } = symmetricEigen([
      [4, 1, 0.5],
      [1, 3, 0.2],
      [0.5, 0.2, 1],
    ]);
    for (let k = 1; k < 3; k++) expect(values[k]!).toBeLessThanOrEqual(values[k - 1]!);
    for (let a = 0; a < 3; a++) {
      for (let b = 0; b < 3; b++) {
        const d = vectors.reduce((s, row) => s + row[a]! * row[b]!, 0);
        expect(d).toBeCloseTo(a === b ? 1 : 0, 14);
      }
    }
  });

  it('handles repeated eigenvalues and a diagonal matrix', () => {
    const { values } = symmetricEigen([
      [2, 0, 0],
      [0, 5, 0],
      [0, 0, 2],
    ]);
    expect(values).toEqual([5, 2, 2]);
  });
});
