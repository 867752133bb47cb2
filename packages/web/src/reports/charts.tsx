import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import type { IndividualReport } from './report-types.ts';

/** Mounts an Observable Plot chart (an SVG element) into React. */
export function PlotFigure({ make, label }: { make: () => SVGSVGElement | HTMLElement; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = make();
    // Plot labels its groups with aria-label, which ARIA forbids on plain <g>; the figure
    // has its own label and the table beside it carries every number, so the drawing
    // itself is hidden from assistive technology.
    chart.querySelectorAll('[aria-label]').forEach((node) => node.removeAttribute('aria-label'));
    const svg = chart instanceof SVGSVGElement ? chart : chart.querySelector('svg');
    svg?.setAttribute('aria-hidden', 'true');
    chart.querySelectorAll('svg').forEach((node) => node.setAttribute('aria-hidden', 'true'));
    ref.current?.replaceChildren(chart);
    return () => chart.remove();
  }, [make]);
  return <div ref={ref} className="chart" role="figure" aria-label={label} />;
}

// Shapes as well as colours, so the charts read in grayscale print.
const groupStyle: Record<string, { symbol: string; color: string }> = {
  Self: { symbol: 'star', color: '#b45309' },
  'All raters': { symbol: 'circle', color: '#1d4ed8' },
  "Manager's view": { symbol: 'square', color: '#047857' },
  Peers: { symbol: 'triangle', color: '#7c3aed' },
  'Direct reports': { symbol: 'diamond', color: '#be123c' },
  Others: { symbol: 'cross', color: '#374151' },
  'Others (combined groups)': { symbol: 'cross', color: '#374151' },
};

export function QuadrantChart({ report }: { report: IndividualReport }) {
  const points = [
    report.indices.self?.leadership != null && report.indices.self.management != null ? { who: 'Self', L: report.indices.self.leadership, M: report.indices.self.management } : null,
    report.indices.allOthers?.leadership != null && report.indices.allOthers.management != null ? { who: 'All raters', L: report.indices.allOthers.leadership, M: report.indices.allOthers.management } : null,
  ].filter((p): p is { who: string; L: number; M: number } => p !== null);
  const cut = report.quadrantCut.value;
  const make = () =>
    Plot.plot({
      width: 420,
      height: 380,
      marginLeft: 50,
      x: { domain: [1, 5], label: 'Management index (1–5) →', grid: true },
      y: { domain: [1, 5], label: '↑ Leadership index (1–5)', grid: true },
      symbol: { domain: points.map((p) => p.who), range: points.map((p) => groupStyle[p.who]!.symbol), legend: true },
      marks: [
        Plot.ruleX([cut], { stroke: '#4b5563', strokeDasharray: '4,3' }),
        Plot.ruleY([cut], { stroke: '#4b5563', strokeDasharray: '4,3' }),
        Plot.text([{ x: 1.1, y: 4.9, t: 'Visionary' }, { x: 1.1, y: 1.1, t: 'Emerging' }], { x: 'x', y: 'y', text: 't', fill: '#374151', fontSize: 12, textAnchor: 'start' }),
        Plot.text([{ x: 4.9, y: 4.9, t: 'Integrator' }, { x: 4.9, y: 1.1, t: 'Administrator' }], { x: 'x', y: 'y', text: 't', fill: '#374151', fontSize: 12, textAnchor: 'end' }),
        Plot.dot(points, { x: 'M', y: 'L', symbol: 'who', r: 7, fill: (d: { who: string }) => groupStyle[d.who]!.color, stroke: '#111827' }),
      ],
    });
  return <PlotFigure make={make} label={`Quadrant plot: ${points.map((p) => `${p.who} leadership ${p.L.toFixed(2)}, management ${p.M.toFixed(2)}`).join('; ')}; cut ${cut}.`} />;
}

export function ProfileChart({ report }: { report: IndividualReport }) {
  const groupLabels = new Map(report.responseCounts.groups.map((g) => [g.key, g.label]));
  const rows = report.competencies.flatMap((c) => [
    ...(c.self !== null ? [{ competency: `${c.code} ${c.name}`, who: 'Self', score: c.self }] : []),
    ...(c.allOthers !== null ? [{ competency: `${c.code} ${c.name}`, who: 'All raters', score: c.allOthers }] : []),
    ...Object.entries(c.groups)
      .filter(([, v]) => v !== null)
      .map(([key, v]) => ({ competency: `${c.code} ${c.name}`, who: groupLabels.get(key) ?? key, score: v as number })),
  ]);
  const who = [...new Set(rows.map((r) => r.who))];
  const make = () =>
    Plot.plot({
      width: 720,
      height: 40 + report.competencies.length * 26,
      marginLeft: 230,
      x: { domain: [1, 5], label: 'Score (1 rarely or never – 5 almost always) →', grid: true },
      y: { domain: report.competencies.map((c) => `${c.code} ${c.name}`), label: null },
      symbol: { domain: who, range: who.map((w) => groupStyle[w]?.symbol ?? 'circle'), legend: true },
      marks: [
        Plot.dot(rows, { x: 'score', y: 'competency', symbol: 'who', r: 5, stroke: (d: { who: string }) => groupStyle[d.who]?.color ?? '#111827', strokeWidth: 1.8 }),
      ],
    });
  return <PlotFigure make={make} label="Competency profile by rater group; the same figures are in the table below." />;
}
