import { buildNorms } from '@twofold/psychometrics/norms';
import { describe, expect, it } from 'vitest';
import { buildIndividualReport, classifySelfOther, type ReportFramework } from './build-individual-report.ts';
import type { RaterResponse } from './confidentiality.ts';

const framework: ReportFramework = {
  scoring: {
    minAnswered: 2,
    competencies: [
      { code: 'L1', capability: 'L', items: ['L1.1', 'L1.2'] },
      { code: 'M1', capability: 'M', items: ['M1.1', 'M1.2'] },
    ],
  },
  competencyNames: { L1: 'Vision', M1: 'Planning' },
  itemTexts: { 'L1.1': 'Explains the goal', 'L1.2': 'Links work to the goal', 'M1.1': 'Plans the week', 'M1.2': 'Sets deadlines' },
  scalePoints: 5,
  orientation: [{ code: 'O1', leftPole: 'Tasks', rightPole: 'People' }],
  orientationPoints: 7,
  openQuestions: [{ code: 'keep', text: 'Keep doing' }],
};

const r = (group: RaterResponse['group'], l: [number, number], m: [number, number], o = 4, comment?: string): RaterResponse => ({
  group,
  values: { 'L1.1': l[0], 'L1.2': l[1], 'M1.1': m[0], 'M1.2': m[1], O1: o },
  comments: comment ? { keep: comment } : {},
});

const responses = [
  r('self', [5, 5], [3, 3], 6),
  r('manager', [4, 4], [4, 4], 4, 'Good plans'),
  r('peers', [3, 4], [4, 5], 3, 'Clear goals'),
  r('peers', [4, 3], [5, 4], 4),
  r('peers', [3, 3], [4, 4], 5),
];

describe('buildIndividualReport', () => {
  const report = buildIndividualReport({
    participantName: 'Pat',
    cycleName: 'Q4',
    framework,
    responses,
    rules: { groupMinimum: 3, managerMinimum: 1, commentMinimum: 3 },
    norms: null,
    previous: null,
    catalog: [{ title: 'Leading with vision', kind: 'course', competencies: ['L1'], description: 'x' }],
  });

  it('computes indices for self and all other raters', () => {
    // Self: L = 5, M = 3 → balance 100 − 25·2 = 50, Visionary at cut 3.5.
    expect(report.indices.self).toMatchObject({ leadership: 5, management: 3, balance: 50, quadrant: 'Visionary', leadership100: 100, management100: 50 });
    // Others (manager + 3 peers): L1 = mean(4, 3.5, 3.5, 3) = 3.5; M1 = mean(4, 4.5, 4.5, 4) = 4.25.
    expect(report.indices.allOthers).toMatchObject({ leadership: 3.5, management: 4.25, balance: 81.3, quadrant: 'Integrator' });
  });

  it('finds blind spots and hidden strengths at a gap of 0.5', () => {
    expect(report.blindSpots.map((b) => [b.code, b.gap])).toEqual([['L1', 1.5]]);
    expect(report.hiddenStrengths.map((b) => [b.code, b.gap])).toEqual([['M1', -1.25]]);
    // Overall self 4 vs others 3.875: in agreement, others above the cut.
    expect(report.selfOtherClass).toBe('in agreement/good');
  });

  it('shows the profile by group and the agreement among raters', () => {
    const l1 = report.competencies.find((c) => c.code === 'L1')!;
    expect(l1.groups).toEqual({ manager: 4, peers: 3.33 });
    // rwg(j): item variances of L1.1 (4,3,4,3) = 1/3 and L1.2 (4,4,3,3) = 1/3; σ²EU = 2;
    // q = 1/6; rwg(j) = 2·(5/6) / (2·(5/6) + 1/6) = 10/11 ≈ 0.909.
    expect(l1.agreement).toEqual({ rwg: 0.909, raters: 4, low: false });
  });

  it('lists highest and lowest items, orientation and comments', () => {
    expect(report.highestItems[0]).toMatchObject({ code: 'M1.1', mean: 4.25 });
    expect(report.lowestItems[0]).toMatchObject({ code: 'L1.1', mean: 3.5 });
    expect(report.orientation[0]).toEqual({ code: 'O1', leftPole: 'Tasks', rightPole: 'People', self: 6, allOthers: 4 });
    expect(report.comments.map((c) => [c.text, c.groupLabel])).toEqual([['Clear goals', 'Peers'], ['Good plans', null]]);
  });

  it('suggests development for the lowest competencies', () => {
    expect(report.suggestions[0]).toMatchObject({ competency: 'L1', activities: [{ title: 'Leading with vision' }] });
  });

  it('uses the norm group for the cut and percentiles, and RCI for the trend', () => {
    const sample = [2.5, 3, 3.2, 3.4, 3.5, 3.6, 3.8, 4, 4.2, 4.5];
    const withNorms = buildIndividualReport({
      participantName: 'Pat',
      cycleName: 'Q4',
      framework,
      responses,
      rules: { groupMinimum: 3, managerMinimum: 1, commentMinimum: 3 },
      norms: { name: 'All managers 2026', size: 10, builtAt: '2026-06-01', competencies: { L1: buildNorms(sample), M1: buildNorms(sample) }, leadership: buildNorms(sample), management: buildNorms(sample), reliability: { leadership: { alpha: 0.9, sd: 0.5 }, management: { alpha: 0.9, sd: 0.5 } } },
      previous: { cycleName: 'Q2', indices: { leadership: 3, management: 4.2 }, competencies: {} },
      catalog: [],
    });
    // Median of the sample = 3.55.
    expect(withNorms.quadrantCut.value).toBe(3.55);
    expect(withNorms.indices.allOthers?.quadrant).toBe('Administrator');
    // RCI for L: (3.5 − 3) / (√2 · 0.5 · √0.1) = 0.5 / 0.2236 = 2.236 → reliable.
    expect(withNorms.trend?.indices[0]).toMatchObject({ key: 'leadership', change: 0.5, rci: 2.24, reliableChange: true });
    expect(withNorms.competencies[0]!.percentile).toBeGreaterThan(0);
  });
});

describe('classifySelfOther', () => {
  it('follows Atwater & Yammarino with a 0.5 band', () => {
    expect(classifySelfOther(4.5, 3.9, 3.5)).toBe('over-estimator');
    expect(classifySelfOther(3.0, 3.6, 3.5)).toBe('under-estimator');
    expect(classifySelfOther(3.0, 3.2, 3.5)).toBe('in agreement/poor');
  });
});
