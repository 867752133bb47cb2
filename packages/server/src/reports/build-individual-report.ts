import { createDataset } from '@twofold/psychometrics/dataset';
import { computeRci } from '@twofold/psychometrics/rci';
import { computeRwgJ } from '@twofold/psychometrics/rwg';
import { percentileRank, type Norms } from '@twofold/psychometrics/norms';
import { protectResponses, type AnonymityRules, type RaterResponse, type ShownGroup } from './confidentiality.ts';
import { computeIndices, meanOf, scoreCompetencies, type Indices, type ScoringModel } from './score-responses.ts';

/** What the report needs to know of the framework version the cycle pinned. */
export interface ReportFramework {
  scoring: ScoringModel;
  competencyNames: Record<string, string>;
  itemTexts: Record<string, string>;
  scalePoints: number;
  orientation: { code: string; leftPole: string; rightPole: string }[];
  orientationPoints: number;
  openQuestions: { code: string; text: string }[];
}

export interface NormGroup {
  name: string;
  size: number;
  builtAt: string;
  /** Norms of the all-raters scores per competency, and of the L and M indices. */
  competencies: Record<string, Norms>;
  leadership: Norms;
  management: Norms;
  /** Reliability (α) and SD per competency and index, for the reliable change index. */
  reliability: Record<string, { alpha: number; sd: number }>;
}

export interface PreviousResult {
  cycleName: string;
  indices: { leadership: number | null; management: number | null };
  competencies: Record<string, number | null>;
}

export interface DevelopmentActivity {
  title: string;
  kind: string;
  competencies: string[];
  description: string;
}

export interface IndividualReportInput {
  participantName: string;
  cycleName: string;
  framework: ReportFramework;
  responses: RaterResponse[];
  rules: AnonymityRules;
  norms: NormGroup | null;
  previous: PreviousResult | null;
  catalog: DevelopmentActivity[];
}

const AGREEMENT_FLAG = 0.7;
const GAP = 0.5;
const DEFAULT_CUT = 3.5;

function groupCompetencyScores(group: ShownGroup | null, scoring: ScoringModel): Record<string, number | null> {
  if (!group) return {};
  const perResponse = group.values.map((values) => scoreCompetencies(scoring, values));
  return Object.fromEntries(scoring.competencies.map((c) => [c.code, meanOf(perResponse.map((s) => s[c.code]))]));
}

function round(value: number | null, digits = 2): number | null {
  return value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;
}

export type SelfOtherClass = 'over-estimator' | 'in agreement/good' | 'in agreement/poor' | 'under-estimator';

/** Atwater & Yammarino's self–other agreement classes, on the overall means. */
export function classifySelfOther(self: number, others: number, cut: number): SelfOtherClass {
  if (self - others >= GAP) return 'over-estimator';
  if (others - self >= GAP) return 'under-estimator';
  return others >= cut ? 'in agreement/good' : 'in agreement/poor';
}

/**
 * Builds an individual report from one participant's responses. Pure: the same input
 * always gives the same report, so a released report can be stored and served unchanged.
 */
export function buildIndividualReport(input: IndividualReportInput) {
  const { framework, rules, norms } = input;
  const { scoring } = framework;
  const protectedResponses = protectResponses(input.responses, rules);
  const cut = norms ? (norms.leadership.median) : DEFAULT_CUT;
  const cutSource = norms ? `the median of the norm group “${norms.name}” (n = ${norms.size})` : 'the default cut of 3.5';

  const selfScores = groupCompetencyScores(protectedResponses.self, scoring);
  const othersScores = groupCompetencyScores(protectedResponses.allOthers, scoring);
  const groupScores = protectedResponses.groups.map((g) => ({ key: g.key, label: g.label, responses: g.responses, scores: groupCompetencyScores(g, scoring) }));
  const selfIndices: Indices | null = protectedResponses.self ? computeIndices(scoring, selfScores, cut) : null;
  const othersIndices: Indices | null = protectedResponses.allOthers ? computeIndices(scoring, othersScores, cut) : null;

  const competencies = scoring.competencies.map((competency) => {
    const others = othersScores[competency.code] ?? null;
    const self = selfScores[competency.code] ?? null;
    let agreement: { rwg: number; raters: number; low: boolean } | null = null;
    if (protectedResponses.allOthers) {
      const columns = competency.items.map((code) => Float64Array.from(protectedResponses.allOthers!.values, (v) => (typeof v[code] === 'number' ? (v[code] as number) : Number.NaN)));
      try {
        const result = computeRwgJ(createDataset(competency.items, columns), framework.scalePoints);
        agreement = { rwg: round(result.rwgJTruncated, 3)!, raters: result.n, low: result.rwgJTruncated < AGREEMENT_FLAG };
      } catch {
        agreement = null; // fewer than 2 answers on an item: agreement cannot be judged
      }
    }
    const normsFor = norms?.competencies[competency.code];
    return {
      code: competency.code,
      name: framework.competencyNames[competency.code] ?? competency.code,
      capability: competency.capability,
      self: round(self),
      allOthers: round(others),
      groups: Object.fromEntries(groupScores.map((g) => [g.key, round(g.scores[competency.code] ?? null)])),
      gap: self !== null && others !== null ? round(self - others) : null,
      percentile: normsFor && others !== null ? Math.round(percentileRank(normsFor, others)) : null,
      agreement,
    };
  });

  const withGap = competencies.filter((c) => c.gap !== null);
  const overallSelf = meanOf(Object.values(selfScores));
  const overallOthers = meanOf(Object.values(othersScores));

  const itemMeans = Object.keys(framework.itemTexts)
    .map((code) => {
      const values = (protectedResponses.allOthers?.values ?? []).map((v) => v[code]).filter((v): v is number => typeof v === 'number');
      return { code, text: framework.itemTexts[code]!, mean: values.length >= rules.groupMinimum ? meanOf(values) : null, answers: values.length };
    })
    .filter((item): item is { code: string; text: string; mean: number; answers: number } => item.mean !== null)
    .sort((a, b) => b.mean - a.mean || a.code.localeCompare(b.code));

  const orientation = framework.orientation.map((scale) => ({
    code: scale.code,
    leftPole: scale.leftPole,
    rightPole: scale.rightPole,
    self: round(meanOf((protectedResponses.self?.values ?? []).map((v) => v[scale.code]))),
    allOthers: round(meanOf((protectedResponses.allOthers?.values ?? []).map((v) => v[scale.code]))),
  }));

  const trend = input.previous && othersIndices
    ? ['leadership', 'management'].map((key) => {
        const before = input.previous!.indices[key as 'leadership' | 'management'];
        const now = othersIndices[key as 'leadership' | 'management'];
        const reliability = norms?.reliability[key];
        const rci = before !== null && now !== null && reliability ? computeRci({ x1: before, x2: now, sd: reliability.sd, reliability: reliability.alpha }) : null;
        return { key, previous: round(before), current: round(now), change: before !== null && now !== null ? round(now - before) : null, rci: rci ? round(rci.rci) : null, reliableChange: rci?.reliableChange ?? null };
      })
    : null;

  const lowest = [...competencies].filter((c) => c.allOthers !== null).sort((a, b) => a.allOthers! - b.allOthers! || a.code.localeCompare(b.code)).slice(0, 3);
  const suggestions = lowest.map((c) => ({
    competency: c.code,
    name: c.name,
    activities: input.catalog.filter((a) => a.competencies.includes(c.code)).slice(0, 3),
  }));

  return {
    participantName: input.participantName,
    cycleName: input.cycleName,
    responseCounts: {
      self: protectedResponses.self?.responses ?? 0,
      groups: protectedResponses.groups.map((g) => ({ key: g.key, label: g.label, responses: g.responses })),
      allOthers: protectedResponses.allOthers?.responses ?? 0,
      withheld: protectedResponses.withheldResponses,
    },
    quadrantCut: { value: round(cut), source: cutSource },
    indices: { self: selfIndices && roundIndices(selfIndices), allOthers: othersIndices && roundIndices(othersIndices) },
    competencies,
    blindSpots: withGap.filter((c) => c.gap! >= GAP).map((c) => ({ code: c.code, name: c.name, gap: c.gap })),
    hiddenStrengths: withGap.filter((c) => -c.gap! >= GAP).map((c) => ({ code: c.code, name: c.name, gap: c.gap })),
    selfOtherClass: overallSelf !== null && overallOthers !== null ? classifySelfOther(overallSelf, overallOthers, cut) : null,
    highestItems: itemMeans.slice(0, 5).map((i) => ({ ...i, mean: round(i.mean) })),
    lowestItems: [...itemMeans].sort((a, b) => a.mean - b.mean || a.code.localeCompare(b.code)).slice(0, 5).map((i) => ({ ...i, mean: round(i.mean) })),
    orientation,
    comments: protectedResponses.comments.map((c) => ({ ...c, question: framework.openQuestions.find((q) => q.code === c.questionCode)?.text ?? c.questionCode })),
    trend: trend && { previousCycle: input.previous!.cycleName, indices: trend },
    norms: norms ? { name: norms.name, size: norms.size, builtAt: norms.builtAt } : null,
    suggestions,
    notes: protectedResponses.notes,
  };
}

function roundIndices(indices: Indices) {
  return {
    leadership: round(indices.leadership),
    management: round(indices.management),
    leadership100: round(indices.leadership100, 1),
    management100: round(indices.management100, 1),
    balance: round(indices.balance, 1),
    quadrant: indices.quadrant,
  };
}

export type IndividualReport = ReturnType<typeof buildIndividualReport>;
