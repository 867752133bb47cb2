import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { queueMail } from '../mail/outbox.ts';
import { people } from '../people/schema.ts';
import { dueReminderSlots } from './cycle-rules.ts';
import { invitationToRate, mintLinks } from './service.ts';
import { assignments, cycleParticipants, cycles, remindersSent } from './schema.ts';

/**
 * Sends the reminders that are due: one email per rater per slot, listing fresh links to
 * every unfinished assignment. The (cycle, rater, slot) row is inserted first in the same
 * transaction, so a restart or a second app instance never sends the same reminder twice.
 */
export async function sendDueReminders(
  db: Database,
  options: { publicUrl: string; smtpConfigured: boolean; now?: Date; cycleId?: string },
): Promise<{ sent: number }> {
  const now = options.now ?? new Date();
  const open = await db
    .select()
    .from(cycles)
    .where(and(eq(cycles.status, 'collecting'), options.cycleId ? eq(cycles.id, options.cycleId) : undefined));
  let sent = 0;
  for (const cycle of open) {
    const slots = dueReminderSlots(cycle.deadline, cycle.settings.reminderDaysBeforeDeadline, now);
    for (const slot of slots) {
      const pending = await db
        .select({ id: assignments.id, raterEmail: assignments.raterEmail, raterName: assignments.raterName, group: assignments.raterGroup, participantName: people.name })
        .from(assignments)
        .innerJoin(cycleParticipants, eq(cycleParticipants.id, assignments.participantId))
        .innerJoin(people, eq(people.id, cycleParticipants.personId))
        .where(and(eq(assignments.cycleId, cycle.id), inArray(assignments.status, ['not_started', 'in_progress'])));
      // Map.groupBy needs Node 21; we run on Node 20.
      const byRater = new Map<string, typeof pending>();
      for (const a of pending) byRater.set(a.raterEmail, [...(byRater.get(a.raterEmail) ?? []), a]);
      for (const [email, list] of byRater) {
        const didSend = await db.transaction(async (tx) => {
          const claimed = await tx
            .insert(remindersSent)
            .values({ cycleId: cycle.id, raterEmail: email, slot, assignmentCount: list.length })
            .onConflictDoNothing()
            .returning({ slot: remindersSent.slot });
          if (claimed.length === 0) return false;
          const links = await mintLinks(tx, cycle.tenantId, list.map((a) => a.id));
          const items = list.map((a) => ({ participantName: a.participantName, group: a.group, link: `${options.publicUrl}/r/${links.get(a.id)}` }));
          await queueMail(tx, { tenantId: cycle.tenantId, to: email, ...invitationToRate(cycle, list[0]!.raterName, items, true) }, options.smtpConfigured);
          return true;
        });
        if (didSend) sent += 1;
      }
    }
  }
  return { sent };
}

