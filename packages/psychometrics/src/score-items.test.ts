import { describe, expect, it } from 'vitest';
import { datasetFromRows } from './dataset.ts';
import { PsychometricsInputError } from './errors.ts';
import { parseKeys } from './keys.ts';
import { scoreItems, scoreItemsToPsychJson } from './score-items.ts';
import { compareToReference, formatMismatches } from './testing/compare-to-reference.ts';
import { loadBfi, loadReference } from './testing/reference-files.ts';

const ref = loadReference('ref/bfi_scoreItems.json');
// psych::scoreItems was called with the keys alone (min/max computed from the data).
const keys = parseKeys({ keys: ref.keys });

describe('scoreItems vs psych::scoreItems on bfi', () => {
  for (const run of ['impute_median', 'impute_none'] as const) {
    it(`${run}: every field within 1e-9`, () => {
      const res = scoreItems(loadBfi(), keys, { impute: ref[run].impute });
      const report = compareToReference(ref[run], scoreItemsToPsychJson(res), {
        relTol: 1e-9,
        strictKeys: true,
      });
      expect(formatMismatches(report)).toBe('');
      expect(report.compared).toBeGreaterThan(600);
    });
  }

  it('keys from bfi_keys.json (min 1, max 6 given) give the same result', () => {
    const res = scoreItems(loadBfi(), parseKeys(loadReference('bfi_keys.json')));
    const report = compareToReference(ref.impute_median, scoreItemsToPsychJson(res), {
      relTol: 1e-9,
    });
    expect(formatMismatches(report)).toBe('');
  });
});

describe('scoreItems small cases', () => {
  const d = datasetFromRows(
    ['a', 'b', 'c', 'd'],
    [
      [1, 5, 2, NaN],
      [2, 4, 2, 3],
      [3, 3, 4, 4],
      [4, 1, 5, 5],
      [5, 2, 4, NaN],
    ],
  );
  const k = parseKeys({ s1: ['a', '-b', 'c'], s2: ['d'] });

  it('mean imputation fills missing with the item mean (d: (3+4+5)/3 = 4)', () => {
    const res = scoreItems(d, k, { impute: 'mean' });
    expect(Array.from(res.scores[1]!)).toEqual([4, 3, 4, 5, 4]);
    // s1 row 1: a=1, b reversed = 1+5-5 = 1, c=2 -> mean 4/3
    expect(res.scores[0]![0]).toBeCloseTo(4 / 3, 14);
    // single-item scale: psych sets alpha to 1
    expect(res.alpha[1]).toBe(1);
  });

  it('impute none leaves people without answers NaN', () => {
    const res = scoreItems(d, k, { impute: 'none' });
    expect(Number.isNaN(res.scores[1]![0]!)).toBe(true);
    expect(res.meanItemsAnswered).toEqual([3, 1]);
  });

  it('rejects unknown items and unknown impute methods', () => {
    expect(() => scoreItems(d, parseKeys({ s: ['a', 'zz'] }))).toThrow(/Unknown item "zz"/);
    expect(() => scoreItems(d, k, { impute: 'mode' as never })).toThrow(PsychometricsInputError);
  });
});
