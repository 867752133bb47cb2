import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueMail } from '../mail/outbox.ts';
import { outbox } from '../mail/schema.ts';
import { createTestTenant, TEST_PASSWORD, type TestTenant } from '../testing/fixtures.ts';
import { createTestApp, TestClient, type TestApp } from '../testing/test-app.ts';

/**
 * Walks every registered route that takes an id, as an admin of tenant A holding tenant B's
 * ids, and expects 404 every time. A new route whose parameter this map does not know
 * fails the test, so new routes cannot skip the check.
 */
let t: TestApp;
let a: TestTenant;
let b: TestTenant;
const idsOfB = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  a = await createTestTenant(t.database.db, 'tenant-a');
  b = await createTestTenant(t.database.db, 'tenant-b');
  const messageId = await queueMail(t.database.db, { tenantId: b.id, to: b.admin.email, subject: 'B only', text: 'secret of B' }, false);
  idsOfB.set('userId', b.participant.id);
  idsOfB.set('messageId', messageId);
});
afterAll(() => t.close());

// Routes that take no tenant data: documentation assets.
const exempt = (url: string) => url.startsWith('/api/docs');

describe('tenant isolation', () => {
  it('answers 404 to every id-taking route given another tenant\'s ids', async () => {
    const admin = new TestClient(t.app);
    expect((await admin.logIn(a.admin.email, TEST_PASSWORD)).statusCode).toBe(200);
    const withParams = t.routes.filter((r) => r.url.includes(':') && !exempt(r.url) && r.method !== 'HEAD');
    expect(withParams.length).toBeGreaterThan(0);
    const unknownParams: string[] = [];
    for (const route of withParams) {
      const url = route.url.replace(/:(\w+)/g, (_m, name: string) => {
        const id = idsOfB.get(name);
        if (!id) unknownParams.push(`${route.method} ${route.url}: ${name}`);
        return id ?? 'missing';
      });
      if (unknownParams.length > 0) continue;
      const response = await admin.request({ method: route.method as 'GET', url, payload: route.method === 'GET' ? undefined : {} });
      expect.soft(response.statusCode, `${route.method} ${route.url}`).toBe(404);
      expect.soft(response.body).not.toContain('secret of B');
    }
    expect(unknownParams, 'routes whose id parameter the cross-tenant test does not know').toEqual([]);
  });

  it('lists only the own tenant in collections', async () => {
    const admin = new TestClient(t.app);
    await admin.logIn(a.admin.email, TEST_PASSWORD);
    const usersList = (await admin.get('/api/admin/users')).json().users as { email: string }[];
    expect(usersList.every((u) => u.email.endsWith('@tenant-a.example'))).toBe(true);
    const messages = (await admin.get('/api/admin/outbox')).json().messages as { to: string }[];
    expect(messages.some((m) => m.to === b.admin.email)).toBe(false);
    const stored = await t.database.db.select().from(outbox).where(eq(outbox.tenantId, b.id));
    expect(stored).toHaveLength(1);
  });
});
