import { customType, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';
import { cycleParticipants, cycles } from '../cycles/schema.ts';
import { people } from '../people/schema.ts';
import { tenantIdColumn } from '../tenants/columns.ts';

/**
 * The released report of one participant, stored once and served unchanged ever after:
 * figures never change after release, so no later output can be subtracted from an
 * earlier one to isolate a rater.
 */
export const reportSnapshots = pgTable(
  'report_snapshots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantIdColumn(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => cycleParticipants.id, { onDelete: 'cascade' }),
    report: jsonb('report').notNull(),
    builtAt: timestamp('built_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('report_snapshots_participant_key').on(t.participantId), index('report_snapshots_cycle_idx').on(t.cycleId)],
);

/** Which coach works with which person; coaches see only their coachees' reports. */
export const coachAssignments = pgTable(
  'coach_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantIdColumn(),
    coachUserId: uuid('coach_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('coach_assignments_pair_key').on(t.coachUserId, t.personId)],
);

/** Norm groups built from closed cycles: percentiles and the quadrant cut come from here. */
export const normGroups = pgTable(
  'norm_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantIdColumn(),
    name: text('name').notNull(),
    cycleIds: uuid('cycle_ids').array().notNull(),
    /** Sorted samples and reliability per competency and index (see reports/norms.ts). */
    data: jsonb('data').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('norm_groups_tenant_idx').on(t.tenantId)],
);

/**
 * The figures of each released report that team and organisation views aggregate, one
 * compact row per participant, written with the snapshot (so they never change either).
 * Aggregating these instead of whole report documents keeps analytics fast at 50,000 people.
 */
export const reportResults = pgTable(
  'report_results',
  {
    participantId: uuid('participant_id')
      .primaryKey()
      .references(() => cycleParticipants.id, { onDelete: 'cascade' }),
    tenantId: tenantIdColumn(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    leadershipSelf: doublePrecision('leadership_self'),
    managementSelf: doublePrecision('management_self'),
    leadershipOthers: doublePrecision('leadership_others'),
    managementOthers: doublePrecision('management_others'),
    quadrant: text('quadrant'),
    /** Per competency code: [self, all raters], null where the report shows none. */
    competencies: jsonb('competencies').$type<Record<string, [number | null, number | null]>>().notNull(),
  },
  (t) => [index('report_results_tenant_cycle_idx').on(t.tenantId, t.cycleId), index('report_results_person_idx').on(t.personId)],
);

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * Bulk PDF exports of a cycle: a background job renders every released report and stores
 * one zip. Progress (done of total) is written as it goes, for the page to show. The file
 * lives in PostgreSQL with everything else, so any app instance can serve it.
 */
export const reportExports = pgTable(
  'report_exports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantIdColumn(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['queued', 'running', 'done', 'failed'] }).notNull().default('queued'),
    done: integer('done').notNull().default(0),
    total: integer('total').notNull().default(0),
    error: text('error'),
    file: bytea('file'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('report_exports_cycle_idx').on(t.cycleId)],
);
