/**
 * Jacobson & Truax (1991) reliable change index.
 *
 * SE = SD·sqrt(1 − r) is the standard error of measurement (SD of the pre-test
 * or norm group, r the reliability); S_diff = sqrt(2)·SE is the standard error
 * of a difference of two such scores; RCI = (x2 − x1)/S_diff. The change is
 * reliable when |RCI| exceeds the critical value (1.96 for two-sided 5%).
 */
import { PsychometricsInputError } from './errors.ts';

/** Inputs of {@link computeRci}. */
export interface RciInput {
  /** First (pre) score. */
  x1: number;
  /** Second (post) score. */
  x2: number;
  /** Standard deviation of the reference (pre-test or norm) group. */
  sd: number;
  /** Reliability of the measure (e.g. alpha or test–retest r), 0 ≤ r < 1. */
  reliability: number;
}

/** Result of {@link computeRci}. */
export interface RciResult {
  seMeasurement: number;
  sDiff: number;
  rci: number;
  reliableChange: boolean;
  /** Sign of a reliable change; `none` when the change is not reliable. */
  direction: 'increase' | 'decrease' | 'none';
}

/**
 * Reliable change index for one person.
 *
 * @param input - scores, reference SD and reliability.
 * @param criterion - critical |RCI| (default 1.96, two-sided 5%).
 * @throws PsychometricsInputError for SD ≤ 0, reliability outside [0, 1) or non-finite scores.
 */
export function computeRci(input: RciInput, criterion = 1.96): RciResult {
  const { x1, x2, sd, reliability: r } = input;
  if (!Number.isFinite(x1) || !Number.isFinite(x2)) {
    throw new PsychometricsInputError('RCI needs both scores (x1 and x2) as finite numbers.');
  }
  if (!(sd > 0) || !Number.isFinite(sd))
    throw new PsychometricsInputError(`RCI needs a positive SD, got ${sd}.`);
  if (!(r >= 0 && r < 1)) {
    throw new PsychometricsInputError(
      `RCI needs a reliability in [0, 1), got ${r} (with r = 1 there is no measurement error).`,
    );
  }
  const seMeasurement = sd * Math.sqrt(1 - r);
  const sDiff = Math.SQRT2 * seMeasurement;
  const rci = (x2 - x1) / sDiff;
  const reliableChange = Math.abs(rci) > criterion;
  return {
    seMeasurement,
    sDiff,
    rci,
    reliableChange,
    direction: reliableChange ? (rci > 0 ? 'increase' : 'decrease') : 'none',
  };
}

/** Presents one case in the layout of a ref/rci.json `cases` record. */
export function rciToPsychJson(
  input: RciInput,
  res: RciResult,
  caseName?: string,
): Record<string, unknown> {
  return {
    ...(caseName === undefined ? {} : { case: caseName }),
    x1: input.x1,
    x2: input.x2,
    sd: input.sd,
    r: input.reliability,
    se_measurement: res.seMeasurement,
    s_diff: res.sDiff,
    rci: res.rci,
    reliable_change: res.reliableChange,
    direction: res.direction,
  };
}
