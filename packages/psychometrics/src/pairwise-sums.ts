/**
 * The computational core of every covariance in this package: for each pair of
 * columns (a, b), the sums over the rows where BOTH are present of
 * z_a, z_a², z_b, z_b² and z_a·z_b, with z = x − shift (one shift per column).
 *
 * Strategy
 * - Missing cells are set to 0 (after shifting), so the dense cross-product
 *   Σ_i z_ia z_ib over all rows equals the sum over the rows answering both.
 *   The pair-specific counts and sums are the column totals minus the rows
 *   where the other column is missing (per-column lists of missing rows), an
 *   O(p² × missing) correction.
 * - The dense cross-product is computed in cache-sized blocks of rows.
 * - Likert-type data (every answer an integer, at most 11 apart within a
 *   column) takes an exact integer path: shifted by the column minimum the
 *   values are integers 0..11, and three columns are packed into the 16-bit
 *   lanes of one double, so one multiply-add yields three exact products
 *   (a block of 512 rows keeps each lane below 512·121 < 2^16). All sums are
 *   then exact integers, so the covariances are exactly rounded.
 * - Other data is shifted by the column mean (keeping "Σxy − ΣxΣy/n" well
 *   conditioned) and multiplied in floating point, two columns against four
 *   at a time.
 */

/** Rows per block: 512 rows × p columns of doubles stay in L2 cache. */
const BLOCK_ROWS = 512;
/** Largest (max − min) of a column for the packed integer path: 11² · 512 < 2^16. */
const MAX_INT_SPAN = 11;
const LANE = 65536;
const LANE2 = 65536 * 65536;

/** Pairwise sums of shifted values; p×p arrays are row-major Float64Arrays. */
export interface PairSums {
  p: number;
  nRows: number;
  /** Shift of each column (its minimum on the integer path, else its mean). */
  shift: Float64Array;
  /** Whether the exact integer path was used. */
  exactIntegers: boolean;
  /** Answers per column. */
  count: Float64Array;
  /** Σ z and Σ z² over each column's answers. */
  s1: Float64Array;
  s2: Float64Array;
  /** [a·p + b] = number of rows answering both a and b. */
  n: Float64Array;
  /** [a·p + b] = Σ z_a over the rows answering both a and b (note: not symmetric). */
  sx: Float64Array;
  /** [a·p + b] = Σ z_a² over the rows answering both a and b. */
  sxx: Float64Array;
  /** [a·p + b], a ≤ b: Σ z_a z_b over the rows answering both. Lower entries are unspecified. */
  sxy: Float64Array;
}

/** Histogram bins available around a column's first answer (values first ± 2048). */
const HIST_BINS = 4096;

/**
 * One pass over a column: answers count, sum, min, max, the rows with missing
 * values and — for whole-number answers within ±2048 of the first answer (any
 * rating scale) — a histogram from which medians and centred sums follow
 * without further passes.
 */
export interface ColumnSummary {
  count: number;
  sum: number;
  min: number;
  max: number;
  /** Rows (0-based) where the value is missing. */
  missing: Int32Array;
  /** counts[v − histBase] for whole-number data, else undefined. */
  histogram: Float64Array | undefined;
  histBase: number;
}

/** Computes a {@link ColumnSummary} (NaN = missing). */
export function summarizeColumn(col: Float64Array): ColumnSummary {
  const n = col.length;
  let first = NaN;
  for (let i = 0; i < n; i++) {
    if (col[i]! === col[i]!) {
      first = col[i]!;
      break;
    }
  }
  const whole = first === Math.floor(first) && Math.abs(first) < 1e9;
  const base = whole ? first - HIST_BINS / 2 : 0;
  let hist: Float64Array | undefined = whole ? new Float64Array(HIST_BINS) : undefined;
  const missingRows: number[] = [];
  let i = 0;
  if (hist) {
    // Fast path: only the histogram is updated per value; count, sum, min and max come from it.
    for (; i < n; i++) {
      const v = col[i]!;
      if (v === v) {
        const k = v - base;
        if ((k | 0) !== k || k < 0 || k >= HIST_BINS) break; // not a small whole number: general path
        hist[k]!++;
      } else missingRows.push(i);
    }
  }
  let count = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  if (hist && i < n) {
    // Fold the histogram built so far into plain sums and continue generally.
    for (let k = 0; k < HIST_BINS; k++) {
      const c = hist[k]!;
      if (c > 0) {
        const v = k + base;
        count += c;
        sum += c * v;
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
    hist = undefined;
  }
  if (!hist) {
    for (; i < n; i++) {
      const v = col[i]!;
      if (v === v) {
        count++;
        sum += v;
        if (v < min) min = v;
        if (v > max) max = v;
      } else missingRows.push(i);
    }
  } else {
    for (let k = 0; k < HIST_BINS; k++) {
      const c = hist[k]!;
      if (c > 0) {
        const v = k + base;
        count += c;
        sum += c * v;
        if (v < min) min = v;
        max = v;
      }
    }
  }
  return {
    count,
    sum,
    min,
    max,
    missing: Int32Array.from(missingRows),
    histogram: hist,
    histBase: base,
  };
}

/** Median of the answers (R's median with na.rm) from a summary's histogram; undefined without one. */
export function histogramMedian(s: ColumnSummary): number | undefined {
  const h = s.histogram;
  if (!h) return undefined;
  if (s.count === 0) return NaN;
  // 0-based ranks of the middle value(s): equal for odd n, adjacent for even n.
  const kLow = (s.count - 1) >> 1;
  const kHigh = s.count >> 1;
  let seen = 0;
  let low = NaN;
  for (let k = 0; k < h.length; k++) {
    seen += h[k]!;
    if (Number.isNaN(low) && seen > kLow) low = k + s.histBase;
    if (seen > kHigh) return (low + k + s.histBase) / 2;
  }
  return low;
}

/**
 * Computes {@link PairSums} for the given columns (NaN = missing).
 *
 * @param summaries - optional precomputed {@link summarizeColumn} results, to save a pass.
 */
export function computePairSums(
  cols: readonly Float64Array[],
  nRows: number,
  summaries?: readonly ColumnSummary[],
): PairSums {
  const p = cols.length;
  const sums = summaries ?? cols.map(summarizeColumn);
  const count = Float64Array.from(sums, (s) => s.count);
  const exactIntegers = sums.every(
    (s) => s.count === 0 || (s.histogram !== undefined && s.max - s.min <= MAX_INT_SPAN),
  );
  const shift = Float64Array.from(sums, (s) =>
    s.count === 0 ? 0 : exactIntegers ? s.min : s.sum / s.count,
  );
  const missing = sums.map((s) => s.missing);

  // Σ z and Σ z² per column: from the histogram when there is one, else one more pass.
  const s1 = new Float64Array(p);
  const s2 = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const sh = shift[j]!;
    const h = sums[j]!.histogram;
    let a1 = 0;
    let a2 = 0;
    if (h) {
      const base = sums[j]!.histBase;
      for (let k = 0; k < h.length; k++) {
        const c = h[k]!;
        if (c > 0) {
          const d = k + base - sh;
          a1 += c * d;
          a2 += c * d * d;
        }
      }
    } else {
      const c = cols[j]!;
      for (let i = 0; i < nRows; i++) {
        const v = c[i]!;
        if (v === v) {
          const d = v - sh;
          a1 += d;
          a2 += d * d;
        }
      }
    }
    s1[j] = a1;
    s2[j] = a2;
  }

  const sxy = exactIntegers
    ? crossProductPacked(cols, shift, nRows)
    : crossProductShifted(cols, shift, nRows);

  const n = new Float64Array(p * p);
  const sx = new Float64Array(p * p);
  const sxx = new Float64Array(p * p);
  for (let a = 0; a < p; a++) {
    const x = cols[a]!;
    const sh = shift[a]!;
    for (let b = 0; b < p; b++) {
      const idx = a * p + b;
      if (a === b) {
        n[idx] = count[a]!;
        sx[idx] = s1[a]!;
        sxx[idx] = s2[a]!;
        sxy[idx] = s2[a]!;
        continue;
      }
      // a's totals minus the rows where b is missing but a is present.
      const rows = missing[b]!;
      let m = 0;
      let a1 = 0;
      let a2 = 0;
      for (let k = 0; k < rows.length; k++) {
        const v = x[rows[k]!]!;
        if (v === v) {
          const d = v - sh;
          m++;
          a1 += d;
          a2 += d * d;
        }
      }
      n[idx] = count[a]! - m;
      sx[idx] = s1[a]! - a1;
      sxx[idx] = s2[a]! - a2;
    }
  }
  return { p, nRows, shift, exactIntegers, count, s1, s2, n, sx, sxx, sxy };
}

/**
 * Upper triangle of Σ_i z_ia z_ib, z = x − shift, missing = 0, in floating
 * point: blocks of rows in a column-major scratch buffer, two columns against
 * four per pass (8 accumulators) so each loaded value feeds several products.
 */
function crossProductShifted(
  cols: readonly Float64Array[],
  shift: Float64Array,
  nRows: number,
): Float64Array {
  const p = cols.length;
  const g = new Float64Array(p * p);
  const buf = new Float64Array(BLOCK_ROWS * p);
  for (let start = 0; start < nRows; start += BLOCK_ROWS) {
    const len = Math.min(BLOCK_ROWS, nRows - start);
    fillBlock(buf, cols, shift, start, len);
    let a = 0;
    for (; a + 1 < p; a += 2) {
      const oa = a * BLOCK_ROWS;
      const oa1 = oa + BLOCK_ROWS;
      const row = a * p;
      const row1 = row + p;
      let b = a;
      for (; b + 3 < p; b += 4) {
        const o0 = b * BLOCK_ROWS;
        const o1 = o0 + BLOCK_ROWS;
        const o2 = o1 + BLOCK_ROWS;
        const o3 = o2 + BLOCK_ROWS;
        let t0 = 0;
        let t1 = 0;
        let t2 = 0;
        let t3 = 0;
        let u0 = 0;
        let u1 = 0;
        let u2 = 0;
        let u3 = 0;
        for (let r = 0; r < len; r++) {
          const xa = buf[oa + r]!;
          const xb = buf[oa1 + r]!;
          const y0 = buf[o0 + r]!;
          const y1 = buf[o1 + r]!;
          const y2 = buf[o2 + r]!;
          const y3 = buf[o3 + r]!;
          t0 += xa * y0;
          t1 += xa * y1;
          t2 += xa * y2;
          t3 += xa * y3;
          u0 += xb * y0;
          u1 += xb * y1;
          u2 += xb * y2;
          u3 += xb * y3;
        }
        g[row + b]! += t0;
        g[row + b + 1]! += t1;
        g[row + b + 2]! += t2;
        g[row + b + 3]! += t3;
        g[row1 + b]! += u0;
        g[row1 + b + 1]! += u1;
        g[row1 + b + 2]! += u2;
        g[row1 + b + 3]! += u3;
      }
      for (; b < p; b++) {
        const ob = b * BLOCK_ROWS;
        let t = 0;
        let u = 0;
        for (let r = 0; r < len; r++) {
          const y = buf[ob + r]!;
          t += buf[oa + r]! * y;
          u += buf[oa1 + r]! * y;
        }
        g[row + b]! += t;
        g[row1 + b]! += u;
      }
    }
    for (; a < p; a++) {
      const oa = a * BLOCK_ROWS;
      for (let b = a; b < p; b++) {
        const ob = b * BLOCK_ROWS;
        let t = 0;
        for (let r = 0; r < len; r++) t += buf[oa + r]! * buf[ob + r]!;
        g[a * p + b]! += t;
      }
    }
  }
  return g;
}

/**
 * The same upper triangle, exactly, for small non-negative integers z (0..11):
 * columns 3t, 3t+1, 3t+2 are packed as z0 + z1·2^16 + z2·2^32 in one double,
 * so a·packed accumulates three exact products at once; lanes are split
 * after each block, before any can overflow 16 bits.
 */
function crossProductPacked(
  cols: readonly Float64Array[],
  shift: Float64Array,
  nRows: number,
): Float64Array {
  const p = cols.length;
  const q = Math.ceil(p / 3);
  const g = new Float64Array(p * p);
  const buf = new Float64Array(BLOCK_ROWS * p);
  const packed = new Float64Array(BLOCK_ROWS * q);
  const acc = new Float64Array(2 * q);
  for (let start = 0; start < nRows; start += BLOCK_ROWS) {
    const len = Math.min(BLOCK_ROWS, nRows - start);
    fillBlock(buf, cols, shift, start, len);
    for (let t = 0; t < q; t++) {
      const o = t * BLOCK_ROWS;
      const c0 = 3 * t * BLOCK_ROWS;
      const c1 = c0 + BLOCK_ROWS;
      const c2 = c1 + BLOCK_ROWS;
      if (3 * t + 2 < p) {
        for (let r = 0; r < len; r++)
          packed[o + r] = buf[c0 + r]! + buf[c1 + r]! * LANE + buf[c2 + r]! * LANE2;
      } else if (3 * t + 1 < p) {
        for (let r = 0; r < len; r++) packed[o + r] = buf[c0 + r]! + buf[c1 + r]! * LANE;
      } else {
        for (let r = 0; r < len; r++) packed[o + r] = buf[c0 + r]!;
      }
    }
    for (let a = 0; a < p; a += 2) {
      const two = a + 1 < p;
      const oa = a * BLOCK_ROWS;
      // With one column left, pair it with itself; the duplicate result is ignored.
      const oa1 = two ? oa + BLOCK_ROWS : oa;
      const tStart = Math.floor(a / 3);
      let t = tStart;
      for (; t + 1 < q; t += 2) {
        const o0 = t * BLOCK_ROWS;
        const o1 = o0 + BLOCK_ROWS;
        let s00 = 0;
        let s01 = 0;
        let s10 = 0;
        let s11 = 0;
        for (let r = 0; r < len; r++) {
          const xa = buf[oa + r]!;
          const xb = buf[oa1 + r]!;
          const y0 = packed[o0 + r]!;
          const y1 = packed[o1 + r]!;
          s00 += xa * y0;
          s01 += xa * y1;
          s10 += xb * y0;
          s11 += xb * y1;
        }
        acc[t] = s00;
        acc[t + 1] = s01;
        acc[q + t] = s10;
        acc[q + t + 1] = s11;
      }
      for (; t < q; t++) {
        const o0 = t * BLOCK_ROWS;
        let s0 = 0;
        let s1 = 0;
        for (let r = 0; r < len; r++) {
          const y = packed[o0 + r]!;
          s0 += buf[oa + r]! * y;
          s1 += buf[oa1 + r]! * y;
        }
        acc[t] = s0;
        acc[q + t] = s1;
      }
      unpackRow(g, acc, 0, a, tStart, q, p);
      if (two) unpackRow(g, acc, q, a + 1, tStart, q, p);
    }
  }
  return g;
}

/** Adds the three 16-bit lanes of acc[off + t] to g[a][3t + lane] for t ≥ tStart. */
function unpackRow(
  g: Float64Array,
  acc: Float64Array,
  off: number,
  a: number,
  tStart: number,
  q: number,
  p: number,
): void {
  const row = a * p;
  for (let t = tStart; t < q; t++) {
    const v = acc[off + t]!;
    const hi = Math.floor(v / LANE2);
    const rest = v - hi * LANE2;
    const mid = Math.floor(rest / LANE);
    const lo = rest - mid * LANE;
    const b = 3 * t;
    g[row + b]! += lo;
    if (b + 1 < p) g[row + b + 1]! += mid;
    if (b + 2 < p) g[row + b + 2]! += hi;
  }
}

/** Copies rows [start, start + len) of every column, shifted, missing as 0, into a column-major block. */
function fillBlock(
  buf: Float64Array,
  cols: readonly Float64Array[],
  shift: Float64Array,
  start: number,
  len: number,
): void {
  for (let j = 0; j < cols.length; j++) {
    const c = cols[j]!;
    const sh = shift[j]!;
    const off = j * BLOCK_ROWS;
    for (let r = 0; r < len; r++) {
      const v = c[start + r]!;
      buf[off + r] = v === v ? v - sh : 0;
    }
  }
}
