/**
 * Eigen-decomposition of a real symmetric matrix on flat Float64Arrays, for
 * the hot loops of factor analysis.
 *
 * Why not ml-matrix here: every objective/gradient evaluation of psych's
 * minres and ML fits is one full p×p eigen-decomposition, and a fit takes
 * tens of evaluations (fa.parallel hundreds). ml-matrix's
 * `EigenvalueDecomposition` goes through `Matrix.get/set` for every element
 * and takes ~4 ms for p = 60, about five times LAPACK's time in R — too slow
 * for the "≥3× faster than R" target. This is the same classical algorithm
 * (Householder reduction to tridiagonal form, then the implicit QL iteration
 * with Wilkinson shifts — EISPACK's tred2/tql2, as in JAMA and ml-matrix)
 * written against typed arrays with reusable work buffers. On top of that it
 * can return only the leading k eigenvectors: the QL rotations are recorded
 * and replayed on k unit vectors, and the Householder reflectors applied to
 * those k vectors only, instead of accumulating all n² entries — the fit
 * objective needs just nfactors of them. Eigenvalues come out identical to
 * ml-matrix's (same arithmetic); `symmetric-eigen.test.ts` checks both.
 * Everything else (SVD, LU) still uses ml-matrix.
 */

/** Result of {@link SymmetricEigen.decompose}. Arrays are owned by the solver and reused. */
export interface EigenResult {
  /** Eigenvalues, largest first. */
  values: Float64Array;
  /**
   * Eigenvectors, row-major n×n: `vectors[i * n + k]` is element i of the k-th
   * eigenvector (matching `values[k]`). Only filled when vectors were requested.
   */
  vectors: Float64Array;
}

/**
 * Reusable symmetric eigen-solver for n×n matrices. One instance holds all
 * work memory, so repeated decompositions (an optimiser's evaluations)
 * allocate nothing. Not re-entrant: results are overwritten by the next call.
 */
export class SymmetricEigen {
  readonly n: number;
  // W holds V transposed (W[c * n + r] = V[r][c]) so that the column sweeps of
  // the QL rotations and Householder updates run over contiguous memory.
  private readonly w: Float64Array;
  private readonly d: Float64Array;
  private readonly e: Float64Array;
  private readonly outValues: Float64Array;
  private readonly outVectors: Float64Array;
  private readonly order: Int32Array;
  // Givens rotations of the QL sweep, recorded when only some eigenvectors
  // are wanted (see decompose): position i, cosine, sine.
  private rotI: Int32Array;
  private rotC: Float64Array;
  private rotS: Float64Array;
  private nRot = 0;
  private readonly x: Float64Array;
  // Householder scalars h of the reduction (the reflectors are I − u uᵀ/h with
  // u stored in w), kept when the basis Q is not accumulated explicitly.
  private readonly hh: Float64Array;
  // p×k block of the wanted eigenvectors while they are being assembled.
  private block: Float64Array = new Float64Array(0);

  /** @param n - matrix order (≥ 1). */
  constructor(n: number) {
    this.n = n;
    this.w = new Float64Array(n * n);
    this.d = new Float64Array(n);
    this.e = new Float64Array(n);
    this.outValues = new Float64Array(n);
    this.outVectors = new Float64Array(n * n);
    this.order = new Int32Array(n);
    const cap = 4 * n * n + 16;
    this.rotI = new Int32Array(cap);
    this.rotC = new Float64Array(cap);
    this.rotS = new Float64Array(cap);
    this.x = new Float64Array(n);
    this.hh = new Float64Array(n);
  }

  /**
   * Decomposes the symmetric matrix `a` (row-major n×n; only symmetry is
   * assumed, the lower triangle is read).
   *
   * @param a - the matrix; not modified.
   * @param wantVectors - `true` (default): all eigenvectors; `false`: none;
   *   a number k: only the eigenvectors of the k largest eigenvalues. With
   *   fewer than all vectors the QL rotations are recorded instead of being
   *   applied to every column, and then replayed for the wanted vectors only,
   *   which is several times cheaper when k is small (the factor-analysis
   *   objective needs only the leading nfactors vectors).
   * @returns eigenvalues (descending) and the requested eigenvectors (columns
   *   0..k−1 of `vectors`); both arrays belong to this solver and are
   *   overwritten by the next call.
   */
  decompose(a: ArrayLike<number>, wantVectors: boolean | number = true): EigenResult {
    const n = this.n;
    const w = this.w;
    const count =
      wantVectors === true ? n : wantVectors === false ? 0 : Math.max(0, Math.min(n, wantVectors));
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) w[c * n + r] = a[r * n + c]!;
    }
    const full = count === n;
    this.tridiagonalize(full);
    this.ql(full, count > 0 && !full);
    // Sort descending (psych/R report eigenvalues largest first).
    const d = this.d;
    const order = this.order;
    for (let i = 0; i < n; i++) order[i] = i;
    // Insertion sort: n is small and QL output is nearly sorted (ascending).
    for (let i = 1; i < n; i++) {
      const oi = order[i]!;
      const v = d[oi]!;
      let j = i - 1;
      while (j >= 0 && d[order[j]!]! < v) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = oi;
    }
    const values = this.outValues;
    const vectors = this.outVectors;
    for (let k = 0; k < n; k++) values[k] = d[order[k]!]!;
    if (full) {
      for (let k = 0; k < n; k++) {
        const off = order[k]! * n;
        for (let i = 0; i < n; i++) vectors[i * n + k] = w[off + i]!;
      }
    } else if (count > 0) {
      // Eigenvector of QL position j = Q·G₁⋯G_m·e_j: replay the recorded
      // rotations backwards on e_j, then apply the Householder basis
      // Q = P_{n−1}⋯P₁, P_m = I − u_m u_mᵀ/h_m with u_m = V[0..m−1][m] (in w).
      // All k vectors are carried together in a p×k block X (X[i·k + v]), so
      // each recorded rotation and each reflector is read once.
      const k = count;
      const X = this.block.length >= n * k ? this.block : (this.block = new Float64Array(n * k));
      X.fill(0, 0, n * k);
      for (let v = 0; v < k; v++) X[order[v]! * k + v] = 1;
      const hh = this.hh;
      const { rotI, rotC, rotS } = this;
      for (let q = this.nRot - 1; q >= 0; q--) {
        const oi = rotI[q]! * k;
        const oi1 = oi + k;
        const c = rotC[q]!;
        const s = rotS[q]!;
        for (let v = 0; v < k; v++) {
          const xi = X[oi + v]!;
          const xi1 = X[oi1 + v]!;
          X[oi + v] = c * xi + s * xi1;
          X[oi1 + v] = c * xi1 - s * xi;
        }
      }
      const g = this.x;
      for (let m = 1; m < n; m++) {
        const h = hh[m]!;
        if (h === 0) continue;
        const off = m * n;
        g.fill(0, 0, k);
        for (let q = 0; q < m; q++) {
          const u = w[off + q]!;
          if (u === 0) continue;
          const oq = q * k;
          for (let v = 0; v < k; v++) g[v] = g[v]! + u * X[oq + v]!;
        }
        for (let v = 0; v < k; v++) g[v] = g[v]! / h;
        for (let q = 0; q < m; q++) {
          const u = w[off + q]!;
          if (u === 0) continue;
          const oq = q * k;
          for (let v = 0; v < k; v++) X[oq + v] = X[oq + v]! - g[v]! * u;
        }
      }
      for (let i = 0; i < n; i++) for (let v = 0; v < k; v++) vectors[i * n + v] = X[i * k + v]!;
    }
    return { values, vectors };
  }

  // Householder reduction to tridiagonal form (EISPACK tred2), accumulating
  // the orthogonal transformation in W. On exit d holds the diagonal and e the
  // sub-diagonal (e[0] = 0).
  private tridiagonalize(accumulate: boolean): void {
    const n = this.n;
    const w = this.w;
    const d = this.d;
    const e = this.e;
    // V[r][c] is w[c * n + r].
    for (let j = 0; j < n; j++) d[j] = w[j * n + (n - 1)]!;
    for (let i = n - 1; i > 0; i--) {
      let scale = 0;
      let h = 0;
      for (let k = 0; k < i; k++) scale += Math.abs(d[k]!);
      if (scale === 0) {
        e[i] = d[i - 1]!;
        for (let j = 0; j < i; j++) {
          d[j] = w[j * n + (i - 1)]!;
          w[j * n + i] = 0;
          w[i * n + j] = 0;
        }
      } else {
        for (let k = 0; k < i; k++) {
          d[k] = d[k]! / scale;
          h += d[k]! * d[k]!;
        }
        let f = d[i - 1]!;
        let g = Math.sqrt(h);
        if (f > 0) g = -g;
        e[i] = scale * g;
        h -= f * g;
        d[i - 1] = f - g;
        for (let j = 0; j < i; j++) e[j] = 0;
        for (let j = 0; j < i; j++) {
          f = d[j]!;
          w[i * n + j] = f; // V[j][i] = f
          const colJ = j * n;
          g = e[j]! + w[colJ + j]! * f;
          for (let k = j + 1; k <= i - 1; k++) {
            const vkj = w[colJ + k]!; // V[k][j]
            g += vkj * d[k]!;
            e[k] = e[k]! + vkj * f;
          }
          e[j] = g;
        }
        f = 0;
        for (let j = 0; j < i; j++) {
          e[j] = e[j]! / h;
          f += e[j]! * d[j]!;
        }
        const hh = f / (h + h);
        for (let j = 0; j < i; j++) e[j] = e[j]! - hh * d[j]!;
        for (let j = 0; j < i; j++) {
          f = d[j]!;
          g = e[j]!;
          const colJ = j * n;
          for (let k = j; k <= i - 1; k++) w[colJ + k] = w[colJ + k]! - (f * e[k]! + g * d[k]!);
          d[j] = w[colJ + (i - 1)]!;
          w[colJ + i] = 0; // V[i][j] = 0
        }
      }
      d[i] = h;
    }
    if (!accumulate) {
      // Keep the reflectors instead of forming Q: save their scalars h (in d
      // so far); the tridiagonal's diagonal sits on W's diagonal.
      this.hh.set(d);
      for (let j = 0; j < n; j++) d[j] = w[j * n + j]!;
      e[0] = 0;
      return;
    }
    // Accumulate the transformations.
    for (let i = 0; i < n - 1; i++) {
      w[i * n + (n - 1)] = w[i * n + i]!; // V[n-1][i] = V[i][i]
      w[i * n + i] = 1;
      const h = d[i + 1]!;
      const colI1 = (i + 1) * n;
      if (h !== 0) {
        for (let k = 0; k <= i; k++) d[k] = w[colI1 + k]! / h;
        for (let j = 0; j <= i; j++) {
          const colJ = j * n;
          let g = 0;
          for (let k = 0; k <= i; k++) g += w[colI1 + k]! * w[colJ + k]!;
          for (let k = 0; k <= i; k++) w[colJ + k] = w[colJ + k]! - g * d[k]!;
        }
      }
      for (let k = 0; k <= i; k++) w[colI1 + k] = 0;
    }
    for (let j = 0; j < n; j++) {
      d[j] = w[j * n + (n - 1)]!;
      w[j * n + (n - 1)] = 0;
    }
    w[(n - 1) * n + (n - 1)] = 1;
    e[0] = 0;
  }

  // Implicit symmetric QL iteration (EISPACK tql2) on the tridiagonal (d, e).
  private ql(wantVectors: boolean, record: boolean): void {
    const n = this.n;
    this.nRot = 0;
    const w = this.w;
    const d = this.d;
    const e = this.e;
    for (let i = 1; i < n; i++) e[i - 1] = e[i]!;
    e[n - 1] = 0;
    let f = 0;
    let tst1 = 0;
    const eps = 2 ** -52;
    for (let l = 0; l < n; l++) {
      tst1 = Math.max(tst1, Math.abs(d[l]!) + Math.abs(e[l]!));
      let m = l;
      while (m < n) {
        if (Math.abs(e[m]!) <= eps * tst1) break;
        m++;
      }
      if (m > l) {
        let iter = 0;
        do {
          iter++;
          if (iter > 100) throw new Error('Symmetric eigen-decomposition did not converge.');
          let g = d[l]!;
          let p = (d[l + 1]! - g) / (2 * e[l]!);
          let r = hypot(p, 1);
          if (p < 0) r = -r;
          d[l] = e[l]! / (p + r);
          d[l + 1] = e[l]! * (p + r);
          const dl1 = d[l + 1]!;
          let h = g - d[l]!;
          for (let i = l + 2; i < n; i++) d[i] = d[i]! - h;
          f += h;
          p = d[m]!;
          let c = 1;
          let c2 = c;
          let c3 = c;
          const el1 = e[l + 1]!;
          let s = 0;
          let s2 = 0;
          for (let i = m - 1; i >= l; i--) {
            c3 = c2;
            c2 = c;
            s2 = s;
            g = c * e[i]!;
            h = c * p;
            r = hypot(p, e[i]!);
            e[i + 1] = s * r;
            s = e[i]! / r;
            c = p / r;
            p = c * d[i]! - s * g;
            d[i + 1] = h + s * (c * g + s * d[i]!);
            if (record) {
              if (this.nRot === this.rotI.length) this.growRotations();
              this.rotI[this.nRot] = i;
              this.rotC[this.nRot] = c;
              this.rotS[this.nRot] = s;
              this.nRot++;
            } else if (wantVectors) {
              const ci = i * n;
              const ci1 = (i + 1) * n;
              for (let k = 0; k < n; k++) {
                const hk = w[ci1 + k]!;
                const vk = w[ci + k]!;
                w[ci1 + k] = s * vk + c * hk;
                w[ci + k] = c * vk - s * hk;
              }
            }
          }
          p = (-s * s2 * c3 * el1 * e[l]!) / dl1;
          e[l] = s * p;
          d[l] = c * p;
        } while (Math.abs(e[l]!) > eps * tst1);
      }
      d[l] = d[l]! + f;
      e[l] = 0;
    }
  }

  private growRotations(): void {
    const cap = this.rotI.length * 2;
    const i = new Int32Array(cap);
    const c = new Float64Array(cap);
    const s = new Float64Array(cap);
    i.set(this.rotI);
    c.set(this.rotC);
    s.set(this.rotS);
    this.rotI = i;
    this.rotC = c;
    this.rotS = s;
  }
}

/**
 * One-off symmetric eigen-decomposition of a `number[][]` matrix.
 *
 * @param a - symmetric n×n matrix (row-major arrays).
 * @param wantVectors - also return eigenvectors (default true).
 * @returns eigenvalues largest first, and eigenvectors as columns of an n×n
 *   `number[][]` (empty when not requested). Fresh arrays, safe to keep.
 */
export function symmetricEigen(
  a: readonly (readonly number[])[],
  wantVectors = true,
): { values: number[]; vectors: number[][] } {
  const n = a.length;
  if (n === 0) return { values: [], vectors: [] };
  const flat = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) flat[i * n + j] = a[i]![j]!;
  const res = new SymmetricEigen(n).decompose(flat, wantVectors);
  const vectors: number[][] = [];
  if (wantVectors) {
    for (let i = 0; i < n; i++) vectors.push(Array.from(res.vectors.subarray(i * n, (i + 1) * n)));
  }
  return { values: Array.from(res.values), vectors };
}

// sqrt(a² + b²) without overflow. Math.hypot is several times slower in V8
// (it is variadic and handles NaN/Infinity specially), and it sits in the QL
// inner loop.
function hypot(a: number, b: number): number {
  const x = Math.abs(a);
  const y = Math.abs(b);
  if (x > y) {
    const r = y / x;
    return x * Math.sqrt(1 + r * r);
  }
  if (y === 0) return 0;
  const r = x / y;
  return y * Math.sqrt(1 + r * r);
}
