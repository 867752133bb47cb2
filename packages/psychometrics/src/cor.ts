/**
 * Pearson correlations and covariances with pairwise-complete observations,
 * as R's `cor(x, use = "pairwise")` / `cov(x, use = "pairwise")`.
 *
 * For each pair of items only the cases that answered both are used, and the
 * means entering that pair's covariance are the means over those cases (this is
 * what R does, and it is why a pairwise covariance matrix need not be positive
 * definite).
 *
 * Implementation (pairwise-sums.ts): one cache-blocked dense cross-product of
 * shifted values, exact for integer (Likert) data and mean-shifted otherwise,
 * so results agree with R's two-pass algorithm to ~1e-15.
 */
import type { Dataset } from './dataset.ts';
import { PsychometricsInputError } from './errors.ts';
import type { ColumnSummary } from './pairwise-sums.ts';
import { computePairSums } from './pairwise-sums.ts';

/** Pairwise-complete moments of a set of items; every matrix is p×p, row-major. */
export interface PairwiseMoments {
  /** Item names, in column order. */
  names: string[];
  /** Number of cases answering both items i and j (diagonal: cases answering i). */
  n: number[][];
  /** Covariance with n−1 denominator over the cases answering both items (NaN when n < 2). */
  cov: number[][];
  /** Pearson correlation over the same cases (NaN when n < 2 or a variance is 0). */
  r: number[][];
  /** Item means over answered cases (NaN when none). */
  means: number[];
  /** Number of answers per item (the diagonal of `n`). */
  counts: number[];
}

/** Result of {@link correlatePairwise}. */
export interface CorrelationResult extends PairwiseMoments {
  /** Item standard deviations (n−1 denominator) over answered cases. */
  sds: number[];
  /** Number of missing answers per item. */
  nMissing: number[];
}

/** psych-shaped JSON of a correlation analysis (the layout of ref/bfi_cor.json without `meta`). */
export interface CorrelationJson {
  items: string[];
  cor: { rows: string[]; cols: string[]; values: number[][] };
  pairwise_n: { rows: string[]; cols: string[]; values: number[][] };
  mean: Record<string, number>;
  sd: Record<string, number>;
  n_missing: Record<string, number>;
}

/**
 * Pairwise-complete covariance and correlation matrices with pairwise counts.
 * This is the workhorse behind {@link correlatePairwise}, `alpha` and `scoreItems`.
 * The heavy lifting (one blocked cross-product, exact for Likert data) is in
 * pairwise-sums.ts.
 *
 * @param data - items as columns, NaN = missing.
 * @param summaries - optional per-column summaries (pairwise-sums.ts) already computed by the caller.
 * @returns n, cov and r matrices (p×p), item means and answer counts.
 */
export function computePairwiseMoments(
  data: Dataset,
  summaries?: readonly ColumnSummary[],
): PairwiseMoments {
  const p = data.columns.length;
  const ps = computePairSums(data.columns, data.nRows, summaries);
  const nMat: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const covMat: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(NaN));
  const rMat: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(NaN));
  for (let a = 0; a < p; a++) {
    for (let b = a; b < p; b++) {
      const n = ps.n[a * p + b]!;
      const sx = ps.sx[a * p + b]!;
      const sxx = ps.sxx[a * p + b]!;
      const sy = ps.sx[b * p + a]!;
      const syy = ps.sxx[b * p + a]!;
      const sxy = ps.sxy[a * p + b]!;
      let cov = NaN;
      let r = NaN;
      if (n >= 2) {
        const cxy = sxy - (sx * sy) / n;
        const cxx = sxx - (sx * sx) / n;
        const cyy = syy - (sy * sy) / n;
        cov = cxy / (n - 1);
        if (cxx > 0 && cyy > 0) {
          r = cxy / (Math.sqrt(cxx) * Math.sqrt(cyy));
          // As in R, guard against |r| creeping past 1 through rounding.
          if (r > 1) r = 1;
          else if (r < -1) r = -1;
        }
        if (a === b) {
          cov = cxx / (n - 1);
          r = cxx > 0 ? 1 : NaN;
        }
      }
      nMat[a]![b] = n;
      nMat[b]![a] = n;
      covMat[a]![b] = cov;
      covMat[b]![a] = cov;
      rMat[a]![b] = r;
      rMat[b]![a] = r;
    }
  }
  const means = Array.from(ps.count, (k, j) => (k > 0 ? ps.shift[j]! + ps.s1[j]! / k : NaN));
  return {
    names: [...data.names],
    n: nMat,
    cov: covMat,
    r: rMat,
    means,
    counts: Array.from(ps.count),
  };
}

/**
 * Covariance matrix (n − 1 denominator) of the data after every missing value
 * of column j is replaced by `fill[j]` — the matrix psych::scoreItems computes
 * after median or mean imputation — without materialising the imputed data.
 * With z = x − shift and δ = shift − fill, each imputed column deviates from its
 * fill by z + δ on answered rows and by 0 on imputed rows, so every needed sum
 * follows from the pairwise sums of the raw data.
 *
 * @param data - items as columns, NaN = missing.
 * @param fill - the imputation value of each column (finite).
 * @param summaries - optional per-column summaries (pairwise-sums.ts) already computed by the caller.
 * @returns p×p covariance matrix over all rows.
 */
export function covarianceImputed(
  data: Dataset,
  fill: ArrayLike<number>,
  summaries?: readonly ColumnSummary[],
): number[][] {
  const p = data.columns.length;
  const nRows = data.nRows;
  const ps = computePairSums(data.columns, nRows, summaries);
  const delta = Float64Array.from({ length: p }, (_, j) => ps.shift[j]! - fill[j]!);
  // Σ over all rows of (imputed x − fill) per column.
  const total = Float64Array.from({ length: p }, (_, j) => ps.s1[j]! + delta[j]! * ps.count[j]!);
  const cov: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(NaN));
  if (nRows < 2) return cov;
  for (let a = 0; a < p; a++) {
    const da = delta[a]!;
    for (let b = a; b < p; b++) {
      const db = delta[b]!;
      const ab = a * p + b;
      // Σ over rows answering both of (z_a + δ_a)(z_b + δ_b).
      const g = ps.sxy[ab]! + db * ps.sx[ab]! + da * ps.sx[b * p + a]! + da * db * ps.n[ab]!;
      const v = (g - (total[a]! * total[b]!) / nRows) / (nRows - 1);
      cov[a]![b] = v;
      cov[b]![a] = v;
    }
  }
  return cov;
}

/**
 * Pairwise-complete covariance matrix, as R's `cov(x, use = "pairwise")`.
 *
 * @param data - items as columns, NaN = missing.
 * @returns p×p covariance matrix (row-major), n−1 denominator.
 * @throws PsychometricsInputError when some pair of items has fewer than 2 joint answers.
 */
export function covariancePairwise(data: Dataset): number[][] {
  const m = computePairwiseMoments(data);
  assertEnoughPairs(m);
  return m.cov;
}

/**
 * Pearson correlations with pairwise-complete observations (R: `cor(x, use = "pairwise")`),
 * with the pairwise counts (psych::pairwiseCount) and item means, sds and missing counts.
 *
 * @param data - items as columns, NaN = missing.
 * @returns `r` (p×p, row-major `number[][]`), `n`, `cov`, `means`, `sds`, `nMissing`.
 * @throws PsychometricsInputError when an item has zero variance or a pair has fewer than 2 joint answers.
 */
export function correlatePairwise(data: Dataset): CorrelationResult {
  if (data.columns.length === 0) {
    throw new PsychometricsInputError('Correlations need at least one item.');
  }
  const m = computePairwiseMoments(data);
  assertEnoughPairs(m);
  const p = m.names.length;
  for (let j = 0; j < p; j++) {
    if (!(m.cov[j]![j]! > 0)) {
      throw new PsychometricsInputError(
        `Item "${m.names[j]}" has zero variance, so its correlations are undefined.`,
      );
    }
  }
  const sds = m.cov.map((row, j) => Math.sqrt(row[j]!));
  const nMissing = m.counts.map((k) => data.nRows - k);
  return { ...m, sds, nMissing };
}

/**
 * Presents a {@link CorrelationResult} in the psych/reference JSON layout
 * (ref/bfi_cor.json without `meta`).
 */
export function correlationToPsychJson(result: CorrelationResult): CorrelationJson {
  const names = result.names;
  const named = (v: number[]): Record<string, number> =>
    Object.fromEntries(names.map((nm, j) => [nm, v[j]!]));
  return {
    items: [...names],
    cor: { rows: [...names], cols: [...names], values: result.r.map((row) => [...row]) },
    pairwise_n: { rows: [...names], cols: [...names], values: result.n.map((row) => [...row]) },
    mean: named(result.means),
    sd: named(result.sds),
    n_missing: named(result.nMissing),
  };
}

function assertEnoughPairs(m: PairwiseMoments): void {
  const p = m.names.length;
  for (let a = 0; a < p; a++) {
    for (let b = a; b < p; b++) {
      if (m.n[a]![b]! < 2) {
        throw new PsychometricsInputError(
          a === b
            ? `Item "${m.names[a]}" has fewer than 2 answers.`
            : `Items "${m.names[a]}" and "${m.names[b]}" are answered together by fewer than 2 cases, so their covariance is undefined.`,
        );
      }
    }
  }
}

/**
 * Pearson correlation of two vectors over the positions where both are present
 * (R: `cor(x, y, use = "pairwise")`). NaN when fewer than 2 joint cases or a
 * variance is zero.
 */
export function correlateVectorsPairwise(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const len = Math.min(x.length, y.length);
  // Two passes as R does: joint means first, then centred cross-products.
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < len; i++) {
    const u = x[i]!;
    const v = y[i]!;
    if (u === u && v === v) {
      n++;
      sx += u;
      sy += v;
    }
  }
  if (n < 2) return NaN;
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < len; i++) {
    const u = x[i]!;
    const v = y[i]!;
    if (u === u && v === v) {
      const du = u - mx;
      const dv = v - my;
      sxx += du * du;
      syy += dv * dv;
      sxy += du * dv;
    }
  }
  if (!(sxx > 0 && syy > 0)) return NaN;
  const r = sxy / (Math.sqrt(sxx) * Math.sqrt(syy));
  return r > 1 ? 1 : r < -1 ? -1 : r;
}
