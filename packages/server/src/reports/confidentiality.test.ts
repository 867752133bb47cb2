import { describe, expect, it } from 'vitest';
import { protectResponses, type RaterGroupKey, type RaterResponse } from './confidentiality.ts';

const rules = { groupMinimum: 3, managerMinimum: 1, commentMinimum: 3 };

function response(group: RaterGroupKey, value: number, comment?: string): RaterResponse {
  return { group, values: { 'L1.1': value }, comments: comment ? { keep: comment } : {} };
}

function mean(values: Record<string, number | null>[]): number {
  const xs = values.map((v) => v['L1.1']).filter((x): x is number => typeof x === 'number');
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

describe('protectResponses', () => {
  it('shows groups that reach k and the manager alone, labelled as such', () => {
    const result = protectResponses(
      [response('self', 5), response('manager', 2), response('peers', 3), response('peers', 4), response('peers', 5)],
      rules,
    );
    expect(result.groups.map((g) => [g.key, g.responses])).toEqual([['manager', 1], ['peers', 3]]);
    expect(result.groups[0]!.label).toBe("Manager's view");
    expect(result.allOthers?.responses).toBe(4);
    expect(result.withheldResponses).toBe(0);
  });

  it('pools small groups into "others" and withholds a pool still below k', () => {
    const pooled = protectResponses([response('peers', 1), response('peers', 2), response('direct_reports', 5)], rules);
    expect(pooled.groups.map((g) => g.key)).toEqual(['others_pooled']);
    expect(pooled.groups[0]!.responses).toBe(3);

    const withheld = protectResponses([response('peers', 1), response('direct_reports', 5)], rules);
    expect(withheld.groups).toEqual([]);
    expect(withheld.allOthers).toBeNull();
    expect(withheld.withheldResponses).toBe(2);
  });

  it('never lets "all raters" minus the visible groups reveal a withheld rater', () => {
    // Manager (1) and peers (3) are shown; one direct report is withheld. If the all-raters
    // mean included them, 5 × all − manager − 3 × peers would give their answer.
    const secret = 1;
    const result = protectResponses(
      [response('manager', 4), response('peers', 4), response('peers', 5), response('peers', 3), response('direct_reports', secret)],
      rules,
    );
    expect(result.withheldResponses).toBe(1);
    const all = result.allOthers!;
    expect(all.responses).toBe(4);
    const visibleSum = result.groups.reduce((sum, g) => sum + mean(g.values) * g.responses, 0);
    expect(mean(all.values) * all.responses).toBeCloseTo(visibleSum);
    expect(all.values.some((v) => v['L1.1'] === secret)).toBe(false);
  });

  it('needs k non-self responses for the all-raters figure', () => {
    const result = protectResponses([response('self', 4), response('manager', 3), response('peers', 2)], rules);
    expect(result.allOthers).toBeNull();
    expect(result.notes.join(' ')).toContain('at least 3 responses');
  });

  it('labels comments only for groups that meet the comment threshold, never linked to a rater', () => {
    const result = protectResponses(
      [
        response('manager', 3, 'From the manager'),
        response('peers', 3, 'Peer one'),
        response('peers', 4, 'Peer two'),
        response('peers', 5, 'Peer three'),
        response('direct_reports', 4, 'Report one'),
        response('direct_reports', 4, 'Report two'),
        response('others', 4, 'Other one'),
      ],
      rules,
    );
    const byText = new Map(result.comments.map((c) => [c.text, c.groupLabel]));
    expect(byText.get('Peer one')).toBe('Peers');
    expect(byText.get('From the manager')).toBeNull();
    expect(byText.get('Report one')).toBeNull();
    // Comments come sorted, not in answer order, and carry no rater identity.
    expect(result.comments.every((c) => Object.keys(c).sort().join() === 'groupLabel,questionCode,text')).toBe(true);
  });

  it('drops the comments of withheld raters', () => {
    const result = protectResponses([response('peers', 3, 'A lone peer'), response('manager', 4)], rules);
    expect(result.comments.map((c) => c.text)).not.toContain('A lone peer');
  });

  it('holds for every group size from 1 to 4: no shown group below its minimum', () => {
    for (const peers of [0, 1, 2, 3, 4]) {
      for (const reports of [0, 1, 2, 3, 4]) {
        for (const others of [0, 1, 2, 3]) {
          const responses = [
            ...Array.from({ length: peers }, () => response('peers', 3)),
            ...Array.from({ length: reports }, () => response('direct_reports', 3)),
            ...Array.from({ length: others }, () => response('others', 3)),
          ];
          const result = protectResponses(responses, rules);
          for (const group of result.groups) expect(group.responses).toBeGreaterThanOrEqual(3);
          if (result.allOthers) expect(result.allOthers.responses).toBeGreaterThanOrEqual(3);
          const shownCount = result.groups.reduce((n, g) => n + g.responses, 0);
          expect(shownCount + result.withheldResponses).toBe(responses.length);
        }
      }
    }
  });
});

describe('suppressSmallCells and groupIsShowable', () => {
  it('hides cells under 5 people, and one more when the total would give a hidden cell back', async () => {
    const { suppressSmallCells } = await import('./confidentiality.ts');
    const cells = [{ key: 'A', n: 6 }, { key: 'B', n: 9 }, { key: 'C', n: 3 }, { key: 'D', n: 0 }];
    // Total shown: 18 − 6 − 9 would be C's 3 people; the smallest other cell (A) goes too.
    expect([...suppressSmallCells(cells, true)].sort()).toEqual(['A', 'C']);
    expect([...suppressSmallCells(cells, false)]).toEqual(['C']);
    // Two small cells that together reach 5 protect each other.
    expect([...suppressSmallCells([{ key: 'A', n: 8 }, { key: 'B', n: 2 }, { key: 'C', n: 3 }], true)].sort()).toEqual(['B', 'C']);
    expect(suppressSmallCells([{ key: 'A', n: 5 }, { key: 'B', n: 7 }], true).size).toBe(0);
  });

  it('shows a filtered group only when it and the rest of its whole both reach 5', async () => {
    const { groupIsShowable } = await import('./confidentiality.ts');
    expect(groupIsShowable(4, 40)).toBe(false);
    expect(groupIsShowable(36, 40)).toBe(false); // the 4 left out = whole − group
    expect(groupIsShowable(35, 40)).toBe(true);
    expect(groupIsShowable(12, 12)).toBe(true);
  });
});
