import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, errorMessage } from '../api/client.ts';
import type { CycleStatus } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { ReportExports } from '../reports/ReportExports.tsx';
import { Loaded } from '../shell/states.tsx';
import { cycleStatusLabel } from './CyclesPage.tsx';
import { raterGroupNames } from './group-names.ts';

interface CycleDetail {
  id: string; name: string; status: CycleStatus; deadline: string;
  framework: { name: string; version: number };
  settings: { reminderDaysBeforeDeadline: number[] };
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

export function CycleDetailPage() {
  const { cycleId = '' } = useParams();
  const cycle = useApi<{ cycle: CycleDetail }>(`/api/admin/cycles/${cycleId}`);
  const progress = useApi<Progress>(cycle.data && cycle.data.cycle.status !== 'draft' && cycle.data.cycle.status !== 'nominating' ? `/api/admin/cycles/${cycleId}/progress` : null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [deadline, setDeadline] = useState('');

  async function act<T>(action: () => Promise<T>, ok: string | ((result: T) => string)) {
    setMessage(null);
    try {
      const result = await action();
      setMessage({ kind: 'ok', text: typeof ok === 'string' ? ok : ok(result) });
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
            {c.status === 'collecting' && (
              <p>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() =>
                    void act(
                      () => api<{ sent: number }>('POST', `/api/admin/cycles/${c.id}/reminders`),
                      ({ sent }) => (sent === 0 ? 'No reminder is due: everyone due one has had it.' : `Sent ${sent} reminder email(s) to raters who have not finished.`),
                    )
                  }
                >
                  Send due reminders now
                </button>{' '}
                <span className="hint">Reminders go {c.settings.reminderDaysBeforeDeadline.join(', ')} days before the deadline, once each, to raters who have not finished.</span>
              </p>
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
                          <td>{p.groups.map((g) => `${raterGroupNames[g.group] ?? g.group} ${g.submitted}/${g.invited}`).join(' · ')}</td>
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
                          <span>{r.raterName} <span className="muted">({r.raterEmail}) for {r.participantName}, {raterGroupNames[r.group] ?? r.group}, {r.status === 'in_progress' ? 'in progress' : 'not started'}</span></span>
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

            {c.participants.some((p) => p.releasedAt) && <ReportExports cycleId={c.id} />}
            {(c.status === 'closed' || c.status === 'released') && <InstrumentHealth cycleId={c.id} />}

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

interface Health {
  responses: number;
  enough: boolean;
  message?: string;
  competencies?: { code: string; alpha: number | null; items: { code: string; itemRestCorrelation: number | null; notObservedRate: number | null }[] }[];
  omega?: { omegaHierarchical?: number; omegaTotal?: number; problem?: string };
  factorAnalysis?: { nfactors: number; separates?: boolean; leadershipItemsMainFactor?: { factor: string; share: number }; managementItemsMainFactor?: { factor: string; share: number }; problem?: string }[];
}

/** How the instrument worked in a cycle or norm group: aggregates over all raters, never one person. */
export function InstrumentHealth({ cycleId, source }: { cycleId?: string; source?: string }) {
  const state = useApi<Health>(source ?? `/api/admin/cycles/${cycleId}/instrument-health`);
  return (
    <section aria-labelledby="health-heading">
      <h2 id="health-heading">Instrument health</h2>
      <Loaded state={state}>
        {(health) =>
          !health.enough ? (
            <p className="muted">{health.message}</p>
          ) : (
            <>
              <p>
                Based on {health.responses} responses from raters (self-assessments excluded).
                {health.omega?.omegaTotal !== undefined && ` ω total ${health.omega.omegaTotal.toFixed(2)}, ω hierarchical ${health.omega.omegaHierarchical?.toFixed(2)}.`}
              </p>
              {health.factorAnalysis?.map((f) => (
                <p key={f.nfactors}>
                  {f.nfactors}-factor solution:{' '}
                  {f.problem
                    ? f.problem
                    : `${Math.round((f.leadershipItemsMainFactor?.share ?? 0) * 100)}% of leadership items load mainly on ${f.leadershipItemsMainFactor?.factor}, ${Math.round((f.managementItemsMainFactor?.share ?? 0) * 100)}% of management items on ${f.managementItemsMainFactor?.factor}: ${f.separates ? 'leadership and management separate.' : 'leadership and management do not separate clearly.'}`}
                </p>
              ))}
              <div className="table-wrap">
                <table>
                  <caption>Reliability per competency</caption>
                  <thead><tr><th scope="col">Competency</th><th scope="col">α</th><th scope="col">Lowest item–rest r</th><th scope="col">Highest “not observed” rate</th></tr></thead>
                  <tbody>
                    {health.competencies?.map((c) => (
                      <tr key={c.code}>
                        <th scope="row">{c.code}</th>
                        <td>{c.alpha?.toFixed(2) ?? '—'}</td>
                        <td>{Math.min(...c.items.map((i) => i.itemRestCorrelation ?? 1)).toFixed(2)}</td>
                        <td>{Math.round(Math.max(...c.items.map((i) => i.notObservedRate ?? 0)) * 100)}%</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )
        }
      </Loaded>
    </section>
  );
}
