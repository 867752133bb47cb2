/**
 * Norms: where does a score stand in a norm (reference) sample?
 *
 * Percentile rank method — mid-rank:
 *   PR(x) = (number of norm scores below x + ½ · number equal to x) / n · 100.
 * Ties are split evenly, so a score equal to every norm score gets 50, a score
 * below all of them 0 and above all of them 100, and the mean PR over the norm
 * sample itself is exactly 50. This is the usual "percentile rank" of test
 * manuals (e.g. Crocker & Algina), and it does not depend on interpolation.
 *
 * Quantiles use R's default `quantile(type = 7)`: h = (n − 1)p, linear
 * interpolation between the order statistics around h. The median is the
 * 0.5 quantile (the mean of the two middle values for even n).
 *
 * Missing values (NaN) in the norm sample are ignored; a missing score gets a
 * NaN percentile rank.
 */
import { PsychometricsInputError } from './errors.ts';
import { medianOfSorted, quantileOfSorted, sortedValues } from './numeric.ts';

/** A norm sample prepared for look-ups. */
export interface Norms {
  /** Non-missing norm scores, ascending. */
  sorted: Float64Array;
  n: number;
  mean: number;
  /** Sample SD (n − 1 denominator); NaN when n = 1. */
  sd: number;
  min: number;
  max: number;
  median: number;
  /** Quantiles at the requested probabilities (R type 7). */
  quantiles: { p: number; value: number }[];
}

/** Default quantile probabilities of {@link buildNorms}. */
export const DEFAULT_NORM_PROBS: readonly number[] = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95];

/**
 * Prepares a norm sample: sorts it and computes its summary and quantiles.
 *
 * @param sample - norm scores (NaN = missing, ignored).
 * @param probs - quantile probabilities in [0, 1].
 * @throws PsychometricsInputError when the sample has no non-missing score or a probability is outside [0, 1].
 */
export function buildNorms(
  sample: ArrayLike<number>,
  probs: readonly number[] = DEFAULT_NORM_PROBS,
): Norms {
  for (const p of probs) {
    if (!(p >= 0 && p <= 1))
      throw new PsychometricsInputError(`Quantile probabilities must lie in [0, 1], got ${p}.`);
  }
  const sorted = sortedValues(sample);
  const n = sorted.length;
  if (n === 0) throw new PsychometricsInputError('The norm sample has no non-missing scores.');
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i]!;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (sorted[i]! - mean) ** 2;
  return {
    sorted,
    n,
    mean,
    sd: n > 1 ? Math.sqrt(ss / (n - 1)) : NaN,
    min: sorted[0]!,
    max: sorted[n - 1]!,
    median: medianOfSorted(sorted),
    quantiles: probs.map((p) => ({ p, value: quantileOfSorted(sorted, p) })),
  };
}

/** Index of the first element ≥ x (`strict` false) or > x (`strict` true) in ascending `s`. */
function bound(s: Float64Array, x: number, strict: boolean): number {
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (strict ? s[mid]! <= x : s[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Mid-rank percentile rank of one score against the norms (0–100); NaN for a missing score.
 */
export function percentileRank(norms: Norms, score: number): number {
  if (Number.isNaN(score)) return NaN;
  const below = bound(norms.sorted, score, false);
  const equal = bound(norms.sorted, score, true) - below;
  return ((below + equal / 2) / norms.n) * 100;
}

/** Mid-rank percentile ranks of many scores (NaN stays NaN). */
export function percentileRanks(norms: Norms, scores: ArrayLike<number>): Float64Array {
  return Float64Array.from({ length: scores.length }, (_, i) => percentileRank(norms, scores[i]!));
}

/** One row of a norm conversion table. */
export interface NormTableRow {
  score: number;
  /** Number of norm scores equal to `score`. */
  count: number;
  /** Number of norm scores below `score`. */
  below: number;
  percentileRank: number;
}

/** A conversion table listing every distinct norm score with its percentile rank. */
export function normTable(norms: Norms): NormTableRow[] {
  const rows: NormTableRow[] = [];
  const s = norms.sorted;
  let i = 0;
  while (i < s.length) {
    let j = i;
    while (j < s.length && s[j] === s[i]) j++;
    rows.push({
      score: s[i]!,
      count: j - i,
      below: i,
      percentileRank: ((i + (j - i) / 2) / norms.n) * 100,
    });
    i = j;
  }
  return rows;
}

const nn = (v: number): number | null => (Number.isNaN(v) ? null : v);

/** JSON presentation of norms (no reference file exists; field names follow R's `summary`/`quantile`). */
export function normsToJson(
  norms: Norms,
  extra: { scores?: { score: number; percentile_rank: number }[]; table?: NormTableRow[] } = {},
): Record<string, unknown> {
  return {
    method: 'mid-rank percentile: (below + equal/2) / n * 100; quantiles R type 7',
    n: norms.n,
    mean: nn(norms.mean),
    sd: nn(norms.sd),
    min: norms.min,
    max: norms.max,
    median: norms.median,
    quantiles: Object.fromEntries(
      norms.quantiles.map((q) => [`${+(q.p * 100).toFixed(6)}%`, q.value]),
    ),
    ...(extra.scores
      ? {
          scores: extra.scores.map((s) => ({
            score: s.score,
            percentile_rank: nn(s.percentile_rank),
          })),
        }
      : {}),
    ...(extra.table
      ? {
          table: extra.table.map((r) => ({
            score: r.score,
            count: r.count,
            below: r.below,
            percentile_rank: r.percentileRank,
          })),
        }
      : {}),
  };
}
