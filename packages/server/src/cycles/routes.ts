import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.ts';
import { authorize, requireActor } from '../policies/policies.ts';
import { buildCycleSnapshots } from '../reports/service.ts';
import { ConflictError } from '../http/errors.ts';
import { searchDirectory } from './directory.ts';
import { sendDueReminders } from './reminders.ts';
import { defaultCycleSettings } from './cycle-rules.ts';
import { listMyAssignments, openMyAssignment } from './my-feedback.ts';
import { extendDeadline, getCycleProgress, resendInvitation } from './monitoring.ts';
import {
  addParticipants,
  createCycle,
  type CycleDeps,
  decideNominations,
  getCycleDetail,
  getCycleRow,
  getNominations,
  listCycles,
  listMyNominationTasks,
  nominationRoleOf,
  proposeNominations,
  transitionCycle,
} from './service.ts';
import { CYCLE_STATUSES, RATER_GROUPS } from './schema.ts';

const uuid = (what: string) => z.uuid({ message: `must be a ${what} id (UUID)` });
const isoDate = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time, e.g. 2026-12-31T17:00:00Z' });
const count = z.int().min(0).max(100);

const settingsSchema = z.strictObject({
  raterGroups: z
    .array(z.strictObject({ group: z.enum(RATER_GROUPS), min: count, max: count.min(1) }))
    .min(1)
    .refine((groups) => new Set(groups.map((g) => g.group)).size === groups.length, 'each rater group may appear once'),
  anonymity: z.strictObject({
    groupMinimum: z.int().min(2, 'must be at least 2 to protect raters').max(20),
    managerMinimum: z.int().min(1).max(20),
    commentMinimum: z.int().min(2, 'must be at least 2 to protect raters').max(20),
  }),
  selfAssessment: z.boolean(),
  managerApproval: z.boolean(),
  managerAccess: z.boolean().optional(),
  reminderDaysBeforeDeadline: z.array(z.int().min(1).max(60)).max(10),
});

const raterSchema = z.strictObject({
  group: z.enum(RATER_GROUPS),
  personId: uuid('person').optional(),
  email: z.email({ message: 'must be a valid email address' }).max(254).optional(),
  name: z.string().trim().min(1).max(200).optional(),
});

export const cycleRoutes: FastifyPluginAsyncZod<{ deps: CycleDeps }> = async (app, { deps }) => {
  const cycleParams = z.strictObject({ cycleId: uuid('cycle') });

  app.get('/api/admin/cycles', { schema: { tags: ['cycles'], summary: 'Cycles of the organisation with response counts' } }, async (request) => {
    const actor = authorize(request.actor, 'cycles.read');
    return { cycles: await listCycles(deps.db, actor.tenantId) };
  });

  app.get('/api/admin/cycles/defaults', { schema: { tags: ['cycles'], summary: 'Default settings for a new cycle' } }, async (request) => {
    authorize(request.actor, 'cycles.read');
    return { settings: defaultCycleSettings };
  });

  app.post(
    '/api/admin/cycles',
    {
      schema: {
        tags: ['cycles'],
        summary: 'Create a draft cycle',
        body: z.strictObject({
          name: z.string().trim().min(1, 'is required').max(200),
          frameworkVersionId: uuid('framework version'),
          deadline: isoDate,
          settings: settingsSchema,
          participantPersonIds: z.array(uuid('person')).max(100_000),
        }),
      },
    },
    async (request, reply) => {
      const actor = authorize(request.actor, 'cycles.write');
      const cycle = await createCycle(deps, actor, { ...request.body, deadline: new Date(request.body.deadline) });
      await recordAudit(deps.db, actor, 'cycle.created', { type: 'cycle', id: cycle.id });
      return reply.status(201).send({ cycle: await getCycleDetail(deps.db, actor.tenantId, cycle.id) });
    },
  );

  app.get('/api/admin/cycles/:cycleId', { schema: { tags: ['cycles'], summary: 'One cycle with its participants', params: cycleParams } }, async (request) => {
    const actor = authorize(request.actor, 'cycles.read');
    return { cycle: await getCycleDetail(deps.db, actor.tenantId, request.params.cycleId) };
  });

  app.post(
    '/api/admin/cycles/:cycleId/participants',
    { schema: { tags: ['cycles'], summary: 'Add participants', params: cycleParams, body: z.strictObject({ personIds: z.array(uuid('person')).min(1).max(100_000) }) } },
    async (request) => {
      const actor = authorize(request.actor, 'cycles.write');
      return { added: await addParticipants(deps, actor, request.params.cycleId, request.body.personIds) };
    },
  );

  app.post(
    '/api/admin/cycles/:cycleId/transition',
    {
      schema: {
        tags: ['cycles'],
        summary: 'Move the cycle on: nominating → collecting (links are emailed) → closed (answers frozen) → released',
        params: cycleParams,
        body: z.strictObject({ to: z.enum(CYCLE_STATUSES) }),
      },
    },
    async (request) => {
      const actor = authorize(request.actor, 'cycles.write');
      await transitionCycle(deps, actor, request.params.cycleId, request.body.to);
      // Reports are stored at release, so their figures never change afterwards.
      if (request.body.to === 'released') await buildCycleSnapshots(deps.db, actor.tenantId, request.params.cycleId);
      await recordAudit(deps.db, actor, `cycle.${request.body.to}`, { type: 'cycle', id: request.params.cycleId });
      return { cycle: await getCycleDetail(deps.db, actor.tenantId, request.params.cycleId) };
    },
  );

  app.get('/api/admin/cycles/:cycleId/progress', { schema: { tags: ['cycles'], summary: 'Response rates and who has not finished (never any answer)', params: cycleParams } }, async (request) => {
    const actor = authorize(request.actor, 'cycles.read');
    return getCycleProgress(deps.db, actor.tenantId, request.params.cycleId);
  });

  app.post(
    '/api/admin/cycles/:cycleId/deadline',
    { schema: { tags: ['cycles'], summary: 'Extend the deadline', params: cycleParams, body: z.strictObject({ deadline: isoDate }) } },
    async (request) => {
      const actor = authorize(request.actor, 'cycles.write');
      await extendDeadline(deps, actor, request.params.cycleId, new Date(request.body.deadline));
      return { cycle: await getCycleDetail(deps.db, actor.tenantId, request.params.cycleId) };
    },
  );

  app.post(
    '/api/admin/cycles/:cycleId/reminders',
    {
      schema: {
        tags: ['cycles'],
        summary: 'Send the reminders that are due now (the job also does this every 15 minutes); each reminder goes out once',
        params: cycleParams,
      },
    },
    async (request) => {
      const actor = authorize(request.actor, 'cycles.write');
      const cycle = await getCycleRow(deps.db, actor.tenantId, request.params.cycleId);
      if (cycle.status !== 'collecting') throw new ConflictError(`Reminders go out only while answers are collected; this cycle is ${cycle.status}.`);
      const { sent } = await sendDueReminders(deps.db, { publicUrl: deps.publicUrl, smtpConfigured: deps.smtpConfigured, cycleId: cycle.id });
      await recordAudit(deps.db, actor, 'cycle.reminders_sent', { type: 'cycle', id: cycle.id }, { sent });
      return { sent };
    },
  );

  app.post(
    '/api/admin/cycles/:cycleId/assignments/:assignmentId/resend',
    { schema: { tags: ['cycles'], summary: 'Email a rater a fresh link', params: z.strictObject({ cycleId: uuid('cycle'), assignmentId: uuid('assignment') }) } },
    async (request, reply) => {
      const actor = authorize(request.actor, 'cycles.write');
      await resendInvitation(deps, actor, request.params.cycleId, request.params.assignmentId);
      return reply.status(202).send({ resent: true });
    },
  );

  // ---- the organisation's directory, for choosing raters and participants ----
  app.get(
    '/api/directory',
    {
      schema: {
        tags: ['people'],
        summary: 'Search colleagues by name (name and department only), to nominate raters',
        querystring: z.strictObject({ q: z.string().max(100).optional() }),
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      return { people: await searchDirectory(deps.db, actor.tenantId, request.query.q ?? '') };
    },
  );

  // ---- my own feedback tasks ----
  app.get('/api/me/assignments', { schema: { tags: ['answering'], summary: 'Feedback I have been asked to give, my self-assessment included' } }, async (request) => {
    const actor = requireActor(request.actor);
    return { assignments: await listMyAssignments(deps.db, actor) };
  });

  app.post(
    '/api/me/assignments/:assignmentId/link',
    { schema: { tags: ['answering'], summary: 'A fresh personal link to answer one of my feedback requests', params: z.strictObject({ assignmentId: uuid('assignment') }) } },
    async (request) => {
      const actor = requireActor(request.actor);
      return openMyAssignment(deps.db, actor, request.params.assignmentId, deps.publicUrl);
    },
  );

  // ---- nominations: participant, manager, admin ----
  const participantParams = z.strictObject({ participantId: uuid('participant') });

  app.get('/api/me/nominations', { schema: { tags: ['nominations'], summary: 'My own nominations and those of my direct reports' } }, async (request) => {
    const actor = requireActor(request.actor);
    return listMyNominationTasks(deps.db, actor);
  });

  app.get('/api/nominations/:participantId', { schema: { tags: ['nominations'], summary: 'A participant\'s nominated raters', params: participantParams } }, async (request) => {
    const actor = requireActor(request.actor);
    const role = await nominationRoleOf(deps.db, actor, request.params.participantId);
    return { role, ...(await getNominations(deps.db, actor.tenantId, request.params.participantId)) };
  });

  app.post(
    '/api/nominations/:participantId',
    {
      schema: {
        tags: ['nominations'],
        summary: 'Propose raters (participant: replaces the proposal; manager/admin: adds approved raters)',
        params: participantParams,
        body: z.strictObject({ raters: z.array(raterSchema).max(100), submit: z.boolean() }),
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      await proposeNominations(deps, actor, request.params.participantId, request.body);
      return getNominations(deps.db, actor.tenantId, request.params.participantId);
    },
  );

  app.post(
    '/api/nominations/:participantId/decisions',
    {
      schema: {
        tags: ['nominations'],
        summary: 'Approve or reject proposed raters (manager or admin)',
        params: participantParams,
        body: z.strictObject({ decisions: z.array(z.strictObject({ nominationId: uuid('nomination'), decision: z.enum(['approve', 'reject']) })).min(1).max(100) }),
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      await decideNominations(deps, actor, request.params.participantId, request.body.decisions);
      return getNominations(deps.db, actor.tenantId, request.params.participantId);
    },
  );
};
