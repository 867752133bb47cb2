/**
 * Deep comparison of our psych-shaped output against an R reference JSON.
 *
 * Reusable by every analysis test (alpha, scoreItems, ICC at 1e-9; fa, omega,
 * parallel at 1e-5): it walks the reference and the output together and lists
 * every mismatch with its path, instead of stopping at the first difference, so
 * a failing test shows the whole picture at once.
 *
 * Rules
 * - number vs number: |actual − expected| ≤ relTol · max(1, |expected|) (+ absTol).
 *   The max(1, ·) makes the tolerance absolute for values below 1 in magnitude.
 * - `null` in the reference (R's NA/NaN) matches `null`, `undefined`-free NaN.
 * - arrays (and typed arrays in the output): same length, compared element-wise.
 *   Matrices `{rows, cols, values}` are ordinary objects and so are compared
 *   field by field, which checks the row/column names as well.
 * - objects: every reference key must exist in the output. Extra output keys are
 *   reported only with `strictKeys: true`. `ignoreKeys` names keys (at any depth)
 *   to skip, e.g. `['meta']`.
 * - strings and booleans must be equal.
 *
 * Usage (vitest):
 * ```ts
 * const report = compareToReference(ref.scales.agree, alphaToPsychJson(res), { relTol: 1e-9 });
 * expect(report.mismatches).toEqual([]);
 * ```
 */

/** One difference between reference and output. */
export interface Mismatch {
  /** Path such as `total.raw_alpha` or `cor.values[2][3]`. */
  path: string;
  expected: unknown;
  actual: unknown;
  /** Why it mismatched, e.g. `|diff| 3.1e-7 > tol 1e-9`. */
  reason: string;
}

/** Options for {@link compareToReference}. */
export interface CompareOptions {
  /** Relative tolerance, applied as relTol · max(1, |expected|). Default 1e-9. */
  relTol?: number;
  /** Extra absolute slack added to the tolerance. Default 0. */
  absTol?: number;
  /** Keys skipped wherever they occur (default `['meta']`). */
  ignoreKeys?: readonly string[];
  /** Report keys present in the output but absent from the reference. Default false. */
  strictKeys?: boolean;
}

/** Outcome of {@link compareToReference}. */
export interface CompareReport {
  mismatches: Mismatch[];
  /** Number of numeric leaves compared (null/NaN pairs included). */
  compared: number;
  /** Largest |actual − expected| seen over numeric leaves. */
  maxAbsError: number;
  /** Largest |actual − expected| / max(1, |expected|) seen over numeric leaves. */
  maxScaledError: number;
  /** Path at which {@link maxScaledError} occurred. */
  worstPath: string;
}

/**
 * Walks `expected` (a reference JSON value) and `actual` (our output of the same
 * shape) together and reports every mismatch.
 *
 * @param expected - the reference value (from R); the oracle.
 * @param actual - our output, shaped like the reference.
 * @param options - tolerances and keys to ignore.
 * @returns all mismatches plus counts and the largest error seen.
 */
export function compareToReference(
  expected: unknown,
  actual: unknown,
  options: CompareOptions = {},
): CompareReport {
  const relTol = options.relTol ?? 1e-9;
  const absTol = options.absTol ?? 0;
  const ignore = new Set(options.ignoreKeys ?? ['meta']);
  const strictKeys = options.strictKeys ?? false;
  const report: CompareReport = {
    mismatches: [],
    compared: 0,
    maxAbsError: 0,
    maxScaledError: 0,
    worstPath: '',
  };

  const fail = (path: string, exp: unknown, act: unknown, reason: string): void => {
    report.mismatches.push({ path: path || '(root)', expected: exp, actual: act, reason });
  };

  const isMissing = (v: unknown): boolean =>
    v === null || (typeof v === 'number' && Number.isNaN(v));

  const walk = (exp: unknown, act: unknown, path: string): void => {
    if (exp === null) {
      report.compared++;
      if (!isMissing(act)) fail(path, exp, act, 'expected NA (null/NaN)');
      return;
    }
    if (typeof exp === 'number') {
      report.compared++;
      if (typeof act !== 'number') {
        fail(path, exp, act, `expected a number, got ${describe(act)}`);
        return;
      }
      if (Number.isNaN(act)) {
        fail(path, exp, act, 'got NaN');
        return;
      }
      if (!Number.isFinite(exp) || !Number.isFinite(act)) {
        if (exp !== act) fail(path, exp, act, 'infinite value differs');
        return;
      }
      const diff = Math.abs(act - exp);
      const scaled = diff / Math.max(1, Math.abs(exp));
      if (diff > report.maxAbsError) report.maxAbsError = diff;
      if (scaled > report.maxScaledError) {
        report.maxScaledError = scaled;
        report.worstPath = path;
      }
      const tol = relTol * Math.max(1, Math.abs(exp)) + absTol;
      if (diff > tol)
        fail(path, exp, act, `|diff| ${diff.toExponential(2)} > tol ${tol.toExponential(2)}`);
      return;
    }
    if (typeof exp === 'string' || typeof exp === 'boolean') {
      if (act !== exp) fail(path, exp, act, 'value differs');
      return;
    }
    if (Array.isArray(exp)) {
      const arr = toArray(act);
      if (arr === undefined) {
        fail(path, exp, act, `expected an array, got ${describe(act)}`);
        return;
      }
      if (arr.length !== exp.length) {
        fail(path, exp.length, arr.length, 'array length differs');
        return;
      }
      exp.forEach((e, i) => walk(e, arr[i], `${path}[${i}]`));
      return;
    }
    if (typeof exp === 'object') {
      if (act === null || typeof act !== 'object' || Array.isArray(act)) {
        fail(path, '{…}', act, `expected an object, got ${describe(act)}`);
        return;
      }
      const actObj = act as Record<string, unknown>;
      for (const [key, value] of Object.entries(exp as Record<string, unknown>)) {
        if (ignore.has(key)) continue;
        const sub = path ? `${path}.${key}` : key;
        if (!(key in actObj)) {
          fail(sub, value, undefined, 'missing in output');
          continue;
        }
        walk(value, actObj[key], sub);
      }
      if (strictKeys) {
        for (const key of Object.keys(actObj)) {
          if (!ignore.has(key) && !(key in (exp as object))) {
            fail(path ? `${path}.${key}` : key, undefined, actObj[key], 'not in reference');
          }
        }
      }
      return;
    }
    fail(path, exp, act, `unsupported reference value ${describe(exp)}`);
  };

  walk(expected, actual, '');
  return report;
}

/**
 * Renders a report's mismatches as readable lines (at most `limit`), for test
 * failure messages and debugging.
 */
export function formatMismatches(report: CompareReport, limit = 30): string {
  const lines = report.mismatches
    .slice(0, limit)
    .map((m) => `${m.path}: expected ${show(m.expected)}, got ${show(m.actual)} (${m.reason})`);
  if (report.mismatches.length > limit)
    lines.push(`… and ${report.mismatches.length - limit} more`);
  return lines.join('\n');
}

function toArray(v: unknown): ArrayLike<unknown> | undefined {
  if (Array.isArray(v)) return v;
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return v as unknown as ArrayLike<number>;
  return undefined;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v;
}

function show(v: unknown): string {
  if (typeof v === 'number') return String(v);
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
