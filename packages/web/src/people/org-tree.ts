export interface OrgPerson {
  id: string;
  employeeId: string;
  name: string;
  department: string;
  level: string;
  managerEmployeeId: string | null;
}

export interface OrgNode<P extends OrgPerson = OrgPerson> {
  person: P;
  depth: number;
  reports: OrgNode<P>[];
  /** This person or someone below them matches the search. */
  containsMatch: boolean;
}

/**
 * The reporting lines as a forest: people without a (known) manager at the top, reports
 * sorted by name. With a query, marks who matches and which branches lead to them.
 */
export function buildOrgTree<P extends OrgPerson>(people: P[], query = ''): { roots: OrgNode<P>[]; matches: Set<string> } {
  const needle = query.trim().toLowerCase();
  const matches = new Set(needle === '' ? [] : people.filter((p) => `${p.name} ${p.department} ${p.employeeId}`.toLowerCase().includes(needle)).map((p) => p.id));
  const known = new Set(people.map((p) => p.employeeId));
  const byManager = new Map<string | null, P[]>();
  for (const p of people) {
    const manager = p.managerEmployeeId && known.has(p.managerEmployeeId) ? p.managerEmployeeId : null;
    byManager.set(manager, [...(byManager.get(manager) ?? []), p]);
  }
  const build = (person: P, depth: number, seen: Set<string>): OrgNode<P> => {
    // Reporting lines have no cycles (the import refuses them); `seen` guards anyway.
    const next = new Set(seen).add(person.employeeId);
    const reports = (byManager.get(person.employeeId) ?? [])
      .filter((r) => !next.has(r.employeeId))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((r) => build(r, depth + 1, next));
    return { person, depth, reports, containsMatch: matches.has(person.id) || reports.some((r) => r.containsMatch) };
  };
  const roots = (byManager.get(null) ?? []).sort((a, b) => a.name.localeCompare(b.name)).map((p) => build(p, 0, new Set()));
  return { roots, matches };
}
