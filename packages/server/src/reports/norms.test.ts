import { describe, expect, it } from 'vitest';
import { buildNormData } from './norms.ts';

const model = {
  minAnswered: 1,
  competencies: [
    { code: 'L1', capability: 'L' as const, items: ['a', 'b'] },
    { code: 'M1', capability: 'M' as const, items: ['c', 'd'] },
  ],
};

describe('buildNormData', () => {
  it('sorts each person sample, leaves out missing scores, and keeps α and SD for the RCI', () => {
    const persons = [
      { competencies: { L1: 4, M1: 2 }, leadership: 4, management: 2 },
      { competencies: { L1: 3, M1: null }, leadership: 3, management: null },
      { competencies: { L1: 5, M1: 4 }, leadership: 5, management: 4 },
    ];
    // Items a and b move together (α high); c and d too.
    const responses = [1, 2, 3, 4, 5, 3, 2].map((x, i) => ({ a: x, b: x + (i % 2), c: 6 - x, d: 6 - x - (i % 2) }));
    const data = buildNormData(model, persons, responses);
    expect(data.competencies).toEqual({ L1: [3, 4, 5], M1: [2, 4] });
    expect(data.leadership).toEqual([3, 4, 5]);
    expect(data.management).toEqual([2, 4]);
    expect(data.reliability.L1!.sd).toBeCloseTo(1, 12); // SD of 3, 4, 5
    expect(data.reliability.L1!.alpha).toBeGreaterThan(0.9);
    expect(data.reliability.leadership).toEqual(data.reliability.L1);
  });
});
