/** Shapes of the team and organisation analytics API (server: reports/analytics.ts). */
export interface Withheld { withheld: true; reason: string }
export type Scores = ({ n: number; mean: number; sd: number; p25: number; median: number; p75: number } & { withheld?: undefined }) | ({ n: number | null } & Withheld);
export interface GroupSummary {
  n: number;
  leadership: Scores;
  management: Scores;
  quadrants: { total: number; quadrants: ({ quadrant: string; count: number } | ({ quadrant: string; count: null } & Withheld))[] };
  competencies: { code: string; others: number | null; self: number | null; gap: number | null; n: number | null }[];
  biggestGaps: { code: string; gap: number; direction: string }[];
}
export interface HeatmapRow {
  key: string;
  label: string;
  n: number | null;
  withheld?: true;
  reason?: string;
  leadership: number | null;
  management: number | null;
  competencies: Record<string, number | null> | null;
}
