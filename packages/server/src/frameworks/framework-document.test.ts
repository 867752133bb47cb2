import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import defaultFramework from './default-framework.en.json' with { type: 'json' };
import { frameworkJsonSchema, validateFrameworkDocument, type FrameworkDocument } from './framework-document.ts';

const fresh = (): FrameworkDocument => structuredClone(defaultFramework) as FrameworkDocument;
const pathsOf = (doc: unknown) => validateFrameworkDocument(doc).issues.map((i) => i.path);
const messageAt = (doc: unknown, path: string) => validateFrameworkDocument(doc).issues.find((i) => i.path === path)?.message;

describe('validateFrameworkDocument', () => {
  it('accepts the shipped default framework: 15 competencies, 45 items, 6 orientation scales, 3 open questions', () => {
    const { document, issues } = validateFrameworkDocument(defaultFramework);
    expect(issues).toEqual([]);
    expect(document?.competencies).toHaveLength(15);
    expect(document?.items).toHaveLength(45);
    expect(document?.orientation.scales).toHaveLength(6);
    expect(document?.orientation.points).toBe(7);
    expect(document?.openQuestions).toHaveLength(3);
  });

  it('names an item whose competency does not exist', () => {
    const doc = fresh();
    doc.items[4]!.competency = 'L9';
    expect(messageAt(doc, '/items/4/competency')).toBe('unknown competency "L9"');
  });

  it('names duplicate codes where the second one is', () => {
    const doc = fresh();
    doc.items[7]!.code = doc.items[3]!.code;
    doc.competencies[2]!.code = doc.competencies[1]!.code;
    doc.orientation.scales[0]!.code = doc.items[0]!.code;
    const paths = pathsOf(doc);
    expect(paths).toContain('/items/7/code');
    expect(paths).toContain('/competencies/2/code');
    expect(paths).toContain('/orientation/scales/0/code');
    expect(messageAt(doc, '/items/7/code')).toContain('also at /items/3/code');
  });

  it('refuses a competency with fewer than 2 active items', () => {
    const doc = fresh();
    doc.items[0]!.retired = true;
    doc.items[1]!.retired = true;
    expect(messageAt(doc, '/competencies/0')).toBe('competency "L1" needs at least 2 active items (has 1)');
  });

  it('refuses a scale with fewer than 2 points, and duplicate scale values', () => {
    const doc = fresh();
    doc.responseScale.points = [doc.responseScale.points[0]!];
    expect(messageAt(doc, '/responseScale/points')).toContain('at least 2 points');
    const twice = fresh();
    twice.responseScale.points[1]!.value = 1;
    expect(pathsOf(twice)).toEqual(['/responseScale/points/1/value']);
  });

  it('names every text missing in a declared language, and text in an undeclared one', () => {
    const doc = fresh();
    doc.languages = ['en', 'fr'];
    const paths = pathsOf(doc);
    expect(paths).toContain('/items/0/self/fr');
    expect(paths).toContain('/competencies/14/definition/fr');
    expect(paths).toContain('/openQuestions/2/rater/fr');
    expect(paths).toContain('/responseScale/notObserved/label/fr');

    const stray = fresh();
    stray.items[2]!.self.de = 'Ich …';
    expect(messageAt(stray, '/items/2/self/de')).toContain('not one of the framework\'s languages');
  });

  it('requires the rater wording to name the participant', () => {
    const doc = fresh();
    doc.items[0]!.rater.en = 'Describes where the team is heading.';
    expect(messageAt(doc, '/items/0/rater/en')).toContain('{name}');
  });

  it('checks that index rules refer to competencies of the right capability', () => {
    const doc = fresh();
    doc.indices.leadership = ['L1', 'M1', 'Q7'];
    expect(messageAt(doc, '/indices/leadership/1')).toContain('is a M competency');
    expect(messageAt(doc, '/indices/leadership/2')).toBe('unknown competency "Q7"');
  });

  it('reports shape problems by path: wrong types, unknown fields, bad codes', () => {
    const doc = fresh() as unknown as Record<string, unknown> & { items: Record<string, unknown>[] };
    doc.items[1]!.reverse = 'no';
    doc.items[2]!.weight = 2;
    doc.colour = 'blue';
    (doc.competencies as { capability: string }[])[0]!.capability = 'X';
    const paths = pathsOf(doc);
    expect(paths).toEqual(expect.arrayContaining(['/items/1/reverse', '/items/2/weight', '/colour', '/competencies/0/capability']));
    expect(validateFrameworkDocument('not a framework').issues).toEqual([{ path: '', message: expect.any(String) }]);
  });
});

describe('the published JSON Schema', () => {
  it('is committed as docs/framework.schema.json, generated from the zod schema', () => {
    const committed = JSON.parse(readFileSync(new URL('../../../../docs/framework.schema.json', import.meta.url), 'utf8'));
    // Regenerate with: npx tsx scripts/write-framework-schema.ts
    expect(committed).toEqual(frameworkJsonSchema());
    expect(committed.required).toEqual(expect.arrayContaining(['competencies', 'items', 'responseScale', 'orientation', 'openQuestions', 'indices']));
  });
});
