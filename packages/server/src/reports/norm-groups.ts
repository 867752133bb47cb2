import { and, desc, eq, inArray } from 'drizzle-orm';
import { buildNorms } from '@twofold/psychometrics/norms';
import { recordAudit } from '../audit/record-audit.ts';
import { cycleParticipants, cycles } from '../cycles/schema.ts';
import type { Database } from '../db/client.ts';
import { frameworkVersions } from '../frameworks/schema.ts';
import { NotFoundError, ValidationFailedError } from '../http/errors.ts';
import type { Actor } from '../policies/policies.ts';
import { buildIndividualReport, type IndividualReport } from './build-individual-report.ts';
import { assessInstrumentHealth } from './instrument-health.ts';
import { loadReportInput, toReportFramework } from './load-report-input.ts';
import { buildNormData, MIN_NORM_GROUP_SIZE, type NormPerson, type StoredNormData } from './norms.ts';
import { normGroups, reportSnapshots } from './schema.ts';
import { loadRaterResponses } from './service.ts';

type FrameworkDoc = Parameters<typeof toReportFramework>[0];

async function loadNormCycles(db: Database, tenantId: string, cycleIds: string[]) {
  const rows = await db
    .select({ id: cycles.id, name: cycles.name, status: cycles.status, document: frameworkVersions.document })
    .from(cycles)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, cycles.frameworkVersionId))
    .where(and(eq(cycles.tenantId, tenantId), inArray(cycles.id, cycleIds)));
  const issues = cycleIds.flatMap((id, i) => {
    const row = rows.find((r) => r.id === id);
    if (!row) return [{ path: `/cycleIds/${i}`, message: 'no such cycle' }];
    if (row.status !== 'closed' && row.status !== 'released') return [{ path: `/cycleIds/${i}`, message: `"${row.name}" is ${row.status}; only closed cycles have final answers` }];
    return [];
  });
  if (issues.length > 0) throw new ValidationFailedError('Norm groups are built from closed cycles only.', issues);
  const models = rows.map((r) => toReportFramework(r.document as FrameworkDoc, '').scoring);
  const codes = (m: (typeof models)[number]) => m.competencies.map((c) => c.code).join(',');
  if (new Set(models.map(codes)).size > 1) {
    throw new ValidationFailedError('These cycles measure different competencies; a norm group needs one framework.', [{ path: '/cycleIds', message: 'cycles use frameworks with different competencies' }]);
  }
  return { rows, model: models[0]! };
}

/**
 * Builds a norm group from closed cycles: every participant's all-raters scores as their
 * report shows them (the released snapshot, or the report as it would be released), so
 * norms inherit every confidentiality rule; people whose raters were too few are left out.
 * Reports already released keep the norms they were built with.
 */
export async function createNormGroup(db: Database, actor: Actor, input: { name: string; cycleIds: string[] }) {
  const { model } = await loadNormCycles(db, actor.tenantId, input.cycleIds);
  const participants = await db
    .select({ id: cycleParticipants.id, personId: cycleParticipants.personId, snapshot: reportSnapshots.report })
    .from(cycleParticipants)
    .leftJoin(reportSnapshots, eq(reportSnapshots.participantId, cycleParticipants.id))
    .where(and(eq(cycleParticipants.tenantId, actor.tenantId), inArray(cycleParticipants.cycleId, input.cycleIds)));
  const persons: NormPerson[] = [];
  for (const participant of participants) {
    const report = (participant.snapshot as IndividualReport | null) ?? buildIndividualReport(await loadReportInput(db, actor.tenantId, participant.id));
    if (!report.indices.allOthers) continue;
    persons.push({
      competencies: Object.fromEntries(report.competencies.map((c) => [c.code, c.allOthers])),
      leadership: report.indices.allOthers.leadership,
      management: report.indices.allOthers.management,
    });
  }
  if (persons.length < MIN_NORM_GROUP_SIZE) {
    throw new ValidationFailedError(
      `A norm group needs at least ${MIN_NORM_GROUP_SIZE} people with enough raters; these cycles have ${persons.length}. Add more cycles.`,
      [{ path: '/cycleIds', message: `${persons.length} people with reportable results; at least ${MIN_NORM_GROUP_SIZE} needed` }],
    );
  }
  const data = buildNormData(model, persons, await loadRaterResponses(db, actor.tenantId, input.cycleIds));
  const [row] = await db.insert(normGroups).values({ tenantId: actor.tenantId, name: input.name, cycleIds: input.cycleIds, data }).returning();
  await recordAudit(db, actor, 'norm_group.created', { type: 'norm_group', id: row!.id }, { size: persons.length });
  return presentNormGroup(row!, []);
}

function presentNormGroup(row: typeof normGroups.$inferSelect, cycleNames: { id: string; name: string }[]) {
  const data = row.data as StoredNormData;
  return {
    id: row.id,
    name: row.name,
    size: data.leadership.length,
    createdAt: row.createdAt.toISOString(),
    cycles: row.cycleIds.map((id) => ({ id, name: cycleNames.find((c) => c.id === id)?.name ?? 'deleted cycle' })),
  };
}

/** Norm groups, newest first; reports use the newest when they are built. */
export async function listNormGroups(db: Database, tenantId: string) {
  const rows = await db.select().from(normGroups).where(eq(normGroups.tenantId, tenantId)).orderBy(desc(normGroups.createdAt));
  const names = await db.select({ id: cycles.id, name: cycles.name }).from(cycles).where(eq(cycles.tenantId, tenantId));
  return rows.map((row) => presentNormGroup(row, names));
}

async function loadNormGroup(db: Database, tenantId: string, id: string) {
  const [row] = await db.select().from(normGroups).where(and(eq(normGroups.id, id), eq(normGroups.tenantId, tenantId)));
  if (!row) throw new NotFoundError('That norm group');
  return row;
}

/** One norm group with its percentile table per competency and index. */
export async function getNormGroup(db: Database, tenantId: string, id: string) {
  const row = await loadNormGroup(db, tenantId, id);
  const names = await db.select({ id: cycles.id, name: cycles.name }).from(cycles).where(and(eq(cycles.tenantId, tenantId), inArray(cycles.id, row.cycleIds)));
  const data = row.data as StoredNormData;
  const table = (sample: number[]) => {
    if (sample.length === 0) return null;
    const norms = buildNorms(sample);
    const round = (x: number) => Math.round(x * 100) / 100;
    // Quantiles only: the sorted sample itself is one score per person and stays inside.
    return { n: norms.n, mean: round(norms.mean), sd: round(norms.sd), percentiles: norms.quantiles.map((q) => ({ percentile: Math.round(q.p * 100), score: round(q.value) })) };
  };
  return {
    ...presentNormGroup(row, names),
    indices: { leadership: table(data.leadership), management: table(data.management) },
    competencies: Object.entries(data.competencies).map(([code, sample]) => ({ code, ...table(sample), reliability: data.reliability[code] ?? null })),
  };
}

export async function deleteNormGroup(db: Database, actor: Actor, id: string): Promise<void> {
  const row = await loadNormGroup(db, actor.tenantId, id);
  await db.delete(normGroups).where(eq(normGroups.id, row.id));
  await recordAudit(db, actor, 'norm_group.deleted', { type: 'norm_group', id: row.id });
}

/** Instrument health over all rater responses of a norm group's cycles. */
export async function normGroupInstrumentHealth(db: Database, tenantId: string, id: string) {
  const row = await loadNormGroup(db, tenantId, id);
  const { model } = await loadNormCycles(db, tenantId, row.cycleIds);
  return assessInstrumentHealth(model, await loadRaterResponses(db, tenantId, row.cycleIds));
}
