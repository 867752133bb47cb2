import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { api, ApiError, errorMessage } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { ErrorState, Loaded } from '../shell/states.tsx';
import { raterGroupNames } from '../cycles/group-names.ts';

interface Nomination { id: string; group: string; email: string; name: string; personId: string | null; status: 'proposed' | 'approved' | 'rejected' }
interface NominationView {
  role: 'participant' | 'manager' | 'admin';
  participant: { id: string; name: string; nominationStatus: string };
  cycle: { id: string; name: string; status: string; settings: { raterGroups: { group: string; min: number; max: number }[]; managerApproval: boolean } };
  nominations: Nomination[];
}
interface DirectoryPerson { id: string; name: string; department: string }


/** Participants choose their raters; managers (and admins) approve or reject them. */
export function NominationsPage() {
  const { participantId = '' } = useParams();
  const state = useApi<NominationView>(`/api/nominations/${participantId}`);
  const directory = useApi<{ people: DirectoryPerson[] }>('/api/directory');
  const [draft, setDraft] = useState<{ group: string; personId?: string; email?: string; name?: string; label: string }[] | null>(null);
  const [group, setGroup] = useState('peers');
  const [personId, setPersonId] = useState('');
  const [outsiderEmail, setOutsiderEmail] = useState('');
  const [outsiderName, setOutsiderName] = useState('');
  const [feedback, setFeedback] = useState<{ kind: 'ok' | 'error'; text: string; issues?: string[] } | null>(null);

  return (
    <Loaded state={state}>
      {(view) => {
        const proposed = draft ?? view.nominations.filter((n) => n.status !== 'rejected').map((n) => ({ group: n.group, ...(n.personId ? { personId: n.personId } : { email: n.email, name: n.name }), label: n.name }));
        const isParticipant = view.role === 'participant';
        const editable = view.cycle.status === 'nominating' && (isParticipant ? view.participant.nominationStatus !== 'approved' : true);

        function add(event: FormEvent) {
          event.preventDefault();
          const person = directory.data?.people.find((p) => p.id === personId);
          const next = person
            ? { group, personId: person.id, label: person.name }
            : outsiderEmail && outsiderName
              ? { group, email: outsiderEmail, name: outsiderName, label: `${outsiderName} (${outsiderEmail})` }
              : null;
          if (!next) {
            setFeedback({ kind: 'error', text: 'Choose a colleague, or give the name and email of someone outside the organisation.' });
            return;
          }
          setDraft([...proposed, next]);
          setPersonId('');
          setOutsiderEmail('');
          setOutsiderName('');
          setFeedback(null);
        }

        async function save(submit: boolean) {
          try {
            const raters = (isParticipant ? proposed : proposed.filter((p) => !view.nominations.some((n) => n.name === p.label))).map(({ label: _label, ...rest }) => rest);
            await api('POST', `/api/nominations/${participantId}`, { raters, submit });
            setDraft(null);
            setFeedback({ kind: 'ok', text: submit ? 'Your raters are submitted for approval.' : 'Saved.' });
            state.reload();
          } catch (error) {
            const issues = error instanceof ApiError ? (error.details?.issues ?? []).map((i) => i.message) : [];
            setFeedback({ kind: 'error', text: errorMessage(error), issues });
          }
        }

        async function decide(nominationId: string, decision: 'approve' | 'reject') {
          try {
            await api('POST', `/api/nominations/${participantId}/decisions`, { decisions: [{ nominationId, decision }] });
            state.reload();
          } catch (error) {
            setFeedback({ kind: 'error', text: errorMessage(error) });
          }
        }

        return (
          <>
            <h1>{isParticipant ? 'Choose your raters' : `Raters of ${view.participant.name}`}</h1>
            <p className="muted">{view.cycle.name}. Rules: {view.cycle.settings.raterGroups.map((g) => `${raterGroupNames[g.group] ?? g.group} ${g.min}–${g.max}`).join(', ')}. Your manager is added from the reporting line if you do not name one.</p>
            {feedback && (
              <div className={`alert ${feedback.kind === 'ok' ? 'alert-ok' : 'alert-error'}`} role={feedback.kind === 'ok' ? 'status' : 'alert'}>
                {feedback.text}
                {feedback.issues && feedback.issues.length > 0 && <ul>{feedback.issues.map((i) => <li key={i}>{i}</li>)}</ul>}
              </div>
            )}
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">Nominated raters</caption>
                <thead><tr><th scope="col">Rater</th><th scope="col">Group</th><th scope="col">Status</th>{!isParticipant && <th scope="col">Decision</th>}</tr></thead>
                <tbody>
                  {view.nominations.map((n) => (
                    <tr key={n.id}>
                      <td>{n.name}</td>
                      <td>{raterGroupNames[n.group] ?? n.group}</td>
                      <td>{n.status === 'proposed' ? 'Waiting for approval' : n.status === 'approved' ? 'Approved' : 'Rejected'}</td>
                      {!isParticipant && (
                        <td>
                          {n.status === 'proposed' && (
                            <>
                              <button type="button" className="button button-small" onClick={() => void decide(n.id, 'approve')}>Approve<span className="visually-hidden"> {n.name}</span></button>{' '}
                              <button type="button" className="button button-small button-secondary" onClick={() => void decide(n.id, 'reject')}>Reject<span className="visually-hidden"> {n.name}</span></button>
                            </>
                          )}
                        </td>
                      )}
                    </tr>
                  ))}
                  {draft?.filter((d) => !view.nominations.some((n) => n.name === d.label)).map((d) => (
                    <tr key={d.label}><td>{d.label}</td><td>{raterGroupNames[d.group]}</td><td>Not saved yet</td>{!isParticipant && <td />}</tr>
                  ))}
                </tbody>
              </table>
            </div>
            {editable && (
              <>
                <h2>Add a rater</h2>
                {directory.error && <ErrorState message={directory.error} />}
                <form onSubmit={add} className="form-narrow" noValidate>
                  <div className="field">
                    <label htmlFor="nominee-group">Group</label>
                    <select id="nominee-group" value={group} onChange={(e) => setGroup(e.target.value)}>
                      {view.cycle.settings.raterGroups.map((g) => <option key={g.group} value={g.group}>{raterGroupNames[g.group] ?? g.group}</option>)}
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor="nominee-person">Colleague</label>
                    <select id="nominee-person" value={personId} onChange={(e) => setPersonId(e.target.value)}>
                      <option value="">Choose a colleague…</option>
                      {(directory.data?.people ?? []).map((p) => <option key={p.id} value={p.id}>{p.name}{p.department ? ` — ${p.department}` : ''}</option>)}
                    </select>
                  </div>
                  <p className="hint">Or someone outside the organisation:</p>
                  <div className="field">
                    <label htmlFor="nominee-name">Their name</label>
                    <input id="nominee-name" value={outsiderName} onChange={(e) => setOutsiderName(e.target.value)} />
                  </div>
                  <div className="field">
                    <label htmlFor="nominee-email">Their email</label>
                    <input id="nominee-email" type="email" value={outsiderEmail} onChange={(e) => setOutsiderEmail(e.target.value)} />
                  </div>
                  <button type="submit" className="button button-secondary">Add to the list</button>
                </form>
                <div className="actions">
                  {isParticipant ? (
                    <>
                      <button type="button" className="button button-secondary" onClick={() => void save(false)}>Save for later</button>
                      <button type="button" className="button button-primary" onClick={() => void save(true)}>Submit for approval</button>
                    </>
                  ) : (
                    <button type="button" className="button button-primary" onClick={() => void save(false)}>Add approved raters</button>
                  )}
                </div>
              </>
            )}
          </>
        );
      }}
    </Loaded>
  );
}
