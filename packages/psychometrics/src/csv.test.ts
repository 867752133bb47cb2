import { describe, expect, it } from 'vitest';
import { CsvParser, DatasetBuilder, parseCsv } from './csv.ts';
import { countMissing, toRows } from './dataset.ts';
import { CsvParseError } from './errors.ts';
import { loadBfi } from './testing/reference-files.ts';

/** Feeds `text` in chunks of `size` characters. */
function parseChunked(text: string, size: number) {
  const parser = new CsvParser();
  const builder = new DatasetBuilder();
  for (let i = 0; i < text.length; i += size) {
    const rows = parser.push(text.slice(i, i + size));
    if (parser.columns) builder.addRows(parser.columns, rows);
  }
  const last = parser.finish();
  builder.addRows(parser.columns!, last);
  return builder.build(parser.columns!);
}

describe('CSV parser', () => {
  it('reads bfi.csv: 2800 rows, 25 columns, 508 missing cells', () => {
    const d = loadBfi();
    expect(d.nRows).toBe(2800);
    expect(d.names.length).toBe(25);
    expect(countMissing(d).reduce((a, b) => a + b, 0)).toBe(508);
  });

  const tricky = '\uFEFF"a","b ""x""",c\r\n1,2,3\r\n\r\n4.5,NA,.\n"6",,-1e2\n 7 ,8,9';
  const expected = [
    [1, 2, 3],
    [4.5, NaN, NaN],
    [6, NaN, -100],
    [7, 8, 9],
  ];

  it('handles BOM, quotes, escaped quotes, CRLF, blank lines, NA/./empty, no final newline', () => {
    const d = parseCsv(tricky);
    expect(d.names).toEqual(['a', 'b "x"', 'c']);
    expect(toRows(d)).toEqual(expected);
  });

  it('gives the same result whatever the chunk boundaries', () => {
    for (let size = 1; size <= tricky.length; size++) {
      const d = parseChunked(tricky, size);
      expect(toRows(d), `chunk size ${size}`).toEqual(expected);
    }
  });

  it('detects semicolons and accepts decimal commas with them', () => {
    const d = parseCsv('x;y\n1,5;2\n"3;4";NA\n'.replace('"3;4"', '3'));
    expect(toRows(d)).toEqual([
      [1.5, 2],
      [3, NaN],
    ]);
  });

  it('quoted fields may contain newlines, counted in line numbers', () => {
    const text = 'a,"b\nc"\n1,2\n3,x\n';
    expect(() => parseCsv(text)).toThrow('Line 4, column "b\nc": "x" is not a number');
  });

  it('names the 1-based line and the column of a non-numeric cell', () => {
    const text = 'A1,A2,A3\n1,2,3\n4,five,6\n';
    let err: unknown;
    try {
      parseCsv(text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CsvParseError);
    expect((err as CsvParseError).message).toBe(
      'Line 3, column "A2": "five" is not a number (missing values may be empty, NA or .).',
    );
    expect((err as CsvParseError).line).toBe(3);
    expect((err as CsvParseError).column).toBe('A2');
  });

  it('rejects ragged rows, duplicate or empty header names, unclosed quotes and empty files', () => {
    expect(() => parseCsv('a,b\n1,2,3\n')).toThrow(/Line 2: expected 2 fields .* found 3/);
    expect(() => parseCsv('a,a\n1,2\n')).toThrow(/"a" appears twice/);
    expect(() => parseCsv('a,,c\n1,2,3\n')).toThrow(/column 2 of the header has no name/);
    expect(() => parseCsv('a,b\n"1,2\n')).toThrow(/never closed/);
    expect(() => parseCsv('')).toThrow(/empty/);
  });

  it('accepts a header-only file as zero rows', () => {
    const d = parseCsv('a,b\n');
    expect(d.nRows).toBe(0);
    expect(d.names).toEqual(['a', 'b']);
  });
});
