/** `twofold-psych norms`: percentile ranks against a norm sample. */
import { getColumn } from '../../dataset.ts';
import {
  buildNorms,
  DEFAULT_NORM_PROBS,
  normsToJson,
  normTable,
  percentileRank,
} from '../../norms.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import type { TextTable } from '../format.ts';

export const normsCommand: Command = {
  name: 'norms',
  summary: 'Norm summary, quantiles and mid-rank percentile ranks of scores',
  usage: 'norms --data FILE --items COLUMN [--scores 3.2,4.1] [--quantiles 0.1,0.5,0.9] [--table]',
  help: [
    'Treats one column of --data as the norm sample. Percentile rank =',
    '(norm scores below + half of those equal) / n * 100 (mid-rank).',
    "Quantiles use R's default type 7.",
    '',
    '  --items COLUMN        the norm-sample column',
    '  --scores a,b,...      scores to convert to percentile ranks',
    '  --quantiles p,q,...   quantile probabilities (default 0.05,0.1,0.25,0.5,0.75,0.9,0.95)',
    '  --table               list every distinct norm score with its percentile rank',
  ].join('\n'),
  options: {
    items: { type: 'string' },
    scores: { type: 'string' },
    quantiles: { type: 'string' },
    table: { type: 'boolean' },
  },
  async run(ctx) {
    const items = ctx.list('items');
    if (!items || items.length !== 1)
      throw new UsageError('norms needs --items with exactly one column (the norm sample).');
    const data = await ctx.readData();
    const norms = buildNorms(
      getColumn(data, items[0]!),
      ctx.numberList('quantiles') ?? DEFAULT_NORM_PROBS,
    );
    const scores = (ctx.numberList('scores') ?? []).map((s) => ({
      score: s,
      percentile_rank: percentileRank(norms, s),
    }));
    const table = ctx.flag('table') ? normTable(norms) : undefined;
    const tables: TextTable[] = [
      {
        title: `Norms for ${items[0]} (n = ${norms.n})`,
        columns: ['', 'n', 'mean', 'sd', 'min', 'median', 'max'],
        rows: [['', norms.n, norms.mean, norms.sd, norms.min, norms.median, norms.max]],
      },
      {
        title: 'Quantiles (R type 7)',
        columns: ['p', 'value'],
        rows: norms.quantiles.map((q) => [String(q.p), q.value]),
      },
    ];
    if (scores.length > 0) {
      tables.push({
        title: 'Percentile ranks (mid-rank)',
        columns: ['score', 'percentile rank'],
        rows: scores.map((s) => [String(s.score), s.percentile_rank]),
      });
    }
    if (table) {
      tables.push({
        title: 'Conversion table',
        columns: ['score', 'count', 'below', 'percentile rank'],
        rows: table.map((r) => [String(r.score), r.count, r.below, r.percentileRank]),
      });
    }
    return { json: normsToJson(norms, { scores, ...(table ? { table } : {}) }), tables };
  },
};
