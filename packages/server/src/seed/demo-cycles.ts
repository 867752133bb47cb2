import { eq } from 'drizzle-orm';
import { answers, assignments, comments, cycleParticipants, cycles, nominations, type CycleSettings, type RaterGroup } from '../cycles/schema.ts';
import { invitationToRate, mintLinks } from '../cycles/service.ts';
import type { FrameworkDocumentForSurvey } from '../cycles/survey.ts';
import { queueMail, type Executor } from '../mail/outbox.ts';
import { people } from '../people/schema.ts';
import { createRandom } from './demo-random.ts';

const settings: CycleSettings = {
  raterGroups: [
    { group: 'manager', min: 1, max: 1 },
    { group: 'peers', min: 3, max: 6 },
    { group: 'direct_reports', min: 3, max: 8 },
    { group: 'others', min: 0, max: 3 },
  ],
  anonymity: { groupMinimum: 3, managerMinimum: 1, commentMinimum: 3 },
  selfAssessment: true,
  managerApproval: true,
  reminderDaysBeforeDeadline: [7, 3, 1],
};

const commentPool: Record<string, string[]> = {
  keep: [
    'Keep sharing the bigger picture in team meetings; it helps us prioritise.',
    'Keep the weekly check-ins, they make it easy to raise problems early.',
    'Keep backing people who try new ways of working.',
    'Keep being honest about what is going well and what is not.',
    'Keep the clear plans and owners for every piece of work.',
  ],
  start: [
    'Start delegating the bigger decisions, not only the tasks.',
    'Start explaining the reasons behind changes before they happen.',
    'Start asking the quieter people for their view in meetings.',
    'Start setting aside time for coaching, not only for status updates.',
    'Start writing down decisions so everyone can find them later.',
  ],
  stop: [
    'Stop checking every detail of work that is going fine.',
    'Stop changing priorities in the middle of the week.',
    'Stop answering for the team when they can answer themselves.',
    'Stop postponing the difficult conversations.',
    'Stop replying to messages late in the evening; it sets the pace for all of us.',
  ],
};

type Person = typeof people.$inferSelect;

interface PlannedRater {
  group: 'self' | RaterGroup;
  person: Person;
}

/** Raters for a participant: self, manager, peers (same manager), direct reports. */
function planRaters(participant: Person, everyone: Person[]): PlannedRater[] {
  const manager = everyone.find((p) => p.id === participant.managerId);
  const peers = everyone.filter((p) => p.id !== participant.id && p.managerId !== null && p.managerId === participant.managerId).slice(0, 5);
  // Managers with few same-manager peers get peers one level over, as HR would suggest.
  const widerPeers = everyone.filter((p) => p.level === participant.level && p.id !== participant.id && !peers.includes(p));
  const allPeers = [...peers, ...widerPeers].slice(0, 4);
  const reports = everyone.filter((p) => p.managerId === participant.id).slice(0, 6);
  return [
    { group: 'self', person: participant },
    ...(manager ? [{ group: 'manager' as const, person: manager }] : []),
    ...allPeers.map((person) => ({ group: 'peers' as const, person })),
    ...reports.map((person) => ({ group: 'direct_reports' as const, person })),
  ];
}

/**
 * Seeds a released cycle with complete, realistic answers and an open cycle in progress.
 * Answers come from a model where each participant has correlated but distinct leadership
 * and management levels, raters differ in leniency, and self-ratings run a little high.
 */
export async function seedDemoCycles(
  tx: Executor,
  options: { tenantId: string; frameworkVersionId: string; document: FrameworkDocumentForSurvey; publicUrl: string; now: Date },
): Promise<void> {
  const random = createRandom(20260611);
  const everyone = await tx.select().from(people).where(eq(people.tenantId, options.tenantId));
  const byEmployee = new Map(everyone.map((p) => [p.employeeId, p]));
  const doc = options.document;

  // The managers, and the teams of four of them: about 30 people, enough for a norm group
  // (20) and for team views, which hide anything under 5 people.
  const managers = ['E002', 'E003', 'E004', 'E007', 'E008', 'E009', 'E010', 'E011'].map((id) => byEmployee.get(id)!).filter(Boolean);
  const teamLeads = new Set(['E003', 'E004', 'E010', 'E011'].map((id) => byEmployee.get(id)?.id));
  const closedParticipants = [...managers, ...everyone.filter((p) => p.managerId !== null && teamLeads.has(p.managerId)).sort((a, b) => a.employeeId.localeCompare(b.employeeId))];
  const day = 86_400_000;
  const [closed] = await tx
    .insert(cycles)
    .values({
      tenantId: options.tenantId,
      name: 'Spring 2026 leadership & management 360',
      frameworkVersionId: options.frameworkVersionId,
      status: 'released',
      settings,
      deadline: new Date(options.now.getTime() - 150 * day),
      createdAt: new Date(options.now.getTime() - 190 * day),
      openedAt: new Date(options.now.getTime() - 180 * day),
      closedAt: new Date(options.now.getTime() - 149 * day),
      releasedAt: new Date(options.now.getTime() - 145 * day),
    })
    .returning();

  for (const participant of closedParticipants) {
    const [cp] = await tx
      .insert(cycleParticipants)
      .values({ tenantId: options.tenantId, cycleId: closed!.id, personId: participant.id, nominationStatus: 'approved', releasedAt: closed!.releasedAt })
      .returning();
    // Latent levels: correlated (about .45) but distinct leadership and management.
    const z1 = random.normal();
    const z2 = random.normal();
    const leadership = z1;
    const management = 0.45 * z1 + Math.sqrt(1 - 0.45 ** 2) * z2;
    const competencyLevel = new Map(
      doc.competencies.map((c) => {
        const base = c.capability === 'L' ? leadership : c.capability === 'M' ? management : (leadership + management) / 2;
        return [c.code, 3.5 + 0.55 * base + 0.3 * random.normal()];
      }),
    );
    const selfBias = 0.2 + 0.35 * random.normal();
    for (const rater of planRaters(participant, everyone)) {
      if (rater.group !== 'self') {
        await tx.insert(nominations).values({
          tenantId: options.tenantId, cycleId: closed!.id, participantId: cp!.id, raterGroup: rater.group,
          raterPersonId: rater.person.id, raterEmail: rater.person.email, raterName: rater.person.name, status: 'approved',
        });
      }
      const [assignment] = await tx
        .insert(assignments)
        .values({
          tenantId: options.tenantId, cycleId: closed!.id, participantId: cp!.id, raterGroup: rater.group,
          raterEmail: rater.person.email, raterName: rater.person.name, raterPersonId: rater.person.id,
          status: 'submitted', invitedAt: closed!.openedAt, startedAt: closed!.openedAt,
          submittedAt: new Date(options.now.getTime() - (151 + Math.floor(random.uniform() * 25)) * day),
        })
        .returning();
      const answeredAt = assignment!.submittedAt!;
      const leniency = rater.group === 'self' ? selfBias : 0.25 * random.normal();
      const notObservedRate = rater.group === 'self' || rater.group === 'manager' ? 0.01 : 0.06;
      const rows = doc.items.filter((i) => !i.retired).map((item) => {
        if (random.uniform() < notObservedRate) return { assignmentId: assignment!.id, itemCode: item.code, value: null, notObserved: true, updatedAt: answeredAt };
        const level = competencyLevel.get(item.competency) ?? 3.5;
        const value = Math.min(5, Math.max(1, Math.round(level + leniency + 0.6 * random.normal())));
        return { assignmentId: assignment!.id, itemCode: item.code, value, notObserved: false, updatedAt: answeredAt };
      });
      const lean = leadership - management;
      for (const scale of doc.orientation.scales) {
        const value = Math.min(doc.orientation.points, Math.max(1, Math.round(4 + 1.2 * lean + 0.9 * random.normal())));
        rows.push({ assignmentId: assignment!.id, itemCode: scale.code, value, notObserved: false, updatedAt: answeredAt });
      }
      await tx.insert(answers).values(rows);
      for (const question of doc.openQuestions) {
        const pool = commentPool[question.code] ?? commentPool.keep!;
        if (random.uniform() < 0.6) await tx.insert(comments).values({ assignmentId: assignment!.id, questionCode: question.code, text: random.pick(pool) });
      }
    }
  }

  // The open cycle: collecting, about a third of raters done, links mailed to the outbox.
  const openParticipants = ['E003', 'E004', 'E010'].map((id) => byEmployee.get(id)!).filter(Boolean);
  const [open] = await tx
    .insert(cycles)
    .values({
      tenantId: options.tenantId,
      name: 'Autumn 2026 leadership & management 360',
      frameworkVersionId: options.frameworkVersionId,
      status: 'collecting',
      settings,
      deadline: new Date(options.now.getTime() + 21 * day),
      createdAt: new Date(options.now.getTime() - 10 * day),
      openedAt: new Date(options.now.getTime() - 7 * day),
    })
    .returning();
  const invitations = new Map<string, { name: string; items: { participantName: string; group: 'self' | RaterGroup; link: string }[] }>();
  for (const participant of openParticipants) {
    const [cp] = await tx.insert(cycleParticipants).values({ tenantId: options.tenantId, cycleId: open!.id, personId: participant.id, nominationStatus: 'approved' }).returning();
    for (const rater of planRaters(participant, everyone)) {
      if (rater.group !== 'self') {
        await tx.insert(nominations).values({
          tenantId: options.tenantId, cycleId: open!.id, participantId: cp!.id, raterGroup: rater.group,
          raterPersonId: rater.person.id, raterEmail: rater.person.email, raterName: rater.person.name, status: 'approved',
        });
      }
      // The demo participant's own self-assessment is left for the visitor to do.
      const done = rater.person.employeeId !== 'E003' && random.uniform() < 0.35;
      const [assignment] = await tx
        .insert(assignments)
        .values({
          tenantId: options.tenantId, cycleId: open!.id, participantId: cp!.id, raterGroup: rater.group,
          raterEmail: rater.person.email, raterName: rater.person.name, raterPersonId: rater.person.id,
          status: done ? 'submitted' : 'not_started', invitedAt: open!.openedAt, submittedAt: done ? options.now : null,
        })
        .returning();
      if (done) {
        await tx.insert(answers).values([
          ...doc.items.filter((i) => !i.retired).map((item) => ({ assignmentId: assignment!.id, itemCode: item.code, value: Math.min(5, Math.max(1, Math.round(3.6 + 0.7 * random.normal()))), notObserved: false })),
          ...doc.orientation.scales.map((s) => ({ assignmentId: assignment!.id, itemCode: s.code, value: Math.min(7, Math.max(1, Math.round(4 + random.normal()))), notObserved: false })),
        ]);
      } else {
        const links = await mintLinks(tx, options.tenantId, [assignment!.id]);
        const entry = invitations.get(rater.person.email) ?? { name: rater.person.name, items: [] };
        entry.items.push({ participantName: participant.name, group: rater.group, link: `${options.publicUrl}/r/${links.get(assignment!.id)}` });
        invitations.set(rater.person.email, entry);
      }
    }
  }
  for (const [email, invite] of invitations) {
    await queueMail(tx, { tenantId: options.tenantId, to: email, ...invitationToRate(open!, invite.name, invite.items) }, false);
  }
}

