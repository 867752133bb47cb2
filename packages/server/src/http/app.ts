import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from 'helmet';
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
  // Security headers. The helmet middleware is built once here: @fastify/helmet rebuilds it
  // (and re-parses the CSP) on every request, which cost ~4% of the answer-save hot path.
  const secureHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'style-src': ["'self'", "'unsafe-inline'"],
        'script-src': ["'self'"],
        // Only ask browsers to upgrade when we are actually served over HTTPS.
        'upgrade-insecure-requests': config.secureCookies ? [] : null,
      },
    },
    strictTransportSecurity: config.secureCookies,
  });
  // API answers are data, never documents: they get the headers OWASP's REST cheat sheet
  // asks for (a CSP that allows nothing, no framing, nosniff, HSTS over HTTPS) and not the
  // document policies (COOP, COEP, …). Fewer headers on the hottest path, autosave.
  const apiSecureHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] } },
    frameguard: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
    strictTransportSecurity: config.secureCookies,
  });
  // One synchronous hook for both: every response, errors included, carries the request id
  // (for support) and the security headers.
  app.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    // Confidential data: no browser or proxy keeps a copy of any API answer.
    if (request.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');
    const headers = request.url.startsWith('/api/') ? apiSecureHeaders : secureHeaders;
    headers(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined));
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
  await app.register(cookie);

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

  installSessionHooks(app, { db: deps.db, publicUrl: config.publicUrl });

  const accountDeps = {
    db: deps.db,
    publicUrl: config.publicUrl,
    smtpConfigured: Boolean(config.smtpUrl),
    sessionTtlHours: config.sessionTtlHours,
  };
  await app.register(healthRoutes, { sql: deps.sql });
  await app.register(accountRoutes, {
    deps: accountDeps,
    secureCookies: config.secureCookies,
    sessionTtlHours: config.sessionTtlHours,
  });
  await app.register(mailRoutes, { db: deps.db });
  await app.register(peopleRoutes, { db: deps.db });
  await app.register(frameworkRoutes, { db: deps.db });
  await app.register(cycleRoutes, { deps: { db: deps.db, publicUrl: config.publicUrl, smtpConfigured: Boolean(config.smtpUrl) } });
  await app.register(reportRoutes, { db: deps.db, pdf: deps.pdf ?? null, jobs: deps.jobs, publicUrl: config.publicUrl, smtpConfigured: Boolean(config.smtpUrl) });
  await app.register(raterRoutes, { db: deps.db, ratePerMinute: config.raterRateLimitPerMinute });
  if (config.smtpUrl) {
    app.addHook('onResponse', (request, _reply, done) => {
      // Mail queued by a request is delivered soon after it commits. Rater links never
      // queue mail, and autosave is the hottest path: no job for those.
      if (request.method !== 'GET' && !request.url.startsWith('/api/r/')) deps.jobs.notifyMailQueued();
      done();
    });
  }

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
