import type { Database } from '../db/client.ts';
import type { Actor } from '../policies/policies.ts';
import { auditLog } from './schema.ts';

/** Appends to the tenant's audit log. Details must never hold answers or secrets. */
export async function recordAudit(
  db: Pick<Database, 'insert'>,
  actor: Actor,
  action: string,
  subject?: { type: string; id: string },
  details?: Record<string, unknown>,
): Promise<void> {
  await db.insert(auditLog).values({
    tenantId: actor.tenantId,
    actorUserId: actor.userId,
    action,
    subjectType: subject?.type ?? null,
    subjectId: subject?.id ?? null,
    details: details ?? null,
  });
}
