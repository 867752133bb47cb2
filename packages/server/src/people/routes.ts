import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.ts';
import type { Database } from '../db/client.ts';
import { authorize } from '../policies/policies.ts';
import { exportPeopleCsv, importPeople, listPeople } from './service.ts';

const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;

export const peopleRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get('/api/admin/people', { schema: { tags: ['people'], summary: 'People of the organisation with their managers' } }, async (request) => {
    const actor = authorize(request.actor, 'people.read');
    return { people: await listPeople(db, actor.tenantId) };
  });

  app.post(
    '/api/admin/people/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['people'],
        summary: 'Import people from CSV, all or nothing; 400 csv_invalid lists every problem with line and column',
        body: z.strictObject({ csv: z.string().min(1, 'is empty') }),
      },
    },
    async (request) => {
      const actor = authorize(request.actor, 'people.write');
      const result = await importPeople(db, actor.tenantId, request.body.csv);
      await recordAudit(db, actor, 'people.imported', undefined, result);
      return result;
    },
  );

  app.get('/api/admin/people/export.csv', { schema: { tags: ['people'], summary: 'People as CSV, in the import format' } }, async (request, reply) => {
    const actor = authorize(request.actor, 'people.read');
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="people.csv"')
      .send(await exportPeopleCsv(db, actor.tenantId));
  });
};
