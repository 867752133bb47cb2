import { computeAlpha } from '@twofold/psychometrics/alpha';
import { createDataset } from '@twofold/psychometrics/dataset';
import { buildNorms } from '@twofold/psychometrics/norms';
import type { ScoringModel } from './score-responses.ts';

/** A norm group needs this many people before its percentiles mean anything. */
export const MIN_NORM_GROUP_SIZE = 20;

/** One person's all-raters scores, as their report shows them. */
export interface NormPerson {
  competencies: Record<string, number | null>;
  leadership: number | null;
  management: number | null;
}

/** What a norm group stores: sorted samples, and reliability (α) with SD for the RCI. */
export interface StoredNormData {
  competencies: Record<string, number[]>;
  leadership: number[];
  management: number[];
  reliability: Record<string, { alpha: number; sd: number }>;
}

const present = (values: (number | null)[]) => values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);

/**
 * Builds the norm data: per competency and index, every person's score (ascending), and
 * the reliability the reliable change index needs — Cronbach's α of the scale over all
 * rater responses, with the SD of the person scores. Pure; statistics from psychometrics.
 */
export function buildNormData(model: ScoringModel, persons: NormPerson[], responses: Record<string, number | null>[]): StoredNormData {
  const column = (code: string) => Float64Array.from(responses, (r) => (typeof r[code] === 'number' ? (r[code] as number) : Number.NaN));
  const alphaOf = (items: string[]): number | null => {
    try {
      const alpha = computeAlpha(createDataset(items, items.map(column))).total.rawAlpha;
      return Number.isFinite(alpha) ? alpha : null;
    } catch {
      return null; // too few answers on an item: no reliability, so no RCI for this scale
    }
  };
  const sdOf = (sample: number[]) => (sample.length > 1 ? buildNorms(sample).sd : Number.NaN);

  const competencies = Object.fromEntries(model.competencies.map((c) => [c.code, present(persons.map((p) => p.competencies[c.code] ?? null))]));
  const leadership = present(persons.map((p) => p.leadership));
  const management = present(persons.map((p) => p.management));
  const reliability: StoredNormData['reliability'] = {};
  const add = (key: string, items: string[], sample: number[]) => {
    const alpha = alphaOf(items);
    const sd = sdOf(sample);
    if (alpha !== null && Number.isFinite(sd)) reliability[key] = { alpha, sd };
  };
  for (const c of model.competencies) add(c.code, c.items, competencies[c.code]!);
  add('leadership', model.competencies.filter((c) => c.capability === 'L').flatMap((c) => c.items), leadership);
  add('management', model.competencies.filter((c) => c.capability === 'M').flatMap((c) => c.items), management);
  return { competencies, leadership, management, reliability };
}
