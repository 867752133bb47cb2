/**
 * Item descriptives as psych::describe with its defaults (type = 3 skew and
 * kurtosis, trim = .1, unscaled-by-n MAD with R's 1.4826 constant), one row per
 * column, missing values dropped per column.
 *
 * - skew = Σ(x − m)³ / (n·sd³), kurtosis = Σ(x − m)⁴ / (n·sd⁴) − 3, where sd uses
 *   n − 1 (psych's type 3, the "b1"/"b2" of Joanes & Gill).
 * - trimmed = R's mean(x, trim = .1): drop floor(n·.1) values at each end.
 * - mad = 1.4826 · median(|x − median(x)|).
 * - se = sd / sqrt(n).
 * A column without answers gives NaN statistics (psych gives NA), not an error.
 */
import type { Dataset } from './dataset.ts';
import { medianOfSorted, sortedValues } from './numeric.ts';

/** One row of psych::describe. */
export interface DescribeRow {
  item: string;
  /** 1-based column number (psych's `vars`). */
  vars: number;
  n: number;
  mean: number;
  sd: number;
  median: number;
  trimmed: number;
  mad: number;
  min: number;
  max: number;
  range: number;
  skew: number;
  kurtosis: number;
  se: number;
}

/**
 * psych::describe for every column of `data`.
 *
 * @param data - columns to describe, NaN = missing.
 * @param options.trim - fraction trimmed from each end for `trimmed` (default .1).
 */
export function describeItems(data: Dataset, options: { trim?: number } = {}): DescribeRow[] {
  const trim = options.trim ?? 0.1;
  return data.columns.map((col, j) => describeColumn(data.names[j]!, j + 1, col, trim));
}

function describeColumn(item: string, vars: number, col: Float64Array, trim: number): DescribeRow {
  const s = sortedValues(col);
  const n = s.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += s[i]!;
  const mean = n > 0 ? sum / n : NaN;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = s[i]! - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  const sd = n > 1 ? Math.sqrt(m2 / (n - 1)) : NaN;
  const median = medianOfSorted(s);
  const absDev = Float64Array.from(s, (v) => Math.abs(v - median)).sort();
  const min = n > 0 ? s[0]! : NaN;
  const max = n > 0 ? s[n - 1]! : NaN;
  return {
    item,
    vars,
    n,
    mean,
    sd,
    median,
    trimmed: trimmedMean(s, trim),
    mad: 1.4826 * medianOfSorted(absDev),
    min,
    max,
    range: max - min,
    skew: m3 / (n * sd ** 3),
    kurtosis: m4 / (n * sd ** 4) - 3,
    se: sd / Math.sqrt(n),
  };
}

/** R's mean(x, trim): for trim ≥ .5 the median, else the mean of s[lo..hi] with lo = floor(n·trim). */
function trimmedMean(s: Float64Array, trim: number): number {
  const n = s.length;
  if (n === 0) return NaN;
  if (trim >= 0.5) return medianOfSorted(s);
  const lo = Math.floor(n * trim);
  const hi = n - lo;
  let sum = 0;
  for (let i = lo; i < hi; i++) sum += s[i]!;
  return sum / (hi - lo);
}

const nn = (v: number): number | null => (Number.isNaN(v) ? null : v);

/** Presents describe rows as psych's data frame: an array of records with the item name first. */
export function describeToPsychJson(
  rows: readonly DescribeRow[],
): Record<string, string | number | null>[] {
  return rows.map((r) => ({
    item: r.item,
    vars: r.vars,
    n: r.n,
    mean: nn(r.mean),
    sd: nn(r.sd),
    median: nn(r.median),
    trimmed: nn(r.trimmed),
    mad: nn(r.mad),
    min: nn(r.min),
    max: nn(r.max),
    range: nn(r.range),
    skew: nn(r.skew),
    kurtosis: nn(r.kurtosis),
    se: nn(r.se),
  }));
}
