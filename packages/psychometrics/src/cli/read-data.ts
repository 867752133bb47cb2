/**
 * Streams a CSV (or gzip-compressed .csv.gz) file through the incremental
 * parser into a Dataset, optionally drawing a progress bar on stderr.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { createGunzip } from 'node:zlib';
import { CsvParser, DatasetBuilder } from '../csv.ts';
import type { Dataset } from '../dataset.ts';
import { CsvParseError, PsychometricsInputError } from '../errors.ts';

/** Options for {@link readDataFile}. */
export interface ReadDataOptions {
  /** Draw a progress bar on this stream (usually process.stderr). */
  progress?: NodeJS.WriteStream | undefined;
}

/**
 * Reads a data file into a Dataset. `.gz` files are decompressed on the fly.
 *
 * @throws PsychometricsInputError for unreadable files and (as CsvParseError) malformed CSV,
 *   the message prefixed with the file name.
 */
export async function readDataFile(path: string, options: ReadDataOptions = {}): Promise<Dataset> {
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new PsychometricsInputError(`${path} is not a file.`);
    size = s.size;
  } catch (e) {
    if (e instanceof PsychometricsInputError) throw e;
    throw new PsychometricsInputError(`Cannot read data file ${path}: ${(e as Error).message}`);
  }
  const bar = options.progress
    ? new ProgressBar(options.progress, basename(path), size)
    : undefined;
  const raw = createReadStream(path);
  let bytes = 0;
  raw.on('data', (chunk) => {
    bytes += chunk.length;
    bar?.update(bytes);
  });
  const text = path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  // A string decoder keeps multi-byte UTF-8 characters intact across chunk boundaries.
  text.setEncoding('utf8');
  const parser = new CsvParser();
  const builder = new DatasetBuilder();
  try {
    for await (const chunk of text) {
      const rows = parser.push(chunk as string);
      if (parser.columns) builder.addRows(parser.columns, rows);
    }
    const last = parser.finish();
    builder.addRows(parser.columns!, last);
  } catch (e) {
    raw.destroy();
    if (e instanceof CsvParseError)
      throw new CsvParseError(`${path}: ${e.message}`, e.line, e.column);
    if (e instanceof PsychometricsInputError) throw e;
    throw new PsychometricsInputError(`Cannot read data file ${path}: ${(e as Error).message}`);
  } finally {
    bar?.done();
  }
  return builder.build(parser.columns!);
}

/** A one-line progress bar redrawn at most ~10 times a second. */
class ProgressBar {
  private last = 0;
  private drawnFinal = false;

  constructor(
    private readonly out: NodeJS.WriteStream,
    private readonly label: string,
    private readonly total: number,
  ) {}

  update(done: number): void {
    const now = Date.now();
    if (this.drawnFinal || (now - this.last < 100 && done < this.total)) return;
    this.last = now;
    if (done >= this.total) this.drawnFinal = true;
    const frac = this.total > 0 ? Math.min(1, done / this.total) : 1;
    const width = 30;
    const filled = Math.round(frac * width);
    const mb = (done / 1048576).toFixed(1);
    this.out.write(
      `\rReading ${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(frac * 100).toFixed(0).padStart(3)}% ${mb} MB`,
    );
  }

  done(): void {
    this.update(this.total);
    this.out.write('\n');
  }
}
