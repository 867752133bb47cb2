import { readCsvRecords } from '../csv/read-csv-records.ts';
import type { CsvProblem } from '../http/errors.ts';

/**
 * Reads a people CSV (employee id, name, email, manager's employee id, department, level,
 * location) into rows, or into every problem found, each with its line and column. Pure:
 * nothing is stored here, so an import is all-or-nothing by construction.
 */
export interface PersonRow {
  line: number;
  employeeId: string;
  name: string;
  email: string;
  managerEmployeeId: string | null;
  department: string;
  level: string;
  location: string;
}



export const MAX_PEOPLE_ROWS = 100_000;

type Field = Exclude<keyof PersonRow, 'line'>;

// Accepted header names per field, compared without case, spaces, dashes or underscores.
const aliases: Record<Field, string[]> = {
  employeeId: ['employeeid', 'employeenumber', 'id'],
  name: ['name', 'fullname'],
  email: ['email', 'emailaddress', 'mail'],
  managerEmployeeId: ['manageremployeeid', 'managerid', 'manager', 'managersemployeeid'],
  department: ['department', 'dept'],
  level: ['level', 'grade'],
  location: ['location', 'site', 'office'],
};
const required: Field[] = ['employeeId', 'name', 'email'];
const columnLabel: Record<Field, string> = {
  employeeId: 'employee id',
  name: 'name',
  email: 'email',
  managerEmployeeId: "manager's employee id",
  department: 'department',
  level: 'level',
  location: 'location',
};
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const normalise = (header: string) => header.toLowerCase().replace(/[\s_\-']/g, '');

export function parsePeopleCsv(text: string): { ok: true; rows: PersonRow[] } | { ok: false; problems: CsvProblem[] } {
  const read = readCsvRecords(text);
  if (!read.ok) return read;
  const { header, records: body } = read;
  if (!header) return { ok: false, problems: [{ line: 1, column: '', message: 'The file is empty; the first line must name the columns.' }] };

  const problems: CsvProblem[] = [];
  const index = new Map<Field, number>();
  header.forEach((name, i) => {
    const field = (Object.keys(aliases) as Field[]).find((f) => aliases[f].includes(normalise(name)));
    if (field && !index.has(field)) index.set(field, i);
  });
  for (const field of required) {
    if (!index.has(field)) problems.push({ line: 1, column: columnLabel[field], message: `The header has no "${columnLabel[field]}" column.` });
  }
  if (problems.length > 0) return { ok: false, problems };
  if (body.length > MAX_PEOPLE_ROWS) {
    return { ok: false, problems: [{ line: 1, column: '', message: `The file has ${body.length} people; at most ${MAX_PEOPLE_ROWS} can be imported at once.` }] };
  }

  const rows: PersonRow[] = [];
  const seenIds = new Map<string, number>();
  const seenEmails = new Map<string, number>();
  for (const { record, line } of body) {
    if (record.length !== header.length) {
      problems.push({ line, column: '', message: `This line has ${record.length} fields; the header has ${header.length}.` });
      continue;
    }
    const value = (field: Field) => (index.has(field) ? (record[index.get(field)!] ?? '') : '');
    const row: PersonRow = {
      line,
      employeeId: value('employeeId'),
      name: value('name'),
      email: value('email').toLowerCase(),
      managerEmployeeId: value('managerEmployeeId') || null,
      department: value('department'),
      level: value('level'),
      location: value('location'),
    };
    problems.push(...checkPersonFields(row, value('email')));
    const { employeeId, email } = row;
    if (employeeId) {
      const first = seenIds.get(employeeId);
      if (first !== undefined) problems.push({ line, column: 'employee id', message: `Employee id ${employeeId} is already used on line ${first}.` });
      else seenIds.set(employeeId, line);
    }
    if (email) {
      const first = seenEmails.get(email);
      if (first !== undefined) problems.push({ line, column: 'email', message: `${email} is already used on line ${first}.` });
      else seenEmails.set(email, line);
    }
    rows.push(row);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows };
}

/**
 * Reads a list of employee ids (a CSV whose header has an employee id column; other
 * columns are ignored), with empty and repeated ids reported by line.
 */
export function parseEmployeeIdList(text: string): { ok: true; ids: { line: number; employeeId: string }[] } | { ok: false; problems: CsvProblem[] } {
  const read = readCsvRecords(text);
  if (!read.ok) return read;
  const { header, records: body } = read;
  const column = header?.findIndex((name) => aliases.employeeId.includes(normalise(name))) ?? -1;
  if (!header || column < 0) return { ok: false, problems: [{ line: 1, column: 'employee id', message: 'The first line must name an "employee_id" column.' }] };
  const problems: CsvProblem[] = [];
  const ids: { line: number; employeeId: string }[] = [];
  const seen = new Map<string, number>();
  for (const { record, line } of body) {
    const employeeId = record[column] ?? '';
    if (employeeId === '') {
      problems.push({ line, column: 'employee id', message: 'employee id is empty.' });
      continue;
    }
    const first = seen.get(employeeId);
    if (first !== undefined) problems.push({ line, column: 'employee id', message: `Employee id ${employeeId} is already listed on line ${first}.` });
    else seen.set(employeeId, line);
    ids.push({ line, employeeId });
  }
  if (ids.length === 0 && problems.length === 0) problems.push({ line: 1, column: '', message: 'The file lists nobody.' });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, ids };
}

/** The checks of one person's own fields: required, lengths, a valid email address. */
export function checkPersonFields(row: PersonRow, emailAsTyped = row.email): CsvProblem[] {
  const problems: CsvProblem[] = [];
  const line = row.line;
  for (const field of required) {
    if ((row[field] ?? '') === '') problems.push({ line, column: columnLabel[field], message: `${columnLabel[field]} is empty.` });
  }
  for (const field of Object.keys(aliases) as Field[]) {
    if ((row[field] ?? '').length > 200) problems.push({ line, column: columnLabel[field], message: 'is longer than 200 characters.' });
  }
  if (row.email && !EMAIL.test(row.email)) problems.push({ line, column: 'email', message: `"${emailAsTyped}" is not a valid email address.` });
  return problems;
}

/** The person field a CSV column label stands for (to name form fields in errors). */
export function fieldOfColumn(column: string): string | null {
  return (Object.keys(columnLabel) as Field[]).find((field) => columnLabel[field] === column) ?? null;
}

/**
 * Checks the reporting lines the import would create, against the people already stored:
 * managers must exist (in the file or already), no one manages themselves, no cycles.
 */
export function checkReportingLines(rows: PersonRow[], existing: { employeeId: string; managerEmployeeId: string | null; email: string }[]): CsvProblem[] {
  const problems: CsvProblem[] = [];
  const managerOf = new Map<string, string | null>(existing.map((p) => [p.employeeId, p.managerEmployeeId]));
  for (const row of rows) managerOf.set(row.employeeId, row.managerEmployeeId);
  // Emails stay unique across the organisation once the import is applied.
  const finalEmail = new Map(existing.map((p) => [p.employeeId, p.email]));
  for (const row of rows) finalEmail.set(row.employeeId, row.email);
  const owners = new Map<string, string[]>();
  for (const [employeeId, email] of finalEmail) owners.set(email, [...(owners.get(email) ?? []), employeeId]);
  for (const row of rows) {
    const other = owners.get(row.email)?.find((id) => id !== row.employeeId);
    if (other !== undefined) problems.push({ line: row.line, column: 'email', message: `${row.email} already belongs to employee ${other}.` });
    if (row.managerEmployeeId === null) continue;
    if (row.managerEmployeeId === row.employeeId) {
      problems.push({ line: row.line, column: "manager's employee id", message: 'A person cannot be their own manager.' });
      continue;
    }
    if (!managerOf.has(row.managerEmployeeId)) {
      problems.push({ line: row.line, column: "manager's employee id", message: `No person has employee id ${row.managerEmployeeId}.` });
      continue;
    }
    // Walk up the chain; coming back to this person means a reporting cycle.
    const chain = [row.employeeId];
    let current: string | null = row.managerEmployeeId;
    while (current !== null && chain.length <= managerOf.size) {
      if (current === row.employeeId) {
        problems.push({ line: row.line, column: "manager's employee id", message: `Reporting cycle: ${[...chain, current].join(' → ')}.` });
        break;
      }
      chain.push(current);
      current = managerOf.get(current) ?? null;
    }
  }
  return problems;
}
