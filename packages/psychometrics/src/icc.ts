/**
 * Intraclass correlations, the six Shrout & Fleiss (1979) forms, as
 * psych::ICC(x, lmer = FALSE) computes them (psych 2.2.9).
 *
 * Rows are targets (n), columns are judges/raters (k). A two-way ANOVA
 * without interaction (value ~ target + judge) gives MSB (targets), MSJ
 * (judges) and MSE (residual); MSW pools judges and residual, i.e. the
 * within-target mean square of the one-way model. Confidence bounds are
 * two-sided at level 1 − alpha (psych ≥ 2.2.2 splits alpha over both tails);
 * ICC2's bounds use the Satterthwaite degrees of freedom of McGraw & Wong.
 *
 * Like psych with lmer = FALSE, missing values are refused.
 */
import type { Dataset } from './dataset.ts';
import { fCdf, fQuantile } from './distributions.ts';
import { PsychometricsInputError } from './errors.ts';

/** One Shrout & Fleiss form. */
export interface IccForm {
  /** psych's row name, e.g. `Single_raters_absolute`. */
  name: string;
  /** `ICC1`, `ICC2`, `ICC3`, `ICC1k`, `ICC2k` or `ICC3k`. */
  type: string;
  icc: number;
  f: number;
  df1: number;
  df2: number;
  p: number;
  lowerBound: number;
  upperBound: number;
}

/** One ANOVA source (psych's `stats` columns). */
export interface AnovaSource {
  df: number;
  sumSq: number;
  meanSq: number;
  /** NaN for the residual. */
  f: number;
  /** NaN for the residual. */
  p: number;
}

/** Result of {@link computeIcc}. */
export interface IccResult {
  nObs: number;
  nJudges: number;
  forms: IccForm[];
  anova: { subjects: AnovaSource; judges: AnovaSource; residual: AnovaSource };
  msw: number;
  /** Judge names (the data's column names). */
  judges: string[];
  /** The ratings, row-major (targets × judges), echoed for presentation. */
  data: number[][];
  warnings: string[];
}

/** psych-shaped JSON of an ICC run (ref/icc_*.json without `meta`). */
export interface IccJson {
  data?: { rows: string[]; cols: string[]; values: number[][] };
  'n.obs': number;
  'n.judge': number;
  results: Record<string, string | number | null>[];
  anova: { rows: string[]; cols: string[]; values: (number | null)[][] };
  MSW: number;
  warnings: string[];
}

/**
 * psych::ICC with the classical ANOVA (lmer = FALSE).
 *
 * @param data - targets as rows, judges as columns; no missing values.
 * @param options.alpha - 1 − confidence level of the bounds (default .05 → 95%).
 * @returns the six ICC forms with F tests and bounds, the ANOVA table and MSW.
 * @throws PsychometricsInputError for missing values, fewer than 2 targets or
 *   judges, or ratings without any variance.
 */
export function computeIcc(data: Dataset, options: { alpha?: number } = {}): IccResult {
  const alpha = options.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1))
    throw new PsychometricsInputError(`alpha must be between 0 and 1, got ${alpha}.`);
  const n = data.nRows;
  const k = data.columns.length;
  if (k < 2) throw new PsychometricsInputError(`ICC needs at least 2 judges (columns), got ${k}.`);
  if (n < 2) throw new PsychometricsInputError(`ICC needs at least 2 targets (rows), got ${n}.`);
  let missing = 0;
  for (const col of data.columns) for (let i = 0; i < n; i++) if (Number.isNaN(col[i]!)) missing++;
  if (missing > 0) {
    throw new PsychometricsInputError(
      `ICC found ${missing} missing rating${missing > 1 ? 's' : ''}; the ANOVA method needs complete data (remove incomplete targets first).`,
    );
  }

  const rowMeans = new Float64Array(n);
  const colMeans = new Float64Array(k);
  let grand = 0;
  data.columns.forEach((col, j) => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      s += col[i]!;
      rowMeans[i]! += col[i]!;
    }
    colMeans[j] = s / n;
    grand += s;
  });
  grand /= n * k;
  for (let i = 0; i < n; i++) rowMeans[i]! /= k;

  let ssRows = 0;
  for (let i = 0; i < n; i++) ssRows += (rowMeans[i]! - grand) ** 2;
  ssRows *= k;
  let ssCols = 0;
  for (let j = 0; j < k; j++) ssCols += (colMeans[j]! - grand) ** 2;
  ssCols *= n;
  // Residuals computed directly (not as a difference of sums) to avoid cancellation.
  let ssRes = 0;
  data.columns.forEach((col, j) => {
    for (let i = 0; i < n; i++) ssRes += (col[i]! - rowMeans[i]! - colMeans[j]! + grand) ** 2;
  });
  if (ssRows + ssCols + ssRes === 0) {
    throw new PsychometricsInputError('All ratings are identical, so the ICC is undefined.');
  }

  const dfB = n - 1;
  const dfJ = k - 1;
  const dfE = (n - 1) * (k - 1);
  const msb = ssRows / dfB;
  const msj = ssCols / dfJ;
  const mse = ssRes / dfE;
  const msw = (ssCols + ssRes) / (dfJ + dfE);

  const icc1 = (msb - msw) / (msb + (k - 1) * msw);
  const icc2 = (msb - mse) / (msb + (k - 1) * mse + (k * (msj - mse)) / n);
  const icc3 = (msb - mse) / (msb + (k - 1) * mse);
  const icc1k = (msb - msw) / msb;
  const icc2k = (msb - mse) / (msb + (msj - mse) / n);
  const icc3k = (msb - mse) / msb;

  const f11 = msb / msw;
  const df11n = n - 1;
  const df11d = n * (k - 1);
  const p11 = fCdf(f11, df11n, df11d, true);
  const f21 = msb / mse;
  const df21n = n - 1;
  const df21d = (n - 1) * (k - 1);
  const p21 = fCdf(f21, df21n, df21d, true);

  const q = 1 - alpha / 2;
  const f1l = f11 / fQuantile(q, df11n, df11d);
  const f1u = f11 * fQuantile(q, df11d, df11n);
  const f3l = f21 / fQuantile(q, df21n, df21d);
  const f3u = f21 * fQuantile(q, df21d, df21n);

  // ICC2 bounds: Satterthwaite df v for the judge-plus-error denominator.
  const fj = msj / mse;
  const vn = (k - 1) * (n - 1) * (k * icc2 * fj + n * (1 + (k - 1) * icc2) - k * icc2) ** 2;
  const vd = (n - 1) * k * k * icc2 * icc2 * fj * fj + (n * (1 + (k - 1) * icc2) - k * icc2) ** 2;
  const v = vn / vd;
  const f2u = fQuantile(q, n - 1, v);
  const f2l = fQuantile(q, v, n - 1);
  const l2 = (n * (msb - f2u * mse)) / (f2u * (k * msj + (k * n - k - n) * mse) + n * msb);
  const u2 = (n * (f2l * msb - mse)) / (k * msj + (k * n - k - n) * mse + n * f2l * msb);

  const form = (
    name: string,
    type: string,
    icc: number,
    f: number,
    df1: number,
    df2: number,
    p: number,
    lowerBound: number,
    upperBound: number,
  ): IccForm => ({ name, type, icc, f, df1, df2, p, lowerBound, upperBound });

  const forms: IccForm[] = [
    form(
      'Single_raters_absolute',
      'ICC1',
      icc1,
      f11,
      df11n,
      df11d,
      p11,
      (f1l - 1) / (f1l + (k - 1)),
      (f1u - 1) / (f1u + k - 1),
    ),
    form('Single_random_raters', 'ICC2', icc2, f21, df21n, df21d, p21, l2, u2),
    form(
      'Single_fixed_raters',
      'ICC3',
      icc3,
      f21,
      df21n,
      df21d,
      p21,
      (f3l - 1) / (f3l + k - 1),
      (f3u - 1) / (f3u + k - 1),
    ),
    form(
      'Average_raters_absolute',
      'ICC1k',
      icc1k,
      f11,
      df11n,
      df11d,
      p11,
      1 - 1 / f1l,
      1 - 1 / f1u,
    ),
    form(
      'Average_random_raters',
      'ICC2k',
      icc2k,
      f21,
      df21n,
      df21d,
      p21,
      (l2 * k) / (1 + l2 * (k - 1)),
      (u2 * k) / (1 + u2 * (k - 1)),
    ),
    form('Average_fixed_raters', 'ICC3k', icc3k, f21, df21n, df21d, p21, 1 - 1 / f3l, 1 - 1 / f3u),
  ];

  const fJ = msj / mse;
  return {
    nObs: n,
    nJudges: k,
    forms,
    anova: {
      subjects: { df: dfB, sumSq: ssRows, meanSq: msb, f: f21, p: p21 },
      judges: { df: dfJ, sumSq: ssCols, meanSq: msj, f: fJ, p: fCdf(fJ, dfJ, dfE, true) },
      residual: { df: dfE, sumSq: ssRes, meanSq: mse, f: NaN, p: NaN },
    },
    msw,
    judges: [...data.names],
    data: Array.from({ length: n }, (_, i) => data.columns.map((c) => c[i]!)),
    warnings: [],
  };
}

const nn = (v: number): number | null => (Number.isNaN(v) ? null : v);

/**
 * Presents an {@link IccResult} in psych/reference layout (ref/icc_*.json
 * without `meta`). The input ratings are echoed as `data` unless
 * `includeData` is false; `rowNames` name the targets (default S1, S2, …, as
 * psych labels them internally).
 */
export function iccToPsychJson(
  res: IccResult,
  { rowNames, includeData = true }: { rowNames?: readonly string[]; includeData?: boolean } = {},
): IccJson {
  const a = res.anova;
  const sources = [a.subjects, a.judges, a.residual];
  const out: IccJson = {
    'n.obs': res.nObs,
    'n.judge': res.nJudges,
    results: res.forms.map((f) => ({
      name: f.name,
      type: f.type,
      ICC: nn(f.icc),
      F: nn(f.f),
      df1: f.df1,
      df2: f.df2,
      p: nn(f.p),
      'lower bound': nn(f.lowerBound),
      'upper bound': nn(f.upperBound),
    })),
    anova: {
      rows: ['df', 'SumSq', 'MS', 'F', 'p'],
      cols: ['subjects', 'Judges', 'Residual'],
      values: [
        sources.map((s) => s.df),
        sources.map((s) => s.sumSq),
        sources.map((s) => s.meanSq),
        sources.map((s) => nn(s.f)),
        sources.map((s) => nn(s.p)),
      ],
    },
    MSW: res.msw,
    warnings: res.warnings,
  };
  if (includeData) {
    out.data = {
      rows: rowNames ? [...rowNames] : res.data.map((_, i) => `S${i + 1}`),
      cols: [...res.judges],
      values: res.data.map((r) => [...r]),
    };
  }
  return out;
}
