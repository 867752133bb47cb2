/**
 * Error types shared by every analysis in this package.
 *
 * Analyses throw instead of returning NaN whenever R's psych would refuse the
 * input or the result would be meaningless (zero variance, too few cases, too
 * few items). Callers (CLI, server) can then tell a user-facing input problem
 * apart from a programming error with `instanceof`.
 */

/**
 * Thrown when the input data cannot be analysed: unknown item names, zero
 * variance, too few cases or items, singular matrices, malformed keys.
 * The message is meant to be shown to an end user as is.
 */
export class PsychometricsInputError extends Error {
  override readonly name: string = 'PsychometricsInputError';

  /**
   * @param message - a complete sentence that tells the user what is wrong with their input.
   */
  constructor(message: string) {
    super(message);
  }
}

/**
 * Thrown by the CSV parser when a cell or the file structure is malformed.
 * `line` is 1-based and counts the header as line 1.
 */
export class CsvParseError extends PsychometricsInputError {
  override readonly name: string = 'CsvParseError';
  readonly line: number;
  readonly column: string | undefined;

  /**
   * @param message - full message, already naming line and column.
   * @param line - 1-based physical line number of the offending record.
   * @param column - header name of the offending column, when known.
   */
  constructor(message: string, line: number, column?: string) {
    super(message);
    this.line = line;
    this.column = column;
  }
}
