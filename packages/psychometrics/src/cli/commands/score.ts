/** `twofold-psych score`: psych::scoreItems. */
import { writeFile } from 'node:fs/promises';
import type { ImputeMethod } from '../../score-items.ts';
import { scoreItems, scoreItemsToPsychJson } from '../../score-items.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { matrixTable } from '../format.ts';
import { readKeys, warningNotes } from './shared.ts';

export const scoreCommand: Command = {
  name: 'score',
  summary: 'Scale scores and scale reliabilities from scoring keys (psych::scoreItems)',
  usage:
    'score --data FILE --keys FILE [--impute median|mean|none] [--scores-out FILE] [--first-rows N]',
  help: [
    'Scores each scale as the mean of its keyed items (reversed items as min + max - x)',
    'and reports alpha, G6, average r, S/N, median r, alpha se, scale correlations',
    '(raw below the diagonal, alpha on it, disattenuated above) and item-scale correlations.',
    '',
    '  --keys FILE           scoring keys JSON',
    '  --impute METHOD       median (default, as psych), mean, or none (mean of answered items)',
    '  --min N, --max N      response range for reversal (default: keys file, else observed)',
    "  --scores-out FILE     write every person's scale scores as CSV (NA = missing)",
    '  --first-rows N        score rows listed in the output (default 50)',
  ].join('\n'),
  options: {
    keys: { type: 'string' },
    impute: { type: 'string' },
    min: { type: 'string' },
    max: { type: 'string' },
    'scores-out': { type: 'string' },
    'first-rows': { type: 'string' },
  },
  async run(ctx) {
    const keys = await readKeys(ctx);
    const impute = (ctx.string('impute') ?? 'median') as ImputeMethod;
    if (!['median', 'mean', 'none'].includes(impute))
      throw new UsageError('--impute must be median, mean or none.');
    const firstRows = ctx.number('first-rows') ?? 50;
    if (!(Number.isInteger(firstRows) && firstRows >= 0))
      throw new UsageError('--first-rows must be a whole number ≥ 0.');
    const min = ctx.number('min');
    const max = ctx.number('max');
    const res = scoreItems(await ctx.readData(), keys, {
      impute,
      ...(min !== undefined ? { min } : {}),
      ...(max !== undefined ? { max } : {}),
    });
    const out = ctx.string('scores-out');
    const notes = warningNotes(res.warnings);
    if (out) {
      const lines = [res.scales.join(',')];
      for (let i = 0; i < res.nRows; i++) {
        lines.push(res.scores.map((c) => (Number.isNaN(c[i]!) ? 'NA' : String(c[i]!))).join(','));
      }
      await writeFile(out, lines.join('\n') + '\n');
      notes.push(`Scores of ${res.nRows} rows written to ${out}.`);
    }
    const s = res.scales;
    return {
      json: scoreItemsToPsychJson(res, { firstRows }),
      tables: [
        {
          title: `Scales (impute = ${res.impute}, reversal ${res.min} + ${res.max} - x, ${res.nRows} cases)`,
          columns: ['scale', 'n.items', 'alpha', 'G6', 'av.r', 'S/N', 'med.r', 'ase'],
          rows: s.map((nm, i) => [
            nm,
            res.nItems[i]!,
            res.alpha[i]!,
            res.g6[i]!,
            res.averageR[i]!,
            res.signalNoise[i]!,
            res.medianR[i]!,
            res.ase[i]!,
          ]),
        },
        matrixTable(
          'Scale correlations: raw below, alpha on, disattenuated above the diagonal',
          s,
          s,
          res.corrected,
        ),
        matrixTable(
          'Item by scale correlations (corrected for overlap and reliability)',
          res.items,
          s,
          res.itemCorrected,
          2,
        ),
      ],
      notes,
    };
  },
};
