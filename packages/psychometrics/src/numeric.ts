/**
 * Scalar summaries with R semantics (median, var, quantile type 7), shared by
 * several analyses. NaN entries are skipped (R's na.rm = TRUE) unless stated.
 */

/** Non-missing values of `x`, sorted ascending (a fresh Float64Array). */
export function sortedValues(x: ArrayLike<number>): Float64Array {
  let n = 0;
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i]!)) n++;
  const out = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (!Number.isNaN(v)) out[k++] = v;
  }
  return out.sort();
}

/** R's `median(x, na.rm = TRUE)`: mean of the two middle values for even n; NaN when empty. */
export function median(x: ArrayLike<number>): number {
  return medianOfSorted(sortedValues(x));
}

/** Median of already sorted values without missing entries. */
export function medianOfSorted(s: ArrayLike<number>): number {
  const n = s.length;
  if (n === 0) return NaN;
  const h = n >> 1;
  return n % 2 === 1 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

/** Mean of the non-missing values (NaN when none). */
export function mean(x: ArrayLike<number>): number {
  let s = 0;
  let n = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v === v) {
      s += v;
      n++;
    }
  }
  return n > 0 ? s / n : NaN;
}

/** Sample variance (n − 1 denominator) of the non-missing values, two-pass; NaN when n < 2. */
export function variance(x: ArrayLike<number>): number {
  const m = mean(x);
  let ss = 0;
  let n = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v === v) {
      ss += (v - m) * (v - m);
      n++;
    }
  }
  return n > 1 ? ss / (n - 1) : NaN;
}

/**
 * Quantile of sorted values by R's default `quantile(type = 7)`, with R's exact
 * arithmetic: index = 1 + (n − 1)p, h = index − floor(index),
 * q = (1 − h)·x[lo] + h·x[hi] (so results agree with R to the last bit).
 */
export function quantileOfSorted(s: ArrayLike<number>, p: number): number {
  const n = s.length;
  if (n === 0) return NaN;
  // 1-based index exactly as R forms it, so h rounds identically.
  const index = 1 + (n - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const q = s[lo - 1]!;
  if (index > lo && s[hi - 1]! !== q) {
    const h = index - lo;
    return (1 - h) * q + h * s[hi - 1]!;
  }
  return q;
}
