import { z } from 'zod';
import type { Issue } from '../http/errors.ts';

/**
 * The framework as a JSON document: the one shape stored (jsonb), imported, exported and
 * published as JSON Schema (GET /api/frameworks/schema.json, docs/framework.schema.json).
 * zod checks the shape; `checkFrameworkRules` checks what a schema cannot say (codes that
 * refer to each other, duplicates, wording in every declared language).
 */
const languageCode = z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'must be a language code such as "en" or "pt-BR"');
const code = z.string().regex(/^[A-Za-z][\w.-]{0,39}$/, 'must start with a letter and hold only letters, digits, ".", "_" or "-" (at most 40)');
const wording = z.string().trim().min(1, 'must not be empty').max(400, 'must be at most 400 characters');
/** Text in several languages, keyed by language code. */
const localised = z.record(languageCode, wording);

const competencySchema = z.strictObject({
  code,
  capability: z.enum(['L', 'M', 'S'], { message: 'must be L (leadership), M (management) or S (shared)' }),
  name: localised,
  definition: localised,
  behaviours: z.array(localised).max(10),
  retired: z.boolean().optional(),
});

const itemSchema = z.strictObject({
  code,
  competency: code,
  /** First person, for the self-assessment. */
  self: localised,
  /** Third person; {name} is replaced by the participant's name. */
  rater: localised,
  reverse: z.boolean(),
  retired: z.boolean().optional(),
});

export const frameworkDocumentSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    key: z.string().regex(/^[a-z][a-z0-9-]{1,62}$/, 'must be lower-case letters, digits and dashes (2 to 63)'),
    name: z.string().trim().min(1, 'must not be empty').max(200),
    version: z.int().min(1),
    status: z.enum(['draft', 'published', 'retired']).optional(),
    languages: z.array(languageCode).min(1, 'must declare at least one language'),
    description: localised.optional(),
    competencies: z.array(competencySchema).min(1, 'must have at least one competency').max(60),
    items: z.array(itemSchema).max(300),
    responseScale: z.strictObject({
      points: z.array(z.strictObject({ value: z.int(), label: localised })).max(11),
      notObserved: z.strictObject({ allowed: z.boolean(), label: localised }),
    }),
    orientation: z.strictObject({
      points: z.int().min(3).max(11),
      scales: z
        .array(
          z.strictObject({
            code,
            contrast: z.string().max(60),
            leftPole: localised,
            rightPole: localised,
            self: localised,
            rater: localised,
          }),
        )
        .max(12),
    }),
    openQuestions: z.array(z.strictObject({ code, self: localised, rater: localised })).max(10),
    indices: z.strictObject({
      /** A competency score needs at least this many answered items. */
      competencyMinAnswered: z.int().min(1),
      leadership: z.array(code).min(1),
      management: z.array(code).min(1),
      balance: z.strictObject({ formula: z.literal('100 - 25*|L-M|') }),
      quadrantCut: z.strictObject({ default: z.number().min(1).max(11), useNormMedian: z.boolean() }),
    }),
  })
  .meta({
    title: 'Twofold framework',
    description: 'A leadership / management competency framework: competencies, items, scales, open questions and index rules.',
  });

export type FrameworkDocument = z.infer<typeof frameworkDocumentSchema>;
export type FrameworkItem = FrameworkDocument['items'][number];
export type FrameworkCompetency = FrameworkDocument['competencies'][number];

/** The JSON Schema of a framework document, generated from the zod schema above. */
export function frameworkJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(frameworkDocumentSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}

function pointer(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '' : `/${path.map((p) => String(p).replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`;
}

/**
 * Every problem of a framework document, each with the JSON pointer of the bad field.
 * An empty list means the document can be stored (as a draft) and published.
 */
export function validateFrameworkDocument(input: unknown): { document: FrameworkDocument | null; issues: Issue[] } {
  const parsed = frameworkDocumentSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({ path: pointer([...issue.path, key]), message: 'is not a field of a framework document' }))
        : [{ path: pointer(issue.path), message: issue.message }],
    );
    return { document: null, issues };
  }
  const issues = checkFrameworkRules(parsed.data);
  return { document: issues.length === 0 ? parsed.data : null, issues };
}

/** The rules between fields: references, duplicates, minimum sizes, wording in every language. */
export function checkFrameworkRules(doc: FrameworkDocument): Issue[] {
  const issues: Issue[] = [];
  const problem = (path: string, message: string) => issues.push({ path, message });

  const duplicates = (entries: { key: string; path: string }[], what: string) => {
    const seen = new Map<string, string>();
    for (const entry of entries) {
      const first = seen.get(entry.key);
      if (first !== undefined) problem(entry.path, `duplicate ${what} "${entry.key}" (also at ${first})`);
      else seen.set(entry.key, entry.path);
    }
  };
  duplicates(doc.languages.map((l, i) => ({ key: l, path: `/languages/${i}` })), 'language');
  duplicates(doc.competencies.map((c, i) => ({ key: c.code, path: `/competencies/${i}/code` })), 'competency code');
  // Items and orientation scales are answered alike, so their codes share one namespace.
  duplicates(
    [...doc.items.map((item, i) => ({ key: item.code, path: `/items/${i}/code` })), ...doc.orientation.scales.map((s, i) => ({ key: s.code, path: `/orientation/scales/${i}/code` }))],
    'item or orientation code',
  );
  duplicates(doc.openQuestions.map((q, i) => ({ key: q.code, path: `/openQuestions/${i}/code` })), 'open question code');
  duplicates(doc.responseScale.points.map((p, i) => ({ key: String(p.value), path: `/responseScale/points/${i}/value` })), 'scale value');

  const competencies = new Map(doc.competencies.map((c) => [c.code, c]));
  doc.items.forEach((item, i) => {
    const competency = competencies.get(item.competency);
    if (!competency) problem(`/items/${i}/competency`, `unknown competency "${item.competency}"`);
    else if (competency.retired && !item.retired) problem(`/items/${i}/retired`, `the item belongs to the retired competency "${item.competency}"; retire the item too`);
    for (const language of doc.languages) {
      const rater = item.rater[language];
      if (rater !== undefined && !rater.includes('{name}')) problem(`/items/${i}/rater/${language}`, 'rater wording must name the participant with {name}');
    }
  });
  doc.competencies.forEach((competency, i) => {
    if (competency.retired) return;
    const active = doc.items.filter((item) => item.competency === competency.code && !item.retired).length;
    if (active < 2) problem(`/competencies/${i}`, `competency "${competency.code}" needs at least 2 active items (has ${active})`);
  });
  if (doc.responseScale.points.length < 2) problem('/responseScale/points', `the response scale needs at least 2 points (has ${doc.responseScale.points.length})`);

  (['leadership', 'management'] as const).forEach((index) => {
    const capability = index === 'leadership' ? 'L' : 'M';
    doc.indices[index].forEach((ref, i) => {
      const competency = competencies.get(ref);
      if (!competency) problem(`/indices/${index}/${i}`, `unknown competency "${ref}"`);
      else if (competency.capability !== capability) problem(`/indices/${index}/${i}`, `"${ref}" is a ${competency.capability} competency; the ${index} index takes ${capability} competencies only`);
    });
  });

  // Every text in every declared language.
  const needAll = (text: Record<string, string> | undefined, path: string) => {
    if (!text) return;
    for (const language of doc.languages) if (text[language] === undefined) problem(`${path}/${language}`, `missing the "${language}" wording`);
    for (const language of Object.keys(text)) if (!doc.languages.includes(language)) problem(`${path}/${language}`, `"${language}" is not one of the framework's languages (${doc.languages.join(', ')})`);
  };
  needAll(doc.description, '/description');
  doc.competencies.forEach((c, i) => {
    needAll(c.name, `/competencies/${i}/name`);
    needAll(c.definition, `/competencies/${i}/definition`);
    c.behaviours.forEach((b, j) => needAll(b, `/competencies/${i}/behaviours/${j}`));
  });
  doc.items.forEach((item, i) => {
    needAll(item.self, `/items/${i}/self`);
    needAll(item.rater, `/items/${i}/rater`);
  });
  doc.responseScale.points.forEach((p, i) => needAll(p.label, `/responseScale/points/${i}/label`));
  needAll(doc.responseScale.notObserved.label, '/responseScale/notObserved/label');
  doc.orientation.scales.forEach((s, i) => {
    for (const field of ['leftPole', 'rightPole', 'self', 'rater'] as const) needAll(s[field], `/orientation/scales/${i}/${field}`);
  });
  doc.openQuestions.forEach((q, i) => {
    needAll(q.self, `/openQuestions/${i}/self`);
    needAll(q.rater, `/openQuestions/${i}/rater`);
  });
  return issues;
}
