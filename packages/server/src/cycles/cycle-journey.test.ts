import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../mail/schema.ts';
import { people } from '../people/schema.ts';
import { insertPublishedFramework } from '../testing/cycle-fixtures.ts';
import { createTestTenant, TEST_PASSWORD, type TestTenant } from '../testing/fixtures.ts';
import { createTestApp, TestClient, type TestApp } from '../testing/test-app.ts';
import { sendDueReminders } from './reminders.ts';
import { answers } from './schema.ts';

let t: TestApp;
let org: TestTenant;
let frameworkId: string;
const peers: { id: string; email: string }[] = [];

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestTenant(t.database.db, 'cyc');
  frameworkId = await insertPublishedFramework(t.database.db);
  for (const n of [1, 2, 3]) {
    const [row] = await t.database.db
      .insert(people)
      .values({ tenantId: org.id, employeeId: `PEER${n}`, name: `Peer ${n}`, email: `peer${n}@cyc.example` })
      .returning();
    peers.push({ id: row!.id, email: row!.email });
  }
});
afterAll(() => t.close());

const settings = {
  raterGroups: [
    { group: 'manager', min: 0, max: 1 },
    { group: 'peers', min: 2, max: 3 },
    { group: 'others', min: 0, max: 2 },
  ],
  anonymity: { groupMinimum: 3, managerMinimum: 1, commentMinimum: 3 },
  selfAssessment: true,
  managerApproval: true,
  reminderDaysBeforeDeadline: [3],
};

async function mailTo(email: string) {
  return t.database.db.select().from(outbox).where(eq(outbox.to, email));
}

function linksIn(text: string): string[] {
  return [...text.matchAll(/\/r\/([\w-]+)/g)].map((m) => m[1]!);
}

describe('a 360° cycle from draft to close', () => {
  let cycleId: string;
  let participantId: string;
  const admin = () => {
    const client = new TestClient(t.app);
    return client.logIn(org.admin.email, TEST_PASSWORD).then(() => client);
  };

  it('creates a draft cycle and refuses impossible transitions', async () => {
    const client = await admin();
    const deadline = new Date(Date.now() + 10 * 86_400_000).toISOString();
    const bad = await client.post('/api/admin/cycles', { name: 'Q4', frameworkVersionId: frameworkId, deadline: 'tomorrow', settings, participantPersonIds: [org.participant.personId] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].path).toBe('/deadline');

    const created = await client.post('/api/admin/cycles', { name: 'Q4 feedback', frameworkVersionId: frameworkId, deadline, settings, participantPersonIds: [org.participant.personId] });
    expect(created.statusCode).toBe(201);
    cycleId = created.json().cycle.id;
    participantId = created.json().cycle.participants[0].id;
    const skip = await client.post(`/api/admin/cycles/${cycleId}/transition`, { to: 'released' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error.message).toContain('cannot move to released');
  });

  it('lets the participant nominate and the manager approve', async () => {
    const client = await admin();
    expect((await client.post(`/api/admin/cycles/${cycleId}/transition`, { to: 'nominating' })).statusCode).toBe(200);
    expect((await mailTo(org.participant.email)).some((m) => m.subject.includes('Choose who gives you feedback'))).toBe(true);

    const participant = new TestClient(t.app);
    await participant.logIn(org.participant.email, TEST_PASSWORD);
    const mine = await participant.get('/api/me/nominations');
    expect(mine.json().own[0].participantId).toBe(participantId);

    const selfRating = await participant.post(`/api/nominations/${participantId}`, { raters: [{ group: 'peers', email: org.participant.email, name: 'Me' }], submit: false });
    expect(selfRating.statusCode).toBe(400);
    expect(selfRating.json().error.details.issues[0].message).toContain('cannot rate themselves');

    const tooFew = await participant.post(`/api/nominations/${participantId}`, { raters: [{ group: 'peers', personId: peers[0]!.id }], submit: true });
    expect(tooFew.statusCode).toBe(400);
    expect(tooFew.json().error.message).toContain('break the cycle rules');

    const proposed = await participant.post(`/api/nominations/${participantId}`, {
      raters: [
        { group: 'peers', personId: peers[0]!.id },
        { group: 'peers', personId: peers[1]!.id },
        { group: 'others', email: 'outsider@partner.example', name: 'Olga Outsider' },
      ],
      submit: true,
    });
    expect(proposed.statusCode).toBe(200);
    expect(proposed.json().participant.nominationStatus).toBe('submitted');

    // The participant cannot approve their own raters; their manager can.
    const ids = proposed.json().nominations.map((n: { id: string }) => n.id);
    const selfApprove = await participant.post(`/api/nominations/${participantId}/decisions`, { decisions: [{ nominationId: ids[0], decision: 'approve' }] });
    expect(selfApprove.statusCode).toBe(409);

    const manager = new TestClient(t.app);
    await manager.logIn(org.manager.email, TEST_PASSWORD);
    const tasks = await manager.get('/api/me/nominations');
    expect(tasks.json().reports[0]).toMatchObject({ participantId, proposed: 3 });
    const decided = await manager.post(`/api/nominations/${participantId}/decisions`, {
      decisions: ids.map((nominationId: string) => ({ nominationId, decision: 'approve' })),
    });
    expect(decided.json().participant.nominationStatus).toBe('approved');

    // A colleague who is neither the participant, their manager nor an admin sees nothing.
    const coach = new TestClient(t.app);
    await coach.logIn(org.coach.email, TEST_PASSWORD);
    expect((await coach.get(`/api/nominations/${participantId}`)).statusCode).toBe(404);
  });

  let peerToken: string;
  let outsiderToken: string;
  let selfToken: string;

  it('opens collection: one personal link per rater and participant, mailed once per rater', async () => {
    const client = await admin();
    const opened = await client.post(`/api/admin/cycles/${cycleId}/transition`, { to: 'collecting' });
    expect(opened.statusCode).toBe(200);
    const peerMail = await mailTo(peers[0]!.email);
    expect(peerMail).toHaveLength(1);
    peerToken = linksIn(peerMail[0]!.text)[0]!;
    outsiderToken = linksIn((await mailTo('outsider@partner.example'))[0]!.text)[0]!;
    selfToken = linksIn((await mailTo(org.participant.email)).find((m) => m.subject.includes('requested'))!.text)[0]!;
    const managerMail = await mailTo(org.manager.email);
    expect(managerMail.some((m) => m.text.includes('(as manager)'))).toBe(true);
    expect(peerToken.length).toBeGreaterThanOrEqual(43); // 256 bits in base64url
  });

  it('lets a rater answer with autosave, resume, and submit once complete', async () => {
    const form = await t.app.inject({ url: `/api/r/${peerToken}` });
    expect(form.statusCode).toBe(200);
    expect(form.json()).toMatchObject({ form: 'rater', status: 'not_started', progress: { answered: 0, required: 5 } });
    expect(form.json().survey.sections[0].items[0].text).toContain('Participant');

    const save = (code: string, body: unknown) => t.app.inject({ method: 'PUT', url: `/api/r/${peerToken}/answers/${code}`, payload: body as object });
    const firstSave = await save("L1.1", { value: 4, notObserved: false });
    expect(firstSave.statusCode, firstSave.body).toBe(204);
    expect((await save('L1.1', { value: 5, notObserved: false })).statusCode).toBe(204);
    expect((await t.app.inject({ url: `/api/r/${peerToken}` })).json().progress).toEqual({ answered: 1, required: 5 });
    expect((await save('L1.2', { value: null, notObserved: true })).statusCode).toBe(204);
    expect((await save('L1.2', { value: 9, notObserved: false })).statusCode).toBe(400);
    expect((await save('L1.2', { value: '3', notObserved: false })).statusCode).toBe(400);
    expect((await save('X9', { value: 3, notObserved: false })).json().error.message).toContain('no question X9');

    const resumed = await t.app.inject({ url: `/api/r/${peerToken}` });
    expect(resumed.json().answers).toEqual({ 'L1.1': { value: 5, notObserved: false }, 'L1.2': { value: null, notObserved: true } });

    const early = await t.app.inject({ method: 'POST', url: `/api/r/${peerToken}/submit` });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toContain('3 question(s) still need an answer');

    for (const code of ['M1.1', 'M1.2']) await save(code, { value: 3, notObserved: false });
    await save('O1', { value: 6, notObserved: false });
    const comment = await t.app.inject({ method: 'PUT', url: `/api/r/${peerToken}/comments/keep`, payload: { text: 'Clear plans.' } });
    expect(comment.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'POST', url: `/api/r/${peerToken}/submit` })).statusCode).toBe(204);

    const after = await save('M1.1', { value: 1, notObserved: false });
    expect(after.statusCode).toBe(410);
    expect(after.json().error.message).toContain('already submitted');
    expect((await t.app.inject({ url: `/api/r/${peerToken}` })).json().closedMessage).toContain('already submitted');
  });

  it('says the same thing for a wrong token whatever it looks like', async () => {
    const a = await t.app.inject({ url: '/api/r/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' });
    const b = await t.app.inject({ url: '/api/r/short' });
    expect(a.statusCode).toBe(404);
    expect(b.statusCode).toBe(404);
    expect(a.json()).toEqual(b.json());
  });

  it('lets a rater decline, keeping none of their answers', async () => {
    await t.app.inject({ method: 'PUT', url: `/api/r/${outsiderToken}/answers/L1.1`, payload: { value: 2, notObserved: false } });
    const declined = await t.app.inject({ method: 'POST', url: `/api/r/${outsiderToken}/decline`, payload: { reason: 'I do not know their work.' } });
    expect(declined.statusCode).toBe(204);
    expect((await t.app.inject({ url: `/api/r/${outsiderToken}` })).json().status).toBe('declined');
  });

  it('shows the admin progress without any answer', async () => {
    const client = await admin();
    const progress = await client.get(`/api/admin/cycles/${cycleId}/progress`);
    expect(progress.statusCode).toBe(200);
    const body = progress.json();
    expect(body.totals).toMatchObject({ invited: 5, submitted: 1, declined: 1 });
    expect(body.notFinished.map((r: { raterEmail: string }) => r.raterEmail).sort()).toEqual([org.manager.email, org.participant.email, peers[1]!.email].sort());
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/"value"|Clear plans|"answers"/);
  });

  it('sends each due reminder once, with working fresh links, even when run twice', async () => {
    const cycle = (await (await admin()).get(`/api/admin/cycles/${cycleId}`)).json().cycle;
    const now = new Date(new Date(cycle.deadline).getTime() - 2 * 86_400_000);
    const options = { publicUrl: 'http://twofold.test', smtpConfigured: false, now };
    const [first, second] = await Promise.all([sendDueReminders(t.database.db, options), sendDueReminders(t.database.db, options)]);
    expect(first.sent + second.sent).toBe(3);
    expect((await sendDueReminders(t.database.db, options)).sent).toBe(0);
    const reminder = (await mailTo(peers[1]!.email)).find((m) => m.subject.startsWith('Reminder'))!;
    const freshToken = linksIn(reminder.text)[0]!;
    expect((await t.app.inject({ url: `/api/r/${freshToken}` })).statusCode).toBe(200);
    expect((await mailTo(peers[0]!.email)).some((m) => m.subject.startsWith('Reminder'))).toBe(false);
    // The admin's "send due reminders now" runs the same job for this cycle: nothing is left.
    const client = await admin();
    const now2 = await client.post(`/api/admin/cycles/${cycleId}/reminders`);
    expect(now2.statusCode).toBe(200);
    expect(now2.json()).toEqual({ sent: 0 });
  });

  it('freezes answers when the admin closes the cycle', async () => {
    const client = await admin();
    await t.app.inject({ method: 'PUT', url: `/api/r/${selfToken}/answers/L1.1`, payload: { value: 4, notObserved: false } });
    expect((await client.post(`/api/admin/cycles/${cycleId}/transition`, { to: 'closed' })).statusCode).toBe(200);
    const late = await t.app.inject({ method: 'PUT', url: `/api/r/${selfToken}/answers/L1.2`, payload: { value: 4, notObserved: false } });
    expect(late.statusCode).toBe(410);
    expect(late.json().error.message).toContain('closed');
    const stored = await t.database.db.select().from(answers);
    expect(stored.some((a) => a.itemCode === 'L1.2' && a.value === 4)).toBe(false);
  });

  it('tells each participant once when the cycle releases their report', async () => {
    const client = await admin();
    expect((await client.post(`/api/admin/cycles/${cycleId}/transition`, { to: 'released' })).statusCode).toBe(200);
    const notices = (await mailTo(org.participant.email)).filter((m) => m.subject.startsWith('Your feedback report is ready'));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toContain(`/reports/${participantId}`);
  });

  it('keeps cycles of the organisation away from other roles', async () => {
    const participant = new TestClient(t.app);
    await participant.logIn(org.participant.email, TEST_PASSWORD);
    expect((await participant.get('/api/admin/cycles')).statusCode).toBe(403);
    expect((await participant.get(`/api/admin/cycles/${cycleId}/progress`)).statusCode).toBe(403);
  });
});
