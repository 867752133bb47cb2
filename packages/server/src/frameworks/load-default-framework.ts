import type { FrameworkDocumentForSurvey } from '../cycles/survey.ts';
import defaultFramework from './default-framework.en.json' with { type: 'json' };

export type DefaultFramework = FrameworkDocumentForSurvey & { key: string; version: number; name: string };

/** The shipped "Twofold L/M framework", version 1. */
export function loadDefaultFramework(): DefaultFramework {
  return defaultFramework as DefaultFramework;
}
