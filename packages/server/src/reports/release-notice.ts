import { and, eq, inArray } from 'drizzle-orm';
import { cycleParticipants } from '../cycles/schema.ts';
import { queueMail, type Executor } from '../mail/outbox.ts';
import { people } from '../people/schema.ts';

/** Tells each newly released participant that their report is ready (through the outbox). */
export async function queueReleaseNotices(
  tx: Executor,
  deps: { publicUrl: string; smtpConfigured: boolean },
  cycle: { tenantId: string; name: string },
  participantIds: string[],
): Promise<void> {
  if (participantIds.length === 0) return;
  const rows = await tx
    .select({ id: cycleParticipants.id, name: people.name, email: people.email })
    .from(cycleParticipants)
    .innerJoin(people, eq(people.id, cycleParticipants.personId))
    .where(and(eq(cycleParticipants.tenantId, cycle.tenantId), inArray(cycleParticipants.id, participantIds)));
  for (const person of rows) {
    await queueMail(
      tx,
      {
        tenantId: cycle.tenantId,
        to: person.email,
        subject: `Your feedback report is ready: ${cycle.name}`,
        text: [
          `Hello ${person.name},`,
          '',
          `Your leadership and management report from "${cycle.name}" is ready.`,
          '',
          `Read it after logging in to Twofold: ${deps.publicUrl}/reports/${person.id}`,
          '',
          'The figures combine your raters\' answers; no one\'s answers are shown on their own. Your coach, if you have one, can read it too.',
        ].join('\n'),
      },
      deps.smtpConfigured,
    );
  }
}
