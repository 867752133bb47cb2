/**
 * Exploratory factor analysis as `psych::fa` (psych 2.2.9) computes it:
 * minimum-residual ("minres") or maximum-likelihood ("ml") extraction,
 * optionally rotated by varimax or oblimin, with psych's sign and order
 * conventions, communalities, eigenvalues, Vaccounted, complexity, regression
 * factor-score weights and the fit statistics of `factor.stats`.
 *
 * Extraction follows psych's `fac`: the uniquenesses ψ are optimised by
 * L-BFGS-B on [0.005, 1] (parscale 0.01) starting from 1 − SMC, with psych's
 * analytic gradients. The loadings are then the leading eigenvectors of
 * R − diag(ψ) (minres) or of ψ^-1/2 R ψ^-1/2 (ml), scaled. Because psych's
 * optimiser stops early (factr = 1e7), we run the same L-BFGS-B iterations
 * (see lbfgsb.ts) so that our ψ agree with psych's to ~1e-7, not only with
 * the exact optimum.
 */
import { correlatePairwise } from './cor.ts';
import type { Dataset } from './dataset.ts';
import { PsychometricsInputError } from './errors.ts';
import { solveSymmetricOrNull } from './dense-solve.ts';
import { corSmooth, factorStats, type FactorFitStats, type RmseaInterval } from './fa-fit.ts';
import { minimizeLbfgsb } from './lbfgsb.ts';
import { pseudoInverseSymmetric } from './linalg.ts';
import { oblimin, orientAndOrder, varimax } from './rotate.ts';
import { smc } from './smc.ts';
import { SymmetricEigen } from './symmetric-eigen.ts';

/** Factoring method: psych's `fm`. */
export type FactorMethod = 'minres' | 'ml';
/** Rotation: psych's `rotate` (the ones supported here). */
export type RotationMethod = 'none' | 'varimax' | 'oblimin';

/** Options of {@link fa} and {@link faFromCorrelation}. */
export interface FaOptions {
  /** Number of factors (psych default 1). */
  nfactors?: number;
  /** Factoring method (default 'minres'). */
  fm?: FactorMethod;
  /** Rotation (psych default 'oblimin'). */
  rotate?: RotationMethod;
  /**
   * Number of observations for the chi-square statistics. {@link fa} defaults
   * to the number of rows (as psych does for raw data); for a correlation
   * matrix it is unknown unless given.
   */
  nObs?: number;
}

/** Options only meaningful for a correlation-matrix input. */
export interface FaMatrixOptions extends FaOptions {
  /** Variable names (default V1..Vp). */
  names?: readonly string[];
  /** Pairwise observation counts (psych np.obs): weights the empirical fit statistics. */
  pairwiseN?: readonly (readonly number[])[] | null;
}

/** Everything psych::fa reports that this package computes. */
export interface FaResult {
  /** Variable names. */
  names: string[];
  /** Factor names after psych's reordering, e.g. ['MR2', 'MR1', …]. */
  factorNames: string[];
  nfactors: number;
  fm: FactorMethod;
  rotate: RotationMethod;
  /** n.obs used for the statistics (null when unknown). */
  nObs: number | null;
  /** Rotated (pattern) loadings, p×k, psych-oriented and ordered. */
  loadings: number[][];
  /** Unrotated loadings (psych's sign convention, extraction order). */
  unrotatedLoadings: number[][];
  /** diag(L Lᵀ) of the unrotated solution = diag(L Φ Lᵀ) of the rotated one (psych h2). */
  communality: number[];
  /** 1 − ψ from the optimiser (psych communalities). */
  communalities: number[];
  /** 1 − communality (psych u2). */
  uniquenesses: number[];
  /** Factor correlations (oblique rotations only). */
  phi: number[][] | null;
  /** Structure matrix L Φ (or L). */
  structure: number[][];
  /** Rows: SS loadings, Proportion Var, Cumulative Var, Proportion Explained, Cumulative Proportion. */
  vaccounted: { rows: string[]; values: number[][] };
  /** Eigenvalues of R with the fitted communalities on the diagonal. */
  values: number[];
  /** Eigenvalues of R. */
  eValues: number[];
  /** Hofmann's row complexity of the loadings. */
  complexity: number[];
  /** Regression factor-score weights solve(R, Structure). */
  weights: number[][];
  /** Multiple R² of the factor-score estimates with the factors. */
  R2: (number | null)[];
  /** psych rot.mat (null without rotation). */
  rotMat: number[][] | null;
  /** Fit statistics (psych factor.stats). */
  stats: FactorFitStats;
  /** Optimiser report. */
  optimizer: { iterations: number; evaluations: number; converged: boolean; message: string };
  /** Warnings psych would give (non-positive-definite matrix, Heywood cases, …). */
  warnings: string[];
}

/** psych-shaped JSON of a factor analysis (the layout of ref/bfi_fa_*.json without `meta`). */
export interface FaJson {
  items: string[];
  nfactors: number;
  fm: string;
  rotate: string;
  'n.obs': number | null;
  loadings: NamedMatrix;
  communality: Record<string, number>;
  communalities: Record<string, number>;
  uniquenesses: Record<string, number>;
  Phi: NamedMatrix | null;
  Structure: NamedMatrix;
  Vaccounted: NamedMatrix;
  values: number[];
  'e.values': number[];
  complexity: Record<string, number>;
  weights: NamedMatrix;
  R2: (number | null)[];
  'rot.mat': NamedMatrix | null;
  stats: FaStatsJson;
  warnings: string[];
}

/** A matrix in the reference layout. */
export interface NamedMatrix {
  rows: string[];
  cols: string[];
  values: number[][];
}

/** psych-shaped fit statistics. */
export interface FaStatsJson {
  objective: number;
  STATISTIC: number | null;
  dof: number;
  PVAL: number | null;
  chi: number | null;
  EPVAL: number | null;
  RMSEA: RmseaInterval | null;
  TLI: number | null;
  BIC: number | null;
  SABIC: number | null;
  /** psych's EBIC (the reference file stores it under this name as null; we give the value). */
  eBIC: number | null;
  ESABIC: number | null;
  rms: number;
  crms: number | null;
  fit: number;
  'fit.off': number;
  'null.model': number;
  'null.dof': number;
  'null.chisq': number | null;
  nh: number | null;
}

/**
 * Factor analysis of raw item data, as `psych::fa(x, ...)`: Pearson
 * correlations with pairwise deletion, n.obs = number of rows, and the
 * empirical fit statistics weighted by the pairwise counts.
 *
 * @param data - items as columns (NaN = missing).
 * @param options - nfactors, fm, rotate, nObs.
 * @throws PsychometricsInputError for unusable input (see {@link faFromCorrelation}).
 */
export function fa(data: Dataset, options: FaOptions = {}): FaResult {
  const cor = correlatePairwise(data);
  return faFromCorrelation(cor.r, {
    ...options,
    names: cor.names,
    nObs: options.nObs ?? data.nRows,
    pairwiseN: cor.n,
  });
}

/**
 * Factor analysis of a correlation matrix, as `psych::fa(r, ...)`.
 *
 * @param r - p×p correlation matrix (symmetric, unit diagonal, no missing values).
 * @param options - nfactors, fm, rotate, nObs, names, pairwise counts.
 * @throws PsychometricsInputError when r has missing values, is not square,
 *   or nfactors is not an integer in [1, p − 1].
 */
export function faFromCorrelation(
  r: readonly (readonly number[])[],
  options: FaMatrixOptions = {},
): FaResult {
  const p = r.length;
  const nf = options.nfactors ?? 1;
  const fm: FactorMethod = options.fm ?? 'minres';
  const rotate: RotationMethod = options.rotate ?? 'oblimin';
  const names = options.names
    ? [...options.names]
    : Array.from({ length: p }, (_, i) => `V${i + 1}`);
  validate(r, nf, names, fm, rotate);
  const warnings: string[] = [];

  // psych fits the raw matrix; a non-positive-definite one has no ML solution
  // (log of a negative eigenvalue), so smooth it there as psych's cor.smooth does.
  let R = r.map((row) => [...row]);
  if (fm === 'ml') {
    const sm = corSmooth(R);
    if (sm.smoothed) {
      R = sm.r;
      warnings.push('Matrix was not positive definite, smoothing was done');
    }
  }

  const fitted = fitUniquenesses(R, nf, fm);
  const psi = fitted.psi;
  let L = fm === 'ml' ? mlLoadings(R, psi, nf) : minresLoadings(R, psi, nf);

  // psych: make each unrotated factor's column sum positive.
  L = flipColumnsPositive(L);
  for (const row of L) for (let j = 0; j < nf; j++) if (row[j] === 0) row[j] = 1e-15;
  const unrotated = L.map((row) => [...row]);
  const communality = L.map((row) => row.reduce((a, v) => a + v * v, 0));

  let loadings = L;
  let phi: number[][] | null = null;
  let rotMat: number[][] | null = null;
  if (rotate !== 'none' && nf > 1) {
    const rot = rotate === 'varimax' ? varimax(L) : oblimin(L);
    if (!rot.converged) {
      warnings.push(
        rotate === 'varimax'
          ? 'varimax did not converge in 1000 iterations.'
          : 'convergence not obtained in GPFoblq. 1000 iterations used.',
      );
    }
    loadings = rot.loadings;
    phi = rot.phi;
    rotMat = rot.rotMat;
  }
  const prefix = fm === 'ml' ? 'ML' : 'MR';
  let factorNames = Array.from({ length: nf }, (_, j) => `${prefix}${j + 1}`);
  if (nf > 1) {
    const oriented = orientAndOrder(loadings, phi);
    loadings = oriented.loadings;
    phi = oriented.phi;
    factorNames = oriented.order.map((j) => factorNames[j]!);
  } else if (loadings.reduce((a, row) => a + row[0]!, 0) < 0) {
    loadings = loadings.map((row) => [-row[0]!]);
  }

  const structure = phi === null ? loadings.map((row) => [...row]) : matmul(loadings, phi);
  const stats = factorStats(R, loadings, phi, {
    nObs: options.nObs,
    pairwiseN: options.pairwiseN ?? null,
    alpha: 0.1,
    smooth: true,
  });
  warnings.push(...stats.warnings);
  if (Math.max(...communality) > 1)
    warnings.push('An ultra-Heywood case was detected.  Examine the results carefully');

  // Eigenvalues: of R, and of R with the fitted communalities on the diagonal.
  const eig = new SymmetricEigen(p);
  const flat = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) flat[i * p + j] = R[i]![j]!;
  const eValues = Array.from(eig.decompose(flat, false).values);
  for (let i = 0; i < p; i++) flat[i * p + i] = communality[i]!;
  const values = Array.from(eig.decompose(flat, false).values);

  // Vaccounted.
  const vx = new Array<number>(nf).fill(0);
  if (phi === null) {
    for (const row of loadings) for (let j = 0; j < nf; j++) vx[j]! += row[j]! * row[j]!;
  } else {
    const ltl = matmul(transpose(loadings), loadings);
    for (let j = 0; j < nf; j++) for (let m = 0; m < nf; m++) vx[j]! += phi[j]![m]! * ltl[m]![j]!;
  }
  const uniquenesses = communality.map((h, i) => R[i]![i]! - h);
  let vtotal = 0;
  for (let i = 0; i < p; i++) vtotal += communality[i]! + uniquenesses[i]!;
  const sumVx = vx.reduce((a, b) => a + b, 0);
  const vRows = ['SS loadings', 'Proportion Var'];
  const vValues = [vx, vx.map((v) => v / vtotal)];
  if (nf > 1) {
    vRows.push('Cumulative Var', 'Proportion Explained', 'Cumulative Proportion');
    vValues.push(
      cumsum(vx.map((v) => v / vtotal)),
      vx.map((v) => v / sumVx),
      cumsum(vx.map((v) => v / sumVx)),
    );
  }

  // Factor-score weights as psych's factor.scores ("regression"): solve(R, S),
  // with the pseudo-inverse when R is singular.
  const weights =
    solveSymmetricOrNull(R, structure) ?? matmul(pseudoInverseSymmetric(R), structure);

  return {
    names,
    factorNames,
    nfactors: nf,
    fm,
    rotate,
    nObs: stats.nObs,
    loadings,
    unrotatedLoadings: unrotated,
    communality,
    communalities: Array.from(psi, (v) => 1 - v),
    uniquenesses,
    phi,
    structure,
    vaccounted: { rows: vRows, values: vValues },
    values,
    eValues,
    complexity: stats.complexity,
    weights,
    R2: stats.R2,
    rotMat,
    stats,
    optimizer: fitted.report,
    warnings,
  };
}

/**
 * Presents a {@link FaResult} in psych's/the reference's JSON layout.
 *
 * @param res - result of {@link fa} or {@link faFromCorrelation}.
 */
export function faToPsychJson(res: FaResult): FaJson {
  const named = (v: readonly number[]): Record<string, number> =>
    Object.fromEntries(res.names.map((nm, i) => [nm, v[i]!]));
  const itemMatrix = (m: number[][]): NamedMatrix => ({
    rows: [...res.names],
    cols: [...res.factorNames],
    values: m.map((row) => [...row]),
  });
  const s = res.stats;
  return {
    items: [...res.names],
    nfactors: res.nfactors,
    fm: res.fm,
    rotate: res.rotate,
    'n.obs': res.nObs,
    loadings: itemMatrix(res.loadings),
    communality: named(res.communality),
    communalities: named(res.communalities),
    uniquenesses: named(res.uniquenesses),
    Phi:
      res.phi === null
        ? null
        : {
            rows: [...res.factorNames],
            cols: [...res.factorNames],
            values: res.phi.map((r) => [...r]),
          },
    Structure: itemMatrix(res.structure),
    Vaccounted: {
      rows: [...res.vaccounted.rows],
      cols: [...res.factorNames],
      values: res.vaccounted.values,
    },
    values: [...res.values],
    'e.values': [...res.eValues],
    complexity: named(res.complexity),
    weights: itemMatrix(res.weights),
    R2: [...res.R2],
    'rot.mat':
      res.rotMat === null ? null : { rows: [], cols: [], values: res.rotMat.map((r) => [...r]) },
    stats: {
      objective: s.objective,
      STATISTIC: s.STATISTIC,
      dof: s.dof,
      PVAL: s.PVAL,
      chi: s.chi,
      EPVAL: s.EPVAL,
      RMSEA: s.RMSEA,
      TLI: s.TLI,
      BIC: s.BIC,
      SABIC: s.SABIC,
      eBIC: s.EBIC,
      ESABIC: s.ESABIC,
      rms: s.rms,
      crms: s.crms,
      fit: s.fit,
      'fit.off': s.fitOff,
      'null.model': s.nullModel,
      'null.dof': s.nullDof,
      'null.chisq': s.nullChisq,
      nh: s.nh,
    },
    warnings: [...res.warnings],
  };
}

/**
 * Only psych::fa's `values` (eigenvalues of R with the fitted communalities
 * on its diagonal) for an unrotated solution — what fa.parallel needs from
 * each simulated matrix, without the rotation, statistics and score weights.
 *
 * @param r - p×p correlation matrix (no missing entries).
 * @param nfactors - number of factors (psych's fa.parallel uses 1).
 * @param fm - factoring method.
 */
export function fittedEigenvalues(
  r: readonly (readonly number[])[],
  nfactors = 1,
  fm: FactorMethod = 'minres',
): number[] {
  const p = r.length;
  validate(
    r,
    nfactors,
    Array.from({ length: p }, (_, i) => `V${i + 1}`),
    fm,
    'none',
  );
  const psi = fitUniquenesses(r, nfactors, fm).psi;
  const L = fm === 'ml' ? mlLoadings(r, psi, nfactors) : minresLoadings(r, psi, nfactors);
  const flat = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) flat[i * p + j] = r[i]![j]!;
  for (let i = 0; i < p; i++) {
    let h = 0;
    for (let k = 0; k < nfactors; k++) {
      // psych replaces exact zeros by 1e-15 before forming the model.
      const v = L[i]![k] === 0 ? 1e-15 : L[i]![k]!;
      h += v * v;
    }
    flat[i * p + i] = h;
  }
  return Array.from(new SymmetricEigen(p).decompose(flat, false).values);
}

// ---------------------------------------------------------------------------
// Extraction

function validate(
  r: readonly (readonly number[])[],
  nf: number,
  names: readonly string[],
  fm: string,
  rotate: string,
): void {
  const p = r.length;
  if (fm !== 'minres' && fm !== 'ml') {
    throw new PsychometricsInputError(`Unknown factoring method "${fm}"; use "minres" or "ml".`);
  }
  if (rotate !== 'none' && rotate !== 'varimax' && rotate !== 'oblimin') {
    throw new PsychometricsInputError(
      `Unknown rotation "${rotate}"; use "none", "varimax" or "oblimin".`,
    );
  }
  if (p < 2) throw new PsychometricsInputError('Factor analysis needs at least 2 items.');
  if (names.length !== p) {
    throw new PsychometricsInputError(
      `Got ${names.length} names for a ${p}×${p} correlation matrix.`,
    );
  }
  if (!Number.isInteger(nf) || nf < 1 || nf >= p) {
    throw new PsychometricsInputError(
      `The number of factors must be a whole number from 1 to ${p - 1} (one less than the ${p} items); got ${nf}.`,
    );
  }
  for (let i = 0; i < p; i++) {
    const row = r[i]!;
    if (row.length !== p)
      throw new PsychometricsInputError('The correlation matrix must be square.');
    for (let j = 0; j < p; j++) {
      if (!Number.isFinite(row[j]!)) {
        throw new PsychometricsInputError(
          `The correlation between "${names[i]}" and "${names[j]}" is missing, so the factor analysis cannot continue. Drop one of these items.`,
        );
      }
    }
  }
}

interface FittedUniquenesses {
  psi: Float64Array;
  report: { iterations: number; evaluations: number; converged: boolean; message: string };
}

/**
 * The objective and gradient in the uniquenesses ψ, evaluated with one
 * eigen-decomposition per call and no allocation (the hot loop of fa).
 */
export class UniquenessObjective {
  private readonly p: number;
  private readonly nf: number;
  private readonly fm: FactorMethod;
  private readonly S: Float64Array;
  private readonly work: Float64Array;
  private readonly eig: SymmetricEigen;
  private readonly rowSS: Float64Array;
  private readonly scale: Float64Array;

  /**
   * @param r - correlation matrix (row-major arrays).
   * @param nf - number of factors.
   * @param fm - 'minres' (residual sum of squares) or 'ml' (likelihood).
   */
  constructor(r: readonly (readonly number[])[], nf: number, fm: FactorMethod) {
    const p = r.length;
    this.p = p;
    this.nf = nf;
    this.fm = fm;
    this.S = new Float64Array(p * p);
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) this.S[i * p + j] = r[i]![j]!;
    this.work = new Float64Array(p * p);
    this.eig = new SymmetricEigen(p);
    this.rowSS = new Float64Array(p);
    this.scale = new Float64Array(p);
  }

  /**
   * f(ψ) and ∇f(ψ) (written into `grad`).
   *
   * minres: f = Σ_{i>j} (r_ij − (ΛΛᵀ)_ij)² with Λ the leading eigenvectors of
   * R with 1 − ψ on the diagonal, scaled by √λ; psych's gradient is
   * diag(ΛΛᵀ) + ψ − 1 (eigenvalues floored at 0 there, at 100·eps in f).
   * ml: f = −Σ_{k>nf} (log e_k − e_k) + nf − p over the eigenvalues e of
   * ψ^-1/2 R ψ^-1/2; gradient (diag(ΛΛᵀ) + ψ − 1)/ψ² with Λ = ψ^1/2 V √(e − 1).
   */
  evaluate(psi: ArrayLike<number>, grad: Float64Array): number {
    const { p, nf, S, work, rowSS } = this;
    if (this.fm === 'minres') {
      work.set(S);
      for (let i = 0; i < p; i++) work[i * p + i] = 1 - psi[i]!;
      const { values, vectors } = this.eig.decompose(work, nf);
      const EPS = 2.220446049250313e-16;
      // Model loadings with floored eigenvalues: f uses 100·eps, the gradient 0.
      let f = 0;
      rowSS.fill(0);
      for (let i = 0; i < p; i++) {
        const vi = i * p;
        for (let k = 0; k < nf; k++) {
          const lam = values[k]!;
          const v = vectors[vi + k]!;
          rowSS[i] = rowSS[i]! + v * v * Math.max(lam, 0);
        }
        for (let j = 0; j < i; j++) {
          const vj = j * p;
          let m = 0;
          for (let k = 0; k < nf; k++) {
            const lam = values[k]! < EPS ? 100 * EPS : values[k]!;
            m += vectors[vi + k]! * vectors[vj + k]! * lam;
          }
          const d = S[vi + j]! - m;
          f += d * d;
        }
        grad[i] = rowSS[i]! + psi[i]! - S[vi + i]!;
      }
      return f;
    }
    // ml
    const sc = this.scale;
    for (let i = 0; i < p; i++) sc[i] = 1 / Math.sqrt(psi[i]!);
    for (let i = 0; i < p; i++) {
      for (let j = 0; j < p; j++) work[i * p + j] = S[i * p + j]! * sc[i]! * sc[j]!;
    }
    const { values, vectors } = this.eig.decompose(work, nf);
    let e = 0;
    for (let k = nf; k < p; k++) e += Math.log(values[k]!) - values[k]!;
    e = e - nf + p;
    for (let i = 0; i < p; i++) {
      let ss = 0;
      for (let k = 0; k < nf; k++) {
        const v = vectors[i * p + k]!;
        ss += v * v * Math.max(values[k]! - 1, 0);
      }
      // load = sqrt(ψ) V sqrt(e − 1) → diag(load loadᵀ) = ψ · ss.
      const ps = psi[i]!;
      grad[i] = (ps * ss + ps - S[i * p + i]!) / (ps * ps);
    }
    return -e;
  }
}

// psych's optimiser call: optim(start, fn, gr, method = "L-BFGS-B",
// lower = .005, upper = max(smc, 1), control = list(parscale = rep(.01, p))).
function fitUniquenesses(
  r: readonly (readonly number[])[],
  nf: number,
  fm: FactorMethod,
): FittedUniquenesses {
  const p = r.length;
  const smcs = smc(r);
  const upper = Math.max(...smcs, 1);
  const start = smcs.map((s, i) => r[i]![i]! - s);
  const PARSCALE = 0.01;
  const objective = new UniquenessObjective(r, nf, fm);
  const psi = new Float64Array(p);
  const fg = (y: Float64Array, g: Float64Array): number => {
    for (let i = 0; i < p; i++) psi[i] = y[i]! * PARSCALE;
    const f = objective.evaluate(psi, g);
    for (let i = 0; i < p; i++) g[i] = g[i]! * PARSCALE;
    return f;
  };
  let res;
  try {
    res = minimizeLbfgsb(
      fg,
      start.map((v) => v / PARSCALE),
      new Array<number>(p).fill(0.005 / PARSCALE),
      new Array<number>(p).fill(upper / PARSCALE),
    );
  } catch (err) {
    throw new PsychometricsInputError(
      `The factor model could not be fitted (${(err as Error).message}). The correlation matrix may be singular; try fewer factors or drop redundant items.`,
    );
  }
  const out = new Float64Array(p);
  for (let i = 0; i < p; i++) out[i] = res.x[i]! * PARSCALE;
  return {
    psi: out,
    report: {
      iterations: res.iterations,
      evaluations: res.evaluations,
      converged: res.converged,
      message: res.message,
    },
  };
}

// psych FAout.wls: leading eigenvectors of R − diag(ψ), scaled by sqrt(max(λ, 0)).
function minresLoadings(
  r: readonly (readonly number[])[],
  psi: Float64Array,
  nf: number,
): number[][] {
  const p = r.length;
  const flat = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) flat[i * p + j] = r[i]![j]!;
  for (let i = 0; i < p; i++) flat[i * p + i] = r[i]![i]! - psi[i]!;
  const { values, vectors } = new SymmetricEigen(p).decompose(flat, nf);
  return Array.from({ length: p }, (_, i) =>
    Array.from({ length: nf }, (_, k) => vectors[i * p + k]! * Math.sqrt(Math.max(values[k]!, 0))),
  );
}

// psych FAout: ψ^1/2 × leading eigenvectors of ψ^-1/2 R ψ^-1/2 scaled by sqrt(max(e − 1, 0)).
function mlLoadings(r: readonly (readonly number[])[], psi: Float64Array, nf: number): number[][] {
  const p = r.length;
  const flat = new Float64Array(p * p);
  const sc = Array.from(psi, (v) => 1 / Math.sqrt(v));
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) flat[i * p + j] = r[i]![j]! * sc[i]! * sc[j]!;
  const { values, vectors } = new SymmetricEigen(p).decompose(flat, nf);
  return Array.from({ length: p }, (_, i) =>
    Array.from(
      { length: nf },
      (_, k) => Math.sqrt(psi[i]!) * vectors[i * p + k]! * Math.sqrt(Math.max(values[k]! - 1, 0)),
    ),
  );
}

function flipColumnsPositive(L: number[][]): number[][] {
  const k = L[0]?.length ?? 0;
  const signs = new Array<number>(k).fill(1);
  for (let j = 0; j < k; j++) {
    let s = 0;
    for (const row of L) s += row[j]!;
    signs[j] = s < 0 ? -1 : 1;
  }
  return L.map((row) => row.map((v, j) => v * signs[j]!));
}

function cumsum(v: readonly number[]): number[] {
  let s = 0;
  return v.map((x) => (s += x));
}

function matmul(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number[][] {
  const n = a.length;
  const k = b.length;
  const m = b[0]?.length ?? 0;
  const out: number[][] = Array.from({ length: n }, () => new Array<number>(m).fill(0));
  for (let i = 0; i < n; i++) {
    for (let q = 0; q < k; q++) {
      const v = a[i]![q]!;
      for (let j = 0; j < m; j++) out[i]![j]! += v * b[q]![j]!;
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
