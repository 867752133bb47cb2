import { useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../api/use-api.ts';
import { EmptyState, Loaded } from '../shell/states.tsx';
import { buildOrgTree, type OrgNode } from './org-tree.ts';
import type { Person } from './PersonForm.tsx';

/**
 * The reporting lines as a tree of nested lists. Each manager is a native disclosure
 * (details/summary), so it opens with Enter or Space and reads well in a screen reader.
 */
export function OrgChartPage() {
  const state = useApi<{ people: Person[] }>('/api/admin/people');
  const [query, setQuery] = useState('');
  return (
    <>
      <p>
        <Link to="/people">People</Link>
      </p>
      <h1>Organisation chart</h1>
      <div className="field form-narrow">
        <label htmlFor="org-search">Find a person</label>
        <input id="org-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} aria-describedby="org-search-hint" />
        <p className="hint" id="org-search-hint">
          Opens the chart down to everyone whose name, department or employee id matches.
        </p>
      </div>
      <Loaded state={state}>
        {({ people }) => {
          if (people.length === 0) return <EmptyState title="No people yet">Import people to see the chart.</EmptyState>;
          const { roots, matches } = buildOrgTree(people, query);
          return (
            <>
              {query.trim() !== '' && (
                <p role="status">
                  {matches.size} {matches.size === 1 ? 'person matches' : 'people match'}.
                </p>
              )}
              <ul className="org-tree">
                {roots.map((node) => (
                  <OrgBranch key={node.person.id} node={node} matches={matches} searching={query.trim() !== ''} />
                ))}
              </ul>
            </>
          );
        }}
      </Loaded>
    </>
  );
}

function OrgBranch({ node, matches, searching }: { node: OrgNode; matches: Set<string>; searching: boolean }) {
  const { person } = node;
  const label = (
    <span className={matches.has(person.id) ? 'org-match' : undefined}>
      <strong>{person.name}</strong> <span className="muted">{[person.level, person.department].filter(Boolean).join(', ')}</span>
    </span>
  );
  if (node.reports.length === 0) return <li>{label}</li>;
  const open = searching ? node.containsMatch : node.depth < 1;
  return (
    <li>
      <details open={open}>
        <summary>
          {label} <span className="muted">· {node.reports.length} direct report{node.reports.length === 1 ? '' : 's'}</span>
        </summary>
        <ul>
          {node.reports.map((child) => (
            <OrgBranch key={child.person.id} node={child} matches={matches} searching={searching} />
          ))}
        </ul>
      </details>
    </li>
  );
}
