/**
 * McDonald's omega via the Schmid–Leiman transformation, as `psych::omega`
 * (psych 2.2.9, its defaults: fm = "minres", rotate = "oblimin",
 * flip = TRUE, option = "equal").
 *
 * psych's recipe (psych::schmid and psych::omegah):
 * 1. varimax-rotated factor solution of the correlation matrix (psych-ordered);
 * 2. oblimin (GPArotation, from those varimax loadings, no psych reordering)
 *    gives the oblique pattern F and factor correlations Φ;
 * 3. a one-factor fa of Φ gives the general-factor loadings g of the factors
 *    (with two factors: both set to sqrt(|φ₁₂|), option "equal");
 * 4. Schmid–Leiman loadings: general F·g, group factors sign(F)·sqrt(F² − (F·diag g)²);
 * 5. items with a negative general loading are reverse-keyed ("flipped") and
 *    omega_h, omega total, alpha, G6 and the group omegas are computed from
 *    the flipped correlation matrix.
 */
import { correlatePairwise } from './cor.ts';
import type { Dataset } from './dataset.ts';
import { PsychometricsInputError } from './errors.ts';
import type { RmseaInterval } from './fa-fit.ts';
import { faFromCorrelation, type FactorMethod, type NamedMatrix } from './fa.ts';
import { oblimin } from './rotate.ts';
import { smc } from './smc.ts';

/** Options of {@link omega}. */
export interface OmegaOptions {
  /** Number of group factors (psych default 3; at least 2). */
  nfactors?: number;
  /** Factoring method for both the item and the higher-order solution (default 'minres'). */
  fm?: FactorMethod;
  /** Number of observations for the fit statistics (default: rows of the data). */
  nObs?: number;
  /** Reverse-key items with negative general loadings (psych default true). */
  flip?: boolean;
  /**
   * With exactly two group factors the general loadings are not identified;
   * psych's `option`: 'equal' (both sqrt(|φ|)), 'first' (1 and φ), 'second' (φ and 1).
   */
  option?: 'equal' | 'first' | 'second';
}

/** One row of psych's omega.group table. */
export interface OmegaGroupRow {
  /** 'g' or the group factor name ('F1*', …). */
  factor: string;
  /** Omega total of the items of this group (for g: of all items). */
  total: number | null;
  /** Variance due to the general factor. */
  general: number | null;
  /** Variance due to the group factor. */
  group: number | null;
}

/** Everything of psych::omega that this package reproduces. */
export interface OmegaResult {
  /** Item names as given (unflipped). */
  names: string[];
  nfactors: number;
  fm: FactorMethod;
  omegaH: number;
  omegaTotal: number;
  /** Standardized alpha of the flipped correlation matrix. */
  alpha: number;
  /** omega_h / omega_total-ish asymptotic limit: g² / (Vt − Σu²). */
  omegaLimit: number;
  /** Guttman's lambda 6 of the flipped matrix. */
  G6: number;
  /** Explained common variance of the general factor. */
  ECV: number;
  /** +1 / −1 per item (−1 = flipped). */
  key: number[];
  omegaGroup: OmegaGroupRow[];
  /** Schmid–Leiman loadings: columns g, F1*..Fk*, h2, u2, p2; rows = items ('-' marks a flipped item). */
  sl: { rows: string[]; cols: string[]; values: number[][] };
  /** Oblique pattern F (items × F1..Fk). */
  oblique: number[][];
  /** Factor correlations Φ. */
  phi: number[][];
  /** General loadings of the factors. */
  gloading: number[];
  /** Column name of the general loadings (psych: 'MR1'/'ML1' from the higher-order fa). */
  gloadingName: string;
  /** Fit statistics of the (varimax) item factor solution, as psych's schmid reports them. */
  stats: {
    STATISTIC: number | null;
    dof: number;
    PVAL: number | null;
    RMSEA: RmseaInterval | null;
    BIC: number | null;
    rms: number;
    crms: number | null;
    objective: number;
    nObs: number | null;
  };
  warnings: string[];
}

/** psych-shaped JSON (one case of ref/bfi_omega.json). */
export interface OmegaJson {
  items: string[];
  nfactors: number;
  omega_h: number;
  'omega.tot': number;
  alpha: number;
  'omega.lim': number;
  G6: number;
  ECV: number;
  key: Record<string, number>;
  'omega.group': OmegaGroupRow[];
  'schmid.sl': NamedMatrix;
  'schmid.oblique': NamedMatrix;
  'schmid.phi': NamedMatrix;
  'schmid.gloading': NamedMatrix;
  stats: {
    STATISTIC: number | null;
    dof: number;
    PVAL: number | null;
    RMSEA: RmseaInterval | null;
    BIC: number | null;
    rms: number;
    crms: number | null;
    objective: number;
    'n.obs': number | null;
  };
  warnings: string[];
}

/**
 * Omega of raw item data, as `psych::omega(x, nfactors, ...)`: pairwise
 * Pearson correlations, n.obs = number of rows.
 *
 * @param data - items as columns (NaN = missing).
 * @param options - nfactors (default 3), fm, nObs, flip, option.
 */
export function omega(data: Dataset, options: OmegaOptions = {}): OmegaResult {
  const cor = correlatePairwise(data);
  return omegaFromCorrelation(cor.r, {
    ...options,
    names: cor.names,
    nObs: options.nObs ?? data.nRows,
  });
}

/**
 * Omega of a correlation matrix, as `psych::omega(r, nfactors, n.obs = ...)`.
 *
 * @param r - p×p correlation matrix.
 * @param options - as {@link omega}, plus item names.
 * @throws PsychometricsInputError when nfactors < 2 or the factor analysis cannot be run.
 */
export function omegaFromCorrelation(
  r: readonly (readonly number[])[],
  options: OmegaOptions & { names?: readonly string[] } = {},
): OmegaResult {
  const p = r.length;
  const nf = options.nfactors ?? 3;
  const fm: FactorMethod = options.fm ?? 'minres';
  const flip = options.flip ?? true;
  const option = options.option ?? 'equal';
  const names = options.names
    ? [...options.names]
    : Array.from({ length: p }, (_, i) => `V${i + 1}`);
  if (!Number.isInteger(nf) || nf < 2) {
    throw new PsychometricsInputError(
      `omega needs at least 2 group factors (a general factor is not identified with one); got ${nf}.`,
    );
  }
  const warnings: string[] = [];

  // 1. Orthogonal (varimax) solution.
  const fact = faFromCorrelation(r, {
    nfactors: nf,
    fm,
    rotate: 'varimax',
    nObs: options.nObs,
    names,
  });
  warnings.push(...fact.warnings);
  const orth = fact.loadings;

  // 2. Oblique transformation of the varimax loadings (GPArotation's oblimin, unsorted).
  const ob = oblimin(orth);
  if (!ob.converged) warnings.push('convergence not obtained in GPFoblq. 1000 iterations used.');
  const fload = ob.loadings;
  const phi = ob.phi!;

  // 3. General-factor loadings of the group factors.
  let gload: number[];
  let gloadingName = fm === 'ml' ? 'ML1' : 'MR1';
  if (nf > 2) {
    const gf = faFromCorrelation(phi, {
      nfactors: 1,
      fm,
      rotate: 'none',
      names: phi.map((_, j) => `F${j + 1}`),
    });
    warnings.push(...gf.warnings);
    gload = gf.loadings.map((row) => row[0]!);
    gloadingName = gf.factorNames[0]!;
  } else {
    const r12 = phi[0]![1]!;
    if (option === 'equal')
      gload = [Math.sqrt(Math.abs(r12)), Math.sign(r12) * Math.sqrt(Math.abs(r12))];
    else if (option === 'first') gload = [1, r12];
    else gload = [r12, 1];
    gloadingName = 'g';
    warnings.push(
      'Three factors are required for identification -- general factor loadings set by the "option" setting. Proceed with caution.',
    );
  }

  // 4. Schmid–Leiman loadings.
  const g = fload.map((row) => row.reduce((a, v, j) => a + v * gload[j]!, 0));
  const h2 = orth.map((row) => row.reduce((a, v) => a + v * v, 0));
  const diagR = r.map((row, i) => row[i]!);
  const u2 = h2.map((h, i) => diagR[i]! - h);
  const sm = fload.map((row, i) =>
    row.map((v, j) => {
      // uniq2 = diag(R) − (diag(R) − F²) − (F·g)² (= F² − (F·g)²), floored at 0.
      const uniq2 = Math.max(diagR[i]! - (diagR[i]! - v * v) - (v * gload[j]!) ** 2, 0);
      return Math.sign(v) * Math.sqrt(uniq2);
    }),
  );
  const p2 = g.map((gi, i) => (gi * gi) / h2[i]!);

  // 5. Flip items with negative general loadings.
  let key = new Array<number>(p).fill(1);
  if (flip) key = g.map((v) => (v < 0 ? -1 : 1));
  const flipped = key.reduce((a, b) => a + b, 0) < p;
  const m = r.map((row, i) => row.map((v, j) => v * key[i]! * key[j]!));
  const gF = g.map((v, i) => v * key[i]!);
  const smF = sm.map((row, i) => row.map((v) => v * key[i]!));
  const rowNames = names.map((nm, i) => (flipped && key[i]! < 0 ? `${nm}-` : nm));

  let Vt = 0;
  let Vitem = 0;
  for (let i = 0; i < p; i++) {
    Vitem += m[i]![i]!;
    for (let j = 0; j < p; j++) Vt += m[i]![j]!;
  }
  const sumG = gF.reduce((a, b) => a + b, 0);
  const gsq = sumG * sumG;
  const uniq = u2.reduce((a, b) => a + b, 0);
  const omegaTotal = (Vt - uniq) / Vt;
  const omegaLimit = gsq / (Vt - uniq);
  const alpha = ((Vt - Vitem) / Vt) * (p / (p - 1));
  const sumSmc = smc(m).reduce((a, b) => a + b, 0);
  const G6 = (Vt + sumSmc - Vitem) / Vt;

  const ev = new Array<number>(nf + 1).fill(0);
  for (let i = 0; i < p; i++) {
    ev[0] = ev[0]! + gF[i]! * gF[i]!;
    for (let j = 0; j < nf; j++) ev[j + 1] = ev[j + 1]! + smF[i]![j]! * smF[i]![j]!;
  }
  const ECV = ev[0]! / ev.reduce((a, b) => a + b, 0);

  // Group omegas: each item belongs to the group factor with its largest |loading|.
  const sub = smF.map((row) => {
    let best = 0;
    for (let j = 1; j < nf; j++) if (Math.abs(row[j]!) > Math.abs(row[best]!)) best = j;
    return best;
  });
  const omegaGroup: OmegaGroupRow[] = [];
  let grs = 0;
  const groupRows: OmegaGroupRow[] = [];
  for (let grp = 0; grp < nf; grp++) {
    const items = sub.map((s, i) => (s === grp ? i : -1)).filter((i) => i >= 0);
    const label = `F${grp + 1}*`;
    if (items.length === 0) {
      groupRows.push({ factor: label, total: null, general: null, group: null });
      continue;
    }
    let Vgr = 0;
    for (const i of items) for (const j of items) Vgr += m[i]![j]!;
    const gr = items.reduce((a, i) => a + smF[i]![grp]!, 0);
    const gen = items.reduce((a, i) => a + gF[i]!, 0);
    grs += gr * gr;
    groupRows.push({
      factor: label,
      total: (gr * gr + gen * gen) / Vgr,
      general: (gen * gen) / Vgr,
      group: (gr * gr) / Vgr,
    });
  }
  omegaGroup.push(
    { factor: 'g', total: omegaTotal, general: gsq / Vt, group: grs / Vt },
    ...groupRows,
  );

  const s = fact.stats;
  return {
    names,
    nfactors: nf,
    fm,
    omegaH: gsq / Vt,
    omegaTotal,
    alpha,
    omegaLimit,
    G6,
    ECV,
    key,
    omegaGroup,
    sl: {
      rows: rowNames,
      cols: ['g', ...Array.from({ length: nf }, (_, j) => `F${j + 1}*`), 'h2', 'u2', 'p2'],
      values: gF.map((gi, i) => [gi, ...smF[i]!, h2[i]!, u2[i]!, p2[i]!]),
    },
    oblique: fload,
    phi,
    gloading: gload,
    gloadingName,
    stats: {
      STATISTIC: s.STATISTIC,
      dof: s.dof,
      PVAL: s.PVAL,
      RMSEA: s.RMSEA,
      BIC: s.BIC,
      rms: s.rms,
      crms: s.crms,
      objective: s.objective,
      nObs: s.nObs,
    },
    warnings,
  };
}

/**
 * Presents an {@link OmegaResult} in the reference JSON layout (one case of
 * ref/bfi_omega.json, e.g. what is inside `nfactors5`).
 */
export function omegaToPsychJson(res: OmegaResult): OmegaJson {
  const fNames = Array.from({ length: res.nfactors }, (_, j) => `F${j + 1}`);
  return {
    items: [...res.names],
    nfactors: res.nfactors,
    omega_h: res.omegaH,
    'omega.tot': res.omegaTotal,
    alpha: res.alpha,
    'omega.lim': res.omegaLimit,
    G6: res.G6,
    ECV: res.ECV,
    key: Object.fromEntries(res.names.map((nm, i) => [nm, res.key[i]!])),
    'omega.group': res.omegaGroup.map((row) => ({ ...row })),
    'schmid.sl': {
      rows: [...res.sl.rows],
      cols: [...res.sl.cols],
      values: res.sl.values.map((r) => [...r]),
    },
    'schmid.oblique': {
      rows: [...res.names],
      cols: fNames,
      values: res.oblique.map((r) => [...r]),
    },
    'schmid.phi': { rows: fNames, cols: fNames, values: res.phi.map((r) => [...r]) },
    'schmid.gloading': {
      rows: fNames,
      cols: [res.gloadingName],
      values: res.gloading.map((v) => [v]),
    },
    stats: {
      STATISTIC: res.stats.STATISTIC,
      dof: res.stats.dof,
      PVAL: res.stats.PVAL,
      RMSEA: res.stats.RMSEA,
      BIC: res.stats.BIC,
      rms: res.stats.rms,
      crms: res.stats.crms,
      objective: res.stats.objective,
      'n.obs': res.stats.nObs,
    },
    warnings: [...res.warnings],
  };
}
