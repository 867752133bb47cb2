import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJobs, type JobQueue } from '../jobs/queue.ts';
import { createTestTenant, TEST_PASSWORD, type TestTenant } from '../testing/fixtures.ts';
import { startSmtpSink, waitFor } from '../testing/smtp-sink.ts';
import { createTestApp, TestClient, type TestApp } from '../testing/test-app.ts';
import { deliverPendingMail, queueMail } from './outbox.ts';
import { outbox } from './schema.ts';

let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let t: TestApp;
let jobs: JobQueue;
let org: TestTenant;

beforeAll(async () => {
  smtp = await startSmtpSink();
  // The app gets the real job queue (pg-boss on the test database) and real SMTP.
  const started: { queue?: JobQueue } = {};
  const lazyJobs: JobQueue = {
    notifyMailQueued: () => started.queue?.notifyMailQueued(),
    requestReportExport: async () => false,
    stop: async () => started.queue?.stop(),
  };
  t = await createTestApp({ SMTP_URL: smtp.url }, lazyJobs);
  jobs = await startJobs({
    databaseUrl: t.config.databaseUrl!,
    db: t.database.db,
    smtpUrl: smtp.url,
    mailFrom: 'Twofold <no-reply@twofold.test>',
    publicUrl: 'http://twofold.test',
    // This test sends mail only; a renderer that is never called.
    pdf: { renderReport: () => Promise.reject(new Error('no PDFs here')), close: async () => {} },
    log: () => {},
  });
  started.queue = jobs;
  org = await createTestTenant(t.database.db, 'mailco');
});
afterAll(async () => {
  await jobs.stop();
  await t.close();
  await smtp.stop();
});

describe('mail delivery through SMTP', () => {
  it('delivers an invitation through the job queue and marks it sent', async () => {
    const admin = new TestClient(t.app);
    await admin.logIn(org.admin.email, TEST_PASSWORD);
    const response = await admin.post('/api/admin/users/invitations', { email: 'smtp.person@mailco.example', name: 'Smtp Person', roles: ['participant'] });
    expect(response.statusCode).toBe(201);
    await waitFor(() => smtp.received.some((m) => m.to.includes('smtp.person@mailco.example')), 'the invitation email');
    const mail = smtp.received.find((m) => m.to.includes('smtp.person@mailco.example'))!;
    expect(mail.raw).toContain('Subject: You are invited to Twofold');
    expect(mail.raw).toMatch(/accept-invitation\?token=/);
    // The row is marked sent when the delivery transaction commits, just after the send.
    let status = '';
    const deadline = Date.now() + 10_000;
    while (status !== 'sent' && Date.now() < deadline) {
      const list = await admin.get('/api/admin/outbox');
      status = list.json().messages.find((m: { to: string }) => m.to === 'smtp.person@mailco.example').status;
      if (status !== 'sent') await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(status).toBe('sent');
  });

  it('sends each pending message once even when two deliveries run at the same time', async () => {
    for (let i = 0; i < 20; i += 1) {
      await queueMail(t.database.db, { tenantId: org.id, to: `bulk${i}@mailco.example`, subject: `Bulk ${i}`, text: 'hello' }, true);
    }
    const nodemailer = (await import('nodemailer')).default;
    const transport = nodemailer.createTransport(smtp.url);
    const [a, b] = await Promise.all([
      deliverPendingMail(t.database.db, transport, 'x@twofold.test', 5),
      deliverPendingMail(t.database.db, transport, 'x@twofold.test', 5),
    ]);
    await waitFor(() => smtp.received.filter((m) => m.to[0]?.startsWith('bulk')).length >= 20, 'bulk mail');
    const bulk = smtp.received.filter((m) => m.to[0]?.startsWith('bulk'));
    expect(new Set(bulk.map((m) => m.to[0])).size).toBe(20);
    expect(bulk).toHaveLength(20);
    expect(a.sent + b.sent).toBeLessThanOrEqual(20);
  });

  it('keeps a message pending and records the error when the SMTP server is down', async () => {
    const id = await queueMail(t.database.db, { tenantId: org.id, to: 'down@mailco.example', subject: 'Down', text: 'x' }, true);
    const nodemailer = (await import('nodemailer')).default;
    const broken = nodemailer.createTransport('smtp://127.0.0.1:1');
    // Claim only this message by delivering with a tiny batch after the others are sent.
    await deliverPendingMail(t.database.db, broken, 'x@twofold.test');
    const [row] = await t.database.db.select().from(outbox).where(eq(outbox.id, id));
    expect(row?.status).toBe('pending');
    expect(row?.attempts).toBe(1);
    expect(row?.lastError).toMatch(/ECONNREFUSED|connect/i);
  });
});
