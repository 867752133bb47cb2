import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../db/client.ts';
import { authorize, requireActor } from '../policies/policies.ts';
import { listVisibleReports, releaseParticipant, viewReport } from './service.ts';

export const reportRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  const participantParams = z.strictObject({ participantId: z.uuid({ message: 'must be a participant id (UUID)' }) });

  app.get('/api/me/reports', { schema: { tags: ['reports'], summary: 'Released reports I may read: mine, my coachees\', my direct reports\' (if allowed)' } }, async (request) => {
    const actor = requireActor(request.actor);
    return { reports: await listVisibleReports(db, actor) };
  });

  app.get(
    '/api/reports/:participantId',
    { schema: { tags: ['reports'], summary: 'One individual report, with every confidentiality rule applied', params: participantParams } },
    async (request) => {
      const actor = requireActor(request.actor);
      return viewReport(db, actor, request.params.participantId, 'api');
    },
  );

  app.post(
    '/api/admin/cycles/:cycleId/participants/:participantId/release',
    {
      schema: {
        tags: ['reports'],
        summary: 'Release one participant\'s report ahead of the cycle',
        params: z.strictObject({ cycleId: z.uuid(), participantId: z.uuid() }),
      },
    },
    async (request) => {
      const actor = authorize(request.actor, 'cycles.write');
      await releaseParticipant(db, actor, request.params.cycleId, request.params.participantId);
      return { released: true };
    },
  );
};
