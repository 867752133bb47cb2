import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, errorMessage } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { ErrorState, Loaded } from '../shell/states.tsx';
import { LanguagePicker } from './LanguagePicker.tsx';
import { capabilityName, textIn, type FrameworkVersionView } from './framework-types.ts';

/** A framework version as a readable document, with what can be done with it. */
export function FrameworkVersionPage() {
  const { frameworkVersionId = '' } = useParams();
  const state = useApi<FrameworkVersionView>(`/api/admin/frameworks/${frameworkVersionId}`);
  const [language, setLanguage] = useState<string | null>(null);
  return (
    <Loaded state={state}>
      {({ framework, document: doc }) => {
        const fallback = doc.languages[0] ?? 'en';
        const lang = language && doc.languages.includes(language) ? language : fallback;
        const t = (text: Record<string, string> | undefined) => textIn(text, lang, fallback);
        return (
          <article lang={lang}>
            <p>
              <Link to="/frameworks">All frameworks</Link>
            </p>
            <div className="page-head">
              <h1>
                {framework.name} <span className="muted">v{framework.version}</span>
              </h1>
              <span className={`status-badge status-${framework.status}`}>{framework.status}</span>
            </div>
            <VersionActions view={{ framework, document: doc }} onChanged={state.reload} />
            <LanguagePicker languages={doc.languages} value={lang} onChange={setLanguage} />
            <p>{t(doc.description)}</p>
            <h2>Rating scale</h2>
            <p>
              {doc.responseScale.points.map((p) => `${p.value} ${t(p.label)}`).join(' · ')}
              {doc.responseScale.notObserved.allowed ? ` · ${t(doc.responseScale.notObserved.label)}` : ''}
            </p>
            {['L', 'M', 'S'].map((capability) => (
              <section key={capability} aria-labelledby={`cap-${capability}`}>
                <h2 id={`cap-${capability}`}>{capabilityName[capability]}</h2>
                {doc.competencies
                  .filter((c) => c.capability === capability)
                  .map((c) => (
                    <div key={c.code} className={`card${c.retired ? ' is-retired' : ''}`}>
                      <h3>
                        {c.code} {t(c.name)} {c.retired && <span className="muted">(retired)</span>}
                      </h3>
                      <p>{t(c.definition)}</p>
                      <ol>
                        {doc.items
                          .filter((i) => i.competency === c.code)
                          .map((i) => (
                            <li key={i.code} className={i.retired ? 'is-retired' : undefined}>
                              {t(i.rater).replaceAll('{name}', 'The person')} <span className="muted">(self: {t(i.self)}){i.reverse ? ' · reverse-scored' : ''}{i.retired ? ' · retired' : ''}</span>
                            </li>
                          ))}
                      </ol>
                    </div>
                  ))}
              </section>
            ))}
            <h2>Working style ({doc.orientation.points}-point scales)</h2>
            <ul>
              {doc.orientation.scales.map((s) => (
                <li key={s.code}>
                  {t(s.leftPole)} ↔ {t(s.rightPole)}
                </li>
              ))}
            </ul>
            <h2>Open questions</h2>
            <ul>
              {doc.openQuestions.map((q) => (
                <li key={q.code}>{t(q.rater).replaceAll('{name}', 'the person')}</li>
              ))}
            </ul>
          </article>
        );
      }}
    </Loaded>
  );
}

function VersionActions({ view, onChanged }: { view: FrameworkVersionView; onChanged: () => void }) {
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const { framework } = view;
  const base = `/api/admin/frameworks/${framework.id}`;

  async function run(action: () => Promise<void>) {
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }
  const createDraft = () =>
    run(async () => {
      const draft = await api<FrameworkVersionView>('POST', `${base}/drafts`, {});
      await navigate(`/frameworks/${draft.framework.id}/edit`);
    });
  const publish = () =>
    run(async () => {
      if (!window.confirm(`Publish version ${framework.version} of "${framework.name}"? A published version can never be changed again.`)) return;
      await api('POST', `${base}/publish`);
      onChanged();
    });
  const retire = () =>
    run(async () => {
      if (!window.confirm(`Retire version ${framework.version}? Cycles using it keep it; new cycles cannot choose it.`)) return;
      await api('POST', `${base}/retire`);
      onChanged();
    });
  const remove = () =>
    run(async () => {
      if (!window.confirm(`Delete the draft version ${framework.version}?`)) return;
      await api('DELETE', base);
      await navigate('/frameworks');
    });

  return (
    <>
      <div className="actions">
        {framework.status === 'draft' ? (
          <>
            <Link className="button" to={`/frameworks/${framework.id}/edit`}>Edit draft</Link>
            <button type="button" className="button" onClick={() => void publish()}>Publish</button>
          </>
        ) : (
          <button type="button" className="button" onClick={() => void createDraft()}>Create a draft from this version</button>
        )}
        <Link className="button button-secondary" to={`/frameworks/${framework.id}/preview`}>Preview survey</Link>
        {framework.version > 1 && <Link className="button button-secondary" to={`/frameworks/${framework.id}/diff`}>Compare versions</Link>}
        <a className="button button-secondary" href={`${base}/export.json`} download>Export JSON</a>
        <a className="button button-secondary" href={`${base}/items.csv`} download>Export items (CSV)</a>
        {framework.status === 'published' && !framework.builtIn && <button type="button" className="button button-secondary" onClick={() => void retire()}>Retire</button>}
        {framework.status === 'draft' && <button type="button" className="button button-secondary" onClick={() => void remove()}>Delete draft</button>}
      </div>
      {error && <ErrorState message={error} />}
    </>
  );
}
