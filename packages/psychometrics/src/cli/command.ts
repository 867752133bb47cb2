/**
 * The contract every CLI analysis implements. To add an analysis, write
 * `src/cli/commands/<name>.ts` exporting a `Command` and add it to the list in
 * `src/cli/commands.ts` (one line).
 *
 * main.ts parses the options with node:util `parseArgs` (strict: true) from the
 * command's `options` merged with the common ones (`--data`, `--json`,
 * `--progress`, `--help`), then calls `run` with a context giving parsed
 * values, typed option accessors and data/JSON loaders. `run` returns a
 * result that main prints as aligned tables, or as `json` with `--json`.
 */
import type { ParseArgsConfig } from 'node:util';
import type { Dataset } from '../dataset.ts';
import { PsychometricsInputError } from '../errors.ts';
import type { TextTable } from './format.ts';

/** Option declarations in node:util parseArgs form. */
export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** Thrown for wrong command-line usage (missing or invalid options). Printed to stderr, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Parsed option values (strings, booleans, or arrays for `multiple` options). */
export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** What a command's `run` receives. */
export interface CommandContext {
  /** Parsed option values, common options included. */
  values: OptionValues;
  /** Reads `--data` (CSV or .csv.gz) into a Dataset, with a progress bar when enabled. */
  readData(): Promise<Dataset>;
  /** Reads and parses a JSON file (e.g. `--keys`). */
  readJson(path: string): Promise<unknown>;
  /** A string option, or undefined. */
  string(name: string): string | undefined;
  /** A required string option. @throws UsageError when absent. */
  requireString(name: string): string;
  /** A comma-separated list option (`--items a,b,c`), trimmed, empty entries dropped. */
  list(name: string): string[] | undefined;
  /** A numeric option. @throws UsageError when not a finite number. */
  number(name: string): number | undefined;
  /** A comma-separated list of numbers. @throws UsageError for a non-number. */
  numberList(name: string): number[] | undefined;
  /** A boolean flag. */
  flag(name: string): boolean;
}

/** What a command returns. */
export interface CommandResult {
  /** Printed (pretty JSON) with `--json`. NaN becomes null. */
  json: unknown;
  /** Printed as aligned tables by default. */
  tables: TextTable[];
  /** Extra lines after the tables (warnings, method notes). */
  notes?: string[];
}

/** One CLI analysis. */
export interface Command {
  /** Sub-command name, e.g. `alpha`. */
  name: string;
  /** One line for the command list of `twofold-psych --help`. */
  summary: string;
  /** Usage line(s) without the program name, e.g. `alpha --data FILE (--keys FILE | --items a,b,c)`. */
  usage: string;
  /** Longer help: what it computes and its specific options. */
  help: string;
  /** Command-specific options (common ones are added by main). */
  options: OptionSpec;
  /** Whether `--data` is required (default true). */
  needsData?: boolean;
  run(ctx: CommandContext): Promise<CommandResult>;
}

/** Builds the typed accessors of a {@link CommandContext} around parsed values. */
export function createOptionAccessors(
  values: OptionValues,
): Omit<CommandContext, 'readData' | 'readJson' | 'values'> {
  const string = (name: string): string | undefined => {
    const v = values[name];
    if (v === undefined) return undefined;
    if (typeof v !== 'string') throw new UsageError(`--${name} needs a value.`);
    return v;
  };
  const list = (name: string): string[] | undefined => {
    const v = string(name);
    if (v === undefined) return undefined;
    const items = v
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (items.length === 0) throw new UsageError(`--${name} needs at least one name.`);
    return items;
  };
  const toNumber = (name: string, s: string): number => {
    const x = Number(s);
    if (s.trim() === '' || !Number.isFinite(x))
      throw new UsageError(`--${name} must be a number, got "${s}".`);
    return x;
  };
  return {
    string,
    requireString(name) {
      const v = string(name);
      if (v === undefined || v === '') throw new UsageError(`--${name} is required.`);
      return v;
    },
    list,
    number(name) {
      const v = string(name);
      return v === undefined ? undefined : toNumber(name, v);
    },
    numberList(name) {
      const v = list(name);
      return v?.map((s) => toNumber(name, s));
    },
    flag(name) {
      return values[name] === true;
    },
  };
}

/** Re-throws an input error with a prefix (e.g. the file name) while keeping its class. */
export function withContext(prefix: string, e: unknown): never {
  if (e instanceof PsychometricsInputError)
    throw new PsychometricsInputError(`${prefix}: ${e.message}`);
  throw e;
}
