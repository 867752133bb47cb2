import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../mail/schema.ts';
import { createTestTenant, TEST_PASSWORD, type TestTenant } from '../testing/fixtures.ts';
import { createTestApp, TestClient, type TestApp } from '../testing/test-app.ts';
import { users } from './schema.ts';

let t: TestApp;
let org: TestTenant;

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestTenant(t.database.db, 'acme');
});
afterAll(() => t.close());

function linkToken(text: string, path: string): string {
  const match = new RegExp(`${path}\\?token=([\\w-]+)`).exec(text);
  if (!match?.[1]) throw new Error(`no ${path} link in: ${text}`);
  return match[1];
}

describe('log-in and sessions', () => {
  it('logs in, returns the session with roles and manager flag, and logs out', async () => {
    const client = new TestClient(t.app);
    const login = await client.logIn(org.manager.email, TEST_PASSWORD);
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.find((c) => c.name === 'twofold_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const session = await client.get('/api/session');
    expect(session.json().session).toMatchObject({
      user: { email: org.manager.email, roles: ['participant'], isManager: true },
      tenant: { slug: 'acme' },
    });
    expect((await client.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await client.get('/api/session')).json()).toEqual({ session: null });
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const wrong = await new TestClient(t.app).logIn(org.coach.email, 'not-the-password');
    const unknown = await new TestClient(t.app).logIn('nobody@acme.example', 'whatever-password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('invalid_credentials');
  });

  it('locks the account after five wrong passwords, even for the right one', async () => {
    const { db } = t.database;
    const tenant = await createTestTenant(db, 'locky');
    const client = new TestClient(t.app);
    const codes: number[] = [];
    for (let i = 0; i < 5; i += 1) codes.push((await client.logIn(tenant.coach.email, 'wrong-password!')).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 429]);
    const locked = await client.logIn(tenant.coach.email, TEST_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('too_many_attempts');
    expect(locked.headers['retry-after']).toBeDefined();
  });

  it('rejects bad input with 4xx naming the problem', async () => {
    const client = new TestClient(t.app);
    const missing = await client.post('/api/auth/login', { email: org.admin.email });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe('validation_failed');
    expect(missing.json().error.details.issues).toEqual([{ path: '/password', message: expect.any(String) }]);

    const extra = await client.post('/api/auth/login', { email: org.admin.email, password: 'x', admin: true });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.message).toContain('admin');

    const wrongType = await client.post('/api/auth/login', { email: 42, password: 'x' });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.details.issues[0].path).toBe('/email');

    const badJson = await client.request({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json().error.code).toBe('invalid_json');

    const form = await client.request({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: 'email=a',
    });
    expect(form.statusCode).toBe(415);

    const huge = await client.post('/api/auth/login', { email: org.admin.email, password: 'x'.repeat(2_000_000) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('body_too_large');
  });

  it('requires the CSRF token on state changes of a logged-in session', async () => {
    const client = new TestClient(t.app);
    await client.logIn(org.admin.email, TEST_PASSWORD);
    const without = await client.request({
      method: 'POST',
      url: '/api/admin/users/invitations',
      payload: { email: 'csrf@acme.example', name: 'C', roles: ['participant'] },
      headers: { 'x-csrf-token': 'forged' },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('csrf_failed');
    const [row] = await t.database.db.select().from(users).where(eq(users.email, 'csrf@acme.example'));
    expect(row).toBeUndefined();
  });

  it('refuses cross-site log-in attempts by Origin', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: { email: org.admin.email, password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('password reset', () => {
  it('emails a single-use link that sets a new password and ends other sessions', async () => {
    const tenant = await createTestTenant(t.database.db, 'resetco');
    const old = new TestClient(t.app);
    await old.logIn(tenant.participant.email, TEST_PASSWORD);

    const anonymous = new TestClient(t.app);
    expect((await anonymous.post('/api/auth/password-reset/request', { email: tenant.participant.email })).statusCode).toBe(202);
    const [mail] = await t.database.db.select().from(outbox).where(eq(outbox.to, tenant.participant.email));
    expect(mail?.status).toBe('outbox');
    const token = linkToken(mail!.text, '/reset-password');

    const weak = await anonymous.post('/api/auth/password-reset/complete', { token, password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details.issues[0].path).toBe('/password');

    const done = await anonymous.post('/api/auth/password-reset/complete', { token, password: 'a-brand-new-password' });
    expect(done.statusCode).toBe(204);
    const again = await anonymous.post('/api/auth/password-reset/complete', { token, password: 'another-new-password' });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('invalid_token');

    expect((await old.get('/api/session')).json().session).toBeNull();
    expect((await new TestClient(t.app).logIn(tenant.participant.email, 'a-brand-new-password')).statusCode).toBe(200);
    expect((await new TestClient(t.app).logIn(tenant.participant.email, TEST_PASSWORD)).statusCode).toBe(401);
  });

  it('answers 202 for an unknown email and sends nothing', async () => {
    const before = await t.database.db.select().from(outbox);
    const response = await new TestClient(t.app).post('/api/auth/password-reset/request', { email: 'ghost@nowhere.example' });
    expect(response.statusCode).toBe(202);
    expect(await t.database.db.select().from(outbox)).toHaveLength(before.length);
  });
});

describe('invitations and roles', () => {
  it('lets an admin invite a user who then sets a password and is logged in', async () => {
    const admin = new TestClient(t.app);
    await admin.logIn(org.admin.email, TEST_PASSWORD);
    const invited = await admin.post('/api/admin/users/invitations', {
      email: 'New.Coach@Acme.example',
      name: 'New Coach',
      roles: ['coach'],
    });
    expect(invited.statusCode).toBe(201);
    expect(invited.json().user).toMatchObject({ email: 'new.coach@acme.example', status: 'invited' });

    const duplicate = await admin.post('/api/admin/users/invitations', { email: 'new.coach@acme.example', name: 'X', roles: ['coach'] });
    expect(duplicate.statusCode).toBe(409);

    const outboxList = await admin.get('/api/admin/outbox');
    const mail = outboxList.json().messages.find((m: { to: string }) => m.to === 'new.coach@acme.example');
    const token = linkToken(mail.text, '/accept-invitation');
    const single = await admin.get(`/api/admin/outbox/${mail.id}`);
    expect(single.json().message.subject).toContain('invited');

    const newcomer = new TestClient(t.app);
    const described = await newcomer.post('/api/auth/invitations/describe', { token });
    expect(described.statusCode).toBe(200);
    expect(described.json()).toEqual({ name: 'New Coach', email: 'new.coach@acme.example', organisation: expect.stringContaining('Org') });
    const wrong = await newcomer.post('/api/auth/invitations/describe', { token: `${token.slice(0, -4)}AAAA` });
    expect(wrong.json().error.code).toBe('invalid_token');
    const accepted = await newcomer.post('/api/auth/invitations/accept', { token, name: 'Nia Coach', password: 'coach-password-123' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().user).toMatchObject({ name: 'Nia Coach', roles: ['coach'] });
    expect((await newcomer.get('/api/session')).json().session.user.name).toBe('Nia Coach');
    const reuse = await new TestClient(t.app).post('/api/auth/invitations/accept', { token, name: 'X', password: 'coach-password-123' });
    expect(reuse.json().error.code).toBe('invalid_token');
    expect((await new TestClient(t.app).post('/api/auth/invitations/describe', { token })).json().error.code).toBe('invalid_token');
  });

  it('keeps admin routes from other roles and from anonymous callers', async () => {
    const participant = new TestClient(t.app);
    await participant.logIn(org.participant.email, TEST_PASSWORD);
    for (const url of ['/api/admin/users', '/api/admin/outbox', `/api/admin/users/${org.admin.id}`]) {
      expect((await participant.get(url)).statusCode).toBe(403);
      expect((await new TestClient(t.app).get(url)).statusCode).toBe(401);
    }
    const invite = await participant.post('/api/admin/users/invitations', { email: 'x@acme.example', name: 'X', roles: ['admin'] });
    expect(invite.statusCode).toBe(403);
  });

  it('rejects a malformed id with 400 and an unknown one with 404', async () => {
    const admin = new TestClient(t.app);
    await admin.logIn(org.admin.email, TEST_PASSWORD);
    const malformed = await admin.get('/api/admin/users/not-a-uuid');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.details.issues[0].path).toBe('/userId');
    expect((await admin.get('/api/admin/users/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});
