/** `twofold-psych icc`: the six Shrout & Fleiss ICCs (psych::ICC, lmer = FALSE). */
import { computeIcc, iccToPsychJson } from '../../icc.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { selectItems } from './shared.ts';

export const iccCommand: Command = {
  name: 'icc',
  summary: 'Intraclass correlations, all six Shrout & Fleiss forms with F tests and 95% bounds',
  usage: 'icc --data FILE [--items judge1,judge2,...] [--alpha 0.05]',
  help: [
    'Rows are targets, columns are judges (raters). Two-way ANOVA without',
    'interaction, as psych::ICC(x, lmer = FALSE); missing ratings are refused.',
    '',
    '  --items a,b,c   judge columns (default: all)',
    '  --alpha P       1 - confidence level of the two-sided bounds (default 0.05)',
  ].join('\n'),
  options: { items: { type: 'string' }, alpha: { type: 'string' } },
  async run(ctx) {
    const data = selectItems(ctx, await ctx.readData());
    const alpha = ctx.number('alpha') ?? 0.05;
    if (!(alpha > 0 && alpha < 1)) throw new UsageError('--alpha must be between 0 and 1.');
    const res = computeIcc(data, { alpha });
    const a = res.anova;
    return {
      json: iccToPsychJson(res, { includeData: false }),
      tables: [
        {
          title: `ICC (${res.nObs} targets, ${res.nJudges} judges, ${Math.round((1 - alpha) * 100)}% bounds)`,
          columns: ['', 'type', 'ICC', 'F', 'df1', 'df2', 'p', 'lower bound', 'upper bound'],
          rows: res.forms.map((f) => [
            f.name,
            f.type,
            f.icc,
            f.f,
            f.df1,
            f.df2,
            f.p,
            f.lowerBound,
            f.upperBound,
          ]),
        },
        {
          title: `ANOVA (MSW = ${res.msw.toFixed(3)})`,
          columns: ['source', 'df', 'SumSq', 'MS', 'F', 'p'],
          rows: [
            [
              'subjects',
              a.subjects.df,
              a.subjects.sumSq,
              a.subjects.meanSq,
              a.subjects.f,
              a.subjects.p,
            ],
            ['Judges', a.judges.df, a.judges.sumSq, a.judges.meanSq, a.judges.f, a.judges.p],
            ['Residual', a.residual.df, a.residual.sumSq, a.residual.meanSq, null, null],
          ],
        },
      ],
    };
  },
};
