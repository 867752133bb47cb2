import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.ts';
import { SESSION_COOKIE } from '../http/session-hooks.ts';
import { authorize, ROLES } from '../policies/policies.ts';
import { MIN_PASSWORD_LENGTH } from '../security/passwords.ts';
import {
  acceptInvitation,
  describeInvitation,
  type AccountDeps,
  completePasswordReset,
  getUser,
  inviteUser,
  listUsers,
  logIn,
  logOut,
  requestPasswordReset,
} from './service.ts';

const emailSchema = z.email({ message: 'must be a valid email address' }).max(254);
const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(200, 'must be at most 200 characters');
const tokenSchema = z.string().min(20).max(200);
const roleSchema = z.enum(ROLES as [string, ...string[]]);

const sessionPayloadSchema = z.object({
  user: z.object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    roles: z.array(z.string()),
    isManager: z.boolean(),
  }),
  tenant: z.object({ id: z.uuid(), name: z.string(), slug: z.string() }),
  csrfToken: z.string(),
});

const userSummarySchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  roles: z.array(z.string()),
  status: z.enum(['active', 'invited', 'disabled']),
  createdAt: z.string(),
});

export interface AccountRoutesOptions {
  deps: AccountDeps;
  secureCookies: boolean;
  sessionTtlHours: number;
}

export const accountRoutes: FastifyPluginAsyncZod<AccountRoutesOptions> = async (app, options) => {
  const { deps } = options;

  function setSessionCookie(reply: FastifyReply, token: string): void {
    void reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: options.secureCookies,
      path: '/',
      maxAge: options.sessionTtlHours * 3600,
    });
  }

  app.get(
    '/api/session',
    {
      schema: {
        tags: ['accounts'],
        summary: 'The logged-in user, their organisation and the CSRF token; session is null when not logged in',
        response: { 200: z.object({ session: sessionPayloadSchema.nullable() }) },
      },
    },
    // Answers 200 either way: "not logged in" is a normal state for the app, not an error.
    async (request) => ({ session: request.sessionPayload }),
  );

  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['accounts'],
        summary: 'Log in with email and password',
        body: z.strictObject({ email: emailSchema, password: z.string().min(1).max(200) }),
        response: { 200: sessionPayloadSchema },
      },
    },
    async (request, reply) => {
      const { sessionToken, session } = await logIn(deps, request.body);
      setSessionCookie(reply, sessionToken);
      await recordAudit(deps.db, session.actor, 'auth.login');
      return session.payload;
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['accounts'], summary: 'End the current session' } },
    async (request, reply) => {
      if (request.sessionToken) await logOut(deps.db, request.sessionToken);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/auth/password-reset/request',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['accounts'],
        summary: 'Email a password reset link (always answers 202)',
        body: z.strictObject({ email: emailSchema }),
      },
    },
    async (request, reply) => {
      await requestPasswordReset(deps, request.body.email);
      return reply.status(202).send();
    },
  );

  app.post(
    '/api/auth/password-reset/complete',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['accounts'],
        summary: 'Set a new password with a reset token',
        body: z.strictObject({ token: tokenSchema, password: passwordSchema }),
      },
    },
    async (request, reply) => {
      await completePasswordReset(deps, request.body);
      return reply.status(204).send();
    },
  );

  // POST, not GET: the token stays out of URLs, logs and browser history.
  app.post(
    '/api/auth/invitations/describe',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['accounts'],
        summary: 'The invitation behind a token: the invited name, email and organisation',
        body: z.strictObject({ token: tokenSchema }),
        response: { 200: z.object({ name: z.string(), email: z.string(), organisation: z.string() }) },
      },
    },
    async (request) => describeInvitation(deps, request.body.token),
  );

  app.post(
    '/api/auth/invitations/accept',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['accounts'],
        summary: 'Accept an invitation: set name and password, and log in',
        body: z.strictObject({
          token: tokenSchema,
          name: z.string().trim().min(1, 'is required').max(200),
          password: passwordSchema,
        }),
        response: { 200: sessionPayloadSchema },
      },
    },
    async (request, reply) => {
      const { sessionToken, session } = await acceptInvitation(deps, request.body);
      setSessionCookie(reply, sessionToken);
      return session.payload;
    },
  );

  app.get(
    '/api/admin/users',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Accounts of the organisation',
        response: { 200: z.object({ users: z.array(userSummarySchema) }) },
      },
    },
    async (request) => {
      const actor = authorize(request.actor, 'users.read');
      return { users: await listUsers(deps.db, actor.tenantId) };
    },
  );

  app.get(
    '/api/admin/users/:userId',
    {
      schema: {
        tags: ['accounts'],
        summary: 'One account of the organisation',
        params: z.strictObject({ userId: z.uuid({ message: 'must be a user id (UUID)' }) }),
        response: { 200: z.object({ user: userSummarySchema }) },
      },
    },
    async (request) => {
      const actor = authorize(request.actor, 'users.read');
      return { user: await getUser(deps.db, actor.tenantId, request.params.userId) };
    },
  );

  app.post(
    '/api/admin/users/invitations',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Invite a person to create an account',
        body: z.strictObject({
          email: emailSchema,
          name: z.string().trim().min(1, 'is required').max(200),
          roles: z.array(roleSchema).min(1, 'choose at least one role'),
        }),
        response: { 201: z.object({ user: userSummarySchema }) },
      },
    },
    async (request, reply) => {
      const actor = authorize(request.actor, 'users.invite');
      const user = await inviteUser(deps, actor, {
        ...request.body,
        roles: [...new Set(request.body.roles)] as typeof actor.roles,
      });
      await recordAudit(deps.db, actor, 'user.invited', { type: 'user', id: user.id });
      return reply.status(201).send({ user });
    },
  );
};
