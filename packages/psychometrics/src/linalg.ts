/**
 * Small dense linear-algebra helpers on row-major `number[][]` matrices, with
 * R/psych semantics where psych relies on them (cov2cor, Pinv, smc).
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

/** R's `stats::cov2cor`: r_ij = c_ij / sqrt(c_ii c_jj), with an exact unit diagonal. */
export function covToCor(c: readonly (readonly number[])[]): number[][] {
  const inv = c.map((row, i) => 1 / Math.sqrt(row[i]!));
  return c.map((row, i) => row.map((v, j) => (i === j ? 1 : inv[i]! * v * inv[j]!)));
}

/** psych's `Pinv` tolerance: singular values below sqrt(machine eps) × largest are dropped. */
const PINV_TOL = Math.sqrt(2.220446049250313e-16);

/**
 * Moore–Penrose pseudo-inverse of a symmetric matrix (psych::Pinv), via the
 * eigen-decomposition: for symmetric A the singular values are |eigenvalues|,
 * so dropping small |λ| reproduces psych's SVD-based rule.
 */
export function pseudoInverseSymmetric(a: readonly (readonly number[])[]): number[][] {
  const p = a.length;
  const evd = new EigenvalueDecomposition(new Matrix(a.map((r) => [...r])), {
    assumeSymmetric: true,
  });
  const values = evd.realEigenvalues;
  const vectors = evd.eigenvectorMatrix.to2DArray();
  const maxAbs = Math.max(...values.map(Math.abs));
  const out: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let k = 0; k < p; k++) {
    const lambda = values[k]!;
    if (!(Math.abs(lambda) > PINV_TOL * maxAbs)) continue;
    const w = 1 / lambda;
    for (let i = 0; i < p; i++) {
      const vi = vectors[i]![k]! * w;
      if (vi === 0) continue;
      const row = out[i]!;
      for (let j = 0; j < p; j++) row[j]! += vi * vectors[j]![k]!;
    }
  }
  return out;
}

/**
 * Squared multiple correlations of each variable with all others, as psych::smc:
 * 1 − 1/diag(Pinv(R)) on the correlation matrix, with values above 1 set to 1
 * and below 0 set to 0. With `covariance = true` the input is a covariance
 * matrix and the result is rescaled by the variances (psych::smc(C, covar = TRUE)).
 *
 * @param m - a correlation (or covariance) matrix without missing entries.
 */
export function squaredMultipleCorrelations(
  m: readonly (readonly number[])[],
  covariance = false,
): number[] {
  const r = covToCor(m);
  const inv = pseudoInverseSymmetric(r);
  let smc = inv.map((row, i) => 1 - 1 / row[i]!);
  if (smc.every((v) => Number.isNaN(v))) smc = smc.map(() => 1);
  smc = smc.map((v) => (v > 1 ? 1 : v < 0 ? 0 : v));
  return covariance ? smc.map((v, i) => v * m[i]![i]!) : smc;
}

/** The submatrix with rows and columns `idx` (in that order). */
export function subMatrix(m: readonly (readonly number[])[], idx: readonly number[]): number[][] {
  return idx.map((i) => idx.map((j) => m[i]![j]!));
}

/** Sum of all entries. */
export function sumAll(m: readonly (readonly number[])[]): number {
  let s = 0;
  for (const row of m) for (const v of row) s += v;
  return s;
}

/** Trace (sum of the diagonal). */
export function trace(m: readonly (readonly number[])[]): number {
  let s = 0;
  for (let i = 0; i < m.length; i++) s += m[i]![i]!;
  return s;
}
