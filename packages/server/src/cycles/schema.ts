import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';
import { frameworkVersions } from '../frameworks/schema.ts';
import { people } from '../people/schema.ts';
import { tenantIdColumn } from '../tenants/columns.ts';

export const CYCLE_STATUSES = ['draft', 'nominating', 'collecting', 'closed', 'released'] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];

export const RATER_GROUPS = ['manager', 'peers', 'direct_reports', 'others'] as const;
export type RaterGroup = (typeof RATER_GROUPS)[number];

export interface CycleSettings {
  raterGroups: { group: RaterGroup; min: number; max: number }[];
  anonymity: { groupMinimum: number; managerMinimum: number; commentMinimum: number };
  selfAssessment: boolean;
  managerApproval: boolean;
  /** Whether managers may read their direct reports' released reports. */
  managerAccess?: boolean;
  /** Days before the deadline on which unfinished raters get a reminder. */
  reminderDaysBeforeDeadline: number[];
}

export const cycles = pgTable(
  'cycles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantIdColumn(),
    name: text('name').notNull(),
    frameworkVersionId: uuid('framework_version_id')
      .notNull()
      .references(() => frameworkVersions.id),
    status: text('status', { enum: CYCLE_STATUSES }).notNull().default('draft'),
    settings: jsonb('settings').$type<CycleSettings>().notNull(),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    releasedAt: timestamp('released_at', { withTimezone: true }),
  },
  (t) => [index('cycles_tenant_idx').on(t.tenantId)],
);

export const cycleParticipants = pgTable(
  'cycle_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantIdColumn(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    nominationStatus: text('nomination_status', { enum: ['open', 'submitted', 'approved'] })
      .notNull()
      .default('open'),
    releasedAt: timestamp('released_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('cycle_participants_cycle_person_key').on(t.cycleId, t.personId),
    index('cycle_participants_tenant_idx').on(t.tenantId),
  ],
);

export const nominations = pgTable(
  'nominations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantIdColumn(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => cycleParticipants.id, { onDelete: 'cascade' }),
    raterGroup: text('rater_group', { enum: RATER_GROUPS }).notNull(),
    raterPersonId: uuid('rater_person_id').references(() => people.id),
    raterEmail: text('rater_email').notNull(),
    raterName: text('rater_name').notNull(),
    status: text('status', { enum: ['proposed', 'approved', 'rejected'] }).notNull(),
    proposedBy: uuid('proposed_by').references(() => users.id, { onDelete: 'set null' }),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('nominations_participant_email_key').on(t.participantId, t.raterEmail),
    index('nominations_cycle_idx').on(t.cycleId),
  ],
);

/** One rater × participant pair (self-assessments included, as group 'self'). */
export const assignments = pgTable(
  'assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantIdColumn(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => cycleParticipants.id, { onDelete: 'cascade' }),
    raterGroup: text('rater_group', { enum: ['self', ...RATER_GROUPS] }).notNull(),
    raterEmail: text('rater_email').notNull(),
    raterName: text('rater_name').notNull(),
    raterPersonId: uuid('rater_person_id').references(() => people.id),
    status: text('status', { enum: ['not_started', 'in_progress', 'submitted', 'declined'] })
      .notNull()
      .default('not_started'),
    declineReason: text('decline_reason'),
    invitedAt: timestamp('invited_at', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('assignments_participant_rater_key').on(t.participantId, t.raterEmail),
    index('assignments_cycle_idx').on(t.cycleId, t.status),
  ],
);

/**
 * The personal links of an assignment. Only the SHA-256 of each link's token is stored, so
 * a reminder cannot repeat an old link: it mints a new one, and every link of the
 * assignment stays valid until the cycle closes.
 */
export const assignmentTokens = pgTable(
  'assignment_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id, { onDelete: 'cascade' }),
    tenantId: tenantIdColumn(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assignment_tokens_assignment_idx').on(t.assignmentId)],
);

/** Item answers: a value on the framework's scale, or "not observed" (value null). */
export const answers = pgTable(
  'answers',
  {
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id, { onDelete: 'cascade' }),
    itemCode: text('item_code').notNull(),
    value: smallint('value'),
    notObserved: boolean('not_observed').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.assignmentId, t.itemCode] }),
    check('answers_value_or_not_observed', sql`(${t.value} is null) = ${t.notObserved}`),
  ],
);

/** Answers to the open questions (keep / start / stop doing). */
export const comments = pgTable(
  'comments',
  {
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id, { onDelete: 'cascade' }),
    questionCode: text('question_code').notNull(),
    text: text('text').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.assignmentId, t.questionCode] })],
);

/**
 * Which reminder went to which rater: the unique key makes sending idempotent across
 * restarts and app instances (insert first; only the winner sends).
 */
export const remindersSent = pgTable(
  'reminders_sent',
  {
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    raterEmail: text('rater_email').notNull(),
    slot: text('slot').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
    assignmentCount: integer('assignment_count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.raterEmail, t.slot] })],
);
