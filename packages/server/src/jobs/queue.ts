import PgBoss from 'pg-boss';
import nodemailer from 'nodemailer';
import type { Database } from '../db/client.ts';
import { sendDueReminders } from '../cycles/reminders.ts';
import { deliverPendingMail } from '../mail/outbox.ts';
import { runReportExport } from '../reports/bulk-export.ts';
import type { PdfRenderer } from '../reports/pdf-renderer.ts';

/** What the app needs from the job system; tests pass a queue that does nothing. */
export interface JobQueue {
  notifyMailQueued: () => void;
  /** Queues a bulk PDF export; false when this process runs no jobs (the caller runs it). */
  requestReportExport: (exportId: string) => Promise<boolean>;
  stop: () => Promise<void>;
}

export const noJobs: JobQueue = { notifyMailQueued: () => {}, requestReportExport: async () => false, stop: async () => {} };

const MAIL_QUEUE = 'mail-deliver';
const EXPORT_QUEUE = 'report-export';
const REMINDER_QUEUE = 'cycle-reminders';

/**
 * Starts pg-boss on the app's database (schema `pgboss`): background work lives in
 * PostgreSQL, so app instances stay stateless and no extra broker is needed.
 */
export async function startJobs(options: {
  databaseUrl: string;
  db: Database;
  smtpUrl: string | undefined;
  mailFrom: string;
  publicUrl: string;
  pdf: PdfRenderer;
  log: (message: string, error?: unknown) => void;
}): Promise<JobQueue> {
  const boss = new PgBoss({ connectionString: options.databaseUrl, schema: 'pgboss', max: 4 });
  boss.on('error', (error) => options.log('job system error', error));
  await boss.start();
  await boss.createQueue(MAIL_QUEUE);

  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    await boss.work(MAIL_QUEUE, async () => {
      const result = await deliverPendingMail(options.db, transport, options.mailFrom);
      if (result.failed > 0) options.log(`mail delivery: ${result.failed} failed, will retry`);
    });
    // A safety net for messages whose notification was lost in a crash.
    await boss.schedule(MAIL_QUEUE, '* * * * *');
  }

  // Reminders: every 15 minutes, whichever instance gets the job sends what is due. The
  // reminders_sent table makes each (cycle, rater, slot) reminder go out once.
  await boss.createQueue(REMINDER_QUEUE);
  await boss.work(REMINDER_QUEUE, async () => {
    const { sent } = await sendDueReminders(options.db, { publicUrl: options.publicUrl, smtpConfigured: Boolean(options.smtpUrl) });
    if (sent > 0 && options.smtpUrl) await boss.send(MAIL_QUEUE, {});
  });
  await boss.schedule(REMINDER_QUEUE, '*/15 * * * *');

  // Bulk PDF exports: one at a time per instance, so printing never crowds out requests.
  await boss.createQueue(EXPORT_QUEUE);
  await boss.work<{ exportId: string }>(EXPORT_QUEUE, { batchSize: 1 }, async ([job]) => {
    if (job) await runReportExport(options.db, options.pdf, job.data.exportId);
  });

  return {
    notifyMailQueued: () => {
      if (!options.smtpUrl) return;
      // Coalesce bursts: one delivery run picks up every pending message.
      boss
        .send(MAIL_QUEUE, {}, { singletonKey: 'deliver', singletonSeconds: 1 })
        .catch((error: unknown) => options.log('could not queue mail delivery', error));
    },
    requestReportExport: async (exportId) => {
      await boss.send(EXPORT_QUEUE, { exportId }, { retryLimit: 0, expireInMinutes: 60 });
      return true;
    },
    stop: () => boss.stop({ graceful: true, timeout: 10_000 }),
  };
}
