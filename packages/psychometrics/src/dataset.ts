/**
 * The tabular input shared by every analysis: named numeric columns, missing = NaN.
 *
 * Columns are stored column-major as Float64Array because every analysis here
 * works item by item (means, covariances), and a contiguous typed array per
 * item keeps those loops allocation-free and fast for 100k-row data.
 */
import { PsychometricsInputError } from './errors.ts';

/** Named numeric columns of equal length. A missing value is NaN. */
export interface Dataset {
  /** Column (item) names, unique, in column order. */
  names: string[];
  /** One column per name, each of length `nRows`. */
  columns: Float64Array[];
  /** Number of rows (cases). */
  nRows: number;
}

/**
 * Builds a Dataset from named columns and checks that it is well formed
 * (unique names, equal lengths).
 *
 * @param names - column names, unique.
 * @param columns - one column per name; plain arrays are copied into Float64Array, `null` becomes NaN.
 * @returns a validated Dataset.
 * @throws PsychometricsInputError when names repeat or lengths differ.
 */
export function createDataset(
  names: readonly string[],
  columns: readonly (Float64Array | readonly (number | null)[])[],
): Dataset {
  if (names.length !== columns.length) {
    throw new PsychometricsInputError(
      `Got ${names.length} column names but ${columns.length} columns.`,
    );
  }
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new PsychometricsInputError(`Column name "${name}" appears twice.`);
    seen.add(name);
  }
  const typed = columns.map((col) =>
    col instanceof Float64Array ? col : Float64Array.from(col, (v) => (v === null ? NaN : v)),
  );
  const nRows = typed[0]?.length ?? 0;
  typed.forEach((col, j) => {
    if (col.length !== nRows) {
      throw new PsychometricsInputError(
        `Column "${names[j]}" has ${col.length} rows but column "${names[0]}" has ${nRows}.`,
      );
    }
  });
  return { names: [...names], columns: typed, nRows };
}

/**
 * Builds a Dataset from row-major data (one array per case), as in small
 * hand-written examples and JSON payloads. `null`/`undefined` become NaN.
 *
 * @param names - column names.
 * @param rows - one array per case, each with `names.length` values.
 * @throws PsychometricsInputError when a row has the wrong length.
 */
export function datasetFromRows(
  names: readonly string[],
  rows: readonly (readonly (number | null | undefined)[])[],
): Dataset {
  const columns = names.map(() => new Float64Array(rows.length));
  rows.forEach((row, i) => {
    if (row.length !== names.length) {
      throw new PsychometricsInputError(
        `Row ${i + 1} has ${row.length} values but there are ${names.length} columns.`,
      );
    }
    for (let j = 0; j < names.length; j++) {
      const v = row[j];
      columns[j]![i] = v === null || v === undefined ? NaN : v;
    }
  });
  return createDataset(names, columns);
}

/**
 * Index of a column by name.
 *
 * @throws PsychometricsInputError naming the unknown column and listing the available ones.
 */
export function columnIndex(data: Dataset, name: string): number {
  const j = data.names.indexOf(name);
  if (j < 0) {
    throw new PsychometricsInputError(
      `Unknown item "${name}". Available columns: ${summariseNames(data.names)}.`,
    );
  }
  return j;
}

/**
 * The column with the given name (shared, not copied).
 *
 * @throws PsychometricsInputError for an unknown name.
 */
export function getColumn(data: Dataset, name: string): Float64Array {
  return data.columns[columnIndex(data, name)]!;
}

/**
 * A Dataset restricted to the named columns, in the order given. Columns are
 * shared with the input, not copied, so this is cheap.
 *
 * @throws PsychometricsInputError listing every unknown name at once.
 */
export function selectColumns(data: Dataset, names: readonly string[]): Dataset {
  const unknown = names.filter((n) => !data.names.includes(n));
  if (unknown.length > 0) {
    throw new PsychometricsInputError(
      `Unknown item${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"`).join(', ')}. ` +
        `Available columns: ${summariseNames(data.names)}.`,
    );
  }
  return createDataset(
    names,
    names.map((n) => data.columns[data.names.indexOf(n)]!),
  );
}

/**
 * Row-major copy of the data (one array per case), NaN for missing. Handy for
 * small data and tests; avoid on large data.
 */
export function toRows(data: Dataset): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < data.nRows; i++) rows.push(data.columns.map((c) => c[i]!));
  return rows;
}

/** Number of missing (NaN) values in each column. */
export function countMissing(data: Dataset): number[] {
  return data.columns.map((col) => {
    let m = 0;
    for (let i = 0; i < col.length; i++) if (Number.isNaN(col[i]!)) m++;
    return m;
  });
}

/** True when no column contains a NaN. */
export function isComplete(data: Dataset): boolean {
  return countMissing(data).every((m) => m === 0);
}

/**
 * Throws unless the dataset has at least `minColumns` columns and `minRows` rows.
 * Used by analyses to fail early with a user-facing message.
 */
export function assertShape(
  data: Dataset,
  what: string,
  { minRows = 1, minColumns = 1 }: { minRows?: number; minColumns?: number },
): void {
  if (data.columns.length < minColumns) {
    throw new PsychometricsInputError(
      `${what} needs at least ${minColumns} items, got ${data.columns.length}.`,
    );
  }
  if (data.nRows < minRows) {
    throw new PsychometricsInputError(
      `${what} needs at least ${minRows} cases, got ${data.nRows}.`,
    );
  }
}

// Long item lists (60+) would drown the actual error, so only the first few are shown.
function summariseNames(names: readonly string[]): string {
  const shown = names.slice(0, 20).join(', ');
  return names.length > 20 ? `${shown}, … (${names.length} in all)` : shown || '(none)';
}
