/**
 * Within-group agreement: rwg for one item and rwg(j) for J parallel items
 * (James, Demaree & Wolf, 1984), against the uniform ("rectangular") null.
 *
 * - sigma²_EU = (A² − 1)/12 for A response options.
 * - s² is the sample variance (n − 1 denominator) of the group's answers,
 *   missing answers dropped.
 * - rwg = 1 − s²/sigma²_EU. It is negative when the group disagrees more than
 *   random answering would; `rwgTruncated` sets that to 0 (multilevel::rwg).
 * - rwg(j) = J(1 − q)/(J(1 − q) + q) with q = mean item s² / sigma²_EU; it leaves
 *   [0, 1] when q > 1, and `rwgJTruncated` caps q at 1, giving 0 (multilevel::rwg.j).
 */
import type { Dataset } from './dataset.ts';
import { PsychometricsInputError } from './errors.ts';
import { variance } from './numeric.ts';

/** Result of {@link computeRwg}. */
export interface RwgResult {
  /** Number of response options. */
  options: number;
  /** Number of answers (missing dropped). */
  n: number;
  s2: number;
  sigma2EU: number;
  rwg: number;
  rwgTruncated: number;
}

/** Result of {@link computeRwgJ}. */
export interface RwgJResult {
  options: number;
  /** Number of items J. */
  nItems: number;
  /** Number of group members with at least one answer. */
  n: number;
  itemS2: number[];
  meanS2: number;
  sigma2EU: number;
  rwgJ: number;
  rwgJTruncated: number;
}

/** Variance of the discrete uniform distribution over A options: (A² − 1)/12. */
export function uniformNullVariance(options: number): number {
  if (!Number.isInteger(options) || options < 2) {
    throw new PsychometricsInputError(
      `The number of response options must be an integer ≥ 2, got ${options}.`,
    );
  }
  return (options * options - 1) / 12;
}

/**
 * Single-item rwg for one group.
 *
 * @param answers - the group members' answers to one item (NaN = missing).
 * @param options - number of response options A.
 * @throws PsychometricsInputError with fewer than 2 answers or A < 2.
 */
export function computeRwg(answers: ArrayLike<number>, options: number): RwgResult {
  const sigma2EU = uniformNullVariance(options);
  let n = 0;
  for (let i = 0; i < answers.length; i++) if (!Number.isNaN(answers[i]!)) n++;
  if (n < 2)
    throw new PsychometricsInputError(`rwg needs at least 2 answers in the group, got ${n}.`);
  const s2 = variance(answers);
  const rwg = 1 - s2 / sigma2EU;
  return { options, n, s2, sigma2EU, rwg, rwgTruncated: Math.max(0, rwg) };
}

/**
 * Multi-item rwg(j) for one group.
 *
 * @param data - the group's members as rows, the J items as columns (NaN = missing).
 * @param options - number of response options A.
 * @throws PsychometricsInputError with fewer than 2 items, or an item with fewer than 2 answers.
 */
export function computeRwgJ(data: Dataset, options: number): RwgJResult {
  const sigma2EU = uniformNullVariance(options);
  const nItems = data.columns.length;
  if (nItems < 2)
    throw new PsychometricsInputError(
      `rwg(j) needs at least 2 items, got ${nItems}; use rwg for one item.`,
    );
  const itemS2 = data.columns.map((col, j) => {
    let k = 0;
    for (let i = 0; i < col.length; i++) if (!Number.isNaN(col[i]!)) k++;
    if (k < 2)
      throw new PsychometricsInputError(
        `Item "${data.names[j]}" has fewer than 2 answers in the group.`,
      );
    return variance(col);
  });
  let n = 0;
  for (let i = 0; i < data.nRows; i++) if (data.columns.some((c) => !Number.isNaN(c[i]!))) n++;
  const meanS2 = itemS2.reduce((a, b) => a + b, 0) / nItems;
  const rwgJFor = (q: number): number => (nItems * (1 - q)) / (nItems * (1 - q) + q);
  const q = meanS2 / sigma2EU;
  return {
    options,
    nItems,
    n,
    itemS2,
    meanS2,
    sigma2EU,
    rwgJ: rwgJFor(q),
    rwgJTruncated: rwgJFor(Math.min(q, 1)),
  };
}

/** One group's rows, for {@link computeRwgByGroup}. */
export interface GroupAgreement<T> {
  group: number;
  result: T;
}

/**
 * Splits the rows by a group column and computes rwg (one item) or rwg(j)
 * (several items) per group, groups in order of first appearance. Rows with a
 * missing group are ignored.
 *
 * @throws PsychometricsInputError when a group is too small (naming the group).
 */
export function computeRwgByGroup(
  data: Dataset,
  groupColumn: string,
  items: readonly string[],
  options: number,
): GroupAgreement<RwgResult | RwgJResult>[] {
  const g = data.names.indexOf(groupColumn);
  if (g < 0) throw new PsychometricsInputError(`Unknown group column "${groupColumn}".`);
  const idx = items.map((it) => {
    const j = data.names.indexOf(it);
    if (j < 0) throw new PsychometricsInputError(`Unknown item "${it}".`);
    return j;
  });
  const groups = new Map<number, number[]>();
  const gcol = data.columns[g]!;
  for (let i = 0; i < data.nRows; i++) {
    const id = gcol[i]!;
    if (Number.isNaN(id)) continue;
    let rows = groups.get(id);
    if (!rows) groups.set(id, (rows = []));
    rows.push(i);
  }
  return [...groups].map(([group, rows]) => {
    const cols = idx.map((j) => Float64Array.from(rows, (i) => data.columns[j]![i]!));
    try {
      const result =
        items.length === 1
          ? computeRwg(cols[0]!, options)
          : computeRwgJ({ names: [...items], columns: cols, nRows: rows.length }, options);
      return { group, result };
    } catch (e) {
      if (e instanceof PsychometricsInputError)
        throw new PsychometricsInputError(`Group ${group}: ${e.message}`);
      throw e;
    }
  });
}

const nn = (v: number): number | null => (Number.isNaN(v) ? null : v);

/**
 * Presents a single-item result as a `single_item` record of ref/rwg.json
 * (`multilevel_rwg` repeats the truncated value, which is what multilevel::rwg reports).
 */
export function rwgToPsychJson(
  res: RwgResult,
  group: string | number,
  answers: ArrayLike<number>,
): Record<string, unknown> {
  return {
    group,
    A: res.options,
    x: Array.from(answers, nn),
    n: res.n,
    s2: res.s2,
    sigma2_EU: res.sigma2EU,
    rwg: res.rwg,
    rwg_truncated: res.rwgTruncated,
    multilevel_rwg: res.rwgTruncated,
  };
}

/**
 * Presents a multi-item result as a `multi_item` record of ref/rwg.json
 * (`multilevel_rwg_j` repeats the truncated value, as multilevel::rwg.j reports).
 */
export function rwgJToPsychJson(
  res: RwgJResult,
  group: string | number,
  data: Dataset,
): Record<string, unknown> {
  return {
    group,
    A: res.options,
    J: res.nItems,
    n: res.n,
    x: {
      rows: [],
      cols: [...data.names],
      values: Array.from({ length: data.nRows }, (_, i) => data.columns.map((c) => nn(c[i]!))),
    },
    item_s2: res.itemS2,
    mean_s2: res.meanS2,
    sigma2_EU: res.sigma2EU,
    rwg_j: res.rwgJ,
    rwg_j_truncated: res.rwgJTruncated,
    multilevel_rwg_j: res.rwgJTruncated,
  };
}
