import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../db/client.ts';
import { declineRequest, getRaterForm, saveAnswer, saveComment, submitFeedback } from './rater-service.ts';

/**
 * Rater endpoints: no account, the personal link's token is the credential. They get their
 * own, tighter rate limit per client address (autosave sends one request per answer).
 */
export const raterRoutes: FastifyPluginAsyncZod<{ db: Database; ratePerMinute: number }> = async (app, { db, ratePerMinute }) => {
  // No x-ratelimit-* headers while under the limit: the page never reads them, and autosave
  // is the hottest path we have. A 429 still says when to retry.
  const rateLimit = {
    max: ratePerMinute,
    timeWindow: '1 minute',
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
  };
  const tokenParams = z.strictObject({ token: z.string().min(1).max(200) });

  app.get('/api/r/:token', { config: { rateLimit }, schema: { tags: ['answering'], summary: 'The form behind a personal link, with saved answers', params: tokenParams } }, async (request) =>
    getRaterForm(db, request.params.token, new Date(), request.headers['accept-language']),
  );

  app.put(
    '/api/r/:token/answers/:itemCode',
    {
      config: { rateLimit },
      schema: {
        tags: ['answering'],
        summary: 'Save one answer (autosave)',
        params: z.strictObject({ token: z.string().min(1).max(200), itemCode: z.string().min(1).max(40) }),
        body: z.strictObject({ value: z.int().nullable(), notObserved: z.boolean() }),
      },
    },
    async (request, reply) => {
      await saveAnswer(db, request.params.token, request.params.itemCode, request.body);
      return reply.status(204).send();
    },
  );

  app.put(
    '/api/r/:token/comments/:questionCode',
    {
      config: { rateLimit },
      schema: {
        tags: ['answering'],
        summary: 'Save the answer to an open question',
        params: z.strictObject({ token: z.string().min(1).max(200), questionCode: z.string().min(1).max(40) }),
        body: z.strictObject({ text: z.string().max(4000, 'must be at most 4000 characters') }),
      },
    },
    async (request, reply) => {
      await saveComment(db, request.params.token, request.params.questionCode, request.body.text);
      return reply.status(204).send();
    },
  );

  app.post('/api/r/:token/submit', { config: { rateLimit }, schema: { tags: ['answering'], summary: 'Submit the feedback', params: tokenParams } }, async (request, reply) => {
    await submitFeedback(db, request.params.token);
    return reply.status(204).send();
  });

  app.post(
    '/api/r/:token/decline',
    { config: { rateLimit }, schema: { tags: ['answering'], summary: 'Decline to give feedback', params: tokenParams, body: z.strictObject({ reason: z.string().max(1000) }) } },
    async (request, reply) => {
      await declineRequest(db, request.params.token, request.body.reason);
      return reply.status(204).send();
    },
  );
};
