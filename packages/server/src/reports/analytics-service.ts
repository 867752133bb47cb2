import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import { recordAudit } from '../audit/record-audit.ts';
import { cycles } from '../cycles/schema.ts';
import type { Database } from '../db/client.ts';
import { frameworkVersions } from '../frameworks/schema.ts';
import { NotFoundError } from '../http/errors.ts';
import { people } from '../people/schema.ts';
import type { Actor } from '../policies/policies.ts';
import { analyseOrganisation, buildTeamReport, type OrganisationFilter, type ResultRow } from './analytics.ts';
import { toReportFramework } from './load-report-input.ts';
import { neutraliseFormula } from './present-report-csv.ts';
import { reportResults } from './schema.ts';

/** Released cycles with results, newest first. */
async function releasedCycles(db: Database, tenantId: string) {
  return db
    .select({ id: cycles.id, name: cycles.name, closedAt: cycles.closedAt, document: frameworkVersions.document })
    .from(cycles)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, cycles.frameworkVersionId))
    .where(and(eq(cycles.tenantId, tenantId), sql`exists (select 1 from ${reportResults} r where r.cycle_id = ${cycles.id})`))
    .orderBy(desc(cycles.closedAt), desc(cycles.createdAt));
}

/**
 * Released results of one cycle with the people's attributes, filtered in SQL. Through
 * postgres.js directly: at 50,000 rows the ORM's row mapping costs more than the query.
 */
async function loadFilteredResults(db: Database, tenantId: string, cycleId: string, filter: OrganisationFilter, options = { competencies: true }): Promise<ResultRow[]> {
  const sql = db.$client;
  // The comparison cycle needs the indices only; competency figures are most of the bytes.
  const competencies = options.competencies ? sql`r.competencies` : sql`'{}'::jsonb as competencies`;
  return sql<ResultRow[]>`
    select r.person_id as "personId", p.department, p.level, p.location,
           r.leadership_self as "leadershipSelf", r.management_self as "managementSelf",
           r.leadership_others as "leadershipOthers", r.management_others as "managementOthers",
           r.quadrant, ${competencies}
      from report_results r join people p on p.id = r.person_id
     where r.tenant_id = ${tenantId} and r.cycle_id = ${cycleId}
       ${filter.department ? sql`and p.department = ${filter.department}` : sql``}
       ${filter.level ? sql`and p.level = ${filter.level}` : sql``}
       ${filter.location ? sql`and p.location = ${filter.location}` : sql``}`;
}

async function countResults(db: Database, tenantId: string, cycleId: string, filter: OrganisationFilter = {}): Promise<number> {
  const sql = db.$client;
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from report_results r join people p on p.id = r.person_id
     where r.tenant_id = ${tenantId} and r.cycle_id = ${cycleId}
       ${filter.department ? sql`and p.department = ${filter.department}` : sql``}
       ${filter.level ? sql`and p.level = ${filter.level}` : sql``}
       ${filter.location ? sql`and p.location = ${filter.location}` : sql``}`;
  return row?.n ?? 0;
}

/**
 * The sizes a filtered view could be subtracted from: the whole cycle and each filter with
 * one condition dropped (department + level is checked against department alone, level
 * alone and everyone), so no two nested views differ by 1–4 people.
 */
async function parentSizes(db: Database, tenantId: string, cycleId: string, filter: OrganisationFilter): Promise<number[]> {
  const keys = (['department', 'level', 'location'] as const).filter((key) => filter[key]);
  const parents: OrganisationFilter[] = [{}, ...(keys.length > 1 ? keys.map((dropped) => Object.fromEntries(keys.filter((k) => k !== dropped).map((k) => [k, filter[k]]))) : [])];
  return Promise.all(parents.map((parent) => countResults(db, tenantId, cycleId, parent)));
}

async function loadResults(db: Database, tenantId: string, cycleId: string, personIds?: string[]): Promise<ResultRow[]> {
  return db
    .select({
      personId: reportResults.personId,
      department: people.department,
      level: people.level,
      location: people.location,
      leadershipSelf: reportResults.leadershipSelf,
      managementSelf: reportResults.managementSelf,
      leadershipOthers: reportResults.leadershipOthers,
      managementOthers: reportResults.managementOthers,
      quadrant: reportResults.quadrant,
      competencies: reportResults.competencies,
    })
    .from(reportResults)
    .innerJoin(people, eq(people.id, reportResults.personId))
    .where(and(eq(reportResults.tenantId, tenantId), eq(reportResults.cycleId, cycleId), personIds ? inArray(reportResults.personId, personIds) : undefined));
}

const codesOf = (document: unknown) => toReportFramework(document as Parameters<typeof toReportFramework>[0], '').scoring.competencies.map((c) => c.code);
const namesOf = (document: unknown) => toReportFramework(document as Parameters<typeof toReportFramework>[0], '').competencyNames;

export interface AnalyticsQuery extends OrganisationFilter {
  cycleId?: string | undefined;
  compareCycleId?: string | undefined;
}

/** Organisation analytics with filters (admins). Each view is written to the audit log. */
export async function organisationAnalytics(db: Database, actor: Actor, query: AnalyticsQuery, channel: 'page' | 'csv' = 'page') {
  const [available, options] = await Promise.all([releasedCycles(db, actor.tenantId), filterOptions(db, actor.tenantId)]);
  const cycle = query.cycleId ? available.find((c) => c.id === query.cycleId) : available[0];
  if (query.cycleId && !cycle) throw new NotFoundError('A released cycle with that id');
  const base = { cycles: available.map((c) => ({ id: c.id, name: c.name })), options };
  if (!cycle) return { ...base, cycle: null, compareCycle: null, competencyNames: {}, result: null };
  const compare = query.compareCycleId ? available.find((c) => c.id === query.compareCycleId) : undefined;
  if (query.compareCycleId && !compare) throw new NotFoundError('A released cycle with that id');
  const filter = { department: query.department, level: query.level, location: query.location };
  const [rows, parents, compareRows, compareParents] = await Promise.all([
    loadFilteredResults(db, actor.tenantId, cycle.id, filter),
    parentSizes(db, actor.tenantId, cycle.id, filter),
    compare ? loadFilteredResults(db, actor.tenantId, compare.id, filter, { competencies: false }) : null,
    compare ? parentSizes(db, actor.tenantId, compare.id, filter) : [],
  ]);
  const result = analyseOrganisation({ rows, compareRows, filter, codes: codesOf(cycle.document), parents, compareParents });
  await recordAudit(db, actor, `analytics.viewed.${channel}`, { type: 'cycle', id: cycle.id }, { filter, compareCycleId: compare?.id ?? null });
  return { ...base, cycle: { id: cycle.id, name: cycle.name }, compareCycle: compare ? { id: compare.id, name: compare.name } : null, competencyNames: namesOf(cycle.document), result };
}

/** Departments, levels and locations to filter by (from the people list, not from results). */
async function filterOptions(db: Database, tenantId: string) {
  const distinct = async (column: typeof people.department | typeof people.level | typeof people.location) =>
    (await db.selectDistinct({ value: column }).from(people).where(and(eq(people.tenantId, tenantId), sql`${column} <> ''`)).orderBy(asc(column))).map((r) => r.value);
  return { departments: await distinct(people.department), levels: await distinct(people.level), locations: await distinct(people.location) };
}

/** The analytics as CSV: the same figures as the page, withheld cells left empty and marked. */
export function presentAnalyticsCsv(view: Awaited<ReturnType<typeof organisationAnalytics>>): string {
  const rows: (string | number | null)[][] = [['section', 'subject', 'measure', 'value']];
  const add = (section: string, subject: string, measure: string, value: string | number | null | undefined) => rows.push([section, subject, measure, value ?? null]);
  add('view', 'cycle', '', view.cycle?.name ?? 'no released cycle');
  const result = view.result;
  if (!result || !result.showable) {
    add('view', 'withheld', 'reason', result?.reason ?? 'no results');
    return stringify(rows.map((r) => r.map(neutraliseFormula)));
  }
  const { summary } = result;
  add('people', 'all', 'n', summary.n);
  for (const [name, scores] of [['leadership', summary.leadership], ['management', summary.management]] as const) {
    if ('withheld' in scores) add('index', name, 'withheld', scores.reason);
    else for (const measure of ['mean', 'sd', 'p25', 'median', 'p75'] as const) add('index', name, measure, scores[measure]);
  }
  for (const q of summary.quadrants.quadrants) add('quadrant', q.quadrant, 'people', q.count ?? 'withheld');
  for (const c of summary.competencies) {
    const subject = `${c.code} ${view.competencyNames[c.code] ?? ''}`.trim();
    add('competency', subject, 'all raters mean', c.others ?? 'withheld');
    add('competency', subject, 'self mean', c.self ?? 'withheld');
    add('competency', subject, 'self - others', c.gap ?? 'withheld');
  }
  for (const g of summary.biggestGaps) add('biggest gap', g.code, g.direction, g.gap);
  for (const d of result.byDepartment) {
    if (d.competencies === null) {
      add('department', d.label, 'withheld', 'reason' in d ? d.reason : 'no results');
      continue;
    }
    add('department', d.label, 'n', d.n);
    add('department', d.label, 'leadership mean', d.leadership ?? 'withheld');
    add('department', d.label, 'management mean', d.management ?? 'withheld');
  }
  if (result.trend) {
    if ('withheld' in result.trend) add('trend', view.compareCycle?.name ?? '', 'withheld', result.trend.reason);
    else {
      for (const [name, change] of [['leadership', result.trend.leadership], ['management', result.trend.management]] as const) {
        if ('withheld' in change) add('trend', name, 'withheld', change.reason);
        else add('trend', name, `change since ${view.compareCycle?.name ?? ''}`, change.change);
      }
    }
  }
  return stringify(rows.map((r) => r.map(neutraliseFormula)));
}

/**
 * A manager's team report: everyone below them in the reporting lines with a released
 * report in the cycle (the newest by default), and each direct report's part of it.
 */
export async function teamReport(db: Database, actor: Actor, cycleId?: string) {
  if (!actor.personId) throw new NotFoundError('Your place in the organisation');
  const below = await db.execute<{ id: string; manager_id: string | null; name: string; depth: number }>(sql`
    with recursive team as (
      select id, manager_id, name, 1 as depth from people where manager_id = ${actor.personId} and tenant_id = ${actor.tenantId}
      union all
      select p.id, p.manager_id, p.name, t.depth + 1 from people p join team t on p.manager_id = t.id
       where p.tenant_id = ${actor.tenantId} and t.depth < 50
    )
    select id, manager_id, name, depth from team`);
  const ids = below.map((p) => p.id);
  const available = (await releasedCycles(db, actor.tenantId)).filter(() => ids.length > 0);
  const cycle = cycleId ? available.find((c) => c.id === cycleId) : available[0];
  if (cycleId && !cycle) throw new NotFoundError('A released cycle with that id');
  if (!cycle) return { cycles: [], cycle: null, teamSize: ids.length, competencyNames: {}, result: null };
  const rows = await loadResults(db, actor.tenantId, cycle.id, ids);
  // Each direct report heads a part: themselves and everyone below them.
  const headOf = new Map<string, string>();
  const byId = new Map(below.map((p) => [p.id, p]));
  for (const person of below) {
    let current = person;
    while (current.depth > 1 && current.manager_id && byId.has(current.manager_id)) current = byId.get(current.manager_id)!;
    headOf.set(person.id, current.id);
  }
  const heads = below.filter((p) => p.depth === 1).sort((a, b) => a.name.localeCompare(b.name));
  const parts = heads.map((head) => ({ key: head.id, label: `${head.name}${below.some((p) => p.manager_id === head.id) ? ' and their team' : ''}`, rows: rows.filter((r) => headOf.get(r.personId) === head.id) }));
  const result = buildTeamReport(rows, parts, codesOf(cycle.document));
  await recordAudit(db, actor, 'team_report.viewed', { type: 'cycle', id: cycle.id });
  return { cycles: available.map((c) => ({ id: c.id, name: c.name })), cycle: { id: cycle.id, name: cycle.name }, teamSize: ids.length, competencyNames: namesOf(cycle.document), result };
}
