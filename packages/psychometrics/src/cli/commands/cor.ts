/** `twofold-psych cor`: pairwise-complete Pearson correlations. */
import { correlatePairwise, correlationToPsychJson } from '../../cor.ts';
import type { Command } from '../command.ts';
import { matrixTable } from '../format.ts';
import { selectItems } from './shared.ts';

export const corCommand: Command = {
  name: 'cor',
  summary: 'Pearson correlations with pairwise-complete observations, pairwise n, means and sds',
  usage: 'cor --data FILE [--items a,b,c]',
  help: [
    'Correlations as R\'s cor(x, use = "pairwise"): each pair uses the cases that',
    'answered both items. Also reports the pairwise counts and item means, sds and missing counts.',
    '',
    '  --items a,b,c   columns to correlate (default: all)',
  ].join('\n'),
  options: { items: { type: 'string' } },
  async run(ctx) {
    const data = selectItems(ctx, await ctx.readData());
    const res = correlatePairwise(data);
    return {
      json: correlationToPsychJson(res),
      tables: [
        matrixTable('Correlations (pairwise complete)', res.names, res.names, res.r, 2),
        matrixTable('Pairwise n', res.names, res.names, res.n),
        {
          title: 'Items',
          columns: ['item', 'mean', 'sd', 'missing'],
          rows: res.names.map((nm, j) => [nm, res.means[j]!, res.sds[j]!, res.nMissing[j]!]),
        },
      ],
    };
  },
};
