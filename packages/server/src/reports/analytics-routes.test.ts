import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDefaultFramework } from '../frameworks/load-default-framework.ts';
import { ensureBuiltInFramework } from '../frameworks/store.ts';
import { DEMO_PASSWORD } from '../seed/demo-organisation.ts';
import { seedDemoIfEmpty } from '../seed/seed-demo.ts';
import { createTestTenant, TEST_PASSWORD } from '../testing/fixtures.ts';
import { createTestApp, TestClient, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
const as = async (email: string, password = DEMO_PASSWORD) => {
  const client = new TestClient(t.app);
  expect((await client.logIn(email, password)).statusCode).toBe(200);
  return client;
};
type Row = { section: string; subject: string; measure: string; value: string };
const csvRows = (body: string) => parse(body, { columns: true }) as Row[];

beforeAll(async () => {
  t = await createTestApp();
  const framework = loadDefaultFramework();
  const frameworkVersionId = await ensureBuiltInFramework(t.database.db, framework);
  await seedDemoIfEmpty(t.database.db, { frameworkVersionId, document: framework, publicUrl: 'http://twofold.test' });
}, 60_000);
afterAll(() => t.close());

describe('organisation analytics through the API', () => {
  it('shows the released demo cycle, with every department under 5 people withheld and its complement too', async () => {
    const admin = await as('admin@northwind.example');
    const view = (await admin.get('/api/admin/analytics')).json();
    expect(view.cycle.name).toBe('Spring 2026 leadership & management 360');
    const { summary, byDepartment } = view.result;
    expect(summary.n).toBeGreaterThanOrEqual(20);
    expect(summary.leadership.mean).toBeGreaterThan(1);
    const shown = byDepartment.filter((d: { competencies: unknown }) => d.competencies !== null);
    const hidden = byDepartment.filter((d: { competencies: unknown }) => d.competencies === null);
    expect(shown.every((d: { n: number }) => d.n >= 5)).toBe(true);
    expect(hidden.length).toBeGreaterThan(0); // Finance has 2 people
    // What the total minus the shown departments leaves is never 1–4 people.
    const left = summary.n - shown.reduce((sum: number, d: { n: number }) => sum + d.n, 0);
    expect(left === 0 || left >= 5).toBe(true);
    expect(JSON.stringify(view)).not.toMatch(/@northwind|"personId"/);
  });

  it('withholds a filter that isolates a few people, in JSON and in CSV alike', async () => {
    const admin = await as('admin@northwind.example');
    const finance = (await admin.get('/api/admin/analytics?department=Finance')).json();
    expect(finance.result.showable).toBe(false);
    expect(finance.result.summary).toBeNull();
    const csv = await admin.get('/api/admin/analytics.csv?department=Finance');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows = csvRows(csv.body);
    expect(rows.filter((r) => r.section === 'index' || r.section === 'competency')).toEqual([]);
    expect(rows.some((r) => r.subject === 'withheld')).toBe(true);
    const seniors = (await admin.get(`/api/admin/analytics?level=${encodeURIComponent('Senior manager')}`)).json();
    expect(seniors.result.showable).toBe(false);
    // Operations is shown; Operations team members differ from it by its 3 managers, so
    // showing both would let one subtract the managers' figures: the nested view is withheld.
    const operations = (await admin.get('/api/admin/analytics?department=Operations')).json();
    expect(operations.result.showable).toBe(true);
    const members = (await admin.get(`/api/admin/analytics?department=Operations&level=${encodeURIComponent('Team member')}`)).json();
    expect(operations.result.summary.n - 3).toBe(members.result.showable ? members.result.summary.n : operations.result.summary.n - 3);
    expect(members.result.showable).toBe(false);
  });

  it('gives the CSV the same figures as the page', async () => {
    const admin = await as('admin@northwind.example');
    const view = (await admin.get('/api/admin/analytics?department=Operations')).json();
    expect(view.result.showable).toBe(true);
    const rows = csvRows((await admin.get('/api/admin/analytics.csv?department=Operations')).body);
    const value = (section: string, subject: string, measure: string) => rows.find((r) => r.section === section && r.subject === subject && r.measure === measure)?.value;
    expect(Number(value('index', 'leadership', 'mean'))).toBe(view.result.summary.leadership.mean);
    expect(Number(value('people', 'all', 'n'))).toBe(view.result.summary.n);
    for (const q of view.result.summary.quadrants.quadrants) expect(value('quadrant', q.quadrant, 'people')).toBe(q.count === null ? 'withheld' : String(q.count));
  });

  it('refuses bad filters with 400 and other ids with 404, and is for admins only', async () => {
    const admin = await as('admin@northwind.example');
    expect((await admin.get('/api/admin/analytics?cycleId=nope')).statusCode).toBe(400);
    expect((await admin.get('/api/admin/analytics?colour=red')).statusCode).toBe(400);
    expect((await admin.get('/api/admin/analytics?cycleId=00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const participant = await as('participant@northwind.example');
    expect((await participant.get('/api/admin/analytics')).statusCode).toBe(403);
    expect((await participant.get('/api/admin/analytics.csv')).statusCode).toBe(403);
    const other = await createTestTenant(t.database.db, 'analytics-other');
    const stranger = await as(other.admin.email, TEST_PASSWORD);
    const theirs = (await stranger.get('/api/admin/analytics')).json();
    expect(theirs.cycle).toBeNull();
    expect(theirs.cycles).toEqual([]);
  });
});

describe('team report through the API', () => {
  it('shows a manager their whole team and the parts of 5 or more', async () => {
    const manager = await as('manager@northwind.example');
    const view = (await manager.get('/api/my-team/report')).json();
    expect(view.result.showable).toBe(true);
    expect(view.result.summary.n).toBeGreaterThanOrEqual(10);
    for (const part of view.result.byTeam) expect(part.competencies === null || part.n >= 5).toBe(true);
    expect(view.result.byTeam.some((p: { competencies: unknown }) => p.competencies !== null)).toBe(true);
  });

  it('never breaks a team down into parts of one person', async () => {
    // Priya leads five people, each a part of one: the team shows, no part does.
    const priya = await as('participant@northwind.example');
    const view = (await priya.get('/api/my-team/report')).json();
    expect(view.result.summary.n).toBe(5);
    expect(view.result.byTeam).toHaveLength(5);
    expect(view.result.byTeam.every((p: { competencies: unknown; leadership: unknown }) => p.competencies === null && p.leadership === null)).toBe(true);
  });

  it('withholds a team of fewer than 5 with results', async () => {
    const coach = await as('coach@northwind.example');
    const view = (await coach.get('/api/my-team/report')).json();
    expect(view.result === null || view.result.showable === false).toBe(true);
  });
});
