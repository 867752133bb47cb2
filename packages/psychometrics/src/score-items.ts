/**
 * Scale scores and scale reliabilities from scoring keys, as psych::scoreItems
 * (psych 2.2.9).
 *
 * - Items are taken in key order (each keyed item once). Items without
 *   variance are removed from the data and the keys with a warning.
 * - Reversal is `min + max − x` with min/max over ALL keyed items unless given.
 * - `impute = "median"` (psych's default) or `"mean"` replaces every missing
 *   answer by the item's median/mean first; every statistic then comes from the
 *   completed data. Scores are the means of the keyed (reversed) items.
 * - `impute = "none"`: a score is the mean of the answered items (NaN when none
 *   was answered), and the statistics come from the pairwise-complete item
 *   covariance matrix C; scale covariances are K'CK (K = +1/−1/0 key matrix).
 * - alpha = (V − Σ item variances)·k/((k−1)V) from scale variance V;
 *   G6 uses each item's SMC against ALL keyed items (not only its own scale);
 *   ase = sqrt(Q/N) with psych's Q; `corrected` has raw scale correlations
 *   below the diagonal, alpha on it and disattenuated correlations above.
 *
 * Since K'CK equals the covariance of the sum scores for complete data, both
 * imputation paths share one set of formulas (and one pass over the data for C).
 */
import { computePairwiseMoments, covarianceImputed } from './cor.ts';
import type { Dataset } from './dataset.ts';
import { selectColumns } from './dataset.ts';
import { PsychometricsInputError } from './errors.ts';
import type { ScoringKeys } from './keys.ts';
import { keyedItems } from './keys.ts';
import { histogramMedian, summarizeColumn } from './pairwise-sums.ts';
import { covToCor, squaredMultipleCorrelations, subMatrix } from './linalg.ts';
import { medianOfSorted } from './numeric.ts';

/** How missing answers are handled before scoring. */
export type ImputeMethod = 'median' | 'mean' | 'none';

/** Options for {@link scoreItems}. */
export interface ScoreItemsOptions {
  /** Missing-data handling; psych's default is `"median"`. */
  impute?: ImputeMethod;
  /** Reversal range; by default the keys' min/max, else the range over all keyed items. */
  min?: number;
  max?: number;
}

/** Result of {@link scoreItems}. Per-scale arrays follow `scales` order. */
export interface ScoreItemsResult {
  impute: ImputeMethod;
  min: number;
  max: number;
  /** Scale names in key order. */
  scales: string[];
  /** Items used (keyed items in key order, zero-variance items removed). */
  items: string[];
  alpha: number[];
  /** Guttman's lambda 6 (SMC over all keyed items). */
  g6: number[];
  averageR: number[];
  signalNoise: number[];
  medianR: number[];
  ase: number[];
  nItems: number[];
  /** With impute = "none": alpha for the mean number of answered items. */
  alphaObserved?: number[];
  /** With impute = "none": mean number of answered items per person (among persons answering any). */
  meanItemsAnswered?: number[];
  /** Scale intercorrelations (scales × scales). */
  cor: number[][];
  /** Lower: raw correlations, diagonal: alpha, upper: disattenuated correlations. */
  corrected: number[][];
  /** Item × scale correlations (items unreversed). */
  itemCor: number[][];
  /** Item × scale correlations corrected for overlap and reliability. */
  itemCorrected: number[][];
  /** One column per scale: each person's scale score (NaN when no item was answered and impute = "none"). */
  scores: Float64Array[];
  nRows: number;
  warnings: string[];
}

type Matrix = { rows: string[]; cols: string[]; values: (number | null)[][] };

/** psych-shaped JSON of one scoreItems run (`impute_median` / `impute_none` of ref/bfi_scoreItems.json). */
export interface ScoreItemsJson {
  impute: ImputeMethod;
  min: number;
  max: number;
  alpha: Record<string, number | null>;
  G6: Record<string, number | null>;
  'av.r': Record<string, number | null>;
  sn: Record<string, number | null>;
  'med.r': Record<string, number | null>;
  ase: Record<string, number | null>;
  'n.items': Record<string, number>;
  cor: Matrix;
  corrected: Matrix;
  'item.cor': Matrix;
  'item.corrected': Matrix;
  scores_first_rows: Matrix;
  scores_summary: {
    n_rows: number;
    mean: Record<string, number | null>;
    sd: Record<string, number | null>;
    n_nan: Record<string, number>;
    sum: Record<string, number>;
  };
  warnings: string[];
  'alpha.ob'?: Record<string, number | null>;
  'num.ob.item'?: Record<string, number | null>;
}

/**
 * psych::scoreItems: scale scores plus alpha, G6, average r, S/N, median r,
 * standard error of alpha, scale (inter)correlations and item–scale correlations.
 *
 * @param data - raw item answers (original coding), NaN = missing.
 * @param keys - scales and reversed items.
 * @param options - imputation and reversal range.
 * @throws PsychometricsInputError for unknown items, a scale left without items,
 *   fewer than 2 cases, or pairs of items never answered together (impute = "none").
 */
export function scoreItems(
  data: Dataset,
  keys: ScoringKeys,
  options: ScoreItemsOptions = {},
): ScoreItemsResult {
  const impute: ImputeMethod = options.impute ?? 'median';
  if (!['median', 'mean', 'none'].includes(impute)) {
    throw new PsychometricsInputError(
      `impute must be "median", "mean" or "none", not "${String(impute)}".`,
    );
  }
  const warnings: string[] = [];
  const allItems = keyedItems(keys);
  let items = selectColumns(data, allItems);
  const nRows = items.nRows;
  if (nRows < 2) throw new PsychometricsInputError(`Scoring needs at least 2 cases, got ${nRows}.`);

  // One pass per item for count, sum, min and max; medians only for items with missing answers.
  const stats = items.columns.map(summarizeColumn);

  // Imputed cells are never materialised: the imputed covariance comes from shifting each
  // item by its fill value (see covarianceImputed), and the scores add the fill directly.
  let fill: number[] | undefined;
  let moments: { n: number[][]; cov: number[][] };
  if (impute === 'none') {
    const m = computePairwiseMoments(items, stats);
    moments = { n: m.n, cov: m.cov };
  } else {
    fill = items.columns.map((col, j) => {
      const st = stats[j]!;
      if (st.count === nRows || st.count === 0) return st.count === 0 ? NaN : st.sum / st.count;
      if (impute === 'mean') return st.sum / st.count;
      // Whole-number answers (rating scales) have a histogram that gives the median directly.
      return histogramMedian(st) ?? columnMedian(col);
    });
    const cov = covarianceImputed(
      items,
      fill.map((f) => (Number.isNaN(f) ? 0 : f)),
      stats,
    );
    const n = items.columns.map(() => items.columns.map(() => nRows));
    // An item without any answer stays missing after imputation: psych then finds no variance.
    fill.forEach((f, j) => {
      if (Number.isNaN(f)) for (let k = 0; k < cov.length; k++) cov[j]![k] = cov[k]![j] = NaN;
    });
    moments = { n, cov };
  }

  // Zero-variance (or unanswered) items are removed from data and keys, as psych does.
  // Imputation cannot change which items lack variance, and the pairwise moments of the
  // remaining items do not depend on the deleted ones.
  const keepIdx: number[] = [];
  items.names.forEach((nm, j) => {
    if (moments.cov[j]![j]! > 0) keepIdx.push(j);
    else warnings.push(`Item= ${nm} had no variance and was deleted from the data and the keys.`);
  });
  if (keepIdx.length < items.names.length) {
    items = selectColumns(
      items,
      keepIdx.map((j) => items.names[j]!),
    );
    moments = { n: subMatrix(moments.n, keepIdx), cov: subMatrix(moments.cov, keepIdx) };
    if (fill) fill = keepIdx.map((j) => fill![j]!);
  }
  const keptStats = keepIdx.map((j) => stats[j]!);
  const names = items.names;
  const p = names.length;
  const scaleNames = keys.scales.map((s) => s.name);

  // Key matrix K (items × scales) as per-scale lists of (item index, sign).
  const scaleItems: { idx: number; sign: number }[][] = keys.scales.map((s) =>
    s.items
      .filter((it) => names.includes(it))
      .map((it) => ({ idx: names.indexOf(it), sign: s.reversed.includes(it) ? -1 : 1 })),
  );
  scaleItems.forEach((list, s) => {
    if (list.length === 0) {
      throw new PsychometricsInputError(
        `Scale "${scaleNames[s]}" has no item with variance left to score.`,
      );
    }
  });

  const min = options.min ?? keys.min ?? Math.min(...keptStats.map((st) => st.min));
  const max = options.max ?? keys.max ?? Math.max(...keptStats.map((st) => st.max));

  for (let i = 0; i < p; i++) {
    for (let j = 0; j < i; j++) {
      if (moments.n[i]![j]! < 2) {
        throw new PsychometricsInputError(
          `Items "${names[i]}" and "${names[j]}" are answered together by fewer than 2 cases.`,
        );
      }
    }
  }
  const c = moments.cov;
  const itemVar = names.map((_, j) => c[j]![j]!);

  // CK (items × scales) and K'CK (scales × scales).
  const ck = kProduct(c, scaleItems, p);
  const covScales = scaleItems.map((_, s) =>
    scaleItems.map((listT) => listT.reduce((a, { idx, sign }) => a + sign * ck[idx]![s]!, 0)),
  );
  const varScales = covScales.map((row, s) => row[s]!);
  const corScales = covToCor(covScales);

  const nItems = scaleItems.map((l) => l.length);
  const sumItemVar = scaleItems.map((l) => l.reduce((a, { idx }) => a + itemVar[idx]!, 0));
  const sumItemVar2 = scaleItems.map((l) => l.reduce((a, { idx }) => a + itemVar[idx]! ** 2, 0));
  const covScales2 = scaleItems.map((l) => {
    let s = 0;
    for (const a of l) for (const b of l) s += c[a.idx]![b.idx]! ** 2;
    return s;
  });

  const itemR = covToCor(c);
  const medianR = scaleItems.map((l) => {
    const lower: number[] = [];
    for (let a = 0; a < l.length; a++) {
      for (let b = a + 1; b < l.length; b++)
        lower.push(l[a]!.sign * l[b]!.sign * itemR[l[a]!.idx]![l[b]!.idx]!);
    }
    return medianOfSorted(lower.filter((v) => !Number.isNaN(v)).sort((x, y) => x - y));
  });

  const rawAlpha = varScales.map(
    (v, s) => ((v - sumItemVar[s]!) * nItems[s]!) / ((nItems[s]! - 1) * v),
  );
  const averageR = rawAlpha.map((a, s) => a / (nItems[s]! - a * (nItems[s]! - 1)));
  const alpha = rawAlpha.map((a) => (Number.isNaN(a) ? 1 : a));
  const signalNoise = averageR.map((r, s) => (r * nItems[s]!) / (1 - r));
  const q = varScales.map((v, s) => {
    const k = nItems[s]!;
    return (
      ((2 * k * k) / ((k - 1) ** 2 * v ** 3)) *
      (v * (sumItemVar2[s]! + sumItemVar[s]! ** 2) - 2 * sumItemVar[s]! * covScales2[s]!)
    );
  });
  const ase = q.map((v) => Math.sqrt(v / nRows));

  const itemCor = names.map((_, j) =>
    scaleItems.map((__, s) => ck[j]![s]! / Math.sqrt(varScales[s]!) / Math.sqrt(itemVar[j]!)),
  );

  // G6 and the corrected item–scale correlations use C with SMCs on the diagonal.
  const smc = squaredMultipleCorrelations(c, true);
  const cStar = c.map((row, i) => row.map((v, j) => (i === j ? smc[i]! : v)));
  const g6 = varScales.map(
    (v, s) => (v - sumItemVar[s]! + scaleItems[s]!.reduce((a, { idx }) => a + smc[idx]!, 0)) / v,
  );
  const ckStar = kProduct(cStar, scaleItems, p);
  const correctedVar = scaleItems.map((l, s) =>
    l.reduce((a, { idx, sign }) => a + sign * ckStar[idx]![s]!, 0),
  );
  const itemCorrected = names.map((_, j) =>
    scaleItems.map(
      (__, s) => (ckStar[j]![s]! * Math.sqrt(1 / correctedVar[s]!)) / Math.sqrt(itemVar[j]!),
    ),
  );

  // psych's correct.cor: raw below the diagonal, alpha on it, r/sqrt(a_i a_j) above.
  const corrected = corScales.map((row, i) =>
    row.map((v, j) => (i === j ? alpha[i]! : j > i ? v / Math.sqrt(alpha[i]! * alpha[j]!) : v)),
  );

  // Scores: mean of the keyed items, reversed as min + max − x; imputed cells count as their fill.
  const cols = items.columns;
  const constant = min + max;
  const scores: Float64Array[] = [];
  const meanItemsAnswered: number[] = [];
  for (const list of scaleItems) {
    const sums = new Float64Array(nRows);
    if (fill) {
      for (const { idx, sign } of list) addColumn(sums, cols[idx]!, fill[idx]!, sign, constant);
      const k = list.length;
      for (let i = 0; i < nRows; i++) sums[i]! /= k;
      meanItemsAnswered.push(k);
    } else {
      const counts = new Float64Array(nRows);
      for (const { idx, sign } of list) addAnswered(sums, counts, cols[idx]!, sign, constant);
      let answeredRows = 0;
      let answeredItems = 0;
      for (let i = 0; i < nRows; i++) {
        const k = counts[i]!;
        sums[i] = k > 0 ? sums[i]! / k : NaN;
        if (k > 0) {
          answeredRows++;
          answeredItems += k;
        }
      }
      meanItemsAnswered.push(answeredItems / answeredRows);
    }
    scores.push(sums);
  }

  const result: ScoreItemsResult = {
    impute,
    min,
    max,
    scales: scaleNames,
    items: [...names],
    alpha,
    g6,
    averageR,
    signalNoise,
    medianR,
    ase,
    nItems,
    cor: corScales,
    corrected,
    itemCor,
    itemCorrected,
    scores,
    nRows,
    warnings,
  };
  if (impute === 'none') {
    result.meanItemsAnswered = meanItemsAnswered;
    result.alphaObserved = averageR.map((r, s) => {
      const k = meanItemsAnswered[s]!;
      return (r * k) / (1 + (k - 1) * r);
    });
  }
  return result;
}

/** sums += (sign > 0 ? x : constant − x), with `fill` standing in for missing x. */
function addColumn(
  sums: Float64Array,
  col: Float64Array,
  fill: number,
  sign: number,
  constant: number,
): void {
  const n = sums.length;
  if (sign > 0) {
    for (let i = 0; i < n; i++) {
      const v = col[i]!;
      sums[i]! += v === v ? v : fill;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const v = col[i]!;
      sums[i]! += constant - (v === v ? v : fill);
    }
  }
}

/** sums/counts over answered cells only (impute = "none"). */
function addAnswered(
  sums: Float64Array,
  counts: Float64Array,
  col: Float64Array,
  sign: number,
  constant: number,
): void {
  const n = sums.length;
  for (let i = 0; i < n; i++) {
    const v = col[i]!;
    if (v === v) {
      sums[i]! += sign > 0 ? v : constant - v;
      counts[i]!++;
    }
  }
}

/** (M K) for a symmetric p×p M and sparse keys: items × scales. */
function kProduct(
  m: number[][],
  scaleItems: { idx: number; sign: number }[][],
  p: number,
): number[][] {
  const out: number[][] = [];
  for (let j = 0; j < p; j++) {
    const row = m[j]!;
    out.push(scaleItems.map((l) => l.reduce((a, { idx, sign }) => a + sign * row[idx]!, 0)));
  }
  return out;
}

/** R's median(x, na.rm = TRUE) via selection, avoiding a full sort of large columns. */
function columnMedian(col: Float64Array): number {
  let n = 0;
  for (let i = 0; i < col.length; i++) if (col[i]! === col[i]!) n++;
  if (n === 0) return NaN;
  const buf = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < col.length; i++) {
    const v = col[i]!;
    if (v === v) buf[k++] = v;
  }
  const h = n >> 1;
  const upper = select(buf, h);
  if (n % 2 === 1) return upper;
  // After selecting position h, every value left of h is ≤ buf[h]; the lower middle is their maximum.
  let lowerMid = -Infinity;
  for (let i = 0; i < h; i++) if (buf[i]! > lowerMid) lowerMid = buf[i]!;
  return (lowerMid + upper) / 2;
}

/** Quickselect (Hoare partition, median-of-three pivot): the k-th smallest value, partially ordering `a`. */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    const x = a[lo]!;
    const y = a[mid]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

const nn = (v: number): number | null => (Number.isNaN(v) ? null : v);

/**
 * Presents a {@link ScoreItemsResult} in psych/reference layout (one run object of
 * ref/bfi_scoreItems.json). `firstRows` controls how many score rows are listed
 * in `scores_first_rows` (the reference lists 50); the summary covers all rows.
 */
export function scoreItemsToPsychJson(
  res: ScoreItemsResult,
  { firstRows = 50 }: { firstRows?: number } = {},
): ScoreItemsJson {
  const named = (v: readonly number[]): Record<string, number | null> =>
    Object.fromEntries(res.scales.map((s, i) => [s, nn(v[i]!)]));
  const mat = (rows: string[], values: number[][]): Matrix => ({
    rows,
    cols: [...res.scales],
    values: values.map((r) => r.map(nn)),
  });
  const shown = Math.min(firstRows, res.nRows);
  const summary = res.scores.map((col) => {
    let s = 0;
    let n = 0;
    let nan = 0;
    for (let i = 0; i < col.length; i++) {
      const v = col[i]!;
      if (v === v) {
        s += v;
        n++;
      } else nan++;
    }
    const m = s / n;
    let ss = 0;
    for (let i = 0; i < col.length; i++) {
      const v = col[i]!;
      if (v === v) ss += (v - m) * (v - m);
    }
    return { mean: m, sd: Math.sqrt(ss / (n - 1)), nan, sum: s };
  });
  const out: ScoreItemsJson = {
    impute: res.impute,
    min: res.min,
    max: res.max,
    alpha: named(res.alpha),
    G6: named(res.g6),
    'av.r': named(res.averageR),
    sn: named(res.signalNoise),
    'med.r': named(res.medianR),
    ase: named(res.ase),
    'n.items': Object.fromEntries(res.scales.map((s, i) => [s, res.nItems[i]!])),
    cor: mat([...res.scales], res.cor),
    corrected: mat([...res.scales], res.corrected),
    'item.cor': mat([...res.items], res.itemCor),
    'item.corrected': mat([...res.items], res.itemCorrected),
    scores_first_rows: mat(
      Array.from({ length: shown }, (_, i) => String(i + 1)),
      Array.from({ length: shown }, (_, i) => res.scores.map((col) => col[i]!)),
    ),
    scores_summary: {
      n_rows: res.nRows,
      mean: named(summary.map((s) => s.mean)),
      sd: named(summary.map((s) => s.sd)),
      n_nan: Object.fromEntries(res.scales.map((s, i) => [s, summary[i]!.nan])),
      sum: Object.fromEntries(res.scales.map((s, i) => [s, summary[i]!.sum])),
    },
    warnings: res.warnings,
  };
  if (res.alphaObserved && res.meanItemsAnswered) {
    out['alpha.ob'] = named(res.alphaObserved);
    out['num.ob.item'] = named(res.meanItemsAnswered);
  }
  return out;
}
