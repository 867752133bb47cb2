import { describe, expect, it } from 'vitest';
import { datasetFromRows } from './dataset.ts';
import { computeIcc, iccToPsychJson } from './icc.ts';
import { compareToReference, formatMismatches } from './testing/compare-to-reference.ts';
import { loadReference } from './testing/reference-files.ts';

describe('computeIcc vs psych::ICC(lmer = FALSE)', () => {
  for (const file of ['icc_sf.json', 'icc_random200x5.json']) {
    it(`${file}: every field within 1e-9`, () => {
      const ref = loadReference(`ref/${file}`);
      const data = datasetFromRows(ref.data.cols, ref.data.values);
      const out = iccToPsychJson(computeIcc(data), { rowNames: ref.data.rows });
      const report = compareToReference(ref, out, { relTol: 1e-9, strictKeys: true });
      expect(formatMismatches(report)).toBe('');
      expect(report.compared).toBeGreaterThan(70);
    });
  }

  it('refuses missing ratings and constant data', () => {
    expect(() =>
      computeIcc(
        datasetFromRows(
          ['a', 'b'],
          [
            [1, 2],
            [NaN, 3],
            [2, 2],
          ],
        ),
      ),
    ).toThrow(/missing rating/);
    expect(() =>
      computeIcc(
        datasetFromRows(
          ['a', 'b'],
          [
            [2, 2],
            [2, 2],
          ],
        ),
      ),
    ).toThrow(/identical/);
    expect(() => computeIcc(datasetFromRows(['a'], [[1], [2]]))).toThrow(/2 judges/);
  });
});
