import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, ApiError, errorMessage } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { EmptyState, Loaded } from '../shell/states.tsx';
import { PersonForm, type Person } from './PersonForm.tsx';

interface Problem { line: number; column: string; message: string }

/** People of the organisation: all-or-nothing CSV import, the list, and an export. */
export function PeoplePage() {
  const state = useApi<{ people: Person[] }>('/api/admin/people');
  const [csv, setCsv] = useState('');
  const [result, setResult] = useState<{ kind: 'ok'; text: string } | { kind: 'error'; text: string; problems: Problem[] } | null>(null);
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const [saved, setSaved] = useState('');

  async function importCsv(event: FormEvent) {
    event.preventDefault();
    setResult(null);
    try {
      const r = await api<{ created: number; updated: number; unchanged: number; untouched: number }>('POST', '/api/admin/people/import', { csv });
      setResult({ kind: 'ok', text: `Imported: ${r.created} added, ${r.updated} updated, ${r.unchanged} unchanged; ${r.untouched} not in the file were left as they are.` });
      setCsv('');
      state.reload();
    } catch (error) {
      const problems = error instanceof ApiError ? ((error.details?.problems as Problem[] | undefined) ?? []) : [];
      setResult({ kind: 'error', text: errorMessage(error), problems });
    }
  }

  return (
    <>
      <div className="page-head">
        <h1>People</h1>
        <div className="actions">
          <button type="button" className="button" onClick={() => { setSaved(''); setEditing('new'); }}>Add a person</button>
          <Link className="button button-secondary" to="/people/org-chart">Organisation chart</Link>
          <a className="button button-secondary" href="/api/admin/people/export.csv" download>Export CSV</a>
        </div>
      </div>
      <p role="status" className="muted">{saved}</p>
      {editing && (
        <PersonForm
          key={editing === 'new' ? 'new' : editing.id}
          person={editing === 'new' ? null : editing}
          people={state.data?.people ?? []}
          onCancel={() => setEditing(null)}
          onSaved={(message) => { setEditing(null); setSaved(message); state.reload(); }}
        />
      )}
      <section aria-labelledby="import-heading">
        <h2 id="import-heading">Import from CSV</h2>
        <p className="hint">Columns: employee_id, name, email, manager_employee_id, department, level, location (comma or semicolon). A file with any problem imports nothing; people are matched by employee id.</p>
        <form onSubmit={importCsv} className="form-wide" noValidate>
          {result && (
            <div className={`alert ${result.kind === 'ok' ? 'alert-ok' : 'alert-error'}`} role={result.kind === 'ok' ? 'status' : 'alert'}>
              {result.text}
            </div>
          )}
          {result?.kind === 'error' && result.problems.length > 0 && (
            <div className="table-wrap">
              <table>
                <caption>Problems in the file</caption>
                <thead><tr><th scope="col">Line</th><th scope="col">Column</th><th scope="col">Problem</th></tr></thead>
                <tbody>{result.problems.map((p, i) => <tr key={i}><td>{p.line}</td><td>{p.column || '—'}</td><td>{p.message}</td></tr>)}</tbody>
              </table>
            </div>
          )}
          <div className="field">
            <label htmlFor="people-file">CSV file</label>
            <input id="people-file" type="file" accept=".csv,text/csv" onChange={(e) => void e.target.files?.[0]?.text().then(setCsv)} />
          </div>
          <div className="field">
            <label htmlFor="people-csv">Or paste the CSV</label>
            <textarea id="people-csv" rows={6} value={csv} onChange={(e) => setCsv(e.target.value)} />
          </div>
          <button type="submit" className="button button-primary" disabled={!csv}>Import</button>
        </form>
      </section>
      <section aria-labelledby="list-heading">
        <h2 id="list-heading">Everyone</h2>
        <div className="field form-narrow">
          <label htmlFor="people-filter">Filter by name or department</label>
          <input id="people-filter" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </div>
        <Loaded state={state}>
          {({ people }) => {
            const shown = people.filter((p) => `${p.name} ${p.department}`.toLowerCase().includes(filter.toLowerCase()));
            return people.length === 0 ? (
              <EmptyState title="No people yet">Import a CSV to add the organisation.</EmptyState>
            ) : (
              <div className="table-wrap">
                <table>
                  <caption className="visually-hidden">People ({shown.length} shown)</caption>
                  <thead><tr><th scope="col">Name</th><th scope="col">Employee id</th><th scope="col">Department</th><th scope="col">Level</th><th scope="col">Location</th><th scope="col">Manager</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
                  <tbody>
                    {shown.map((p) => (
                      <tr key={p.id}><td>{p.name}<div className="muted">{p.email}</div></td><td>{p.employeeId}</td><td>{p.department}</td><td>{p.level}</td><td>{p.location}</td><td>{p.managerName ?? '—'}</td><td><button type="button" className="button button-secondary button-small" onClick={() => { setSaved(''); setEditing(p); window.scrollTo({ top: 0 }); }}>Edit<span className="visually-hidden"> {p.name}</span></button></td></tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
          }}
        </Loaded>
      </section>
    </>
  );
}
