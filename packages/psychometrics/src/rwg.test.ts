import { describe, expect, it } from 'vitest';
import { datasetFromRows } from './dataset.ts';
import {
  computeRwg,
  computeRwgByGroup,
  computeRwgJ,
  rwgJToPsychJson,
  rwgToPsychJson,
} from './rwg.ts';
import { compareToReference, formatMismatches } from './testing/compare-to-reference.ts';
import { loadReference } from './testing/reference-files.ts';

const ref = loadReference('ref/rwg.json');

describe('rwg vs ref/rwg.json', () => {
  for (const g of ref.single_item) {
    it(`single item ${g.group}`, () => {
      const x = Float64Array.from(g.x as (number | null)[], (v) => (v === null ? NaN : v));
      const report = compareToReference(g, rwgToPsychJson(computeRwg(x, g.A), g.group, x), {
        relTol: 1e-9,
        strictKeys: true,
      });
      expect(formatMismatches(report)).toBe('');
    });
  }
  for (const g of ref.multi_item) {
    it(`multi item ${g.group}`, () => {
      const d = datasetFromRows(g.x.cols, g.x.values);
      const report = compareToReference(g, rwgJToPsychJson(computeRwgJ(d, g.A), g.group, d), {
        relTol: 1e-9,
        strictKeys: true,
      });
      expect(formatMismatches(report)).toBe('');
    });
  }
});

describe('rwg by group', () => {
  it('splits rows by the group column', () => {
    // group 1: 4,4,5 -> s2 = 1/3, rwg = 1 - (1/3)/2 = 5/6; group 2: 1,5 -> s2 = 8, rwg = -3, truncated 0
    const d = datasetFromRows(
      ['team', 'q'],
      [
        [1, 4],
        [2, 1],
        [1, 4],
        [2, 5],
        [1, 5],
      ],
    );
    const out = computeRwgByGroup(d, 'team', ['q'], 5);
    expect(out.map((o) => o.group)).toEqual([1, 2]);
    expect((out[0]!.result as { rwg: number }).rwg).toBeCloseTo(5 / 6, 14);
    expect((out[1]!.result as { rwgTruncated: number }).rwgTruncated).toBe(0);
  });

  it('names the group that is too small', () => {
    const d = datasetFromRows(
      ['team', 'q'],
      [
        [1, 4],
        [2, 1],
        [1, 4],
      ],
    );
    expect(() => computeRwgByGroup(d, 'team', ['q'], 5)).toThrow(
      /Group 2: rwg needs at least 2 answers/,
    );
  });
});
