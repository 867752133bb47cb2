import { and, asc, eq, ilike, or } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { people } from '../people/schema.ts';

/** Colleagues matching a search, with only what a nomination needs (no email, no manager). */
export async function searchDirectory(db: Database, tenantId: string, query: string) {
  const pattern = `%${query.replaceAll(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return db
    .select({ id: people.id, name: people.name, department: people.department })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), query ? or(ilike(people.name, pattern), ilike(people.department, pattern)) : undefined))
    .orderBy(asc(people.name))
    .limit(query ? 20 : 500);
}
