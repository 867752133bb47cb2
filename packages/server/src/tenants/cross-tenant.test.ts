import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignments, cycleParticipants, cycles } from '../cycles/schema.ts';
import { queueMail } from '../mail/outbox.ts';
import { insertPublishedFramework } from '../testing/cycle-fixtures.ts';
import { outbox } from '../mail/schema.ts';
import { normGroups, reportExports } from '../reports/schema.ts';
import { createTestTenant, TEST_PASSWORD, type TestTenant } from '../testing/fixtures.ts';
import { createTestApp, TestClient, type TestApp } from '../testing/test-app.ts';

/**
 * Walks every registered route that takes an id, as an admin of tenant A holding tenant B's
 * ids, and expects 404 every time. A new route whose parameter this map does not know
 * fails the test, so new routes cannot skip the check.
 */
let t: TestApp;
let a: TestTenant;
let b: TestTenant;
const idsOfB = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  a = await createTestTenant(t.database.db, 'tenant-a');
  b = await createTestTenant(t.database.db, 'tenant-b');
  const messageId = await queueMail(t.database.db, { tenantId: b.id, to: b.admin.email, subject: 'B only', text: 'secret of B' }, false);
  const frameworkId = await insertPublishedFramework(t.database.db, b.id);
  const [cycle] = await t.database.db
    .insert(cycles)
    .values({ tenantId: b.id, name: 'B cycle', frameworkVersionId: frameworkId, deadline: new Date(Date.now() + 86_400_000), settings: { raterGroups: [{ group: 'peers', min: 0, max: 3 }], anonymity: { groupMinimum: 3, managerMinimum: 1, commentMinimum: 3 }, selfAssessment: true, managerApproval: false, reminderDaysBeforeDeadline: [] } })
    .returning();
  const [participant] = await t.database.db.insert(cycleParticipants).values({ tenantId: b.id, cycleId: cycle!.id, personId: b.participant.personId }).returning();
  const [assignment] = await t.database.db
    .insert(assignments)
    .values({ tenantId: b.id, cycleId: cycle!.id, participantId: participant!.id, raterGroup: 'self', raterEmail: b.participant.email, raterName: 'B' })
    .returning();
  idsOfB.set('userId', b.participant.id);
  idsOfB.set('cycleId', cycle!.id);
  idsOfB.set('participantId', participant!.id);
  idsOfB.set('assignmentId', assignment!.id);
  idsOfB.set('frameworkVersionId', frameworkId);
  idsOfB.set('messageId', messageId);
  idsOfB.set('personId', b.participant.personId);
  const [normGroup] = await t.database.db
    .insert(normGroups)
    .values({ tenantId: b.id, name: 'B norms', cycleIds: [cycle!.id], data: { competencies: {}, leadership: [], management: [], reliability: {} } })
    .returning();
  idsOfB.set('normGroupId', normGroup!.id);
  const [reportExport] = await t.database.db
    .insert(reportExports)
    .values({ tenantId: b.id, cycleId: cycle!.id, requestedBy: b.admin.id, status: 'done', total: 1, done: 1, file: Buffer.from('secret of B') })
    .returning();
  idsOfB.set('exportId', reportExport!.id);
});
afterAll(() => t.close());

// Routes that take no tenant ids: documentation assets, and rater links, whose token is
// itself the credential (tested in cycles/cycle-journey.test.ts).
const exempt = (url: string) => url.startsWith('/api/docs') || url.startsWith('/api/r/');

/**
 * A valid body for every id-taking route that has one, so the request passes validation
 * and reaches the tenant check. A new such route without a sample here fails the test.
 */
const soon = () => new Date(Date.now() + 5 * 86_400_000).toISOString();
const sampleBodies: Record<string, () => unknown> = {
  'POST /api/admin/cycles/:cycleId/participants': () => ({ personIds: [a.participant.personId] }),
  'POST /api/admin/cycles/:cycleId/transition': () => ({ to: 'nominating' }),
  'POST /api/admin/cycles/:cycleId/deadline': () => ({ deadline: soon() }),
  'POST /api/admin/cycles/:cycleId/reminders': () => undefined,
  'DELETE /api/admin/norm-groups/:normGroupId': () => undefined,
  'POST /api/admin/cycles/:cycleId/report-exports': () => undefined,
  'POST /api/admin/cycles/:cycleId/assignments/:assignmentId/resend': () => undefined,
  'POST /api/me/assignments/:assignmentId/link': () => undefined,
  'POST /api/admin/cycles/:cycleId/participants/:participantId/release': () => undefined,
  'POST /api/nominations/:participantId': () => ({ raters: [], submit: false }),
  'POST /api/admin/frameworks/:frameworkVersionId/drafts': () => ({}),
  'PUT /api/admin/people/:personId': () => ({ name: 'Mallory', email: 'mallory@a.example', managerEmployeeId: null, department: '', level: '', location: '' }),
  'PUT /api/admin/frameworks/:frameworkVersionId': () => ({ document: {} }),
  'POST /api/admin/frameworks/:frameworkVersionId/publish': () => undefined,
  'POST /api/admin/frameworks/:frameworkVersionId/retire': () => undefined,
  'DELETE /api/admin/frameworks/:frameworkVersionId': () => undefined,
  'POST /api/admin/frameworks/:frameworkVersionId/items-import': () => ({ csv: 'code,competency\n' }),
  'POST /api/nominations/:participantId/decisions': () => ({ decisions: [{ nominationId: '00000000-0000-4000-8000-000000000000', decision: 'approve' }] }),
};

describe('tenant isolation', () => {
  it('answers 404 to every id-taking route given another tenant\'s ids', async () => {
    const admin = new TestClient(t.app);
    expect((await admin.logIn(a.admin.email, TEST_PASSWORD)).statusCode).toBe(200);
    const withParams = t.routes.filter((r) => r.url.includes(':') && !exempt(r.url) && r.method !== 'HEAD');
    expect(withParams.length).toBeGreaterThan(0);
    const unknownParams: string[] = [];
    const missingBodies: string[] = [];
    for (const route of withParams) {
      const url = route.url.replace(/:(\w+)/g, (_m, name: string) => {
        const id = idsOfB.get(name);
        if (!id) unknownParams.push(`${route.method} ${route.url}: ${name}`);
        return id ?? 'missing';
      });
      if (unknownParams.length > 0) continue;
      const key = `${route.method} ${route.url}`;
      const sample = sampleBodies[key];
      if (route.method !== 'GET' && !sample) {
        missingBodies.push(key);
        continue;
      }
      const response = await admin.request({ method: route.method as 'GET', url, payload: sample?.() as object | undefined });
      expect.soft(response.statusCode, `${route.method} ${route.url}`).toBe(404);
      expect.soft(response.body).not.toContain('secret of B');
    }
    expect(unknownParams, 'routes whose id parameter the cross-tenant test does not know').toEqual([]);
    expect(missingBodies, 'routes that need a sample body in the cross-tenant test').toEqual([]);
  });

  it('lists only the own tenant in collections', async () => {
    const admin = new TestClient(t.app);
    await admin.logIn(a.admin.email, TEST_PASSWORD);
    const usersList = (await admin.get('/api/admin/users')).json().users as { email: string }[];
    expect(usersList.every((u) => u.email.endsWith('@tenant-a.example'))).toBe(true);
    const messages = (await admin.get('/api/admin/outbox')).json().messages as { to: string }[];
    expect(messages.some((m) => m.to === b.admin.email)).toBe(false);
    const stored = await t.database.db.select().from(outbox).where(eq(outbox.tenantId, b.id));
    expect(stored).toHaveLength(1);
  });
});
