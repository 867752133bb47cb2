/** `twofold-psych rci`: Jacobson–Truax reliable change index. */
import { getColumn } from '../../dataset.ts';
import type { RciInput } from '../../rci.ts';
import { computeRci, rciToPsychJson } from '../../rci.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';

export const rciCommand: Command = {
  name: 'rci',
  summary: 'Jacobson-Truax reliable change index for one person or every row of a file',
  usage:
    'rci (--x1 N --x2 N | --data FILE --pre COL --post COL) --sd N --reliability R [--criterion 1.96]',
  help: [
    'SE = SD * sqrt(1 - r), Sdiff = sqrt(2) * SE, RCI = (x2 - x1) / Sdiff;',
    'the change is reliable when |RCI| > criterion (1.96 = two-sided 5%).',
    '',
    '  --x1 N, --x2 N        pre and post score of one person (no --data needed)',
    '  --data FILE           a file with one person per row, with',
    '  --pre COL --post COL  the pre and post score columns',
    '  --sd N                SD of the pre-test or norm group',
    '  --reliability R       reliability of the measure, 0 <= R < 1',
    '  --criterion Z         critical |RCI| (default 1.96)',
  ].join('\n'),
  options: {
    x1: { type: 'string' },
    x2: { type: 'string' },
    pre: { type: 'string' },
    post: { type: 'string' },
    sd: { type: 'string' },
    reliability: { type: 'string' },
    criterion: { type: 'string' },
  },
  needsData: false,
  async run(ctx) {
    const sd = ctx.number('sd');
    const reliability = ctx.number('reliability');
    if (sd === undefined || reliability === undefined)
      throw new UsageError('rci needs --sd and --reliability.');
    const criterion = ctx.number('criterion') ?? 1.96;
    const inputs: { name: string; input: RciInput }[] = [];
    if (ctx.string('data') !== undefined) {
      const data = await ctx.readData();
      const pre = getColumn(data, ctx.requireString('pre'));
      const post = getColumn(data, ctx.requireString('post'));
      for (let i = 0; i < data.nRows; i++) {
        if (Number.isNaN(pre[i]!) || Number.isNaN(post[i]!)) continue;
        inputs.push({
          name: `row ${i + 1}`,
          input: { x1: pre[i]!, x2: post[i]!, sd, reliability },
        });
      }
    } else {
      const x1 = ctx.number('x1');
      const x2 = ctx.number('x2');
      if (x1 === undefined || x2 === undefined)
        throw new UsageError('rci needs --x1 and --x2, or --data with --pre and --post.');
      inputs.push({ name: 'case', input: { x1, x2, sd, reliability } });
    }
    const results = inputs.map(({ name, input }) => ({
      name,
      input,
      res: computeRci(input, criterion),
    }));
    return {
      json: {
        criterion,
        cases: results.map(({ name, input, res }) => rciToPsychJson(input, res, name)),
      },
      tables: [
        {
          title: `Reliable change (SD ${sd}, r ${reliability}, criterion ${criterion})`,
          columns: ['case', 'x1', 'x2', 'se_measurement', 's_diff', 'rci', 'reliable', 'direction'],
          rows: results.map(({ name, input, res }) => [
            name,
            input.x1,
            input.x2,
            res.seMeasurement,
            res.sDiff,
            res.rci,
            res.reliableChange,
            res.direction,
          ]),
        },
      ],
    };
  },
};
