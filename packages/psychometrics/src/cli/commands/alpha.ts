/** `twofold-psych alpha`: psych::alpha per scale. */
import type { AlphaResult } from '../../alpha.ts';
import {
  alphaScalesToPsychJson,
  alphaToPsychJson,
  computeAlpha,
  computeAlphaForKeys,
} from '../../alpha.ts';
import { selectColumns } from '../../dataset.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import type { TextTable } from '../format.ts';
import { readKeys, warningNotes } from './shared.ts';

function alphaTables(res: AlphaResult): TextTable[] {
  const label = res.name ? `Scale ${res.name}: ` : '';
  const t = res.total;
  return [
    {
      title: `${label}reliability (${res.items.length} items, ${res.nRows} cases)`,
      columns: [
        '',
        'raw_alpha',
        'std.alpha',
        'G6(smc)',
        'average_r',
        'S/N',
        'ase',
        'mean',
        'sd',
        'median_r',
      ],
      rows: [
        [
          '',
          t.rawAlpha,
          t.stdAlpha,
          t.g6,
          t.averageR,
          t.signalNoise,
          t.ase,
          t.mean,
          t.sd,
          t.medianR,
        ],
      ],
    },
    {
      title: `Feldt 95% CI: ${res.feldt.lower.toFixed(3)} – ${res.feldt.upper.toFixed(3)}   Unidim ${res.unidim.toFixed(3)}   Fit.off ${res.fitOff.toFixed(3)}   var.r ${res.varR.toFixed(4)}`,
      columns: [
        'if dropped',
        'raw_alpha',
        'std.alpha',
        'G6(smc)',
        'average_r',
        'S/N',
        'alpha se',
        'var.r',
        'med.r',
      ],
      rows: res.alphaDrop.map((d) => [
        d.item,
        d.rawAlpha,
        d.stdAlpha,
        d.g6,
        d.averageR,
        d.signalNoise,
        d.alphaSe,
        d.varR,
        d.medianR,
      ]),
    },
    {
      title: 'Item statistics',
      columns: ['item', 'n', 'raw.r', 'std.r', 'r.cor', 'r.drop', 'mean', 'sd'],
      rows: res.itemStats.map((s) => [
        res.reversed.includes(s.item) ? `${s.item}-` : s.item,
        s.n,
        s.rawR,
        s.stdR,
        s.rCor,
        s.rDrop,
        s.mean,
        s.sd,
      ]),
    },
  ];
}

export const alphaCommand: Command = {
  name: 'alpha',
  summary: "Cronbach's alpha, G6, item-drop and item statistics (psych::alpha)",
  usage: 'alpha --data FILE (--keys FILE | --items a,b,c [--reverse a,b]) [--min N --max N]',
  help: [
    'Reliability as psych::alpha with pairwise-complete covariances: raw and',
    'standardized alpha, Guttman lambda 6, average r, S/N, standard error, the same',
    'if each item is dropped, item-total statistics, Unidim, Fit.off and the Feldt CI.',
    '',
    '  --keys FILE       scoring keys JSON ({"keys": {"scale": ["-A1", "A2"]}, "min": 1, "max": 6});',
    '                    one analysis per scale, reversed items flipped as min + max - x',
    '  --items a,b,c     a single scale instead of --keys',
    '  --reverse a,b     with --items: items to reverse',
    '  --min N, --max N  response range used for reversal (default: keys file, else observed)',
    '',
    'Reversed items are marked with a trailing "-" in the item table.',
  ].join('\n'),
  options: {
    keys: { type: 'string' },
    items: { type: 'string' },
    reverse: { type: 'string' },
    min: { type: 'string' },
    max: { type: 'string' },
  },
  async run(ctx) {
    const hasKeys = ctx.string('keys') !== undefined;
    const items = ctx.list('items');
    if (hasKeys === (items !== undefined))
      throw new UsageError('alpha needs exactly one of --keys FILE or --items a,b,c.');
    const min = ctx.number('min');
    const max = ctx.number('max');
    if (hasKeys) {
      const keys = await readKeys(ctx);
      if (min !== undefined) keys.min = min;
      if (max !== undefined) keys.max = max;
      const results = computeAlphaForKeys(await ctx.readData(), keys);
      return {
        json: alphaScalesToPsychJson(results),
        tables: results.flatMap(alphaTables),
        notes: results.flatMap((r) => warningNotes(r.warnings, r.name)),
      };
    }
    if (ctx.string('reverse') !== undefined && items === undefined)
      throw new UsageError('--reverse needs --items.');
    const data = selectColumns(await ctx.readData(), items!);
    const res = computeAlpha(data, {
      ...(ctx.list('reverse') ? { reverse: ctx.list('reverse')! } : {}),
      ...(min !== undefined ? { min } : {}),
      ...(max !== undefined ? { max } : {}),
    });
    return {
      json: alphaToPsychJson(res),
      tables: alphaTables(res),
      notes: warningNotes(res.warnings),
    };
  },
};
