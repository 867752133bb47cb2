import { ConfigError, loadConfig } from './config/config.ts';
import { connectDatabase } from './db/client.ts';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './db/embedded.ts';
import { migrateDatabase } from './db/migrate.ts';
import { loadDefaultFramework } from './frameworks/load-default-framework.ts';
import { ensureBuiltInFramework } from './frameworks/store.ts';
import { buildApp } from './http/app.ts';
import { SESSION_COOKIE } from './http/session-hooks.ts';
import { createPdfRenderer } from './reports/pdf-renderer.ts';
import { noJobs, startJobs } from './jobs/queue.ts';
import { seedDemoIfEmpty } from './seed/seed-demo.ts';

/**
 * Starts Twofold: the database (embedded unless DATABASE_URL is set), migrations, the demo
 * seed on an empty database, jobs, and the HTTP server for the API and the web app.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  let stopping = false;
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    console.log(`Starting the embedded PostgreSQL (data in ${config.dataDir}) …`);
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPgPort,
      database: 'twofold',
    });
    databaseUrl = embedded.url;
  }

  await migrateDatabase(databaseUrl);
  const database = connectDatabase(databaseUrl);
  const framework = loadDefaultFramework();
  const frameworkVersionId = await ensureBuiltInFramework(database.db, framework);
  const seed = config.seedDemo
    ? await seedDemoIfEmpty(database.db, { frameworkVersionId, document: framework, publicUrl: config.publicUrl })
    : { seeded: false, logins: [] };
  const pdf = createPdfRenderer({ baseUrl: `http://127.0.0.1:${config.port}`, cookieName: SESSION_COOKIE });
  const jobs = config.runJobs
    ? await startJobs({
        databaseUrl,
        db: database.db,
        smtpUrl: config.smtpUrl,
        mailFrom: config.mailFrom,
        publicUrl: config.publicUrl,
        pdf,
        // On Ctrl-C the terminal also interrupts the embedded PostgreSQL, so connection
        // errors while stopping are expected and not worth printing.
        log: (message, error) => {
          if (!stopping) console.error(message, error ?? '');
        },
      })
    : noJobs;
  const app = await buildApp({ config, db: database.db, sql: database.sql, jobs, pdf });

  const shutdown = async (signal: string) => {
    if (stopping) {
      console.error('Second signal: exiting now.');
      process.exit(1);
    }
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    try {
      await app.close();
      await pdf.close();
      await jobs.stop();
      await database.close();
      await embedded?.stop();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await jobs.stop().catch(() => {});
    await database.close().catch(() => {});
    await embedded?.stop().catch(() => {});
    const inUse = (error as { code?: string }).code === 'EADDRINUSE';
    throw new Error(inUse ? `port ${config.port} is already in use; set PORT to a free port.` : String(error));
  }

  const lines = [
    '',
    `  Twofold is running at ${config.publicUrl}`,
    `  API documentation: ${config.publicUrl}/api/docs`,
    embedded ? `  Database: embedded PostgreSQL in ${config.dataDir}` : '  Database: DATABASE_URL',
    config.smtpUrl ? '  Mail: SMTP' : '  Mail: kept in the outbox (Outbox page, as admin)',
  ];
  if (config.seedDemo && seed.logins.length > 0) {
    lines.push('', `  Demo log-ins${seed.seeded ? ' (organisation just created)' : ''}:`);
    for (const login of seed.logins) {
      lines.push(`    ${login.role.padEnd(26)} ${login.email.padEnd(32)} password: ${login.password}`);
    }
  }
  lines.push('', '  Press Ctrl-C to stop.', '');
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error('Twofold could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
