/**
 * Incremental CSV parser for numeric item data.
 *
 * Pure: it never touches files. Feed it string chunks of any size (split
 * anywhere, even inside a quoted field or a CRLF pair) with `push`, call
 * `finish` at the end. The CLI streams files (and .csv.gz) through it.
 *
 * Format accepted
 * - The first record is the header (column names, unique, non-empty).
 * - Delimiter: comma or semicolon. By default it is detected from the header
 *   line (whichever occurs more often outside quotes; comma on a tie).
 * - Fields may be quoted with `"`; a doubled `""` inside quotes is a literal
 *   quote; quoted fields may contain delimiters and newlines.
 * - Line ends: LF or CRLF. A leading UTF-8 byte-order mark is dropped.
 *   Completely empty lines are skipped.
 * - Missing values: an empty field, `NA` or `.` (surrounding spaces ignored).
 * - Numbers: decimal notation with optional exponent. With the semicolon
 *   delimiter a decimal comma (`3,5`) is accepted too, as spreadsheets in
 *   many locales write it.
 * - Anything else throws a {@link CsvParseError} naming the 1-based line
 *   number (the header is line 1) and the column name.
 */
import type { Dataset } from './dataset.ts';
import { createDataset } from './dataset.ts';
import { CsvParseError } from './errors.ts';

/** Options for {@link CsvParser}. */
export interface CsvParserOptions {
  /** Field delimiter; `'auto'` (default) detects comma or semicolon from the header. */
  delimiter?: ',' | ';' | 'auto';
}

const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const DECIMAL_COMMA_RE = /^[+-]?\d*,\d+$/;

/**
 * Streaming CSV → numeric rows parser. Each completed data row is returned
 * from `push`/`finish` as a Float64Array (NaN = missing), in file order.
 */
export class CsvParser {
  private delimiter: ',' | ';' | undefined;
  private header: string[] | undefined;
  /** Unconsumed text: an incomplete record carried over to the next chunk. */
  private buffer = '';
  /** 1-based physical line number at which `buffer` starts. */
  private line = 1;
  private bomChecked = false;

  /** @param options - delimiter choice. */
  constructor(options: CsvParserOptions = {}) {
    this.delimiter = options.delimiter === 'auto' ? undefined : options.delimiter;
  }

  /** Column names from the header, once the header line has been read. */
  get columns(): readonly string[] | undefined {
    return this.header;
  }

  /**
   * Feeds a chunk of text.
   *
   * @returns the data rows completed by this chunk (possibly none).
   * @throws CsvParseError on malformed input.
   */
  push(chunk: string): Float64Array[] {
    if (!this.bomChecked && (this.buffer.length > 0 || chunk.length > 0)) {
      this.bomChecked = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    this.buffer += chunk;
    return this.drain(false);
  }

  /**
   * Signals end of input and returns the last row if the file did not end
   * with a newline.
   *
   * @throws CsvParseError for an unterminated quote or a file without a header.
   */
  finish(): Float64Array[] {
    const rows = this.drain(true);
    if (this.header === undefined) {
      throw new CsvParseError('The CSV file is empty: no header line was found.', 1);
    }
    return rows;
  }

  /** Parses every complete record in the buffer (all of it when `final`). */
  private drain(final: boolean): Float64Array[] {
    const out: Float64Array[] = [];
    const text = this.buffer;
    const len = text.length;
    let pos = 0;
    for (;;) {
      const rec = this.scanRecord(text, pos, final);
      if (rec === undefined) break;
      const startLine = this.line;
      this.line += rec.newlines;
      pos = rec.next;
      if (rec.fields.length === 1 && rec.fields[0] === '' && !rec.quoted) continue; // blank line
      if (this.header === undefined) {
        this.setHeader(rec.fields, startLine);
      } else {
        out.push(this.toRow(rec.fields, startLine));
      }
      if (pos >= len) break;
    }
    this.buffer = text.slice(pos);
    return out;
  }

  /**
   * Scans one record starting at `start`. Returns undefined when the record is
   * incomplete (no terminating newline yet and not `final`), or at end of text.
   */
  private scanRecord(
    text: string,
    start: number,
    final: boolean,
  ): { fields: string[]; next: number; newlines: number; quoted: boolean } | undefined {
    const len = text.length;
    if (start >= len) return undefined;
    // The delimiter must be known before splitting; detect it from the header line.
    const delim = this.delimiter ?? this.detectDelimiter(text, start, final);
    if (delim === undefined) return undefined;
    const d = delim.charCodeAt(0);
    const fields: string[] = [];
    let field = '';
    let i = start;
    let newlines = 0;
    let anyQuoted = false;
    let fieldStart = i;
    for (;;) {
      if (i >= len) {
        if (!final) return undefined;
        fields.push(field + text.slice(fieldStart, i));
        return { fields, next: i, newlines, quoted: anyQuoted };
      }
      const c = text.charCodeAt(i);
      if (c === 34 /* " */ && i === fieldStart && field === '') {
        // Quoted field: read to the closing quote, unescaping "".
        anyQuoted = true;
        let j = i + 1;
        let value = '';
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) {
            if (!final) return undefined;
            throw new CsvParseError(
              `Line ${this.line + newlines}: a quoted field is never closed.`,
              this.line,
            );
          }
          const piece = text.slice(j, q);
          for (let k = 0; k < piece.length; k++) if (piece.charCodeAt(k) === 10) newlines++;
          value += piece;
          if (q + 1 < len && text.charCodeAt(q + 1) === 34) {
            value += '"';
            j = q + 2;
            continue;
          }
          if (q + 1 >= len && !final) return undefined; // might be the first half of ""
          i = q + 1;
          break;
        }
        field = value;
        fieldStart = i;
        // Text after the closing quote up to the delimiter is kept (lenient, like R).
        continue;
      }
      if (c === d) {
        fields.push(field + text.slice(fieldStart, i));
        field = '';
        i++;
        fieldStart = i;
        continue;
      }
      if (c === 10 /* \n */ || c === 13 /* \r */) {
        const end = i;
        let next = i + 1;
        if (c === 13) {
          if (next >= len && !final) return undefined; // CR may be followed by LF in the next chunk
          if (next < len && text.charCodeAt(next) === 10) next++;
        }
        fields.push(field + text.slice(fieldStart, end));
        newlines++;
        return { fields, next, newlines, quoted: anyQuoted };
      }
      i++;
    }
  }

  private detectDelimiter(text: string, start: number, final: boolean): ',' | ';' | undefined {
    let commas = 0;
    let semis = 0;
    let inQuotes = false;
    let complete = false;
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 34) inQuotes = !inQuotes;
      else if (!inQuotes && (c === 10 || c === 13)) {
        complete = true;
        break;
      } else if (!inQuotes && c === 44) commas++;
      else if (!inQuotes && c === 59) semis++;
    }
    if (!complete && !final) return undefined;
    this.delimiter = semis > commas ? ';' : ',';
    return this.delimiter;
  }

  private setHeader(fields: string[], line: number): void {
    const names = fields.map((f) => f.trim());
    const seen = new Set<string>();
    names.forEach((name, j) => {
      if (name === '') {
        throw new CsvParseError(`Line ${line}: column ${j + 1} of the header has no name.`, line);
      }
      if (seen.has(name)) {
        throw new CsvParseError(
          `Line ${line}: column name "${name}" appears twice in the header.`,
          line,
          name,
        );
      }
      seen.add(name);
    });
    this.header = names;
  }

  private toRow(fields: string[], line: number): Float64Array {
    const header = this.header!;
    if (fields.length !== header.length) {
      throw new CsvParseError(
        `Line ${line}: expected ${header.length} fields (as in the header) but found ${fields.length}.`,
        line,
      );
    }
    const row = new Float64Array(header.length);
    for (let j = 0; j < fields.length; j++) {
      row[j] = this.parseCell(fields[j]!, line, header[j]!);
    }
    return row;
  }

  private parseCell(raw: string, line: number, column: string): number {
    // Fast path for the overwhelmingly common case of a single digit (Likert data).
    if (raw.length === 1) {
      const c = raw.charCodeAt(0) - 48;
      if (c >= 0 && c <= 9) return c;
    }
    const s = raw.trim();
    if (s === '' || s === 'NA' || s === '.') return NaN;
    if (NUMBER_RE.test(s)) return Number(s);
    if (this.delimiter === ';' && DECIMAL_COMMA_RE.test(s)) return Number(s.replace(',', '.'));
    throw new CsvParseError(
      `Line ${line}, column "${column}": "${raw.length > 40 ? `${raw.slice(0, 37)}...` : raw}" is not a number ` +
        `(missing values may be empty, NA or .).`,
      line,
      column,
    );
  }
}

/**
 * Collects parsed rows into growable column buffers and yields a Dataset, so
 * large files never hold one JS object per row.
 */
export class DatasetBuilder {
  private names: string[] | undefined;
  private cols: Float64Array[] = [];
  private n = 0;

  /** Appends rows from {@link CsvParser.push}; `names` is the parser's header. */
  addRows(names: readonly string[], rows: readonly Float64Array[]): void {
    if (this.names === undefined) {
      this.names = [...names];
      this.cols = names.map(() => new Float64Array(1024));
    }
    const p = this.names.length;
    for (const row of rows) {
      if (this.n === this.cols[0]?.length) this.grow();
      for (let j = 0; j < p; j++) this.cols[j]![this.n] = row[j]!;
      this.n++;
    }
  }

  /** The Dataset of every row added (header-only files give zero rows). */
  build(names: readonly string[]): Dataset {
    if (this.names === undefined)
      return createDataset(
        names,
        names.map(() => new Float64Array(0)),
      );
    return createDataset(
      this.names,
      this.cols.map((c) => c.slice(0, this.n)),
    );
  }

  private grow(): void {
    this.cols = this.cols.map((c) => {
      const bigger = new Float64Array(c.length * 2);
      bigger.set(c);
      return bigger;
    });
  }
}

/**
 * Parses a whole CSV text into a Dataset (convenience for small inputs and tests).
 *
 * @throws CsvParseError naming the line and column of the first bad cell.
 */
export function parseCsv(text: string, options: CsvParserOptions = {}): Dataset {
  const parser = new CsvParser(options);
  const builder = new DatasetBuilder();
  const rows = parser.push(text);
  const last = parser.finish();
  const names = parser.columns!;
  builder.addRows(names, rows);
  builder.addRows(names, last);
  return builder.build(names);
}
