/** `twofold-psych omega`: McDonald's omega via Schmid–Leiman (psych::omega). */
import { omega, omegaToPsychJson, type OmegaResult } from '../../omega.ts';
import type { Command } from '../command.ts';
import type { TextTable } from '../format.ts';
import {
  factorMethod,
  ITEM_OPTIONS,
  nObsOption,
  positiveInteger,
  selectFactorItems,
} from './factor-options.ts';
import { warningNotes } from './shared.ts';

function omegaTables(res: OmegaResult): TextTable[] {
  return [
    {
      title: `Omega (${res.nfactors} group factors, fm = ${res.fm})`,
      columns: ['statistic', 'value'],
      rows: [
        ['alpha (standardized)', res.alpha],
        ['G.6', res.G6],
        ['omega hierarchical', res.omegaH],
        ['omega H asymptotic', res.omegaLimit],
        ['omega total', res.omegaTotal],
        ['explained common variance of g', res.ECV],
      ],
      digits: 2,
    },
    {
      title: 'Schmid-Leiman loadings (items marked "-" were reversed)',
      columns: ['item', ...res.sl.cols],
      rows: res.sl.rows.map((nm, i) => [nm, ...res.sl.values[i]!]),
      digits: 2,
    },
    {
      title: 'Omega for the general and group factors',
      columns: ['factor', 'total', 'general', 'group'],
      rows: res.omegaGroup.map((g) => [g.factor, g.total, g.general, g.group]),
      digits: 2,
    },
    {
      title: 'Fit of the item factor model',
      columns: ['statistic', 'value'],
      rows: [
        ['degrees of freedom', res.stats.dof],
        ['objective function', res.stats.objective],
        ['chi square', res.stats.STATISTIC],
        ['p', res.stats.PVAL],
        ['RMSEA', res.stats.RMSEA?.RMSEA ?? null],
        ['BIC', res.stats.BIC],
        ['RMSR', res.stats.rms],
      ],
    },
  ];
}

/** The `omega` command: psych::omega (Schmid–Leiman omega_h, omega total, group omegas). */
export const omegaCommand: Command = {
  name: 'omega',
  summary: 'McDonald omega hierarchical and total via Schmid-Leiman (psych::omega)',
  usage:
    'omega --data FILE [--items a,b,c | --keys FILE] [--nfactors N] [--fm minres|ml] [--n-obs N]',
  help: [
    'Omega as psych::omega: varimax factor solution, oblimin transformation, a general',
    'factor of the factor correlations, Schmid-Leiman loadings; items with a negative',
    'general loading are reversed. Reports omega_h, omega total, omega limit, alpha,',
    'G6, ECV and the omegas of each group factor.',
    '',
    '  --items a,b,c      items to analyse (default: all columns)',
    '  --keys FILE        analyse every item named in a scoring keys JSON',
    '  --nfactors N       number of group factors (default 3, at least 2)',
    '  --fm minres|ml     factoring method (default minres)',
    '  --n-obs N          number of observations for the fit statistics (default: rows)',
  ].join('\n'),
  options: {
    ...ITEM_OPTIONS,
    nfactors: { type: 'string' },
    fm: { type: 'string' },
    'n-obs': { type: 'string' },
  },
  async run(ctx) {
    const nfactors = positiveInteger(ctx, 'nfactors', 3);
    const fm = factorMethod(ctx);
    const nObs = nObsOption(ctx);
    const data = await selectFactorItems(ctx);
    const res = omega(data, { nfactors, fm, ...(nObs !== undefined ? { nObs } : {}) });
    return {
      json: omegaToPsychJson(res),
      tables: omegaTables(res),
      notes: warningNotes(res.warnings),
    };
  },
};
