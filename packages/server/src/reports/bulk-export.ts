import { and, asc, desc, eq, isNotNull } from 'drizzle-orm';
import { zipSync } from 'fflate';
import { logOut, openServiceSession } from '../accounts/service.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { cycleParticipants, cycles } from '../cycles/schema.ts';
import type { Database } from '../db/client.ts';
import { ConflictError, NotFoundError } from '../http/errors.ts';
import { people } from '../people/schema.ts';
import type { Actor } from '../policies/policies.ts';
import type { PdfRenderer } from './pdf-renderer.ts';
import { reportExports } from './schema.ts';

type ExportRow = typeof reportExports.$inferSelect;

export function presentExport(row: Omit<ExportRow, 'file'>) {
  return {
    id: row.id,
    cycleId: row.cycleId,
    status: row.status,
    done: row.done,
    total: row.total,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

const withoutFile = {
  id: reportExports.id,
  tenantId: reportExports.tenantId,
  cycleId: reportExports.cycleId,
  requestedBy: reportExports.requestedBy,
  status: reportExports.status,
  done: reportExports.done,
  total: reportExports.total,
  error: reportExports.error,
  createdAt: reportExports.createdAt,
  finishedAt: reportExports.finishedAt,
};

async function releasedParticipants(db: Database, tenantId: string, cycleId: string) {
  return db
    .select({ id: cycleParticipants.id, name: people.name })
    .from(cycleParticipants)
    .innerJoin(people, eq(people.id, cycleParticipants.personId))
    .where(and(eq(cycleParticipants.tenantId, tenantId), eq(cycleParticipants.cycleId, cycleId), isNotNull(cycleParticipants.releasedAt)))
    .orderBy(asc(people.name));
}

/** Queues a zip of every released report of a cycle, printed as the requesting admin sees them. */
export async function requestReportExport(db: Database, actor: Actor, cycleId: string, options: { printable: boolean }) {
  const [cycle] = await db.select().from(cycles).where(and(eq(cycles.id, cycleId), eq(cycles.tenantId, actor.tenantId)));
  if (!cycle) throw new NotFoundError('That cycle');
  if (!options.printable) throw new ConflictError('PDF rendering is not available on this server.');
  const participants = await releasedParticipants(db, actor.tenantId, cycleId);
  if (participants.length === 0) throw new ConflictError('No report of this cycle is released yet; release reports first.');
  const [row] = await db.insert(reportExports).values({ tenantId: actor.tenantId, cycleId, requestedBy: actor.userId, total: participants.length }).returning(withoutFile);
  await recordAudit(db, actor, 'report.export_requested', { type: 'cycle', id: cycleId }, { reports: participants.length });
  return presentExport(row!);
}

/**
 * The job: prints each released report with the warm PDF renderer through a short-lived
 * session of the admin who asked — the same page, the same access checks and the same
 * confidentiality rules as a single download — and stores the zip. Progress is written
 * after every report.
 */
export async function runReportExport(db: Database, pdf: PdfRenderer, exportId: string): Promise<void> {
  const [row] = await db
    .update(reportExports)
    .set({ status: 'running' })
    .where(and(eq(reportExports.id, exportId), eq(reportExports.status, 'queued')))
    .returning(withoutFile);
  if (!row) return; // already taken by another instance, or finished
  const token = await openServiceSession(db, row.requestedBy, row.tenantId);
  try {
    const participants = await releasedParticipants(db, row.tenantId, row.cycleId);
    await db.update(reportExports).set({ total: participants.length }).where(eq(reportExports.id, row.id));
    const files: Record<string, Uint8Array> = {};
    const names = new Set<string>();
    const jobs = participants.map((participant) => {
      const base = participant.name.replaceAll(/[^\p{L}\p{N}]+/gu, '-').replaceAll(/^-|-$/g, '').toLowerCase() || 'report';
      let name = `${base}.pdf`;
      for (let n = 2; names.has(name); n += 1) name = `${base}-${n}.pdf`;
      names.add(name);
      return { participant, name };
    });
    let done = 0;
    // Two reports at a time: the renderer's page pool bounds Chromium's memory anyway.
    const worker = async () => {
      for (let job = jobs.shift(); job; job = jobs.shift()) {
        files[job.name] = await pdf.renderReport({ sessionToken: token, participantId: job.participant.id });
        done += 1;
        await db.update(reportExports).set({ done }).where(eq(reportExports.id, row.id));
      }
    };
    await Promise.all([worker(), worker()]);
    // PDFs are compressed already: store them as they are.
    const zip = zipSync(files, { level: 0 });
    await db.update(reportExports).set({ status: 'done', file: Buffer.from(zip), finishedAt: new Date() }).where(eq(reportExports.id, row.id));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.update(reportExports).set({ status: 'failed', error: `The export stopped: ${message}. Start it again.`, finishedAt: new Date() }).where(eq(reportExports.id, row.id));
  } finally {
    await logOut(db, token);
  }
}

export async function listReportExports(db: Database, tenantId: string, cycleId: string) {
  const [cycle] = await db.select({ id: cycles.id }).from(cycles).where(and(eq(cycles.id, cycleId), eq(cycles.tenantId, tenantId)));
  if (!cycle) throw new NotFoundError('That cycle');
  const rows = await db
    .select(withoutFile)
    .from(reportExports)
    .where(and(eq(reportExports.tenantId, tenantId), eq(reportExports.cycleId, cycleId)))
    .orderBy(desc(reportExports.createdAt))
    .limit(5);
  return rows.map(presentExport);
}

export async function getReportExport(db: Database, tenantId: string, exportId: string) {
  const [row] = await db.select(withoutFile).from(reportExports).where(and(eq(reportExports.id, exportId), eq(reportExports.tenantId, tenantId)));
  if (!row) throw new NotFoundError('That export');
  return presentExport(row);
}

export async function downloadReportExport(db: Database, actor: Actor, exportId: string) {
  const [row] = await db.select().from(reportExports).where(and(eq(reportExports.id, exportId), eq(reportExports.tenantId, actor.tenantId)));
  if (!row) throw new NotFoundError('That export');
  if (row.status !== 'done' || !row.file) throw new ConflictError(`The export is ${row.status}; download it once it is done.`);
  const [cycle] = await db.select({ name: cycles.name }).from(cycles).where(eq(cycles.id, row.cycleId));
  await recordAudit(db, actor, 'report.export_downloaded', { type: 'cycle', id: row.cycleId }, { reports: row.total });
  return { file: row.file, name: `${(cycle?.name ?? 'cycle').replaceAll(/[^\w]+/g, '-').toLowerCase()}-reports.zip` };
}
