import { parse } from 'csv-parse/sync';
import type { CsvProblem } from '../http/errors.ts';

export interface CsvRecord {
  record: string[];
  /** The line the record ends on (1 = the header), for problems a user can find. */
  line: number;
}

/**
 * Reads an uploaded CSV the way spreadsheets write it: UTF-8 with or without BOM, comma or
 * semicolon (whichever the header uses more), blank lines skipped, cells trimmed. Returns
 * the header and the records with their line numbers, or the parse problem with its line.
 */
export function readCsvRecords(text: string): { ok: true; header: string[] | null; records: CsvRecord[] } | { ok: false; problems: CsvProblem[] } {
  const withoutBom = text.replace(/^\uFEFF/, '');
  const firstLine = withoutBom.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    const rows = parse(withoutBom, { delimiter, info: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as unknown as { record: string[]; info: { lines: number } }[];
    const [header, ...body] = rows;
    return { ok: true, header: header?.record ?? null, records: body.map((r) => ({ record: r.record, line: r.info.lines })) };
  } catch (error) {
    const e = error as { lines?: number; message: string };
    return { ok: false, problems: [{ line: e.lines ?? 1, column: '', message: `The file is not valid CSV: ${e.message}` }] };
  }
}
