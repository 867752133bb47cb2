import { ForbiddenError, UnauthenticatedError } from '../http/errors.ts';

/**
 * The one place that decides permissions. Routes call `authorize` (or a resource check
 * below) before touching the core; nothing else grants access.
 */
export type Role = 'admin' | 'coach' | 'participant';
export const ROLES: readonly Role[] = ['admin', 'coach', 'participant'];

export interface Actor {
  userId: string;
  tenantId: string;
  email: string;
  name: string;
  roles: Role[];
  /** Managers are not a role: anyone with direct reports in the people table is one. */
  isManager: boolean;
  personId: string | null;
}

const permissions = {
  'users.read': ['admin'],
  'users.invite': ['admin'],
  'outbox.read': ['admin'],
  'people.read': ['admin'],
  'people.write': ['admin'],
  'audit.read': ['admin'],
  'frameworks.read': ['admin'],
  'frameworks.write': ['admin'],
  'cycles.read': ['admin'],
  'cycles.write': ['admin'],
  'analytics.read': ['admin'],
  'norms.write': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof permissions;

export function can(actor: Actor, action: Action): boolean {
  const allowed: readonly Role[] = permissions[action];
  return actor.roles.some((role) => allowed.includes(role));
}

/** Returns the actor when allowed; throws 401 without a session and 403 without the role. */
export function authorize(actor: Actor | null, action: Action): Actor {
  if (!actor) throw new UnauthenticatedError();
  if (!can(actor, action)) throw new ForbiddenError();
  return actor;
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new UnauthenticatedError();
  return actor;
}

export interface ReportSubject {
  released: boolean;
  participantUserId: string | null;
  participantManagerPersonId: string | null;
  coachUserIds: string[];
  /** Whether the cycle lets managers read their direct reports' reports. */
  managerAccess: boolean;
}

/**
 * Who may read an individual report: admins always; after release, the participant, their
 * assigned coaches, and their manager when the cycle allows it. Anyone else is answered
 * "not found", so the report's existence is not revealed.
 */
export function canViewReport(actor: Actor, subject: ReportSubject): boolean {
  if (actor.roles.includes('admin')) return true;
  if (!subject.released) return false;
  if (subject.participantUserId === actor.userId) return true;
  if (actor.roles.includes('coach') && subject.coachUserIds.includes(actor.userId)) return true;
  return subject.managerAccess && actor.personId !== null && subject.participantManagerPersonId === actor.personId;
}
