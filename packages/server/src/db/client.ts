import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';

export type Database = PostgresJsDatabase & { $client: postgres.Sql };
export type Sql = postgres.Sql;

export interface DatabaseConnection {
  db: Database;
  sql: Sql;
  close: () => Promise<void>;
}

/** Opens a pooled connection. The pool is small because PostgreSQL, not Node, is the bottleneck. */
export function connectDatabase(url: string, options: { max?: number } = {}): DatabaseConnection {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    // Timestamps come back as Date objects; bigint counts as numbers where they are small.
    connection: { application_name: 'twofold' },
  });
  const db = drizzle({ client: sql });
  return { db, sql, close: () => sql.end({ timeout: 5 }) };
}
