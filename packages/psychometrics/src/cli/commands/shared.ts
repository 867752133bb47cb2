/**
 * Helpers shared by the command files: column selection by `--items` and
 * keys loading by `--keys`.
 */
import type { Dataset } from '../../dataset.ts';
import { selectColumns } from '../../dataset.ts';
import type { ScoringKeys } from '../../keys.ts';
import { parseKeys } from '../../keys.ts';
import type { CommandContext } from '../command.ts';
import { withContext } from '../command.ts';

/** The data restricted to `--items` when given, else every column. */
export function selectItems(ctx: CommandContext, data: Dataset): Dataset {
  const items = ctx.list('items');
  return items ? selectColumns(data, items) : data;
}

/** Reads and parses the `--keys` file. */
export async function readKeys(ctx: CommandContext): Promise<ScoringKeys> {
  const path = ctx.requireString('keys');
  const json = await ctx.readJson(path);
  try {
    return parseKeys(json);
  } catch (e) {
    return withContext(path, e);
  }
}

/** Lines for warnings, prefixed so they stand out after the tables. */
export function warningNotes(warnings: readonly string[], prefix = ''): string[] {
  return warnings.map((w) => `Warning${prefix ? ` (${prefix})` : ''}: ${w}`);
}
