import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../db/client.ts';
import { authorize, requireActor } from '../policies/policies.ts';
import { ConflictError } from '../http/errors.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { downloadReportExport, getReportExport, listReportExports, requestReportExport, runReportExport } from './bulk-export.ts';
import type { PdfRenderer } from './pdf-renderer.ts';
import { organisationAnalytics, presentAnalyticsCsv, teamReport } from './analytics-service.ts';
import { createNormGroup, deleteNormGroup, getNormGroup, listNormGroups, normGroupInstrumentHealth } from './norm-groups.ts';
import { presentReportCsv } from './present-report-csv.ts';
import { cycleInstrumentHealth, listVisibleReports, releaseParticipant, viewReport } from './service.ts';

export const reportRoutes: FastifyPluginAsyncZod<{ db: Database; pdf: PdfRenderer | null; jobs: JobQueue; publicUrl: string; smtpConfigured: boolean }> = async (
  app,
  { db, pdf, jobs, publicUrl, smtpConfigured },
) => {
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

  app.get(
    '/api/reports/:participantId/pdf',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags: ['reports'], summary: 'The individual report as a PDF (the same page, printed)', params: participantParams },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      // Checks access (404 otherwise) and logs the download before any rendering.
      const view = await viewReport(db, actor, request.params.participantId, 'pdf');
      if (!pdf) throw new ConflictError('PDF rendering is not available on this server.');
      const file = await pdf.renderReport({ sessionToken: request.sessionToken!, participantId: request.params.participantId });
      const name = `twofold-report-${view.report.participantName.replaceAll(/[^\w]+/g, '-').toLowerCase()}.pdf`;
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${name}"`).send(file);
    },
  );

  app.get(
    '/api/reports/:participantId/csv',
    { schema: { tags: ['reports'], summary: 'The individual report as CSV: the same figures as the page, one per row', params: participantParams } },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const view = await viewReport(db, actor, request.params.participantId, 'csv');
      const name = `twofold-report-${view.report.participantName.replaceAll(/[^\w]+/g, '-').toLowerCase()}.csv`;
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(presentReportCsv(view.report));
    },
  );

  app.get(
    '/api/admin/cycles/:cycleId/instrument-health',
    {
      schema: {
        tags: ['reports'],
        summary: 'Reliability (α, ω), item–rest correlations, not-observed rates and EFA with 2 and 3 factors over a cycle\'s responses',
        params: z.strictObject({ cycleId: z.uuid({ message: 'must be a cycle id (UUID)' }) }),
      },
    },
    async (request) => {
      const actor = authorize(request.actor, 'cycles.read');
      return cycleInstrumentHealth(db, actor.tenantId, request.params.cycleId);
    },
  );

  const optionalId = z.uuid({ message: 'must be a cycle id (UUID)' }).optional();
  const filterText = z.string().trim().min(1).max(200).optional();
  const analyticsQuery = z.strictObject({ cycleId: optionalId, compareCycleId: optionalId, department: filterText, level: filterText, location: filterText });

  app.get(
    '/api/my-team/report',
    {
      schema: {
        tags: ['reports'],
        summary: 'My team (everyone below me) in a released cycle: quadrants, mean L and M, competencies by part of the team; nothing from fewer than 5 people',
        querystring: z.strictObject({ cycleId: optionalId }),
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      return teamReport(db, actor, request.query.cycleId);
    },
  );

  app.get(
    '/api/admin/analytics',
    { schema: { tags: ['reports'], summary: 'Organisation analytics for a released cycle, filtered by department, level and location, with a trend against another cycle', querystring: analyticsQuery } },
    async (request) => {
      const actor = authorize(request.actor, 'analytics.read');
      return organisationAnalytics(db, actor, request.query);
    },
  );

  app.get(
    '/api/admin/analytics.csv',
    { schema: { tags: ['reports'], summary: 'The same analytics as CSV (withheld cells marked, never filled)', querystring: analyticsQuery } },
    async (request, reply) => {
      const actor = authorize(request.actor, 'analytics.read');
      const view = await organisationAnalytics(db, actor, request.query, 'csv');
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="twofold-analytics.csv"').send(presentAnalyticsCsv(view));
    },
  );

  const cycleParams = z.strictObject({ cycleId: z.uuid({ message: 'must be a cycle id (UUID)' }) });
  const exportParams = z.strictObject({ exportId: z.uuid({ message: 'must be an export id (UUID)' }) });
  app.post(
    '/api/admin/cycles/:cycleId/report-exports',
    { schema: { tags: ['reports'], summary: 'Start a background job that prints every released report of the cycle into one zip (202; poll for progress)', params: cycleParams } },
    async (request, reply) => {
      const actor = authorize(request.actor, 'cycles.read');
      const started = await requestReportExport(db, actor, request.params.cycleId, { printable: pdf !== null });
      // Instances that run no jobs print in this process, in the background.
      if (!(await jobs.requestReportExport(started.id)) && pdf) void runReportExport(db, pdf, started.id);
      return reply.status(202).send({ export: started });
    },
  );

  app.get(
    '/api/admin/cycles/:cycleId/report-exports',
    { schema: { tags: ['reports'], summary: 'The latest bulk PDF exports of a cycle, with progress', params: cycleParams } },
    async (request) => {
      const actor = authorize(request.actor, 'cycles.read');
      return { exports: await listReportExports(db, actor.tenantId, request.params.cycleId) };
    },
  );

  app.get(
    '/api/admin/report-exports/:exportId',
    { schema: { tags: ['reports'], summary: 'Progress of a bulk PDF export', params: exportParams } },
    async (request) => {
      const actor = authorize(request.actor, 'cycles.read');
      return { export: await getReportExport(db, actor.tenantId, request.params.exportId) };
    },
  );

  app.get(
    '/api/admin/report-exports/:exportId/download',
    { schema: { tags: ['reports'], summary: 'Download a finished bulk PDF export (zip)', params: exportParams } },
    async (request, reply) => {
      const actor = authorize(request.actor, 'cycles.read');
      const { file, name } = await downloadReportExport(db, actor, request.params.exportId);
      return reply.type('application/zip').header('content-disposition', `attachment; filename="${name}"`).send(file);
    },
  );

  const normGroupParams = z.strictObject({ normGroupId: z.uuid({ message: 'must be a norm group id (UUID)' }) });
  app.get('/api/admin/norm-groups', { schema: { tags: ['norms'], summary: 'Norm groups, newest first (reports use the newest)' } }, async (request) => {
    const actor = authorize(request.actor, 'analytics.read');
    return { normGroups: await listNormGroups(db, actor.tenantId) };
  });

  app.post(
    '/api/admin/norm-groups',
    {
      schema: {
        tags: ['norms'],
        summary: 'Build a norm group from closed cycles (at least 20 people with reportable results)',
        body: z.strictObject({
          name: z.string().trim().min(1, 'is empty').max(120),
          cycleIds: z.array(z.uuid({ message: 'must be a cycle id (UUID)' })).min(1, 'choose at least one closed cycle').max(50),
        }),
      },
    },
    async (request, reply) => {
      const actor = authorize(request.actor, 'norms.write');
      return reply.status(201).send({ normGroup: await createNormGroup(db, actor, request.body) });
    },
  );

  app.get(
    '/api/admin/norm-groups/:normGroupId',
    { schema: { tags: ['norms'], summary: 'One norm group: size, cycles, percentiles per competency and index, reliability', params: normGroupParams } },
    async (request) => {
      const actor = authorize(request.actor, 'analytics.read');
      return { normGroup: await getNormGroup(db, actor.tenantId, request.params.normGroupId) };
    },
  );

  app.delete(
    '/api/admin/norm-groups/:normGroupId',
    { schema: { tags: ['norms'], summary: 'Delete a norm group (released reports keep the norms they were built with)', params: normGroupParams } },
    async (request, reply) => {
      const actor = authorize(request.actor, 'norms.write');
      await deleteNormGroup(db, actor, request.params.normGroupId);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/admin/norm-groups/:normGroupId/instrument-health',
    { schema: { tags: ['norms'], summary: 'α, ω, item–rest r, not-observed rates and EFA over a norm group\'s responses', params: normGroupParams } },
    async (request) => {
      const actor = authorize(request.actor, 'analytics.read');
      return normGroupInstrumentHealth(db, actor.tenantId, request.params.normGroupId);
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
      await releaseParticipant(db, actor, request.params.cycleId, request.params.participantId, { publicUrl, smtpConfigured });
      return { released: true };
    },
  );
};
