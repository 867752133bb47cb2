/**
 * Squared multiple correlations, as `psych::smc`: the R² of each variable
 * regressed on all the others, 1 − 1/diag(R⁻¹), clamped to [0, 1]. fa uses
 * them for its starting uniquenesses (1 − SMC), omega for Guttman's λ6.
 */
import { choleskyLogDet } from './dense-solve.ts';
import { squaredMultipleCorrelations } from './linalg.ts';

/**
 * psych::smc of a correlation matrix: 1 − 1/diag(R⁻¹), clamped to [0, 1]. psych inverts with the
 * SVD pseudo-inverse; for a positive definite R the Cholesky inverse is the
 * same matrix and much cheaper, so the pseudo-inverse (linalg.ts) is used
 * only when R is not positive definite.
 *
 * @param r - p×p correlation matrix without missing entries.
 * @returns one SMC per variable.
 */
export function smc(r: readonly (readonly number[])[]): number[] {
  const p = r.length;
  const chol = choleskyLogDet(r);
  if (chol === null) return squaredMultipleCorrelations(r);
  // diag(R⁻¹)_i = ‖L⁻¹ e_i‖²: invert the triangular factor column by column.
  const L = chol.factor;
  const diagInv = new Float64Array(p);
  const col = new Float64Array(p);
  for (let c = 0; c < p; c++) {
    col.fill(0);
    for (let i = c; i < p; i++) {
      let s = i === c ? 1 : 0;
      for (let k = c; k < i; k++) s -= L[i * p + k]! * col[k]!;
      col[i] = s / L[i * p + i]!;
    }
    let ss = 0;
    for (let i = c; i < p; i++) ss += col[i]! * col[i]!;
    diagInv[c] = ss;
  }
  return Array.from(diagInv, (v) => {
    const s = 1 - 1 / v;
    return s > 1 ? 1 : s < 0 ? 0 : s;
  });
}
