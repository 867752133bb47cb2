import { useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../api/use-api.ts';
import { EmptyState, Loaded } from '../shell/states.tsx';
import type { GroupSummary, HeatmapRow } from './analytics-types.ts';
import { GroupSummaryView, Heatmap } from './GroupSummaryView.tsx';

interface Change { before: number; now: number; change: number; withheld?: undefined }
interface AnalyticsView {
  cycles: { id: string; name: string }[];
  options: { departments: string[]; levels: string[]; locations: string[] };
  cycle: { id: string; name: string } | null;
  compareCycle: { id: string; name: string } | null;
  competencyNames: Record<string, string>;
  result:
    | { showable: true; summary: GroupSummary; byDepartment: HeatmapRow[]; trend: null | { withheld: true; reason: string } | { previousN: number; leadership: Change | { withheld: true; reason: string }; management: Change | { withheld: true; reason: string } } }
    | { showable: false; reason: string; summary: null; byDepartment: []; trend: unknown }
    | null;
}

type Filters = { cycleId: string; compareCycleId: string; department: string; level: string; location: string };

/** Organisation analytics for HR: filters, figures, CSV. Every cell follows the minimum of 5. */
export function AnalyticsPage() {
  const [filters, setFilters] = useState<Filters>({ cycleId: '', compareCycleId: '', department: '', level: '', location: '' });
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== '')).toString();
  const state = useApi<AnalyticsView>(`/api/admin/analytics${query ? `?${query}` : ''}`);
  const set = (key: keyof Filters) => (e: { target: { value: string } }) => setFilters((current) => ({ ...current, [key]: e.target.value }));
  const select = (key: keyof Filters, label: string, options: { value: string; label: string }[], any: string) => (
    <div className="field">
      <label htmlFor={`filter-${key}`}>{label}</label>
      <select id={`filter-${key}`} value={filters[key]} onChange={set(key)}>
        <option value="">{any}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );

  return (
    <>
      <div className="page-head">
        <h1>Reports and analytics</h1>
        <div className="actions">
          <Link className="button button-secondary" to="/norm-groups">Norm groups</Link>
          <a className="button button-secondary" href={`/api/admin/analytics.csv${query ? `?${query}` : ''}`} download>Download CSV</a>
        </div>
      </div>
      <p className="muted">Figures from released reports. Any figure from fewer than 5 people is withheld, and so is a selection whose left-out part has fewer than 5 people. Individual reports are under Cycles.</p>
      <Loaded state={state}>
        {(view) => (
          <>
            <form className="filter-bar" onSubmit={(e) => e.preventDefault()} aria-label="Filters">
              {select('cycleId', 'Cycle', view.cycles.map((c) => ({ value: c.id, label: c.name })), 'Newest released')}
              {select('department', 'Department', view.options.departments.map((d) => ({ value: d, label: d })), 'All departments')}
              {select('level', 'Level', view.options.levels.map((d) => ({ value: d, label: d })), 'All levels')}
              {select('location', 'Location', view.options.locations.map((d) => ({ value: d, label: d })), 'All locations')}
              {select('compareCycleId', 'Compare with', view.cycles.filter((c) => c.id !== view.cycle?.id).map((c) => ({ value: c.id, label: c.name })), 'No comparison')}
            </form>
            {!view.cycle || !view.result ? (
              <EmptyState title="No released results yet">Analytics appear once the reports of a cycle are released.</EmptyState>
            ) : !view.result.showable ? (
              <p className="callout" role="status">Withheld: {view.result.reason}. Widen the filters.</p>
            ) : (
              <>
                <p role="status">{view.cycle.name}: {view.result.summary.n} people.</p>
                {view.result.trend && view.compareCycle && (
                  <section aria-labelledby="trend-heading">
                    <h2 id="trend-heading">Change since {view.compareCycle.name}</h2>
                    {'withheld' in view.result.trend ? (
                      <p className="muted">Withheld: {view.result.trend.reason}.</p>
                    ) : (
                      <ul>
                        {(['leadership', 'management'] as const).map((key) => {
                          const change = (view.result as { trend: { leadership: Change; management: Change } }).trend[key];
                          return <li key={key}>{key === 'leadership' ? 'Leadership' : 'Management'}: {change.withheld ? 'withheld' : `${change.before.toFixed(2)} → ${change.now.toFixed(2)} (${change.change >= 0 ? '+' : ''}${change.change.toFixed(2)})`}</li>;
                        })}
                      </ul>
                    )}
                  </section>
                )}
                <GroupSummaryView summary={view.result.summary} names={view.competencyNames} idPrefix="org" />
                <section aria-labelledby="by-department">
                  <h2 id="by-department">By department</h2>
                  <Heatmap rows={view.result.byDepartment} codes={view.result.summary.competencies.map((c) => c.code)} names={view.competencyNames} caption="Mean all-raters scores per department" />
                </section>
              </>
            )}
          </>
        )}
      </Loaded>
    </>
  );
}
