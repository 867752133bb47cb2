import { users } from '../accounts/schema.ts';
import type { Database } from '../db/client.ts';
import { people } from '../people/schema.ts';
import type { Role } from '../policies/policies.ts';
import { hashPassword } from '../security/passwords.ts';
import { tenants } from '../tenants/schema.ts';

export const TEST_PASSWORD = 'correct-horse-battery';

export interface TestTenant {
  id: string;
  slug: string;
  admin: { id: string; email: string };
  participant: { id: string; email: string; personId: string };
  manager: { id: string; email: string; personId: string };
  coach: { id: string; email: string };
}

let passwordHash: Promise<string> | undefined;

/** An organisation with an admin, a coach, a manager and a participant reporting to them. */
export async function createTestTenant(db: Database, slug: string): Promise<TestTenant> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  const [tenant] = await db.insert(tenants).values({ slug, name: `Org ${slug}` }).returning();
  if (!tenant) throw new Error('no tenant');
  const addUser = async (local: string, roles: Role[]) => {
    const email = `${local}@${slug}.example`;
    const [user] = await db
      .insert(users)
      .values({ tenantId: tenant.id, email, name: `${local} ${slug}`, roles, status: 'active', passwordHash: hash })
      .returning();
    if (!user) throw new Error('no user');
    return { id: user.id, email };
  };
  const admin = await addUser('admin', ['admin']);
  const coach = await addUser('coach', ['coach']);
  const managerUser = await addUser('manager', ['participant']);
  const participantUser = await addUser('participant', ['participant']);
  const [managerPerson] = await db
    .insert(people)
    .values({ tenantId: tenant.id, employeeId: 'M1', name: 'Manager', email: managerUser.email, userId: managerUser.id })
    .returning();
  const [participantPerson] = await db
    .insert(people)
    .values({
      tenantId: tenant.id,
      employeeId: 'P1',
      name: 'Participant',
      email: participantUser.email,
      userId: participantUser.id,
      managerId: managerPerson!.id,
    })
    .returning();
  return {
    id: tenant.id,
    slug,
    admin,
    coach,
    manager: { ...managerUser, personId: managerPerson!.id },
    participant: { ...participantUser, personId: participantPerson!.id },
  };
}
