/**
 * Plain-text rendering of command results: aligned tables for terminals.
 * Pure (returns strings); main.ts decides where to print them.
 */

/** A cell: text, a number (formatted to `digits` decimals unless an integer), or null/NaN shown as NA. */
export type Cell = string | number | boolean | null | undefined;

/** A titled table. The first column is left-aligned (labels), the others right-aligned. */
export interface TextTable {
  title?: string;
  columns: string[];
  rows: Cell[][];
  /** Decimals for non-integer numbers (default 3). */
  digits?: number;
}

/** Formats one cell for display. */
export function formatCell(v: Cell, digits = 3): string {
  if (v === null || v === undefined) return 'NA';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'string') return v;
  if (Number.isNaN(v)) return 'NA';
  if (!Number.isFinite(v)) return v > 0 ? 'Inf' : '-Inf';
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
  const fixed = v.toFixed(digits);
  // Tiny values (p-values) would print as 0.000; show their magnitude instead.
  if (digits >= 3 && v !== 0 && Math.abs(v) < 0.5 * 10 ** -digits) return v.toExponential(2);
  return fixed;
}

/** Renders a table with columns padded to equal width. */
export function formatTable(t: TextTable): string {
  const digits = t.digits ?? 3;
  const cells = t.rows.map((r) => r.map((c) => formatCell(c, digits)));
  const widths = t.columns.map((h, j) =>
    Math.max(h.length, ...cells.map((r) => (r[j] ?? '').length)),
  );
  const line = (vals: string[]): string =>
    vals
      .map((v, j) => (j === 0 ? v.padEnd(widths[j]!) : v.padStart(widths[j]!)))
      .join('  ')
      .trimEnd();
  const out: string[] = [];
  if (t.title) out.push(t.title);
  out.push(line(t.columns));
  for (const r of cells) out.push(line(r));
  return out.join('\n');
}

/** Renders several tables separated by blank lines, followed by notes. */
export function formatTables(tables: readonly TextTable[], notes: readonly string[] = []): string {
  const parts = tables.map(formatTable);
  if (notes.length > 0) parts.push(notes.join('\n'));
  return parts.join('\n\n') + '\n';
}

/** A square or rectangular matrix as a table with row labels. */
export function matrixTable(
  title: string,
  rowNames: readonly string[],
  colNames: readonly string[],
  values: readonly (readonly number[])[],
  digits = 3,
): TextTable {
  return {
    title,
    columns: ['', ...colNames],
    rows: values.map((row, i) => [rowNames[i]!, ...row]),
    digits,
  };
}
