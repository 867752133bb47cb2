import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCycleSettings } from '../cycles/cycle-rules.ts';
import { createTestTenant, TEST_PASSWORD, type TestTenant } from '../testing/fixtures.ts';
import { createTestApp, TestClient, type TestApp } from '../testing/test-app.ts';
import type { FrameworkDocument } from './framework-document.ts';
import { loadDefaultFramework } from './load-default-framework.ts';
import { frameworkVersions } from './schema.ts';
import { ensureBuiltInFramework } from './store.ts';

let t: TestApp;
let org: TestTenant;
let other: TestTenant;
let builtInId: string;
let admin: TestClient;

const put = (client: TestClient, url: string, payload: unknown) => client.request({ method: 'PUT', url, payload: payload as object });
const countVersions = async () => (await t.database.db.select().from(frameworkVersions)).length;

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestTenant(t.database.db, 'fw');
  other = await createTestTenant(t.database.db, 'fw-other');
  builtInId = await ensureBuiltInFramework(t.database.db, loadDefaultFramework());
  admin = new TestClient(t.app);
  expect((await admin.logIn(org.admin.email, TEST_PASSWORD)).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('framework lifecycle through the API', () => {
  let draftId: string;
  let draft: FrameworkDocument;

  it('shows the built-in default to every tenant, read-only', async () => {
    const list = (await admin.get('/api/admin/frameworks')).json().frameworks;
    expect(list).toEqual([expect.objectContaining({ id: builtInId, key: 'twofold-lm', version: 1, status: 'published', builtIn: true })]);
    const edit = await put(admin, `/api/admin/frameworks/${builtInId}`, { document: loadDefaultFramework() });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toContain('read-only');
    expect((await admin.post(`/api/admin/frameworks/${builtInId}/retire`)).statusCode).toBe(409);
  });

  it('clones the default into a draft: the next version, owned by the tenant', async () => {
    const response = await admin.post(`/api/admin/frameworks/${builtInId}/drafts`, {});
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.framework).toMatchObject({ key: 'twofold-lm', version: 2, status: 'draft', builtIn: false });
    draftId = body.framework.id;
    draft = body.document;
    expect(draft.items).toHaveLength(45);
    // One draft at a time per framework.
    expect((await admin.post(`/api/admin/frameworks/${builtInId}/drafts`, {})).statusCode).toBe(409);
  });

  it('refuses an invalid document with every bad path, and stores nothing', async () => {
    const before = (await admin.get(`/api/admin/frameworks/${draftId}`)).json().document;
    const broken = structuredClone(draft);
    broken.items[0]!.competency = 'NOPE';
    broken.items[5]!.code = broken.items[4]!.code;
    broken.responseScale.points = broken.responseScale.points.slice(0, 1);
    const response = await put(admin, `/api/admin/frameworks/${draftId}`, { document: broken });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
    expect(response.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['/items/0/competency', '/items/5/code', '/responseScale/points']),
    );
    expect((await admin.get(`/api/admin/frameworks/${draftId}`)).json().document).toEqual(before);

    const importCount = await countVersions();
    const badImport = await admin.post('/api/admin/frameworks/import', { document: { ...draft, key: 'Bad Key', items: 'none' } });
    expect(badImport.statusCode).toBe(400);
    expect(badImport.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['/key', '/items']));
    expect(await countVersions()).toBe(importCount);
  });

  it('saves a valid edit: reworded, added and retired items', async () => {
    const edited = structuredClone(draft);
    edited.items[0]!.rater.en = '{name} explains where the team is going this year.';
    edited.items[0]!.self.en = 'I explain where the team is going this year.';
    edited.items.push({ code: 'L1.4', competency: 'L1', self: { en: 'I share the plan with everyone.' }, rater: { en: '{name} shares the plan with everyone.' }, reverse: false });
    edited.items[2]!.retired = true;
    const response = await put(admin, `/api/admin/frameworks/${draftId}`, { document: edited });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().document.items).toHaveLength(46);
    draft = response.json().document;
  });

  it('previews the survey as a rater sees it, with the participant\'s name', async () => {
    const preview = (await admin.get(`/api/admin/frameworks/${draftId}/preview?form=rater&name=Jo%20Smith`)).json();
    const first = preview.survey.sections[0];
    expect(first.items.map((i: { text: string }) => i.text)).toContain('Jo Smith explains where the team is going this year.');
    expect(first.items.map((i: { code: string }) => i.code)).toEqual(['L1.1', 'L1.2', 'L1.4']); // L1.3 retired
    const self = (await admin.get(`/api/admin/frameworks/${draftId}/preview?form=self`)).json();
    expect(self.survey.sections[0].items[0].text).toBe('I explain where the team is going this year.');
  });

  it('diffs the draft against the version it came from', async () => {
    const { diff } = (await admin.get(`/api/admin/frameworks/${draftId}/diff`)).json();
    expect(diff.items.added).toEqual(['L1.4']);
    expect(diff.items.removed).toEqual([]);
    expect(diff.items.changed.map((c: { code: string }) => c.code)).toEqual(['L1.1', 'L1.3']);
    expect(diff.items.changed[0].changes.map((c: { field: string }) => c.field)).toEqual(['rater', 'self']);
    expect(diff.identical).toBe(false);
  });

  it('publishes the draft, which then never changes', async () => {
    const published = await admin.post(`/api/admin/frameworks/${draftId}/publish`);
    expect(published.statusCode).toBe(200);
    expect(published.json().framework).toMatchObject({ status: 'published', version: 2 });
    const edit = await put(admin, `/api/admin/frameworks/${draftId}`, { document: draft });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toContain('Create a new draft');
    expect((await admin.request({ method: 'DELETE', url: `/api/admin/frameworks/${draftId}` })).statusCode).toBe(409);
    expect((await admin.post(`/api/admin/frameworks/${draftId}/items-import`, { csv: 'code\n' })).statusCode).toBe(409);
    const stored = (await admin.get(`/api/admin/frameworks/${draftId}`)).json();
    expect(stored.document.items).toHaveLength(46);
    expect(stored.document.status).toBe('published');
  });

  it('exports JSON that imports back as the next version', async () => {
    const exported = await admin.get(`/api/admin/frameworks/${draftId}/export.json`);
    expect(exported.headers['content-disposition']).toBe('attachment; filename="twofold-lm-v2.json"');
    const imported = await admin.post('/api/admin/frameworks/import', { document: exported.json() });
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json().framework).toMatchObject({ key: 'twofold-lm', version: 3, status: 'draft' });
    const { diff } = (await admin.get(`/api/admin/frameworks/${imported.json().framework.id}/diff`)).json();
    expect(diff.identical).toBe(true);
    expect((await admin.request({ method: 'DELETE', url: `/api/admin/frameworks/${imported.json().framework.id}` })).statusCode).toBe(204);
  });

  it('round-trips items through CSV into a draft, and names CSV problems by line and column', async () => {
    const csv = (await admin.get(`/api/admin/frameworks/${draftId}/items.csv`)).body;
    expect(csv.split('\n')[0]).toBe('code,competency,self_en,rater_en,reverse,retired');
    const copy = (await admin.post(`/api/admin/frameworks/${draftId}/drafts`, { key: 'acme-lm', name: 'Acme L/M' })).json();
    expect(copy.framework).toMatchObject({ key: 'acme-lm', version: 1, status: 'draft' });

    const reworded = csv.replace('{name} shares the plan with everyone.', '{name} shares the plan with the whole team.');
    const ok = await admin.post(`/api/admin/frameworks/${copy.framework.id}/items-import`, { csv: reworded });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().document.items.find((i: { code: string }) => i.code === 'L1.4').rater.en).toBe('{name} shares the plan with the whole team.');

    const lines = csv.trimEnd().split('\n');
    lines[3] = lines[3]!.replace(/^L1\.3,L1,/, 'L1.3,ZZ,'); // item on line 4: unknown competency
    lines[6] = lines[6]!.replace(/,no,no$/, ',maybe,no'); // line 7: reverse is not yes/no
    const bad = await admin.post(`/api/admin/frameworks/${copy.framework.id}/items-import`, { csv: lines.join('\n') });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('csv_invalid');
    expect(bad.json().error.details.problems).toEqual([{ line: 7, column: 'reverse', message: '"maybe" must be yes or no.' }]);
    lines[6] = lines[6]!.replace(',maybe,no', ',no,no');
    const unknown = await admin.post(`/api/admin/frameworks/${copy.framework.id}/items-import`, { csv: lines.join('\n') });
    expect(unknown.json().error.details.problems).toEqual([{ line: 4, column: 'competency', message: 'unknown competency "ZZ"' }]);
    // Nothing of the refused files was stored.
    const after = (await admin.get(`/api/admin/frameworks/${copy.framework.id}`)).json().document;
    expect(after.items.find((i: { code: string }) => i.code === 'L1.3').competency).toBe('L1');
  });

  it('retires a published version: running cycles keep it, new cycles cannot use it', async () => {
    const retired = await admin.post(`/api/admin/frameworks/${draftId}/retire`);
    expect(retired.json().framework.status).toBe('retired');
    const cycle = await admin.post('/api/admin/cycles', {
      name: 'Too late',
      frameworkVersionId: draftId,
      deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      settings: defaultCycleSettings,
      participantPersonIds: [org.participant.personId],
    });
    expect(cycle.statusCode).toBe(400);
    expect(JSON.stringify(cycle.json())).toContain('retired');
  });

  it('keeps tenants apart: another organisation cannot see or touch these versions', async () => {
    const stranger = new TestClient(t.app);
    await stranger.logIn(other.admin.email, TEST_PASSWORD);
    expect((await stranger.get(`/api/admin/frameworks/${draftId}`)).statusCode).toBe(404);
    expect((await stranger.get('/api/admin/frameworks')).json().frameworks.map((f: { id: string }) => f.id)).toEqual([builtInId]);
    const participant = new TestClient(t.app);
    await participant.logIn(org.participant.email, TEST_PASSWORD);
    expect((await participant.get('/api/admin/frameworks')).statusCode).toBe(403);
    expect((await participant.post(`/api/admin/frameworks/${builtInId}/drafts`, {})).statusCode).toBe(403);
  });

  it('keeps wording in several languages and previews in the one asked for', async () => {
    // Every English text gets a French twin: { en: x } → { en: x, fr: "FR x" }.
    const bilingual = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(bilingual);
      if (value && typeof value === 'object') {
        const entries = Object.entries(value as Record<string, unknown>);
        if (entries.length === 1 && entries[0]![0] === 'en' && typeof entries[0]![1] === 'string') return { en: entries[0]![1], fr: `FR ${entries[0]![1]}` };
        return Object.fromEntries(entries.map(([k, v]) => [k, bilingual(v)]));
      }
      return value;
    };
    const document = { ...(bilingual(loadDefaultFramework()) as FrameworkDocument), key: 'bilingual-lm', languages: ['en', 'fr'] };
    const missing = structuredClone(document);
    delete (missing.items[3]!.self as Record<string, string>).fr;
    const refused = await admin.post('/api/admin/frameworks/import', { document: missing });
    expect(refused.json().error.details.issues).toEqual([{ path: '/items/3/self/fr', message: 'missing the "fr" wording' }]);

    const created = await admin.post('/api/admin/frameworks/import', { document });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().framework.id;
    const french = (await admin.get(`/api/admin/frameworks/${id}/preview?language=fr&name=Kim`)).json();
    expect(french.survey.language).toBe('fr');
    expect(french.survey.sections[0].items[0].text).toBe('FR Kim describes where the team is heading in the next few years.');
    const english = (await admin.get(`/api/admin/frameworks/${id}/preview?name=Kim`)).json();
    expect(english.survey.sections[0].items[0].text).toBe('Kim describes where the team is heading in the next few years.');
    expect((await admin.get(`/api/admin/frameworks/${id}/items.csv`)).body.split('\n')[0]).toBe('code,competency,self_en,rater_en,self_fr,rater_fr,reverse,retired');
  });

  it('publishes the JSON Schema', async () => {
    const schema = await t.app.inject({ url: '/api/frameworks/schema.json' });
    expect(schema.statusCode).toBe(200);
    expect(schema.json().title).toBe('Twofold framework');
    const [row] = await t.database.db.select().from(frameworkVersions).where(eq(frameworkVersions.id, builtInId));
    expect(row!.status).toBe('published');
  });
});
