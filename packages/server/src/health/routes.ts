import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Sql } from '../db/client.ts';

/** Liveness answers while the process runs; readiness only while the database answers. */
export const healthRoutes: FastifyPluginAsyncZod<{ sql: Sql }> = async (app, { sql }) => {
  app.get(
    '/healthz',
    { config: { rateLimit: false }, schema: { tags: ['operations'], response: { 200: z.object({ status: z.literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    {
      config: { rateLimit: false },
      schema: {
        tags: ['operations'],
        response: { 200: z.object({ status: z.literal('ready') }), 503: z.object({ status: z.literal('unavailable'), reason: z.string() }) },
      },
    },
    async (_request, reply) => {
      try {
        await Promise.race([
          sql`select 1`,
          new Promise((_, reject) => setTimeout(() => reject(new Error('database timeout')), 2000)),
        ]);
        return { status: 'ready' as const };
      } catch (error) {
        return reply.status(503).send({ status: 'unavailable' as const, reason: String(error) });
      }
    },
  );
};
