import { describe, expect, it } from 'vitest';
import { correlatePairwise, correlationToPsychJson, covariancePairwise } from './cor.ts';
import { datasetFromRows } from './dataset.ts';
import { PsychometricsInputError } from './errors.ts';
import { compareToReference, formatMismatches } from './testing/compare-to-reference.ts';
import { loadBfi, loadReference } from './testing/reference-files.ts';

describe('correlatePairwise', () => {
  it('matches R cor(x, use = "pairwise") on bfi to 1e-9', () => {
    const ref = loadReference('ref/bfi_cor.json');
    const report = compareToReference(ref, correlationToPsychJson(correlatePairwise(loadBfi())), {
      relTol: 1e-9,
      strictKeys: true,
    });
    expect(formatMismatches(report)).toBe('');
    expect(report.compared).toBeGreaterThan(1250);
  });

  it('uses only the cases answering both items, with their own means', () => {
    // x = 1,2,3,NaN ; y = 2,4,7,9. Pair uses rows 1..3: x 1,2,3 (mean 2), y 2,4,7 (mean 13/3).
    // cov = [(-1)(2-13/3) + 0 + (1)(7-13/3)] / 2 = (7/3 + 8/3)/2 = 2.5
    const d = datasetFromRows(
      ['x', 'y'],
      [
        [1, 2],
        [2, 4],
        [3, 7],
        [NaN, 9],
      ],
    );
    const cov = covariancePairwise(d);
    expect(cov[0]![1]).toBeCloseTo(2.5, 14);
    // var(y) over all 4 answers: mean 5.5, ss = 12.25+2.25+2.25+12.25 = 29, /3
    expect(cov[1]![1]).toBeCloseTo(29 / 3, 14);
    const r = correlatePairwise(d);
    expect(r.n).toEqual([
      [3, 3],
      [3, 4],
    ]);
    // r over the 3 joint cases: sxx = 2, syy = (7/3)^2+(1/3)^2+(8/3)^2 = 114/9, sxy = 5
    expect(r.r[0]![1]).toBeCloseTo(5 / Math.sqrt((2 * 114) / 9), 14);
  });

  it('throws a clear error for a zero-variance item', () => {
    const d = datasetFromRows(
      ['x', 'y'],
      [
        [1, 2],
        [1, 4],
        [1, 7],
      ],
    );
    expect(() => correlatePairwise(d)).toThrow(PsychometricsInputError);
    expect(() => correlatePairwise(d)).toThrow(/"x" has zero variance/);
  });
});
