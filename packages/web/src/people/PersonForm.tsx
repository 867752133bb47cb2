import { useState, type FormEvent } from 'react';
import { api, ApiError, errorMessage } from '../api/client.ts';

export interface Person {
  id: string;
  employeeId: string;
  name: string;
  email: string;
  department: string;
  level: string;
  location: string;
  managerEmployeeId: string | null;
  managerName: string | null;
  hasAccount: boolean;
}

type Issue = { path: string; message: string };
const fields = [
  { key: 'name', label: 'Name', type: 'text', autoComplete: 'name' },
  { key: 'email', label: 'Email', type: 'email', autoComplete: 'email' },
  { key: 'department', label: 'Department', type: 'text', autoComplete: 'off' },
  { key: 'level', label: 'Level', type: 'text', autoComplete: 'off' },
  { key: 'location', label: 'Location', type: 'text', autoComplete: 'off' },
] as const;

/** Adds a person, or edits one (the employee id stays: re-imports match on it). */
export function PersonForm({ person, people, onSaved, onCancel }: { person: Person | null; people: Person[]; onSaved: (message: string) => void; onCancel: () => void }) {
  const [values, setValues] = useState({
    employeeId: person?.employeeId ?? '',
    name: person?.name ?? '',
    email: person?.email ?? '',
    managerEmployeeId: person?.managerEmployeeId ?? '',
    department: person?.department ?? '',
    level: person?.level ?? '',
    location: person?.location ?? '',
  });
  const [error, setError] = useState<{ message: string; issues: Issue[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const issueFor = (key: string) => error?.issues.find((i) => i.path === `/${key}`)?.message;
  const set = (key: keyof typeof values) => (value: string) => setValues((current) => ({ ...current, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const { employeeId, ...rest } = values;
    const body = { ...rest, managerEmployeeId: rest.managerEmployeeId || null };
    try {
      if (person) await api('PUT', `/api/admin/people/${person.id}`, body);
      else await api('POST', '/api/admin/people', { employeeId, ...body });
      onSaved(person ? `Saved ${values.name}.` : `Added ${values.name}.`);
    } catch (caught) {
      setError({ message: errorMessage(caught), issues: caught instanceof ApiError ? (caught.details?.issues ?? []) : [] });
    } finally {
      setBusy(false);
    }
  }

  const managers = people.filter((p) => p.id !== person?.id).sort((a, b) => a.name.localeCompare(b.name));
  const heading = person ? `Edit ${person.name}` : 'Add a person';
  return (
    <form onSubmit={submit} className="form-wide card" noValidate aria-labelledby="person-form-heading">
      <h2 id="person-form-heading">{heading}</h2>
      {error && (
        <div className="alert alert-error" role="alert">
          {error.message}
        </div>
      )}
      {!person && <Field id="person-employeeId" label="Employee id" value={values.employeeId} error={issueFor('employeeId')} onChange={set('employeeId')} />}
      {fields.map((f) => (
        <Field key={f.key} id={`person-${f.key}`} label={f.label} type={f.type} autoComplete={f.autoComplete} value={values[f.key]} error={issueFor(f.key)} onChange={set(f.key)} />
      ))}
      <div className="field">
        <label htmlFor="person-manager">Manager</label>
        <select
          id="person-manager"
          value={values.managerEmployeeId}
          aria-invalid={issueFor('managerEmployeeId') ? true : undefined}
          aria-describedby={issueFor('managerEmployeeId') ? 'person-manager-error' : undefined}
          onChange={(e) => set('managerEmployeeId')(e.target.value)}
        >
          <option value="">No manager (top of the organisation)</option>
          {managers.map((m) => (
            <option key={m.id} value={m.employeeId}>
              {m.name} ({m.employeeId})
            </option>
          ))}
        </select>
        {issueFor('managerEmployeeId') && (
          <p className="field-error" id="person-manager-error">
            {issueFor('managerEmployeeId')}
          </p>
        )}
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {person ? 'Save' : 'Add person'}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function Field(props: { id: string; label: string; value: string; error: string | undefined; onChange: (value: string) => void; type?: string; autoComplete?: string }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type={props.type ?? 'text'}
        autoComplete={props.autoComplete}
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.error && (
        <p className="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
    </div>
  );
}
