import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('operations endpoints', () => {
  it('reports liveness and readiness, with a request id on every response', async () => {
    const health = await t.app.inject({ url: '/healthz' });
    expect(health.json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ url: '/readyz', headers: { 'x-request-id': 'trace-123' } });
    expect(ready.statusCode).toBe(200);
    expect(ready.headers['x-request-id']).toBe('trace-123');
  });

  it('sends security headers on every response, including errors', async () => {
    const page = await t.app.inject({ url: '/healthz' });
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    // API answers: data only, never framed, never cached.
    // Rater links are outside the session scope: they get the same headers.
    const raterLink = '/api/r/a-link-that-does-not-exist-0000000000';
    for (const [method, url] of [['GET', '/api/nope'], ['GET', '/api/session'], ['GET', raterLink], ['PUT', `${raterLink}/answers/L1.1`]] as const) {
      const api = await t.app.inject({ method, url, ...(method === 'PUT' ? { payload: { value: 3, notObserved: false } } : {}) });
      expect(api.statusCode).not.toBe(500);
      expect(api.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
      expect(api.headers['x-frame-options']).toBe('DENY');
      expect(api.headers['x-content-type-options']).toBe('nosniff');
      expect(api.headers['cache-control']).toBe('no-store');
    }
  });

  it('publishes an OpenAPI document generated from the route schemas', async () => {
    const response = await t.app.inject({ url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toMatch(/^3\./);
    const login = doc.paths['/api/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.required).toEqual(['email', 'password']);
    expect(login.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
    expect((await t.app.inject({ url: '/api/docs' })).statusCode).toBeLessThan(400);
  });

  it('answers unknown API routes with the JSON error shape', async () => {
    const response = await t.app.inject({ url: '/api/nope' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'not_found', message: expect.stringContaining('/api/nope') } });
  });

  it('says not ready when the database does not answer', async () => {
    const broken = await createTestApp();
    await broken.database.close();
    const response = await broken.app.inject({ url: '/readyz' });
    expect(response.statusCode).toBe(503);
    await broken.app.close();
  });
});
