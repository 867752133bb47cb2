import { index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';
import { tenants } from '../tenants/schema.ts';

/**
 * One row per framework version. The whole framework is a JSON document (validated by
 * validate-framework.ts); a published version never changes, so cycles can pin it.
 * `tenant_id` is null for the built-in default framework, which every tenant can read.
 */
export const frameworkVersions = pgTable(
  'framework_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').references(() => tenants.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    status: text('status', { enum: ['draft', 'published', 'retired'] }).notNull(),
    document: jsonb('document').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    unique('framework_versions_key_version_key').on(t.tenantId, t.key, t.version).nullsNotDistinct(),
    index('framework_versions_tenant_idx').on(t.tenantId),
  ],
);
