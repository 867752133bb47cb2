import * as Plot from '@observablehq/plot';
import { useCallback } from 'react';
import { PlotFigure } from '../reports/charts.tsx';
import type { GroupSummary, HeatmapRow, Scores } from './analytics-types.ts';

const fmt = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(2));
const quadrantMeaning: Record<string, string> = {
  Integrator: 'strong in both',
  Visionary: 'leadership ahead',
  Administrator: 'management ahead',
  Emerging: 'both still developing',
};

function ScoresCell({ scores }: { scores: Scores }) {
  if (scores.withheld) return <td colSpan={5} className="muted">Withheld: {scores.reason}</td>;
  return (
    <>
      <td>{scores.mean.toFixed(2)}</td>
      <td>{scores.p25.toFixed(2)}</td>
      <td>{scores.median.toFixed(2)}</td>
      <td>{scores.p75.toFixed(2)}</td>
      <td>{scores.sd.toFixed(2)}</td>
    </>
  );
}

/** The figures of one group of people: indices, quadrants, competencies, gaps. */
export function GroupSummaryView({ summary, names, idPrefix }: { summary: GroupSummary; names: Record<string, string>; idPrefix: string }) {
  const counts = summary.quadrants.quadrants;
  const make = useCallback(
    () =>
      Plot.plot({
        height: 180,
        marginLeft: 100,
        x: { label: 'People', grid: true },
        y: { label: null },
        marks: [Plot.barX(counts.filter((q) => q.count !== null), { x: 'count', y: 'quadrant', fill: '#1d4ed8' }), Plot.text(counts.filter((q) => q.count !== null), { x: 'count', y: 'quadrant', text: (d: { count: number }) => String(d.count), dx: 10 }), Plot.ruleX([0])],
      }),
    [counts],
  );
  return (
    <>
      <section aria-labelledby={`${idPrefix}-indices`}>
        <h2 id={`${idPrefix}-indices`}>Leadership and management</h2>
        <p className="hint">All-raters index on the 1–5 scale, over {summary.n} people. Half of the group lies between the 25th and 75th percentile.</p>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Leadership and management indices</caption>
            <thead>
              <tr><th scope="col">Index</th><th scope="col">Mean</th><th scope="col">25th pct</th><th scope="col">Median</th><th scope="col">75th pct</th><th scope="col">SD</th></tr>
            </thead>
            <tbody>
              <tr><th scope="row">Leadership (L)</th><ScoresCell scores={summary.leadership} /></tr>
              <tr><th scope="row">Management (M)</th><ScoresCell scores={summary.management} /></tr>
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby={`${idPrefix}-quadrants`}>
        <h2 id={`${idPrefix}-quadrants`}>Where people stand</h2>
        <PlotFigure make={make} label={`People per quadrant: ${counts.map((q) => `${q.quadrant} ${q.count ?? 'withheld'}`).join(', ')}`} />
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">People per quadrant</caption>
            <thead><tr><th scope="col">Quadrant</th><th scope="col">Meaning</th><th scope="col">People</th></tr></thead>
            <tbody>
              {counts.map((q) => (
                <tr key={q.quadrant}><th scope="row">{q.quadrant}</th><td>{quadrantMeaning[q.quadrant]}</td><td>{q.count ?? 'withheld (fewer than 5)'}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="hint">What this means: counts under 5 are withheld, and so is one more when the total would give them back.</p>
      </section>

      <section aria-labelledby={`${idPrefix}-competencies`}>
        <h2 id={`${idPrefix}-competencies`}>Competencies</h2>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Mean scores per competency</caption>
            <thead><tr><th scope="col">Competency</th><th scope="col">All raters</th><th scope="col">Self</th><th scope="col">Self − others</th></tr></thead>
            <tbody>
              {summary.competencies.map((c) => (
                <tr key={c.code}><th scope="row">{c.code} {names[c.code] ?? ''}</th><td>{fmt(c.others)}</td><td>{fmt(c.self)}</td><td>{fmt(c.gap)}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
        {summary.biggestGaps.length > 0 && (
          <p>
            Biggest self–other gaps: {summary.biggestGaps.map((g) => `${names[g.code] ?? g.code} (${g.gap > 0 ? '+' : ''}${g.gap.toFixed(2)}, ${g.direction})`).join('; ')}.
          </p>
        )}
      </section>
    </>
  );
}

/** Mean all-raters scores by group × competency: numbers always shown, colour only helps. */
export function Heatmap({ rows, codes, names, caption }: { rows: HeatmapRow[]; codes: string[]; names: Record<string, string>; caption: string }) {
  const shade = (x: number | null) => (x === null ? undefined : `hsl(215 70% ${Math.round(97 - Math.max(0, Math.min(1, (x - 2.5) / 2)) * 22)}%)`);
  return (
    <div className="table-wrap">
      <table className="heatmap">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Group</th><th scope="col">People</th><th scope="col">L</th><th scope="col">M</th>
            {codes.map((code) => <th key={code} scope="col"><abbr title={names[code] ?? code}>{code}</abbr></th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {row.competencies === null ? (
                <td colSpan={codes.length + 3} className="muted">{row.n === 0 ? 'No released results' : `Withheld (${row.reason ?? 'fewer than 5 people'})`}</td>
              ) : (
                <>
                  <td>{row.n}</td>
                  <td style={{ background: shade(row.leadership) }}>{fmt(row.leadership)}</td>
                  <td style={{ background: shade(row.management) }}>{fmt(row.management)}</td>
                  {codes.map((code) => <td key={code} style={{ background: shade(row.competencies![code] ?? null) }}>{fmt(row.competencies![code])}</td>)}
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
