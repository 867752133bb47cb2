import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError, errorMessage } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { ErrorState } from '../shell/states.tsx';
import { raterGroupNames } from './group-names.ts';

interface FrameworkOption { id: string; name: string; version: number; status: string }
interface Settings { raterGroups: { group: string; min: number; max: number }[]; anonymity: { groupMinimum: number; managerMinimum: number; commentMinimum: number }; selfAssessment: boolean; managerApproval: boolean; managerAccess?: boolean; reminderDaysBeforeDeadline: number[] }


export function NewCyclePage() {
  const frameworks = useApi<{ frameworks: FrameworkOption[] }>('/api/admin/frameworks');
  const defaults = useApi<{ settings: Settings }>('/api/admin/cycles/defaults');
  // Every person (the directory search is capped for raters' nominations; admins choose from all).
  const directory = useApi<{ people: { id: string; name: string; department: string }[] }>('/api/admin/people');
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [frameworkId, setFrameworkId] = useState('');
  const [deadline, setDeadline] = useState(() => new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10));
  const [participants, setParticipants] = useState<string[]>([]);
  const [settingsDraft, setSettings] = useState<Settings | null>(null);
  const [reminderText, setReminderText] = useState<string | null>(null);
  const [error, setError] = useState<{ text: string; issues: string[] } | null>(null);
  const settings = settingsDraft ?? defaults.data?.settings ?? null;
  const published = (frameworks.data?.frameworks ?? []).filter((f) => f.status === 'published');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const created = await api<{ cycle: { id: string } }>('POST', '/api/admin/cycles', {
        name,
        frameworkVersionId: frameworkId || published[0]?.id,
        deadline: new Date(`${deadline}T17:00:00Z`).toISOString(),
        settings,
        participantPersonIds: participants,
      });
      navigate(`/cycles/${created.cycle.id}`);
    } catch (caught) {
      setError({ text: errorMessage(caught), issues: caught instanceof ApiError ? (caught.details?.issues ?? []).map((i) => `${i.path}: ${i.message}`) : [] });
    }
  }

  return (
    <>
      <h1>New cycle</h1>
      {frameworks.error && <ErrorState message={frameworks.error} />}
      <form onSubmit={submit} className="form-wide" noValidate>
        {error && (
          <div className="alert alert-error" role="alert">
            {error.text}
            {error.issues.length > 0 && <ul>{error.issues.map((i) => <li key={i}>{i}</li>)}</ul>}
          </div>
        )}
        <div className="field">
          <label htmlFor="cycle-name">Name</label>
          <input id="cycle-name" required value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Spring 2027 leadership & management 360" />
        </div>
        <div className="field">
          <label htmlFor="cycle-framework">Framework</label>
          <select id="cycle-framework" value={frameworkId || published[0]?.id || ''} onChange={(e) => setFrameworkId(e.target.value)}>
            {published.map((f) => <option key={f.id} value={f.id}>{f.name} (version {f.version})</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="cycle-deadline">Deadline</label>
          <input id="cycle-deadline" type="date" required value={deadline} onChange={(e) => setDeadline(e.target.value)} />
        </div>
        {settings && (
          <fieldset className="field">
            <legend>Rater groups (minimum and maximum per participant)</legend>
            {settings.raterGroups.map((g, index) => (
              <div key={g.group} className="inline-fields">
                <span className="inline-label">{raterGroupNames[g.group]}</span>
                <label>Minimum <input type="number" min={0} max={100} value={g.min} onChange={(e) => setSettings({ ...settings, raterGroups: settings.raterGroups.map((x, i) => (i === index ? { ...x, min: Number(e.target.value) } : x)) })} /></label>
                <label>Maximum <input type="number" min={1} max={100} value={g.max} onChange={(e) => setSettings({ ...settings, raterGroups: settings.raterGroups.map((x, i) => (i === index ? { ...x, max: Number(e.target.value) } : x)) })} /></label>
              </div>
            ))}
            <label className="check"><input type="checkbox" checked={settings.selfAssessment} onChange={(e) => setSettings({ ...settings, selfAssessment: e.target.checked })} /> Participants assess themselves</label>
            <label className="check"><input type="checkbox" checked={settings.managerApproval} onChange={(e) => setSettings({ ...settings, managerApproval: e.target.checked })} /> Managers approve nominations</label>
            <label className="check"><input type="checkbox" checked={settings.managerAccess ?? false} onChange={(e) => setSettings({ ...settings, managerAccess: e.target.checked })} /> Managers may read their direct reports’ released reports</label>
          </fieldset>
        )}
        {settings && (
          <fieldset className="field">
            <legend>Anonymity and reminders</legend>
            <div className="inline-fields">
              <label htmlFor="anon-group" className="inline-label">Responses a group needs to be shown on its own</label>
              <input id="anon-group" type="number" min={2} max={20} value={settings.anonymity.groupMinimum} onChange={(e) => setSettings({ ...settings, anonymity: { ...settings.anonymity, groupMinimum: Number(e.target.value) } })} />
            </div>
            <div className="inline-fields">
              <label htmlFor="anon-comments" className="inline-label">Responses before comments carry a group label</label>
              <input id="anon-comments" type="number" min={2} max={20} value={settings.anonymity.commentMinimum} onChange={(e) => setSettings({ ...settings, anonymity: { ...settings.anonymity, commentMinimum: Number(e.target.value) } })} />
            </div>
            <p className="hint">The manager's view is shown on its own from {settings.anonymity.managerMinimum} response, and the participant is told so.</p>
            <div className="field">
              <label htmlFor="reminder-days">Reminders, in days before the deadline (comma-separated)</label>
              <input
                id="reminder-days"
                inputMode="numeric"
                value={reminderText ?? settings.reminderDaysBeforeDeadline.join(', ')}
                aria-describedby="reminder-days-hint"
                aria-invalid={reminderText !== null && !reminderDaysOf(reminderText) ? true : undefined}
                onChange={(e) => {
                  setReminderText(e.target.value);
                  const days = reminderDaysOf(e.target.value);
                  if (days) setSettings({ ...settings, reminderDaysBeforeDeadline: days });
                }}
              />
              <p className="hint" id="reminder-days-hint">
                {reminderText !== null && !reminderDaysOf(reminderText)
                  ? `Write whole numbers of days from 1 to 60, separated by commas; reminders stay at ${settings.reminderDaysBeforeDeadline.join(', ') || 'none'}.`
                  : 'Each reminder goes once, only to raters who have not finished. Leave empty for none.'}
              </p>
            </div>
          </fieldset>
        )}
        <fieldset className="field">
          <legend>Participants ({participants.length} chosen)</legend>
          <ParticipantShortcuts
            people={directory.data?.people ?? []}
            onAdd={(ids) => setParticipants((current) => [...current, ...ids.filter((id) => !current.includes(id))])}
          />
          <div className="checklist">
            {(directory.data?.people ?? []).map((p) => (
              <label key={p.id} className="check">
                <input type="checkbox" checked={participants.includes(p.id)} onChange={(e) => setParticipants(e.target.checked ? [...participants, p.id] : participants.filter((id) => id !== p.id))} />
                {p.name} <span className="muted">{p.department}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" className="button button-primary">Create draft cycle</button>
      </form>
    </>
  );
}

/** Adds a whole department, or the people a CSV of employee ids names (all or nothing). */
function ParticipantShortcuts({ people, onAdd }: { people: { id: string; name: string; department: string }[]; onAdd: (ids: string[]) => void }) {
  const departments = [...new Set(people.map((p) => p.department).filter(Boolean))].sort();
  const [department, setDepartment] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string; problems: { line: number; column: string; message: string }[] } | null>(null);

  async function fromCsv(file: File) {
    setMessage(null);
    try {
      const result = await api<{ people: { id: string }[] }>('POST', '/api/admin/people/resolve', { csv: await file.text() });
      onAdd(result.people.map((p) => p.id));
      setMessage({ kind: 'ok', text: `Added ${result.people.length} people from ${file.name}.`, problems: [] });
    } catch (caught) {
      const problems = caught instanceof ApiError ? ((caught.details?.problems as { line: number; column: string; message: string }[] | undefined) ?? []) : [];
      setMessage({ kind: 'error', text: errorMessage(caught), problems });
    }
  }

  return (
    <div className="participant-shortcuts">
      <div className="inline-form">
        <label htmlFor="participants-department">Everyone in</label>
        <select id="participants-department" value={department} onChange={(e) => setDepartment(e.target.value)}>
          <option value="">Choose a department</option>
          {departments.map((d) => (
            <option key={d} value={d}>
              {d} ({people.filter((p) => p.department === d).length})
            </option>
          ))}
        </select>
        <button type="button" className="button button-secondary button-small" disabled={department === ''} onClick={() => { const ids = people.filter((p) => p.department === department).map((p) => p.id); onAdd(ids); setMessage({ kind: 'ok', text: `Added ${ids.length} people from ${department}.`, problems: [] }); }}>
          Add department
        </button>
      </div>
      <div className="field">
        <label htmlFor="participants-csv">Or a CSV file of employee ids (column employee_id)</label>
        <input id="participants-csv" type="file" accept=".csv,text/csv" onChange={(e) => { const file = e.target.files?.[0]; if (file) void fromCsv(file); }} />
      </div>
      {message && (
        <div className={`alert ${message.kind === 'ok' ? 'alert-ok' : 'alert-error'}`} role={message.kind === 'ok' ? 'status' : 'alert'}>
          {message.text}
          {message.problems.length > 0 && (
            <ul>
              {message.problems.map((p) => (
                <li key={`${p.line}-${p.message}`}>Line {p.line}{p.column ? `, ${p.column}` : ''}: {p.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

/** Days before the deadline from "7, 3, 1"; null when any part is not a whole number of days. */
function reminderDaysOf(text: string): number[] | null {
  const days = text.split(',').map((d) => d.trim()).filter(Boolean).map(Number);
  return days.every((d) => Number.isInteger(d) && d >= 1 && d <= 60) ? [...new Set(days)].sort((a, b) => b - a) : null;
}
