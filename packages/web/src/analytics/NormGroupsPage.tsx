import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError, errorMessage } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { InstrumentHealth } from '../cycles/CycleDetailPage.tsx';
import { EmptyState, ErrorState, Loaded } from '../shell/states.tsx';

interface NormGroupSummary { id: string; name: string; size: number; createdAt: string; cycles: { id: string; name: string }[] }
interface Percentiles { n: number; mean: number; sd: number; percentiles: { percentile: number; score: number }[] }
interface NormGroupDetail extends NormGroupSummary {
  indices: { leadership: Percentiles | null; management: Percentiles | null };
  competencies: (Partial<Percentiles> & { code: string; reliability: { alpha: number; sd: number } | null })[];
}

/** Norm groups: built from closed cycles; new reports show percentiles against the newest. */
export function NormGroupsPage() {
  const state = useApi<{ normGroups: NormGroupSummary[] }>('/api/admin/norm-groups');
  const cycles = useApi<{ cycles: { id: string; name: string; status: string }[] }>('/api/admin/cycles');
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const closed = (cycles.data?.cycles ?? []).filter((c) => c.status === 'closed' || c.status === 'released');

  async function create(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const { normGroup } = await api<{ normGroup: NormGroupSummary }>('POST', '/api/admin/norm-groups', { name, cycleIds: chosen });
      setMessage({ kind: 'ok', text: `Built “${normGroup.name}” from ${normGroup.size} people.` });
      setName('');
      setChosen([]);
      state.reload();
    } catch (caught) {
      const issues = caught instanceof ApiError ? (caught.details?.issues ?? []).map((i) => i.message) : [];
      setMessage({ kind: 'error', text: [errorMessage(caught), ...issues].join(' ') });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <p>
        <Link to="/reports">Reports</Link>
      </p>
      <h1>Norm groups</h1>
      <p className="muted">
        A norm group holds the all-raters scores of everyone in some closed cycles. Reports built after it show each competency’s percentile against it and name it; reports
        already released keep the norms they were built with.
      </p>
      <Loaded state={state}>
        {({ normGroups }) =>
          normGroups.length === 0 ? (
            <EmptyState title="No norm group yet">Build one from closed cycles below.</EmptyState>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">Norm groups</caption>
                <thead>
                  <tr><th scope="col">Name</th><th scope="col">People</th><th scope="col">Cycles</th><th scope="col">Built</th></tr>
                </thead>
                <tbody>
                  {normGroups.map((g, i) => (
                    <tr key={g.id}>
                      <td><Link to={`/norm-groups/${g.id}`}>{g.name}</Link>{i === 0 && <span className="muted"> (used for new reports)</span>}</td>
                      <td>{g.size}</td>
                      <td>{g.cycles.map((c) => c.name).join(', ')}</td>
                      <td>{new Date(g.createdAt).toLocaleDateString()}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
      <form onSubmit={create} className="form-wide" noValidate aria-labelledby="new-norm-group">
        <h2 id="new-norm-group">Build a norm group</h2>
        {message && <div className={`alert ${message.kind === 'ok' ? 'alert-ok' : 'alert-error'}`} role={message.kind === 'ok' ? 'status' : 'alert'}>{message.text}</div>}
        <div className="field">
          <label htmlFor="norm-name">Name</label>
          <input id="norm-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. All managers 2026" />
        </div>
        <fieldset className="field">
          <legend>Closed cycles ({chosen.length} chosen; at least 20 people in all)</legend>
          {closed.length === 0 && <p className="muted">No cycle is closed yet.</p>}
          {closed.map((c) => (
            <label key={c.id} className="check">
              <input type="checkbox" checked={chosen.includes(c.id)} onChange={(e) => setChosen(e.target.checked ? [...chosen, c.id] : chosen.filter((id) => id !== c.id))} />
              {c.name}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button" disabled={busy || name.trim() === '' || chosen.length === 0}>Build norm group</button>
      </form>
    </>
  );
}

/** One norm group: percentiles per index and competency, reliability, instrument health. */
export function NormGroupPage() {
  const { normGroupId = '' } = useParams();
  const state = useApi<{ normGroup: NormGroupDetail }>(`/api/admin/norm-groups/${normGroupId}`);
  const [error, setError] = useState<string | null>(null);
  return (
    <Loaded state={state}>
      {({ normGroup: g }) => {
        const percentileHeaders = (g.indices.leadership?.percentiles ?? []).map((p) => p.percentile);
        const row = (label: string, p: Partial<Percentiles> | null, alpha?: number | null) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{p?.n ?? '—'}</td>
            <td>{p?.mean?.toFixed(2) ?? '—'}</td>
            <td>{p?.sd?.toFixed(2) ?? '—'}</td>
            {percentileHeaders.map((h) => <td key={h}>{p?.percentiles?.find((x) => x.percentile === h)?.score.toFixed(2) ?? '—'}</td>)}
            <td>{alpha === undefined ? '' : alpha === null ? '—' : alpha.toFixed(2)}</td>
          </tr>
        );
        return (
          <>
            <p><Link to="/norm-groups">All norm groups</Link></p>
            <div className="page-head">
              <h1>{g.name}</h1>
              <button type="button" className="button button-secondary" onClick={() => { if (window.confirm(`Delete the norm group “${g.name}”?`)) void api('DELETE', `/api/admin/norm-groups/${g.id}`).then(() => window.location.assign('/norm-groups')).catch((e: unknown) => setError(errorMessage(e))); }}>Delete</button>
            </div>
            {error && <ErrorState message={error} />}
            <p className="muted">{g.size} people from {g.cycles.map((c) => c.name).join(', ')}; built {new Date(g.createdAt).toLocaleDateString()}.</p>
            <div className="table-wrap">
              <table>
                <caption>All-raters scores (1–5): percentiles, and α of each scale</caption>
                <thead>
                  <tr><th scope="col">Scale</th><th scope="col">n</th><th scope="col">Mean</th><th scope="col">SD</th>{percentileHeaders.map((h) => <th key={h} scope="col">P{h}</th>)}<th scope="col">α</th></tr>
                </thead>
                <tbody>
                  {row('Leadership index', g.indices.leadership)}
                  {row('Management index', g.indices.management)}
                  {g.competencies.map((c) => row(c.code, c, c.reliability?.alpha ?? null))}
                </tbody>
              </table>
            </div>
            <InstrumentHealth source={`/api/admin/norm-groups/${g.id}/instrument-health`} />
          </>
        );
      }}
    </Loaded>
  );
}
