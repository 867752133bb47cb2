/**
 * Small dense solvers on flat Float64Arrays for the hot loops of factor
 * analysis: Cholesky factorisation/solves for symmetric positive definite
 * matrices and a Gauss–Jordan inverse for the k×k rotation matrices.
 *
 * Why not ml-matrix here: its decompositions go through Matrix.get/set per
 * element and allocate Matrix objects per call — ~1 ms for a 60×60 Cholesky,
 * ~30 µs for an 8×8 inverse. fa needs a Cholesky per optimiser iteration
 * (L-BFGS-B's subspace step) and several in the fit statistics, and oblimin
 * inverts its k×k transformation on every trial step (hundreds per fit);
 * through ml-matrix that alone would eat the "≥3× faster than R" budget.
 * These are the textbook algorithms (Cholesky–Banachiewicz; Gauss–Jordan
 * with partial pivoting). ml-matrix's LU remains the fallback for general
 * (non-positive-definite) systems.
 */
import { LuDecomposition, Matrix } from 'ml-matrix';

/**
 * Cholesky factor (lower, row-major flat) and log-determinant of a symmetric
 * matrix, or null when it is not safely positive definite (a pivot below
 * 1e-10 of the largest diagonal element — far above where psych's
 * eigenvalue < machine-epsilon test would fire, so callers then fall back to
 * psych's exact test).
 */
export function choleskyLogDet(
  a: readonly (readonly number[])[],
): { factor: Float64Array; logDet: number } | null {
  const n = a.length;
  const L = new Float64Array(n * n);
  let maxDiag = 0;
  for (let i = 0; i < n; i++) maxDiag = Math.max(maxDiag, Math.abs(a[i]![i]!));
  let logDet = 0;
  for (let j = 0; j < n; j++) {
    let s = a[j]![j]!;
    const rowJ = j * n;
    for (let k = 0; k < j; k++) s -= L[rowJ + k]! * L[rowJ + k]!;
    if (!(s > 1e-10 * maxDiag)) return null;
    const ljj = Math.sqrt(s);
    L[rowJ + j] = ljj;
    logDet += 2 * Math.log(ljj);
    for (let i = j + 1; i < n; i++) {
      const rowI = i * n;
      let t = a[i]![j]!;
      for (let k = 0; k < j; k++) t -= L[rowI + k]! * L[rowJ + k]!;
      L[rowI + j] = t / ljj;
    }
  }
  return { factor: L, logDet };
}

/**
 * Solves A X = B for symmetric A: by Cholesky when A is positive definite,
 * else by LU; null when A is singular (where R's `solve` fails).
 */
export function solveSymmetricOrNull(
  a: readonly (readonly number[])[],
  b: readonly (readonly number[])[],
): number[][] | null {
  const chol = choleskyLogDet(a);
  if (chol !== null) return choleskySolve(chol.factor, a.length, b);
  return luSolveOrNull(a, b);
}

/** Solves (L Lᵀ) X = B for the factor L (n×n, row-major) of {@link choleskyLogDet}. */
export function choleskySolve(
  L: Float64Array,
  n: number,
  b: readonly (readonly number[])[],
): number[][] {
  const m = b[0]?.length ?? 0;
  // Work column-major so each right-hand side is one contiguous vector.
  const x = new Float64Array(n * m);
  for (let i = 0; i < n; i++) for (let c = 0; c < m; c++) x[c * n + i] = b[i]![c]!;
  const col = new Float64Array(n);
  for (let c = 0; c < m; c++) {
    col.set(x.subarray(c * n, (c + 1) * n));
    choleskySolveVectorInPlace(L, n, col);
    x.set(col, c * n);
  }
  const out: number[][] = Array.from({ length: n }, () => new Array<number>(m));
  for (let i = 0; i < n; i++) for (let c = 0; c < m; c++) out[i]![c] = x[c * n + i]!;
  return out;
}

/**
 * Solves A X = B by LU with partial pivoting (ml-matrix), or returns null
 * when A is numerically singular (where R's `solve` fails: reciprocal pivot
 * ratio below machine epsilon).
 */
export function luSolveOrNull(
  a: readonly (readonly number[])[],
  b: readonly (readonly number[])[],
): number[][] | null {
  const lu = new LuDecomposition(new Matrix(a.map((r) => [...r])));
  if (lu.isSingular()) return null;
  const u = lu.upperTriangularMatrix;
  let maxU = 0;
  let minU = Infinity;
  for (let i = 0; i < a.length; i++) {
    const v = Math.abs(u.get(i, i));
    maxU = Math.max(maxU, v);
    minU = Math.min(minU, v);
  }
  if (minU <= 2.220446049250313e-16 * maxU) return null;
  return lu.solve(new Matrix(b.map((r) => [...r]))).to2DArray();
}

/**
 * In-place Cholesky of a flat n×n symmetric matrix (lower triangle read,
 * factor written to the lower triangle). Returns false when a pivot is not
 * positive (the matrix is not positive definite).
 */
export function choleskyInPlace(a: Float64Array, n: number): boolean {
  for (let j = 0; j < n; j++) {
    const rowJ = j * n;
    let s = a[rowJ + j]!;
    for (let k = 0; k < j; k++) s -= a[rowJ + k]! * a[rowJ + k]!;
    if (!(s > 0)) return false;
    const ljj = Math.sqrt(s);
    a[rowJ + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      const rowI = i * n;
      let t = a[rowI + j]!;
      for (let k = 0; k < j; k++) t -= a[rowI + k]! * a[rowJ + k]!;
      a[rowI + j] = t / ljj;
    }
  }
  return true;
}

/** Solves (L Lᵀ) x = b in place for a factor from {@link choleskyInPlace}. */
export function choleskySolveVectorInPlace(L: Float64Array, n: number, b: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= L[i * n + k]! * b[k]!;
    b[i] = s / L[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let k = i + 1; k < n; k++) s -= L[k * n + i]! * b[k]!;
    b[i] = s / L[i * n + i]!;
  }
}

/**
 * Inverts the n×n matrix `a` (flat, row-major) into `out` by Gauss–Jordan
 * elimination with partial pivoting. Returns false when a pivot vanishes
 * (singular matrix). `work` must hold 2n² numbers (reused across calls).
 */
export function invertInto(
  a: Float64Array,
  n: number,
  out: Float64Array,
  work: Float64Array,
): boolean {
  const w = 2 * n;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      work[i * w + j] = a[i * n + j]!;
      work[i * w + n + j] = i === j ? 1 : 0;
    }
  }
  for (let c = 0; c < n; c++) {
    let piv = c;
    let best = Math.abs(work[c * w + c]!);
    for (let r = c + 1; r < n; r++) {
      const v = Math.abs(work[r * w + c]!);
      if (v > best) {
        best = v;
        piv = r;
      }
    }
    if (best === 0) return false;
    if (piv !== c) {
      for (let j = 0; j < w; j++) {
        const t = work[c * w + j]!;
        work[c * w + j] = work[piv * w + j]!;
        work[piv * w + j] = t;
      }
    }
    const inv = 1 / work[c * w + c]!;
    for (let j = 0; j < w; j++) work[c * w + j] = work[c * w + j]! * inv;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = work[r * w + c]!;
      if (f === 0) continue;
      for (let j = 0; j < w; j++) work[r * w + j] = work[r * w + j]! - f * work[c * w + j]!;
    }
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i * n + j] = work[i * w + n + j]!;
  return true;
}
