/**
 * Factor rotations as psych applies them: `stats::varimax` (Kaiser
 * normalisation, eps = 1e-5) and GPArotation's `oblimin` (gradient projection
 * `GPFoblq`, gamma = 0 i.e. quartimin, no normalisation, eps = 1e-5, started
 * at the identity), plus psych's post-processing (positive column sums,
 * factors ordered by variance accounted for).
 *
 * Both rotations stop on loose criteria, so their answers differ from the
 * exact optimum by up to ~1e-5 (oblimin) or ~1e-3 (varimax). To agree with
 * psych we therefore run the very same iterations from the same start, not
 * merely a rotation to the same criterion.
 */
import { Matrix, SingularValueDecomposition } from 'ml-matrix';
import { invertInto } from './dense-solve.ts';

/** A rotation's output. `rotMat` is what psych stores as `rot.mat`. */
export interface RotationResult {
  /** Rotated loadings (pattern matrix for oblique rotations), p×k. */
  loadings: number[][];
  /** Factor correlations (oblique) or null (orthogonal). */
  phi: number[][] | null;
  /** psych's rot.mat: varimax's rotmat, or t(solve(Th)) for GPArotation. */
  rotMat: number[][];
  /** Whether the iteration met its convergence criterion. */
  converged: boolean;
  /** Iterations used. */
  iterations: number;
}

/**
 * Varimax rotation exactly as R's `stats::varimax(x, normalize = TRUE, eps = 1e-5)`:
 * rows are scaled to unit length (Kaiser), then the rotation is updated by the
 * SVD of the criterion's gradient until the criterion improves by less than a
 * relative eps.
 *
 * @param x - p×k loadings (k ≥ 2; with k < 2 the input is returned unchanged).
 * @param options - `normalize` (default true) and `eps` (default 1e-5).
 */
export function varimax(
  x: readonly (readonly number[])[],
  options: { normalize?: boolean; eps?: number } = {},
): RotationResult {
  const normalize = options.normalize ?? true;
  const eps = options.eps ?? 1e-5;
  const p = x.length;
  const k = x[0]?.length ?? 0;
  if (k < 2) {
    return {
      loadings: x.map((r) => [...r]),
      phi: null,
      rotMat: [[1]],
      converged: true,
      iterations: 0,
    };
  }
  const sc = x.map((row) => (normalize ? Math.sqrt(row.reduce((a, v) => a + v * v, 0)) : 1));
  const xs = x.map((row, i) => row.map((v) => v / sc[i]!));
  let TT: number[][] = identity(k);
  let d = 0;
  let iterations = 0;
  let converged = false;
  const z = Array.from({ length: p }, () => new Array<number>(k).fill(0));
  for (let it = 1; it <= 1000; it++) {
    iterations = it;
    multiplyInto(xs, TT, z);
    // B = xᵀ (z³ − z diag(colSums(z²)) / p)
    const colSq = new Array<number>(k).fill(0);
    for (let i = 0; i < p; i++) for (let j = 0; j < k; j++) colSq[j]! += z[i]![j]! * z[i]![j]!;
    const B = Matrix.zeros(k, k);
    for (let i = 0; i < p; i++) {
      const zi = z[i]!;
      const xi = xs[i]!;
      for (let j = 0; j < k; j++) {
        const t = zi[j]! * zi[j]! * zi[j]! - (zi[j]! * colSq[j]!) / p;
        for (let a = 0; a < k; a++) B.set(a, j, B.get(a, j) + xi[a]! * t);
      }
    }
    const svd = new SingularValueDecomposition(B);
    const U = svd.leftSingularVectors;
    const V = svd.rightSingularVectors;
    TT = U.mmul(V.transpose()).to2DArray();
    const dpast = d;
    d = svd.diagonal.reduce((a, v) => a + v, 0);
    if (d < dpast * (1 + eps)) {
      converged = true;
      break;
    }
  }
  multiplyInto(xs, TT, z);
  const loadings = z.map((row, i) => row.map((v) => v * sc[i]!));
  return { loadings, phi: null, rotMat: TT, converged, iterations };
}

/** Options of {@link oblimin}. */
export interface ObliminOptions {
  /** Oblimin gamma (0 = quartimin, psych's default through GPArotation). */
  gamma?: number;
  /** Convergence threshold on the projected gradient's norm (GPArotation default 1e-5). */
  eps?: number;
  /** Maximum iterations (GPArotation default 1000). */
  maxit?: number;
}

/**
 * Direct oblimin rotation by GPArotation's gradient projection algorithm
 * (`GPFoblq` with `vgQ.oblimin`), started at the identity and without
 * row normalisation — what `psych::fa(rotate = "oblimin")` runs.
 *
 * @param a - p×k unrotated loadings (k ≥ 2).
 * @param options - gamma, eps, maxit.
 * @returns pattern loadings, Phi = TᵀT, and rot.mat = t(solve(T)).
 */
export function oblimin(
  a: readonly (readonly number[])[],
  options: ObliminOptions = {},
): RotationResult {
  const gamma = options.gamma ?? 0;
  const eps = options.eps ?? 1e-5;
  const maxit = options.maxit ?? 1000;
  const p = a.length;
  const k = a[0]?.length ?? 0;
  if (k < 2) throw new Error('rotation does not make sense for single factor models.');
  // Flat row-major work arrays: this loop runs hundreds of trial rotations.
  const A = new Float64Array(p * k);
  for (let i = 0; i < p; i++) for (let j = 0; j < k; j++) A[i * k + j] = a[i]![j]!;
  let T = new Float64Array(k * k);
  for (let j = 0; j < k; j++) T[j * k + j] = 1;
  let Tt = new Float64Array(k * k);
  let Tinv = new Float64Array(k * k);
  let TtInv = new Float64Array(k * k);
  let L = new Float64Array(p * k);
  let Lt = new Float64Array(p * k);
  let Gq = new Float64Array(p * k);
  let Gqt = new Float64Array(p * k);
  const G = new Float64Array(k * k);
  const Gp = new Float64Array(k * k);
  const X = new Float64Array(k * k);
  const LtGq = new Float64Array(k * k);
  const invWork = new Float64Array(2 * k * k);

  invertSmall(T, k, Tinv, invWork);
  rotateLoadings(A, Tinv, p, k, L);
  let f = obliminGradient(L, p, k, gamma, Gq);
  projectionGradient(L, Gq, Tinv, p, k, LtGq, G);
  let s = 0;
  let converged = false;
  let iterations = 0;
  let al = 1;
  for (let iter = 0; iter <= maxit; iter++) {
    iterations = iter;
    // Gp = G − T diag(colSums(T ∘ G)), s = ‖Gp‖
    let ss = 0;
    for (let j = 0; j < k; j++) {
      let c = 0;
      for (let i = 0; i < k; i++) c += T[i * k + j]! * G[i * k + j]!;
      for (let i = 0; i < k; i++) {
        const v = G[i * k + j]! - T[i * k + j]! * c;
        Gp[i * k + j] = v;
        ss += v * v;
      }
    }
    s = Math.sqrt(ss);
    if (s < eps) {
      converged = true;
      break;
    }
    al *= 2;
    let ft = f;
    for (let trial = 0; trial <= 10; trial++) {
      // X = T − al·Gp, columns scaled to unit length.
      for (let i = 0; i < k * k; i++) X[i] = T[i]! - al * Gp[i]!;
      for (let c = 0; c < k; c++) {
        let norm = 0;
        for (let r = 0; r < k; r++) norm += X[r * k + c]! * X[r * k + c]!;
        const v = 1 / Math.sqrt(norm);
        for (let r = 0; r < k; r++) Tt[r * k + c] = X[r * k + c]! * v;
      }
      invertSmall(Tt, k, TtInv, invWork);
      rotateLoadings(A, TtInv, p, k, Lt);
      ft = obliminGradient(Lt, p, k, gamma, Gqt);
      if (f - ft > 0.5 * s * s * al) break;
      al /= 2;
    }
    // Accept the last trial (GPArotation does so even when no trial improved enough).
    [T, Tt] = [Tt, T];
    [Tinv, TtInv] = [TtInv, Tinv];
    [L, Lt] = [Lt, L];
    [Gq, Gqt] = [Gqt, Gq];
    f = ft;
    projectionGradient(L, Gq, Tinv, p, k, LtGq, G);
  }
  const loadings = Array.from({ length: p }, (_, i) => Array.from(L.subarray(i * k, (i + 1) * k)));
  const phi: number[][] = Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => {
      let v = 0;
      for (let r = 0; r < k; r++) v += T[r * k + i]! * T[r * k + j]!;
      return v;
    }),
  );
  invertSmall(T, k, Tinv, invWork);
  const rotMat = Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => Tinv[j * k + i]!),
  );
  return { loadings, phi, rotMat, converged, iterations };
}

// k×k inverse (Gauss–Jordan); a singular T means the rotation broke down.
function invertSmall(t: Float64Array, k: number, out: Float64Array, work: Float64Array): void {
  if (!invertInto(t, k, out, work))
    throw new Error('oblimin: the transformation matrix became singular.');
}

// L = A (T⁻¹)ᵀ, i.e. L[i][j] = Σ_m A[i][m] T⁻¹[j][m].
function rotateLoadings(
  A: Float64Array,
  tInv: Float64Array,
  p: number,
  k: number,
  L: Float64Array,
): void {
  for (let i = 0; i < p; i++) {
    const ai = i * k;
    for (let j = 0; j < k; j++) {
      const tj = j * k;
      let v = 0;
      for (let m = 0; m < k; m++) v += A[ai + m]! * tInv[tj + m]!;
      L[ai + j] = v;
    }
  }
}

// G = −(Lᵀ Gq T⁻¹)ᵀ
function projectionGradient(
  L: Float64Array,
  Gq: Float64Array,
  tInv: Float64Array,
  p: number,
  k: number,
  LtGq: Float64Array,
  G: Float64Array,
): void {
  LtGq.fill(0);
  for (let i = 0; i < p; i++) {
    const off = i * k;
    for (let a = 0; a < k; a++) {
      const la = L[off + a]!;
      for (let b = 0; b < k; b++) LtGq[a * k + b] = LtGq[a * k + b]! + la * Gq[off + b]!;
    }
  }
  for (let a = 0; a < k; a++) {
    for (let c = 0; c < k; c++) {
      let v = 0;
      for (let b = 0; b < k; b++) v += LtGq[a * k + b]! * tInv[b * k + c]!;
      G[c * k + a] = -v;
    }
  }
}

// vgQ.oblimin on flat loadings: writes Gq = L ∘ X and returns f = Σ L² ∘ X / 4,
// X = L² (1 − I) (centred by gamma/p over rows when gamma ≠ 0).
function obliminGradient(
  L: Float64Array,
  p: number,
  k: number,
  gamma: number,
  Gq: Float64Array,
): number {
  let f = 0;
  if (gamma === 0) {
    for (let i = 0; i < p; i++) {
      const off = i * k;
      let tot = 0;
      for (let j = 0; j < k; j++) tot += L[off + j]! * L[off + j]!;
      for (let j = 0; j < k; j++) {
        const l = L[off + j]!;
        const x = tot - l * l;
        Gq[off + j] = l * x;
        f += l * l * x;
      }
    }
    return f / 4;
  }
  const rows: number[][] = Array.from({ length: p }, (_, i) =>
    Array.from(L.subarray(i * k, (i + 1) * k)),
  );
  const q = obliminCriterion(rows, gamma);
  for (let i = 0; i < p; i++) for (let j = 0; j < k; j++) Gq[i * k + j] = q.gq[i]![j]!;
  return q.f;
}

/** GPArotation's vgQ.oblimin: criterion f and its gradient Gq at loadings L. */
export function obliminCriterion(
  L: readonly (readonly number[])[],
  gamma = 0,
): { f: number; gq: number[][] } {
  const p = L.length;
  const k = L[0]?.length ?? 0;
  // X = L² (1 − I): for each cell the sum of the row's other squared loadings.
  let X = L.map((row) => {
    const sq = row.map((v) => v * v);
    const tot = sq.reduce((a, b) => a + b, 0);
    return sq.map((v) => tot - v);
  });
  if (gamma !== 0) {
    // (I − gamma/p 11ᵀ) X: subtract gamma × column means.
    const colMeans = new Array<number>(k).fill(0);
    for (const row of X) for (let j = 0; j < k; j++) colMeans[j]! += row[j]! / p;
    X = X.map((row) => row.map((v, j) => v - gamma * colMeans[j]!));
  }
  let f = 0;
  const gq = L.map((row, i) =>
    row.map((v, j) => {
      f += v * v * X[i]![j]!;
      return v * X[i]![j]!;
    }),
  );
  return { f: f / 4, gq };
}

/**
 * psych's post-processing of a rotated solution: flip each factor so its
 * loadings sum to a positive number (Phi flipped alike), then order factors by
 * variance accounted for, diag(Φ LᵀL) (or colSums(L²) when orthogonal),
 * largest first (ties keep their order).
 *
 * @returns the oriented loadings and Phi, and `order[j]` = the input column now at position j.
 */
export function orientAndOrder(
  loadings: readonly (readonly number[])[],
  phi: readonly (readonly number[])[] | null,
): { loadings: number[][]; phi: number[][] | null; order: number[]; signs: number[] } {
  const k = loadings[0]?.length ?? 0;
  const signs = new Array<number>(k).fill(1);
  for (let j = 0; j < k; j++) {
    let s = 0;
    for (const row of loadings) s += row[j]!;
    signs[j] = s < 0 ? -1 : 1;
  }
  const L = loadings.map((row) => row.map((v, j) => v * signs[j]!));
  const P = phi === null ? null : phi.map((row, i) => row.map((v, j) => v * signs[i]! * signs[j]!));
  let order = Array.from({ length: k }, (_, j) => j);
  if (k > 1) {
    const ltl = matmul(transpose(L), L);
    const ev = order.map((j) => {
      if (P === null) return ltl[j]![j]!;
      let s = 0;
      for (let m = 0; m < k; m++) s += P[j]![m]! * ltl[m]![j]!;
      return s;
    });
    order = order.sort((x, y) => ev[y]! - ev[x]! || x - y);
  }
  return {
    loadings: L.map((row) => order.map((j) => row[j]!)),
    phi: P === null ? null : order.map((i) => order.map((j) => P[i]![j]!)),
    order,
    signs,
  };
}

function identity(k: number): number[][] {
  return Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => (i === j ? 1 : 0)),
  );
}

function multiplyInto(
  a: readonly (readonly number[])[],
  b: readonly (readonly number[])[],
  out: number[][],
): void {
  const k = b.length;
  const m = b[0]!.length;
  for (let i = 0; i < a.length; i++) {
    const ai = a[i]!;
    const oi = out[i]!;
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let q = 0; q < k; q++) s += ai[q]! * b[q]![j]!;
      oi[j] = s;
    }
  }
}

function matmul(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number[][] {
  const out = Array.from({ length: a.length }, () => new Array<number>(b[0]!.length).fill(0));
  multiplyInto(a, b, out);
  return out;
}

function transpose(a: readonly (readonly number[])[]): number[][] {
  const n = a.length;
  const m = a[0]?.length ?? 0;
  const out: number[][] = Array.from({ length: m }, () => new Array<number>(n));
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) out[j]![i] = a[i]![j]!;
  return out;
}
