/**
 * Horn's parallel analysis as `psych::fa.parallel(x, fa = "both")`
 * (psych 2.2.9 defaults: fm = "minres", SMC = FALSE, quant = .95,
 * sim = TRUE, n.iter = 20, pairwise correlations).
 *
 * - pc.values: eigenvalues of the observed correlation matrix.
 * - fa.values: eigenvalues of that matrix with the communalities of a
 *   ONE-factor minres solution on its diagonal (psych's `fa(r, 1)$values`,
 *   not SMC eigenvalues).
 * - Each iteration simulates normal data of the same size (and, with raw
 *   data, resamples every column with replacement) and records the same two
 *   sets of eigenvalues.
 * - ncomp / nfact: how many observed eigenvalues, counted from the first,
 *   exceed the 95th percentile (R's type-7 quantile) of the simulated ones.
 *
 * The simulations use our own seeded generator (random.ts), not R's
 * Mersenne-Twister stream, so the simulated means match psych's only
 * statistically; the observed values and the suggested counts are what the
 * tests pin down.
 */
import { correlatePairwise } from './cor.ts';
import { createDataset, type Dataset } from './dataset.ts';
import { PsychometricsInputError } from './errors.ts';
import { fittedEigenvalues, type FactorMethod, type NamedMatrix } from './fa.ts';
import { quantileOfSorted } from './numeric.ts';
import { SeededRandom } from './random.ts';
import { SymmetricEigen } from './symmetric-eigen.ts';

/** Options of {@link faParallel}. */
export interface ParallelOptions {
  /** Number of simulated (and resampled) data sets (psych default 20). */
  nIter?: number;
  /** Factoring method for the factor eigenvalues (default 'minres'). */
  fm?: FactorMethod;
  /** Percentile of the simulated eigenvalues that an observed one must exceed (default 0.95). */
  quant?: number;
  /** Seed of the random generator (default 20240611, so runs are reproducible). */
  seed?: number;
  /** Also resample the observed data column by column (psych does with raw data; default true). */
  resample?: boolean;
  /**
   * Number of observations to simulate. When given, psych simulates that many
   * rows and does not resample (default: the number of rows).
   */
  nObs?: number;
  /** Called after each iteration with (done, total), e.g. to draw a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

/** Result of {@link faParallel} (psych's field meanings). */
export interface ParallelResult {
  names: string[];
  nIter: number;
  seed: number;
  /** Suggested number of factors (null when every eigenvalue exceeds its percentile, where psych gives NA). */
  nfact: number | null;
  /** Suggested number of components (null as above). */
  ncomp: number | null;
  pcValues: number[];
  faValues: number[];
  /** Mean eigenvalues of the simulated normal data. */
  pcSim: number[];
  faSim: number[];
  /** Mean eigenvalues of the resampled data (null without resampling). */
  pcSimr: number[] | null;
  faSimr: number[] | null;
  /** The quant-percentiles the observed values were compared with. */
  pcSimQuantile: number[];
  faSimQuantile: number[];
  /** Every replicate: n.iter rows × (C1..Cp, F1..Fp, CSim1..CSimp, Fsim1..Fsimp) (resampled blocks absent without resampling). */
  values: { cols: string[]; rows: number[][] };
  warnings: string[];
}

/** psych-shaped JSON (the layout of ref/bfi_fa_parallel.json without `meta`). */
export interface ParallelJson {
  'n.iter': number;
  seed: number;
  nfact: number | null;
  ncomp: number | null;
  'pc.values': number[];
  'fa.values': number[];
  'pc.sim': number[];
  'pc.simr': number[] | null;
  'fa.sim': number[];
  'fa.simr': number[] | null;
  values: NamedMatrix;
  warnings: string[];
}

/**
 * Parallel analysis of raw item data (psych::fa.parallel with fa = "both").
 *
 * @param data - items as columns (NaN = missing), at least 3 items.
 * @param options - iterations, seed, percentile, progress callback.
 * @throws PsychometricsInputError for fewer than 3 items or 3 rows, or an unusable correlation matrix.
 */
export function faParallel(data: Dataset, options: ParallelOptions = {}): ParallelResult {
  const p = data.columns.length;
  const nIter = options.nIter ?? 20;
  const fm: FactorMethod = options.fm ?? 'minres';
  const quant = options.quant ?? 0.95;
  const seed = options.seed ?? 20240611;
  const resample = (options.resample ?? true) && options.nObs === undefined;
  const nSub = options.nObs ?? data.nRows;
  if (p < 3)
    throw new PsychometricsInputError(`Parallel analysis needs at least 3 items, got ${p}.`);
  if (nSub < 3)
    throw new PsychometricsInputError(`Parallel analysis needs at least 3 cases, got ${nSub}.`);
  if (!Number.isInteger(nIter) || nIter < 1) {
    throw new PsychometricsInputError(
      `The number of iterations must be a positive whole number, got ${nIter}.`,
    );
  }
  if (!(quant > 0 && quant < 1))
    throw new PsychometricsInputError(`quant must lie between 0 and 1, got ${quant}.`);
  const warnings: string[] = [];

  const cor = correlatePairwise(data);
  const eig = new SymmetricEigen(p);
  const eigenvalues = (r: readonly (readonly number[])[]): number[] => {
    const flat = new Float64Array(p * p);
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) flat[i * p + j] = r[i]![j]!;
    return Array.from(eig.decompose(flat, false).values);
  };
  const pcValues = eigenvalues(cor.r);
  const faValues = fittedEigenvalues(cor.r, 1, fm);

  const rng = new SeededRandom(seed);
  const samp: number[][] = [];
  const sampFa: number[][] = [];
  const sim: number[][] = [];
  const simFa: number[][] = [];
  const simColumns = Array.from({ length: p }, () => new Float64Array(nSub));
  for (let it = 0; it < nIter; it++) {
    if (resample) {
      // Resample every column independently (missing values come along), and
      // draw again if a resampled column leaves a correlation undefined.
      for (let attempt = 0; ; attempt++) {
        const cols = data.columns.map((col) => {
          const out = new Float64Array(nSub);
          for (let i = 0; i < nSub; i++) out[i] = col[rng.index(col.length)]!;
          return out;
        });
        let r: number[][] | null = null;
        try {
          r = correlatePairwise(createDataset(data.names, cols)).r;
        } catch {
          r = null;
        }
        if (r !== null && r.every((row) => row.every((v) => Number.isFinite(v)))) {
          samp.push(eigenvalues(r));
          sampFa.push(fittedEigenvalues(r, 1, fm));
          break;
        }
        if (attempt > 100) {
          throw new PsychometricsInputError(
            'Resampling kept producing items without variance; check the data.',
          );
        }
      }
    }
    for (const col of simColumns) for (let i = 0; i < nSub; i++) col[i] = rng.normal();
    const simR = correlatePairwise(createDataset(data.names, simColumns)).r;
    sim.push(eigenvalues(simR));
    simFa.push(fittedEigenvalues(simR, 1, fm));
    options.onProgress?.(it + 1, nIter);
  }

  const colMeans = (rows: number[][]): number[] =>
    Array.from({ length: p }, (_, j) => rows.reduce((a, row) => a + row[j]!, 0) / rows.length);
  const colQuantiles = (rows: number[][]): number[] =>
    Array.from({ length: p }, (_, j) =>
      quantileOfSorted(Float64Array.from(rows.map((row) => row[j]!)).sort(), quant),
    );
  const pcSimQuantile = colQuantiles(sim);
  const faSimQuantile = colQuantiles(simFa);
  // psych: which(!(observed > percentile))[1] - 1, NA when all exceed.
  const leading = (obs: number[], q: number[]): number | null => {
    const k = obs.findIndex((v, j) => !(v > q[j]!));
    return k < 0 ? null : k;
  };
  const ncomp = leading(pcValues, pcSimQuantile);
  const nfact = leading(faValues, faSimQuantile);
  if (ncomp === null || nfact === null) {
    warnings.push(
      'Every observed eigenvalue exceeds its simulated percentile; the suggested number is undefined (NA in psych).',
    );
  }

  const idx = Array.from({ length: p }, (_, j) => j + 1);
  const cols = [
    ...(resample ? [...idx.map((j) => `C${j}`), ...idx.map((j) => `F${j}`)] : []),
    ...idx.map((j) => `CSim${j}`),
    ...idx.map((j) => `Fsim${j}`),
  ];
  const rows = sim.map((s, it) => [
    ...(resample ? [...samp[it]!, ...sampFa[it]!] : []),
    ...s,
    ...simFa[it]!,
  ]);

  return {
    names: [...data.names],
    nIter,
    seed,
    nfact,
    ncomp,
    pcValues,
    faValues,
    pcSim: colMeans(sim),
    faSim: colMeans(simFa),
    pcSimr: resample ? colMeans(samp) : null,
    faSimr: resample ? colMeans(sampFa) : null,
    pcSimQuantile,
    faSimQuantile,
    values: { cols, rows },
    warnings,
  };
}

/** Presents a {@link ParallelResult} in the reference JSON layout. */
export function parallelToPsychJson(res: ParallelResult): ParallelJson {
  return {
    'n.iter': res.nIter,
    seed: res.seed,
    nfact: res.nfact,
    ncomp: res.ncomp,
    'pc.values': [...res.pcValues],
    'fa.values': [...res.faValues],
    'pc.sim': [...res.pcSim],
    'pc.simr': res.pcSimr ? [...res.pcSimr] : null,
    'fa.sim': [...res.faSim],
    'fa.simr': res.faSimr ? [...res.faSimr] : null,
    values: { rows: [], cols: [...res.values.cols], values: res.values.rows.map((r) => [...r]) },
    warnings: [...res.warnings],
  };
}
