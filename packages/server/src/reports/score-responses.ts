/**
 * Scoring rules of the framework (PRODUCT.md §2): a competency score is the mean of its
 * answered items and needs at least `minAnswered` of them; the L and M indices are the means
 * of the L and M competency scores, and need at least half of those competencies.
 */
export interface ScoringModel {
  competencies: { code: string; capability: 'L' | 'M' | 'S'; items: string[] }[];
  minAnswered: number;
}

export function scoreCompetencies(model: ScoringModel, values: Record<string, number | null>): Record<string, number | null> {
  const scores: Record<string, number | null> = {};
  for (const competency of model.competencies) {
    const answered = competency.items.map((code) => values[code]).filter((v): v is number => typeof v === 'number');
    scores[competency.code] = answered.length >= Math.min(model.minAnswered, competency.items.length) && answered.length > 0
      ? answered.reduce((a, b) => a + b, 0) / answered.length
      : null;
  }
  return scores;
}

export function meanOf(values: (number | null | undefined)[]): number | null {
  const present = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0) / present.length;
}

export interface Indices {
  leadership: number | null;
  management: number | null;
  leadership100: number | null;
  management100: number | null;
  balance: number | null;
  quadrant: Quadrant | null;
}

export type Quadrant = 'Integrator' | 'Visionary' | 'Administrator' | 'Emerging';

/** 1–5 scale to 0–100. */
export function toHundred(score: number | null): number | null {
  return score === null ? null : ((score - 1) / 4) * 100;
}

export function classifyQuadrant(leadership: number, management: number, cut: number): Quadrant {
  const highL = leadership >= cut;
  const highM = management >= cut;
  if (highL && highM) return 'Integrator';
  if (highL) return 'Visionary';
  if (highM) return 'Administrator';
  return 'Emerging';
}

/** L and M indices, balance (100 − 25·|L − M|) and quadrant, from competency scores. */
export function computeIndices(model: ScoringModel, competencyScores: Record<string, number | null>, cut: number): Indices {
  const index = (capability: 'L' | 'M') => {
    const codes = model.competencies.filter((c) => c.capability === capability).map((c) => c.code);
    const present = codes.map((code) => competencyScores[code]).filter((v): v is number => typeof v === 'number');
    return present.length * 2 >= codes.length && present.length > 0 ? meanOf(present) : null;
  };
  const leadership = index('L');
  const management = index('M');
  const both = leadership !== null && management !== null;
  return {
    leadership,
    management,
    leadership100: toHundred(leadership),
    management100: toHundred(management),
    balance: both ? 100 - 25 * Math.abs(leadership - management) : null,
    quadrant: both ? classifyQuadrant(leadership, management, cut) : null,
  };
}
