import { and, eq, sql } from 'drizzle-orm';
import { users } from '../accounts/schema.ts';
import { cycles } from '../cycles/schema.ts';
import type { FrameworkDocumentForSurvey } from '../cycles/survey.ts';
import type { Database } from '../db/client.ts';
import { people } from '../people/schema.ts';
import type { Actor } from '../policies/policies.ts';
import { createNormGroup } from '../reports/norm-groups.ts';
import { buildCycleSnapshots } from '../reports/service.ts';
import { hashPassword } from '../security/passwords.ts';
import { tenants } from '../tenants/schema.ts';
import { seedDemoCycles } from './demo-cycles.ts';
import { DEMO_PASSWORD, demoPeople, demoTenant } from './demo-organisation.ts';

export interface DemoLogin {
  role: string;
  email: string;
  password: string;
}

/**
 * Seeds the demo organisation when the database has no organisation yet. Runs in one
 * transaction under an advisory lock, so two instances starting together seed once.
 */
export async function seedDemoIfEmpty(
  db: Database,
  options: { frameworkVersionId: string; document: FrameworkDocumentForSurvey; publicUrl: string; now?: Date },
): Promise<{ seeded: boolean; logins: DemoLogin[] }> {
  const logins = demoLogins();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const seeded = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(72836402)`);
    const existing = await tx.select({ id: tenants.id }).from(tenants).limit(1);
    if (existing.length > 0) return false;
    const [tenant] = await tx.insert(tenants).values(demoTenant).returning();
    if (!tenant) throw new Error('tenant insert returned no row');

    const personIds = new Map<string, string>();
    for (const person of demoPeople) {
      let userId: string | null = null;
      if (person.roles) {
        const [user] = await tx
          .insert(users)
          .values({
            tenantId: tenant.id,
            email: person.email,
            name: person.name,
            roles: person.roles,
            status: 'active',
            passwordHash,
          })
          .returning({ id: users.id });
        userId = user?.id ?? null;
      }
      const [row] = await tx
        .insert(people)
        .values({
          tenantId: tenant.id,
          employeeId: person.employeeId,
          name: person.name,
          email: person.email,
          department: person.department,
          level: person.level,
          location: person.location,
          userId,
          managerId: person.managerEmployeeId ? (personIds.get(person.managerEmployeeId) ?? null) : null,
        })
        .returning({ id: people.id });
      if (row) personIds.set(person.employeeId, row.id);
    }
    await seedDemoCycles(tx, { tenantId: tenant.id, frameworkVersionId: options.frameworkVersionId, document: options.document, publicUrl: options.publicUrl, now: options.now ?? new Date() });
    return true;
  });
  if (seeded) await seedDemoReports(db);
  return { seeded, logins };
}

/**
 * A norm group from the released demo cycle, so reports show percentiles from the start,
 * then the released reports themselves, as releasing a cycle stores them.
 */
async function seedDemoReports(db: Database): Promise<void> {
  const [admin] = await db.select().from(users).where(eq(users.email, 'admin@northwind.example'));
  if (!admin) return;
  const released = await db.select({ id: cycles.id }).from(cycles).where(and(eq(cycles.tenantId, admin.tenantId), eq(cycles.status, 'released')));
  const actor: Actor = { userId: admin.id, tenantId: admin.tenantId, email: admin.email, name: admin.name, roles: ['admin'], isManager: false, personId: null };
  await createNormGroup(db, actor, { name: 'Northwind 2026', cycleIds: released.map((c) => c.id) });
  for (const cycle of released) await buildCycleSnapshots(db, admin.tenantId, cycle.id);
}

export function demoLogins(): DemoLogin[] {
  const label = (roles: string[], email: string) =>
    email.startsWith('manager@') ? 'manager (and participant)' : roles.join(', ');
  return demoPeople
    .filter((p) => p.roles)
    .map((p) => ({ role: label(p.roles ?? [], p.email), email: p.email, password: DEMO_PASSWORD }));
}
