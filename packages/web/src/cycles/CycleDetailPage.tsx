import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, errorMessage } from '../api/client.ts';
import type { CycleStatus } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { Loaded } from '../shell/states.tsx';
import { cycleStatusLabel } from './CyclesPage.tsx';

interface CycleDetail {
  id: string; name: string; status: CycleStatus; deadline: string;
  framework: { name: string; version: number };
  participants: { id: string; name: string; department: string; nominationStatus: string; releasedAt: string | null }[];
}
interface Progress {
  totals: { invited: number; submitted: number; inProgress: number; declined: number; responseRate: number };
  participants: { participantId: string; name: string; responseRate: number; groups: { group: string; invited: number; submitted: number; declined: number }[] }[];
  notFinished: { assignmentId: string; participantName: string; group: string; raterName: string; raterEmail: string; status: string }[];
}

const nextStep: Partial<Record<CycleStatus, { to: CycleStatus; label: string; explain: string }>> = {
  draft: { to: 'nominating', label: 'Open nominations', explain: 'Participants are emailed to choose their raters.' },
  nominating: { to: 'collecting', label: 'Send feedback links', explain: 'Every rater gets one email with a personal link per participant.' },
  collecting: { to: 'closed', label: 'Close the cycle', explain: 'Answers are frozen; reports can then be previewed and released.' },
  closed: { to: 'released', label: 'Release reports', explain: 'Participants, their coaches and (if allowed) managers can read the reports. Figures never change afterwards.' },
};
const groupNames: Record<string, string> = { self: 'Self', manager: 'Manager', peers: 'Peers', direct_reports: 'Direct reports', others: 'Others' };

export function CycleDetailPage() {
  const { cycleId = '' } = useParams();
  const cycle = useApi<{ cycle: CycleDetail }>(`/api/admin/cycles/${cycleId}`);
  const progress = useApi<Progress>(cycle.data && cycle.data.cycle.status !== 'draft' && cycle.data.cycle.status !== 'nominating' ? `/api/admin/cycles/${cycleId}/progress` : null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [deadline, setDeadline] = useState('');

  async function act(action: () => Promise<unknown>, ok: string) {
    setMessage(null);
    try {
      await action();
      setMessage({ kind: 'ok', text: ok });
      cycle.reload();
      progress.reload();
    } catch (error) {
      setMessage({ kind: 'error', text: errorMessage(error) });
    }
  }

  return (
    <Loaded state={cycle}>
      {({ cycle: c }) => {
        const step = nextStep[c.status];
        return (
          <>
            <p><Link to="/cycles">All cycles</Link></p>
            <h1>{c.name}</h1>
            <p className="muted">{cycleStatusLabel[c.status]} · {c.framework.name} v{c.framework.version} · deadline {new Date(c.deadline).toLocaleDateString()}</p>
            {message && <div className={`alert ${message.kind === 'ok' ? 'alert-ok' : 'alert-error'}`} role={message.kind === 'ok' ? 'status' : 'alert'}>{message.text}</div>}
            {step && (
              <div className="callout">
                <p>{step.explain}</p>
                <button type="button" className="button button-primary" onClick={() => void act(() => api('POST', `/api/admin/cycles/${c.id}/transition`, { to: step.to }), `Done: ${cycleStatusLabel[step.to]}.`)}>{step.label}</button>
              </div>
            )}
            {(c.status === 'collecting' || c.status === 'nominating' || c.status === 'draft') && (
              <form className="inline-form" onSubmit={(e) => { e.preventDefault(); void act(() => api('POST', `/api/admin/cycles/${c.id}/deadline`, { deadline: new Date(`${deadline}T17:00:00Z`).toISOString() }), 'Deadline changed.'); }}>
                <label htmlFor="new-deadline">New deadline</label>
                <input id="new-deadline" type="date" required value={deadline} onChange={(e) => setDeadline(e.target.value)} />
                <button type="submit" className="button button-secondary">Extend deadline</button>
              </form>
            )}

            {progress.data && (
              <section aria-labelledby="progress-heading">
                <h2 id="progress-heading">Responses</h2>
                <p>{progress.data.totals.submitted} of {progress.data.totals.invited} submitted ({Math.round(progress.data.totals.responseRate * 100)}%), {progress.data.totals.inProgress} in progress, {progress.data.totals.declined} declined. Answers themselves are never shown here.</p>
                <div className="table-wrap">
                  <table>
                    <caption className="visually-hidden">Response rate per participant and group</caption>
                    <thead><tr><th scope="col">Participant</th><th scope="col">Rate</th><th scope="col">By group (submitted / invited)</th></tr></thead>
                    <tbody>
                      {progress.data.participants.map((p) => (
                        <tr key={p.participantId}>
                          <td>{p.name}</td>
                          <td>{Math.round(p.responseRate * 100)}%</td>
                          <td>{p.groups.map((g) => `${groupNames[g.group] ?? g.group} ${g.submitted}/${g.invited}`).join(' · ')}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                {c.status === 'collecting' && progress.data.notFinished.length > 0 && (
                  <>
                    <h3>Not finished yet</h3>
                    <ul className="task-list">
                      {progress.data.notFinished.map((r) => (
                        <li key={r.assignmentId} className="task">
                          <span>{r.raterName} <span className="muted">({r.raterEmail}) for {r.participantName}, {groupNames[r.group] ?? r.group}, {r.status === 'in_progress' ? 'in progress' : 'not started'}</span></span>
                          <button type="button" className="button button-small button-secondary" onClick={() => void act(() => api('POST', `/api/admin/cycles/${c.id}/assignments/${r.assignmentId}/resend`), `A fresh link was sent to ${r.raterEmail}.`)}>
                            Resend link<span className="visually-hidden"> to {r.raterName} for {r.participantName}</span>
                          </button>
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </section>
            )}

            <section aria-labelledby="participants-heading">
              <h2 id="participants-heading">Participants</h2>
              <ul className="task-list">
                {c.participants.map((p) => (
                  <li key={p.id} className="task">
                    <span>{p.name} <span className="muted">{p.department} · raters {p.nominationStatus}</span></span>
                    <span className="actions">
                      {c.status === 'nominating' && <Link className="button button-small button-secondary" to={`/nominations/${p.id}`}>Raters<span className="visually-hidden"> of {p.name}</span></Link>}
                      {(c.status === 'closed' || c.status === 'released') && <Link className="button button-small button-secondary" to={`/reports/${p.id}`}>{p.releasedAt ? 'Report' : 'Preview report'}<span className="visually-hidden"> of {p.name}</span></Link>}
                      {c.status === 'closed' && !p.releasedAt && (
                        <button type="button" className="button button-small" onClick={() => void act(() => api('POST', `/api/admin/cycles/${c.id}/participants/${p.id}/release`), `${p.name}'s report is released.`)}>Release<span className="visually-hidden"> report of {p.name}</span></button>
                      )}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          </>
        );
      }}
    </Loaded>
  );
}
