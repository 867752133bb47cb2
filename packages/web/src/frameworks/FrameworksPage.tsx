import { Link, useParams } from 'react-router';
import { useApi } from '../api/use-api.ts';
import { Loaded } from '../shell/states.tsx';

interface FrameworkSummary { id: string; name: string; version: number; status: string; builtIn: boolean }
type Localised = Record<string, string>;
interface FrameworkDocument {
  languages: string[];
  description?: Localised;
  competencies: { code: string; capability: string; name: Localised; definition: Localised; behaviours: Localised[] }[];
  items: { code: string; competency: string; self: Localised; rater: Localised }[];
  responseScale: { points: { value: number; label: Localised }[]; notObserved: { allowed: boolean; label: Localised } };
  orientation: { points: number; scales: { code: string; leftPole: Localised; rightPole: Localised; rater: Localised }[] };
  openQuestions: { code: string; rater: Localised }[];
}

const capabilityName: Record<string, string> = { L: 'Leadership', M: 'Management', S: 'Shared' };

export function FrameworksPage() {
  const state = useApi<{ frameworks: FrameworkSummary[] }>('/api/admin/frameworks');
  return (
    <>
      <h1>Frameworks</h1>
      <p className="muted">A cycle pins the framework version it runs on; published versions never change.</p>
      <Loaded state={state}>
        {({ frameworks }) => (
          <ul className="task-list">
            {frameworks.map((f) => (
              <li key={f.id} className="task">
                <span><strong>{f.name}</strong> <span className="muted">version {f.version} · {f.status}{f.builtIn ? ' · built in, read-only' : ''}</span></span>
                <Link className="button button-secondary button-small" to={`/frameworks/${f.id}`}>Read<span className="visually-hidden"> {f.name} version {f.version}</span></Link>
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </>
  );
}

/** A framework version as a readable document, with its JSON export. */
export function FrameworkDocumentPage() {
  const { frameworkVersionId = '' } = useParams();
  const state = useApi<{ framework: FrameworkSummary; document: FrameworkDocument }>(`/api/admin/frameworks/${frameworkVersionId}`);
  return (
    <Loaded state={state}>
      {({ framework, document: doc }) => {
        const lang = doc.languages[0] ?? 'en';
        const t = (text: Localised | undefined) => (text ? (text[lang] ?? Object.values(text)[0] ?? '') : '');
        return (
          <article>
            <p><Link to="/frameworks">All frameworks</Link></p>
            <div className="page-head">
              <h1>{framework.name} <span className="muted">v{framework.version}</span></h1>
              <a className="button button-secondary" href={`/api/admin/frameworks/${framework.id}/export.json`} download>Export JSON</a>
            </div>
            <p>{t(doc.description)}</p>
            <h2>Rating scale</h2>
            <p>{doc.responseScale.points.map((p) => `${p.value} ${t(p.label)}`).join(' · ')}{doc.responseScale.notObserved.allowed ? ` · ${t(doc.responseScale.notObserved.label)}` : ''}</p>
            {['L', 'M', 'S'].map((capability) => (
              <section key={capability} aria-labelledby={`cap-${capability}`}>
                <h2 id={`cap-${capability}`}>{capabilityName[capability]}</h2>
                {doc.competencies.filter((c) => c.capability === capability).map((c) => (
                  <div key={c.code} className="card">
                    <h3>{c.code} {t(c.name)}</h3>
                    <p>{t(c.definition)}</p>
                    <ol>{doc.items.filter((i) => i.competency === c.code).map((i) => <li key={i.code}>{t(i.rater).replaceAll('{name}', 'The person')} <span className="muted">(self: {t(i.self)})</span></li>)}</ol>
                  </div>
                ))}
              </section>
            ))}
            <h2>Working style ({doc.orientation.points}-point scales)</h2>
            <ul>{doc.orientation.scales.map((s) => <li key={s.code}>{t(s.leftPole)} ↔ {t(s.rightPole)}</li>)}</ul>
            <h2>Open questions</h2>
            <ul>{doc.openQuestions.map((q) => <li key={q.code}>{t(q.rater).replaceAll('{name}', 'the person')}</li>)}</ul>
          </article>
        );
      }}
    </Loaded>
  );
}
