import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { CsvInvalidError, NotFoundError, ValidationFailedError, type CsvProblem } from '../http/errors.ts';
import { checkPersonFields, checkReportingLines, fieldOfColumn, parseEmployeeIdList, parsePeopleCsv, type PersonRow } from './parse-people-csv.ts';
import { people } from './schema.ts';

/**
 * Imports people from CSV, all or nothing: parse and check everything first, then write in
 * one transaction. A re-import updates people by employee id; people not in the file are
 * left as they are.
 */
export async function importPeople(db: Database, tenantId: string, csv: string) {
  const parsed = parsePeopleCsv(csv);
  if (!parsed.ok) throw new CsvInvalidError(parsed.problems);
  return db.transaction(async (tx) => {
    // One import at a time per organisation, so two imports cannot interleave their checks.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`people-import:${tenantId}`}))`);
    const existing = await tx.select().from(people).where(eq(people.tenantId, tenantId));
    const byId = new Map(existing.map((p) => [p.id, p]));
    const existingRows = existing.map((p) => ({
      employeeId: p.employeeId,
      email: p.email,
      managerEmployeeId: p.managerId ? (byId.get(p.managerId)?.employeeId ?? null) : null,
    }));
    const problems = checkReportingLines(parsed.rows, existingRows);
    if (problems.length > 0) throw new CsvInvalidError(problems);

    const byEmployeeId = new Map(existing.map((p) => [p.employeeId, p]));
    const managerEmployeeIdOf = new Map(existingRows.map((p) => [p.employeeId, p.managerEmployeeId]));
    let created = 0;
    let updated = 0;
    let unchanged = 0;
    const idOf = new Map(existing.map((p) => [p.employeeId, p.id]));
    // Emails may swap between people in one import; park the ones that change first.
    const changing = parsed.rows.filter((r) => byEmployeeId.has(r.employeeId) && byEmployeeId.get(r.employeeId)!.email !== r.email);
    if (changing.length > 0) {
      await tx
        .update(people)
        .set({ email: sql`'import-' || ${people.id}::text` })
        .where(and(eq(people.tenantId, tenantId), inArray(people.employeeId, changing.map((r) => r.employeeId))));
    }
    for (const row of parsed.rows) {
      const before = byEmployeeId.get(row.employeeId);
      const values = { name: row.name, email: row.email, department: row.department, level: row.level, location: row.location };
      if (!before) {
        const [inserted] = await tx.insert(people).values({ tenantId, employeeId: row.employeeId, ...values }).returning({ id: people.id });
        idOf.set(row.employeeId, inserted!.id);
        created += 1;
        continue;
      }
      const fieldsChanged = (Object.keys(values) as (keyof typeof values)[]).some((key) => before[key] !== values[key]);
      const managerChanged = managerEmployeeIdOf.get(row.employeeId) !== row.managerEmployeeId;
      if (fieldsChanged) await tx.update(people).set({ ...values, updatedAt: new Date() }).where(eq(people.id, before.id));
      if (fieldsChanged || managerChanged) updated += 1;
      else unchanged += 1;
    }
    // Managers in a second pass: a manager may appear later in the file than their reports.
    for (const row of parsed.rows) {
      const before = byEmployeeId.get(row.employeeId);
      if (before && managerEmployeeIdOf.get(row.employeeId) === row.managerEmployeeId) continue;
      const managerId = row.managerEmployeeId ? idOf.get(row.managerEmployeeId)! : null;
      await tx.update(people).set({ managerId }).where(eq(people.id, idOf.get(row.employeeId)!));
    }
    await linkAccounts(tx, tenantId);
    return { created, updated, unchanged, untouched: existing.length - (updated + unchanged) };
  });
}

/** People get the account of the same email (invited before they were imported). */
async function linkAccounts(tx: Pick<Database, 'execute'>, tenantId: string): Promise<void> {
  await tx.execute(sql`
    update people p set user_id = u.id
      from users u
     where p.tenant_id = ${tenantId} and u.tenant_id = ${tenantId} and p.user_id is null and u.email = p.email
       and not exists (select 1 from people other where other.user_id = u.id)`);
}

/** One person as a form sends it: the CSV row's fields, without its line and employee id. */
export type PersonInput = Omit<PersonRow, 'line' | 'employeeId'>;

/** Problems of a one-person save, by form field (the CSV rules, named for a form). */
function formProblems(problems: CsvProblem[]): ValidationFailedError {
  return new ValidationFailedError(
    `Not saved: ${problems.map((p) => p.message).join(' ')}`,
    problems.map((p) => ({ path: `/${fieldOfColumn(p.column) ?? ''}`, message: p.message })),
  );
}

/**
 * Adds or edits one person with exactly the rules of the CSV import (required fields, a
 * valid and unique email, an existing manager, no reporting cycle). The employee id is the
 * key re-imports match on, so it is set once and never edited.
 */
export async function savePerson(db: Database, tenantId: string, input: PersonInput & { employeeId: string }, personId?: string) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`people-import:${tenantId}`}))`);
    const existing = await tx.select().from(people).where(eq(people.tenantId, tenantId));
    const byId = new Map(existing.map((p) => [p.id, p]));
    const target = personId ? byId.get(personId) : undefined;
    if (personId && !target) throw new NotFoundError('That person');
    const employeeId = target?.employeeId ?? input.employeeId.trim();
    const row: PersonRow = { line: 1, ...input, employeeId, email: input.email.trim().toLowerCase(), managerEmployeeId: input.managerEmployeeId?.trim() || null };
    const problems = checkPersonFields(row, input.email);
    if (!target && existing.some((p) => p.employeeId === employeeId)) {
      problems.push({ line: 1, column: 'employee id', message: `Employee id ${employeeId} is already used by ${existing.find((p) => p.employeeId === employeeId)!.name}.` });
    }
    if (problems.length > 0) throw formProblems(problems);
    const existingRows = existing.map((p) => ({ employeeId: p.employeeId, email: p.email, managerEmployeeId: p.managerId ? (byId.get(p.managerId)?.employeeId ?? null) : null }));
    const lineProblems = checkReportingLines([row], existingRows);
    if (lineProblems.length > 0) throw formProblems(lineProblems);
    const managerId = row.managerEmployeeId ? existing.find((p) => p.employeeId === row.managerEmployeeId)!.id : null;
    const values = { name: row.name, email: row.email, department: row.department, level: row.level, location: row.location, managerId, updatedAt: new Date() };
    if (target) {
      await tx.update(people).set(values).where(and(eq(people.id, target.id), eq(people.tenantId, tenantId)));
      return { id: target.id, created: false };
    }
    const [inserted] = await tx.insert(people).values({ tenantId, employeeId, ...values }).returning({ id: people.id });
    await linkAccounts(tx, tenantId);
    return { id: inserted!.id, created: true };
  });
}

/** The people a CSV of employee ids names, all or nothing: any unknown id refuses the file. */
export async function resolveEmployeeIds(db: Database, tenantId: string, csv: string) {
  const parsed = parseEmployeeIdList(csv);
  if (!parsed.ok) throw new CsvInvalidError(parsed.problems);
  const found = await db
    .select({ id: people.id, employeeId: people.employeeId, name: people.name, department: people.department })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), inArray(people.employeeId, parsed.ids.map((i) => i.employeeId))));
  const byEmployeeId = new Map(found.map((p) => [p.employeeId, p]));
  const unknown = parsed.ids.filter((i) => !byEmployeeId.has(i.employeeId));
  if (unknown.length > 0) {
    throw new CsvInvalidError(unknown.map((i) => ({ line: i.line, column: 'employee id', message: `No person has employee id ${i.employeeId}.` })));
  }
  return parsed.ids.map((i) => byEmployeeId.get(i.employeeId)!);
}

export async function listPeople(db: Database, tenantId: string) {
  const rows = await db.select().from(people).where(eq(people.tenantId, tenantId)).orderBy(asc(people.name));
  const byId = new Map(rows.map((p) => [p.id, p]));
  return rows.map((p) => ({
    id: p.id,
    employeeId: p.employeeId,
    name: p.name,
    email: p.email,
    department: p.department,
    level: p.level,
    location: p.location,
    managerEmployeeId: p.managerId ? (byId.get(p.managerId)?.employeeId ?? null) : null,
    managerName: p.managerId ? (byId.get(p.managerId)?.name ?? null) : null,
    hasAccount: p.userId !== null,
  }));
}

function csvField(value: string): string {
  return /[",;\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The same columns as the import, so an export can be edited and imported back. */
export async function exportPeopleCsv(db: Database, tenantId: string): Promise<string> {
  const list = await listPeople(db, tenantId);
  const lines = [
    'employee_id,name,email,manager_employee_id,department,level,location',
    ...list.map((p) => [p.employeeId, p.name, p.email, p.managerEmployeeId ?? '', p.department, p.level, p.location].map(csvField).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
