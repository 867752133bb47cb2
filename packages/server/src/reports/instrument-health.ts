import { computeAlpha } from '@twofold/psychometrics/alpha';
import { createDataset } from '@twofold/psychometrics/dataset';
import { fa } from '@twofold/psychometrics/fa';
import { omega } from '@twofold/psychometrics/omega';
import type { ScoringModel } from './score-responses.ts';

/**
 * How well the instrument worked in a set of responses: reliability per competency (α,
 * item–rest correlations), "not observed" rates, ω over the L and M items, and whether an
 * exploratory factor analysis separates leadership from management. Every statistic comes
 * from packages/psychometrics. Only aggregate figures over many responses come out.
 */
export const MIN_RESPONSES_FOR_HEALTH = 20;

const round = (x: number, digits = 3) => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : null);

function attempt<T>(run: () => T): { ok: true; value: T } | { ok: false; error: string } {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

export function assessInstrumentHealth(model: ScoringModel, responses: Record<string, number | null>[]) {
  if (responses.length < MIN_RESPONSES_FOR_HEALTH) {
    return { responses: responses.length, enough: false as const, message: `Instrument health needs at least ${MIN_RESPONSES_FOR_HEALTH} responses; there are ${responses.length}.` };
  }
  const column = (code: string) => Float64Array.from(responses, (r) => (typeof r[code] === 'number' ? (r[code] as number) : Number.NaN));
  const notObservedRate = (code: string) => responses.filter((r) => r[code] === null || r[code] === undefined).length / responses.length;

  const competencies = model.competencies.map((competency) => {
    const result = attempt(() => computeAlpha(createDataset(competency.items, competency.items.map(column))));
    return {
      code: competency.code,
      capability: competency.capability,
      alpha: result.ok ? round(result.value.total.rawAlpha) : null,
      standardisedAlpha: result.ok ? round(result.value.total.stdAlpha) : null,
      problem: result.ok ? null : result.error,
      items: competency.items.map((code) => ({
        code,
        itemRestCorrelation: result.ok ? round(result.value.itemStats.find((s) => s.item === code)?.rDrop ?? Number.NaN) : null,
        notObservedRate: round(notObservedRate(code)),
      })),
    };
  });

  const lmItems = model.competencies.filter((c) => c.capability !== 'S').flatMap((c) => c.items);
  const capabilityOf = new Map(model.competencies.flatMap((c) => c.items.map((item) => [item, c.capability] as const)));
  const data = createDataset(lmItems, lmItems.map(column));
  const omegaResult = attempt(() => omega(data, { nfactors: 3 }));

  const efa = (nfactors: number) => {
    const result = attempt(() => fa(data, { nfactors, fm: 'minres', rotate: 'oblimin' }));
    if (!result.ok) return { nfactors, problem: result.error };
    const { loadings, factorNames } = result.value;
    // Each item's main factor; L and M "separate" when most L items share one main factor,
    // most M items share another.
    const main = loadings.map((row) => row.reduce((best, value, k) => (Math.abs(value) > Math.abs(row[best]!) ? k : best), 0));
    const majority = (capability: string) => {
      const counts = new Map<number, number>();
      lmItems.forEach((item, i) => capabilityOf.get(item) === capability && counts.set(main[i]!, (counts.get(main[i]!) ?? 0) + 1));
      const [factor, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
      const total = lmItems.filter((item) => capabilityOf.get(item) === capability).length;
      return { factor: factorNames[factor] ?? String(factor), share: round(count / total, 2) };
    };
    const l = majority('L');
    const m = majority('M');
    const phi = result.value.phi;
    return {
      nfactors,
      factorNames,
      leadershipItemsMainFactor: l,
      managementItemsMainFactor: m,
      separates: l.factor !== m.factor && (l.share ?? 0) >= 0.6 && (m.share ?? 0) >= 0.6,
      factorCorrelations: phi ? phi.map((row) => row.map((x) => round(x))) : null,
      fit: { rmsea: round(result.value.stats.RMSEA?.RMSEA ?? Number.NaN), tli: round(result.value.stats.TLI ?? Number.NaN) },
      loadings: lmItems.map((item, i) => ({ item, capability: capabilityOf.get(item), loadings: loadings[i]!.map((x) => round(x)) })),
    };
  };

  return {
    responses: responses.length,
    enough: true as const,
    competencies,
    omega: omegaResult.ok
      ? { omegaHierarchical: round(omegaResult.value.omegaH), omegaTotal: round(omegaResult.value.omegaTotal), nfactors: 3 }
      : { problem: omegaResult.error },
    factorAnalysis: [efa(2), efa(3)],
  };
}
