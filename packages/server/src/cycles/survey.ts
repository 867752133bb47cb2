/**
 * What a rater sees: the pinned framework version turned into the questions of one form
 * (self or rater wording, in the framework's language, with the participant's name).
 */
type Localised = Record<string, string>;

export interface FrameworkDocumentForSurvey {
  languages: string[];
  competencies: { code: string; capability: string; name: Localised; retired?: boolean }[];
  items: { code: string; competency: string; self: Localised; rater: Localised; retired?: boolean }[];
  responseScale: { points: { value: number; label: Localised }[]; notObserved: { allowed: boolean; label: Localised } };
  orientation: {
    points: number;
    scales: { code: string; contrast: string; leftPole: Localised; rightPole: Localised; self: Localised; rater: Localised }[];
  };
  openQuestions: { code: string; self: Localised; rater: Localised }[];
}

export interface Survey {
  language: string;
  scale: { value: number; label: string }[];
  notObserved: { allowed: boolean; label: string };
  sections: {
    code: string;
    title: string;
    items: { code: string; text: string }[];
  }[];
  orientation: { points: number; scales: { code: string; text: string; leftPole: string; rightPole: string }[] };
  openQuestions: { code: string; text: string }[];
  /** Every item and orientation code a submission must answer. */
  requiredCodes: string[];
  /** Valid values per answerable code. */
  valueRange: Map<string, { min: number; max: number; notObservedAllowed: boolean }>;
}

/** Text in the language asked for, else the framework's first language, else any. */
export function pickText(text: Localised, language: string, fallback: string): string {
  return text[language] ?? text[fallback] ?? Object.values(text)[0] ?? '';
}

export function buildSurvey(
  doc: FrameworkDocumentForSurvey,
  form: 'self' | 'rater',
  participantName: string,
  requestedLanguage?: string,
): Survey {
  const fallback = doc.languages[0] ?? 'en';
  const language = requestedLanguage && doc.languages.includes(requestedLanguage) ? requestedLanguage : fallback;
  const word = (text: Localised) => pickText(text, language, fallback).replaceAll('{name}', participantName);
  const values = doc.responseScale.points.map((p) => p.value);
  const valueRange = new Map<string, { min: number; max: number; notObservedAllowed: boolean }>();
  const sections = doc.competencies
    .filter((c) => !c.retired)
    .map((competency) => ({
      code: competency.code,
      title: pickText(competency.name, language, fallback),
      items: doc.items
        .filter((item) => item.competency === competency.code && !item.retired)
        .map((item) => {
          valueRange.set(item.code, {
            min: Math.min(...values),
            max: Math.max(...values),
            notObservedAllowed: doc.responseScale.notObserved.allowed,
          });
          return { code: item.code, text: word(form === 'self' ? item.self : item.rater) };
        }),
    }))
    .filter((section) => section.items.length > 0);
  const orientation = {
    points: doc.orientation.points,
    scales: doc.orientation.scales.map((scale) => {
      valueRange.set(scale.code, { min: 1, max: doc.orientation.points, notObservedAllowed: true });
      return {
        code: scale.code,
        text: word(form === 'self' ? scale.self : scale.rater),
        leftPole: word(scale.leftPole),
        rightPole: word(scale.rightPole),
      };
    }),
  };
  const itemCodes = sections.flatMap((s) => s.items.map((i) => i.code));
  return {
    language,
    scale: doc.responseScale.points.map((p) => ({ value: p.value, label: pickText(p.label, language, fallback) })),
    notObserved: { allowed: doc.responseScale.notObserved.allowed, label: pickText(doc.responseScale.notObserved.label, language, fallback) },
    sections,
    orientation,
    openQuestions: doc.openQuestions.map((q) => ({ code: q.code, text: word(form === 'self' ? q.self : q.rater) })),
    requiredCodes: [...itemCodes, ...orientation.scales.map((s) => s.code)],
    valueRange,
  };
}
