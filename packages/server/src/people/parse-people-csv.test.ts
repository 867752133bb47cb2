import { describe, expect, it } from 'vitest';
import { checkReportingLines, parsePeopleCsv } from './parse-people-csv.ts';

const header = 'employee_id,name,email,manager_employee_id,department,level,location';

describe('parsePeopleCsv', () => {
  it('reads comma or semicolon files, with or without BOM, quoted fields included', () => {
    const comma = parsePeopleCsv(`\uFEFF${header}\r\nE1,"Ruiz, Ana",ana@x.example,,Ops,Manager,"Madrid"\r\nE2,Bo,bo@x.example,E1,Ops,Team,Madrid\r\n`);
    expect(comma).toMatchObject({ ok: true, rows: [{ line: 2, name: 'Ruiz, Ana', managerEmployeeId: null }, { line: 3, managerEmployeeId: 'E1' }] });
    const semicolon = parsePeopleCsv('Employee ID;Name;Email;Manager\nE1;Ana;ana@x.example;\n');
    expect(semicolon).toMatchObject({ ok: true, rows: [{ employeeId: 'E1', email: 'ana@x.example' }] });
  });

  it('names line and column for every problem at once', () => {
    const result = parsePeopleCsv(`${header}\nE1,Ana,not-an-email,,,,\nE1,Bo,bo@x.example,,,,\nE3,,cy@x.example,,,,\nE4,Di,bo@x.example,,,,\nE5,Ed\n`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { line: 2, column: 'email', message: '"not-an-email" is not a valid email address.' },
      { line: 3, column: 'employee id', message: 'Employee id E1 is already used on line 2.' },
      { line: 4, column: 'name', message: 'name is empty.' },
      { line: 5, column: 'email', message: 'bo@x.example is already used on line 3.' },
      { line: 6, column: '', message: 'This line has 2 fields; the header has 7.' },
    ]);
  });

  it('refuses a header without the required columns', () => {
    const result = parsePeopleCsv('id,full name\nE1,Ana\n');
    expect(result).toEqual({ ok: false, problems: [{ line: 1, column: 'email', message: 'The header has no "email" column.' }] });
  });
});

describe('checkReportingLines', () => {
  const row = (line: number, employeeId: string, managerEmployeeId: string | null) => ({ line, employeeId, managerEmployeeId, name: employeeId, email: `${employeeId}@x.example`, department: '', level: '', location: '' });

  it('finds unknown managers, self-management and cycles of any length', () => {
    const problems = checkReportingLines(
      [row(2, 'A', 'A'), row(3, 'B', 'C'), row(4, 'C', 'B'), row(5, 'D', 'E'), row(6, 'E', 'F'), row(7, 'F', 'D'), row(8, 'G', 'ZZ')],
      [],
    );
    expect(problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '2: A person cannot be their own manager.',
      '3: Reporting cycle: B → C → B.',
      '4: Reporting cycle: C → B → C.',
      '5: Reporting cycle: D → E → F → D.',
      '6: Reporting cycle: E → F → D → E.',
      '7: Reporting cycle: F → D → E → F.',
      '8: No person has employee id ZZ.',
    ]);
  });

  it('accepts managers that already exist, and catches a cycle through stored people', () => {
    const existing = [{ employeeId: 'M', managerEmployeeId: 'N', email: 'm@x.example' }, { employeeId: 'N', managerEmployeeId: null, email: 'n@x.example' }];
    expect(checkReportingLines([row(2, 'A', 'M')], existing)).toEqual([]);
    expect(checkReportingLines([row(2, 'N', 'M')], existing)[0]?.message).toBe('Reporting cycle: N → M → N.');
  });
});
