/** `twofold-psych rwg`: within-group agreement rwg / rwg(j). */
import { selectColumns } from '../../dataset.ts';
import type { RwgJResult, RwgResult } from '../../rwg.ts';
import { computeRwg, computeRwgByGroup, computeRwgJ } from '../../rwg.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';

const nn = (v: number): number | null => (Number.isNaN(v) ? null : v);

export const rwgCommand: Command = {
  name: 'rwg',
  summary: 'Within-group agreement rwg (one item) or rwg(j) (several items), raw and truncated',
  usage: 'rwg --data FILE --items a[,b,...] --response-options A [--group COLUMN]',
  help: [
    'Agreement against a uniform null with A response options: sigma2_EU = (A^2 - 1)/12.',
    'One item: rwg = 1 - s2/sigma2_EU. Several items: rwg(j) = J(1-q)/(J(1-q)+q), q = mean s2/sigma2_EU.',
    'The truncated values set disagreement beyond the null to 0 (as multilevel::rwg / rwg.j).',
    '',
    '  --items a,b,c          the item(s) rated by each group member',
    '  --response-options A   number of response options (e.g. 5 for a 1-5 scale)',
    '  --group COLUMN         numeric group id column; without it all rows are one group',
  ].join('\n'),
  options: {
    items: { type: 'string' },
    'response-options': { type: 'string' },
    group: { type: 'string' },
  },
  async run(ctx) {
    const items = ctx.list('items');
    if (!items) throw new UsageError('rwg needs --items.');
    const a = ctx.number('response-options');
    if (a === undefined)
      throw new UsageError('rwg needs --response-options A (the number of answer categories).');
    const data = await ctx.readData();
    const group = ctx.string('group');
    const results: { group: number | string; result: RwgResult | RwgJResult }[] = group
      ? computeRwgByGroup(data, group, items, a)
      : [
          {
            group: 'all',
            result:
              items.length === 1
                ? computeRwg(selectColumns(data, items).columns[0]!, a)
                : computeRwgJ(selectColumns(data, items), a),
          },
        ];
    if (items.length === 1) {
      const rows = results.map(({ group: g, result }) => ({ group: g, r: result as RwgResult }));
      return {
        json: {
          single_item: rows.map(({ group: g, r }) => ({
            group: g,
            A: r.options,
            n: r.n,
            s2: nn(r.s2),
            sigma2_EU: r.sigma2EU,
            rwg: nn(r.rwg),
            rwg_truncated: nn(r.rwgTruncated),
          })),
        },
        tables: [
          {
            title: `rwg for ${items[0]} (A = ${a})`,
            columns: ['group', 'n', 's2', 'sigma2_EU', 'rwg', 'rwg_truncated'],
            rows: rows.map(({ group: g, r }) => [
              String(g),
              r.n,
              r.s2,
              r.sigma2EU,
              r.rwg,
              r.rwgTruncated,
            ]),
          },
        ],
      };
    }
    const rows = results.map(({ group: g, result }) => ({ group: g, r: result as RwgJResult }));
    return {
      json: {
        multi_item: rows.map(({ group: g, r }) => ({
          group: g,
          A: r.options,
          J: r.nItems,
          n: r.n,
          item_s2: r.itemS2,
          mean_s2: r.meanS2,
          sigma2_EU: r.sigma2EU,
          rwg_j: r.rwgJ,
          rwg_j_truncated: r.rwgJTruncated,
        })),
      },
      tables: [
        {
          title: `rwg(j) over ${items.length} items (A = ${a})`,
          columns: ['group', 'n', 'J', 'mean_s2', 'sigma2_EU', 'rwg_j', 'rwg_j_truncated'],
          rows: rows.map(({ group: g, r }) => [
            String(g),
            r.n,
            r.nItems,
            r.meanS2,
            r.sigma2EU,
            r.rwgJ,
            r.rwgJTruncated,
          ]),
        },
      ],
    };
  },
};
