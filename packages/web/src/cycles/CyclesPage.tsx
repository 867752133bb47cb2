import { Link } from 'react-router';
import type { CycleSummary } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { EmptyState, Loaded } from '../shell/states.tsx';

export const cycleStatusLabel: Record<string, string> = { draft: 'Draft', nominating: 'Nominating raters', collecting: 'Collecting answers', closed: 'Closed', released: 'Reports released' };

export function CyclesPage() {
  const state = useApi<{ cycles: CycleSummary[] }>('/api/admin/cycles');
  return (
    <>
      <div className="page-head">
        <h1>Cycles</h1>
        <Link className="button button-primary" to="/cycles/new">New cycle</Link>
      </div>
      <Loaded state={state}>
        {({ cycles }) =>
          cycles.length === 0 ? (
            <EmptyState title="No cycles yet">Create a cycle to ask for 360° feedback on leadership and management.</EmptyState>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">Feedback cycles</caption>
                <thead><tr><th scope="col">Cycle</th><th scope="col">Status</th><th scope="col">Deadline</th><th scope="col">Participants</th><th scope="col">Responses</th></tr></thead>
                <tbody>
                  {cycles.map((c) => (
                    <tr key={c.id}>
                      <td><Link to={`/cycles/${c.id}`}>{c.name}</Link></td>
                      <td>{cycleStatusLabel[c.status]}</td>
                      <td>{new Date(c.deadline).toLocaleDateString()}</td>
                      <td>{c.participants}</td>
                      <td>{c.invited === 0 ? '—' : `${c.submitted} of ${c.invited} (${Math.round((c.submitted / c.invited) * 100)}%)`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
    </>
  );
}
