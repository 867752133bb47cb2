import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findSession, type SessionPayload } from '../accounts/service.ts';
import type { Database } from '../db/client.ts';
import type { Actor } from '../policies/policies.ts';
import { secretsEqual } from '../security/tokens.ts';
import { CsrfError } from './errors.ts';

export const SESSION_COOKIE = 'twofold_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionPayload: SessionPayload | null;
    sessionToken: string | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Loads the acting user from the session cookie, and checks CSRF on every state change:
 * with a session, the `x-csrf-token` header must match the session's token; without one
 * (log-in, password reset), the Origin header, when present, must be our own. Rater links
 * (their own secret in the URL, no cookie) are registered outside the scope these hooks run in.
 */
export function installSessionHooks(
  app: FastifyInstance,
  options: { db: Database; publicUrl: string },
): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionPayload', null);
  app.decorateRequest('sessionToken', null);
  const ownOrigin = new URL(options.publicUrl).origin;

  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await findSession(options.db, token);
    if (!session) return;
    request.actor = session.actor;
    request.sessionPayload = session.payload;
    request.sessionToken = token;
  });

  app.addHook('preHandler', async (request: FastifyRequest, _reply: FastifyReply) => {
    if (SAFE_METHODS.has(request.method) || !request.url.startsWith('/api/')) return;
    const origin = request.headers.origin;
    if (origin && origin !== ownOrigin && origin !== hostOrigin(request)) throw new CsrfError();
    if (request.sessionPayload) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !secretsEqual(header, request.sessionPayload.csrfToken)) {
        throw new CsrfError();
      }
    }
  });
}

function hostOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}
