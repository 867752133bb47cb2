import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantIdColumn } from '../tenants/columns.ts';

/**
 * Transactional outbox: a message is written in the same transaction as the change that
 * caused it, then delivered by a job. Without SMTP configured it stays here (status
 * 'outbox') and the admin reads it in the app.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantIdColumn(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    // Messages that carry a secret link are still readable by the tenant's admin in the
    // outbox, which is the documented fallback when no SMTP server is configured.
    status: text('status', { enum: ['pending', 'sent', 'failed', 'outbox'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('outbox_tenant_created_idx').on(t.tenantId, t.createdAt), index('outbox_status_idx').on(t.status)],
);
