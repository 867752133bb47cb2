import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { buildNorms } from '@twofold/psychometrics/norms';
import { answers, assignments, comments, cycleParticipants, cycles } from '../cycles/schema.ts';
import { pickText, type FrameworkDocumentForSurvey } from '../cycles/survey.ts';
import type { Database } from '../db/client.ts';
import { frameworkVersions } from '../frameworks/schema.ts';
import { NotFoundError } from '../http/errors.ts';
import { people } from '../people/schema.ts';
import type { IndividualReport, IndividualReportInput, NormGroup, ReportFramework } from './build-individual-report.ts';
import type { RaterGroupKey, RaterResponse } from './confidentiality.ts';
import { defaultCatalog } from './development-catalog.ts';
import { normGroups, reportSnapshots } from './schema.ts';

interface FrameworkDocument extends FrameworkDocumentForSurvey {
  indices?: { competencyMinAnswered?: number };
}

/** The parts of a framework version a report uses, with the participant's name in the item texts. */
export function toReportFramework(doc: FrameworkDocument, participantName: string): ReportFramework {
  const language = doc.languages[0] ?? 'en';
  const text = (t: Record<string, string>) => pickText(t, language, language).replaceAll('{name}', participantName);
  const active = doc.items.filter((i) => !i.retired);
  return {
    scoring: {
      minAnswered: doc.indices?.competencyMinAnswered ?? 2,
      competencies: doc.competencies
        .filter((c) => !c.retired)
        .map((c) => ({ code: c.code, capability: c.capability as 'L' | 'M' | 'S', items: active.filter((i) => i.competency === c.code).map((i) => i.code) })),
    },
    competencyNames: Object.fromEntries(doc.competencies.map((c) => [c.code, text(c.name)])),
    itemTexts: Object.fromEntries(active.map((i) => [i.code, text(i.rater)])),
    scalePoints: doc.responseScale.points.length,
    orientation: doc.orientation.scales.map((s) => ({ code: s.code, leftPole: text(s.leftPole), rightPole: text(s.rightPole) })),
    orientationPoints: doc.orientation.points,
    openQuestions: doc.openQuestions.map((q) => ({ code: q.code, text: text(q.rater) })),
  };
}

/**
 * Submitted responses of one participant. Answers written after the cycle closed are left
 * out, so closing freezes the data even against a save that raced the close.
 */
export async function loadResponses(db: Database, participantId: string, closedAt: Date | null): Promise<RaterResponse[]> {
  const submitted = await db
    .select({ id: assignments.id, group: assignments.raterGroup })
    .from(assignments)
    .where(and(eq(assignments.participantId, participantId), eq(assignments.status, 'submitted')));
  if (submitted.length === 0) return [];
  const ids = submitted.map((a) => a.id);
  const cutoff = closedAt ?? new Date('9999-12-31');
  const answerRows = await db
    .select()
    .from(answers)
    .where(and(inArray(answers.assignmentId, ids), sql`${answers.updatedAt} <= ${cutoff.toISOString()}::timestamptz`));
  const commentRows = await db.select().from(comments).where(inArray(comments.assignmentId, ids));
  return submitted.map((a) => ({
    group: a.group as RaterGroupKey,
    values: Object.fromEntries(answerRows.filter((r) => r.assignmentId === a.id).map((r) => [r.itemCode, r.value])),
    comments: Object.fromEntries(commentRows.filter((c) => c.assignmentId === a.id).map((c) => [c.questionCode, c.text])),
  }));
}

interface StoredNormData {
  competencies: Record<string, number[]>;
  leadership: number[];
  management: number[];
  reliability: Record<string, { alpha: number; sd: number }>;
}

export async function loadLatestNormGroup(db: Database, tenantId: string): Promise<NormGroup | null> {
  const [row] = await db.select().from(normGroups).where(eq(normGroups.tenantId, tenantId)).orderBy(desc(normGroups.createdAt)).limit(1);
  if (!row) return null;
  const data = row.data as StoredNormData;
  return {
    name: row.name,
    size: data.leadership.length,
    builtAt: row.createdAt.toISOString(),
    competencies: Object.fromEntries(Object.entries(data.competencies).map(([code, sample]) => [code, buildNorms(sample)])),
    leadership: buildNorms(data.leadership),
    management: buildNorms(data.management),
    reliability: data.reliability,
  };
}

/** Everything needed to build one participant's report. */
export async function loadReportInput(db: Database, tenantId: string, participantId: string): Promise<IndividualReportInput & { cycleId: string; personId: string }> {
  const [row] = await db
    .select({
      participantId: cycleParticipants.id,
      personId: cycleParticipants.personId,
      name: people.name,
      cycleId: cycles.id,
      cycleName: cycles.name,
      settings: cycles.settings,
      closedAt: cycles.closedAt,
      createdAt: cycles.createdAt,
      document: frameworkVersions.document,
    })
    .from(cycleParticipants)
    .innerJoin(people, eq(people.id, cycleParticipants.personId))
    .innerJoin(cycles, eq(cycles.id, cycleParticipants.cycleId))
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, cycles.frameworkVersionId))
    .where(and(eq(cycleParticipants.id, participantId), eq(cycleParticipants.tenantId, tenantId)));
  if (!row) throw new NotFoundError('That report');
  const framework = toReportFramework(row.document as FrameworkDocument, row.name);
  const responses = await loadResponses(db, participantId, row.closedAt);
  const norms = await loadLatestNormGroup(db, tenantId);

  // The same person's most recent earlier released report, for the trend.
  const [earlier] = await db
    .select({ report: reportSnapshots.report, cycleName: cycles.name })
    .from(reportSnapshots)
    .innerJoin(cycleParticipants, eq(cycleParticipants.id, reportSnapshots.participantId))
    .innerJoin(cycles, eq(cycles.id, reportSnapshots.cycleId))
    .where(and(eq(cycleParticipants.personId, row.personId), eq(reportSnapshots.tenantId, tenantId), lt(cycles.createdAt, row.createdAt)))
    .orderBy(desc(cycles.createdAt))
    .limit(1);
  const previousReport = earlier?.report as IndividualReport | undefined;
  return {
    cycleId: row.cycleId,
    personId: row.personId,
    participantName: row.name,
    cycleName: row.cycleName,
    framework,
    responses,
    rules: row.settings.anonymity,
    norms,
    previous: previousReport?.indices.allOthers
      ? {
          cycleName: earlier!.cycleName,
          indices: { leadership: previousReport.indices.allOthers.leadership, management: previousReport.indices.allOthers.management },
          competencies: Object.fromEntries(previousReport.competencies.map((c) => [c.code, c.allOthers])),
        }
      : null,
    catalog: defaultCatalog,
  };
}
