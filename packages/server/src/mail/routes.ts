import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../db/client.ts';
import { authorize } from '../policies/policies.ts';
import { getOutboxMessage, listOutbox } from './outbox.ts';

const messageSchema = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  status: z.enum(['pending', 'sent', 'failed', 'outbox']),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

export const mailRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/admin/outbox',
    {
      schema: {
        tags: ['mail'],
        summary: 'Messages sent or waiting to be sent (the outbox, when no SMTP is configured)',
        response: {
          200: z.object({
            messages: z.array(messageSchema),
          }),
        },
      },
    },
    async (request) => {
      const actor = authorize(request.actor, 'outbox.read');
      return { messages: await listOutbox(db, actor.tenantId) };
    },
  );

  app.get(
    '/api/admin/outbox/:messageId',
    {
      schema: {
        tags: ['mail'],
        summary: 'One message of the outbox',
        params: z.strictObject({ messageId: z.uuid({ message: 'must be a message id (UUID)' }) }),
        response: { 200: z.object({ message: messageSchema }) },
      },
    },
    async (request) => {
      const actor = authorize(request.actor, 'outbox.read');
      return { message: await getOutboxMessage(db, actor.tenantId, request.params.messageId) };
    },
  );
};
