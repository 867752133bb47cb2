import { describe, expect, it } from 'vitest';
import { buildOrgTree } from './org-tree.ts';

const person = (employeeId: string, name: string, managerEmployeeId: string | null, department = 'Ops') => ({ id: `id-${employeeId}`, employeeId, name, department, level: '', managerEmployeeId });

describe('buildOrgTree', () => {
  const people = [person('1', 'Ceo', null, 'Exec'), person('2', 'Bea', '1'), person('3', 'Al', '1'), person('4', 'Dee', '2', 'Sales'), person('9', 'Orphan', 'X')];

  it('puts people without a known manager at the top and sorts reports by name', () => {
    const { roots } = buildOrgTree(people);
    expect(roots.map((r) => r.person.name)).toEqual(['Ceo', 'Orphan']);
    expect(roots[0]!.reports.map((r) => r.person.name)).toEqual(['Al', 'Bea']);
    expect(roots[0]!.reports[1]!.reports[0]!.person.name).toBe('Dee');
    expect(roots[0]!.reports[1]!.reports[0]!.depth).toBe(2);
  });

  it('marks matches and the branches that lead to them', () => {
    const { roots, matches } = buildOrgTree(people, 'sales');
    expect([...matches]).toEqual(['id-4']);
    expect(roots[0]!.containsMatch).toBe(true);
    expect(roots[0]!.reports.map((r) => r.containsMatch)).toEqual([false, true]);
    expect(roots[1]!.containsMatch).toBe(false);
  });
});
