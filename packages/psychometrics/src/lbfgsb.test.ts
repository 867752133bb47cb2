import { describe, expect, it } from 'vitest';
import { minimizeLbfgsb } from './lbfgsb.ts';

describe('minimizeLbfgsb', () => {
  it('solves a bound-constrained convex quadratic exactly (KKT point known)', () => {
    // f = ½ xᵀAx − bᵀx with A = diag(1..6) + 0.1 off-diagonal coupling; bounds [0, 1].
    const n = 6;
    const A = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (i === j ? i + 1 : 0.1)),
    );
    const b = [3, -2, 1, 10, 0.5, -1];
    const fg = (x: Float64Array, g: Float64Array): number => {
      let f = 0;
      for (let i = 0; i < n; i++) {
        let ax = 0;
        for (let j = 0; j < n; j++) ax += A[i]![j]! * x[j]!;
        g[i] = ax - b[i]!;
        f += 0.5 * x[i]! * ax - b[i]! * x[i]!;
      }
      return f;
    };
    const res = minimizeLbfgsb(
      fg,
      new Array(n).fill(0.5),
      new Array(n).fill(0),
      new Array(n).fill(1),
      {
        factr: 10,
        pgtol: 1e-12,
      },
    );
    expect(res.converged).toBe(true);
    // KKT: free variables have zero gradient, active ones point outward.
    const g = new Float64Array(n);
    fg(res.x, g);
    for (let i = 0; i < n; i++) {
      const x = res.x[i]!;
      if (x <= 1e-12) expect(g[i]!).toBeGreaterThan(-1e-8);
      else if (x >= 1 - 1e-12) expect(g[i]!).toBeLessThan(1e-8);
      else expect(Math.abs(g[i]!)).toBeLessThan(1e-8);
    }
    // x2 and x6 want to go negative, x1 and x4 exceed their upper bound.
    expect(res.x[1]).toBe(0);
    expect(res.x[5]).toBe(0);
    expect(res.x[0]).toBe(1);
    expect(res.x[3]).toBe(1);
  });

  it("minimises the Rosenbrock function with R optim's default tolerance", () => {
    const fg = (x: Float64Array, g: Float64Array): number => {
      let f = 0;
      g.fill(0);
      for (let i = 0; i < x.length - 1; i++) {
        const a = x[i + 1]! - x[i]! * x[i]!;
        const c = 1 - x[i]!;
        f += 100 * a * a + c * c;
        g[i] = g[i]! - 400 * x[i]! * a - 2 * c;
        g[i + 1] = g[i + 1]! + 200 * a;
      }
      return f;
    };
    const res = minimizeLbfgsb(fg, [-1.2, 1, -0.5, 0.3], [-2, -2, -2, -2], [2, 2, 2, 2]);
    expect(res.message).toMatch(/CONVERGENCE/);
    expect(res.value).toBeLessThan(1e-8);
    for (const v of res.x) expect(v).toBeCloseTo(1, 3);
  });

  it('projects an infeasible start and reports a non-finite objective', () => {
    const res = minimizeLbfgsb(
      (x, g) => {
        g[0] = 2 * (x[0]! - 5);
        return (x[0]! - 5) ** 2;
      },
      [10],
      [0],
      [3],
    );
    expect(res.x[0]).toBe(3);
    expect(() =>
      minimizeLbfgsb(
        (_x, g) => {
          g[0] = 1;
          return NaN;
        },
        [0],
        [-1],
        [1],
      ),
    ).toThrow(/finite/);
  });
});
