import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import postgres from 'postgres';
import { inject } from 'vitest';
import { loadConfig, type AppConfig } from '../config/config.ts';
import { connectDatabase, type DatabaseConnection } from '../db/client.ts';
import { buildApp } from '../http/app.ts';
import { type JobQueue, noJobs } from '../jobs/queue.ts';
import { TEMPLATE_DATABASE } from './global-setup.ts';

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseConnection;
  config: AppConfig;
  routes: { method: string; url: string }[];
  close: () => Promise<void>;
}

/** A fresh database cloned from the migrated template, for one test file. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = inject('postgresAdminUrl');
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template ${TEMPLATE_DATABASE}`);
  await admin.end();
  return {
    url: adminUrl.replace(/\/[^/]*$/, `/${name}`),
    drop: async () => {
      const a = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** Builds the real app on a fresh database. Requests go through the full HTTP pipeline. */
export async function createTestApp(
  env: Record<string, string> = {},
  jobs: JobQueue = noJobs,
): Promise<TestApp> {
  const database = await createTestDatabase();
  const connection = connectDatabase(database.url, { max: 5 });
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://twofold.test',
    DATABASE_URL: database.url,
    ...env,
  });
  const routes: { method: string; url: string }[] = [];
  const app = await buildApp({
    config,
    db: connection.db,
    sql: connection.sql,
    jobs,
    onRoute: (route) => {
      for (const method of [route.method].flat()) routes.push({ method, url: route.url });
    },
  });
  await app.ready();
  return {
    app,
    database: connection,
    config,
    routes,
    close: async () => {
      await app.close();
      await connection.close();
      await database.drop();
    },
  };
}

/** A logged-in browser-like client: keeps the session cookie and sends the CSRF token. */
export class TestClient {
  private cookie: string | undefined;
  csrfToken: string | undefined;

  constructor(private readonly app: FastifyInstance) {}

  async logIn(email: string, password: string): Promise<LightMyRequestResponse> {
    const response = await this.request({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    if (response.statusCode === 200) this.csrfToken = response.json().csrfToken;
    return response;
  }

  async request(options: InjectOptions): Promise<LightMyRequestResponse> {
    const method = (options.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = { ...(options.headers as Record<string, string> | undefined) };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET' && !('x-csrf-token' in headers)) headers['x-csrf-token'] = this.csrfToken;
    const response = await this.app.inject({ ...options, headers });
    const setCookie = response.cookies.find((c) => c.name === 'twofold_session');
    if (setCookie) this.cookie = setCookie.value ? `twofold_session=${setCookie.value}` : undefined;
    return response;
  }

  get(url: string) {
    return this.request({ method: 'GET', url });
  }

  /** The session token behind the cookie, for tests that call the core as this user. */
  get sessionToken(): string | undefined {
    return this.cookie?.split('=')[1];
  }

  post(url: string, payload?: unknown) {
    return this.request({ method: 'POST', url, payload: payload as InjectOptions['payload'] });
  }
}
