import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useApi } from '../api/use-api.ts';
import { Loaded } from '../shell/states.tsx';
import type { FrameworkSummary } from './framework-types.ts';

interface ListDiff {
  added: string[];
  removed: string[];
  changed: { code: string; changes: { field: string; before: unknown; after: unknown }[] }[];
  moved: string[];
}
interface DiffView {
  before: FrameworkSummary;
  after: FrameworkSummary;
  diff: { settings: { field: string; before: unknown; after: unknown }[]; competencies: ListDiff; items: ListDiff; orientation: ListDiff; openQuestions: ListDiff; identical: boolean };
}

const show = (value: unknown) => (typeof value === 'string' ? value : value === null || value === undefined ? '—' : typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string') ? Object.entries(value as Record<string, string>).map(([l, t]) => `${l}: ${t}`).join(' / ') : JSON.stringify(value));

/** What changed between two versions of a framework, before publishing or to review history. */
export function FrameworkDiffPage() {
  const { frameworkVersionId = '' } = useParams();
  const [against, setAgainst] = useState('');
  const versions = useApi<{ frameworks: FrameworkSummary[] }>('/api/admin/frameworks');
  const state = useApi<DiffView>(`/api/admin/frameworks/${frameworkVersionId}/diff${against ? `?against=${against}` : ''}`);
  const current = versions.data?.frameworks.find((f) => f.id === frameworkVersionId);
  const others = versions.data?.frameworks.filter((f) => f.id !== frameworkVersionId && f.key === current?.key) ?? [];

  return (
    <>
      <p>
        <Link to={`/frameworks/${frameworkVersionId}`}>Back to the framework</Link>
      </p>
      <h1>Compare versions</h1>
      {others.length > 0 && (
        <p className="inline-form">
          <label htmlFor="diff-against">Compare with</label>
          <select id="diff-against" value={against} onChange={(e) => setAgainst(e.target.value)}>
            <option value="">The previous version</option>
            {others.map((f) => (
              <option key={f.id} value={f.id}>
                Version {f.version} ({f.status})
              </option>
            ))}
          </select>
        </p>
      )}
      <Loaded state={state}>
        {({ before, after, diff }) => (
          <>
            <p>
              From version {before.version} ({before.status}) to version {after.version} ({after.status}) of “{after.name}”.
            </p>
            {diff.identical ? (
              <p className="callout">The two versions are identical.</p>
            ) : (
              <>
                {diff.settings.length > 0 && (
                  <section aria-labelledby="diff-settings">
                    <h2 id="diff-settings">Settings</h2>
                    <ul>
                      {diff.settings.map((s) => (
                        <li key={s.field}>
                          <strong>{s.field}</strong>: {show(s.before)} → {show(s.after)}
                        </li>
                      ))}
                    </ul>
                  </section>
                )}
                <ListChanges title="Competencies" diff={diff.competencies} />
                <ListChanges title="Items" diff={diff.items} />
                <ListChanges title="Working-style scales" diff={diff.orientation} />
                <ListChanges title="Open questions" diff={diff.openQuestions} />
              </>
            )}
          </>
        )}
      </Loaded>
    </>
  );
}

function ListChanges({ title, diff }: { title: string; diff: ListDiff }) {
  if (diff.added.length + diff.removed.length + diff.changed.length + diff.moved.length === 0) return null;
  const id = `diff-${title.replaceAll(/\W+/g, '-').toLowerCase()}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {diff.added.length > 0 && <p><strong>Added:</strong> {diff.added.join(', ')}</p>}
      {diff.removed.length > 0 && <p><strong>Removed:</strong> {diff.removed.join(', ')}</p>}
      {diff.moved.length > 0 && <p><strong>Moved:</strong> {diff.moved.join(', ')}</p>}
      {diff.changed.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{title}: changed fields</caption>
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Field</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
              </tr>
            </thead>
            <tbody>
              {diff.changed.flatMap((entry) =>
                entry.changes.map((change) => (
                  <tr key={`${entry.code}-${change.field}`}>
                    <th scope="row">{entry.code}</th>
                    <td>{change.field}</td>
                    <td>{show(change.before)}</td>
                    <td>{show(change.after)}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
