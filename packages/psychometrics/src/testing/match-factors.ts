/**
 * Test helpers that put our factor-analysis JSON into the reference's factor
 * order and signs before comparing (README gotcha 3): factors are matched by
 * Tucker congruence of the loadings, flipped when negatively congruent, and
 * every factor-indexed field (loadings, Structure, weights, Phi, Vaccounted,
 * R2, omega's group columns) is permuted alike, column names included.
 */
import { alignLoadings, alignPhi, matchFactors, type FactorMatch } from '../congruence.ts';
import type { FaJson, NamedMatrix } from '../fa.ts';
import type { OmegaJson } from '../omega.ts';

/** Reference layout of a matrix (`rows`, `cols`, `values`). */
interface RefMatrix {
  rows: string[];
  cols: string[];
  values: number[][];
}

function permuteCols(m: NamedMatrix, match: FactorMatch, flip: boolean): NamedMatrix {
  return {
    rows: [...m.rows],
    cols: match.permutation.map((j) => m.cols[j]!),
    values: flip
      ? alignLoadings(m.values, match)
      : m.values.map((row) => match.permutation.map((j) => row[j]!)),
  };
}

/**
 * Our fa JSON re-expressed in the reference's factor order and signs.
 * `rot.mat` is matched separately (its columns are the rotated factors before
 * psych's reordering, its rows the unrotated factors).
 *
 * @returns the aligned JSON and the match used.
 */
export function alignFaJson(
  ref: { loadings: RefMatrix; 'rot.mat': RefMatrix | null },
  ours: FaJson,
): { json: FaJson; match: FactorMatch } {
  const match = matchFactors(ref.loadings.values, ours.loadings.values);
  const json: FaJson = {
    ...ours,
    loadings: permuteCols(ours.loadings, match, true),
    Structure: permuteCols(ours.Structure, match, true),
    weights: permuteCols(ours.weights, match, true),
    Vaccounted: permuteCols(ours.Vaccounted, match, false),
    R2: match.permutation.map((j) => ours.R2[j]!),
    Phi:
      ours.Phi === null
        ? null
        : {
            rows: match.permutation.map((j) => ours.Phi!.rows[j]!),
            cols: match.permutation.map((j) => ours.Phi!.cols[j]!),
            values: alignPhi(ours.Phi.values, match),
          },
    'rot.mat':
      ours['rot.mat'] === null || ref['rot.mat'] === null
        ? ours['rot.mat']
        : {
            ...ours['rot.mat'],
            values: alignLoadings(
              ours['rot.mat'].values,
              matchFactors(ref['rot.mat'].values, ours['rot.mat'].values),
            ),
          },
  };
  return { json, match };
}

/**
 * Our omega JSON re-expressed in the reference's group-factor order and signs
 * (matched on the oblique pattern): permutes schmid.oblique, schmid.phi,
 * schmid.gloading, the group columns of schmid.sl and the group rows of
 * omega.group. Group factor names (F1, F1*, …) keep their positions.
 */
export function alignOmegaJson(
  ref: { 'schmid.oblique': RefMatrix },
  ours: OmegaJson,
): { json: OmegaJson; match: FactorMatch } {
  const match = matchFactors(ref['schmid.oblique'].values, ours['schmid.oblique'].values);
  const k = match.permutation.length;
  const sl = ours['schmid.sl'];
  const json: OmegaJson = {
    ...ours,
    'schmid.oblique': {
      ...ours['schmid.oblique'],
      values: alignLoadings(ours['schmid.oblique'].values, match),
    },
    'schmid.phi': { ...ours['schmid.phi'], values: alignPhi(ours['schmid.phi'].values, match) },
    'schmid.gloading': {
      ...ours['schmid.gloading'],
      values: match.permutation.map((j, i) => [
        ours['schmid.gloading'].values[j]![0]! * match.signs[i]!,
      ]),
    },
    'schmid.sl': {
      ...sl,
      values: sl.values.map((row) => [
        row[0]!,
        ...match.permutation.map((j, i) => row[1 + j]! * match.signs[i]!),
        ...row.slice(1 + k),
      ]),
    },
    'omega.group': [
      ours['omega.group'][0]!,
      ...match.permutation.map((j, i) => ({
        ...ours['omega.group'][1 + j]!,
        factor: ours['omega.group'][1 + i]!.factor,
      })),
    ],
  };
  return { json, match };
}
