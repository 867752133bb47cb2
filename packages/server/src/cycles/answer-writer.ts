import type { Sql } from '../db/client.ts';

export interface AnswerToSave {
  assignmentId: string;
  itemCode: string;
  /** null exactly when notObserved. */
  value: number | null;
  notObserved: boolean;
}

interface Pending {
  answer: AnswerToSave;
  settle: (written: boolean) => void;
  fail: (error: unknown) => void;
}

/**
 * Writes autosaved answers in batches. Every answer a rater's page sends is its own request;
 * under load, one INSERT and one commit (a WAL flush) per request is most of the cost of
 * the hottest path we have. Here an answer is written at once when its lane is free;
 * answers that arrive while their lane is writing wait and go together in the next
 * statement. Nobody is told "saved" before the statement holding their answer has
 * committed, so an acknowledged answer still survives a crash, and an idle server adds no
 * delay.
 *
 * The statement checks, in the database, that each assignment is still open and its cycle
 * still collecting before the deadline, and marks first answers "in progress". `save`
 * resolves to false when the link was closed, so the caller can say why.
 */
export interface AnswerWriter {
  save(answer: AnswerToSave): Promise<boolean>;
}

const DEADLOCK_DETECTED = '40P01';

// One writer per connection pool.
const writers = new WeakMap<Sql, AnswerWriter>();

export function answerWriterFor(sql: Sql): AnswerWriter {
  let writer = writers.get(sql);
  if (!writer) {
    writer = createAnswerWriter(async (batch, now) => {
      try {
        return await writeAnswerBatch(sql, batch, now);
      } catch (error) {
        // Another lane or app instance locked some of the same rows in another order (the
        // "in progress" update and the upsert are not ordered with each other): PostgreSQL
        // aborted this statement, which changed nothing, so it is safe to write again.
        if ((error as { code?: string }).code !== DEADLOCK_DETECTED) throw error;
        return writeAnswerBatch(sql, batch, now);
      }
    });
    writers.set(sql, writer);
  }
  return writer;
}

type WriteBatch = (answers: AnswerToSave[], now: Date) => Promise<Set<string>>;

const keyOf = (answer: Pick<AnswerToSave, 'assignmentId' | 'itemCode'>) => `${answer.assignmentId}\u0000${answer.itemCode}`;

/**
 * Batching without the database, so the rules are testable. Saves are spread over `lanes`
 * by assignment, each lane writing one batch at a time: one rater's saves stay in the
 * order they arrived (the last one wins), and a statement that waits on a lock holds up
 * only its own lane.
 */
export function createAnswerWriter(write: WriteBatch, options: { lanes?: number; maxBatch?: number } = {}): AnswerWriter {
  const { lanes: laneCount = 2, maxBatch = 500 } = options;
  const lanes = Array.from({ length: laneCount }, () => ({ queue: [] as Pending[], writing: false }));

  async function flush(lane: (typeof lanes)[number]): Promise<void> {
    lane.writing = true;
    while (lane.queue.length > 0) {
      const batch = lane.queue.splice(0, maxBatch);
      // Two saves of the same answer in one batch: the later one is what the rater chose
      // last (a statement cannot change a row twice). Both are told the same outcome.
      const latest = new Map<string, AnswerToSave>();
      for (const pending of batch) latest.set(keyOf(pending.answer), pending.answer);
      try {
        const written = await write([...latest.values()], new Date());
        for (const pending of batch) pending.settle(written.has(keyOf(pending.answer)));
      } catch (error) {
        for (const pending of batch) pending.fail(error);
      }
    }
    lane.writing = false;
  }

  return {
    save(answer) {
      const lane = lanes[laneOf(answer.assignmentId, laneCount)]!;
      return new Promise<boolean>((settle, fail) => {
        lane.queue.push({ answer, settle, fail });
        if (!lane.writing) void flush(lane);
      });
    },
  };
}

function laneOf(assignmentId: string, laneCount: number): number {
  let hash = 0;
  for (let i = 0; i < assignmentId.length; i++) hash = (hash * 31 + assignmentId.charCodeAt(i)) >>> 0;
  return hash % laneCount;
}

/**
 * One statement for the whole batch. Answers are upserted in key order, so overlapping
 * batches (two lanes, two app instances) take those row locks in the same order.
 */
async function writeAnswerBatch(sql: Sql, answers: AnswerToSave[], now: Date): Promise<Set<string>> {
  const input = JSON.stringify(
    answers.map((a) => ({ assignment_id: a.assignmentId, item_code: a.itemCode, value: a.value, not_observed: a.notObserved })),
  );
  // The open check reads each assignment (and its cycle) in the same statement that writes
  // the answer; nothing in the app deletes assignments, and the foreign key covers the rest.
  const rows = await sql<{ assignmentId: string; itemCode: string }[]>`
    with input as (
      select * from json_to_recordset(${input}::json)
        as i(assignment_id uuid, item_code text, value smallint, not_observed boolean)
    ), open_input as (
      select i.*, a.status
        from input i
        join assignments a on a.id = i.assignment_id
        join cycles c on c.id = a.cycle_id
       where a.status in ('not_started', 'in_progress')
         and c.status = 'collecting' and c.deadline > ${now.toISOString()}::timestamptz
    ), started as (
      update assignments set status = 'in_progress', started_at = now()
       where id in (select assignment_id from open_input where status = 'not_started')
    )
    insert into answers (assignment_id, item_code, value, not_observed, updated_at)
    select assignment_id, item_code, value, not_observed, now()
      from open_input
     order by assignment_id, item_code
    on conflict (assignment_id, item_code)
    do update set value = excluded.value, not_observed = excluded.not_observed, updated_at = now()
    returning assignment_id as "assignmentId", item_code as "itemCode"`;
  return new Set(rows.map(keyOf));
}
