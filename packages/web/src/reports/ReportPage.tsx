import { Link, useParams } from 'react-router';
import { useApi } from '../api/use-api.ts';
import { Loaded } from '../shell/states.tsx';
import { ProfileChart, QuadrantChart } from './charts.tsx';
import type { IndividualReport, ReportView } from './report-types.ts';
import './report.css';

const fmt = (value: number | null | undefined, digits = 2) => (value === null || value === undefined ? '—' : value.toFixed(digits));

const quadrantMeaning: Record<string, string> = {
  Integrator: 'strong on both leadership and management',
  Visionary: 'stronger on leadership than on management',
  Administrator: 'stronger on management than on leadership',
  Emerging: 'still building both capabilities',
};
const classMeaning: Record<string, string> = {
  'over-estimator': 'You rate yourself higher than others do.',
  'under-estimator': 'Others rate you higher than you rate yourself.',
  'in agreement/good': 'You and others agree, and the ratings are high.',
  'in agreement/poor': 'You and others agree, and the ratings leave room to grow.',
};

/** The individual report as a page; the PDF is this same page printed by the server. */
export function ReportPage() {
  const { participantId = '' } = useParams();
  const state = useApi<ReportView>(`/api/reports/${participantId}`);
  return <Loaded state={state}>{(view) => <ReportBody view={view} />}</Loaded>;
}

export function ReportBody({ view }: { view: ReportView }) {
  const report: IndividualReport = view.report;
  const groups = report.responseCounts.groups;
  const commentQuestions = [...new Set(report.comments.map((c) => c.question))];
  return (
    <article className="report">
      <header className="report-head">
        <p className="eyebrow">{report.cycleName}{view.released ? '' : ' · preview, not released'}</p>
        <h1>Leadership & management report: {report.participantName}</h1>
        <p>
          Based on {report.responseCounts.allOthers} responses besides the self-assessment
          {groups.length > 0 && ` (${groups.map((g) => `${g.label.toLowerCase()} ${g.responses}`).join(', ')})`}.
          {report.responseCounts.withheld > 0 && ` ${report.responseCounts.withheld} response(s) are left out to protect raters.`}
        </p>
        {report.notes.length > 0 && <ul className="notes">{report.notes.map((n) => <li key={n}>{n}</li>)}</ul>}
        <p className="no-print report-downloads">
          <a className="button button-secondary" href={`/api/reports/${view.participantId}/pdf`}>Download PDF</a>{' '}
          <a className="button button-secondary" href={`/api/reports/${view.participantId}/csv`}>Download figures (CSV)</a>
        </p>
      </header>

      <section aria-labelledby="r-indices">
        <h2 id="r-indices">Leadership and management at a glance</h2>
        <div className="report-grid">
          <table>
            <caption>Indices on the 1–5 scale (0–100 in brackets)</caption>
            <thead><tr><th scope="col" /><th scope="col">Self</th><th scope="col">All raters</th></tr></thead>
            <tbody>
              <tr><th scope="row">Leadership (L)</th><td>{fmt(report.indices.self?.leadership)} ({fmt(report.indices.self?.leadership100, 0)})</td><td>{fmt(report.indices.allOthers?.leadership)} ({fmt(report.indices.allOthers?.leadership100, 0)})</td></tr>
              <tr><th scope="row">Management (M)</th><td>{fmt(report.indices.self?.management)} ({fmt(report.indices.self?.management100, 0)})</td><td>{fmt(report.indices.allOthers?.management)} ({fmt(report.indices.allOthers?.management100, 0)})</td></tr>
              <tr><th scope="row">Balance (0–100)</th><td>{fmt(report.indices.self?.balance, 0)}</td><td>{fmt(report.indices.allOthers?.balance, 0)}</td></tr>
              <tr><th scope="row">Quadrant</th><td>{report.indices.self?.quadrant ?? '—'}</td><td>{report.indices.allOthers?.quadrant ?? '—'}</td></tr>
            </tbody>
          </table>
          <QuadrantChart report={report} />
        </div>
        <p className="meaning">
          <strong>What this means:</strong> leadership is about direction, people and change; management about plans, control and
          reliable delivery. Balance is 100 when both are equal and drops by 25 for every point between them.
          {report.indices.allOthers?.quadrant && ` Your raters place you as ${report.indices.allOthers.quadrant}: ${quadrantMeaning[report.indices.allOthers.quadrant]}.`}{' '}
          The quadrant lines sit at {report.quadrantCut.value}, {report.quadrantCut.source}.
        </p>
      </section>

      <section aria-labelledby="r-profile">
        <h2 id="r-profile">Competency profile</h2>
        <ProfileChart report={report} />
        <div className="table-wrap">
          <table>
            <caption>Competency scores by rater group (1–5){report.norms ? `, with percentiles in “${report.norms.name}” (n = ${report.norms.size})` : ''}</caption>
            <thead>
              <tr>
                <th scope="col">Competency</th><th scope="col">Self</th>
                {groups.map((g) => <th scope="col" key={g.key}>{g.label}</th>)}
                <th scope="col">All raters</th>{report.norms && <th scope="col">Percentile</th>}<th scope="col">Agreement (r<sub>wg</sub>)</th>
              </tr>
            </thead>
            <tbody>
              {report.competencies.map((c) => (
                <tr key={c.code}>
                  <th scope="row">{c.code} {c.name}</th>
                  <td>{fmt(c.self)}</td>
                  {groups.map((g) => <td key={g.key}>{fmt(c.groups[g.key])}</td>)}
                  <td>{fmt(c.allOthers)}</td>
                  {report.norms && <td>{c.percentile ?? '—'}</td>}
                  <td>{c.agreement ? `${c.agreement.rwg.toFixed(2)}${c.agreement.low ? ' — low agreement' : ''}` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="meaning"><strong>What this means:</strong> each score is the average of the behaviours in that competency. Agreement (r<sub>wg</sub>) shows how much your raters agree with each other; below 0.70, read the average with care because raters see you differently.</p>
      </section>

      <section aria-labelledby="r-gaps">
        <h2 id="r-gaps">How you see yourself and how others see you</h2>
        {report.selfOtherClass && <p><strong>{report.selfOtherClass}.</strong> {classMeaning[report.selfOtherClass]}</p>}
        <div className="report-grid">
          <div>
            <h3>Blind spots</h3>
            <p className="hint">You rate yourself at least half a point higher than others do.</p>
            {report.blindSpots.length === 0 ? <p>None.</p> : <ul>{report.blindSpots.map((b) => <li key={b.code}>{b.code} {b.name} (+{b.gap.toFixed(2)})</li>)}</ul>}
          </div>
          <div>
            <h3>Hidden strengths</h3>
            <p className="hint">Others rate you at least half a point higher than you do.</p>
            {report.hiddenStrengths.length === 0 ? <p>None.</p> : <ul>{report.hiddenStrengths.map((b) => <li key={b.code}>{b.code} {b.name} ({b.gap.toFixed(2)})</li>)}</ul>}
          </div>
        </div>
      </section>

      <section aria-labelledby="r-items">
        <h2 id="r-items">Highest and lowest rated behaviours</h2>
        <div className="report-grid">
          <div><h3>Highest</h3><ol>{report.highestItems.map((i) => <li key={i.code}>{i.text} <span className="score">{i.mean.toFixed(2)}</span></li>)}</ol></div>
          <div><h3>Lowest</h3><ol>{report.lowestItems.map((i) => <li key={i.code}>{i.text} <span className="score">{i.mean.toFixed(2)}</span></li>)}</ol></div>
        </div>
      </section>

      <section aria-labelledby="r-orientation">
        <h2 id="r-orientation">Working style</h2>
        <p className="meaning">Each line runs between a management pole (1) and a leadership pole (7). Neither end is better.</p>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Orientation profile, self and all raters (1–7)</caption>
            <thead><tr><th scope="col">From (1)</th><th scope="col">To (7)</th><th scope="col">Self</th><th scope="col">All raters</th></tr></thead>
            <tbody>{report.orientation.map((o) => <tr key={o.code}><td>{o.leftPole}</td><td>{o.rightPole}</td><td>{fmt(o.self, 1)}</td><td>{fmt(o.allOthers, 1)}</td></tr>)}</tbody>
          </table>
        </div>
      </section>

      {report.trend && (
        <section aria-labelledby="r-trend">
          <h2 id="r-trend">Change since {report.trend.previousCycle}</h2>
          <table>
            <caption className="visually-hidden">Change in the indices, with the reliable change index</caption>
            <thead><tr><th scope="col">Index</th><th scope="col">Before</th><th scope="col">Now</th><th scope="col">Change</th><th scope="col">Reliable?</th></tr></thead>
            <tbody>{report.trend.indices.map((t) => <tr key={t.key}><th scope="row">{t.key === 'leadership' ? 'Leadership' : 'Management'}</th><td>{fmt(t.previous)}</td><td>{fmt(t.current)}</td><td>{fmt(t.change)}</td><td>{t.reliableChange === null ? '—' : t.reliableChange ? `Yes (RCI ${fmt(t.rci)})` : `No (RCI ${fmt(t.rci)})`}</td></tr>)}</tbody>
          </table>
          <p className="meaning">A change counts as reliable when the reliable change index is beyond ±1.96: larger than measurement error alone would produce.</p>
        </section>
      )}

      <section aria-labelledby="r-comments">
        <h2 id="r-comments">Comments</h2>
        {report.comments.length === 0 ? <p>No comments.</p> : commentQuestions.map((q) => (
          <div key={q}>
            <h3>{q}</h3>
            <ul className="comments">{report.comments.filter((c) => c.question === q).map((c, i) => <li key={i}>{c.text}{c.groupLabel && <span className="muted"> — {c.groupLabel}</span>}</li>)}</ul>
          </div>
        ))}
        <p className="hint">Comments are never linked to a rater; a group is named only when it has enough raters.</p>
      </section>

      <section aria-labelledby="r-develop">
        <h2 id="r-develop">Development suggestions</h2>
        {report.suggestions.map((s) => (
          <div key={s.competency}>
            <h3>{s.competency} {s.name}</h3>
            <ul>{s.activities.map((a) => <li key={a.title}><strong>{a.title}</strong> ({a.kind}): {a.description}</li>)}</ul>
          </div>
        ))}
      </section>
      <p className="no-print"><Link to="/my-feedback">Back</Link></p>
    </article>
  );
}
