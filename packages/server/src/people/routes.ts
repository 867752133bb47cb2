import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.ts';
import type { Database } from '../db/client.ts';
import { authorize } from '../policies/policies.ts';
import { exportPeopleCsv, importPeople, listPeople, resolveEmployeeIds, savePerson } from './service.ts';

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

  const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);
  const personFields = {
    name: text(200),
    email: text(200),
    managerEmployeeId: text(200).nullable(),
    department: text(200),
    level: text(200),
    location: text(200),
  };

  app.post(
    '/api/admin/people',
    {
      schema: {
        tags: ['people'],
        summary: 'Add one person (the same rules as the CSV import); 400 names each bad field',
        body: z.strictObject({ employeeId: text(200), ...personFields }),
      },
    },
    async (request, reply) => {
      const actor = authorize(request.actor, 'people.write');
      const saved = await savePerson(db, actor.tenantId, request.body);
      await recordAudit(db, actor, 'people.added', { type: 'person', id: saved.id });
      return reply.status(201).send({ id: saved.id });
    },
  );

  app.put(
    '/api/admin/people/:personId',
    {
      schema: {
        tags: ['people'],
        summary: 'Edit one person; the employee id never changes (re-imports match on it)',
        params: z.strictObject({ personId: z.uuid({ message: 'must be a person id (UUID)' }) }),
        body: z.strictObject(personFields),
      },
    },
    async (request) => {
      const actor = authorize(request.actor, 'people.write');
      const saved = await savePerson(db, actor.tenantId, { ...request.body, employeeId: '' }, request.params.personId);
      await recordAudit(db, actor, 'people.edited', { type: 'person', id: saved.id });
      return { id: saved.id };
    },
  );

  app.post(
    '/api/admin/people/resolve',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['people'],
        summary: 'The people a CSV of employee ids names (e.g. to choose cycle participants); 400 csv_invalid names each unknown id by line',
        body: z.strictObject({ csv: z.string().min(1, 'is empty') }),
      },
    },
    async (request) => {
      const actor = authorize(request.actor, 'people.read');
      return { people: await resolveEmployeeIds(db, actor.tenantId, request.body.csv) };
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
