import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, errorMessage } from '../api/client.ts';
import type { MyAssignment, VisibleReport } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { EmptyState, ErrorState, Loaded } from '../shell/states.tsx';

interface NominationTask {
  participantId: string;
  cycle: { id: string; name: string; status: string; deadline: string };
  personName: string;
  nominationStatus: string;
  proposed: number;
}

const groupLabel: Record<string, string> = { self: 'Self-assessment', manager: 'As their manager', peers: 'As a peer', direct_reports: 'As a direct report', others: 'As a colleague' };
const statusLabel: Record<MyAssignment['status'], string> = { not_started: 'Not started', in_progress: 'In progress', submitted: 'Submitted', declined: 'Declined' };

/** A person's own tasks: feedback to give, raters to nominate, and reports to read. */
export function MyFeedbackPage() {
  const assignments = useApi<{ assignments: MyAssignment[] }>('/api/me/assignments');
  const nominations = useApi<{ own: NominationTask[]; reports: NominationTask[] }>('/api/me/nominations');
  const reports = useApi<{ reports: VisibleReport[] }>('/api/me/reports');
  const navigate = useNavigate();
  const [openError, setOpenError] = useState<string | null>(null);

  async function open(id: string) {
    setOpenError(null);
    try {
      const { path } = await api<{ path: string }>('POST', `/api/me/assignments/${id}/link`);
      navigate(path);
    } catch (error) {
      setOpenError(errorMessage(error));
    }
  }

  return (
    <>
      <h1>My feedback</h1>
      <section aria-labelledby="to-give">
        <h2 id="to-give">Feedback to give</h2>
        {openError && <ErrorState message={openError} />}
        <Loaded state={assignments}>
          {({ assignments: list }) =>
            list.length === 0 ? (
              <EmptyState title="Nothing to answer right now">When a cycle asks for your feedback, it appears here.</EmptyState>
            ) : (
              <ul className="task-list">
                {list.map((a) => (
                  <li key={a.id} className="task">
                    <div>
                      <strong>{a.group === 'self' ? 'Your self-assessment' : a.participantName}</strong>
                      <span className="muted"> · {groupLabel[a.group] ?? a.group} · {a.cycleName} · due {new Date(a.deadline).toLocaleDateString()}</span>
                      <div className="muted">{statusLabel[a.status]}</div>
                    </div>
                    {(a.status === 'not_started' || a.status === 'in_progress') && (
                      <button type="button" className="button button-primary" onClick={() => void open(a.id)}>
                        {a.status === 'in_progress' ? 'Continue' : 'Start'}
                        <span className="visually-hidden"> feedback {a.group === 'self' ? 'self-assessment' : `for ${a.participantName}`}</span>
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      </section>

      <section aria-labelledby="nominations">
        <h2 id="nominations">Raters</h2>
        <Loaded state={nominations}>
          {({ own, reports: team }) =>
            own.length === 0 && team.length === 0 ? (
              <p className="muted">No nominations to make or approve.</p>
            ) : (
              <ul className="task-list">
                {[...own, ...team].map((task) => (
                  <li key={task.participantId} className="task">
                    <div>
                      <strong>{own.includes(task) ? 'Your raters' : `Raters of ${task.personName}`}</strong>
                      <span className="muted"> · {task.cycle.name}</span>
                      <div className="muted">
                        {task.nominationStatus === 'approved' ? 'Approved' : task.nominationStatus === 'submitted' ? `Waiting for approval (${task.proposed} proposed)` : 'Not submitted yet'}
                      </div>
                    </div>
                    <Link className="button button-secondary" to={`/nominations/${task.participantId}`}>
                      {own.includes(task) ? 'Choose raters' : 'Review raters'}
                      <span className="visually-hidden"> for {task.personName}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      </section>

      <section aria-labelledby="my-reports">
        <h2 id="my-reports">Reports</h2>
        <Loaded state={reports}>
          {({ reports: list }) =>
            list.length === 0 ? (
              <p className="muted">No released reports yet.</p>
            ) : (
              <ul className="task-list">
                {list.map((r) => (
                  <li key={r.participantId} className="task">
                    <div>
                      <strong>{r.relation === 'own' ? 'Your report' : r.personName}</strong>
                      <span className="muted"> · {r.cycleName} · released {new Date(r.releasedAt).toLocaleDateString()}</span>
                    </div>
                    <Link className="button button-secondary" to={`/reports/${r.participantId}`}>
                      Read report<span className="visually-hidden"> {r.cycleName} {r.personName}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      </section>
    </>
  );
}
