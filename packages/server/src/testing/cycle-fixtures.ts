import type { Database } from '../db/client.ts';
import { frameworkVersions } from '../frameworks/schema.ts';
import type { FrameworkDocumentForSurvey } from '../cycles/survey.ts';

const en = (text: string) => ({ en: text });

/** A small published framework (2 competencies × 2 items, 1 orientation scale, 1 open question). */
export const miniFramework: FrameworkDocumentForSurvey & { key: string; version: number; name: string } = {
  key: 'mini',
  version: 1,
  name: 'Mini framework',
  languages: ['en'],
  competencies: [
    { code: 'L1', capability: 'L', name: en('Vision') },
    { code: 'M1', capability: 'M', name: en('Planning') },
  ],
  items: [
    { code: 'L1.1', competency: 'L1', self: en('I explain where we are going.'), rater: en('{name} explains where we are going.') },
    { code: 'L1.2', competency: 'L1', self: en('I link tasks to the goal.'), rater: en('{name} links tasks to the goal.') },
    { code: 'M1.1', competency: 'M1', self: en('I plan the week.'), rater: en('{name} plans the week.') },
    { code: 'M1.2', competency: 'M1', self: en('I set deadlines.'), rater: en('{name} sets deadlines.') },
  ],
  responseScale: {
    points: [1, 2, 3, 4, 5].map((value) => ({ value, label: en(`Label ${value}`) })),
    notObserved: { allowed: true, label: en('Not observed') },
  },
  orientation: {
    points: 7,
    scales: [{ code: 'O1', contrast: 'focus', leftPole: en('Tasks'), rightPole: en('People'), self: en('My focus'), rater: en('Focus of {name}') }],
  },
  openQuestions: [{ code: 'keep', self: en('What should I keep doing?'), rater: en('What should {name} keep doing?') }],
};

export async function insertPublishedFramework(db: Database, tenantId: string | null = null): Promise<string> {
  const [row] = await db
    .insert(frameworkVersions)
    .values({ tenantId, key: `mini-${Math.random().toString(36).slice(2, 8)}`, version: 1, name: miniFramework.name, status: 'published', document: miniFramework, publishedAt: new Date() })
    .returning({ id: frameworkVersions.id });
  return row!.id;
}

/**
 * A closed cycle with one participant and submitted answers from the given raters, built
 * directly in the database. `values` maps a rater to the value they give every item.
 */
export async function seedAnsweredCycle(
  db: Database,
  tenant: { id: string; participant: { personId: string } },
  raters: { group: 'self' | 'manager' | 'peers' | 'direct_reports' | 'others'; value: number; comment?: string }[],
  options: { managerAccess?: boolean } = {},
) {
  const { cycles, cycleParticipants, assignments, answers, comments } = await import('../cycles/schema.ts');
  const frameworkId = await insertPublishedFramework(db, tenant.id);
  const [cycle] = await db
    .insert(cycles)
    .values({
      tenantId: tenant.id,
      name: 'Closed cycle',
      frameworkVersionId: frameworkId,
      status: 'closed',
      closedAt: new Date(),
      deadline: new Date(Date.now() - 86_400_000),
      settings: {
        raterGroups: [{ group: 'peers', min: 0, max: 10 }],
        anonymity: { groupMinimum: 3, managerMinimum: 1, commentMinimum: 3 },
        selfAssessment: true,
        managerApproval: false,
        managerAccess: options.managerAccess ?? false,
        reminderDaysBeforeDeadline: [],
      },
    })
    .returning();
  const [participant] = await db.insert(cycleParticipants).values({ tenantId: tenant.id, cycleId: cycle!.id, personId: tenant.participant.personId }).returning();
  const assignmentIds: string[] = [];
  for (const [n, rater] of raters.entries()) {
    const [assignment] = await db
      .insert(assignments)
      .values({ tenantId: tenant.id, cycleId: cycle!.id, participantId: participant!.id, raterGroup: rater.group, raterEmail: `rater${n}@x.example`, raterName: `Rater ${n}`, status: 'submitted', submittedAt: new Date(Date.now() - 3_600_000) })
      .returning();
    assignmentIds.push(assignment!.id);
    const codes = [...miniFramework.items.map((i) => i.code), 'O1'];
    await db.insert(answers).values(codes.map((itemCode) => ({ assignmentId: assignment!.id, itemCode, value: rater.value, notObserved: false, updatedAt: new Date(Date.now() - 3_600_000) })));
    if (rater.comment) await db.insert(comments).values({ assignmentId: assignment!.id, questionCode: 'keep', text: rater.comment });
  }
  return { cycleId: cycle!.id, participantId: participant!.id, assignmentIds };
}
