import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { buildSurvey } from '../cycles/survey.ts';
import type { Database } from '../db/client.ts';
import { authorize } from '../policies/policies.ts';
import { diffFrameworks } from './diff-frameworks.ts';
import { frameworkJsonSchema } from './framework-document.ts';
import { presentItemsCsv } from './items-csv.ts';
import {
  createDraft,
  deleteDraft,
  documentOf,
  importFramework,
  importItemsCsv,
  presentFrameworkVersion,
  publishDraft,
  retireVersion,
  updateDraft,
} from './service.ts';
import { getFrameworkVersion, getPreviousVersion, listFrameworkVersions } from './store.ts';

const versionParams = z.strictObject({ frameworkVersionId: z.uuid({ message: 'must be a framework version id (UUID)' }) });
const IMPORT_BODY_LIMIT = 5 * 1024 * 1024;
// The document is checked by validateFrameworkDocument (zod plus the cross-field rules), so
// that every problem comes back with its path inside the document.
const documentBody = z.strictObject({
  document: z.unknown().describe('A framework document; its JSON Schema is at /api/frameworks/schema.json'),
});

function fileName(row: { key: string; version: number }, extension: string, suffix = ''): string {
  return `${row.key}-v${row.version}${suffix}.${extension}`;
}

/** Frameworks: admin-only and tenant-scoped; the built-in default is readable by all. */
export const frameworkRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get('/api/frameworks/schema.json', { schema: { tags: ['frameworks'], summary: 'The JSON Schema of a framework document' } }, async (_request, reply) =>
    reply.type('application/schema+json').send(JSON.stringify(frameworkJsonSchema(), null, 2)),
  );

  app.get('/api/admin/frameworks', { schema: { tags: ['frameworks'], summary: 'Framework versions this organisation can see, newest version first' } }, async (request) => {
    const actor = authorize(request.actor, 'frameworks.read');
    const rows = await listFrameworkVersions(db, actor.tenantId);
    return { frameworks: rows.map((row) => presentFrameworkVersion(row).framework) };
  });

  app.get(
    '/api/admin/frameworks/:frameworkVersionId',
    { schema: { tags: ['frameworks'], summary: 'One framework version with its whole JSON document', params: versionParams } },
    async (request) => {
      const actor = authorize(request.actor, 'frameworks.read');
      return presentFrameworkVersion(await getFrameworkVersion(db, actor.tenantId, request.params.frameworkVersionId));
    },
  );

  app.get(
    '/api/admin/frameworks/:frameworkVersionId/export.json',
    { schema: { tags: ['frameworks'], summary: 'Download a framework version as JSON (importable)', params: versionParams } },
    async (request, reply) => {
      const actor = authorize(request.actor, 'frameworks.read');
      const row = await getFrameworkVersion(db, actor.tenantId, request.params.frameworkVersionId);
      return reply
        .type('application/json')
        .header('content-disposition', `attachment; filename="${fileName(row, 'json')}"`)
        .send(JSON.stringify(documentOf(row), null, 2));
    },
  );

  app.get(
    '/api/admin/frameworks/:frameworkVersionId/items.csv',
    { schema: { tags: ['frameworks'], summary: 'Download the items as CSV, wording in every language', params: versionParams } },
    async (request, reply) => {
      const actor = authorize(request.actor, 'frameworks.read');
      const row = await getFrameworkVersion(db, actor.tenantId, request.params.frameworkVersionId);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName(row, 'csv', '-items')}"`)
        .send(presentItemsCsv(documentOf(row)));
    },
  );

  app.get(
    '/api/admin/frameworks/:frameworkVersionId/preview',
    {
      schema: {
        tags: ['frameworks'],
        summary: 'The survey exactly as a rater (or the participant, for the self form) would see it',
        params: versionParams,
        querystring: z.strictObject({
          form: z.enum(['rater', 'self']).optional(),
          language: z.string().max(10).optional(),
          name: z.string().trim().min(1).max(100).optional(),
        }),
      },
    },
    async (request) => {
      const actor = authorize(request.actor, 'frameworks.read');
      const row = await getFrameworkVersion(db, actor.tenantId, request.params.frameworkVersionId);
      const form = request.query.form ?? 'rater';
      const { valueRange: _unused, ...survey } = buildSurvey(documentOf(row), form, request.query.name ?? 'Alex Example', request.query.language);
      return { form, participantName: request.query.name ?? 'Alex Example', survey };
    },
  );

  app.get(
    '/api/admin/frameworks/:frameworkVersionId/diff',
    {
      schema: {
        tags: ['frameworks'],
        summary: 'What changed from another version (against; by default the previous version of the same framework) to this one',
        params: versionParams,
        querystring: z.strictObject({ against: z.uuid({ message: 'must be a framework version id (UUID)' }).optional() }),
      },
    },
    async (request) => {
      const actor = authorize(request.actor, 'frameworks.read');
      const after = await getFrameworkVersion(db, actor.tenantId, request.params.frameworkVersionId);
      const before = request.query.against
        ? await getFrameworkVersion(db, actor.tenantId, request.query.against)
        : await getPreviousVersion(db, actor.tenantId, after);
      return {
        before: presentFrameworkVersion(before).framework,
        after: presentFrameworkVersion(after).framework,
        diff: diffFrameworks(documentOf(before), documentOf(after)),
      };
    },
  );

  app.post(
    '/api/admin/frameworks/:frameworkVersionId/drafts',
    {
      schema: {
        tags: ['frameworks'],
        summary: 'Create a draft from a version: the next version of the same framework, or (with key and name) a new framework',
        params: versionParams,
        body: z.strictObject({
          key: z.string().regex(/^[a-z][a-z0-9-]{1,62}$/, 'must be lower-case letters, digits and dashes (2 to 63)').optional(),
          name: z.string().trim().min(1).max(200).optional(),
        }),
      },
    },
    async (request, reply) => {
      const actor = authorize(request.actor, 'frameworks.write');
      const row = await createDraft(db, actor, request.params.frameworkVersionId, request.body);
      return reply.status(201).send(presentFrameworkVersion(row));
    },
  );

  app.put(
    '/api/admin/frameworks/:frameworkVersionId',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: { tags: ['frameworks'], summary: 'Replace a draft\'s document; 400 lists every bad path and saves nothing; 409 for published versions', params: versionParams, body: documentBody },
    },
    async (request) => {
      const actor = authorize(request.actor, 'frameworks.write');
      return presentFrameworkVersion(await updateDraft(db, actor, request.params.frameworkVersionId, request.body.document));
    },
  );

  app.post(
    '/api/admin/frameworks/:frameworkVersionId/publish',
    { schema: { tags: ['frameworks'], summary: 'Publish a draft; from then on it never changes and cycles can use it', params: versionParams } },
    async (request) => {
      const actor = authorize(request.actor, 'frameworks.write');
      return presentFrameworkVersion(await publishDraft(db, actor, request.params.frameworkVersionId));
    },
  );

  app.post(
    '/api/admin/frameworks/:frameworkVersionId/retire',
    { schema: { tags: ['frameworks'], summary: 'Retire a published version: running cycles keep it, new cycles cannot choose it', params: versionParams } },
    async (request) => {
      const actor = authorize(request.actor, 'frameworks.write');
      return presentFrameworkVersion(await retireVersion(db, actor, request.params.frameworkVersionId));
    },
  );

  app.delete(
    '/api/admin/frameworks/:frameworkVersionId',
    { schema: { tags: ['frameworks'], summary: 'Delete a draft', params: versionParams } },
    async (request, reply) => {
      const actor = authorize(request.actor, 'frameworks.write');
      await deleteDraft(db, actor, request.params.frameworkVersionId);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/admin/frameworks/import',
    { bodyLimit: IMPORT_BODY_LIMIT, schema: { tags: ['frameworks'], summary: 'Import a framework JSON document as a draft; 400 lists every bad path and stores nothing', body: documentBody } },
    async (request, reply) => {
      const actor = authorize(request.actor, 'frameworks.write');
      return reply.status(201).send(presentFrameworkVersion(await importFramework(db, actor, request.body.document)));
    },
  );

  app.post(
    '/api/admin/frameworks/:frameworkVersionId/items-import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['frameworks'],
        summary: 'Replace a draft\'s items from CSV (the items.csv format), all or nothing; 400 csv_invalid names line and column',
        params: versionParams,
        body: z.strictObject({ csv: z.string().min(1, 'is empty') }),
      },
    },
    async (request) => {
      const actor = authorize(request.actor, 'frameworks.write');
      return presentFrameworkVersion(await importItemsCsv(db, actor, request.params.frameworkVersionId, request.body.csv));
    },
  );
};
