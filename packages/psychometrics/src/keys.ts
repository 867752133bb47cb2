/**
 * Scoring keys: which items form each scale and which are reverse-keyed.
 *
 * Keys use psych's list form: `{"agree": ["-A1", "A2", …]}`, a leading `-`
 * marking a reversed item (a leading `+` is accepted and ignored). A keys file
 * (like bfi_keys.json) wraps that in `{"keys": {…}, "min": 1, "max": 6}`;
 * `min`/`max` are optional.
 *
 * Reversal is `x' = min + max − x`. As in psych::scoreItems, when min and max
 * are not given they are the smallest and largest value over ALL keyed items
 * (not per item, not per scale), so every reversed item of a 1–6 instrument
 * becomes 7 − x even if some item happens never to use 1 or 6.
 */
import type { Dataset } from './dataset.ts';
import { createDataset, selectColumns } from './dataset.ts';
import { PsychometricsInputError } from './errors.ts';

/** One scale of a key set. */
export interface ScaleKey {
  /** Scale name, e.g. `agree`. */
  name: string;
  /** Item names in key order, without sign. */
  items: string[];
  /** The reverse-keyed subset of `items`. */
  reversed: string[];
  /** The psych form, e.g. `["-A1", "A2"]`. */
  keys: string[];
}

/** A parsed key set. */
export interface ScoringKeys {
  scales: ScaleKey[];
  /** Lowest possible response, when the keys file states it. */
  min?: number;
  /** Highest possible response, when the keys file states it. */
  max?: number;
}

/** The response range used for reversal. */
export interface ReverseRange {
  min: number;
  max: number;
}

/**
 * Parses one scale's psych-form key list (`["-A1", "A2"]`).
 *
 * @throws PsychometricsInputError for empty lists, non-strings or repeated items.
 */
export function parseScaleKey(name: string, list: unknown): ScaleKey {
  if (!Array.isArray(list) || list.length === 0) {
    throw new PsychometricsInputError(`Scale "${name}" must be a non-empty list of item names.`);
  }
  const items: string[] = [];
  const reversed: string[] = [];
  const keys: string[] = [];
  for (const entry of list) {
    if (typeof entry !== 'string' || entry.trim() === '') {
      throw new PsychometricsInputError(
        `Scale "${name}" has a key that is not an item name: ${JSON.stringify(entry)}.`,
      );
    }
    const key = entry.trim();
    const isReversed = key.startsWith('-');
    const item = key.replace(/^[-+]/, '');
    if (item === '') throw new PsychometricsInputError(`Scale "${name}" has an empty item name.`);
    if (items.includes(item)) {
      throw new PsychometricsInputError(`Scale "${name}" lists item "${item}" twice.`);
    }
    items.push(item);
    if (isReversed) reversed.push(item);
    keys.push(isReversed ? `-${item}` : item);
  }
  return { name, items, reversed, keys };
}

/**
 * Parses a keys object: either `{ keys: { scale: [...] }, min?, max? }` (the
 * bfi_keys.json format), `{ scales: { scale: { items, reversed } } }`, or a bare
 * `{ scale: [...] }` map.
 *
 * @throws PsychometricsInputError describing what is wrong with the keys.
 */
export function parseKeys(json: unknown): ScoringKeys {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new PsychometricsInputError(
      'Keys must be a JSON object mapping scale names to item lists.',
    );
  }
  const obj = json as Record<string, unknown>;
  const range: { min?: number; max?: number } = {};
  for (const bound of ['min', 'max'] as const) {
    const v = obj[bound];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new PsychometricsInputError(`Keys "${bound}" must be a number.`);
    }
    range[bound] = v;
  }
  if (range.min !== undefined && range.max !== undefined && !(range.min < range.max)) {
    throw new PsychometricsInputError(
      `Keys "min" (${range.min}) must be below "max" (${range.max}).`,
    );
  }
  let scales: ScaleKey[];
  if (obj.keys !== undefined) {
    const keys = obj.keys;
    if (keys === null || typeof keys !== 'object' || Array.isArray(keys)) {
      throw new PsychometricsInputError(
        '"keys" must be an object mapping scale names to item lists.',
      );
    }
    scales = Object.entries(keys as Record<string, unknown>).map(([name, list]) =>
      parseScaleKey(name, list),
    );
  } else if (obj.scales !== undefined && typeof obj.scales === 'object' && obj.scales !== null) {
    scales = Object.entries(obj.scales as Record<string, unknown>).map(([name, spec]) => {
      const s = spec as { items?: unknown; reversed?: unknown };
      if (!Array.isArray(s?.items)) {
        throw new PsychometricsInputError(`Scale "${name}" needs an "items" list.`);
      }
      const rev = Array.isArray(s.reversed) ? (s.reversed as unknown[]) : [];
      return parseScaleKey(
        name,
        (s.items as unknown[]).map((it) => (rev.includes(it) ? `-${String(it)}` : it)),
      );
    });
  } else {
    scales = Object.entries(obj)
      .filter(([k]) => k !== 'min' && k !== 'max')
      .map(([name, list]) => parseScaleKey(name, list));
  }
  if (scales.length === 0) throw new PsychometricsInputError('The keys define no scales.');
  return { scales, ...range };
}

/** Every keyed item once, in order of first appearance (psych's selection order). */
export function keyedItems(keys: ScoringKeys): string[] {
  const seen = new Set<string>();
  for (const s of keys.scales) for (const it of s.items) seen.add(it);
  return [...seen];
}

/**
 * The reversal range: `min`/`max` from the keys when given, otherwise the
 * smallest and largest answer over all keyed items in the data.
 *
 * @throws PsychometricsInputError when an item is unknown or no answer exists.
 */
export function resolveReverseRange(
  data: Dataset,
  keys: ScoringKeys,
  override: Partial<ReverseRange> = {},
): ReverseRange {
  const given = { min: override.min ?? keys.min, max: override.max ?? keys.max };
  if (given.min !== undefined && given.max !== undefined) return { min: given.min, max: given.max };
  const observed = observedRange(selectColumns(data, keyedItems(keys)));
  return { min: given.min ?? observed.min, max: given.max ?? observed.max };
}

/**
 * Smallest and largest non-missing value over all columns of `data`.
 *
 * @throws PsychometricsInputError when every value is missing.
 */
export function observedRange(data: Dataset): ReverseRange {
  let min = Infinity;
  let max = -Infinity;
  for (const col of data.columns) {
    for (let i = 0; i < col.length; i++) {
      const v = col[i]!;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  if (min === Infinity)
    throw new PsychometricsInputError('Every answer is missing, so there is no response range.');
  return { min, max };
}

/** `min + max − x` for every value (NaN stays NaN), as a new column. */
export function reverseColumn(col: Float64Array, range: ReverseRange): Float64Array {
  const c = range.min + range.max;
  const out = new Float64Array(col.length);
  for (let i = 0; i < col.length; i++) out[i] = c - col[i]!;
  return out;
}

/**
 * A copy of `data` with the named columns reversed (`min + max − x`); other
 * columns are shared, not copied.
 *
 * @throws PsychometricsInputError for unknown names.
 */
export function applyReversal(
  data: Dataset,
  reversed: readonly string[],
  range: ReverseRange,
): Dataset {
  selectColumns(data, reversed); // validates names
  const rev = new Set(reversed);
  return createDataset(
    data.names,
    data.columns.map((col, j) => (rev.has(data.names[j]!) ? reverseColumn(col, range) : col)),
  );
}

/**
 * The items of one scale, reversed items already flipped — the input psych::alpha
 * sees in the reference (`x_reversed[, items]`).
 *
 * @throws PsychometricsInputError for unknown items.
 */
export function scaleItemData(data: Dataset, scale: ScaleKey, range: ReverseRange): Dataset {
  return applyReversal(selectColumns(data, scale.items), scale.reversed, range);
}
