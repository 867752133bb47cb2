/** `twofold-psych fa`: exploratory factor analysis (psych::fa). */
import { fa, faToPsychJson, type FaResult } from '../../fa.ts';
import type { Command } from '../command.ts';
import type { TextTable } from '../format.ts';
import { matrixTable } from '../format.ts';
import {
  factorMethod,
  ITEM_OPTIONS,
  nObsOption,
  positiveInteger,
  rotation,
  selectFactorItems,
} from './factor-options.ts';
import { warningNotes } from './shared.ts';

function faTables(res: FaResult): TextTable[] {
  const tables: TextTable[] = [
    {
      title:
        `Factor analysis: ${res.nfactors} factor${res.nfactors > 1 ? 's' : ''}, fm = ${res.fm}, rotate = ${res.rotate}` +
        `${res.phi ? ' (pattern loadings)' : ''}`,
      columns: ['item', ...res.factorNames, 'h2', 'u2', 'com'],
      rows: res.names.map((nm, i) => [
        nm,
        ...res.loadings[i]!,
        res.communality[i]!,
        res.uniquenesses[i]!,
        res.complexity[i]!,
      ]),
      digits: 2,
    },
    matrixTable(
      'Variance accounted for',
      res.vaccounted.rows,
      res.factorNames,
      res.vaccounted.values,
      2,
    ),
  ];
  if (res.phi)
    tables.push(
      matrixTable('Factor correlations (Phi)', res.factorNames, res.factorNames, res.phi, 2),
    );
  const s = res.stats;
  const rows: [string, number | string | null][] = [
    ['degrees of freedom', s.dof],
    ['objective function', s.objective],
    ['chi square (likelihood)', s.STATISTIC],
    ['p', s.PVAL],
    ['empirical chi square', s.chi],
    ['empirical p', s.EPVAL],
    ['RMSEA', s.RMSEA?.RMSEA ?? null],
    [
      `RMSEA ${Math.round((s.RMSEA?.confidence ?? 0.9) * 100)}% CI`,
      s.RMSEA ? `${fmt(s.RMSEA.lower)} – ${fmt(s.RMSEA.upper)}` : null,
    ],
    ['Tucker-Lewis index', s.TLI],
    ['BIC', s.BIC],
    ['RMSR', s.rms],
    ['RMSR corrected for df', s.crms],
    ['fit based on off-diagonal values', s.fitOff],
    ['n.obs (harmonic mean of pairwise n)', s.nh],
  ];
  tables.push({ title: 'Fit', columns: ['statistic', 'value'], rows });
  tables.push({
    title: 'Factor score adequacy (regression scores)',
    columns: ['', ...res.factorNames],
    rows: [['R2 of scores with factors', ...res.R2]],
    digits: 2,
  });
  return tables;
}

function fmt(v: number | null): string {
  return v === null ? 'NA' : v.toFixed(3);
}

/** The `fa` command: psych::fa with minres/ML extraction and varimax/oblimin rotation. */
export const faCommand: Command = {
  name: 'fa',
  summary: 'Exploratory factor analysis: minres or ML, varimax or oblimin (psych::fa)',
  usage:
    'fa --data FILE [--items a,b,c | --keys FILE] [--nfactors N] [--fm minres|ml] [--rotate none|varimax|oblimin] [--n-obs N]',
  help: [
    'Factor analysis as psych::fa on pairwise-complete Pearson correlations:',
    'loadings, communalities, Phi, variance accounted for, complexity, regression',
    'factor-score weights, and fit statistics (chi square, RMSEA with CI, TLI, BIC, RMSR).',
    'Factors are signed and ordered as psych does (positive column sums, largest variance first).',
    '',
    '  --items a,b,c      items to analyse (default: all columns)',
    '  --keys FILE        analyse every item named in a scoring keys JSON',
    '  --nfactors N       number of factors (default 1)',
    '  --fm minres|ml     minimum residual (default) or maximum likelihood',
    '  --rotate R         none, varimax or oblimin (default)',
    '  --n-obs N          number of observations for the fit statistics (default: rows)',
  ].join('\n'),
  options: {
    ...ITEM_OPTIONS,
    nfactors: { type: 'string' },
    fm: { type: 'string' },
    rotate: { type: 'string' },
    'n-obs': { type: 'string' },
  },
  async run(ctx) {
    const nfactors = positiveInteger(ctx, 'nfactors', 1);
    const fm = factorMethod(ctx);
    const rotate = rotation(ctx);
    const nObs = nObsOption(ctx);
    const data = await selectFactorItems(ctx);
    const res = fa(data, { nfactors, fm, rotate, ...(nObs !== undefined ? { nObs } : {}) });
    return { json: faToPsychJson(res), tables: faTables(res), notes: warningNotes(res.warnings) };
  },
};
