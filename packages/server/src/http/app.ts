import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { accountRoutes } from '../accounts/routes.ts';
import type { AppConfig } from '../config/config.ts';
import type { Database, Sql } from '../db/client.ts';
import { cycleRoutes } from '../cycles/routes.ts';
import { frameworkRoutes } from '../frameworks/routes.ts';
import { raterRoutes } from '../cycles/rater-routes.ts';
import { healthRoutes } from '../health/routes.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { mailRoutes } from '../mail/routes.ts';
import { peopleRoutes } from '../people/routes.ts';
import type { PdfRenderer } from '../reports/pdf-renderer.ts';
import { reportRoutes } from '../reports/routes.ts';
import { installErrorHandler, sendNotFound } from './error-handler.ts';
import { buildSecurityHeaders } from './security-headers.ts';
import { installSessionHooks } from './session-hooks.ts';

export interface AppDeps {
  config: AppConfig;
  db: Database;
  sql: Sql;
  jobs: JobQueue;
  /** Renders report PDFs; absent in tests that do not listen on a port. */
  pdf?: PdfRenderer;
  /** Collects every registered route, for the cross-tenant test that walks them all. */
  onRoute?: (route: { method: string | string[]; url: string }) => void;
}

const BODY_LIMIT_BYTES = 1024 * 1024;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            // Never log secrets: cookies, CSRF tokens, rater links or bodies.
            redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.headers.authorization'],
            serializers: {
              req: (req: { method: string; url: string; id: string }) => ({
                method: req.method,
                url: req.url.replace(/\/api\/r\/[^/?]+/, '/api/r/[token]').replace(/token=[^&]+/, 'token=[redacted]'),
                id: req.id,
              }),
            },
          },
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    },
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Only JSON bodies: a cross-site HTML form cannot send them without a CORS preflight.
  app.removeContentTypeParser('text/plain');
  if (deps.onRoute) app.addHook('onRoute', deps.onRoute);

  installErrorHandler(app);
  // One synchronous hook: every response, errors included, carries the request id (for
  // support) and the security headers.
  const securityHeaders = buildSecurityHeaders({ https: config.secureCookies });
  app.addHook('onRequest', (request, reply, done) => {
    void reply.headers(request.url.startsWith('/api/') ? securityHeaders.api : securityHeaders.documents);
    void reply.header('x-request-id', request.id);
    done();
  });
  await app.register(rateLimit, {
    max: config.rateLimitPerMinute,
    timeWindow: '1 minute',
    errorResponseBuilder: (_request, context) => {
      const error = new Error(`Too many requests. Try again in ${context.after}.`) as Error & {
        statusCode: number;
      };
      error.statusCode = 429;
      return error;
    },
  });

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Twofold API',
        version: '0.1.0',
        description:
          'Leadership and management 360° feedback. Every state change needs the x-csrf-token header from GET /api/session.',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // Rater links carry their own secret in the URL: no cookie, no session, no CSRF token,
  // and none of their cost on autosave, the hottest path. Everything else runs in a scope
  // that reads the session cookie.
  await app.register(raterRoutes, { db: deps.db, ratePerMinute: config.raterRateLimitPerMinute });
  await app.register(async (withSession) => {
    await withSession.register(cookie);
    installSessionHooks(withSession, { db: deps.db, publicUrl: config.publicUrl });

    const accountDeps = {
      db: deps.db,
      publicUrl: config.publicUrl,
      smtpConfigured: Boolean(config.smtpUrl),
      sessionTtlHours: config.sessionTtlHours,
    };
    await withSession.register(healthRoutes, { sql: deps.sql });
    await withSession.register(accountRoutes, {
      deps: accountDeps,
      secureCookies: config.secureCookies,
      sessionTtlHours: config.sessionTtlHours,
    });
    await withSession.register(mailRoutes, { db: deps.db });
    await withSession.register(peopleRoutes, { db: deps.db });
    await withSession.register(frameworkRoutes, { db: deps.db });
    await withSession.register(cycleRoutes, { deps: { db: deps.db, publicUrl: config.publicUrl, smtpConfigured: Boolean(config.smtpUrl) } });
    await withSession.register(reportRoutes, { db: deps.db, pdf: deps.pdf ?? null, jobs: deps.jobs, publicUrl: config.publicUrl, smtpConfigured: Boolean(config.smtpUrl) });
    if (config.smtpUrl) {
      withSession.addHook('onResponse', (request, _reply, done) => {
        // Mail queued by a request is delivered soon after it commits (rater links, outside
        // this scope, never queue mail).
        if (request.method !== 'GET') deps.jobs.notifyMailQueued();
        done();
      });
    }
  });

  const webDist = config.webDistDir;
  const hasWeb = existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !hasWeb) {
      return reply.status(404).send(sendNotFound(request.url.split('?')[0] ?? request.url));
    }
    // The single-page app routes on the client; every other GET gets its shell.
    return reply.type('text/html').sendFile('index.html');
  });

  return app;
}
