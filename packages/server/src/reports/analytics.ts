import { buildNorms } from '@twofold/psychometrics/norms';
import { groupIsShowable, MINIMUM_CELL, suppressSmallCells } from './confidentiality.ts';
import type { Quadrant } from './score-responses.ts';

/**
 * Team and organisation views over released results. Pure functions; every figure passes
 * the minimum-cell rules of confidentiality.ts: a figure from fewer than 5 people is
 * withheld, breakdown cells get complementary suppression, and a filtered view is shown
 * only when what the filter leaves out also holds 5 or more (no whole-minus-part).
 */
export interface ResultRow {
  personId: string;
  department: string;
  level: string;
  location: string;
  leadershipSelf: number | null;
  managementSelf: number | null;
  leadershipOthers: number | null;
  managementOthers: number | null;
  quadrant: string | null;
  competencies: Record<string, [number | null, number | null]>;
}

export const QUADRANTS: Quadrant[] = ['Integrator', 'Visionary', 'Administrator', 'Emerging'];
export const WITHHELD = { withheld: true as const, reason: `fewer than ${MINIMUM_CELL} people` };
export type Withheld = typeof WITHHELD;

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const present = (values: (number | null)[]) => values.filter((v): v is number => v !== null && Number.isFinite(v));

/** Mean, SD and quartiles of a set of people's scores, or withheld under the minimum. */
export function describeScores(values: (number | null)[]) {
  const xs = present(values);
  if (xs.length < MINIMUM_CELL) return { n: xs.length < 1 ? 0 : null, ...WITHHELD };
  const norms = buildNorms(xs, [0.25, 0.5, 0.75]);
  return {
    n: xs.length,
    mean: round(norms.mean),
    sd: round(norms.sd),
    p25: round(norms.quantiles[0]!.value),
    median: round(norms.quantiles[1]!.value),
    p75: round(norms.quantiles[2]!.value),
  };
}

function meanOf(xs: number[]): number | null {
  return xs.length >= MINIMUM_CELL ? round(xs.reduce((a, b) => a + b, 0) / xs.length) : null;
}

/** How many people fall in each quadrant; small counts hidden with complementary suppression. */
export function quadrantDistribution(rows: ResultRow[]) {
  const tally = new Map<string, number>();
  for (const row of rows) if (row.quadrant) tally.set(row.quadrant, (tally.get(row.quadrant) ?? 0) + 1);
  const counts = QUADRANTS.map((q) => ({ key: q, n: tally.get(q) ?? 0 }));
  const total = counts.reduce((sum, c) => sum + c.n, 0);
  const hidden = suppressSmallCells(counts, true);
  return { total, quadrants: counts.map((c) => (hidden.has(c.key) ? { quadrant: c.key, count: null, ...WITHHELD } : { quadrant: c.key, count: c.n })) };
}

/** Per competency: mean all-raters score, mean self score, and the mean self − others gap. */
export function competencyMeans(rows: ResultRow[], codes: string[]) {
  // One pass over the people (this runs over 50,000 of them): sums and counts per code.
  const k = codes.length;
  const sums = new Float64Array(3 * k);
  const counts = new Float64Array(3 * k);
  const add = (slot: number, value: number) => {
    sums[slot] = sums[slot]! + value;
    counts[slot] = counts[slot]! + 1;
  };
  for (const row of rows) {
    for (let c = 0; c < k; c += 1) {
      const pair = row.competencies[codes[c]!];
      if (!pair) continue;
      const [self, others] = pair;
      if (others !== null) add(c, others);
      if (self !== null) add(k + c, self);
      if (self !== null && others !== null) add(2 * k + c, self - others);
    }
  }
  const mean = (i: number) => (counts[i]! >= MINIMUM_CELL ? round(sums[i]! / counts[i]!) : null);
  return codes.map((code, c) => ({ code, others: mean(c), self: mean(k + c), gap: mean(2 * k + c), n: counts[c]! >= MINIMUM_CELL ? counts[c]! : null }));
}

/** A breakdown (teams, departments) × competency means, rows with too few people withheld. */
export function heatmap(groups: { key: string; label: string; rows: ResultRow[] }[], codes: string[], totalShown: boolean) {
  const hidden = suppressSmallCells(groups.map((g) => ({ key: g.key, n: g.rows.length })), totalShown);
  return groups.map((g) =>
    g.rows.length === 0
      ? { key: g.key, label: g.label, n: 0, leadership: null, management: null, competencies: null }
      : hidden.has(g.key)
      ? { key: g.key, label: g.label, n: null, ...WITHHELD, leadership: null, management: null, competencies: null }
      : {
          key: g.key,
          label: g.label,
          n: g.rows.length,
          leadership: meanOf(present(g.rows.map((r) => r.leadershipOthers))),
          management: meanOf(present(g.rows.map((r) => r.managementOthers))),
          competencies: Object.fromEntries(competencyMeans(g.rows, codes).map((c) => [c.code, c.others])),
        },
  );
}

/** The summary of one set of people: indices, quadrants, competencies, biggest gaps. */
export function summariseGroup(rows: ResultRow[], codes: string[]) {
  const competencies = competencyMeans(rows, codes);
  const gaps = competencies
    .filter((c) => c.gap !== null)
    .sort((a, b) => Math.abs(b.gap!) - Math.abs(a.gap!) || a.code.localeCompare(b.code))
    .slice(0, 5)
    .map((c) => ({ code: c.code, gap: c.gap, direction: c.gap! > 0 ? 'self higher' : c.gap! < 0 ? 'others higher' : 'equal' }));
  return {
    n: rows.length,
    leadership: describeScores(rows.map((r) => r.leadershipOthers)),
    management: describeScores(rows.map((r) => r.managementOthers)),
    quadrants: quadrantDistribution(rows),
    competencies,
    biggestGaps: gaps,
  };
}

export interface OrganisationFilter {
  department?: string | undefined;
  level?: string | undefined;
  location?: string | undefined;
}

const matches = (filter: OrganisationFilter) => (row: ResultRow) =>
  (!filter.department || row.department === filter.department) && (!filter.level || row.level === filter.level) && (!filter.location || row.location === filter.location);

/**
 * Organisation analytics for one cycle: the filtered group's summary (or withheld), a
 * department heatmap within it, and the same figures for a comparison cycle (trend).
 */
export function analyseOrganisation(input: {
  rows: ResultRow[];
  compareRows: ResultRow[] | null;
  filter: OrganisationFilter;
  codes: string[];
  /**
   * Sizes of the views this one could be subtracted from: the whole cycle and every filter
   * with one condition fewer. Without them (rows not filtered in SQL), the whole is rows.
   */
  parents?: number[];
  compareParents?: number[];
}) {
  const filtered = input.rows.filter(matches(input.filter));
  const filtering = Boolean(input.filter.department || input.filter.level || input.filter.location);
  const showableAgainst = (n: number, parents: number[]) => n >= MINIMUM_CELL && (!filtering || parents.every((parent) => groupIsShowable(n, parent)));
  const showable = showableAgainst(filtered.length, input.parents ?? [input.rows.length]);
  const byDepartment = new Map<string, ResultRow[]>();
  for (const row of filtered) {
    const list = byDepartment.get(row.department);
    if (list) list.push(row);
    else byDepartment.set(row.department, [row]);
  }
  const departments = [...byDepartment.keys()].sort();
  const trend = (() => {
    if (!input.compareRows) return null;
    const before = input.compareRows.filter(matches(input.filter));
    const beforeShowable = showableAgainst(before.length, input.compareParents ?? [input.compareRows.length]);
    if (!showable || !beforeShowable) return { ...WITHHELD };
    const l = describeScores(filtered.map((r) => r.leadershipOthers));
    const m = describeScores(filtered.map((r) => r.managementOthers));
    const lb = describeScores(before.map((r) => r.leadershipOthers));
    const mb = describeScores(before.map((r) => r.managementOthers));
    const change = (now: ReturnType<typeof describeScores>, then: ReturnType<typeof describeScores>) =>
      now.mean !== undefined && then.mean !== undefined ? { before: then.mean, now: now.mean, change: round(now.mean - then.mean) } : { ...WITHHELD };
    return { previousN: before.length, leadership: change(l, lb), management: change(m, mb) };
  })();
  if (!showable) {
    return { showable: false as const, ...WITHHELD, reason: `the selection or what it leaves out has fewer than ${MINIMUM_CELL} people`, summary: null, byDepartment: [], trend };
  }
  return {
    showable: true as const,
    summary: summariseGroup(filtered, input.codes),
    byDepartment: heatmap(departments.map((d) => ({ key: d, label: d || '(no department)', rows: byDepartment.get(d)! })), input.codes, true),
    trend,
  };
}

/** A manager's team report: the whole team, and each direct report's part of it. */
export function buildTeamReport(team: ResultRow[], parts: { key: string; label: string; rows: ResultRow[] }[], codes: string[]) {
  if (team.length < MINIMUM_CELL) return { showable: false as const, ...WITHHELD, summary: null, byTeam: [] };
  return { showable: true as const, summary: summariseGroup(team, codes), byTeam: heatmap(parts, codes, true) };
}
