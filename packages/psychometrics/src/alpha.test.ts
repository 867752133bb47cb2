import { describe, expect, it } from 'vitest';
import {
  alphaScalesToPsychJson,
  alphaToPsychJson,
  computeAlpha,
  computeAlphaForKeys,
} from './alpha.ts';
import { datasetFromRows, selectColumns } from './dataset.ts';
import { PsychometricsInputError } from './errors.ts';
import { parseKeys } from './keys.ts';
import { compareToReference, formatMismatches } from './testing/compare-to-reference.ts';
import { loadBfi, loadReference } from './testing/reference-files.ts';

const ref = loadReference('ref/bfi_alpha.json');
const keys = parseKeys(loadReference('bfi_keys.json'));

describe('computeAlpha vs psych::alpha on bfi', () => {
  for (const [scale, expected] of Object.entries<{ items: string[]; reversed: string[] }>(
    ref.scales,
  )) {
    it(`${scale}: every field within 1e-9`, () => {
      const data = selectColumns(loadBfi(), expected.items);
      const res = computeAlpha(data, { reverse: expected.reversed, name: scale });
      const report = compareToReference(expected, alphaToPsychJson(res), { relTol: 1e-9 });
      expect(formatMismatches(report)).toBe('');
      expect(report.compared).toBeGreaterThan(80);
      expect(res.warnings).toEqual([]);
    });
  }

  it('multi-scale run from the keys file reproduces the whole reference file', () => {
    const out = alphaScalesToPsychJson(computeAlphaForKeys(loadBfi(), keys));
    const report = compareToReference(ref, out, { relTol: 1e-9 });
    expect(formatMismatches(report)).toBe('');
    expect(report.compared).toBeGreaterThan(450);
  });
});

describe('computeAlpha edge cases', () => {
  it("drops a zero-variance item with psych's warning", () => {
    const d = datasetFromRows(
      ['a', 'b', 'c', 'k'],
      [
        [1, 2, 1, 3],
        [2, 2, 3, 3],
        [3, 4, 3, 3],
        [4, 5, 5, 3],
        [5, 4, 4, 3],
      ],
    );
    const res = computeAlpha(d);
    expect(res.warnings[0]).toMatch(/k had no variance/);
    expect(res.itemStats.map((s) => s.item)).toEqual(['a', 'b', 'c']);
  });

  it('throws for fewer than two varying items', () => {
    const d = datasetFromRows(
      ['a', 'b'],
      [
        [1, 3],
        [2, 3],
        [3, 3],
      ],
    );
    expect(() => computeAlpha(d)).toThrow(PsychometricsInputError);
  });

  it('throws for a single item', () => {
    const d = datasetFromRows(['a'], [[1], [2]]);
    expect(() => computeAlpha(d)).toThrow(/at least 2 items/);
  });
});
