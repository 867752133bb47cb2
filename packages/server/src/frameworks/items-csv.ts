import { readCsvRecords } from '../csv/read-csv-records.ts';
import { stringify } from 'csv-stringify/sync';
import type { CsvProblem } from '../http/errors.ts';
import type { FrameworkDocument, FrameworkItem } from './framework-document.ts';

/**
 * A framework's items as a spreadsheet: one row per item, with the self and rater wording
 * in each of the framework's languages (`self_en`, `rater_en`, …). Editing wording in a
 * spreadsheet and importing it back into a draft is how translators work.
 */
export function itemColumns(languages: string[]): string[] {
  return ['code', 'competency', ...languages.flatMap((l) => [`self_${l}`, `rater_${l}`]), 'reverse', 'retired'];
}

export function presentItemsCsv(doc: FrameworkDocument): string {
  const columns = itemColumns(doc.languages);
  const rows = doc.items.map((item) => [
    item.code,
    item.competency,
    ...doc.languages.flatMap((l) => [item.self[l] ?? '', item.rater[l] ?? '']),
    item.reverse ? 'yes' : 'no',
    item.retired ? 'yes' : 'no',
  ]);
  return stringify([columns, ...rows]);
}

const YES = new Set(['yes', 'true', '1', 'y']);
const NO = new Set(['no', 'false', '0', 'n', '']);

/**
 * Reads items back from CSV. Checks here are the CSV's own (columns, yes/no cells, empty
 * codes); the framework rules (known competency, duplicates, two items per competency) are
 * checked on the whole document afterwards and reported by line too (see `itemLine`).
 */
export function parseItemsCsv(text: string, languages: string[]): { ok: true; items: FrameworkItem[]; lines: number[] } | { ok: false; problems: CsvProblem[] } {
  const read = readCsvRecords(text);
  if (!read.ok) return read;
  const { header, records: body } = read;
  if (!header) return { ok: false, problems: [{ line: 1, column: '', message: 'The file is empty; the first line must name the columns.' }] };
  const expected = itemColumns(languages);
  const names = header.map((h) => h.toLowerCase());
  const problems: CsvProblem[] = [];
  for (const column of expected) {
    if (!names.includes(column)) problems.push({ line: 1, column, message: `The header has no "${column}" column (expected: ${expected.join(', ')}).` });
  }
  for (const name of names) {
    if (!expected.includes(name)) problems.push({ line: 1, column: name, message: `"${name}" is not an item column (expected: ${expected.join(', ')}).` });
  }
  if (problems.length > 0) return { ok: false, problems };

  const items: FrameworkItem[] = [];
  const lines: number[] = [];
  for (const { record, line } of body) {
    if (record.length !== header.length) {
      problems.push({ line, column: '', message: `This line has ${record.length} fields; the header has ${header.length}.` });
      continue;
    }
    const cell = (column: string) => record[names.indexOf(column)] ?? '';
    const flag = (column: string): boolean => {
      const value = cell(column).toLowerCase();
      if (YES.has(value)) return true;
      if (!NO.has(value)) problems.push({ line, column, message: `"${cell(column)}" must be yes or no.` });
      return false;
    };
    for (const column of ['code', 'competency']) if (cell(column) === '') problems.push({ line, column, message: `${column} is empty.` });
    const retired = flag('retired');
    lines.push(line);
    items.push({
      code: cell('code'),
      competency: cell('competency'),
      self: Object.fromEntries(languages.map((l) => [l, cell(`self_${l}`)])),
      rater: Object.fromEntries(languages.map((l) => [l, cell(`rater_${l}`)])),
      reverse: flag('reverse'),
      ...(retired ? { retired } : {}),
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, items, lines };
}

/** Turns a document problem under /items/N/field into the CSV line and column it came from. */
export function itemLine(path: string, lines: number[], languages: string[]): { line: number; column: string } | null {
  const match = /^\/items\/(\d+)(?:\/(\w+)(?:\/([\w-]+))?)?/.exec(path);
  if (!match) return null;
  const [, index, field, language] = match;
  const line = lines[Number(index)];
  if (line === undefined) return null;
  const column = field === 'self' || field === 'rater' ? `${field}_${language ?? languages[0]}` : (field ?? '');
  return { line, column };
}
