import { describe, expect, it } from 'vitest';
import { datasetFromRows } from './dataset.ts';
import { PsychometricsInputError } from './errors.ts';
import { faParallel, parallelToPsychJson } from './parallel.ts';
import { compareToReference, formatMismatches } from './testing/compare-to-reference.ts';
import { loadBfi, loadReference } from './testing/reference-files.ts';

describe('faParallel on bfi (psych::fa.parallel, fa = "both")', () => {
  const data = loadBfi();
  const ref = loadReference('ref/bfi_fa_parallel.json');
  const progress: [number, number][] = [];
  const res = faParallel(data, {
    nIter: 20,
    seed: 20240611,
    onProgress: (d, t) => progress.push([d, t]),
  });

  it('observed eigenvalues: pc.values to 1e-9, fa.values (one-factor minres) to 1e-5', () => {
    const json = parallelToPsychJson(res);
    const pc = compareToReference(ref['pc.values'], json['pc.values'], { relTol: 1e-9 });
    expect(formatMismatches(pc)).toBe('');
    const fa = compareToReference(ref['fa.values'], json['fa.values'], { relTol: 1e-5 });
    expect(formatMismatches(fa)).toBe('');
  });

  it('suggests 6 factors and 6 components, as psych', () => {
    expect(res.nfact).toBe(ref.nfact);
    expect(res.ncomp).toBe(ref.ncomp);
    expect(res.nfact).toBe(6);
    expect(res.ncomp).toBe(6);
  });

  it('the suggestion is stable across seeds', () => {
    for (const seed of [1, 2, 3]) {
      const r = faParallel(data, { nIter: 20, seed, resample: false });
      expect([r.nfact, r.ncomp]).toEqual([6, 6]);
    }
  });

  it("simulated means agree with psych statistically (R's random stream is not reproduced)", () => {
    const close = (ours: number[], theirs: number[], tol: number): void =>
      ours.forEach((v, j) => expect(Math.abs(v - theirs[j]!)).toBeLessThan(tol));
    close(res.pcSim, ref['pc.sim'], 0.03);
    close(res.pcSimr!, ref['pc.simr'], 0.03);
    close(res.faSim, ref['fa.sim'], 0.1);
    close(res.faSimr!, ref['fa.simr'], 0.1);
  });

  it("has psych's layout: a 20 × 100 replicate matrix C…, F…, CSim…, Fsim…", () => {
    const json = parallelToPsychJson(res);
    expect(json.values.cols).toEqual(ref.values.cols);
    expect(json.values.values).toHaveLength(20);
    expect(json.values.values[0]).toHaveLength(100);
    const shape = compareToReference(
      { 'n.iter': ref['n.iter'], seed: ref.seed, nfact: ref.nfact, ncomp: ref.ncomp },
      json,
    );
    expect(formatMismatches(shape)).toBe('');
  });

  it('reports progress once per iteration and is reproducible for a seed', () => {
    expect(progress).toHaveLength(20);
    expect(progress.at(-1)).toEqual([20, 20]);
    const again = faParallel(data, { nIter: 3, seed: 5 });
    const twice = faParallel(data, { nIter: 3, seed: 5 });
    expect(again.values.rows).toEqual(twice.values.rows);
  });

  it('refuses too few items or iterations', () => {
    const small = datasetFromRows(
      ['a', 'b'],
      [
        [1, 2],
        [2, 3],
        [3, 1],
        [4, 4],
      ],
    );
    expect(() => faParallel(small)).toThrow(PsychometricsInputError);
    expect(() => faParallel(data, { nIter: 0 })).toThrow(PsychometricsInputError);
  });
});
