/**
 * Box-constrained limited-memory BFGS (L-BFGS-B), following the algorithm that
 * R's `optim(method = "L-BFGS-B")` runs (Byrd, Lu, Nocedal & Zhu 1995, code
 * version 2.3 as shipped with R).
 *
 * Why we carry our own: psych fits minres and ML factor models by handing the
 * uniquenesses, boxed to [0.005, 1], to `optim`'s L-BFGS-B, and stops with its
 * default tolerance (factr = 1e7, i.e. a relative decrease of f below ~2e-9).
 * That stop is loose: on bfi the ML uniquenesses it returns are ~1e-5 away from
 * the exact optimum. To agree with psych to 1e-5 we must stop where R stops,
 * which means taking the same steps: the same generalized Cauchy point, the
 * same subspace step truncated to the box, the same Moré–Thuente line search
 * (ftol 1e-3, gtol 0.9, xtol 0.1), the same memory (m = 5) and tests. No
 * maintained npm package implements L-BFGS-B with bounds.
 *
 * The limited-memory matrix B = θI − W M Wᵀ is formed densely (n×n) from the
 * stored pairs instead of through the Fortran code's factorised compact
 * products. For the sizes met here (n = number of items, ≤ a few hundred) that
 * costs little, keeps the code short, and is mathematically the same matrix,
 * so iterates agree with R's to rounding.
 */
import { choleskyInPlace, choleskySolveVectorInPlace, invertInto } from './dense-solve.ts';

/** Computes f(x) and writes ∇f(x) into `gradient` (length n). */
export type ObjectiveWithGradient = (x: Float64Array, gradient: Float64Array) => number;

/** Options of {@link minimizeLbfgsb}; defaults are R optim's. */
export interface LbfgsbOptions {
  /** Number of stored correction pairs (R: lmm). Default 5. */
  m?: number;
  /** Stop when the relative decrease of f is ≤ factr · machine epsilon. Default 1e7. */
  factr?: number;
  /** Stop when the projected gradient's max-norm is ≤ pgtol. Default 0 (test off). */
  pgtol?: number;
  /** Maximum number of iterations (R: maxit). Default 100. */
  maxit?: number;
}

/** Outcome of {@link minimizeLbfgsb}. */
export interface LbfgsbResult {
  /** Final point. */
  x: Float64Array;
  /** f at the final point. */
  value: number;
  /** Iterations (accepted line searches). */
  iterations: number;
  /** Function-and-gradient evaluations. */
  evaluations: number;
  /** `true` when a convergence test (factr or pgtol) stopped the run. */
  converged: boolean;
  /** R-style message, e.g. `CONVERGENCE: REL_REDUCTION_OF_F <= FACTR*EPSMCH`. */
  message: string;
}

const EPSMCH = 2.220446049250313e-16;

/**
 * Minimises f subject to lower ≤ x ≤ upper with L-BFGS-B, taking the same
 * steps as R's `optim(method = "L-BFGS-B")` (on the same, already scaled,
 * variables). Infinite bounds mean "unbounded on that side".
 *
 * @param fg - objective; must return a finite value and fill the gradient.
 * @param x0 - starting point (projected into the box first).
 * @param lower - lower bounds (−Infinity for none).
 * @param upper - upper bounds (+Infinity for none).
 * @param options - memory size and stopping rules.
 * @throws Error when f is not finite at a trial point (as R's "L-BFGS-B needs finite values of 'fn'").
 */
export function minimizeLbfgsb(
  fg: ObjectiveWithGradient,
  x0: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
  options: LbfgsbOptions = {},
): LbfgsbResult {
  const n = x0.length;
  const mMax = options.m ?? 5;
  const factr = options.factr ?? 1e7;
  const pgtol = options.pgtol ?? 0;
  const maxit = options.maxit ?? 100;
  const tol = factr * EPSMCH;

  const l = Float64Array.from(lower);
  const u = Float64Array.from(upper);
  // Bound type per variable, as in the Fortran code: 0 none, 1 lower, 2 both, 3 upper.
  const nbd = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    const hasL = Number.isFinite(l[i]!);
    const hasU = Number.isFinite(u[i]!);
    nbd[i] = hasL && hasU ? 2 : hasL ? 1 : hasU ? 3 : 0;
    if (hasL && hasU && l[i]! > u[i]!)
      throw new Error(`L-BFGS-B: lower bound above upper bound for variable ${i + 1}.`);
  }

  const x = Float64Array.from(x0);
  // Status of each variable: -1 always free, 3 fixed (l = u), otherwise 0/1/2/-3 set by the Cauchy step.
  const iwhere = new Int8Array(n);
  let constrained = false;
  let boxed = true;
  for (let i = 0; i < n; i++) {
    const b = nbd[i]!;
    if (b > 0) {
      if (b <= 2 && x[i]! <= l[i]!) x[i] = l[i]!;
      else if (b >= 2 && x[i]! >= u[i]!) x[i] = u[i]!;
    }
    if (b !== 2) boxed = false;
    if (b === 0) iwhere[i] = -1;
    else {
      constrained = true;
      iwhere[i] = b === 2 && u[i]! - l[i]! <= 0 ? 3 : 0;
    }
  }

  const g = new Float64Array(n);
  let evaluations = 0;
  const evaluate = (at: Float64Array, grad: Float64Array): number => {
    evaluations++;
    const v = fg(at, grad);
    if (!Number.isFinite(v)) throw new Error('L-BFGS-B needs finite values of the objective.');
    return v;
  };
  let f = evaluate(x, g);

  // Correction pairs, oldest first.
  let sList: Float64Array[] = [];
  let yList: Float64Array[] = [];
  let syDiag: number[] = [];
  let ssDiag: number[] = [];
  let theta = 1;

  const resetMemory = (): void => {
    sList = [];
    yList = [];
    syDiag = [];
    ssDiag = [];
    theta = 1;
  };

  let sbgnrm = projectedGradientNorm(n, x, g, l, u, nbd);
  if (sbgnrm <= pgtol) {
    return {
      x,
      value: f,
      iterations: 0,
      evaluations,
      converged: true,
      message: 'CONVERGENCE: NORM OF PROJECTED GRADIENT <= PGTOL',
    };
  }

  const xcp = new Float64Array(n);
  const z = new Float64Array(n);
  const d = new Float64Array(n);
  const xOld = new Float64Array(n);
  const gOld = new Float64Array(n);
  let iter = 0;
  let driverIter = 0;

  for (;;) {
    const col = sList.length;
    let B: Float64Array | null = null;
    if (col > 0) {
      B = formDenseB(n, sList, yList, syDiag, ssDiag, theta);
      if (B === null) {
        // The middle matrix is not positive definite: restart with B = I.
        resetMemory();
        continue;
      }
    }

    // Generalized Cauchy point; iwhere records which variables it fixed at bounds.
    cauchyPoint(n, x, g, l, u, nbd, iwhere, B, theta, sbgnrm, xcp);
    z.set(xcp);

    if (col > 0) {
      const ok = subspaceMinimize(n, x, g, l, u, nbd, iwhere, B!, z);
      if (!ok) {
        resetMemory();
        continue;
      }
    }

    // Line search along d = z − x.
    let dtd = 0;
    for (let i = 0; i < n; i++) {
      d[i] = z[i]! - x[i]!;
      dtd += d[i]! * d[i]!;
    }
    const dnorm = Math.sqrt(dtd);
    let stpmx = 1e10;
    if (constrained) {
      if (iter === 0) stpmx = 1;
      else {
        for (let i = 0; i < n; i++) {
          const a1 = d[i]!;
          const b = nbd[i]!;
          if (b === 0) continue;
          if (a1 < 0 && b <= 2) {
            const a2 = l[i]! - x[i]!;
            if (a2 >= 0) stpmx = 0;
            else if (a1 * stpmx < a2) stpmx = a2 / a1;
          } else if (a1 > 0 && b >= 2) {
            const a2 = u[i]! - x[i]!;
            if (a2 <= 0) stpmx = 0;
            else if (a1 * stpmx > a2) stpmx = a2 / a1;
          }
        }
      }
    }
    let stp = iter === 0 && !boxed ? Math.min(1 / dnorm, stpmx) : 1;
    // R would report an input error from the line search here; it cannot
    // happen except by rounding, so keep the step inside the allowed range.
    if (stp > stpmx) stp = stpmx;
    xOld.set(x);
    gOld.set(g);
    const fold = f;
    let gd = dot(n, g, d);
    const gdold = gd;
    let failed = false;
    if (gd >= 0) {
      // Not a descent direction: the line search is impossible.
      failed = true;
    } else {
      const search = new MoreThuenteSearch(1e-3, 0.9, 0.1, 0, stpmx);
      search.start(f, gd, stp);
      let ifun = 0;
      for (;;) {
        // Trial point x = x_old + stp d (exactly z when stp = 1).
        stp = search.stp;
        ifun++;
        if (ifun - 1 >= 20) {
          failed = true;
          break;
        }
        if (stp === 1) x.set(z);
        else for (let i = 0; i < n; i++) x[i] = stp * d[i]! + xOld[i]!;
        f = evaluate(x, g);
        gd = dot(n, g, d);
        const task = search.next(f, gd);
        if (task !== 'FG') break;
      }
    }
    if (failed) {
      x.set(xOld);
      g.set(gOld);
      f = fold;
      if (col === 0) {
        return {
          x,
          value: f,
          iterations: iter + 1,
          evaluations,
          converged: false,
          message: 'ERROR: ABNORMAL_TERMINATION_IN_LNSRCH',
        };
      }
      // Bad direction with a stale quasi-Newton matrix: restart from B = I.
      resetMemory();
      continue;
    }

    iter++;
    sbgnrm = projectedGradientNorm(n, x, g, l, u, nbd);
    // R's driver counts accepted iterates and stops after maxit of them.
    driverIter++;
    if (driverIter > maxit) {
      return { x, value: f, iterations: iter, evaluations, converged: false, message: 'NEW_X' };
    }
    if (sbgnrm <= pgtol) {
      return {
        x,
        value: f,
        iterations: iter,
        evaluations,
        converged: true,
        message: 'CONVERGENCE: NORM OF PROJECTED GRADIENT <= PGTOL',
      };
    }
    const ddum0 = Math.max(Math.abs(fold), Math.abs(f), 1);
    if (fold - f <= tol * ddum0) {
      return {
        x,
        value: f,
        iterations: iter,
        evaluations,
        converged: true,
        message: 'CONVERGENCE: REL_REDUCTION_OF_F <= FACTR*EPSMCH',
      };
    }

    // Correction pair s = x − x_old, y = g − g_old; skip it unless curvature is positive enough.
    const y = new Float64Array(n);
    let rr = 0;
    for (let i = 0; i < n; i++) {
      y[i] = g[i]! - gOld[i]!;
      rr += y[i]! * y[i]!;
    }
    let dr: number;
    let ddum: number;
    const s = new Float64Array(n);
    if (stp === 1) {
      dr = gd - gdold;
      ddum = -gdold;
      s.set(d);
    } else {
      dr = (gd - gdold) * stp;
      for (let i = 0; i < n; i++) s[i] = stp * d[i]!;
      ddum = -gdold * stp;
    }
    if (dr <= EPSMCH * ddum) continue;
    if (sList.length === mMax) {
      sList.shift();
      yList.shift();
      syDiag.shift();
      ssDiag.shift();
    }
    sList.push(s);
    yList.push(y);
    syDiag.push(dr);
    ssDiag.push(stp === 1 ? dtd : stp * stp * dtd);
    theta = rr / dr;
  }
}

function dot(n: number, a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i]! * b[i]!;
  return s;
}

// Max-norm of the projected gradient (the Fortran code's projgr).
function projectedGradientNorm(
  n: number,
  x: Float64Array,
  g: Float64Array,
  l: Float64Array,
  u: Float64Array,
  nbd: Int8Array,
): number {
  let norm = 0;
  for (let i = 0; i < n; i++) {
    let gi = g[i]!;
    const b = nbd[i]!;
    if (b !== 0) {
      if (gi < 0) {
        if (b >= 2) gi = Math.max(x[i]! - u[i]!, gi);
      } else if (b <= 2) {
        gi = Math.min(x[i]! - l[i]!, gi);
      }
    }
    norm = Math.max(norm, Math.abs(gi));
  }
  return norm;
}

/**
 * B = θI − W M Wᵀ with W = [Y, θS] and M = [[−D, Lᵀ], [L, θSᵀS]]⁻¹, where
 * D = diag(sᵢᵀyᵢ) and L is the strictly lower triangle of SᵀY. Returns null
 * when θSᵀS + L D⁻¹ Lᵀ is not positive definite (where the Fortran code's
 * Cholesky factorisation would fail and the memory is refreshed).
 */
function formDenseB(
  n: number,
  sList: Float64Array[],
  yList: Float64Array[],
  syDiag: number[],
  ssDiag: number[],
  theta: number,
): Float64Array | null {
  const c = sList.length;
  const SS = new Float64Array(c * c);
  const Lm = new Float64Array(c * c);
  for (let i = 0; i < c; i++) {
    SS[i * c + i] = ssDiag[i]!;
    for (let j = 0; j < i; j++) {
      const v = dot(n, sList[i]!, sList[j]!);
      SS[i * c + j] = v;
      SS[j * c + i] = v;
      Lm[i * c + j] = dot(n, sList[i]!, yList[j]!);
    }
  }
  // T = θ SᵀS + L D⁻¹ Lᵀ must be positive definite.
  const T = new Float64Array(c * c);
  for (let i = 0; i < c; i++) {
    for (let j = 0; j < c; j++) {
      let v = theta * SS[i * c + j]!;
      for (let k = 0; k < Math.min(i, j); k++) v += (Lm[i * c + k]! * Lm[j * c + k]!) / syDiag[k]!;
      T[i * c + j] = v;
    }
  }
  if (!choleskyInPlace(T, c)) return null;

  const c2 = 2 * c;
  const Mi = new Float64Array(c2 * c2);
  for (let i = 0; i < c; i++) {
    Mi[i * c2 + i] = -syDiag[i]!;
    for (let j = 0; j < c; j++) {
      Mi[(c + i) * c2 + j] = Lm[i * c + j]!;
      Mi[j * c2 + c + i] = Lm[i * c + j]!;
      Mi[(c + i) * c2 + c + j] = theta * SS[i * c + j]!;
    }
  }
  const M = new Float64Array(c2 * c2);
  if (!invertInto(Mi, c2, M, new Float64Array(2 * c2 * c2))) return null;
  // WM (n × 2c), then B = θI − (WM) Wᵀ.
  const W = new Float64Array(n * 2 * c);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < c; k++) {
      W[i * 2 * c + k] = yList[k]![i]!;
      W[i * 2 * c + c + k] = theta * sList[k]![i]!;
    }
  }
  const WM = new Float64Array(n * c2);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < c2; k++) {
      let v = 0;
      for (let q = 0; q < c2; q++) v += W[i * c2 + q]! * M[q * c2 + k]!;
      WM[i * c2 + k] = v;
    }
  }
  const B = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let v = 0;
      for (let k = 0; k < c2; k++) v += WM[i * c2 + k]! * W[j * c2 + k]!;
      const bij = (i === j ? theta : 0) - v;
      B[i * n + j] = bij;
      B[j * n + i] = bij;
    }
  }
  return B;
}

/**
 * Generalized Cauchy point: the first local minimiser of the quadratic model
 * along the projected steepest-descent path P(x − t g). Writes it into `xcp`
 * and updates `iwhere` (1/2 = fixed at lower/upper bound, 0/-3 = free).
 * With `B` null the model matrix is θI.
 */
function cauchyPoint(
  n: number,
  x: Float64Array,
  g: Float64Array,
  l: Float64Array,
  u: Float64Array,
  nbd: Int8Array,
  iwhere: Int8Array,
  B: Float64Array | null,
  theta: number,
  sbgnrm: number,
  xcp: Float64Array,
): void {
  xcp.set(x);
  if (sbgnrm <= 0) return;
  const d = new Float64Array(n);
  const bpIndex: number[] = [];
  const bpTime: number[] = [];
  let freeDirections = 0;
  let bounded = true;
  let f1 = 0;
  let tl = 0;
  let tu = 0;
  for (let i = 0; i < n; i++) {
    const neggi = -g[i]!;
    const b = nbd[i]!;
    if (iwhere[i] !== 3 && iwhere[i] !== -1) {
      if (b <= 2) tl = x[i]! - l[i]!;
      if (b >= 2) tu = u[i]! - x[i]!;
      const xlower = b <= 2 && tl <= 0;
      const xupper = b >= 2 && tu <= 0;
      iwhere[i] = 0;
      if (xlower) {
        if (neggi <= 0) iwhere[i] = 1;
      } else if (xupper) {
        if (neggi >= 0) iwhere[i] = 2;
      } else if (Math.abs(neggi) <= 0) {
        iwhere[i] = -3;
      }
    }
    if (iwhere[i] !== 0 && iwhere[i] !== -1) {
      d[i] = 0;
    } else {
      d[i] = neggi;
      f1 -= neggi * neggi;
      if (b <= 2 && b !== 0 && neggi < 0) {
        bpIndex.push(i);
        bpTime.push(tl / -neggi);
      } else if (b >= 2 && neggi > 0) {
        bpIndex.push(i);
        bpTime.push(tu / neggi);
      } else {
        freeDirections++;
        if (Math.abs(neggi) > 0) bounded = false;
      }
    }
  }
  const nbreak = bpIndex.length;
  if (nbreak === 0 && freeDirections === 0) return;

  // Bd and the curvature f2 = dᵀBd along the first segment.
  const Bd = new Float64Array(n);
  multiplyB(n, B, theta, d, Bd);
  let f2 = dot(n, d, Bd);
  const f2Org = -theta * f1;
  let dtm = -f1 / f2;
  let tsum = 0;
  // z = xcp − x along the path and Bz, kept for the f1 update when B ≠ θI.
  const zPath = new Float64Array(n);
  const Bz = new Float64Array(n);

  if (nbreak > 0) {
    // Visit breakpoints in increasing order; ties keep index order (the
    // Fortran heap visits the first-found minimum first, like a stable sort).
    const order = bpIndex.map((_, k) => k).sort((a, b) => bpTime[a]! - bpTime[b]! || a - b);
    let tj = 0;
    let nleft = nbreak;
    let allFixed = false;
    for (let k = 0; k < nbreak; k++) {
      const tj0 = tj;
      tj = bpTime[order[k]!]!;
      const ibp = bpIndex[order[k]!]!;
      const dt = tj - tj0;
      if (dtm < dt) break;
      tsum += dt;
      nleft--;
      const dibp = d[ibp]!;
      d[ibp] = 0;
      let zibp: number;
      if (dibp > 0) {
        zibp = u[ibp]! - x[ibp]!;
        xcp[ibp] = u[ibp]!;
        iwhere[ibp] = 2;
      } else {
        zibp = l[ibp]! - x[ibp]!;
        xcp[ibp] = l[ibp]!;
        iwhere[ibp] = 1;
      }
      if (nleft === 0 && nbreak === n) {
        // Every variable is at a bound: the GCP is that corner.
        dtm = dt;
        allFixed = true;
        break;
      }
      const dibp2 = dibp * dibp;
      f1 += dt * f2 + dibp2 - theta * dibp * zibp;
      f2 -= theta * dibp2;
      if (B !== null) {
        // Terms of the low-rank part K = θI − B (the code's wmc, wmp, wmw).
        for (let i = 0; i < n; i++) {
          zPath[i] = zPath[i]! + dt * (i === ibp ? dibp : d[i]!);
          Bz[i] = Bz[i]! + dt * Bd[i]!;
        }
        const wmc = theta * zPath[ibp]! - Bz[ibp]!;
        const wmp = theta * dibp - Bd[ibp]!;
        const wmw = theta - B[ibp * n + ibp]!;
        for (let i = 0; i < n; i++) Bd[i] = Bd[i]! - dibp * B[i * n + ibp]!;
        f1 += dibp * wmc;
        f2 += 2 * dibp * wmp - dibp2 * wmw;
      }
      f2 = Math.max(f2, EPSMCH * f2Org);
      if (nleft > 0) {
        dtm = -f1 / f2;
      } else if (bounded) {
        f1 = 0;
        f2 = 0;
        dtm = 0;
      } else {
        dtm = -f1 / f2;
      }
    }
    if (allFixed) return;
  }
  if (dtm <= 0) dtm = 0;
  tsum += dtm;
  for (let i = 0; i < n; i++) xcp[i] = xcp[i]! + tsum * d[i]!;
}

function multiplyB(
  n: number,
  B: Float64Array | null,
  theta: number,
  v: Float64Array,
  out: Float64Array,
): void {
  if (B === null) {
    for (let i = 0; i < n; i++) out[i] = theta * v[i]!;
    return;
  }
  for (let i = 0; i < n; i++) {
    let s = 0;
    const row = i * n;
    for (let j = 0; j < n; j++) s += B[row + j]! * v[j]!;
    out[i] = s;
  }
}

/**
 * Subspace minimisation over the variables left free at the Cauchy point:
 * the Newton step du = (Zᵀ B Z)⁻¹ r with r = −Zᵀ(g + B(xcp − x)), then
 * backtracked so the point stays in the box (code version 2.3). `z` holds the
 * Cauchy point on entry and the result on exit. Returns false when ZᵀBZ is
 * not positive definite (the memory must be refreshed).
 */
function subspaceMinimize(
  n: number,
  x: Float64Array,
  g: Float64Array,
  l: Float64Array,
  u: Float64Array,
  nbd: Int8Array,
  iwhere: Int8Array,
  B: Float64Array,
  z: Float64Array,
): boolean {
  const free: number[] = [];
  for (let i = 0; i < n; i++) if (iwhere[i]! <= 0) free.push(i);
  const nf = free.length;
  if (nf === 0) return true;
  const dz = new Float64Array(n);
  for (let i = 0; i < n; i++) dz[i] = z[i]! - x[i]!;
  const A = new Float64Array(nf * nf);
  const du = new Float64Array(nf);
  for (let a = 0; a < nf; a++) {
    const i = free[a]!;
    let bz = 0;
    for (let j = 0; j < n; j++) bz += B[i * n + j]! * dz[j]!;
    du[a] = -(g[i]! + bz);
    for (let b = 0; b <= a; b++) A[a * nf + b] = B[i * n + free[b]!]!;
  }
  if (!choleskyInPlace(A, nf)) return false;
  choleskySolveVectorInPlace(A, nf, du);

  // Backtrack to the feasible region along du.
  let alpha = 1;
  let temp1 = alpha;
  let ibd = -1;
  for (let a = 0; a < nf; a++) {
    const k = free[a]!;
    const dk = du[a]!;
    const b = nbd[k]!;
    if (b === 0) continue;
    if (dk < 0 && b <= 2) {
      const temp2 = l[k]! - z[k]!;
      if (temp2 >= 0) temp1 = 0;
      else if (dk * alpha < temp2) temp1 = temp2 / dk;
    } else if (dk > 0 && b >= 2) {
      const temp2 = u[k]! - z[k]!;
      if (temp2 <= 0) temp1 = 0;
      else if (dk * alpha > temp2) temp1 = temp2 / dk;
    }
    if (temp1 < alpha) {
      alpha = temp1;
      ibd = a;
    }
  }
  if (alpha < 1 && ibd >= 0) {
    const dk = du[ibd]!;
    const k = free[ibd]!;
    if (dk > 0) {
      z[k] = u[k]!;
      du[ibd] = 0;
    } else if (dk < 0) {
      z[k] = l[k]!;
      du[ibd] = 0;
    }
  }
  for (let a = 0; a < nf; a++) {
    const k = free[a]!;
    z[k] = z[k]! + alpha * du[a]!;
  }
  return true;
}

/**
 * Moré–Thuente line search (MINPACK-2 dcsrch/dcstep): finds a step meeting
 * the sufficient-decrease and curvature conditions, keeping it in
 * [stpmin, stpmax]. Drive it with `start`, then evaluate at `stp` and call
 * `next` until it returns something other than 'FG'.
 */
class MoreThuenteSearch {
  stp = 0;
  private brackt = false;
  private stage = 1;
  private finit = 0;
  private ginit = 0;
  private gtest = 0;
  private width = 0;
  private width1 = 0;
  private stx = 0;
  private fx = 0;
  private gx = 0;
  private sty = 0;
  private fy = 0;
  private gy = 0;
  private stmin = 0;
  private stmax = 0;

  constructor(
    private readonly ftol: number,
    private readonly gtol: number,
    private readonly xtol: number,
    private readonly stpmin: number,
    private readonly stpmax: number,
  ) {}

  start(f: number, g: number, stp: number): void {
    this.stp = stp;
    this.brackt = false;
    this.stage = 1;
    this.finit = f;
    this.ginit = g;
    this.gtest = this.ftol * g;
    this.width = this.stpmax - this.stpmin;
    this.width1 = this.width / 0.5;
    this.stx = 0;
    this.fx = f;
    this.gx = g;
    this.sty = 0;
    this.fy = f;
    this.gy = g;
    this.stmin = 0;
    this.stmax = stp + 4 * stp;
  }

  next(f: number, g: number): 'FG' | 'CONV' | 'WARN' {
    const ftest = this.finit + this.stp * this.gtest;
    if (this.stage === 1 && f <= ftest && g >= 0) this.stage = 2;
    let warn = false;
    if (this.brackt && (this.stp <= this.stmin || this.stp >= this.stmax)) warn = true;
    if (this.brackt && this.stmax - this.stmin <= this.xtol * this.stmax) warn = true;
    if (this.stp === this.stpmax && f <= ftest && g <= this.gtest) warn = true;
    if (this.stp === this.stpmin && (f > ftest || g >= this.gtest)) warn = true;
    if (f <= ftest && Math.abs(g) <= this.gtol * -this.ginit) return 'CONV';
    if (warn) return 'WARN';

    if (this.stage === 1 && f <= this.fx && f > ftest) {
      // Modified function psi(stp) = f(stp) − f(0) − ftol·stp·f'(0) while in stage 1.
      const gt = this.gtest;
      const st = this.step(
        this.stx,
        this.fx - this.stx * gt,
        this.gx - gt,
        this.sty,
        this.fy - this.sty * gt,
        this.gy - gt,
        this.stp,
        f - this.stp * gt,
        g - gt,
      );
      this.stx = st.stx;
      this.sty = st.sty;
      this.fx = st.fx + this.stx * gt;
      this.fy = st.fy + this.sty * gt;
      this.gx = st.dx + gt;
      this.gy = st.dy + gt;
      this.stp = st.stp;
    } else {
      const st = this.step(this.stx, this.fx, this.gx, this.sty, this.fy, this.gy, this.stp, f, g);
      this.stx = st.stx;
      this.fx = st.fx;
      this.gx = st.dx;
      this.sty = st.sty;
      this.fy = st.fy;
      this.gy = st.dy;
      this.stp = st.stp;
    }
    if (this.brackt) {
      if (Math.abs(this.sty - this.stx) >= 0.66 * this.width1) {
        this.stp = this.stx + 0.5 * (this.sty - this.stx);
      }
      this.width1 = this.width;
      this.width = Math.abs(this.sty - this.stx);
    }
    if (this.brackt) {
      this.stmin = Math.min(this.stx, this.sty);
      this.stmax = Math.max(this.stx, this.sty);
    } else {
      this.stmin = this.stp + 1.1 * (this.stp - this.stx);
      this.stmax = this.stp + 4 * (this.stp - this.stx);
    }
    if (this.stp < this.stpmin) this.stp = this.stpmin;
    if (this.stp > this.stpmax) this.stp = this.stpmax;
    if (
      (this.brackt && (this.stp <= this.stmin || this.stp >= this.stmax)) ||
      (this.brackt && this.stmax - this.stmin <= this.xtol * this.stmax)
    ) {
      this.stp = this.stx;
    }
    return 'FG';
  }

  // dcstep: safeguarded cubic/quadratic step and update of the bracketing interval.
  private step(
    stx: number,
    fx: number,
    dx: number,
    sty: number,
    fy: number,
    dy: number,
    stp: number,
    fp: number,
    dp: number,
  ): { stx: number; fx: number; dx: number; sty: number; fy: number; dy: number; stp: number } {
    const stpmin = this.stmin;
    const stpmax = this.stmax;
    const sgnd = dp * (dx / Math.abs(dx));
    let stpf: number;
    if (fp > fx) {
      // Higher function value: the minimum is bracketed.
      const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
      const s = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
      let gamm = s * Math.sqrt((theta / s) ** 2 - (dx / s) * (dp / s));
      if (stp < stx) gamm = -gamm;
      const p = gamm - dx + theta;
      const q = gamm - dx + gamm + dp;
      const r = p / q;
      const stpc = stx + r * (stp - stx);
      const stpq = stx + (dx / ((fx - fp) / (stp - stx) + dx) / 2) * (stp - stx);
      stpf = Math.abs(stpc - stx) < Math.abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2;
      this.brackt = true;
    } else if (sgnd < 0) {
      // Lower value, derivatives of opposite sign: bracketed.
      const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
      const s = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
      let gamm = s * Math.sqrt((theta / s) ** 2 - (dx / s) * (dp / s));
      if (stp > stx) gamm = -gamm;
      const p = gamm - dp + theta;
      const q = gamm - dp + gamm + dx;
      const r = p / q;
      const stpc = stp + r * (stx - stp);
      const stpq = stp + (dp / (dp - dx)) * (stx - stp);
      stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
      this.brackt = true;
    } else if (Math.abs(dp) < Math.abs(dx)) {
      // Lower value, same sign, derivative magnitude decreasing.
      const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
      const s = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
      const disc = (theta / s) ** 2 - (dx / s) * (dp / s);
      let gamm = disc < 0 ? 0 : s * Math.sqrt(disc);
      if (stp > stx) gamm = -gamm;
      const p = gamm - dp + theta;
      const q = gamm + (dx - dp) + gamm;
      const r = p / q;
      let stpc: number;
      if (r < 0 && gamm !== 0) stpc = stp + r * (stx - stp);
      else if (stp > stx) stpc = stpmax;
      else stpc = stpmin;
      const stpq = stp + (dp / (dp - dx)) * (stx - stp);
      if (this.brackt) {
        stpf = Math.abs(stpc - stp) < Math.abs(stpq - stp) ? stpc : stpq;
        const lim = stp + 0.66 * (sty - stp);
        stpf = stp > stx ? Math.min(lim, stpf) : Math.max(lim, stpf);
      } else {
        stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
        stpf = Math.min(stpmax, stpf);
        stpf = Math.max(stpmin, stpf);
      }
    } else if (this.brackt) {
      // Lower value, same sign, derivative not decreasing, bracketed: cubic step.
      const theta = (3 * (fp - fy)) / (sty - stp) + dy + dp;
      const s = Math.max(Math.abs(theta), Math.abs(dy), Math.abs(dp));
      let gamm = s * Math.sqrt((theta / s) ** 2 - (dy / s) * (dp / s));
      if (stp > sty) gamm = -gamm;
      const p = gamm - dp + theta;
      const q = gamm - dp + gamm + dy;
      const r = p / q;
      stpf = stp + r * (sty - stp);
    } else {
      stpf = stp > stx ? stpmax : stpmin;
    }
    // Update the interval that contains a minimiser.
    if (fp > fx) {
      sty = stp;
      fy = fp;
      dy = dp;
    } else {
      if (sgnd < 0) {
        sty = stx;
        fy = fx;
        dy = dx;
      }
      stx = stp;
      fx = fp;
      dx = dp;
    }
    return { stx, fx, dx, sty, fy, dy, stp: stpf };
  }
}
