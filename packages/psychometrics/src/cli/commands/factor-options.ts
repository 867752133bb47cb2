/**
 * Option parsing shared by the factor-analysis commands (fa, omega,
 * parallel): item selection by --items or --keys, and validated --fm,
 * --rotate, --nfactors, --n-obs values.
 */
import type { Dataset } from '../../dataset.ts';
import { selectColumns } from '../../dataset.ts';
import type { FactorMethod, RotationMethod } from '../../fa.ts';
import { keyedItems } from '../../keys.ts';
import type { CommandContext } from '../command.ts';
import { UsageError } from '../command.ts';
import { readKeys } from './shared.ts';

/** The data restricted to --items, or to every item of --keys, else all columns. */
export async function selectFactorItems(ctx: CommandContext): Promise<Dataset> {
  const items = ctx.list('items');
  const hasKeys = ctx.string('keys') !== undefined;
  if (items !== undefined && hasKeys)
    throw new UsageError('Give either --items or --keys, not both.');
  const data = await ctx.readData();
  if (items !== undefined) return selectColumns(data, items);
  if (hasKeys) return selectColumns(data, keyedItems(await readKeys(ctx)));
  return data;
}

/** --fm: minres (default) or ml. */
export function factorMethod(ctx: CommandContext): FactorMethod {
  const fm = ctx.string('fm') ?? 'minres';
  if (fm !== 'minres' && fm !== 'ml')
    throw new UsageError(`--fm must be minres or ml, got "${fm}".`);
  return fm;
}

/** --rotate: none, varimax or oblimin (default). */
export function rotation(ctx: CommandContext): RotationMethod {
  const r = ctx.string('rotate') ?? 'oblimin';
  if (r !== 'none' && r !== 'varimax' && r !== 'oblimin') {
    throw new UsageError(`--rotate must be none, varimax or oblimin, got "${r}".`);
  }
  return r;
}

/** A positive whole-number option (e.g. --nfactors), with a default. */
export function positiveInteger(ctx: CommandContext, name: string, fallback: number): number {
  const v = ctx.number(name);
  if (v === undefined) return fallback;
  if (!Number.isInteger(v) || v < 1)
    throw new UsageError(`--${name} must be a positive whole number, got ${v}.`);
  return v;
}

/** --n-obs when given (a positive whole number). */
export function nObsOption(ctx: CommandContext): number | undefined {
  const v = ctx.number('n-obs');
  if (v === undefined) return undefined;
  if (!Number.isInteger(v) || v < 2)
    throw new UsageError(`--n-obs must be a whole number of at least 2, got ${v}.`);
  return v;
}

/** Option declarations shared by the three commands. */
export const ITEM_OPTIONS = {
  items: { type: 'string' },
  keys: { type: 'string' },
} as const;
