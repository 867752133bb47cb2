import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import type { Database } from '../db/client.ts';
import { NotFoundError } from '../http/errors.ts';
import { outbox } from './schema.ts';

export interface MailMessage {
  tenantId: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export type Executor = Pick<Database, 'insert' | 'select' | 'update' | 'delete' | 'execute'>;

/**
 * Records a message in the outbox, inside the caller's transaction, so that a message
 * exists exactly when the change that caused it was committed. With SMTP configured it is
 * 'pending' until the delivery job sends it; without SMTP it stays readable as 'outbox'.
 */
export async function queueMail(
  db: Executor,
  message: MailMessage,
  smtpConfigured: boolean,
): Promise<string> {
  const [row] = await db
    .insert(outbox)
    .values({ ...message, html: message.html ?? null, status: smtpConfigured ? 'pending' : 'outbox' })
    .returning({ id: outbox.id });
  if (!row) throw new Error('outbox insert returned no row');
  return row.id;
}

const MAX_ATTEMPTS = 5;

/**
 * Sends pending messages. Rows are claimed with SKIP LOCKED so several app instances can
 * run this at once without sending a message twice.
 */
export async function deliverPendingMail(
  db: Database,
  transport: Pick<Transporter, 'sendMail'>,
  from: string,
  batchSize = 50,
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (;;) {
    const delivered = await db.transaction(async (tx) => {
      const batch = await tx
        .select()
        .from(outbox)
        .where(and(eq(outbox.status, 'pending'), lt(outbox.attempts, MAX_ATTEMPTS)))
        .orderBy(asc(outbox.createdAt))
        .limit(batchSize)
        .for('update', { skipLocked: true });
      for (const message of batch) {
        try {
          await transport.sendMail({
            from,
            to: message.to,
            subject: message.subject,
            text: message.text,
            ...(message.html ? { html: message.html } : {}),
          });
          await tx
            .update(outbox)
            .set({ status: 'sent', sentAt: new Date(), attempts: message.attempts + 1 })
            .where(eq(outbox.id, message.id));
          sent += 1;
        } catch (error) {
          const attempts = message.attempts + 1;
          await tx
            .update(outbox)
            .set({
              attempts,
              lastError: String(error).slice(0, 500),
              status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
            })
            .where(eq(outbox.id, message.id));
          failed += 1;
        }
      }
      return batch.length;
    });
    if (delivered < batchSize) break;
  }
  return { sent, failed };
}

export interface OutboxEntry {
  id: string;
  to: string;
  subject: string;
  text: string;
  status: 'pending' | 'sent' | 'failed' | 'outbox';
  createdAt: string;
  sentAt: string | null;
}

function toEntry(row: typeof outbox.$inferSelect): OutboxEntry {
  return {
    id: row.id,
    to: row.to,
    subject: row.subject,
    text: row.text,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}

/** One message of the tenant; another tenant's id is reported as not found. */
export async function getOutboxMessage(db: Database, tenantId: string, id: string): Promise<OutboxEntry> {
  const [row] = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.tenantId, tenantId), eq(outbox.id, id)));
  if (!row) throw new NotFoundError('That message');
  return toEntry(row);
}

export async function listOutbox(db: Database, tenantId: string, limit = 200): Promise<OutboxEntry[]> {
  const rows = await db
    .select()
    .from(outbox)
    .where(eq(outbox.tenantId, tenantId))
    .orderBy(desc(outbox.createdAt), desc(sql`${outbox.id}`))
    .limit(limit);
  return rows.map(toEntry);
}
