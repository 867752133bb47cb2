import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { frameworkVersions } from '../frameworks/schema.ts';
import { DomainError, NotFoundError, ValidationFailedError } from '../http/errors.ts';
import { people } from '../people/schema.ts';
import { hashToken } from '../security/tokens.ts';
import { answers, assignments, assignmentTokens, comments, cycleParticipants, cycles } from './schema.ts';
import { answerWriterFor } from './answer-writer.ts';
import { buildSurvey, type FrameworkDocumentForSurvey, type Survey } from './survey.ts';

/** The link is unknown: said the same way whether or not it ever existed. */
export class UnknownLinkError extends NotFoundError {
  constructor() {
    super('This feedback link');
    Object.assign(this, {
      message: 'This feedback link is not valid. Check that you opened the whole link from your email, or ask your HR contact for a new one.',
    });
  }
}

/** The link is real, but answering is over (submitted, declined, or the cycle closed). */
export class LinkClosedError extends DomainError {
  constructor(message: string) {
    super('link_closed', message, 410);
  }
}

interface LinkContext {
  assignmentId: string;
  tenantId: string;
  status: 'not_started' | 'in_progress' | 'submitted' | 'declined';
  raterGroup: string;
  raterName: string;
  cycleName: string;
  cycleStatus: string;
  deadline: Date;
  frameworkVersionId: string;
  participantName: string;
}

async function resolveLink(db: Pick<Database, 'execute'>, token: string): Promise<LinkContext> {
  if (!/^[\w-]{20,100}$/.test(token)) throw new UnknownLinkError();
  const rows = await db.execute<{
    assignment_id: string; tenant_id: string; status: LinkContext['status']; rater_group: string; rater_name: string;
    cycle_name: string; cycle_status: string; deadline: Date; framework_version_id: string; participant_name: string;
  }>(sql`
    select a.id as assignment_id, a.tenant_id, a.status, a.rater_group, a.rater_name,
           c.name as cycle_name, c.status as cycle_status, c.deadline, c.framework_version_id,
           p.name as participant_name
      from ${assignmentTokens} t
      join ${assignments} a on a.id = t.assignment_id
      join ${cycles} c on c.id = a.cycle_id
      join ${cycleParticipants} cp on cp.id = a.participant_id
      join ${people} p on p.id = cp.person_id
     where t.token_hash = ${hashToken(token)}`);
  const row = rows[0];
  if (!row) throw new UnknownLinkError();
  return {
    assignmentId: row.assignment_id,
    tenantId: row.tenant_id,
    status: row.status,
    raterGroup: row.rater_group,
    raterName: row.rater_name,
    cycleName: row.cycle_name,
    cycleStatus: row.cycle_status,
    deadline: new Date(row.deadline),
    frameworkVersionId: row.framework_version_id,
    participantName: row.participant_name,
  };
}

function closedReason(link: LinkContext, now: Date): string | null {
  if (link.status === 'submitted') return 'You have already submitted this feedback. Thank you — nothing more is needed.';
  if (link.status === 'declined') return 'You declined this request, so the link is closed.';
  if (link.cycleStatus !== 'collecting') return `The feedback cycle "${link.cycleName}" is closed; answers can no longer be given.`;
  if (link.deadline.getTime() <= now.getTime()) return `The deadline of "${link.cycleName}" has passed; answers can no longer be given.`;
  return null;
}

// Published framework versions never change, so their surveys can be cached by id.
const documentCache = new Map<string, FrameworkDocumentForSurvey>();
async function loadDocument(db: Database, frameworkVersionId: string): Promise<FrameworkDocumentForSurvey> {
  const cached = documentCache.get(frameworkVersionId);
  if (cached) return cached;
  const [row] = await db.select({ document: frameworkVersions.document }).from(frameworkVersions).where(eq(frameworkVersions.id, frameworkVersionId));
  if (!row) throw new Error(`framework version ${frameworkVersionId} missing`);
  const doc = row.document as FrameworkDocumentForSurvey;
  documentCache.set(frameworkVersionId, doc);
  return doc;
}

function surveyFor(doc: FrameworkDocumentForSurvey, link: LinkContext, language?: string): Survey {
  return buildSurvey(doc, link.raterGroup === 'self' ? 'self' : 'rater', link.participantName, language);
}

/**
 * The framework language a rater reads: the first of the browser's preferred languages
 * (Accept-Language, in order) that the framework has; else the framework's first language.
 */
export function pickLanguage(acceptLanguage: string | undefined, available: string[]): string | undefined {
  if (!acceptLanguage) return undefined;
  const wanted = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? 1);
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0 };
    })
    .filter((w) => w.tag !== '' && w.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of wanted) {
    const exact = available.find((l) => l.toLowerCase() === tag.toLowerCase());
    if (exact) return exact;
    const base = available.find((l) => l.toLowerCase() === tag.split('-')[0]!.toLowerCase());
    if (base) return base;
  }
  return undefined;
}

export interface RaterForm {
  status: LinkContext['status'];
  closedMessage: string | null;
  cycleName: string;
  deadline: string;
  participantName: string;
  raterName: string;
  form: 'self' | 'rater';
  raterGroup: string;
  survey: Omit<Survey, 'valueRange'>;
  answers: Record<string, { value: number | null; notObserved: boolean }>;
  comments: Record<string, string>;
  progress: { answered: number; required: number };
}

/** Everything the answering page needs, including saved answers for resuming. */
export async function getRaterForm(db: Database, token: string, now = new Date(), acceptLanguage?: string): Promise<RaterForm> {
  const link = await resolveLink(db, token);
  const doc = await loadDocument(db, link.frameworkVersionId);
  const survey = surveyFor(doc, link, pickLanguage(acceptLanguage, doc.languages));
  const saved = await db.select().from(answers).where(eq(answers.assignmentId, link.assignmentId));
  const savedComments = await db.select().from(comments).where(eq(comments.assignmentId, link.assignmentId));
  const required = new Set(survey.requiredCodes);
  const { valueRange: _valueRange, ...publicSurvey } = survey;
  return {
    status: link.status,
    closedMessage: closedReason(link, now),
    cycleName: link.cycleName,
    deadline: link.deadline.toISOString(),
    participantName: link.participantName,
    raterName: link.raterName,
    form: link.raterGroup === 'self' ? 'self' : 'rater',
    raterGroup: link.raterGroup,
    survey: publicSurvey,
    answers: Object.fromEntries(saved.map((a) => [a.itemCode, { value: a.value, notObserved: a.notObserved }])),
    comments: Object.fromEntries(savedComments.map((c) => [c.questionCode, c.text])),
    progress: { answered: saved.filter((a) => required.has(a.itemCode)).length, required: required.size },
  };
}

async function openLink(db: Database, token: string, now: Date): Promise<{ link: LinkContext; survey: Survey }> {
  const link = await resolveLink(db, token);
  const reason = closedReason(link, now);
  if (reason) throw new LinkClosedError(reason);
  const doc = await loadDocument(db, link.frameworkVersionId);
  return { link, survey: surveyFor(doc, link) };
}

// Token → the assignment and framework it opens. Both never change for a token, so this
// cache is safe across app instances; every status (submitted, closed, deadline) is still
// checked in the database by the statement that writes.
const linkCache = new Map<string, { assignmentId: string; frameworkVersionId: string; form: 'self' | 'rater' }>();
const LINK_CACHE_LIMIT = 100_000;
// Per framework version: valid codes and values, and the codes a submission needs.
const rulesCache = new Map<string, Pick<Survey, 'valueRange' | 'requiredCodes'>>();

async function answeringRules(db: Database, frameworkVersionId: string): Promise<Pick<Survey, 'valueRange' | 'requiredCodes'>> {
  let rules = rulesCache.get(frameworkVersionId);
  if (!rules) {
    const survey = buildSurvey(await loadDocument(db, frameworkVersionId), 'rater', '');
    rules = { valueRange: survey.valueRange, requiredCodes: survey.requiredCodes };
    rulesCache.set(frameworkVersionId, rules);
  }
  return rules;
}

async function lookUpLink(db: Database, token: string) {
  if (!/^[\w-]{20,100}$/.test(token)) throw new UnknownLinkError();
  const hash = hashToken(token);
  const cached = linkCache.get(hash);
  if (cached) return cached;
  const [row] = await db.$client<{ assignmentId: string; frameworkVersionId: string; group: string }[]>`
    select a.id as "assignmentId", c.framework_version_id as "frameworkVersionId", a.rater_group as "group"
      from assignment_tokens t
      join assignments a on a.id = t.assignment_id
      join cycles c on c.id = a.cycle_id
     where t.token_hash = ${hash}`;
  if (!row) throw new UnknownLinkError();
  const link = { assignmentId: row.assignmentId, frameworkVersionId: row.frameworkVersionId, form: row.group === 'self' ? ('self' as const) : ('rater' as const) };
  if (linkCache.size >= LINK_CACHE_LIMIT) linkCache.delete(linkCache.keys().next().value!);
  linkCache.set(hash, link);
  return link;
}

/**
 * Saves one answer (autosave). The write (see answer-writer.ts) checks in the database that
 * the assignment is still open and the cycle still collecting before its deadline, and has
 * committed before we answer, so an acknowledged answer survives a crash. It returns
 * nothing: the page counts its own progress (the form it loaded lists the required codes),
 * which keeps a count query off the hot path.
 */
export async function saveAnswer(
  db: Database,
  token: string,
  itemCode: string,
  input: { value: number | null; notObserved: boolean },
  now = new Date(),
): Promise<void> {
  const link = await lookUpLink(db, token);
  const rules = await answeringRules(db, link.frameworkVersionId);
  const range = rules.valueRange.get(itemCode);
  if (!range) {
    throw new ValidationFailedError(`There is no question ${itemCode} in this form.`, [{ path: '/itemCode', message: 'unknown question' }]);
  }
  if (input.notObserved) {
    if (!range.notObservedAllowed) throw new ValidationFailedError('"Not observed" is not allowed here.', [{ path: '/notObserved', message: 'not allowed' }]);
    if (input.value !== null) throw new ValidationFailedError('Give a value or "not observed", not both.', [{ path: '/value', message: 'must be null when notObserved is true' }]);
  } else if (input.value === null || !Number.isInteger(input.value) || input.value < range.min || input.value > range.max) {
    throw new ValidationFailedError(`The answer must be a whole number from ${range.min} to ${range.max}.`, [
      { path: '/value', message: `must be a whole number from ${range.min} to ${range.max}` },
    ]);
  }
  const written = await answerWriterFor(db.$client).save({
    assignmentId: link.assignmentId,
    itemCode,
    value: input.notObserved ? null : input.value,
    notObserved: input.notObserved,
  });
  if (!written) {
    const context = await resolveLink(db, token);
    throw new LinkClosedError(closedReason(context, now) ?? 'This feedback link is closed.');
  }
}

export async function saveComment(db: Database, token: string, questionCode: string, text: string, now = new Date()): Promise<void> {
  const { link, survey } = await openLink(db, token, now);
  if (!survey.openQuestions.some((q) => q.code === questionCode)) {
    throw new ValidationFailedError(`There is no open question ${questionCode} in this form.`, [{ path: '/questionCode', message: 'unknown question' }]);
  }
  await db.transaction(async (tx) => {
    const guard = await tx
      .update(assignments)
      .set({ status: 'in_progress', startedAt: sql`coalesce(${assignments.startedAt}, now())` })
      .where(and(eq(assignments.id, link.assignmentId), sql`${assignments.status} in ('not_started', 'in_progress')`))
      .returning({ id: assignments.id });
    if (guard.length === 0) throw new LinkClosedError('This feedback was already submitted or declined.');
    if (text.trim() === '') {
      await tx.delete(comments).where(and(eq(comments.assignmentId, link.assignmentId), eq(comments.questionCode, questionCode)));
    } else {
      await tx
        .insert(comments)
        .values({ assignmentId: link.assignmentId, questionCode, text })
        .onConflictDoUpdate({ target: [comments.assignmentId, comments.questionCode], set: { text, updatedAt: new Date() } });
    }
  });
}

/** Submits: every rating question needs a value or "not observed". */
export async function submitFeedback(db: Database, token: string, now = new Date()): Promise<void> {
  const { link, survey } = await openLink(db, token, now);
  const saved = await db.select({ itemCode: answers.itemCode }).from(answers).where(eq(answers.assignmentId, link.assignmentId));
  const answered = new Set(saved.map((a) => a.itemCode));
  const missing = survey.requiredCodes.filter((code) => !answered.has(code));
  if (missing.length > 0) {
    throw new ValidationFailedError(
      `${missing.length} question(s) still need an answer (or "not observed"): ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}.`,
      missing.map((code) => ({ path: `/answers/${code}`, message: 'needs an answer' })),
    );
  }
  const updated = await db
    .update(assignments)
    .set({ status: 'submitted', submittedAt: now })
    .where(and(eq(assignments.id, link.assignmentId), sql`${assignments.status} in ('not_started', 'in_progress')`))
    .returning({ id: assignments.id });
  if (updated.length === 0) throw new LinkClosedError('This feedback was already submitted or declined.');
}

export async function declineRequest(db: Database, token: string, reason: string, now = new Date()): Promise<void> {
  const { link } = await openLink(db, token, now);
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(assignments)
      .set({ status: 'declined', declineReason: reason.trim() || null })
      .where(and(eq(assignments.id, link.assignmentId), sql`${assignments.status} in ('not_started', 'in_progress')`))
      .returning({ id: assignments.id });
    if (updated.length === 0) throw new LinkClosedError('This feedback was already submitted or declined.');
    // A declined request keeps no answers: nothing half-given is ever used.
    await tx.delete(answers).where(eq(answers.assignmentId, link.assignmentId));
    await tx.delete(comments).where(eq(comments.assignmentId, link.assignmentId));
  });
}
