/** `twofold-psych describe`: psych::describe of the items. */
import { describeItems, describeToPsychJson } from '../../describe.ts';
import type { Command } from '../command.ts';
import { selectItems } from './shared.ts';

export const describeCommand: Command = {
  name: 'describe',
  summary:
    'Item descriptives (n, mean, sd, median, trimmed, mad, min, max, range, skew, kurtosis, se)',
  usage: 'describe --data FILE [--items a,b,c] [--trim 0.1]',
  help: [
    'Descriptive statistics per column as psych::describe (skew/kurtosis type 3,',
    '10% trimmed mean, MAD scaled by 1.4826). Missing values are dropped per column.',
    '',
    '  --items a,b,c   columns to describe (default: all)',
    '  --trim P        fraction trimmed from each end for the trimmed mean (default 0.1)',
  ].join('\n'),
  options: { items: { type: 'string' }, trim: { type: 'string' } },
  async run(ctx) {
    const data = selectItems(ctx, await ctx.readData());
    const rows = describeItems(data, { trim: ctx.number('trim') ?? 0.1 });
    return {
      json: describeToPsychJson(rows),
      tables: [
        {
          columns: [
            'item',
            'n',
            'mean',
            'sd',
            'median',
            'trimmed',
            'mad',
            'min',
            'max',
            'range',
            'skew',
            'kurtosis',
            'se',
          ],
          rows: rows.map((r) => [
            r.item,
            r.n,
            r.mean,
            r.sd,
            r.median,
            r.trimmed,
            r.mad,
            r.min,
            r.max,
            r.range,
            r.skew,
            r.kurtosis,
            r.se,
          ]),
          digits: 2,
        },
      ],
    };
  },
};
