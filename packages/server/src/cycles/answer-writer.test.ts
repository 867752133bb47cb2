import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPublishedFramework, miniFramework } from '../testing/cycle-fixtures.ts';
import { createTestTenant, type TestTenant } from '../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { type AnswerToSave, createAnswerWriter } from './answer-writer.ts';
import { answers, assignments, cycleParticipants, cycles } from './schema.ts';
import { mintLinks } from './service.ts';

const answer = (assignmentId: string, itemCode: string, value: number | null = 3): AnswerToSave => ({
  assignmentId,
  itemCode,
  value,
  notObserved: value === null,
});
const keyOf = (a: AnswerToSave) => `${a.assignmentId}\u0000${a.itemCode}`;

/** A fake database write that holds each batch until the test releases it. */
function heldWrites() {
  const batches: { answers: AnswerToSave[]; release: (written?: Set<string>) => void; fail: (error: Error) => void }[] = [];
  const write = (batch: AnswerToSave[]) =>
    new Promise<Set<string>>((resolve, reject) => {
      batches.push({ answers: batch, release: (written) => resolve(written ?? new Set(batch.map(keyOf))), fail: reject });
    });
  return { batches, write };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('batching autosaved answers', () => {
  it('writes the first answer at once and the ones that arrive meanwhile in one statement', async () => {
    const { batches, write } = heldWrites();
    const writer = createAnswerWriter(write, { lanes: 1 });
    const first = writer.save(answer('a', 'L1'));
    await tick();
    expect(batches).toHaveLength(1);
    const waiting = [writer.save(answer('b', 'L1')), writer.save(answer('c', 'L1')), writer.save(answer('d', 'M1'))];
    await tick();
    expect(batches).toHaveLength(1); // nothing more is written while the first batch is open
    batches[0]!.release();
    expect(await first).toBe(true);
    await tick();
    expect(batches).toHaveLength(2);
    expect(batches[1]!.answers.map((a) => a.assignmentId)).toEqual(['b', 'c', 'd']);
    let settled = false;
    void Promise.all(waiting).then(() => (settled = true));
    await tick();
    expect(settled).toBe(false); // nobody hears "saved" before their batch has committed
    batches[1]!.release();
    expect(await Promise.all(waiting)).toEqual([true, true, true]);
  });

  it('keeps the later of two saves of the same answer, and tells both', async () => {
    const { batches, write } = heldWrites();
    const writer = createAnswerWriter(write, { lanes: 1 });
    const first = writer.save(answer('a', 'L1', 1));
    const changed = [writer.save(answer('a', 'L1', 2)), writer.save(answer('a', 'L1', 5))];
    batches[0]!.release();
    await first;
    await tick();
    expect(batches[1]!.answers).toEqual([answer('a', 'L1', 5)]);
    batches[1]!.release();
    expect(await Promise.all(changed)).toEqual([true, true]);
  });

  it('says which answers were not written (a closed link) and fails only the batch that failed', async () => {
    const { batches, write } = heldWrites();
    const writer = createAnswerWriter(write, { lanes: 1 });
    const lost = writer.save(answer('open', 'L1'));
    const queued = [writer.save(answer('open', 'L2')), writer.save(answer('closed', 'L2'))];
    await tick();
    batches[0]!.fail(new Error('connection lost'));
    await expect(lost).rejects.toThrow('connection lost');
    await tick();
    expect(batches).toHaveLength(2); // the queue goes on after a failure
    batches[1]!.release(new Set([keyOf(answer('open', 'L2'))]));
    expect(await Promise.all(queued)).toEqual([true, false]);
  });

  it('splits a long queue into batches of at most the given size', async () => {
    const { batches, write } = heldWrites();
    const writer = createAnswerWriter(write, { lanes: 1, maxBatch: 2 });
    const saves = ['a', 'b', 'c', 'd', 'e'].map((id) => writer.save(answer(id, 'L1')));
    for (let n = 0; n < 3; n++) {
      await tick();
      batches[n]!.release();
    }
    expect(await Promise.all(saves)).toEqual([true, true, true, true, true]);
    // The first save goes alone, at once; the four that queued behind it go two by two.
    expect(batches.map((b) => b.answers.length)).toEqual([1, 2, 2]);
  });
});

describe('lanes', () => {
  it('writes different raters side by side, and one rater\'s saves in the order they came', async () => {
    const { batches, write } = heldWrites();
    const writer = createAnswerWriter(write, { lanes: 4 });
    const ids = Array.from({ length: 12 }, (_, n) => `assignment-${n}`);
    const saves = [...ids.map((id) => writer.save(answer(id, 'L1', 1))), ...ids.map((id) => writer.save(answer(id, 'L1', 5)))];
    await tick();
    // Several lanes are writing at once, each one batch at a time.
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.length).toBeLessThanOrEqual(4);
    for (let released = 0; released < batches.length; released++) {
      batches[released]!.release();
      await tick();
    }
    expect(await Promise.all(saves)).toEqual(saves.map(() => true));
    // Per rater, the values in the order they were written: the 5 always comes last.
    for (const id of ids) {
      const written = batches.flatMap((b) => b.answers).filter((a) => a.assignmentId === id).map((a) => a.value);
      expect(written.at(-1)).toBe(5);
      expect(written.indexOf(1)).toBeLessThanOrEqual(0);
    }
  });
});

describe('autosave under concurrency, on PostgreSQL through the HTTP API', () => {
  let t: TestApp;
  let tenant: TestTenant;
  beforeAll(async () => {
    t = await createTestApp();
    tenant = await createTestTenant(t.database.db, 'batch');
  });
  afterAll(async () => t.close());

  async function cycleWithRaters(status: 'collecting' | 'closed', raters: number, deadline = new Date(Date.now() + 86_400_000)) {
    const { db } = t.database;
    const frameworkId = await insertPublishedFramework(db, tenant.id);
    const [cycle] = await db
      .insert(cycles)
      .values({
        tenantId: tenant.id,
        name: `Cycle ${status}`,
        frameworkVersionId: frameworkId,
        status,
        deadline,
        settings: { raterGroups: [{ group: 'peers', min: 0, max: 100 }], anonymity: { groupMinimum: 3, managerMinimum: 1, commentMinimum: 3 }, selfAssessment: false, managerApproval: false, reminderDaysBeforeDeadline: [] },
      })
      .returning();
    const [participant] = await db.insert(cycleParticipants).values({ tenantId: tenant.id, cycleId: cycle!.id, personId: tenant.participant.personId }).returning();
    const rows = await db
      .insert(assignments)
      .values(Array.from({ length: raters }, (_, n) => ({ tenantId: tenant.id, cycleId: cycle!.id, participantId: participant!.id, raterGroup: 'peers' as const, raterEmail: `r${n}-${status}@x.example`, raterName: `R${n}` })))
      .returning({ id: assignments.id });
    const links = await mintLinks(db, tenant.id, rows.map((r) => r.id));
    return { cycleId: cycle!.id, links: [...links] };
  }

  it('saves every answer of many raters at once, refuses the closed and late ones, and marks raters in progress', async () => {
    const open = await cycleWithRaters('collecting', 30);
    const closed = await cycleWithRaters('closed', 5);
    const late = await cycleWithRaters('collecting', 5, new Date(Date.now() - 60_000));
    const items = miniFramework.items.map((item) => item.code);
    const put = (token: string, code: string, value: number) =>
      t.app.inject({ method: 'PUT', url: `/api/r/${token}/answers/${code}`, payload: { value, notObserved: false } });
    const requests = [...open.links, ...closed.links, ...late.links].flatMap(([, token], n) => items.map((code) => put(token, code, 1 + ((n + code.length) % 5))));
    const responses = await Promise.all(requests);

    const openCount = open.links.length * items.length;
    expect(responses.slice(0, openCount).map((r) => r.statusCode)).toEqual(Array(openCount).fill(204));
    for (const response of responses.slice(openCount, openCount + closed.links.length * items.length)) {
      expect(response.statusCode).toBe(410);
      expect(response.json().error.message).toContain('is closed');
    }
    for (const response of responses.slice(openCount + closed.links.length * items.length)) {
      expect(response.statusCode).toBe(410);
      expect(response.json().error.message).toContain('deadline');
    }

    const { db } = t.database;
    const stored = await db.select().from(answers).innerJoin(assignments, eq(answers.assignmentId, assignments.id));
    expect(stored.filter((row) => row.assignments.cycleId === open.cycleId)).toHaveLength(openCount);
    expect(stored.filter((row) => row.assignments.cycleId !== open.cycleId)).toHaveLength(0);
    const statuses = await db.select({ status: assignments.status }).from(assignments).where(inArray(assignments.id, open.links.map(([id]) => id)));
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(['in_progress']));
  });

  it('keeps the answer a rater gave last when they change it quickly, and stores nothing twice', async () => {
    const { links } = await cycleWithRaters('collecting', 1);
    const [assignmentId, token] = links[0]!;
    const code = miniFramework.items[0]!.code;
    const responses = [];
    // Sequential from the rater's page; concurrent with other raters' saves that fill batches.
    const others = await cycleWithRaters('collecting', 20);
    const noise = others.links.map(([, other]) => t.app.inject({ method: 'PUT', url: `/api/r/${other}/answers/${code}`, payload: { value: 2, notObserved: false } }));
    for (const value of [1, 4, 2, 5]) {
      responses.push(await t.app.inject({ method: 'PUT', url: `/api/r/${token}/answers/${code}`, payload: { value, notObserved: false } }));
    }
    await Promise.all(noise);
    expect(responses.map((r) => r.statusCode)).toEqual([204, 204, 204, 204]);
    const rows = await t.database.db.select().from(answers).where(eq(answers.assignmentId, assignmentId));
    expect(rows).toEqual([expect.objectContaining({ itemCode: code, value: 5, notObserved: false })]);
  });
});
