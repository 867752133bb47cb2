import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { frameworkVersions } from '../frameworks/schema.ts';
import { getFrameworkVersion } from '../frameworks/store.ts';
import { ConflictError, NotFoundError, ValidationFailedError } from '../http/errors.ts';
import { queueMail, type Executor } from '../mail/outbox.ts';
import { people } from '../people/schema.ts';
import type { Actor } from '../policies/policies.ts';
import { queueReleaseNotices } from '../reports/release-notice.ts';
import { generateToken, hashToken } from '../security/tokens.ts';
import { assertCycleTransition, checkNominations, groupLabel, type ProposedRater } from './cycle-rules.ts';
import {
  assignments,
  assignmentTokens,
  cycleParticipants,
  cycles,
  nominations,
  type CycleSettings,
  type CycleStatus,
  type RaterGroup,
} from './schema.ts';

export interface CycleDeps {
  db: Database;
  publicUrl: string;
  smtpConfigured: boolean;
  now?: () => Date;
}

type CycleRow = typeof cycles.$inferSelect;

export async function getCycleRow(db: Pick<Database, 'select'>, tenantId: string, cycleId: string): Promise<CycleRow> {
  const [row] = await db
    .select()
    .from(cycles)
    .where(and(eq(cycles.tenantId, tenantId), eq(cycles.id, cycleId)));
  if (!row) throw new NotFoundError('That cycle');
  return row;
}

export interface CreateCycleInput {
  name: string;
  frameworkVersionId: string;
  deadline: Date;
  settings: CycleSettings;
  participantPersonIds: string[];
}

/** Creates a draft cycle pinned to a published framework version. */
export async function createCycle(deps: CycleDeps, actor: Actor, input: CreateCycleInput): Promise<CycleRow> {
  const now = deps.now?.() ?? new Date();
  const framework = await getFrameworkVersion(deps.db, actor.tenantId, input.frameworkVersionId).catch(() => {
    throw new ValidationFailedError('The framework version does not exist.', [
      { path: '/frameworkVersionId', message: 'no such framework version' },
    ]);
  });
  if (framework.status !== 'published') {
    throw new ValidationFailedError('A cycle must use a published framework version.', [
      { path: '/frameworkVersionId', message: `this version is ${framework.status}; publish it first` },
    ]);
  }
  if (input.deadline.getTime() <= now.getTime()) {
    throw new ValidationFailedError('The deadline must be in the future.', [{ path: '/deadline', message: 'must be in the future' }]);
  }
  for (const rule of input.settings.raterGroups) {
    if (rule.min > rule.max) {
      throw new ValidationFailedError('A rater group minimum is above its maximum.', [
        { path: `/settings/raterGroups/${rule.group}`, message: `min ${rule.min} is above max ${rule.max}` },
      ]);
    }
  }
  return deps.db.transaction(async (tx) => {
    const [cycle] = await tx
      .insert(cycles)
      .values({
        tenantId: actor.tenantId,
        name: input.name,
        frameworkVersionId: framework.id,
        settings: input.settings,
        deadline: input.deadline,
        createdBy: actor.userId,
      })
      .returning();
    if (!cycle) throw new Error('cycle insert returned no row');
    await addParticipantsInTx(tx, actor.tenantId, cycle.id, input.participantPersonIds);
    return cycle;
  });
}

async function addParticipantsInTx(tx: Executor, tenantId: string, cycleId: string, personIds: string[]): Promise<number> {
  const unique = [...new Set(personIds)];
  if (unique.length === 0) return 0;
  const found = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), inArray(people.id, unique)));
  if (found.length !== unique.length) {
    const known = new Set(found.map((p) => p.id));
    const missing = unique.filter((id) => !known.has(id));
    throw new ValidationFailedError('Some participants are not people of this organisation.', missing.map((id) => ({
      path: `/participantPersonIds/${personIds.indexOf(id)}`,
      message: 'no such person',
    })));
  }
  const inserted = await tx
    .insert(cycleParticipants)
    .values(unique.map((personId) => ({ tenantId, cycleId, personId })))
    .onConflictDoNothing()
    .returning({ id: cycleParticipants.id });
  return inserted.length;
}

export async function addParticipants(deps: CycleDeps, actor: Actor, cycleId: string, personIds: string[]): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const cycle = await getCycleRow(tx, actor.tenantId, cycleId);
    if (cycle.status !== 'draft' && cycle.status !== 'nominating') {
      throw new ConflictError(`Participants can be added only before answers are collected; this cycle is ${cycle.status}.`);
    }
    return addParticipantsInTx(tx, actor.tenantId, cycleId, personIds);
  });
}

export interface CycleSummary {
  id: string;
  name: string;
  status: CycleStatus;
  deadline: string;
  framework: { id: string; name: string; version: number };
  participants: number;
  invited: number;
  submitted: number;
  createdAt: string;
}

export async function listCycles(db: Database, tenantId: string): Promise<CycleSummary[]> {
  const rows = await db.execute<{
    id: string; name: string; status: CycleStatus; deadline: Date; created_at: Date;
    framework_id: string; framework_name: string; framework_version: number;
    participants: number; invited: number; submitted: number;
  }>(sql`
    select c.id, c.name, c.status, c.deadline, c.created_at,
           f.id as framework_id, f.name as framework_name, f.version as framework_version,
           (select count(*)::int from cycle_participants p where p.cycle_id = c.id) as participants,
           (select count(*)::int from assignments a where a.cycle_id = c.id) as invited,
           (select count(*)::int from assignments a where a.cycle_id = c.id and a.status = 'submitted') as submitted
      from cycles c join framework_versions f on f.id = c.framework_version_id
     where c.tenant_id = ${tenantId}
     order by c.created_at desc`);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    status: r.status,
    deadline: new Date(r.deadline).toISOString(),
    framework: { id: r.framework_id, name: r.framework_name, version: r.framework_version },
    participants: r.participants,
    invited: r.invited,
    submitted: r.submitted,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

export async function getCycleDetail(db: Database, tenantId: string, cycleId: string) {
  const cycle = await getCycleRow(db, tenantId, cycleId);
  const [framework] = await db
    .select({ id: frameworkVersions.id, name: frameworkVersions.name, version: frameworkVersions.version })
    .from(frameworkVersions)
    .where(eq(frameworkVersions.id, cycle.frameworkVersionId));
  const participants = await db
    .select({
      id: cycleParticipants.id,
      personId: people.id,
      name: people.name,
      email: people.email,
      department: people.department,
      nominationStatus: cycleParticipants.nominationStatus,
      releasedAt: cycleParticipants.releasedAt,
    })
    .from(cycleParticipants)
    .innerJoin(people, eq(people.id, cycleParticipants.personId))
    .where(and(eq(cycleParticipants.cycleId, cycleId), eq(cycleParticipants.tenantId, tenantId)))
    .orderBy(asc(people.name));
  return {
    id: cycle.id,
    name: cycle.name,
    status: cycle.status,
    deadline: cycle.deadline.toISOString(),
    settings: cycle.settings,
    framework: framework!,
    createdAt: cycle.createdAt.toISOString(),
    openedAt: cycle.openedAt?.toISOString() ?? null,
    closedAt: cycle.closedAt?.toISOString() ?? null,
    releasedAt: cycle.releasedAt?.toISOString() ?? null,
    participants: participants.map((p) => ({ ...p, releasedAt: p.releasedAt?.toISOString() ?? null })),
  };
}

/** Moves a cycle to its next state, doing what that state needs (emails, links, freezing). */
export async function transitionCycle(deps: CycleDeps, actor: Actor, cycleId: string, to: CycleStatus): Promise<void> {
  const now = deps.now?.() ?? new Date();
  await deps.db.transaction(async (tx) => {
    // Row lock: two admins clicking at once cannot open a cycle twice.
    const [cycle] = await tx
      .select()
      .from(cycles)
      .where(and(eq(cycles.tenantId, actor.tenantId), eq(cycles.id, cycleId)))
      .for('update');
    if (!cycle) throw new NotFoundError('That cycle');
    assertCycleTransition(cycle.status, to);
    const participantCount = await tx.$count(cycleParticipants, eq(cycleParticipants.cycleId, cycleId));
    if ((to === 'nominating' || to === 'collecting') && participantCount === 0) {
      throw new ConflictError('Add at least one participant first.');
    }
    if (to === 'nominating') {
      await inviteToNominate(tx, deps, cycle);
    }
    if (to === 'collecting') {
      if (cycle.deadline.getTime() <= now.getTime()) {
        throw new ConflictError('The deadline has passed; extend it before collecting answers.');
      }
      await openCollection(tx, deps, cycle);
    }
    await tx
      .update(cycles)
      .set({
        status: to,
        ...(to === 'collecting' ? { openedAt: now } : {}),
        ...(to === 'closed' ? { closedAt: now } : {}),
        ...(to === 'released' ? { releasedAt: now } : {}),
      })
      .where(eq(cycles.id, cycleId));
    if (to === 'released') {
      const released = await tx
        .update(cycleParticipants)
        .set({ releasedAt: now })
        .where(and(eq(cycleParticipants.cycleId, cycleId), sql`${cycleParticipants.releasedAt} is null`))
        .returning({ id: cycleParticipants.id });
      await queueReleaseNotices(tx, deps, cycle, released.map((r) => r.id));
    }
  });
}

async function inviteToNominate(tx: Executor, deps: CycleDeps, cycle: CycleRow): Promise<void> {
  const rows = await tx
    .select({ name: people.name, email: people.email })
    .from(cycleParticipants)
    .innerJoin(people, eq(people.id, cycleParticipants.personId))
    .where(eq(cycleParticipants.cycleId, cycle.id));
  for (const person of rows) {
    await queueMail(
      tx,
      {
        tenantId: cycle.tenantId,
        to: person.email,
        subject: `Choose who gives you feedback: ${cycle.name}`,
        text: [
          `Hello ${person.name},`,
          '',
          `You take part in the feedback cycle "${cycle.name}". Please choose the colleagues who know your work best: your manager, peers, direct reports and others.`,
          '',
          `Log in to Twofold to nominate them: ${deps.publicUrl}/my-feedback`,
          '',
          `Answers are due by ${cycle.deadline.toUTCString()}.`,
        ].join('\n'),
      },
      deps.smtpConfigured,
    );
  }
}

interface PlannedAssignment {
  participantId: string;
  participantName: string;
  raterGroup: 'self' | RaterGroup;
  raterEmail: string;
  raterName: string;
  raterPersonId: string | null;
}

/**
 * Creates one assignment per rater × participant (approved nominations, the manager from
 * the reporting line when nobody was nominated as manager, and the self-assessment), mints
 * a link for each, and sends one email per rater listing all their links.
 */
async function openCollection(tx: Executor, deps: CycleDeps, cycle: CycleRow): Promise<void> {
  const participants = await tx
    .select({
      participantId: cycleParticipants.id,
      personId: people.id,
      name: people.name,
      email: people.email,
      managerId: people.managerId,
    })
    .from(cycleParticipants)
    .innerJoin(people, eq(people.id, cycleParticipants.personId))
    .where(eq(cycleParticipants.cycleId, cycle.id));
  const nominated = await tx
    .select()
    .from(nominations)
    .where(
      and(
        eq(nominations.cycleId, cycle.id),
        cycle.settings.managerApproval ? eq(nominations.status, 'approved') : inArray(nominations.status, ['proposed', 'approved']),
      ),
    );
  const managerIds = participants.map((p) => p.managerId).filter((id): id is string => id !== null);
  const managers = managerIds.length
    ? await tx.select({ id: people.id, name: people.name, email: people.email }).from(people).where(inArray(people.id, managerIds))
    : [];
  const managerById = new Map(managers.map((m) => [m.id, m]));
  const hasManagerGroup = cycle.settings.raterGroups.some((g) => g.group === 'manager');

  const planned: PlannedAssignment[] = [];
  for (const participant of participants) {
    const own = nominated.filter((n) => n.participantId === participant.participantId);
    if (cycle.settings.selfAssessment) {
      planned.push({ participantId: participant.participantId, participantName: participant.name, raterGroup: 'self', raterEmail: participant.email, raterName: participant.name, raterPersonId: participant.personId });
    }
    for (const n of own) {
      planned.push({ participantId: participant.participantId, participantName: participant.name, raterGroup: n.raterGroup, raterEmail: n.raterEmail, raterName: n.raterName, raterPersonId: n.raterPersonId });
    }
    const manager = participant.managerId ? managerById.get(participant.managerId) : undefined;
    if (hasManagerGroup && manager && !own.some((n) => n.raterGroup === 'manager' || n.raterEmail === manager.email)) {
      planned.push({ participantId: participant.participantId, participantName: participant.name, raterGroup: 'manager', raterEmail: manager.email, raterName: manager.name, raterPersonId: manager.id });
    }
  }
  if (planned.length === 0) return;

  const inserted = await tx
    .insert(assignments)
    .values(planned.map((p) => ({
      tenantId: cycle.tenantId,
      cycleId: cycle.id,
      participantId: p.participantId,
      raterGroup: p.raterGroup,
      raterEmail: p.raterEmail,
      raterName: p.raterName,
      raterPersonId: p.raterPersonId,
      invitedAt: new Date(),
    })))
    .onConflictDoNothing()
    .returning({ id: assignments.id, participantId: assignments.participantId, raterEmail: assignments.raterEmail });
  const links = await mintLinks(tx, cycle.tenantId, inserted.map((a) => a.id));
  const byRater = new Map<string, { name: string; items: { participantName: string; group: 'self' | RaterGroup; link: string }[] }>();
  for (const assignment of inserted) {
    const plan = planned.find((p) => p.participantId === assignment.participantId && p.raterEmail === assignment.raterEmail)!;
    const entry = byRater.get(plan.raterEmail) ?? { name: plan.raterName, items: [] };
    entry.items.push({ participantName: plan.participantName, group: plan.raterGroup, link: `${deps.publicUrl}/r/${links.get(assignment.id)}` });
    byRater.set(plan.raterEmail, entry);
  }
  for (const [email, rater] of byRater) {
    await queueMail(tx, { tenantId: cycle.tenantId, to: email, ...invitationToRate(cycle, rater.name, rater.items) }, deps.smtpConfigured);
  }
}

/** Mints one fresh link token per assignment; only hashes are stored. */
export async function mintLinks(tx: Executor, tenantId: string, assignmentIds: string[]): Promise<Map<string, string>> {
  const tokens = new Map(assignmentIds.map((id) => [id, generateToken()]));
  if (tokens.size > 0) {
    await tx.insert(assignmentTokens).values([...tokens].map(([assignmentId, token]) => ({ assignmentId, tenantId, tokenHash: hashToken(token) })));
  }
  return tokens;
}

export function invitationToRate(
  cycle: Pick<CycleRow, 'name' | 'deadline'>,
  raterName: string,
  items: { participantName: string; group: 'self' | RaterGroup; link: string }[],
  reminder = false,
) {
  const lines = items.map((item) =>
    item.group === 'self'
      ? `- Your self-assessment: ${item.link}`
      : `- ${item.participantName} (as ${groupLabel(item.group)}): ${item.link}`,
  );
  return {
    subject: reminder ? `Reminder: your feedback for ${cycle.name}` : `Your feedback is requested: ${cycle.name}`,
    text: [
      `Hello ${raterName},`,
      '',
      reminder
        ? 'This is a reminder that your feedback is still open. Each link below is personal: do not forward it.'
        : 'You are asked to give feedback in the cycle below. Each link is personal: do not forward it. Answers save as you go, and you can come back to finish later.',
      '',
      `Cycle: ${cycle.name}`,
      ...lines,
      '',
      `Please finish by ${cycle.deadline.toUTCString()}.`,
      'Your individual answers are never shown to anyone; results are reported only for groups of several raters, except the manager view.',
    ].join('\n'),
  };
}

// ---- nominations --------------------------------------------------------------------

async function loadParticipant(db: Pick<Database, 'select'>, tenantId: string, participantId: string) {
  const [row] = await db
    .select({
      id: cycleParticipants.id,
      cycleId: cycleParticipants.cycleId,
      nominationStatus: cycleParticipants.nominationStatus,
      personId: people.id,
      name: people.name,
      email: people.email,
      managerId: people.managerId,
      userId: people.userId,
    })
    .from(cycleParticipants)
    .innerJoin(people, eq(people.id, cycleParticipants.personId))
    .where(and(eq(cycleParticipants.tenantId, tenantId), eq(cycleParticipants.id, participantId)));
  if (!row) throw new NotFoundError('That participant');
  return row;
}

export type NominationRole = 'participant' | 'manager' | 'admin';

/** Who may act on a participant's nominations, and as what. */
export async function nominationRoleOf(db: Database, actor: Actor, participantId: string): Promise<NominationRole> {
  const participant = await loadParticipant(db, actor.tenantId, participantId);
  if (actor.roles.includes('admin')) return 'admin';
  if (participant.userId === actor.userId) return 'participant';
  if (actor.personId && participant.managerId === actor.personId) return 'manager';
  // Not theirs to see: answer as if it did not exist.
  throw new NotFoundError('That participant');
}

export async function getNominations(db: Database, tenantId: string, participantId: string) {
  const participant = await loadParticipant(db, tenantId, participantId);
  const cycle = await getCycleRow(db, tenantId, participant.cycleId);
  const rows = await db
    .select()
    .from(nominations)
    .where(eq(nominations.participantId, participantId))
    .orderBy(asc(nominations.createdAt));
  return {
    participant: { id: participant.id, name: participant.name, nominationStatus: participant.nominationStatus },
    cycle: { id: cycle.id, name: cycle.name, status: cycle.status, settings: cycle.settings, deadline: cycle.deadline.toISOString() },
    nominations: rows.map((n) => ({
      id: n.id,
      group: n.raterGroup,
      email: n.raterEmail,
      name: n.raterName,
      personId: n.raterPersonId,
      status: n.status,
    })),
  };
}

export interface NominationInput {
  group: RaterGroup;
  personId?: string | undefined;
  email?: string | undefined;
  name?: string | undefined;
}

/**
 * Replaces the participant's proposed raters (the participant's own list) or adds raters
 * (manager / admin). Raters come from the people list or, for outsiders, by email.
 */
export async function proposeNominations(
  deps: CycleDeps,
  actor: Actor,
  participantId: string,
  input: { raters: NominationInput[]; submit: boolean },
): Promise<void> {
  const role = await nominationRoleOf(deps.db, actor, participantId);
  await deps.db.transaction(async (tx) => {
    const participant = await loadParticipant(tx, actor.tenantId, participantId);
    const cycle = await getCycleRow(tx, actor.tenantId, participant.cycleId);
    if (cycle.status !== 'nominating' && !(role === 'admin' && cycle.status === 'draft')) {
      throw new ConflictError(`Nominations are open only while the cycle is nominating; it is ${cycle.status}.`);
    }
    const personIds = input.raters.map((r) => r.personId).filter((id): id is string => Boolean(id));
    const known = personIds.length
      ? await tx.select({ id: people.id, name: people.name, email: people.email }).from(people).where(and(eq(people.tenantId, actor.tenantId), inArray(people.id, personIds)))
      : [];
    const byId = new Map(known.map((p) => [p.id, p]));
    const resolved: (ProposedRater & { name: string })[] = [];
    const issues: { path: string; message: string }[] = [];
    input.raters.forEach((rater, index) => {
      if (rater.personId) {
        const person = byId.get(rater.personId);
        if (!person) issues.push({ path: `/raters/${index}/personId`, message: 'no such person in this organisation' });
        else resolved.push({ group: rater.group, email: person.email.toLowerCase(), personId: person.id, name: person.name });
      } else if (rater.email && rater.name) {
        resolved.push({ group: rater.group, email: rater.email.toLowerCase(), personId: null, name: rater.name });
      } else {
        issues.push({ path: `/raters/${index}`, message: 'give either personId, or email and name for someone outside the organisation' });
      }
    });
    const existing = await tx.select().from(nominations).where(eq(nominations.participantId, participantId));
    // The participant edits their own proposal as a whole; managers and admins add to it.
    const kept = role === 'participant' ? existing.filter((n) => n.status !== 'proposed') : existing.filter((n) => n.status !== 'rejected');
    const all = [...kept.map((n) => ({ group: n.raterGroup, email: n.raterEmail, personId: n.raterPersonId })), ...resolved];
    // Nobody named as manager: the reporting-line manager is added when links go out, so
    // they count towards the manager group here (and may not be nominated twice).
    if (participant.managerId && !all.some((r) => r.group === 'manager')) {
      const [manager] = await tx.select({ id: people.id, email: people.email }).from(people).where(eq(people.id, participant.managerId));
      if (manager) all.push({ group: 'manager', email: manager.email.toLowerCase(), personId: manager.id });
    }
    issues.push(
      ...checkNominations(cycle.settings, { email: participant.email, personId: participant.personId }, all, {
        requireMinimum: input.submit,
      }),
    );
    if (issues.length > 0) throw new ValidationFailedError('The nominations break the cycle rules.', issues);

    if (role === 'participant') {
      await tx.delete(nominations).where(and(eq(nominations.participantId, participantId), eq(nominations.status, 'proposed')));
    }
    const autoApprove = role !== 'participant' || !cycle.settings.managerApproval;
    if (resolved.length > 0) {
      await tx
        .insert(nominations)
        .values(resolved.map((r) => ({
          tenantId: actor.tenantId,
          cycleId: cycle.id,
          participantId,
          raterGroup: r.group,
          raterPersonId: r.personId,
          raterEmail: r.email,
          raterName: r.name,
          status: autoApprove ? ('approved' as const) : ('proposed' as const),
          proposedBy: actor.userId,
          decidedBy: autoApprove ? actor.userId : null,
        })))
        .onConflictDoUpdate({
          target: [nominations.participantId, nominations.raterEmail],
          set: { raterGroup: sql`excluded.rater_group`, status: sql`excluded.status`, decidedBy: sql`excluded.decided_by` },
        });
    }
    if (input.submit) {
      await tx
        .update(cycleParticipants)
        .set({ nominationStatus: cycle.settings.managerApproval && role === 'participant' ? 'submitted' : 'approved' })
        .where(eq(cycleParticipants.id, participantId));
    }
  });
}

/** The manager (or an admin) approves or rejects proposed raters. */
export async function decideNominations(
  deps: CycleDeps,
  actor: Actor,
  participantId: string,
  decisions: { nominationId: string; decision: 'approve' | 'reject' }[],
): Promise<void> {
  const role = await nominationRoleOf(deps.db, actor, participantId);
  if (role === 'participant') throw new ConflictError('Participants cannot approve their own raters; their manager does.');
  await deps.db.transaction(async (tx) => {
    for (const d of decisions) {
      const updated = await tx
        .update(nominations)
        .set({ status: d.decision === 'approve' ? 'approved' : 'rejected', decidedBy: actor.userId })
        .where(and(eq(nominations.id, d.nominationId), eq(nominations.participantId, participantId), eq(nominations.tenantId, actor.tenantId)))
        .returning({ id: nominations.id });
      if (updated.length === 0) throw new NotFoundError('That nomination');
    }
    const pending = await tx
      .select({ id: nominations.id })
      .from(nominations)
      .where(and(eq(nominations.participantId, participantId), eq(nominations.status, 'proposed')));
    if (pending.length === 0) {
      await tx.update(cycleParticipants).set({ nominationStatus: 'approved' }).where(eq(cycleParticipants.id, participantId));
    }
  });
}

/** Participants whose nominations this actor handles: their own, and their direct reports'. */
export async function listMyNominationTasks(db: Database, actor: Actor) {
  if (!actor.personId) return { own: [], reports: [] };
  const rows = await db.execute<{
    participant_id: string; cycle_id: string; cycle_name: string; cycle_status: CycleStatus;
    person_name: string; nomination_status: string; is_own: boolean; proposed: number; deadline: Date;
  }>(sql`
    select cp.id as participant_id, c.id as cycle_id, c.name as cycle_name, c.status as cycle_status,
           p.name as person_name, cp.nomination_status, (p.id = ${actor.personId}) as is_own, c.deadline,
           (select count(*)::int from nominations n where n.participant_id = cp.id and n.status = 'proposed') as proposed
      from cycle_participants cp
      join cycles c on c.id = cp.cycle_id
      join people p on p.id = cp.person_id
     where cp.tenant_id = ${actor.tenantId}
       and (p.id = ${actor.personId} or p.manager_id = ${actor.personId})
       and c.status in ('nominating', 'collecting', 'closed', 'released')
     order by c.created_at desc, p.name`);
  const toTask = (r: (typeof rows)[number]) => ({
    participantId: r.participant_id,
    cycle: { id: r.cycle_id, name: r.cycle_name, status: r.cycle_status, deadline: new Date(r.deadline).toISOString() },
    personName: r.person_name,
    nominationStatus: r.nomination_status,
    proposed: r.proposed,
  });
  return { own: rows.filter((r) => r.is_own).map(toTask), reports: rows.filter((r) => !r.is_own).map(toTask) };
}
