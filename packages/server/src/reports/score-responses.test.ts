import { describe, expect, it } from 'vitest';
import { classifyQuadrant, computeIndices, scoreCompetencies, type ScoringModel } from './score-responses.ts';

const model: ScoringModel = {
  minAnswered: 2,
  competencies: [
    { code: 'L1', capability: 'L', items: ['L1.1', 'L1.2', 'L1.3'] },
    { code: 'L2', capability: 'L', items: ['L2.1', 'L2.2', 'L2.3'] },
    { code: 'M1', capability: 'M', items: ['M1.1', 'M1.2', 'M1.3'] },
    { code: 'M2', capability: 'M', items: ['M2.1', 'M2.2', 'M2.3'] },
  ],
};

describe('scoring', () => {
  it('averages answered items and needs two of three', () => {
    const scores = scoreCompetencies(model, { 'L1.1': 4, 'L1.2': 5, 'L1.3': null, 'L2.1': 3, 'M1.1': 2, 'M1.2': 3, 'M1.3': 4 });
    expect(scores).toEqual({ L1: 4.5, L2: null, M1: 3, M2: null });
  });

  it('computes L, M, 0–100, balance and quadrant', () => {
    // L = (4.5 + 3.5) / 2 = 4; M = (3 + 2) / 2 = 2.5; balance = 100 − 25 × 1.5 = 62.5
    const indices = computeIndices(model, { L1: 4.5, L2: 3.5, M1: 3, M2: 2 }, 3.5);
    expect(indices).toEqual({ leadership: 4, management: 2.5, leadership100: 75, management100: 37.5, balance: 62.5, quadrant: 'Visionary' });
  });

  it('needs half of the competencies of an index', () => {
    expect(computeIndices(model, { L1: 4, L2: null, M1: null, M2: null }, 3.5).management).toBeNull();
    expect(computeIndices(model, { L1: 4, L2: null, M1: null, M2: null }, 3.5).leadership).toBe(4);
  });

  it('classifies the four quadrants against the cut, the cut itself counting as high', () => {
    expect(classifyQuadrant(3.5, 3.5, 3.5)).toBe('Integrator');
    expect(classifyQuadrant(4, 3, 3.5)).toBe('Visionary');
    expect(classifyQuadrant(3, 4, 3.5)).toBe('Administrator');
    expect(classifyQuadrant(3, 3, 3.5)).toBe('Emerging');
  });
});
