import { describe, expect, it } from 'vitest';
import { choleskyLogDet, invertInto, luSolveOrNull, solveSymmetricOrNull } from './dense-solve.ts';

const spd = [
  [4, 2, 0.6],
  [2, 3, 0.4],
  [0.6, 0.4, 2],
];

describe('dense solvers', () => {
  it('Cholesky log-determinant and solve match the definitions', () => {
    const c = choleskyLogDet(spd)!;
    // det by cofactor expansion
    const det = 4 * (3 * 2 - 0.4 * 0.4) - 2 * (2 * 2 - 0.4 * 0.6) + 0.6 * (2 * 0.4 - 3 * 0.6);
    expect(c.logDet).toBeCloseTo(Math.log(det), 13);
    const x = solveSymmetricOrNull(spd, [[1], [2], [3]])!;
    spd.forEach((row, i) =>
      expect(row.reduce((s, v, j) => s + v * x[j]![0]!, 0)).toBeCloseTo([1, 2, 3][i]!, 13),
    );
  });

  it('refuses non-positive-definite and singular matrices', () => {
    expect(
      choleskyLogDet([
        [1, 2],
        [2, 1],
      ]),
    ).toBeNull();
    expect(
      luSolveOrNull(
        [
          [1, 2],
          [2, 4],
        ],
        [[1], [1]],
      ),
    ).toBeNull();
    // Indefinite but regular: LU fallback.
    const x = solveSymmetricOrNull(
      [
        [1, 2],
        [2, 1],
      ],
      [[3], [3]],
    )!;
    expect(x[0]![0]).toBeCloseTo(1, 14);
    expect(x[1]![0]).toBeCloseTo(1, 14);
  });

  it('Gauss–Jordan inverse', () => {
    const a = Float64Array.from([0, 2, 1, 1, 1, 0, 3, 0, 1]);
    const inv = new Float64Array(9);
    expect(invertInto(a, 3, inv, new Float64Array(18))).toBe(true);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += a[i * 3 + k]! * inv[k * 3 + j]!;
        expect(s).toBeCloseTo(i === j ? 1 : 0, 14);
      }
    }
    expect(
      invertInto(Float64Array.from([1, 2, 2, 4]), 2, new Float64Array(4), new Float64Array(8)),
    ).toBe(false);
  });
});
