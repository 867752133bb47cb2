/**
 * Cronbach's alpha and its companions, as psych::alpha (psych 2.2.9) computes
 * them from raw data with the default `use = "pairwise"`.
 *
 * What psych does, and therefore what this does:
 * - C = pairwise-complete covariance matrix of the (reversed) items;
 *   R = cov2cor(C) (so R uses each item's full-sample variance, not the
 *   pair-specific variances of `cor(x, use = "pairwise")`).
 * - raw alpha = (1 − tr C / ΣC) · p/(p−1); standardized alpha from ΣR;
 *   Guttman's λ6 from the SMCs of R; average r; S/N; Duhachek–Iacobucci
 *   standard error sqrt(Q/N) with N = all rows, answered or not.
 * - The same statistics for every item dropped in turn (alpha.drop).
 * - Item statistics against the person totals, which are the MEANS of each
 *   person's answered items (psych's default `cumulative = FALSE`).
 * - Unidim and Fit.off are psych 2.2.9's two goodness-of-fit indices of a
 *   one-number (average r) model of R. Fit.off's denominator reproduces
 *   psych's `R - diag(R)` exactly, which subtracts 1 from every cell.
 * - Feldt's confidence interval via psych::alpha.ci (F quantiles).
 *
 * Items without variance are dropped with a warning, as psych does.
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { computePairwiseMoments } from './cor.ts';
import type { Dataset } from './dataset.ts';
import { assertShape, createDataset, selectColumns } from './dataset.ts';
import { fQuantile } from './distributions.ts';
import { PsychometricsInputError } from './errors.ts';
import type { ReverseRange, ScaleKey, ScoringKeys } from './keys.ts';
import { applyReversal, observedRange, resolveReverseRange } from './keys.ts';
import { covToCor, squaredMultipleCorrelations, subMatrix, sumAll, trace } from './linalg.ts';
import { medianOfSorted } from './numeric.ts';

/** Options for {@link computeAlpha}. */
export interface AlphaOptions {
  /** Items to reverse (psych: `keys`). Reversal is `min + max − x`. */
  reverse?: readonly string[];
  /** Reversal range; by default the smallest and largest answer over the scale's items. */
  min?: number;
  max?: number;
  /** Scale name carried into the result (for multi-scale output). */
  name?: string;
}

/** Reliability statistics of a set of items (one row of psych's `total` or `alpha.drop`). */
export interface AlphaStatistics {
  rawAlpha: number;
  stdAlpha: number;
  /** Guttman's lambda 6 from squared multiple correlations. */
  g6: number;
  averageR: number;
  /** Signal-to-noise ratio p·r̄/(1 − r̄). */
  signalNoise: number;
  /** Standard error of raw alpha, sqrt(Q/N) (NaN where psych gives NA). */
  alphaSe: number;
  /** Variance of the inter-item correlations (NaN with one correlation). */
  varR: number;
  /** Median inter-item correlation. */
  medianR: number;
}

/** One item of psych's `alpha.drop`: the statistics of the scale without it. */
export interface AlphaDropRow extends AlphaStatistics {
  item: string;
}

/** One item of psych's `item.stats`. */
export interface AlphaItemStats {
  item: string;
  /** Number of answers. */
  n: number;
  /** Correlation of the item with the (mean) total score. */
  rawR: number;
  /** Item–total correlation from the standardized items. */
  stdR: number;
  /** Item–total correlation corrected for overlap and unreliability (SMC on the diagonal). */
  rCor: number;
  /** Correlation of the item with the total of the other items. */
  rDrop: number;
  mean: number;
  sd: number;
}

/** Result of {@link computeAlpha}. */
export interface AlphaResult {
  name: string | undefined;
  items: string[];
  reversed: string[];
  /** psych-form keys, e.g. `["-A1", "A2"]`. */
  keys: string[];
  min: number;
  max: number;
  reverseConstant: number;
  /** Number of rows (cases), answered or not. */
  nRows: number;
  total: Omit<AlphaStatistics, 'alphaSe' | 'varR'> & { ase: number; mean: number; sd: number };
  alphaDrop: AlphaDropRow[];
  itemStats: AlphaItemStats[];
  /** psych 2.2.9's Unidim (fit of the average-r model, diagonal included). */
  unidim: number;
  /** Fit of the average-r model off the diagonal. */
  fitOff: number;
  /** Variance of the inter-item correlations. */
  varR: number;
  /** Feldt 95% confidence interval for raw alpha. */
  feldt: { lower: number; alpha: number; upper: number; rBar: number };
  /** Each person's mean over answered (reversed) items; NaN when none answered. */
  scores: Float64Array;
  warnings: string[];
}

/** psych-shaped JSON of one alpha run (a scale object of ref/bfi_alpha.json). */
export interface AlphaJson {
  items: string[];
  reversed: string[];
  keys: string[];
  min: number;
  max: number;
  reverse_constant: number;
  n_rows: number;
  total: Record<string, number | null>;
  'alpha.drop': Record<string, string | number | null>[];
  'item.stats': Record<string, string | number | null>[];
  Unidim: number | null;
  'Fit.off': number | null;
  'var.r': number | null;
  feldt: {
    'lower.ci': number | null;
    alpha: number | null;
    'upper.ci': number | null;
    'r.bar': number | null;
  };
  warnings: string[];
}

interface AlphaCore {
  raw: number;
  std: number;
  g6: number;
  avr: number;
  sn: number;
  q: number;
  gf1: number;
  gf1Off: number;
  varR: number;
  medR: number;
}

/** The statistics psych's inner `alpha.1(C, R)` computes for one item set. */
function alphaCore(c: number[][], r: number[][]): AlphaCore {
  const n = c.length;
  const trC = trace(c);
  const sumC = sumAll(c);
  const sumR = sumAll(r);
  const raw = (1 - trC / sumC) * (n / (n - 1));
  const std = (1 - n / sumR) * (n / (n - 1));
  const smc = squaredMultipleCorrelations(r);
  const g6 = 1 - (n - smc.reduce((a, b) => a + b, 0)) / sumR;
  const avr = (sumR - n) / (n * (n - 1));
  const lower: number[] = [];
  for (let j = 0; j < n; j++) for (let i = j + 1; i < n; i++) lower.push(r[i]![j]!);
  const varR = sampleVariance(lower);
  const medR = medianOfSorted(lower.sort((a, b) => a - b));
  let ssRes = 0;
  let ssR = 0;
  let ssResOff = 0;
  let ssROff = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = r[i]![j]!;
      const res = v - avr;
      ssRes += res * res;
      ssR += v * v;
      if (i !== j) {
        ssResOff += res * res;
        // psych: Rd <- R - diag(R) recycles the unit diagonal over every cell.
        ssROff += (v - r[i]![i]!) * (v - r[i]![i]!);
      }
    }
  }
  const gf1 = 1 - ssRes / ssR;
  const gf1Off = 1 - ssResOff / ssROff;
  const sn = (n * avr) / (1 - avr);
  // tr(C C) = Σ c_ij² and sum(C C) = Σ_k (column sum k)² for symmetric C.
  let trCC = 0;
  let sumCC = 0;
  for (let k = 0; k < n; k++) {
    let col = 0;
    for (let i = 0; i < n; i++) {
      const v = c[i]![k]!;
      trCC += v * v;
      col += v;
    }
    sumCC += col * col;
  }
  const q =
    ((2 * n * n) / ((n - 1) ** 2 * sumC ** 3)) * (sumC * (trCC + trC * trC) - 2 * (trC * sumCC));
  return { raw, std, g6, avr, sn, q, gf1, gf1Off, varR, medR };
}

/** Column name of the person totals appended to the items; cannot clash with a CSV header. */
const TOTAL = '\u0000total';

/**
 * Each row's mean over its answered values in `cols` (NaN when none), or, when
 * items were deleted, psych's (k · mean + sumBad) / (k + nBad).
 */
function rowMeans(
  cols: readonly Float64Array[],
  nRows: number,
  bad: readonly number[],
  sumBad: number,
): Float64Array {
  const sums = new Float64Array(nRows);
  const counts = new Float64Array(nRows);
  // Column by column: contiguous reads, no per-row inner loop over columns.
  for (const col of cols) {
    for (let i = 0; i < nRows; i++) {
      const v = col[i]!;
      if (v === v) {
        sums[i]! += v;
        counts[i]!++;
      }
    }
  }
  const k = cols.length;
  for (let i = 0; i < nRows; i++) {
    const m = counts[i]! > 0 ? sums[i]! / counts[i]! : NaN;
    sums[i] = bad.length > 0 ? (k * m + sumBad) / (k + bad.length) : m;
  }
  return sums;
}

function sampleVariance(v: readonly number[]): number {
  if (v.length < 2) return NaN;
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  return v.reduce((a, b) => a + (b - m) * (b - m), 0) / (v.length - 1);
}

/**
 * psych::alpha on raw item data (pairwise-complete covariances).
 *
 * @param data - the scale's items as columns (NaN = missing), in their original coding.
 * @param options - items to reverse and the reversal range.
 * @returns alpha, alpha-if-item-dropped, item statistics, fit indices and the Feldt interval.
 * @throws PsychometricsInputError with fewer than 2 usable items or 2 cases, or when
 *   a pair of items has fewer than 2 joint answers.
 */
export function computeAlpha(data: Dataset, options: AlphaOptions = {}): AlphaResult {
  assertShape(data, 'Alpha', { minColumns: 2, minRows: 2 });
  const reversed = [...(options.reverse ?? [])];
  const warnings: string[] = [];
  let range: ReverseRange;
  if (options.min !== undefined && options.max !== undefined) {
    range = { min: options.min, max: options.max };
  } else {
    const obs = observedRange(data);
    range = { min: options.min ?? obs.min, max: options.max ?? obs.max };
  }
  const x = reversed.length > 0 ? applyReversal(data, reversed, range) : data;
  const nRows = x.nRows;

  // Person totals come first so that ONE pairwise pass over [items…, total] yields the item
  // covariances and the item–total correlations together.
  let scores = rowMeans(x.columns, nRows, [], 0);
  let mom = computePairwiseMoments(createDataset([...x.names, TOTAL], [...x.columns, scores]));
  const p0 = x.names.length;
  const bad: number[] = [];
  x.names.forEach((nm, j) => {
    if (!(mom.cov[j]![j]! > 0)) {
      bad.push(j);
      warnings.push(
        `Item = ${nm} had no variance and was deleted but still is counted in the score`,
      );
    }
  });
  const keep = x.names.map((_, j) => j).filter((j) => !bad.includes(j));
  if (keep.length < 2) {
    throw new PsychometricsInputError(
      `Alpha needs at least 2 items with variance; only ${keep.length} of ${p0} vary.`,
    );
  }
  if (options.reverse === undefined) {
    const neg = negativeFirstComponentItems(mom.r, keep, x.names);
    if (neg.length > 0) {
      warnings.push(
        `Some items (${neg.join(' ')}) were negatively correlated with the total scale and probably should be reversed.`,
      );
    }
  }
  if (bad.length > 0) {
    // psych: total = (nvar · mean of the kept items + sum of the deleted items' FIRST-ROW values) / (nvar + nbad).
    let sumBad = 0;
    for (const j of bad) {
      const v = x.columns[j]![0]!;
      if (v === v) sumBad += v;
    }
    const keptCols = keep.map((j) => x.columns[j]!);
    scores = rowMeans(keptCols, nRows, bad, sumBad);
    mom = computePairwiseMoments(
      createDataset([...keep.map((j) => x.names[j]!), TOTAL], [...keptCols, scores]),
    );
  }
  const names = keep.map((j) => x.names[j]!);
  const nvar = names.length;
  const itemIdx = [...Array(nvar).keys()];
  const c = subMatrix(mom.cov, itemIdx);
  const pairN = mom.n;
  for (let i = 0; i < nvar; i++) {
    for (let j = 0; j < i; j++) {
      if (pairN[i]![j]! < 2) {
        throw new PsychometricsInputError(
          `Items "${names[i]}" and "${names[j]}" are answered together by fewer than 2 cases, so alpha is undefined.`,
        );
      }
    }
  }

  const r = covToCor(c);
  const total = alphaCore(c, r);

  // alpha.drop
  const alphaDrop: AlphaDropRow[] = [];
  const seDenominator = nRows > nvar ? nRows : NaN; // psych omits "alpha se" when N ≤ p
  for (let i = 0; i < nvar; i++) {
    if (nvar > 2) {
      const idx = [...Array(nvar).keys()].filter((k) => k !== i);
      const d = alphaCore(subMatrix(c, idx), subMatrix(r, idx));
      alphaDrop.push({
        item: names[i]!,
        rawAlpha: d.raw,
        stdAlpha: d.std,
        g6: d.g6,
        averageR: d.avr,
        signalNoise: d.sn,
        alphaSe: Math.sqrt(d.q / seDenominator),
        varR: d.varR,
        medianR: d.medR,
      });
    } else {
      // Two items: dropping one leaves a single item; psych fills in these values.
      const r12 = r[0]![1]!;
      const other = i === 0 ? 1 : 0;
      alphaDrop.push({
        item: names[i]!,
        rawAlpha: c[0]![1]! / c[other]![other]!,
        stdAlpha: r12,
        g6: squaredMultipleCorrelations(r)[0]!,
        averageR: r12,
        signalNoise: r12 / (1 - r12),
        alphaSe: NaN,
        varR: 0,
        medianR: r12,
      });
    }
  }

  const tMean = mom.means[nvar]!;
  const tSd = Math.sqrt(mom.cov[nvar]![nvar]!);

  // item.stats
  const sumR = sumAll(r);
  const smc = squaredMultipleCorrelations(r);
  const rc = r.map((row, i) => row.map((v, j) => (i === j ? smc[i]! : v)));
  const sumRc = sumAll(rc);
  const sumC = sumAll(c);
  const itemStats: AlphaItemStats[] = names.map((item, i) => {
    let colSumR = 0;
    let colSumRc = 0;
    let colSumC = 0;
    for (let k = 0; k < nvar; k++) {
      colSumR += r[k]![i]!;
      colSumRc += rc[k]![i]!;
      colSumC += c[k]![i]!;
    }
    const cii = c[i]![i]!;
    const vDrop = sumC - 2 * colSumC + cii;
    return {
      item,
      n: mom.counts[i]!,
      rawR: mom.r[nvar]![i]!,
      stdR: colSumR / Math.sqrt(sumR),
      rCor: colSumRc / Math.sqrt(sumRc),
      rDrop: (colSumC - cii) / Math.sqrt(cii * vDrop),
      mean: mom.means[i]!,
      sd: Math.sqrt(cii),
    };
  });

  const keys = x.names.map((nm) => (reversed.includes(nm) ? `-${nm}` : nm));
  return {
    name: options.name,
    items: [...data.names],
    reversed,
    keys,
    min: range.min,
    max: range.max,
    reverseConstant: range.min + range.max,
    nRows,
    total: {
      rawAlpha: total.raw,
      stdAlpha: total.std,
      g6: total.g6,
      averageR: total.avr,
      signalNoise: total.sn,
      ase: Math.sqrt(total.q / nRows),
      mean: tMean,
      sd: tSd,
      medianR: total.medR,
    },
    alphaDrop,
    itemStats,
    unidim: total.gf1,
    fitOff: total.gf1Off,
    varR: total.varR,
    feldt: feldtInterval(total.raw, nRows, nvar),
    scores,
    warnings,
  };
}

/**
 * Feldt's confidence interval for coefficient alpha (psych::alpha.ci):
 * 1 − (1 − α)·F quantiles with df (N − 1, (N − 1)(p − 1)); r̄ is the average
 * correlation implied by alpha.
 *
 * @param alpha - raw alpha.
 * @param nObs - number of cases.
 * @param nVar - number of items.
 * @param level - two-sided coverage, default .95.
 */
export function feldtInterval(
  alpha: number,
  nObs: number,
  nVar: number,
  level = 0.95,
): { lower: number; alpha: number; upper: number; rBar: number } {
  const p = 1 - level;
  const df1 = nObs - 1;
  const df2 = (nObs - 1) * (nVar - 1);
  return {
    lower: 1 - (1 - alpha) * fQuantile(1 - p / 2, df1, df2),
    alpha,
    upper: 1 - (1 - alpha) * fQuantile(p / 2, df1, df2),
    rBar: alpha / (nVar - alpha * (nVar - 1)),
  };
}

/**
 * Items loading negatively on the first principal component of the pairwise
 * correlations (sign fixed so the loadings sum positive), as psych's check
 * before it warns that items should probably be reversed.
 */
function negativeFirstComponentItems(r: number[][], keep: number[], names: string[]): string[] {
  const sub = subMatrix(r, keep);
  if (sub.some((row) => row.some((v) => Number.isNaN(v)))) return [];
  const evd = new EigenvalueDecomposition(new Matrix(sub), { assumeSymmetric: true });
  const values = evd.realEigenvalues;
  let k = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[k]!) k = i;
  const v = evd.eigenvectorMatrix.getColumn(k);
  const sign = v.reduce((a, b) => a + b, 0) < 0 ? -1 : 1;
  return keep.filter((_, i) => sign * v[i]! < -1e-12).map((j) => names[j]!);
}

/**
 * Runs {@link computeAlpha} on every scale of a key set. Reversed items are
 * flipped with the key set's min/max when given, otherwise with the range over
 * all keyed items (the same rule as scoreItems).
 *
 * @returns one result per scale, in key order.
 * @throws PsychometricsInputError for unknown items or degenerate scales (naming the scale).
 */
export function computeAlphaForKeys(data: Dataset, keys: ScoringKeys): AlphaResult[] {
  const range = resolveReverseRange(data, keys);
  return keys.scales.map((scale: ScaleKey) => {
    try {
      return computeAlpha(selectColumns(data, scale.items), {
        reverse: scale.reversed,
        min: range.min,
        max: range.max,
        name: scale.name,
      });
    } catch (e) {
      if (e instanceof PsychometricsInputError) {
        throw new PsychometricsInputError(`Scale "${scale.name}": ${e.message}`);
      }
      throw e;
    }
  });
}

const nn = (v: number): number | null => (Number.isNaN(v) ? null : v);

/** Presents one {@link AlphaResult} in psych/reference layout (a scale object of ref/bfi_alpha.json). */
export function alphaToPsychJson(res: AlphaResult): AlphaJson {
  const t = res.total;
  return {
    items: res.items,
    reversed: res.reversed,
    keys: res.keys,
    min: res.min,
    max: res.max,
    reverse_constant: res.reverseConstant,
    n_rows: res.nRows,
    total: {
      raw_alpha: nn(t.rawAlpha),
      'std.alpha': nn(t.stdAlpha),
      'G6(smc)': nn(t.g6),
      average_r: nn(t.averageR),
      'S/N': nn(t.signalNoise),
      ase: nn(t.ase),
      mean: nn(t.mean),
      sd: nn(t.sd),
      median_r: nn(t.medianR),
    },
    'alpha.drop': res.alphaDrop.map((d) => ({
      item: d.item,
      raw_alpha: nn(d.rawAlpha),
      'std.alpha': nn(d.stdAlpha),
      'G6(smc)': nn(d.g6),
      average_r: nn(d.averageR),
      'S/N': nn(d.signalNoise),
      'alpha se': nn(d.alphaSe),
      'var.r': nn(d.varR),
      'med.r': nn(d.medianR),
    })),
    'item.stats': res.itemStats.map((s) => ({
      item: s.item,
      n: s.n,
      'raw.r': nn(s.rawR),
      'std.r': nn(s.stdR),
      'r.cor': nn(s.rCor),
      'r.drop': nn(s.rDrop),
      mean: nn(s.mean),
      sd: nn(s.sd),
    })),
    Unidim: nn(res.unidim),
    'Fit.off': nn(res.fitOff),
    'var.r': nn(res.varR),
    feldt: {
      'lower.ci': nn(res.feldt.lower),
      alpha: nn(res.feldt.alpha),
      'upper.ci': nn(res.feldt.upper),
      'r.bar': nn(res.feldt.rBar),
    },
    warnings: res.warnings,
  };
}

/** Presents several scales as `{ scales: { name: … } }`, the layout of ref/bfi_alpha.json. */
export function alphaScalesToPsychJson(results: readonly AlphaResult[]): {
  scales: Record<string, AlphaJson>;
} {
  return {
    scales: Object.fromEntries(
      results.map((r, i) => [r.name ?? `scale${i + 1}`, alphaToPsychJson(r)]),
    ),
  };
}
