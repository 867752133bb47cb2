import { useState } from 'react';
import { useApi } from '../api/use-api.ts';
import { EmptyState, Loaded } from '../shell/states.tsx';
import type { GroupSummary, HeatmapRow } from './analytics-types.ts';
import { GroupSummaryView, Heatmap } from './GroupSummaryView.tsx';

interface TeamView {
  cycles: { id: string; name: string }[];
  cycle: { id: string; name: string } | null;
  teamSize: number;
  competencyNames: Record<string, string>;
  result: { showable: true; summary: GroupSummary; byTeam: HeatmapRow[] } | { showable: false; reason: string; summary: null; byTeam: [] } | null;
}

/** A manager's team: everyone below them with a released report, never fewer than 5 at a time. */
export function TeamPage() {
  const [cycleId, setCycleId] = useState('');
  const state = useApi<TeamView>(`/api/my-team/report${cycleId ? `?cycleId=${cycleId}` : ''}`);
  return (
    <>
      <h1>My team</h1>
      <p className="muted">Results of the people below you in the organisation, from released reports. Nothing is shown for fewer than 5 people, so no one can be singled out.</p>
      <Loaded state={state}>
        {(view) => {
          if (!view.cycle || !view.result) return <EmptyState title="No team results yet">Team results appear once reports of a cycle are released.</EmptyState>;
          const codes = view.result.summary?.competencies.map((c) => c.code) ?? [];
          return (
            <>
              {view.cycles.length > 1 && (
                <p className="inline-form">
                  <label htmlFor="team-cycle">Cycle</label>
                  <select id="team-cycle" value={view.cycle.id} onChange={(e) => setCycleId(e.target.value)}>
                    {view.cycles.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
                  </select>
                </p>
              )}
              <p>{view.cycle.name}</p>
              {!view.result.showable ? (
                <p className="callout">Withheld: {view.result.reason}. Your team has {view.teamSize} people; team results need at least 5 with released reports.</p>
              ) : (
                <>
                  <GroupSummaryView summary={view.result.summary} names={view.competencyNames} idPrefix="team" />
                  <section aria-labelledby="team-parts">
                    <h2 id="team-parts">By part of your team</h2>
                    <Heatmap rows={view.result.byTeam} codes={codes} names={view.competencyNames} caption="Mean all-raters scores per part of your team (each direct report and the people below them)" />
                  </section>
                </>
              )}
            </>
          );
        }}
      </Loaded>
    </>
  );
}
