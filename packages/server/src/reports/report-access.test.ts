import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignments } from '../cycles/schema.ts';
import { seedAnsweredCycle } from '../testing/cycle-fixtures.ts';
import { createTestTenant, TEST_PASSWORD, type TestTenant } from '../testing/fixtures.ts';
import { createTestApp, TestClient, type TestApp } from '../testing/test-app.ts';
import { coachAssignments } from './schema.ts';

let t: TestApp;
let org: TestTenant;
let other: TestTenant;
let seeded: Awaited<ReturnType<typeof seedAnsweredCycle>>;

const client = async (email: string) => {
  const c = new TestClient(t.app);
  expect((await c.logIn(email, TEST_PASSWORD)).statusCode).toBe(200);
  return c;
};

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestTenant(t.database.db, 'rep');
  other = await createTestTenant(t.database.db, 'rep-other');
  seeded = await seedAnsweredCycle(t.database.db, org, [
    { group: 'self', value: 5, comment: 'My own note' },
    { group: 'manager', value: 4, comment: 'Manager says' },
    { group: 'peers', value: 3, comment: 'Peer A' },
    { group: 'peers', value: 3, comment: 'Peer B' },
    { group: 'peers', value: 4, comment: 'Peer C' },
    // Two direct reports: below k = 3, and with no other small group to pool with.
    { group: 'direct_reports', value: 1, comment: 'A lone report speaks' },
    { group: 'direct_reports', value: 1 },
  ]);
});
afterAll(() => t.close());

describe('individual report access and confidentiality through the API', () => {
  it('lets no one but an admin see a report before release', async () => {
    const participant = await client(org.participant.email);
    expect((await participant.get(`/api/reports/${seeded.participantId}`)).statusCode).toBe(404);
    const admin = await client(org.admin.email);
    const preview = await admin.get(`/api/reports/${seeded.participantId}`);
    expect(preview.statusCode).toBe(200);
    expect(preview.json().released).toBe(false);
  });

  it('withholds the small group everywhere, including in the all-raters figure', async () => {
    const admin = await client(org.admin.email);
    const body = (await admin.get(`/api/reports/${seeded.participantId}`)).json();
    const report = body.report;
    expect(report.responseCounts.groups.map((g: { key: string }) => g.key)).toEqual(['manager', 'peers']);
    expect(report.responseCounts.withheld).toBe(2);
    // All raters = manager 4 + peers 3, 3, 4 → 3.5; the direct reports' 1s would pull it down.
    expect(report.indices.allOthers.leadership).toBe(3.5);
    const text = JSON.stringify(body);
    expect(text).not.toContain('A lone report speaks');
    expect(text).not.toContain('Rater ');
    expect(text).not.toContain('rater0@');
  });

  it('releases to the participant and keeps the released figures when a rater is removed later', async () => {
    const admin = await client(org.admin.email);
    const release = await admin.post(`/api/admin/cycles/${seeded.cycleId}/participants/${seeded.participantId}/release`);
    expect(release.statusCode).toBe(200);
    // The participant is told, with a link to the report.
    const { outbox } = await import('../mail/schema.ts');
    const notices = (await t.database.db.select().from(outbox).where(eq(outbox.to, org.participant.email))).filter((m) => m.subject.startsWith('Your feedback report is ready'));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toContain(`/reports/${seeded.participantId}`);
    expect((await admin.post(`/api/admin/cycles/${seeded.cycleId}/participants/${seeded.participantId}/release`)).statusCode).toBe(200);
    expect((await t.database.db.select().from(outbox).where(eq(outbox.to, org.participant.email))).filter((m) => m.subject.startsWith('Your feedback report is ready'))).toHaveLength(1);
    const participant = await client(org.participant.email);
    const first = await participant.get(`/api/reports/${seeded.participantId}`);
    expect(first.statusCode).toBe(200);
    expect(first.json().released).toBe(true);
    const mine = await participant.get('/api/me/reports');
    expect(mine.json().reports).toEqual([expect.objectContaining({ participantId: seeded.participantId, relation: 'own' })]);

    // Differencing attack: remove one peer after release and read again.
    await t.database.db.delete(assignments).where(eq(assignments.id, seeded.assignmentIds[4]!));
    const second = await participant.get(`/api/reports/${seeded.participantId}`);
    expect(second.json().report).toEqual(first.json().report);
  });

  it('gives the CSV the same figures as the page, never more, and the same after a rater is removed', async () => {
    const participant = await client(org.participant.email);
    const page = (await participant.get(`/api/reports/${seeded.participantId}`)).json().report;
    const response = await participant.get(`/api/reports/${seeded.participantId}/csv`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="twofold-report-.*\.csv"/);
    const csv = response.body;
    const rows = (await import('csv-parse/sync')).parse(csv, { columns: true }) as { section: string; subject: string; source: string; value: string }[];
    const index = (subject: string, source: string) => Number(rows.find((r) => r.section === 'indices' && r.subject === subject && r.source === source)?.value);
    expect(index('leadership (1-5)', 'all others')).toBe(page.indices.allOthers.leadership);
    expect(index('management (1-5)', 'all others')).toBe(page.indices.allOthers.management);
    // Only the groups the page shows; the withheld direct reports appear nowhere.
    expect(new Set(rows.filter((r) => r.section === 'responses').map((r) => r.source))).toEqual(new Set(['', 'manager', 'peers']));
    expect(csv).not.toContain('A lone report speaks');
    expect(csv).not.toMatch(/direct/i);
    expect(csv).not.toContain('rater0@');
    expect(rows.filter((r) => r.section === 'comment').map((r) => r.value).sort()).toEqual(
      page.comments.map((c: { text: string }) => c.text).sort(),
    );
    // Every competency's all-raters figure equals the page's (both from the frozen snapshot).
    for (const competency of page.competencies as { code: string; name: string; allOthers: number | null }[]) {
      const row = rows.find((r) => r.section === 'competency' && r.subject === `${competency.code} ${competency.name}` && r.source === 'all others');
      expect(row?.value === '' ? null : Number(row?.value)).toBe(competency.allOthers);
    }
  });

  it('refuses the CSV to those who may not read the report', async () => {
    const manager = await client(org.manager.email);
    expect((await manager.get(`/api/reports/${seeded.participantId}/csv`)).statusCode).toBe(404);
    const stranger = await client(other.admin.email);
    expect((await stranger.get(`/api/reports/${seeded.participantId}/csv`)).statusCode).toBe(404);
    expect((await new TestClient(t.app).get(`/api/reports/${seeded.participantId}/csv`)).statusCode).toBe(401);
  });

  it('opens the report to an assigned coach only, and to the manager only when the cycle allows', async () => {
    const coach = await client(org.coach.email);
    expect((await coach.get(`/api/reports/${seeded.participantId}`)).statusCode).toBe(404);
    const [coachUser] = await t.database.db.select().from((await import('../accounts/schema.ts')).users).where(eq((await import('../accounts/schema.ts')).users.email, org.coach.email));
    await t.database.db.insert(coachAssignments).values({ tenantId: org.id, coachUserId: coachUser!.id, personId: org.participant.personId });
    expect((await coach.get(`/api/reports/${seeded.participantId}`)).statusCode).toBe(200);

    const manager = await client(org.manager.email);
    expect((await manager.get(`/api/reports/${seeded.participantId}`)).statusCode).toBe(404);
  });

  it('answers 404 to another organisation', async () => {
    const stranger = await client(other.admin.email);
    expect((await stranger.get(`/api/reports/${seeded.participantId}`)).statusCode).toBe(404);
  });

  it('gives admins instrument health only as aggregates, and refuses it from too few responses', async () => {
    const admin = await client(org.admin.email);
    const health = await admin.get(`/api/admin/cycles/${seeded.cycleId}/instrument-health`);
    expect(health.statusCode).toBe(200);
    // Six raters besides self, one removed by the differencing test above.
    expect(health.json()).toEqual({ responses: 5, enough: false, message: expect.stringContaining('at least 20') });
    const participant = await client(org.participant.email);
    expect((await participant.get(`/api/admin/cycles/${seeded.cycleId}/instrument-health`)).statusCode).toBe(403);
  });

  it('writes every view to the audit log', async () => {
    const { auditLog } = await import('../audit/schema.ts');
    const views = await t.database.db.select().from(auditLog).where(eq(auditLog.subjectId, seeded.participantId));
    expect(views.filter((v) => v.action.startsWith('report.viewed')).length).toBeGreaterThanOrEqual(4);
  });
});
