/** The framework document as the API sends it (see the server's framework-document.ts). */
export type Localised = Record<string, string>;

export interface FrameworkCompetency {
  code: string;
  capability: 'L' | 'M' | 'S';
  name: Localised;
  definition: Localised;
  behaviours: Localised[];
  retired?: boolean;
}

export interface FrameworkItem {
  code: string;
  competency: string;
  self: Localised;
  rater: Localised;
  reverse: boolean;
  retired?: boolean;
}

export interface FrameworkDocument {
  schemaVersion: 1;
  key: string;
  name: string;
  version: number;
  status?: string;
  languages: string[];
  description?: Localised;
  competencies: FrameworkCompetency[];
  items: FrameworkItem[];
  responseScale: { points: { value: number; label: Localised }[]; notObserved: { allowed: boolean; label: Localised } };
  orientation: { points: number; scales: { code: string; contrast: string; leftPole: Localised; rightPole: Localised; self: Localised; rater: Localised }[] };
  openQuestions: { code: string; self: Localised; rater: Localised }[];
  indices: Record<string, unknown>;
}

export interface FrameworkSummary {
  id: string;
  key: string;
  name: string;
  version: number;
  status: 'draft' | 'published' | 'retired';
  builtIn: boolean;
  publishedAt: string | null;
  updatedAt: string;
}

export interface FrameworkVersionView {
  framework: FrameworkSummary;
  document: FrameworkDocument;
}

export const capabilityName: Record<string, string> = { L: 'Leadership', M: 'Management', S: 'Shared' };

const languageNames = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'language' }) : null;
export function languageName(code: string): string {
  return languageNames?.of(code) ?? code;
}

/** Text in the chosen language, else the framework's first language, else any. */
export function textIn(text: Localised | undefined, language: string, fallback: string): string {
  if (!text) return '';
  return text[language] ?? text[fallback] ?? Object.values(text)[0] ?? '';
}
