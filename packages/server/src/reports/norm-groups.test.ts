import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDefaultFramework } from '../frameworks/load-default-framework.ts';
import { ensureBuiltInFramework } from '../frameworks/store.ts';
import { DEMO_PASSWORD } from '../seed/demo-organisation.ts';
import { seedDemoIfEmpty } from '../seed/seed-demo.ts';
import { createTestTenant, TEST_PASSWORD } from '../testing/fixtures.ts';
import { createTestApp, TestClient, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
let admin: TestClient;
let cycles: { id: string; name: string; status: string }[];

beforeAll(async () => {
  t = await createTestApp();
  const framework = loadDefaultFramework();
  const frameworkVersionId = await ensureBuiltInFramework(t.database.db, framework);
  await seedDemoIfEmpty(t.database.db, { frameworkVersionId, document: framework, publicUrl: 'http://twofold.test' });
  admin = new TestClient(t.app);
  expect((await admin.logIn('admin@northwind.example', DEMO_PASSWORD)).statusCode).toBe(200);
  cycles = (await admin.get('/api/admin/cycles')).json().cycles;
}, 60_000);
afterAll(() => t.close());

describe('norm groups', () => {
  it('are built by the demo seed from the released cycle, with percentiles and reliability', async () => {
    const list = (await admin.get('/api/admin/norm-groups')).json().normGroups;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ name: 'Northwind 2026', cycles: [{ name: 'Spring 2026 leadership & management 360' }] });
    expect(list[0].size).toBeGreaterThanOrEqual(20);
    const { normGroup } = (await admin.get(`/api/admin/norm-groups/${list[0].id}`)).json();
    expect(normGroup.indices.leadership.n).toBe(list[0].size);
    expect(normGroup.indices.leadership.percentiles.map((p: { percentile: number }) => p.percentile)).toEqual([5, 10, 25, 50, 75, 90, 95]);
    const l1 = normGroup.competencies.find((c: { code: string }) => c.code === 'L1');
    expect(l1.reliability.alpha).toBeGreaterThan(0.5);
    expect(l1.percentiles[3].score).toBeGreaterThan(1);
    // Only quantiles leave the server, never the per-person sample.
    expect(JSON.stringify(normGroup)).not.toContain('"sorted"');
  });

  it('are named, with their size, in the reports built after them', async () => {
    const participant = new TestClient(t.app);
    await participant.logIn('participant@northwind.example', DEMO_PASSWORD);
    const [mine] = (await participant.get('/api/me/reports')).json().reports;
    const { report } = (await participant.get(`/api/reports/${mine.participantId}`)).json();
    expect(report.norms).toMatchObject({ name: 'Northwind 2026' });
    expect(report.competencies.some((c: { percentile: number | null }) => c.percentile !== null)).toBe(true);
  });

  it('refuse open cycles and too few people, naming the problem', async () => {
    const open = cycles.find((c) => c.status === 'collecting')!;
    const refused = await admin.post('/api/admin/norm-groups', { name: 'Mixed', cycleIds: [open.id] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.issues).toEqual([{ path: '/cycleIds/0', message: expect.stringContaining('is collecting') }]);
    expect((await admin.post('/api/admin/norm-groups', { name: '', cycleIds: [] })).statusCode).toBe(400);
  });

  it('give instrument health over their responses, and can be deleted', async () => {
    const released = cycles.find((c) => c.status === 'released')!;
    const created = await admin.post('/api/admin/norm-groups', { name: 'Second', cycleIds: [released.id] });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().normGroup.id;
    const health = (await admin.get(`/api/admin/norm-groups/${id}/instrument-health`)).json();
    expect(health.enough).toBe(true);
    expect(health.responses).toBeGreaterThan(100);
    expect(health.factorAnalysis.map((f: { nfactors: number }) => f.nfactors)).toEqual([2, 3]);
    expect((await admin.request({ method: 'DELETE', url: `/api/admin/norm-groups/${id}` })).statusCode).toBe(204);
    expect((await admin.get(`/api/admin/norm-groups/${id}`)).statusCode).toBe(404);
  });

  it('stay inside their organisation and away from non-admins', async () => {
    const [group] = (await admin.get('/api/admin/norm-groups')).json().normGroups;
    const other = await createTestTenant(t.database.db, 'norms-other');
    const stranger = new TestClient(t.app);
    await stranger.logIn(other.admin.email, TEST_PASSWORD);
    expect((await stranger.get(`/api/admin/norm-groups/${group.id}`)).statusCode).toBe(404);
    expect((await stranger.get('/api/admin/norm-groups')).json().normGroups).toEqual([]);
    const participant = new TestClient(t.app);
    await participant.logIn('participant@northwind.example', DEMO_PASSWORD);
    expect((await participant.get('/api/admin/norm-groups')).statusCode).toBe(403);
  });
});
