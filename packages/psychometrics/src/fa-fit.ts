/**
 * Goodness-of-fit statistics of a factor model, as psych's `factor.stats`
 * (alias `fa.stats`) computes them, plus the distributions they need
 * (central and noncentral chi-square) and psych's `cor.smooth`.
 *
 * psych reports these for every fitting method; they are the ML fit function
 * evaluated at the given loadings, so for minres they are "ML statistics of
 * the minres solution" (see the reference README).
 */
import { LuDecomposition, Matrix } from 'ml-matrix';
import { choleskyLogDet, choleskySolve, luSolveOrNull } from './dense-solve.ts';
import { logGamma } from './distributions.ts';
import { SymmetricEigen } from './symmetric-eigen.ts';

// ---------------------------------------------------------------------------
// Chi-square distributions

/**
 * Regularized incomplete gamma functions P(a, x) and Q(a, x) = 1 − P(a, x),
 * each computed directly (series for x < a + 1, continued fraction otherwise)
 * so that tiny tails keep their relative precision (psych's PVAL for bfi is
 * 4e-264).
 */
export function regularizedGamma(a: number, x: number): { lower: number; upper: number } {
  if (!(a > 0) || Number.isNaN(x)) return { lower: NaN, upper: NaN };
  if (x <= 0) return { lower: 0, upper: 1 };
  if (x === Infinity) return { lower: 1, upper: 0 };
  const logFront = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    // Series: P = e^{-x} x^a / Γ(a+1) Σ x^n / ((a+1)…(a+n)).
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 100000; n++) {
      term *= x / (a + n);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    const lower = Math.exp(logFront + Math.log(sum));
    return { lower, upper: 1 - lower };
  }
  // Continued fraction for Q (modified Lentz).
  const TINY = 1e-300;
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  const upper = Math.exp(logFront + Math.log(h));
  return { lower: 1 - upper, upper };
}

/**
 * Chi-square distribution function (R: `pchisq(q, df, lower.tail = !upper)`).
 *
 * @param q - quantile.
 * @param df - degrees of freedom (> 0).
 * @param upper - return P(X > q) instead of P(X ≤ q).
 */
export function chiSquareCdf(q: number, df: number, upper = false): number {
  const r = regularizedGamma(df / 2, q / 2);
  return upper ? r.upper : r.lower;
}

/**
 * Noncentral chi-square distribution function P(X ≤ q) (R: `pchisq(q, df, ncp)`),
 * as a Poisson(ncp/2) mixture of central chi-squares with df + 2j degrees of
 * freedom, summed outward from the Poisson mode until the weights are negligible.
 */
export function noncentralChiSquareCdf(q: number, df: number, ncp: number): number {
  if (ncp <= 0) return chiSquareCdf(q, df);
  if (q <= 0) return 0;
  const lambda = ncp / 2;
  const x = q / 2;
  const mode = Math.floor(lambda);
  const a0 = df / 2 + mode;
  // Everything is carried by recurrences from the Poisson mode, so a call costs
  // O(number of terms) rather than one incomplete gamma per term:
  //   w(j+1) = w(j)·λ/(j+1),  P(a+1, x) = P(a, x) − xᵃe⁻ˣ/Γ(a+1).
  const w0 = Math.exp(-lambda + mode * Math.log(lambda) - logGamma(mode + 1));
  const p0 = regularizedGamma(a0, x).lower;
  const t0 = Math.exp(a0 * Math.log(x) - x - logGamma(a0 + 1)); // xᵃ⁰e⁻ˣ/Γ(a0+1)
  let total = w0 * p0;
  // Upward: j = mode+1, mode+2, …
  let w = w0;
  let pj = p0;
  let t = t0; // xᵃe⁻ˣ/Γ(a+1) at the current a
  let a = a0;
  for (let j = mode + 1; j < mode + 100000; j++) {
    pj -= t;
    a += 1;
    t *= x / a;
    w *= lambda / j;
    total += w * Math.max(pj, 0);
    if (w < 1e-17 * Math.max(total, 1e-300) || pj <= 0) break;
  }
  // Downward: j = mode−1, …, 0, with P(a−1, x) = P(a, x) + x^(a−1)e⁻ˣ/Γ(a).
  w = w0;
  pj = p0;
  a = a0;
  t = t0 * (a0 / x); // x^(a0−1)e⁻ˣ/Γ(a0)
  for (let j = mode - 1; j >= 0; j--) {
    pj += t;
    a -= 1;
    t *= a / x;
    w *= (j + 1) / lambda;
    total += w * Math.min(pj, 1);
    if (w < 1e-17 * total) break;
  }
  return Math.min(1, Math.max(0, total));
}

// Root of a monotone function on [lo, hi] by bisection refined with secant steps.
function findRoot(fn: (x: number) => number, lo: number, hi: number): number {
  let flo = fn(lo);
  let fhi = fn(hi);
  if (flo === 0) return lo;
  if (fhi === 0) return hi;
  if (Math.sign(flo) === Math.sign(fhi)) return NaN;
  for (let it = 0; it < 200; it++) {
    // Regula falsi (Illinois) step, falling back to bisection when it stalls.
    let mid = hi - (fhi * (hi - lo)) / (fhi - flo);
    if (!(mid > lo && mid < hi)) mid = (lo + hi) / 2;
    const fm = fn(mid);
    if (fm === 0 || hi - lo < 1e-10 * Math.max(1, Math.abs(mid))) return mid;
    if (Math.sign(fm) === Math.sign(flo)) {
      lo = mid;
      flo = fm;
      fhi /= 2;
    } else {
      hi = mid;
      fhi = fm;
      flo /= 2;
    }
  }
  return (lo + hi) / 2;
}

// ---------------------------------------------------------------------------
// Matrix helpers

/**
 * psych's `cor.smooth`: when a correlation matrix has an eigenvalue below
 * machine epsilon, eigenvalues below 1e-12 are raised to 1e-10, rescaled to
 * sum to p, and the matrix is rebuilt and rescaled to unit diagonal.
 *
 * @param r - symmetric correlation matrix.
 * @returns the (possibly smoothed) matrix and whether smoothing happened.
 */
export function corSmooth(r: readonly (readonly number[])[]): { r: number[][]; smoothed: boolean } {
  const res = smoothWithFactor(r);
  return { r: res.r, smoothed: res.smoothed };
}

// corSmooth that also hands back the Cholesky factor of the result when it has one.
function smoothWithFactor(r: readonly (readonly number[])[]): {
  r: number[][];
  smoothed: boolean;
  chol: { factor: Float64Array; logDet: number } | null;
} {
  const p = r.length;
  // Fast path: a clearly positive definite matrix (Cholesky succeeds with a
  // healthy pivot) has no eigenvalue below machine epsilon, so psych leaves it alone.
  const chol = choleskyLogDet(r);
  if (chol !== null) return { r: r.map((row) => [...row]), smoothed: false, chol };
  const flat = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) flat[i * p + j] = r[i]![j]!;
  const eig = new SymmetricEigen(p).decompose(flat, true);
  const values = Array.from(eig.values);
  if (Math.min(...values) >= 2.220446049250313e-16) {
    return { r: r.map((row) => [...row]), smoothed: false, chol: null };
  }
  const EIG_TOL = 1e-12;
  for (let k = 0; k < p; k++) if (values[k]! < EIG_TOL) values[k] = 100 * EIG_TOL;
  const tot = values.reduce((a, b) => a + b, 0);
  for (let k = 0; k < p; k++) values[k] = (values[k]! * p) / tot;
  const out: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = 0; k < p; k++)
        s += eig.vectors[i * p + k]! * values[k]! * eig.vectors[j * p + k]!;
      out[i]![j] = s;
      out[j]![i] = s;
    }
  }
  const sd = out.map((row, i) => Math.sqrt(row[i]!));
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) out[i]![j] = i === j ? 1 : out[i]![j]! / (sd[i]! * sd[j]!);
  return { r: out, smoothed: true, chol: choleskyLogDet(out) };
}

function matmul(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number[][] {
  const n = a.length;
  const m = b[0]?.length ?? 0;
  const k = b.length;
  const out: number[][] = Array.from({ length: n }, () => new Array<number>(m).fill(0));
  for (let i = 0; i < n; i++) {
    const ai = a[i]!;
    const oi = out[i]!;
    for (let q = 0; q < k; q++) {
      const v = ai[q]!;
      if (v === 0) continue;
      const bq = b[q]!;
      for (let j = 0; j < m; j++) oi[j]! += v * bq[j]!;
    }
  }
  return out;
}

function transpose(a: readonly (readonly number[])[]): number[][] {
  const n = a.length;
  const m = a[0]?.length ?? 0;
  const out: number[][] = Array.from({ length: m }, () => new Array<number>(n));
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) out[j]![i] = a[i]![j]!;
  return out;
}

// log|det A| via LU; NaN when the determinant is not positive (R's log(det) would be NaN/-Inf).
function logDetPositive(a: readonly (readonly number[])[]): number {
  const lu = new LuDecomposition(new Matrix(a.map((r) => [...r])));
  const u = lu.upperTriangularMatrix;
  let logDet = 0;
  let sign = 1;
  for (let i = 0; i < a.length; i++) {
    const v = u.get(i, i);
    if (v === 0) return -Infinity;
    if (v < 0) sign = -sign;
    logDet += Math.log(Math.abs(v));
  }
  // Row swaps flip the sign of the determinant.
  const piv = lu.pivotPermutationVector;
  let swaps = 0;
  const seen = new Array<boolean>(piv.length).fill(false);
  for (let i = 0; i < piv.length; i++) {
    if (seen[i]) continue;
    let j = i;
    let len = 0;
    while (!seen[j]) {
      seen[j] = true;
      j = piv[j]!;
      len++;
    }
    swaps += len - 1;
  }
  if (swaps % 2 === 1) sign = -sign;
  return sign > 0 ? logDet : NaN;
}

// ---------------------------------------------------------------------------
// factor.stats

/** RMSEA with its confidence interval, as psych reports it. */
export interface RmseaInterval {
  RMSEA: number;
  /** Lower bound (null when psych reports NA). */
  lower: number | null;
  /** Upper bound (null when psych reports NA). */
  upper: number | null;
  /** Confidence level of the interval (1 − alpha). */
  confidence: number;
}

/** Fit statistics of a factor model (psych `factor.stats`), with psych's meanings. */
export interface FactorFitStats {
  /** Degrees of freedom p(p−1)/2 − pk + k(k−1)/2. */
  dof: number;
  /** ML fit function at the model: tr(Σ⁻¹R) − log|Σ⁻¹R| − p. */
  objective: number;
  /** Likelihood chi-square (n.obs − 1 − (2p+5)/6 − 2k/3) · objective; null without n.obs. */
  STATISTIC: number | null;
  /** Its p value; null without n.obs or when dof ≤ 0. */
  PVAL: number | null;
  /** Empirical chi-square: sum of squared off-diagonal residuals weighted by the (pairwise) n. */
  chi: number | null;
  /** p value of the empirical chi-square. */
  EPVAL: number | null;
  RMSEA: RmseaInterval | null;
  /** Tucker–Lewis index. */
  TLI: number | null;
  BIC: number | null;
  SABIC: number | null;
  /** Empirical BIC (psych's EBIC). */
  EBIC: number | null;
  /** Empirical sample-size adjusted BIC. */
  ESABIC: number | null;
  /** Root mean square off-diagonal residual. */
  rms: number;
  /** rms corrected for degrees of freedom. */
  crms: number | null;
  /** 1 − Σ residual² / Σ r² (whole matrix). */
  fit: number;
  /** The same over off-diagonal elements. */
  fitOff: number;
  /** ML fit function of the independence model (psych: null.model). */
  nullModel: number;
  nullDof: number;
  nullChisq: number | null;
  /** Number of observations the statistics are based on (harmonic mean of pairwise n when given). */
  nh: number | null;
  /** n.obs as given (null when unknown). */
  nObs: number | null;
  /** Row complexity (Σλ²)² / Σλ⁴ of the loadings. */
  complexity: number[];
  /** Regression factor-score weights solve(R, Structure) (with R smoothed if needed). */
  weights: number[][];
  /** Multiple R² of the factors with the score estimates (null where psych sets NA). */
  R2: (number | null)[];
  /** Messages psych would print as warnings. */
  warnings: string[];
}

/** Options of {@link factorStats}. */
export interface FactorStatsOptions {
  /** Number of observations; NaN/undefined when unknown (no chi-square then). */
  nObs?: number;
  /** Pairwise counts matrix (psych np.obs); when given, empirical statistics are weighted by it. */
  pairwiseN?: readonly (readonly number[])[] | null;
  /** 1 − confidence of the RMSEA interval (psych's fa passes 0.1). */
  alpha?: number;
  /** Smooth a non-positive-definite R before inverting it (psych default TRUE). */
  smooth?: boolean;
}

/**
 * psych's `factor.stats`: fit statistics, complexity and regression
 * factor-score weights for the loadings `f` (and factor correlations `phi`)
 * of a factor model of the correlation matrix `r`.
 *
 * @param r - p×p correlation matrix the model was fitted to.
 * @param f - p×k loadings (pattern matrix when `phi` is given).
 * @param phi - k×k factor correlations, or null for orthogonal factors.
 * @param options - n.obs, pairwise counts, RMSEA alpha, smoothing.
 */
export function factorStats(
  r: readonly (readonly number[])[],
  f: readonly (readonly number[])[],
  phi: readonly (readonly number[])[] | null,
  options: FactorStatsOptions = {},
): FactorFitStats {
  const warnings: string[] = [];
  const p = r.length;
  const k = f[0]?.length ?? 0;
  const nObsRaw = options.nObs;
  const hasN = nObsRaw !== undefined && Number.isFinite(nObsRaw);
  const nObs = hasN ? nObsRaw : NaN;
  const alpha = options.alpha ?? 0.1;
  const smooth = options.smooth ?? true;
  const np = options.pairwiseN ?? null;

  const model = phi === null ? matmul(f, transpose(f)) : matmul(matmul(f, phi), transpose(f));
  const dof = (p * (p - 1)) / 2 - p * k + (k * (k - 1)) / 2;
  let r2 = 0;
  let rstar2 = 0;
  let trR = 0;
  let rstarOff = 0;
  let r2Off = 0;
  const residualOff: number[] = [];
  for (let i = 0; i < p; i++) {
    trR += r[i]![i]!;
    for (let j = 0; j < p; j++) {
      const rij = r[i]![j]!;
      const res = rij - model[i]![j]!;
      r2 += rij * rij;
      rstar2 += res * res;
      const off = i === j ? 0 : res;
      residualOff.push(off);
      if (np === null) rstarOff += off * off;
      else {
        rstarOff += off * off * np[i]![j]!;
        if (i !== j) r2Off += rij * rij * np[i]![j]!;
      }
    }
  }
  let chi: number | null;
  let nh: number | null;
  let rms: number;
  let EPVAL: number | null = null;
  let crms: number | null = null;
  let EBIC: number | null = null;
  let ESABIC: number | null = null;
  if (np === null) {
    r2Off = r2 - trR;
    chi = hasN ? rstarOff * nObs : null;
    rms = Math.sqrt(rstarOff / (p * (p - 1)));
    nh = hasN ? nObs : null;
    if (dof > 0) {
      crms = Math.sqrt(rstarOff / (2 * dof));
      if (hasN) {
        EPVAL = chiSquareCdf(chi!, dof, true);
        EBIC = chi! - dof * Math.log(nObs);
        ESABIC = chi! - dof * Math.log((nObs + 2) / 24);
      }
    }
  } else {
    chi = rstarOff;
    // psych::harmonic.mean over every entry of the pairwise-count matrix.
    let invSum = 0;
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) invSum += 1 / np[i]![j]!;
    nh = (p * p) / invSum;
    rms = Math.sqrt(rstarOff / (nh * p * (p - 1)));
    if (dof > 0) {
      EPVAL = chiSquareCdf(chi, dof, true);
      crms = Math.sqrt(rstarOff / (2 * nh * dof));
      EBIC = chi - dof * Math.log(nh);
      ESABIC = chi - dof * Math.log((nh + 2) / 24);
    }
  }
  const fit = 1 - rstar2 / r2;
  const fitOff = 1 - rstarOff / r2Off;

  const complexity = f.map((row) => {
    let s2 = 0;
    let s4 = 0;
    for (const v of row) {
      s2 += v * v;
      s4 += v * v * v * v;
    }
    return (s2 * s2) / s4;
  });

  // The model with the observed diagonal, and R, both smoothed if not positive definite.
  for (let i = 0; i < p; i++) model[i]![i] = r[i]![i]!;
  const modelSm = smoothWithFactor(model);
  const modelS = modelSm.r;
  let rS: number[][] = r.map((row) => [...row]);
  let cholR: { factor: Float64Array; logDet: number } | null;
  if (smooth) {
    const sm = smoothWithFactor(r);
    rS = sm.r;
    cholR = sm.chol;
    if (sm.smoothed) warnings.push('Matrix was not positive definite, smoothing was done');
  } else {
    cholR = choleskyLogDet(rS);
  }
  // Both matrices are positive definite after smoothing, so with Cholesky
  // factors Σ = A Aᵀ and R = C Cᵀ: tr(Σ⁻¹R) = ‖A⁻¹C‖²_F and
  // log|Σ⁻¹R| = log|R| − log|Σ|. LU is the fallback.
  const cholModel = modelSm.chol;
  let objective: number;
  if (cholModel !== null && cholR !== null) {
    objective =
      traceOfInverseProduct(cholModel.factor, cholR.factor, p) -
      (cholR.logDet - cholModel.logDet) -
      p;
  } else {
    let mInvR = luSolveOrNull(modelS, rS);
    if (mInvR === null) {
      warnings.push(
        'the model inverse times the r matrix is singular, replaced with Identity matrix which means fits are wrong',
      );
      mInvR = Array.from({ length: p }, (_, i) =>
        Array.from({ length: p }, (_, j) => (i === j ? 1 : 0)),
      );
    }
    let trM = 0;
    for (let i = 0; i < p; i++) trM += mInvR[i]![i]!;
    objective = trM - logDetPositive(mInvR) - p;
  }
  if (!Number.isFinite(objective)) {
    objective = rstar2;
    warnings.push(
      'The determinant of the smoothed correlation was zero. This means the objective function is not defined. Chi square is based upon observed residuals.',
    );
  }
  const nm = nObs - 1 - (2 * p + 5) / 6 - (2 * k) / 3;
  let STATISTIC: number | null = null;
  let PVAL: number | null = null;
  let chisq = NaN;
  if (hasN) {
    chisq = objective * nm;
    STATISTIC = chisq < 0 ? 0 : chisq;
    PVAL = dof > 0 ? chiSquareCdf(STATISTIC, dof, true) : null;
  }
  let F0 = trR - (cholR !== null ? cholR.logDet : logDetPositive(rS)) - p;
  if (!Number.isFinite(F0)) {
    F0 = r2;
    warnings.push(
      'The determinant of the smoothed correlation was zero. This means the objective function is not defined for the null model either.',
    );
  }
  const Mm = objective / dof;
  const M0 = (F0 * 2) / (p * (p - 1));
  let nullChisq: number | null = null;
  let TLI: number | null = null;
  let RMSEA: RmseaInterval | null = null;
  let BIC: number | null = null;
  let SABIC: number | null = null;
  if (hasN) {
    nullChisq = F0 * (nObs - 1 - (2 * p + 5) / 6);
    const tli = (M0 - Mm) / (M0 - 1 / nm);
    // With dof = 0 psych gets ±Inf here; report "not available" instead.
    TLI = Number.isFinite(tli) ? tli : null;
    if (dof > 0 && Number.isFinite(objective)) {
      RMSEA = rmseaInterval(chisq, STATISTIC!, dof, nObs, alpha);
      BIC = chisq - dof * Math.log(nObs);
      SABIC = chisq - dof * Math.log((nObs + 2) / 24);
    }
  }

  // Regression weights for factor scores: solve(R, F Φ).
  const S = phi === null ? f.map((row) => [...row]) : matmul(f, phi);
  let w = cholR !== null ? choleskySolve(cholR.factor, p, S) : luSolveOrNull(rS, S);
  if (w === null) {
    warnings.push('In factor.stats, the correlation matrix is singular, an approximation is used');
    w = luSolveOrNull(eigenFloor(rS), S) ?? f.map((row) => [...row]);
  }
  let R2: (number | null)[] = [];
  for (let j = 0; j < k; j++) {
    let s = 0;
    for (let i = 0; i < p; i++) s += w[i]![j]! * S[i]![j]!;
    R2.push(s);
  }
  const prod = R2.reduce<number>((a, b) => a * (b ?? 1), 1);
  if (prod < 0) {
    warnings.push(
      'In factor.stats: The factor scoring weights matrix is probably singular -- Factor score estimate results are likely incorrect.',
    );
    R2 = R2.map((v) => (v === null || Math.abs(v) > 1 || v <= 0 ? null : v));
  }
  const maxR2 = Math.max(...R2.map((v) => v ?? -Infinity));
  if (maxR2 > 1 + 2.220446049250313e-16) {
    warnings.push(
      'The estimated weights for the factor scores are probably incorrect.  Try a different factor score estimation method.',
    );
  }

  return {
    dof,
    objective,
    STATISTIC,
    PVAL,
    chi,
    EPVAL,
    RMSEA,
    TLI,
    BIC,
    SABIC,
    EBIC,
    ESABIC,
    rms,
    crms,
    fit,
    fitOff,
    nullModel: F0,
    nullDof: (p * (p - 1)) / 2,
    nullChisq,
    nh,
    nObs: hasN ? nObs : null,
    complexity,
    weights: w,
    R2,
    warnings,
  };
}

// ‖A⁻¹C‖²_F for lower-triangular A, C (flat n×n): forward substitution, one column of C at a time.
function traceOfInverseProduct(A: Float64Array, C: Float64Array, n: number): number {
  const x = new Float64Array(n);
  let total = 0;
  for (let c = 0; c < n; c++) {
    // Column c of C is zero above row c, so the solution is too.
    for (let i = c; i < n; i++) {
      let s = C[i * n + c]!;
      for (let k = c; k < i; k++) s -= A[i * n + k]! * x[k]!;
      const v = s / A[i * n + i]!;
      x[i] = v;
      total += v * v;
    }
  }
  return total;
}

// psych's fallback for a singular R in factor.stats: floor tiny eigenvalues, unit diagonal.
function eigenFloor(r: readonly (readonly number[])[]): number[][] {
  const p = r.length;
  const flat = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) flat[i * p + j] = r[i]![j]!;
  const eig = new SymmetricEigen(p).decompose(flat, true);
  const vals = Array.from(eig.values, (v) =>
    v < 2.220446049250313e-16 ? 100 * 2.220446049250313e-16 : v,
  );
  const out: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let k = 0; k < p; k++) s += eig.vectors[i * p + k]! * vals[k]! * eig.vectors[j * p + k]!;
      out[i]![j] = i === j ? 1 : s;
    }
  }
  return out;
}

/**
 * RMSEA and its (1 − alpha) interval from the noncentral chi-square, as
 * psych's factor.stats: the bounds solve pchisq(STATISTIC, dof, ncp) = alpha/2
 * (upper) and 1 − alpha/2 (lower) for ncp and convert with sqrt(ncp/(n−1)/dof).
 */
export function rmseaInterval(
  chisq: number,
  statistic: number,
  dof: number,
  nObs: number,
  alpha: number,
): RmseaInterval {
  const rmsea = Math.sqrt(Math.max(chisq / (dof * nObs) - 1 / (nObs - 1), 0));
  const tail = alpha / 2;
  const max = Math.max(nObs, chisq) + 2 * nObs;
  const central = chiSquareCdf(statistic, dof);
  let upper: number | null = 0;
  if (central > tail) {
    const root = findRoot((x) => noncentralChiSquareCdf(statistic, dof, x) - tail, 0, max);
    upper = Number.isNaN(root) ? (rmsea <= 0 ? 0 : null) : Math.sqrt(root / (nObs - 1) / dof);
  }
  let lower: number | null = 0;
  if (central > 1 - tail) {
    const root = findRoot((x) => noncentralChiSquareCdf(statistic, dof, x) - 1 + tail, 0, max);
    lower = Number.isNaN(root) ? null : Math.sqrt(root / (nObs - 1) / dof);
  }
  if (upper !== null && upper < rmsea) upper = null;
  if (lower !== null && lower > rmsea) lower = null;
  return { RMSEA: rmsea, lower, upper, confidence: 1 - alpha };
}
