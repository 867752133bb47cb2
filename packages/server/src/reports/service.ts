import { and, eq, isNotNull, or, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.ts';
import { cycleParticipants, cycles } from '../cycles/schema.ts';
import type { Database } from '../db/client.ts';
import { ConflictError, NotFoundError } from '../http/errors.ts';
import { people } from '../people/schema.ts';
import { type Actor, canViewReport } from '../policies/policies.ts';
import { buildIndividualReport, type IndividualReport } from './build-individual-report.ts';
import { frameworkVersions } from '../frameworks/schema.ts';
import { assessInstrumentHealth } from './instrument-health.ts';
import { loadReportInput, toReportFramework } from './load-report-input.ts';
import { queueReleaseNotices } from './release-notice.ts';
import { coachAssignments, reportResults, reportSnapshots } from './schema.ts';

export interface ReportView {
  participantId: string;
  cycleId: string;
  released: boolean;
  builtAt: string | null;
  report: IndividualReport;
}

async function loadSubject(db: Database, tenantId: string, participantId: string) {
  const [row] = await db
    .select({
      participantId: cycleParticipants.id,
      cycleId: cycleParticipants.cycleId,
      releasedAt: cycleParticipants.releasedAt,
      personId: people.id,
      userId: people.userId,
      managerId: people.managerId,
      cycleStatus: cycles.status,
      settings: cycles.settings,
    })
    .from(cycleParticipants)
    .innerJoin(people, eq(people.id, cycleParticipants.personId))
    .innerJoin(cycles, eq(cycles.id, cycleParticipants.cycleId))
    .where(and(eq(cycleParticipants.id, participantId), eq(cycleParticipants.tenantId, tenantId)));
  if (!row) throw new NotFoundError('That report');
  const coaches = await db.select({ userId: coachAssignments.coachUserId }).from(coachAssignments).where(eq(coachAssignments.personId, row.personId));
  return { ...row, coachUserIds: coaches.map((c) => c.userId) };
}

/** The figures of a report that team and organisation views aggregate. */
export function resultsOf(report: IndividualReport) {
  return {
    leadershipSelf: report.indices.self?.leadership ?? null,
    managementSelf: report.indices.self?.management ?? null,
    leadershipOthers: report.indices.allOthers?.leadership ?? null,
    managementOthers: report.indices.allOthers?.management ?? null,
    quadrant: report.indices.allOthers?.quadrant ?? null,
    competencies: Object.fromEntries(report.competencies.map((c) => [c.code, [c.self, c.allOthers] as [number | null, number | null]])),
  };
}

/**
 * Builds the report snapshot once; concurrent first views race on the unique key and all
 * read the single stored copy, which never changes afterwards.
 */
export async function ensureReportSnapshot(db: Database, tenantId: string, participantId: string): Promise<{ report: IndividualReport; builtAt: Date }> {
  const existing = await db.select().from(reportSnapshots).where(eq(reportSnapshots.participantId, participantId));
  if (existing[0]) return { report: existing[0].report as IndividualReport, builtAt: existing[0].builtAt };
  const input = await loadReportInput(db, tenantId, participantId);
  const report = buildIndividualReport(input);
  await db.transaction(async (tx) => {
    const inserted = await tx.insert(reportSnapshots).values({ tenantId, cycleId: input.cycleId, participantId, report }).onConflictDoNothing().returning({ id: reportSnapshots.id });
    if (inserted.length > 0) {
      await tx.insert(reportResults).values({ tenantId, cycleId: input.cycleId, participantId, personId: input.personId, ...resultsOf(report) }).onConflictDoNothing();
    }
  });
  const [stored] = await db.select().from(reportSnapshots).where(eq(reportSnapshots.participantId, participantId));
  return { report: stored!.report as IndividualReport, builtAt: stored!.builtAt };
}

/**
 * One participant's report as the actor may see it. Released reports come from the stored
 * snapshot; admins may preview an unreleased one after close (built fresh, not stored).
 * Every view is written to the audit log.
 */
export async function viewReport(db: Database, actor: Actor, participantId: string, channel: 'page' | 'pdf' | 'api' | 'csv'): Promise<ReportView> {
  const subject = await loadSubject(db, actor.tenantId, participantId);
  const released = subject.releasedAt !== null;
  const allowed = canViewReport(actor, {
    released,
    participantUserId: subject.userId,
    participantManagerPersonId: subject.managerId,
    coachUserIds: subject.coachUserIds,
    managerAccess: subject.settings.managerAccess ?? false,
  });
  if (!allowed) throw new NotFoundError('That report');
  let report: IndividualReport;
  let builtAt: Date | null = null;
  if (released) {
    ({ report, builtAt } = await ensureReportSnapshot(db, actor.tenantId, participantId));
  } else {
    if (subject.cycleStatus !== 'closed') {
      throw new ConflictError('A report can be previewed only after the cycle is closed, when answers are frozen.');
    }
    report = buildIndividualReport(await loadReportInput(db, actor.tenantId, participantId));
  }
  await recordAudit(db, actor, `report.viewed.${channel}`, { type: 'participant', id: participantId }, { released });
  return { participantId, cycleId: subject.cycleId, released, builtAt: builtAt?.toISOString() ?? null, report };
}

/** Released reports the actor may read: their own, coachees', and (if allowed) direct reports'. */
export async function listVisibleReports(db: Database, actor: Actor) {
  const coaching = sql<boolean>`exists (select 1 from ${coachAssignments} ca where ca.person_id = ${people.id} and ca.coach_user_id = ${actor.userId})`;
  const rows = await db
    .select({
      participantId: cycleParticipants.id,
      cycleName: cycles.name,
      personName: people.name,
      userId: people.userId,
      managerId: people.managerId,
      settings: cycles.settings,
      releasedAt: cycleParticipants.releasedAt,
      coached: coaching,
    })
    .from(cycleParticipants)
    .innerJoin(people, eq(people.id, cycleParticipants.personId))
    .innerJoin(cycles, eq(cycles.id, cycleParticipants.cycleId))
    .where(
      and(
        eq(cycleParticipants.tenantId, actor.tenantId),
        isNotNull(cycleParticipants.releasedAt),
        or(actor.personId ? eq(people.id, actor.personId) : sql`false`, actor.personId ? eq(people.managerId, actor.personId) : sql`false`, coaching),
      ),
    );
  return rows
    .filter((r) =>
      canViewReport(actor, {
        released: true,
        participantUserId: r.userId,
        participantManagerPersonId: r.managerId,
        coachUserIds: r.coached ? [actor.userId] : [],
        managerAccess: r.settings.managerAccess ?? false,
      }),
    )
    .map((r) => ({
      participantId: r.participantId,
      cycleName: r.cycleName,
      personName: r.personName,
      relation: r.userId === actor.userId ? 'own' : r.coached ? 'coachee' : 'direct report',
      releasedAt: r.releasedAt!.toISOString(),
    }));
}

/** Releases one participant's report ahead of the whole cycle (the cycle must be closed). */
export async function releaseParticipant(
  db: Database,
  actor: Actor,
  cycleId: string,
  participantId: string,
  notice: { publicUrl: string; smtpConfigured: boolean },
): Promise<void> {
  const [row] = await db
    .select({ status: cycles.status, releasedAt: cycleParticipants.releasedAt, cycleName: cycles.name })
    .from(cycleParticipants)
    .innerJoin(cycles, eq(cycles.id, cycleParticipants.cycleId))
    .where(and(eq(cycleParticipants.id, participantId), eq(cycleParticipants.cycleId, cycleId), eq(cycleParticipants.tenantId, actor.tenantId)));
  if (!row) throw new NotFoundError('That participant');
  if (row.status !== 'closed' && row.status !== 'released') throw new ConflictError('Close the cycle before releasing reports.');
  if (row.releasedAt) return;
  await db.transaction(async (tx) => {
    await tx.update(cycleParticipants).set({ releasedAt: new Date() }).where(eq(cycleParticipants.id, participantId));
    await queueReleaseNotices(tx, notice, { tenantId: actor.tenantId, name: row.cycleName }, [participantId]);
  });
  await ensureReportSnapshot(db, actor.tenantId, participantId);
  await recordAudit(db, actor, 'report.released', { type: 'participant', id: participantId });
}

/** Builds the stored report of every released participant of a cycle (at release time). */
export async function buildCycleSnapshots(
  db: Database,
  tenantId: string,
  cycleId: string,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const participants = await db
    .select({ id: cycleParticipants.id })
    .from(cycleParticipants)
    .where(and(eq(cycleParticipants.cycleId, cycleId), eq(cycleParticipants.tenantId, tenantId), isNotNull(cycleParticipants.releasedAt)));
  let done = 0;
  for (const participant of participants) {
    await ensureReportSnapshot(db, tenantId, participant.id);
    done += 1;
    onProgress?.(done, participants.length);
  }
  return done;
}

/**
 * Every submitted non-self response of some cycles, one record of item values each, with
 * answers after a cycle's close left out (they are frozen at close).
 */
export async function loadRaterResponses(db: Database, tenantId: string, cycleIds: string[]): Promise<Record<string, number | null>[]> {
  if (cycleIds.length === 0) return [];
  const rows = await db.execute<{ assignment_id: string; item_code: string; value: number | null }>(sql`
    select an.assignment_id, an.item_code, an.value
      from answers an
      join assignments a on a.id = an.assignment_id
      join cycles c on c.id = a.cycle_id
     where a.cycle_id in ${cycleIds}
       and a.tenant_id = ${tenantId} and a.status = 'submitted' and a.rater_group <> 'self'
       and an.updated_at <= coalesce(c.closed_at, 'infinity'::timestamptz)`);
  const byAssignment = new Map<string, Record<string, number | null>>();
  for (const row of rows) {
    const values = byAssignment.get(row.assignment_id) ?? {};
    values[row.item_code] = row.value;
    byAssignment.set(row.assignment_id, values);
  }
  return [...byAssignment.values()];
}

/** Instrument health over every submitted non-self response of a cycle (aggregates only). */
export async function cycleInstrumentHealth(db: Database, tenantId: string, cycleId: string) {
  const [cycle] = await db
    .select({ id: cycles.id, document: frameworkVersions.document })
    .from(cycles)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, cycles.frameworkVersionId))
    .where(and(eq(cycles.id, cycleId), eq(cycles.tenantId, tenantId)));
  if (!cycle) throw new NotFoundError('That cycle');
  const framework = toReportFramework(cycle.document as Parameters<typeof toReportFramework>[0], '');
  return assessInstrumentHealth(framework.scoring, await loadRaterResponses(db, tenantId, [cycle.id]));
}
