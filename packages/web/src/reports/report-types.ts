/** The individual report as the API returns it (server: reports/build-individual-report.ts). */
export interface IndicesView { leadership: number | null; management: number | null; leadership100: number | null; management100: number | null; balance: number | null; quadrant: string | null }

export interface IndividualReport {
  participantName: string;
  cycleName: string;
  responseCounts: { self: number; groups: { key: string; label: string; responses: number }[]; allOthers: number; withheld: number };
  quadrantCut: { value: number; source: string };
  indices: { self: IndicesView | null; allOthers: IndicesView | null };
  competencies: {
    code: string; name: string; capability: 'L' | 'M' | 'S'; self: number | null; allOthers: number | null;
    groups: Record<string, number | null>; gap: number | null; percentile: number | null;
    agreement: { rwg: number; raters: number; low: boolean } | null;
  }[];
  blindSpots: { code: string; name: string; gap: number }[];
  hiddenStrengths: { code: string; name: string; gap: number }[];
  selfOtherClass: string | null;
  highestItems: { code: string; text: string; mean: number; answers: number }[];
  lowestItems: { code: string; text: string; mean: number; answers: number }[];
  orientation: { code: string; leftPole: string; rightPole: string; self: number | null; allOthers: number | null }[];
  comments: { questionCode: string; question: string; text: string; groupLabel: string | null }[];
  trend: { previousCycle: string; indices: { key: string; previous: number | null; current: number | null; change: number | null; rci: number | null; reliableChange: boolean | null }[] } | null;
  norms: { name: string; size: number; builtAt: string } | null;
  suggestions: { competency: string; name: string; activities: { title: string; kind: string; description: string }[] }[];
  notes: string[];
}

export interface ReportView { participantId: string; cycleId: string; released: boolean; builtAt: string | null; report: IndividualReport }
