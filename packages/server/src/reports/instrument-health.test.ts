import { describe, expect, it } from 'vitest';
import { createRandom } from '../seed/demo-random.ts';
import { assessInstrumentHealth } from './instrument-health.ts';
import type { ScoringModel } from './score-responses.ts';

const model: ScoringModel = {
  minAnswered: 2,
  competencies: ['L1', 'L2', 'M1', 'M2', 'S1'].map((code) => ({
    code,
    capability: code[0] as 'L' | 'M' | 'S',
    items: [1, 2, 3].map((n) => `${code}.${n}`),
  })),
};

/** Responses from two distinct but correlated latent traits, with a few "not observed". */
function simulate(n: number, seed: number) {
  const random = createRandom(seed);
  return Array.from({ length: n }, () => {
    const l = random.normal();
    const m = 0.3 * l + Math.sqrt(1 - 0.09) * random.normal();
    const values: Record<string, number | null> = {};
    for (const competency of model.competencies) {
      const trait = competency.capability === 'L' ? l : competency.capability === 'M' ? m : (l + m) / 2;
      for (const item of competency.items) {
        values[item] = random.uniform() < 0.03 ? null : Math.min(5, Math.max(1, Math.round(3 + 0.9 * trait + 0.6 * random.normal())));
      }
    }
    return values;
  });
}

describe('assessInstrumentHealth', () => {
  it('refuses to judge from too few responses', () => {
    expect(assessInstrumentHealth(model, simulate(10, 1))).toMatchObject({ enough: false, responses: 10 });
  });

  it('reports reliability, not-observed rates, omega, and whether L separates from M', () => {
    const health = assessInstrumentHealth(model, simulate(300, 2));
    if (!health.enough) throw new Error('expected enough responses');
    for (const competency of health.competencies) {
      expect(competency.alpha).toBeGreaterThan(0.6);
      for (const item of competency.items) {
        expect(item.itemRestCorrelation).toBeGreaterThan(0.3);
        expect(item.notObservedRate).toBeLessThan(0.1);
      }
    }
    expect(health.omega).toHaveProperty('omegaTotal');
    const twoFactors = health.factorAnalysis[0]!;
    expect(twoFactors).toMatchObject({ nfactors: 2, separates: true });
  });

  it('says when L and M do not separate', () => {
    // One trait drives every item: leadership and management are not distinct here.
    const random = createRandom(3);
    const responses = Array.from({ length: 300 }, () => {
      const g = random.normal();
      return Object.fromEntries(model.competencies.flatMap((c) => c.items).map((item) => [item, Math.min(5, Math.max(1, Math.round(3 + g + 0.7 * random.normal())))]));
    });
    const health = assessInstrumentHealth(model, responses);
    if (!health.enough) throw new Error('expected enough responses');
    expect(health.factorAnalysis[0]).toMatchObject({ separates: false });
  });
});
