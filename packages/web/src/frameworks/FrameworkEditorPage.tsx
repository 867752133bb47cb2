import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError, errorMessage } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { ErrorState, Loaded } from '../shell/states.tsx';
import { IssueList } from './IssueList.tsx';
import { LanguagePicker } from './LanguagePicker.tsx';
import { capabilityName, type FrameworkDocument, type FrameworkItem, type FrameworkVersionView, type Localised } from './framework-types.ts';

type Issue = { path: string; message: string };

/** The id of the input that edits the field at a JSON pointer, so errors can point at it. */
const fieldId = (path: string) => `f${path.replaceAll('/', '-')}`;

/** Edits a draft: competencies and items (add, reword, reorder, retire), saved as a whole. */
export function FrameworkEditorPage() {
  const { frameworkVersionId = '' } = useParams();
  const state = useApi<FrameworkVersionView>(`/api/admin/frameworks/${frameworkVersionId}`);
  return (
    <Loaded state={state}>
      {(view) =>
        view.framework.status === 'draft' ? (
          <Editor key={view.framework.updatedAt} view={view} />
        ) : (
          <ErrorState message={`Version ${view.framework.version} is ${view.framework.status} and can no longer change. Open it and create a draft from it to make changes.`} />
        )
      }
    </Loaded>
  );
}

function Editor({ view }: { view: FrameworkVersionView }) {
  const { framework } = view;
  const [doc, setDoc] = useState<FrameworkDocument>(view.document);
  const [language, setLanguage] = useState(view.document.languages[0] ?? 'en');
  const [issues, setIssues] = useState<{ message: string; list: Issue[] } | null>(null);
  const [status, setStatus] = useState<string>('');
  const [dirty, setDirty] = useState(false);
  const [added, setAdded] = useState<Set<string>>(new Set());

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const update = (change: (draft: FrameworkDocument) => void) => {
    setDoc((current) => {
      const next = structuredClone(current);
      change(next);
      return next;
    });
    setDirty(true);
    setStatus('');
  };
  const issueAt = (path: string) => issues?.list.filter((i) => i.path === path) ?? [];

  async function save() {
    setStatus('Saving…');
    try {
      const saved = await api<FrameworkVersionView>('PUT', `/api/admin/frameworks/${framework.id}`, { document: doc });
      setDoc(saved.document);
      setIssues(null);
      setDirty(false);
      setStatus('Saved.');
    } catch (caught) {
      setStatus('');
      setIssues({ message: errorMessage(caught), list: caught instanceof ApiError ? (caught.details?.issues ?? []) : [] });
      window.scrollTo({ top: 0 });
    }
  }

  async function importItems(file: File) {
    setStatus('Importing items…');
    try {
      const saved = await api<FrameworkVersionView>('POST', `/api/admin/frameworks/${framework.id}/items-import`, { csv: await file.text() });
      setDoc(saved.document);
      setIssues(null);
      setDirty(false);
      setStatus(`Imported ${saved.document.items.length} items and saved.`);
    } catch (caught) {
      setStatus('');
      const problems = caught instanceof ApiError ? ((caught.details?.problems as { line: number; column: string; message: string }[] | undefined) ?? []) : [];
      setIssues({ message: errorMessage(caught), list: problems.map((p) => ({ path: `line ${p.line}${p.column ? `, ${p.column}` : ''}`, message: p.message })) });
    }
  }

  const text = (value: Localised | undefined) => value?.[language] ?? '';
  const describe = (path: string) => {
    const match = /^\/(competencies|items)\/(\d+)/.exec(path);
    if (!match) return path || 'the framework';
    const entry = match[1] === 'items' ? doc.items[Number(match[2])] : doc.competencies[Number(match[2])];
    return `${match[1] === 'items' ? 'Item' : 'Competency'} ${entry?.code ?? match[2]} (${path})`;
  };

  return (
    <article className="framework-editor" lang={language}>
      <p>
        <Link to={`/frameworks/${framework.id}`}>Back to version {framework.version}</Link>
      </p>
      <h1>
        Edit draft: {doc.name} <span className="muted">v{framework.version}</span>
      </h1>
      {issues && <IssueList message={issues.message} issues={issues.list} describe={describe} />}
      <div className="editor-toolbar">
        <button type="button" className="button" onClick={() => void save()}>
          Save draft
        </button>
        <Link className="button button-secondary" to={`/frameworks/${framework.id}/preview`}>
          Preview survey
        </Link>
        <span role="status" aria-live="polite" className="muted">
          {status || (dirty ? 'Unsaved changes' : '')}
        </span>
      </div>
      <LanguagePicker languages={doc.languages} value={language} onChange={setLanguage} />

      <div className="field">
        <label htmlFor={fieldId('/name')}>Framework name</label>
        <input id={fieldId('/name')} value={doc.name} onChange={(e) => update((d) => void (d.name = e.target.value))} />
        <FieldErrors issues={issueAt('/name')} />
      </div>
      <div className="field">
        <label htmlFor={fieldId(`/description/${language}`)}>Description</label>
        <textarea id={fieldId(`/description/${language}`)} rows={2} value={text(doc.description)} onChange={(e) => update((d) => void (d.description = { ...d.description, [language]: e.target.value }))} />
      </div>

      {doc.competencies.map((competency, ci) => {
        const itemIndexes = doc.items.map((item, index) => ({ item, index })).filter(({ item }) => item.competency === competency.code);
        const path = `/competencies/${ci}`;
        return (
          <section key={`${competency.code}-${ci}`} className={`card editor-competency${competency.retired ? ' is-retired' : ''}`} aria-labelledby={`${fieldId(path)}-heading`}>
            <h2 id={`${fieldId(path)}-heading`}>
              {competency.code} · {capabilityName[competency.capability]}
              {competency.retired && <span className="muted"> (retired)</span>}
            </h2>
            <FieldErrors issues={[...issueAt(path), ...issueAt(`${path}/code`)]} />
            <div className="editor-row">
              <TextField label="Name" path={`${path}/name/${language}`} value={text(competency.name)} issues={issueAt(`${path}/name/${language}`)} onChange={(v) => update((d) => void (d.competencies[ci]!.name[language] = v))} />
              <div className="field">
                <label htmlFor={fieldId(`${path}/capability`)}>Capability</label>
                <select id={fieldId(`${path}/capability`)} value={competency.capability} onChange={(e) => update((d) => void (d.competencies[ci]!.capability = e.target.value as 'L' | 'M' | 'S'))}>
                  <option value="L">Leadership</option>
                  <option value="M">Management</option>
                  <option value="S">Shared</option>
                </select>
              </div>
            </div>
            <TextField label="Definition" path={`${path}/definition/${language}`} value={text(competency.definition)} issues={issueAt(`${path}/definition/${language}`)} onChange={(v) => update((d) => void (d.competencies[ci]!.definition[language] = v))} multiline />
            <div className="actions">
              <button type="button" className="button button-secondary button-small" disabled={ci === 0} onClick={() => update((d) => swap(d.competencies, ci, ci - 1))}>
                Move up<span className="visually-hidden"> competency {competency.code}</span>
              </button>
              <button type="button" className="button button-secondary button-small" disabled={ci === doc.competencies.length - 1} onClick={() => update((d) => swap(d.competencies, ci, ci + 1))}>
                Move down<span className="visually-hidden"> competency {competency.code}</span>
              </button>
              <label className="check">
                <input type="checkbox" checked={competency.retired ?? false} onChange={(e) => update((d) => void (d.competencies[ci]!.retired = e.target.checked || undefined))} /> Retire competency {competency.code}
              </label>
            </div>

            <h3>Items</h3>
            <ol className="editor-items">
              {itemIndexes.map(({ item, index }, position) => (
                <ItemEditor
                  key={`${item.code}-${index}`}
                  item={item}
                  index={index}
                  language={language}
                  codeEditable={added.has(`${index}`)}
                  issueAt={issueAt}
                  first={position === 0}
                  last={position === itemIndexes.length - 1}
                  onChange={(change) => update((d) => change(d.items[index]!))}
                  onMove={(direction) =>
                    update((d) => {
                      const neighbour = itemIndexes[position + direction];
                      if (neighbour) swap(d.items, index, neighbour.index);
                    })
                  }
                />
              ))}
            </ol>
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => {
                const next = nextItemCode(doc.items, competency.code);
                setAdded((current) => new Set(current).add(String(doc.items.length)));
                update((d) => {
                  d.items.push({ code: next, competency: competency.code, self: Object.fromEntries(d.languages.map((l) => [l, ''])), rater: Object.fromEntries(d.languages.map((l) => [l, ''])), reverse: false });
                });
              }}
            >
              Add an item to {competency.code}
            </button>
          </section>
        );
      })}

      <AddCompetency
        onAdd={(code, capability) =>
          update((d) => {
            const empty = () => Object.fromEntries(d.languages.map((l) => [l, ''])) as Localised;
            d.competencies.push({ code, capability, name: empty(), definition: empty(), behaviours: [] });
          })
        }
      />

      <section aria-labelledby="items-csv" className="form-wide">
        <h2 id="items-csv">Items as a spreadsheet</h2>
        <p className="hint">
          Download the items as CSV, edit the wording (one column per language), and upload the file to replace this draft's items. A file with any problem changes nothing.
        </p>
        <p>
          <a className="button button-secondary" href={`/api/admin/frameworks/${framework.id}/items.csv`} download>
            Download items (CSV)
          </a>
        </p>
        <div className="field">
          <label htmlFor="items-file">Upload items CSV</label>
          <input id="items-file" type="file" accept=".csv,text/csv" onChange={(e) => { const file = e.target.files?.[0]; if (file) void importItems(file); }} />
        </div>
      </section>
    </article>
  );
}

function ItemEditor(props: {
  item: FrameworkItem;
  index: number;
  language: string;
  codeEditable: boolean;
  first: boolean;
  last: boolean;
  issueAt: (path: string) => Issue[];
  onChange: (change: (item: FrameworkItem) => void) => void;
  onMove: (direction: -1 | 1) => void;
}) {
  const { item, index, language, issueAt, onChange } = props;
  const path = `/items/${index}`;
  return (
    <li className={`editor-item${item.retired ? ' is-retired' : ''}`}>
      <fieldset className="field">
        <legend>
          Item {item.code}
          {item.retired && <span className="muted"> (retired)</span>}
        </legend>
        <FieldErrors issues={[...issueAt(path), ...issueAt(`${path}/competency`), ...(props.codeEditable ? [] : issueAt(`${path}/code`))]} />
        {props.codeEditable && <TextField label="Code" path={`${path}/code`} value={item.code} issues={issueAt(`${path}/code`)} onChange={(v) => onChange((i) => void (i.code = v))} />}
        <TextField label="Self wording (first person)" path={`${path}/self/${language}`} value={item.self[language] ?? ''} issues={issueAt(`${path}/self/${language}`)} onChange={(v) => onChange((i) => void (i.self[language] = v))} />
        <TextField
          label="Rater wording ({name} is the participant)"
          path={`${path}/rater/${language}`}
          value={item.rater[language] ?? ''}
          issues={issueAt(`${path}/rater/${language}`)}
          onChange={(v) => onChange((i) => void (i.rater[language] = v))}
        />
        <div className="actions">
          <label className="check">
            <input type="checkbox" checked={item.reverse} onChange={(e) => onChange((i) => void (i.reverse = e.target.checked))} /> Reverse-scored
          </label>
          <label className="check">
            <input type="checkbox" checked={item.retired ?? false} onChange={(e) => onChange((i) => void (i.retired = e.target.checked || undefined))} /> Retired
          </label>
          <button type="button" className="button button-secondary button-small" disabled={props.first} onClick={() => props.onMove(-1)}>
            Move up<span className="visually-hidden"> item {item.code}</span>
          </button>
          <button type="button" className="button button-secondary button-small" disabled={props.last} onClick={() => props.onMove(1)}>
            Move down<span className="visually-hidden"> item {item.code}</span>
          </button>
        </div>
      </fieldset>
    </li>
  );
}

function TextField(props: { label: string; path: string; value: string; issues: Issue[]; onChange: (value: string) => void; multiline?: boolean }) {
  const id = fieldId(props.path);
  const errorId = `${id}-error`;
  const common = {
    id,
    value: props.value,
    'aria-invalid': props.issues.length > 0 || undefined,
    'aria-describedby': props.issues.length > 0 ? errorId : undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.multiline ? <textarea {...common} rows={2} onChange={(e) => props.onChange(e.target.value)} /> : <input {...common} onChange={(e) => props.onChange(e.target.value)} />}
      <FieldErrors id={errorId} issues={props.issues} />
    </div>
  );
}

function FieldErrors({ issues, id }: { issues: Issue[]; id?: string }) {
  if (issues.length === 0) return null;
  return (
    <p className="field-error" id={id}>
      {issues.map((i) => i.message).join('; ')}
    </p>
  );
}

function AddCompetency({ onAdd }: { onAdd: (code: string, capability: 'L' | 'M' | 'S') => void }) {
  const [code, setCode] = useState('');
  const [capability, setCapability] = useState<'L' | 'M' | 'S'>('L');
  return (
    <section aria-labelledby="add-competency" className="form-wide">
      <h2 id="add-competency">Add a competency</h2>
      <div className="inline-form">
        <label htmlFor="new-competency-code">Code</label>
        <input id="new-competency-code" value={code} onChange={(e) => setCode(e.target.value.trim())} />
        <label htmlFor="new-competency-capability">Capability</label>
        <select id="new-competency-capability" value={capability} onChange={(e) => setCapability(e.target.value as 'L' | 'M' | 'S')}>
          <option value="L">Leadership</option>
          <option value="M">Management</option>
          <option value="S">Shared</option>
        </select>
        <button type="button" className="button button-secondary" disabled={code === ''} onClick={() => { onAdd(code, capability); setCode(''); }}>
          Add competency
        </button>
      </div>
    </section>
  );
}

function swap<T>(list: T[], a: number, b: number): void {
  if (a < 0 || b < 0 || a >= list.length || b >= list.length) return;
  [list[a], list[b]] = [list[b]!, list[a]!];
}

/** The next free code of the form "L1.4" for a competency "L1". */
export function nextItemCode(items: { code: string }[], competency: string): string {
  const taken = new Set(items.map((i) => i.code));
  let n = items.filter((i) => i.code.startsWith(`${competency}.`)).length + 1;
  while (taken.has(`${competency}.${n}`)) n += 1;
  return `${competency}.${n}`;
}
