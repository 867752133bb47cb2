import { uuid } from 'drizzle-orm/pg-core';
import { tenants } from './schema.ts';

/** The tenant column every organisation-owned table carries; deleting a tenant deletes its rows. */
export function tenantIdColumn() {
  return uuid('tenant_id')
    .notNull()
    .references(() => tenants.id, { onDelete: 'cascade' });
}
