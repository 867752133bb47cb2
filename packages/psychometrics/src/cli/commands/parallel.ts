/** `twofold-psych parallel`: Horn's parallel analysis (psych::fa.parallel, fa = "both"). */
import { faParallel, parallelToPsychJson, type ParallelResult } from '../../parallel.ts';
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

function parallelTables(res: ParallelResult): TextTable[] {
  const resampled = res.pcSimr !== null;
  return [
    {
      title:
        `Parallel analysis (${res.nIter} simulated data sets, seed ${res.seed}): ` +
        `${res.nfact ?? 'NA'} factors and ${res.ncomp ?? 'NA'} components suggested`,
      columns: [
        '#',
        'PC observed',
        'PC simulated',
        'PC 95%',
        ...(resampled ? ['PC resampled'] : []),
        'FA observed',
        'FA simulated',
        'FA 95%',
        ...(resampled ? ['FA resampled'] : []),
      ],
      rows: res.pcValues.map((v, j) => [
        String(j + 1),
        v,
        res.pcSim[j]!,
        res.pcSimQuantile[j]!,
        ...(resampled ? [res.pcSimr![j]!] : []),
        res.faValues[j]!,
        res.faSim[j]!,
        res.faSimQuantile[j]!,
        ...(resampled ? [res.faSimr![j]!] : []),
      ]),
      digits: 3,
    },
  ];
}

/** A one-line progress bar on stderr, redrawn at most ~10 times a second. */
function progressBar(out: NodeJS.WriteStream): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (now - last < 100 && done < total) return;
    last = now;
    const width = 30;
    const filled = Math.round((done / total) * width);
    out.write(
      `\rparallel analysis [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`,
    );
    if (done >= total) out.write('\n');
  };
}

/** The `parallel` command: psych::fa.parallel with fa = "both" and a progress bar on stderr. */
export const parallelCommand: Command = {
  name: 'parallel',
  summary: 'Parallel analysis: how many factors and components (psych::fa.parallel)',
  usage:
    'parallel --data FILE [--items a,b,c | --keys FILE] [--n-iter N] [--seed N] [--fm minres|ml] [--n-obs N] [--no-resample]',
  help: [
    'Parallel analysis as psych::fa.parallel(fa = "both"): eigenvalues of the observed',
    'correlations (components) and of a one-factor minres solution (factors) against',
    'those of simulated normal data of the same size (and of column-wise resampled',
    'data). The suggested numbers count the observed eigenvalues, from the first, that',
    'exceed the 95th percentile of the simulated ones.',
    '',
    "The simulation uses its own seeded generator, not R's random stream: simulated",
    'means agree with psych only statistically; the same seed gives the same result.',
    '',
    '  --items a,b,c      items to analyse (default: all columns)',
    '  --keys FILE        analyse every item named in a scoring keys JSON',
    '  --n-iter N         number of simulated data sets (default 20)',
    '  --seed N           random seed (default 20240611)',
    '  --fm minres|ml     factoring method for the factor eigenvalues (default minres)',
    '  --n-obs N          simulate N cases instead of the number of rows (no resampling)',
    '  --no-resample      skip the resampled data sets',
  ].join('\n'),
  options: {
    ...ITEM_OPTIONS,
    'n-iter': { type: 'string' },
    seed: { type: 'string' },
    fm: { type: 'string' },
    'n-obs': { type: 'string' },
    'no-resample': { type: 'boolean' },
  },
  async run(ctx) {
    const nIter = positiveInteger(ctx, 'n-iter', 20);
    const seed = ctx.number('seed');
    const fm = factorMethod(ctx);
    const nObs = nObsOption(ctx);
    const data = await selectFactorItems(ctx);
    const showProgress = ctx.flag('progress') || process.stderr.isTTY === true;
    const res = faParallel(data, {
      nIter,
      fm,
      resample: !ctx.flag('no-resample'),
      ...(seed !== undefined ? { seed } : {}),
      ...(nObs !== undefined ? { nObs } : {}),
      ...(showProgress ? { onProgress: progressBar(process.stderr) } : {}),
    });
    return {
      json: parallelToPsychJson(res),
      tables: parallelTables(res),
      notes: warningNotes(res.warnings),
    };
  },
};
