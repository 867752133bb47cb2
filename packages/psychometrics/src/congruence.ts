/**
 * Tucker's congruence coefficient and factor matching.
 *
 * Factor solutions are identified only up to the order and sign of the
 * factors, so two programs (or two runs on resampled data) can return the
 * same solution with columns permuted or reflected. Matching the columns by
 * their congruence, then flipping negatively congruent ones, makes solutions
 * comparable — for comparing with psych, and for users comparing groups.
 */

/**
 * Tucker's congruence coefficient between two loading vectors:
 * φ = Σ xᵢyᵢ / sqrt(Σ xᵢ² · Σ yᵢ²). NaN when either vector is all zeros.
 */
export function tuckerCongruence(x: readonly number[], y: readonly number[]): number {
  if (x.length !== y.length) throw new Error('Loading vectors must have the same length.');
  let xy = 0;
  let xx = 0;
  let yy = 0;
  for (let i = 0; i < x.length; i++) {
    xy += x[i]! * y[i]!;
    xx += x[i]! * x[i]!;
    yy += y[i]! * y[i]!;
  }
  return xy / Math.sqrt(xx * yy);
}

/**
 * Congruence matrix between the columns of two loading matrices (psych's
 * `factor.congruence`): entry [i][j] compares column i of `a` with column j of `b`.
 *
 * @param a - p×k loadings.
 * @param b - p×m loadings (same rows).
 */
export function congruenceMatrix(
  a: readonly (readonly number[])[],
  b: readonly (readonly number[])[],
): number[][] {
  if (a.length !== b.length) throw new Error('Loading matrices must have the same number of rows.');
  const ka = a[0]?.length ?? 0;
  const kb = b[0]?.length ?? 0;
  const col = (m: readonly (readonly number[])[], j: number): number[] => m.map((row) => row[j]!);
  return Array.from({ length: ka }, (_, i) =>
    Array.from({ length: kb }, (_, j) => tuckerCongruence(col(a, i), col(b, j))),
  );
}

/** A one-to-one assignment of `candidate` factors to `target` factors. */
export interface FactorMatch {
  /** `permutation[j]` = index of the candidate factor matched to target factor j. */
  permutation: number[];
  /** `signs[j]` = ±1, the sign that makes candidate factor `permutation[j]` congruent with target j. */
  signs: number[];
  /** Congruence of each matched pair after the sign flip (≥ 0 unless a match is genuinely negative-free). */
  congruence: number[];
}

/**
 * Matches the factors (columns) of `candidate` one-to-one to those of
 * `target` by largest absolute Tucker congruence, and gives the sign flip
 * for each. Exhaustive search over permutations for k ≤ 8 (maximises the sum
 * of |congruence|), greedy pairing of the largest remaining |congruence| above.
 *
 * @param target - p×k reference loadings.
 * @param candidate - p×k loadings to align with the target.
 */
export function matchFactors(
  target: readonly (readonly number[])[],
  candidate: readonly (readonly number[])[],
): FactorMatch {
  const k = target[0]?.length ?? 0;
  if ((candidate[0]?.length ?? 0) !== k)
    throw new Error('Both solutions must have the same number of factors.');
  const c = congruenceMatrix(target, candidate);
  const abs = c.map((row) => row.map((v) => (Number.isNaN(v) ? 0 : Math.abs(v))));
  let best: number[];
  if (k <= 8) {
    best = [];
    let bestScore = -Infinity;
    const perm: number[] = [];
    const used = new Array<boolean>(k).fill(false);
    const search = (j: number, score: number): void => {
      if (j === k) {
        if (score > bestScore) {
          bestScore = score;
          best = [...perm];
        }
        return;
      }
      for (let m = 0; m < k; m++) {
        if (used[m]) continue;
        used[m] = true;
        perm.push(m);
        search(j + 1, score + abs[j]![m]!);
        perm.pop();
        used[m] = false;
      }
    };
    search(0, 0);
  } else {
    best = new Array<number>(k).fill(-1);
    const usedT = new Array<boolean>(k).fill(false);
    const usedC = new Array<boolean>(k).fill(false);
    for (let step = 0; step < k; step++) {
      let bi = -1;
      let bj = -1;
      let bv = -1;
      for (let i = 0; i < k; i++) {
        if (usedT[i]) continue;
        for (let j = 0; j < k; j++) {
          if (usedC[j]) continue;
          if (abs[i]![j]! > bv) {
            bv = abs[i]![j]!;
            bi = i;
            bj = j;
          }
        }
      }
      best[bi] = bj;
      usedT[bi] = true;
      usedC[bj] = true;
    }
  }
  const signs = best.map((m, j) => (c[j]![m]! < 0 ? -1 : 1));
  return { permutation: best, signs, congruence: best.map((m, j) => c[j]![m]! * signs[j]!) };
}

/**
 * Reorders and reflects the columns of a loading matrix by a {@link FactorMatch}.
 *
 * @returns p×k loadings whose column j is sign_j × candidate column permutation[j].
 */
export function alignLoadings(
  loadings: readonly (readonly number[])[],
  match: FactorMatch,
): number[][] {
  return loadings.map((row) => match.permutation.map((m, j) => row[m]! * match.signs[j]!));
}

/**
 * Reorders and reflects a factor correlation matrix by a {@link FactorMatch}:
 * Φ'[i][j] = sᵢ sⱼ Φ[p(i)][p(j)].
 */
export function alignPhi(phi: readonly (readonly number[])[], match: FactorMatch): number[][] {
  const p = match.permutation;
  const s = match.signs;
  return p.map((pi, i) => p.map((pj, j) => phi[pi]![pj]! * s[i]! * s[j]!));
}
