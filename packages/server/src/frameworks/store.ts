import { and, asc, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { NotFoundError } from '../http/errors.ts';
import { frameworkVersions } from './schema.ts';

export type FrameworkVersionRow = typeof frameworkVersions.$inferSelect;

/** Built-in frameworks (tenant null) are visible to every tenant, read-only. */
export function visibleTo(tenantId: string) {
  return or(eq(frameworkVersions.tenantId, tenantId), isNull(frameworkVersions.tenantId));
}

/** Loads one framework version the tenant may see; anything else is "not found". */
export async function getFrameworkVersion(db: Database, tenantId: string, id: string): Promise<FrameworkVersionRow> {
  const [row] = await db
    .select()
    .from(frameworkVersions)
    .where(and(eq(frameworkVersions.id, id), visibleTo(tenantId)));
  if (!row) throw new NotFoundError('That framework version');
  return row;
}

/** The version before this one of the same framework (the tenant's own, or built in). */
export async function getPreviousVersion(db: Database, tenantId: string, row: FrameworkVersionRow): Promise<FrameworkVersionRow> {
  const [previous] = await db
    .select()
    .from(frameworkVersions)
    .where(and(visibleTo(tenantId), eq(frameworkVersions.key, row.key), lt(frameworkVersions.version, row.version)))
    .orderBy(desc(frameworkVersions.version))
    .limit(1);
  if (!previous) throw new NotFoundError(`An earlier version of "${row.name}"`);
  return previous;
}

export async function listFrameworkVersions(db: Database, tenantId: string): Promise<FrameworkVersionRow[]> {
  return db
    .select()
    .from(frameworkVersions)
    .where(visibleTo(tenantId))
    .orderBy(asc(frameworkVersions.key), desc(frameworkVersions.version));
}

/**
 * Stores the shipped default framework as a built-in published version, once. Runs at
 * every start; the unique key makes concurrent starts safe.
 */
export async function ensureBuiltInFramework(
  db: Database,
  framework: { key: string; version: number; name: string },
): Promise<string> {
  await db
    .insert(frameworkVersions)
    .values({
      tenantId: null,
      key: framework.key,
      version: framework.version,
      name: framework.name,
      status: 'published',
      document: framework,
      publishedAt: sql`now()`,
    })
    .onConflictDoNothing();
  const [row] = await db
    .select({ id: frameworkVersions.id })
    .from(frameworkVersions)
    .where(
      and(
        isNull(frameworkVersions.tenantId),
        eq(frameworkVersions.key, framework.key),
        eq(frameworkVersions.version, framework.version),
      ),
    );
  if (!row) throw new Error('built-in framework missing after insert');
  return row.id;
}
