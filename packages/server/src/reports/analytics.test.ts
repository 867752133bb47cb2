import { describe, expect, it } from 'vitest';
import { analyseOrganisation, buildTeamReport, type ResultRow } from './analytics.ts';

const person = (n: number, department: string, level = 'Manager', location = 'London'): ResultRow => ({
  personId: `p${n}`,
  department,
  level,
  location,
  leadershipSelf: 4,
  managementSelf: 4,
  leadershipOthers: 3 + (n % 5) / 5,
  managementOthers: 3.5,
  quadrant: n % 2 === 0 ? 'Integrator' : 'Administrator',
  competencies: { L1: [4, 3 + (n % 3) / 3], M1: [3, 3.5] },
});
const codes = ['L1', 'M1'];

describe('analyseOrganisation', () => {
  const rows = [...Array.from({ length: 12 }, (_, i) => person(i, 'Ops')), ...Array.from({ length: 3 }, (_, i) => person(100 + i, 'Finance', 'Director'))];

  it('withholds a filter that isolates fewer than 5 people', () => {
    const view = analyseOrganisation({ rows, compareRows: null, filter: { department: 'Finance' }, codes });
    expect(view.showable).toBe(false);
    expect(view.summary).toBeNull();
  });

  it('withholds a filter whose left-out part has fewer than 5 people (whole minus part)', () => {
    // Ops alone is 12, but the whole (15) minus Ops would be Finance's 3 people.
    const view = analyseOrganisation({ rows, compareRows: null, filter: { department: 'Ops' }, codes });
    expect(view.showable).toBe(false);
    const unfiltered = analyseOrganisation({ rows, compareRows: null, filter: {}, codes });
    expect(unfiltered.showable).toBe(true);
  });

  it('withholds a view nested in another when the two differ by 1–4 people', () => {
    // Ops has 12: 7 Managers and 5 Directors. Ops + Director (5) vs Ops alone (12): 7 apart, fine;
    // but with 9 Directors and 3 Managers, Ops + Director would be Ops minus 3 people.
    const ops = [...Array.from({ length: 9 }, (_, i) => person(300 + i, 'Ops', 'Director')), ...Array.from({ length: 3 }, (_, i) => person(400 + i, 'Ops', 'Manager'))];
    const others = Array.from({ length: 20 }, (_, i) => person(500 + i, 'Sales', 'Director'));
    const all = [...ops, ...others];
    const nested = analyseOrganisation({ rows: all.filter((r) => r.department === 'Ops' && r.level === 'Director'), compareRows: null, filter: { department: 'Ops', level: 'Director' }, codes, parents: [all.length, ops.length, 29] });
    expect(nested.showable).toBe(false);
    const fine = analyseOrganisation({ rows: all.filter((r) => r.department === 'Ops' && r.level === 'Director'), compareRows: null, filter: { department: 'Ops', level: 'Director' }, codes, parents: [all.length, 18, 29] });
    expect(fine.showable).toBe(true);
  });

  it('hides small departments and one more, so the total cannot give them back', () => {
    const more = [...rows, ...Array.from({ length: 6 }, (_, i) => person(200 + i, 'Sales'))];
    const view = analyseOrganisation({ rows: more, compareRows: null, filter: {}, codes });
    const byName = Object.fromEntries(view.byDepartment.map((d) => [d.label, d]));
    expect(byName.Finance!.competencies).toBeNull();
    expect(byName.Sales!.competencies).toBeNull(); // the smallest other department
    expect(byName.Ops!.n).toBe(12);
    expect(view.summary!.n).toBe(21);
  });

  it('counts quadrants, hiding counts under 5 together with a complement', () => {
    const eight = Array.from({ length: 8 }, (_, i) => person(i, 'Ops'));
    eight[0]!.quadrant = 'Emerging';
    const { quadrants } = analyseOrganisation({ rows: eight, compareRows: null, filter: {}, codes }).summary!.quadrants;
    const counts = Object.fromEntries(quadrants.map((q) => [q.quadrant, q.count]));
    expect(counts.Emerging).toBeNull();
    // Integrator 4 (hidden, small) and Administrator 3 (hidden, small): no count leaks.
    expect(quadrants.filter((q) => q.count !== null).reduce((sum, q) => sum + q.count!, 0)).toBe(0);
  });

  it('reports the change against an earlier cycle for the same filter', () => {
    const earlier = rows.map((r) => ({ ...r, leadershipOthers: 3 }));
    const view = analyseOrganisation({ rows, compareRows: earlier, filter: {}, codes });
    expect(view.trend).toMatchObject({ leadership: { before: 3, change: expect.any(Number) } });
  });
});

describe('buildTeamReport', () => {
  it('shows a team of 5 but none of its parts of 1', () => {
    const team = Array.from({ length: 5 }, (_, i) => person(i, 'Ops'));
    const report = buildTeamReport(team, team.map((r) => ({ key: r.personId, label: r.personId, rows: [r] })), codes);
    expect(report.showable).toBe(true);
    expect(report.summary!.leadership).toMatchObject({ n: 5 });
    expect(report.byTeam.every((part) => part.competencies === null)).toBe(true);
    expect(buildTeamReport(team.slice(0, 4), [], codes).showable).toBe(false);
  });
});
