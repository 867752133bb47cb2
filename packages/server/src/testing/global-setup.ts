import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../db/embedded.ts';
import { migrateDatabase } from '../db/migrate.ts';

export const TEMPLATE_DATABASE = 'twofold_template';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}

/** A free TCP port on loopback, chosen by the OS. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * One real PostgreSQL for the whole test run, with a migrated template database; each test
 * file clones the template (CREATE DATABASE … TEMPLATE), which takes milliseconds.
 * With TEST_DATABASE_URL (a maintenance database URL on your own server) no embedded
 * server is started.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.TEST_DATABASE_URL;
  let adminUrl: string;
  let stop = async () => {};
  if (external) {
    adminUrl = external;
  } else {
    // Under /tmp: PostgreSQL runs as the `postgres` user when we are root, and must be able
    // to reach its data directory.
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'twofold-test-pg-'));
    const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'postgres' });
    adminUrl = server.adminUrl;
    stop = async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  }
  const templateUrl = adminUrl.replace(/\/[^/]*$/, `/${TEMPLATE_DATABASE}`);
  const postgres = (await import('postgres')).default;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${TEMPLATE_DATABASE} with (force)`);
  await admin.unsafe(`create database ${TEMPLATE_DATABASE}`);
  await admin.end();
  await migrateDatabase(templateUrl);
  project.provide('postgresAdminUrl', adminUrl);
  return stop;
}
