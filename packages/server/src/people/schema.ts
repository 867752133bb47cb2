import {
  type AnyPgColumn,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';
import { tenantIdColumn } from '../tenants/columns.ts';

/** The organisation's people, as imported by HR. Reporting lines make managers. */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantIdColumn(),
    employeeId: text('employee_id').notNull(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    managerId: uuid('manager_id').references((): AnyPgColumn => people.id, {
      onDelete: 'set null',
    }),
    department: text('department').notNull().default(''),
    level: text('level').notNull().default(''),
    location: text('location').notNull().default(''),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('people_tenant_employee_key').on(t.tenantId, t.employeeId),
    uniqueIndex('people_tenant_email_key').on(t.tenantId, t.email),
    index('people_manager_idx').on(t.managerId),
    uniqueIndex('people_user_key').on(t.userId),
  ],
);
