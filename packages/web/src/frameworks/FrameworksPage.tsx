import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, ApiError, errorMessage } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { Loaded } from '../shell/states.tsx';
import { IssueList } from './IssueList.tsx';
import type { FrameworkSummary, FrameworkVersionView } from './framework-types.ts';

const statusLabel: Record<FrameworkSummary['status'], string> = { draft: 'Draft', published: 'Published', retired: 'Retired' };

/** Every framework and its versions; import a framework from a JSON file. */
export function FrameworksPage() {
  const state = useApi<{ frameworks: FrameworkSummary[] }>('/api/admin/frameworks');
  return (
    <>
      <h1>Frameworks</h1>
      <p className="muted">
        A cycle pins the framework version it runs on. Published versions never change: to change a framework, create a draft from it, edit, preview and publish it as the next
        version.
      </p>
      <Loaded state={state}>
        {({ frameworks }) => {
          const keys = [...new Set(frameworks.map((f) => f.key))];
          return keys.map((key) => {
            const versions = frameworks.filter((f) => f.key === key);
            return (
              <section key={key} aria-labelledby={`fw-${key}`} className="card framework-card">
                <h2 id={`fw-${key}`}>{versions[0]!.name}</h2>
                <ul className="task-list">
                  {versions.map((f) => (
                    <li key={f.id} className="task">
                      <span>
                        <strong>Version {f.version}</strong> <span className={`status-badge status-${f.status}`}>{statusLabel[f.status]}</span>
                        {f.builtIn && <span className="muted"> · built in, read-only</span>}
                      </span>
                      <Link className="button button-secondary button-small" to={`/frameworks/${f.id}`}>
                        Open<span className="visually-hidden"> {f.name} version {f.version}</span>
                      </Link>
                    </li>
                  ))}
                </ul>
              </section>
            );
          });
        }}
      </Loaded>
      <ImportFramework />
    </>
  );
}

function ImportFramework() {
  const navigate = useNavigate();
  const [error, setError] = useState<{ message: string; issues: { path: string; message: string }[] } | null>(null);
  const [busy, setBusy] = useState(false);

  async function importFile(file: File) {
    setError(null);
    let document: unknown;
    try {
      document = JSON.parse(await file.text());
    } catch {
      setError({ message: `${file.name} is not valid JSON. Export a framework from Twofold to see the expected format.`, issues: [] });
      return;
    }
    setBusy(true);
    try {
      const created = await api<FrameworkVersionView>('POST', '/api/admin/frameworks/import', { document });
      await navigate(`/frameworks/${created.framework.id}`);
    } catch (caught) {
      setError({ message: errorMessage(caught), issues: caught instanceof ApiError ? (caught.details?.issues ?? []) : [] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="fw-import" className="form-wide">
      <h2 id="fw-import">Import a framework</h2>
      <p className="hint">
        A JSON file in the framework format (<a href="/api/frameworks/schema.json">JSON Schema</a>). It becomes a draft: the next version if the key exists, else version 1.
      </p>
      <div className="field">
        <label htmlFor="framework-file">Framework JSON file</label>
        <input id="framework-file" type="file" accept=".json,application/json" disabled={busy} onChange={(e) => { const file = e.target.files?.[0]; if (file) void importFile(file); }} />
      </div>
      {error && <IssueList message={error.message} issues={error.issues} />}
    </section>
  );
}
