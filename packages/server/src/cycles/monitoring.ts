import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { ConflictError, NotFoundError, ValidationFailedError } from '../http/errors.ts';
import { queueMail } from '../mail/outbox.ts';
import type { Actor } from '../policies/policies.ts';
import { type CycleDeps, getCycleRow, invitationToRate, mintLinks } from './service.ts';
import { assignments, cycleParticipants, cycles } from './schema.ts';
import { people } from '../people/schema.ts';

type Status = 'not_started' | 'in_progress' | 'submitted' | 'declined';

/**
 * Response rates per cycle, participant and group, and who has not finished. Never any
 * answer: this reads only assignment statuses.
 */
export async function getCycleProgress(db: Database, tenantId: string, cycleId: string) {
  const cycle = await getCycleRow(db, tenantId, cycleId);
  const rows = await db
    .select({
      assignmentId: assignments.id,
      participantId: assignments.participantId,
      participantName: people.name,
      group: assignments.raterGroup,
      raterName: assignments.raterName,
      raterEmail: assignments.raterEmail,
      status: assignments.status,
      submittedAt: assignments.submittedAt,
    })
    .from(assignments)
    .innerJoin(cycleParticipants, eq(cycleParticipants.id, assignments.participantId))
    .innerJoin(people, eq(people.id, cycleParticipants.personId))
    .where(and(eq(assignments.cycleId, cycle.id), eq(assignments.tenantId, tenantId)));
  const count = (list: typeof rows, status: Status) => list.filter((r) => r.status === status).length;
  const rate = (list: typeof rows) => (list.length === 0 ? 0 : count(list, 'submitted') / list.length);
  const participantIds = [...new Set(rows.map((r) => r.participantId))];
  return {
    cycle: { id: cycle.id, name: cycle.name, status: cycle.status, deadline: cycle.deadline.toISOString() },
    totals: { invited: rows.length, submitted: count(rows, 'submitted'), inProgress: count(rows, 'in_progress'), declined: count(rows, 'declined'), responseRate: rate(rows) },
    participants: participantIds.map((participantId) => {
      const own = rows.filter((r) => r.participantId === participantId);
      const groups = [...new Set(own.map((r) => r.group))];
      return {
        participantId,
        name: own[0]!.participantName,
        responseRate: rate(own),
        groups: groups.map((group) => {
          const inGroup = own.filter((r) => r.group === group);
          return { group, invited: inGroup.length, submitted: count(inGroup, 'submitted'), declined: count(inGroup, 'declined') };
        }),
      };
    }),
    notFinished: rows
      .filter((r) => r.status === 'not_started' || r.status === 'in_progress')
      .map((r) => ({ assignmentId: r.assignmentId, participantName: r.participantName, group: r.group, raterName: r.raterName, raterEmail: r.raterEmail, status: r.status })),
  };
}

/** Sends a rater a fresh personal link (older links keep working). */
export async function resendInvitation(deps: CycleDeps, actor: Actor, cycleId: string, assignmentId: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const cycle = await getCycleRow(tx, actor.tenantId, cycleId);
    if (cycle.status !== 'collecting') throw new ConflictError(`Links can be resent only while collecting; this cycle is ${cycle.status}.`);
    const [assignment] = await tx
      .select({ id: assignments.id, status: assignments.status, raterEmail: assignments.raterEmail, raterName: assignments.raterName, group: assignments.raterGroup, participantName: people.name })
      .from(assignments)
      .innerJoin(cycleParticipants, eq(cycleParticipants.id, assignments.participantId))
      .innerJoin(people, eq(people.id, cycleParticipants.personId))
      .where(and(eq(assignments.id, assignmentId), eq(assignments.cycleId, cycle.id), eq(assignments.tenantId, actor.tenantId)));
    if (!assignment) throw new NotFoundError('That rater');
    if (assignment.status === 'submitted' || assignment.status === 'declined') {
      throw new ConflictError(`This rater has already ${assignment.status === 'submitted' ? 'submitted' : 'declined'}.`);
    }
    const links = await mintLinks(tx, actor.tenantId, [assignment.id]);
    await queueMail(
      tx,
      {
        tenantId: actor.tenantId,
        to: assignment.raterEmail,
        ...invitationToRate(cycle, assignment.raterName, [{ participantName: assignment.participantName, group: assignment.group, link: `${deps.publicUrl}/r/${links.get(assignment.id)}` }], true),
      },
      deps.smtpConfigured,
    );
  });
}

export async function extendDeadline(deps: CycleDeps, actor: Actor, cycleId: string, deadline: Date): Promise<void> {
  const now = deps.now?.() ?? new Date();
  const cycle = await getCycleRow(deps.db, actor.tenantId, cycleId);
  if (cycle.status === 'closed' || cycle.status === 'released') throw new ConflictError(`A ${cycle.status} cycle cannot change its deadline.`);
  if (deadline.getTime() <= now.getTime()) {
    throw new ValidationFailedError('The new deadline must be in the future.', [{ path: '/deadline', message: 'must be in the future' }]);
  }
  await deps.db.update(cycles).set({ deadline }).where(and(eq(cycles.id, cycle.id), eq(cycles.tenantId, actor.tenantId)));
}
