import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSession } from '../accounts/service.ts';
import { seedAnsweredCycle } from '../testing/cycle-fixtures.ts';
import { createTestTenant, TEST_PASSWORD, type TestTenant } from '../testing/fixtures.ts';
import { createTestApp, TestClient, type TestApp } from '../testing/test-app.ts';
import { runReportExport } from './bulk-export.ts';
import type { PdfRenderer } from './pdf-renderer.ts';

let t: TestApp;
let org: TestTenant;
let seeded: Awaited<ReturnType<typeof seedAnsweredCycle>>;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestTenant(t.database.db, 'bulk');
  seeded = await seedAnsweredCycle(t.database.db, org, [
    { group: 'self', value: 4 },
    { group: 'manager', value: 4 },
    { group: 'peers', value: 3 },
    { group: 'peers', value: 4 },
    { group: 'peers', value: 5 },
  ]);
  admin = new TestClient(t.app);
  await admin.logIn(org.admin.email, TEST_PASSWORD);
});
afterAll(() => t.close());

describe('bulk PDF export', () => {
  it('refuses a cycle with no released report, and needs a PDF renderer', async () => {
    const early = await admin.post(`/api/admin/cycles/${seeded.cycleId}/report-exports`);
    // This test app has no renderer (it does not listen on a port).
    expect(early.statusCode).toBe(409);
  });

  it('prints every released report through a short-lived session of the admin who asked, with progress, into one zip', async () => {
    expect((await admin.post(`/api/admin/cycles/${seeded.cycleId}/participants/${seeded.participantId}/release`)).statusCode).toBe(200);
    const { requestReportExport } = await import('./bulk-export.ts');
    const actor = (await findSession(t.database.db, admin.sessionToken!))!.actor;
    const started = await requestReportExport(t.database.db, actor, seeded.cycleId, { printable: true });
    expect(started).toMatchObject({ status: 'queued', total: 1, done: 0 });

    // The renderer is the seam to Chromium (tested end to end in e2e/feedback.e2e.ts); here
    // it checks whose session prints and that the session works while printing.
    const sessionsSeen: string[] = [];
    const renderer: PdfRenderer = {
      renderReport: async ({ sessionToken, participantId }) => {
        const session = await findSession(t.database.db, sessionToken);
        sessionsSeen.push(sessionToken);
        expect(session?.actor.userId).toBe(org.admin.id);
        return Buffer.from(`%PDF-1.7 report of ${participantId}`);
      },
      close: async () => {},
    };
    await runReportExport(t.database.db, renderer, started.id);

    const status = (await admin.get(`/api/admin/report-exports/${started.id}`)).json().export;
    expect(status).toMatchObject({ status: 'done', done: 1, total: 1 });
    const download = await admin.request({ method: 'GET', url: `/api/admin/report-exports/${started.id}/download` });
    expect(download.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(download.rawPayload));
    expect(Object.keys(files)).toHaveLength(1);
    expect(new TextDecoder().decode(Object.values(files)[0])).toBe(`%PDF-1.7 report of ${seeded.participantId}`);
    // The printing session is gone once the job ends.
    expect(await findSession(t.database.db, sessionsSeen[0]!)).toBeNull();
    // A second run of the same job does nothing.
    await runReportExport(t.database.db, { ...renderer, renderReport: () => Promise.reject(new Error('ran twice')) }, started.id);
    expect((await admin.get(`/api/admin/report-exports/${started.id}`)).json().export.status).toBe('done');
  });

  it('records a failure the admin can read, and keeps exports from other roles', async () => {
    const { requestReportExport } = await import('./bulk-export.ts');
    const actor = (await findSession(t.database.db, admin.sessionToken!))!.actor;
    const started = await requestReportExport(t.database.db, actor, seeded.cycleId, { printable: true });
    await runReportExport(t.database.db, { renderReport: () => Promise.reject(new Error('browser crashed')), close: async () => {} }, started.id);
    const status = (await admin.get(`/api/admin/report-exports/${started.id}`)).json().export;
    expect(status.status).toBe('failed');
    expect(status.error).toContain('browser crashed');
    expect((await admin.get(`/api/admin/report-exports/${started.id}/download`)).statusCode).toBe(409);
    const participant = new TestClient(t.app);
    await participant.logIn(org.participant.email, TEST_PASSWORD);
    expect((await participant.get(`/api/admin/report-exports/${started.id}`)).statusCode).toBe(403);
  });
});
