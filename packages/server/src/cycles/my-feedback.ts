import { and, eq, or, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { NotFoundError } from '../http/errors.ts';
import { people } from '../people/schema.ts';
import type { Actor } from '../policies/policies.ts';
import { mintLinks } from './service.ts';
import { assignments, cycleParticipants, cycles } from './schema.ts';

function isMine(actor: Actor) {
  const byEmail = eq(assignments.raterEmail, actor.email);
  return actor.personId ? or(eq(assignments.raterPersonId, actor.personId), byEmail) : byEmail;
}

/** Feedback a logged-in person has been asked to give (their self-assessment included). */
export async function listMyAssignments(db: Database, actor: Actor) {
  const rows = await db
    .select({
      id: assignments.id,
      group: assignments.raterGroup,
      status: assignments.status,
      participantName: people.name,
      cycleName: cycles.name,
      cycleStatus: cycles.status,
      deadline: cycles.deadline,
    })
    .from(assignments)
    .innerJoin(cycles, eq(cycles.id, assignments.cycleId))
    .innerJoin(cycleParticipants, eq(cycleParticipants.id, assignments.participantId))
    .innerJoin(people, eq(people.id, cycleParticipants.personId))
    .where(and(eq(assignments.tenantId, actor.tenantId), isMine(actor), eq(cycles.status, 'collecting')))
    .orderBy(sql`${assignments.raterGroup} = 'self' desc`, people.name);
  return rows.map((r) => ({ ...r, deadline: r.deadline.toISOString() }));
}

/**
 * A fresh personal link for one of my own assignments, so a logged-in rater does not need
 * the email. Someone else's assignment is "not found".
 */
export async function openMyAssignment(db: Database, actor: Actor, assignmentId: string, publicUrl: string): Promise<{ url: string; path: string }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: assignments.id })
      .from(assignments)
      .innerJoin(cycles, eq(cycles.id, assignments.cycleId))
      .where(and(eq(assignments.id, assignmentId), eq(assignments.tenantId, actor.tenantId), isMine(actor), eq(cycles.status, 'collecting')));
    if (!row) throw new NotFoundError('That feedback request');
    const links = await mintLinks(tx, actor.tenantId, [row.id]);
    const path = `/r/${links.get(row.id)}`;
    return { url: `${publicUrl}${path}`, path };
  });
}
