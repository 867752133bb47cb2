import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import {
  ConflictError,
  InvalidCredentialsError,
  InvalidTokenError,
  NotFoundError,
  TooManyAttemptsError,
} from '../http/errors.ts';
import { queueMail } from '../mail/outbox.ts';
import { people } from '../people/schema.ts';
import type { Actor, Role } from '../policies/policies.ts';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../security/passwords.ts';
import { generateToken, hashToken } from '../security/tokens.ts';
import { tenants } from '../tenants/schema.ts';
import { invitationEmail, passwordResetEmail } from './emails.ts';
import { lockoutRemainingSeconds, recordFailedLogin } from './lockout.ts';
import { accountTokens, sessions, users } from './schema.ts';

export interface AccountDeps {
  db: Database;
  publicUrl: string;
  smtpConfigured: boolean;
  sessionTtlHours: number;
  now?: () => Date;
}

export interface SessionPayload {
  user: { id: string; email: string; name: string; roles: Role[]; isManager: boolean };
  tenant: { id: string; name: string; slug: string };
  csrfToken: string;
}

export interface ActorSession {
  actor: Actor;
  payload: SessionPayload;
}

const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;
const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Checks credentials with lock-out, and opens a session. Returns the cookie secret. */
export async function logIn(
  deps: AccountDeps,
  input: { email: string; password: string },
): Promise<{ sessionToken: string; session: ActorSession }> {
  const now = deps.now?.() ?? new Date();
  const [user] = await deps.db
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(input.email)));
  if (!user || user.status !== 'active' || !user.passwordHash) {
    await verifyAgainstDummy(input.password);
    throw new InvalidCredentialsError();
  }
  const remaining = lockoutRemainingSeconds(user.lockedUntil, now);
  if (remaining > 0) throw new TooManyAttemptsError(remaining);

  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const next = recordFailedLogin(user.failedLogins, now);
    await deps.db.update(users).set(next).where(eq(users.id, user.id));
    if (next.lockedUntil) {
      throw new TooManyAttemptsError(lockoutRemainingSeconds(next.lockedUntil, now));
    }
    throw new InvalidCredentialsError();
  }
  await deps.db
    .update(users)
    .set({ failedLogins: 0, lockedUntil: null })
    .where(eq(users.id, user.id));
  return openSession(deps, user.id, user.tenantId, now);
}

async function openSession(
  deps: AccountDeps,
  userId: string,
  tenantId: string,
  now: Date,
): Promise<{ sessionToken: string; session: ActorSession }> {
  const sessionToken = generateToken();
  await deps.db.insert(sessions).values({
    idHash: hashToken(sessionToken),
    userId,
    tenantId,
    csrfToken: generateToken(),
    expiresAt: new Date(now.getTime() + deps.sessionTtlHours * 3_600_000),
  });
  const session = await findSession(deps.db, sessionToken);
  if (!session) throw new Error('session vanished right after it was created');
  return { sessionToken, session };
}

interface SessionRow extends Record<string, unknown> {
  user_id: string;
  email: string;
  name: string;
  roles: Role[];
  tenant_id: string;
  tenant_name: string;
  tenant_slug: string;
  csrf_token: string;
  person_id: string | null;
  is_manager: boolean;
}

/**
 * A short-lived session for work the server does on a user's behalf (printing reports in
 * a background job): it sees exactly what that user may see. Its token never leaves the
 * server; close it with logOut when done.
 */
export async function openServiceSession(db: Database, userId: string, tenantId: string, minutes = 30): Promise<string> {
  const sessionToken = generateToken();
  await db.insert(sessions).values({ idHash: hashToken(sessionToken), userId, tenantId, csrfToken: generateToken(), expiresAt: new Date(Date.now() + minutes * 60_000) });
  return sessionToken;
}

/** Resolves a session cookie to the acting user, or null when unknown or expired. */
export async function findSession(db: Database, sessionToken: string): Promise<ActorSession | null> {
  const rows = await db.execute<SessionRow>(sql`
    select u.id as user_id, u.email, u.name, u.roles, u.tenant_id,
           t.name as tenant_name, t.slug as tenant_slug, s.csrf_token,
           p.id as person_id,
           exists (select 1 from people r where r.manager_id = p.id and r.tenant_id = u.tenant_id) as is_manager
      from sessions s
      join users u on u.id = s.user_id and u.tenant_id = s.tenant_id
      join tenants t on t.id = s.tenant_id
      left join people p on p.user_id = u.id and p.tenant_id = u.tenant_id
     where s.id_hash = ${hashToken(sessionToken)}
       and s.expires_at > now()
       and u.status = 'active'`);
  const row = rows[0];
  if (!row) return null;
  const actor: Actor = {
    userId: row.user_id,
    tenantId: row.tenant_id,
    email: row.email,
    name: row.name,
    roles: row.roles,
    isManager: row.is_manager,
    personId: row.person_id,
  };
  return {
    actor,
    payload: {
      user: {
        id: actor.userId,
        email: actor.email,
        name: actor.name,
        roles: actor.roles,
        isManager: actor.isManager,
      },
      tenant: { id: row.tenant_id, name: row.tenant_name, slug: row.tenant_slug },
      csrfToken: row.csrf_token,
    },
  };
}

export async function logOut(db: Database, sessionToken: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, hashToken(sessionToken)));
}

/**
 * Emails a single-use reset link when the address belongs to an active account. The
 * caller answers the same way either way, so the endpoint does not reveal who has an account.
 */
export async function requestPasswordReset(deps: AccountDeps, email: string): Promise<void> {
  const now = deps.now?.() ?? new Date();
  await deps.db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, tenantId: users.tenantId, name: users.name, email: users.email, organisation: tenants.name })
      .from(users)
      .innerJoin(tenants, eq(tenants.id, users.tenantId))
      .where(and(eq(users.email, normaliseEmail(email)), eq(users.status, 'active')));
    if (!user) return;
    const token = generateToken();
    await tx.insert(accountTokens).values({
      tenantId: user.tenantId,
      userId: user.id,
      purpose: 'password_reset',
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MS),
    });
    const content = passwordResetEmail({
      name: user.name,
      organisation: user.organisation,
      link: `${deps.publicUrl}/reset-password?token=${token}`,
    });
    await queueMail(tx, { tenantId: user.tenantId, to: user.email, ...content }, deps.smtpConfigured);
  });
}

/** Consumes a token of the given purpose exactly once; concurrent uses race on the UPDATE. */
async function consumeToken(
  tx: Pick<Database, 'update'>,
  token: string,
  purpose: 'password_reset' | 'invitation',
  now: Date,
): Promise<{ userId: string; tenantId: string }> {
  const [row] = await tx
    .update(accountTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(accountTokens.tokenHash, hashToken(token)),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, now),
      ),
    )
    .returning({ userId: accountTokens.userId, tenantId: accountTokens.tenantId });
  if (!row) throw new InvalidTokenError();
  return row;
}

export async function completePasswordReset(
  deps: AccountDeps,
  input: { token: string; password: string },
): Promise<void> {
  const now = deps.now?.() ?? new Date();
  const passwordHash = await hashPassword(input.password);
  await deps.db.transaction(async (tx) => {
    const { userId } = await consumeToken(tx, input.token, 'password_reset', now);
    await tx
      .update(users)
      .set({ passwordHash, failedLogins: 0, lockedUntil: null, updatedAt: now })
      .where(eq(users.id, userId));
    // A reset ends every open session: whoever knew the old password is logged out.
    await tx.delete(sessions).where(eq(sessions.userId, userId));
  });
}

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  status: 'active' | 'invited' | 'disabled';
  createdAt: string;
}

function toUserSummary(u: typeof users.$inferSelect): UserSummary {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    roles: u.roles as Role[],
    status: u.status,
    createdAt: u.createdAt.toISOString(),
  };
}

/** One account of the tenant; another tenant's id is reported as not found. */
export async function getUser(db: Database, tenantId: string, userId: string): Promise<UserSummary> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
  if (!row) throw new NotFoundError('That user');
  return toUserSummary(row);
}

export async function listUsers(db: Database, tenantId: string): Promise<UserSummary[]> {
  const rows = await db
    .select()
    .from(users)
    .where(eq(users.tenantId, tenantId))
    .orderBy(asc(users.name));
  return rows.map(toUserSummary);
}

/** Creates an invited account and emails a single-use link to set a password. */
export async function inviteUser(
  deps: AccountDeps,
  actor: Actor,
  input: { email: string; name: string; roles: Role[] },
): Promise<UserSummary> {
  const now = deps.now?.() ?? new Date();
  const email = normaliseEmail(input.email);
  return deps.db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (existing) {
      throw new ConflictError(`An account with the email ${email} already exists.`);
    }
    const [user] = await tx
      .insert(users)
      .values({ tenantId: actor.tenantId, email, name: input.name, roles: input.roles, status: 'invited' })
      .returning();
    if (!user) throw new Error('user insert returned no row');
    // The account belongs to the person of the organisation with this email, if any: that
    // is how a participant sees their own feedback and a manager their team.
    await tx
      .update(people)
      .set({ userId: user.id })
      .where(and(eq(people.tenantId, actor.tenantId), eq(people.email, email), isNull(people.userId)));
    const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, actor.tenantId));
    const token = generateToken();
    await tx.insert(accountTokens).values({
      tenantId: actor.tenantId,
      userId: user.id,
      purpose: 'invitation',
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    });
    const content = invitationEmail({
      name: user.name,
      invitedBy: actor.name,
      organisation: tenant?.name ?? 'your organisation',
      link: `${deps.publicUrl}/accept-invitation?token=${token}`,
    });
    await queueMail(tx, { tenantId: actor.tenantId, to: email, ...content }, deps.smtpConfigured);
    return toUserSummary(user);
  });
}

/**
 * What the invitation page shows before the newcomer sets a password: the name the admin
 * typed (to confirm or correct), the email and the organisation. Reading it uses nothing
 * up; an unknown, used or expired token gets the same answer as on accepting.
 */
export async function describeInvitation(
  deps: Pick<AccountDeps, 'db' | 'now'>,
  token: string,
): Promise<{ name: string; email: string; organisation: string }> {
  const now = deps.now?.() ?? new Date();
  const [row] = await deps.db
    .select({ name: users.name, email: users.email, organisation: tenants.name })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .innerJoin(tenants, eq(tenants.id, accountTokens.tenantId))
    .where(
      and(
        eq(accountTokens.tokenHash, hashToken(token)),
        eq(accountTokens.purpose, 'invitation'),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, now),
        eq(users.status, 'invited'),
      ),
    );
  if (!row) throw new InvalidTokenError();
  return row;
}

export async function acceptInvitation(
  deps: AccountDeps,
  input: { token: string; name: string; password: string },
): Promise<{ sessionToken: string; session: ActorSession }> {
  const now = deps.now?.() ?? new Date();
  const passwordHash = await hashPassword(input.password);
  const { userId, tenantId } = await deps.db.transaction(async (tx) => {
    const claimed = await consumeToken(tx, input.token, 'invitation', now);
    await tx
      .update(users)
      .set({ name: input.name, passwordHash, status: 'active', updatedAt: now })
      .where(and(eq(users.id, claimed.userId), eq(users.status, 'invited')));
    return claimed;
  });
  return openSession(deps, userId, tenantId, now);
}
