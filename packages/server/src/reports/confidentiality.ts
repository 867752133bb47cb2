/**
 * The confidentiality rules of PRODUCT.md §4, in one place. Every report output (page, PDF,
 * CSV, API) is built from what `protectResponses` returns, never from raw responses, so the
 * rules cannot be skipped by a new output.
 *
 * - A rater group is shown on its own only with at least k responses (k = groupMinimum;
 *   the manager group uses managerMinimum, usually 1, and is labelled as the manager's view).
 * - Groups below k are pooled into "others"; a pool still below k is withheld.
 * - Withheld responses are left out of every figure, the all-raters figure included, so no
 *   figure minus the visible ones can isolate them (no differencing).
 * - The all-raters figure needs at least k non-self responses.
 * - Comments carry a group label only when that group has at least commentMinimum
 *   responses; they are never linked to a rater and are sorted, not kept in answer order.
 */
export type RaterGroupKey = 'self' | 'manager' | 'peers' | 'direct_reports' | 'others';

export interface RaterResponse {
  group: RaterGroupKey;
  /** Item or orientation code → value; absent or null means not answered / not observed. */
  values: Record<string, number | null>;
  comments: Record<string, string>;
}

export interface AnonymityRules {
  groupMinimum: number;
  managerMinimum: number;
  commentMinimum: number;
}

export type ShownGroupKey = 'self' | 'manager' | 'peers' | 'direct_reports' | 'others' | 'others_pooled';

export interface ShownGroup {
  key: ShownGroupKey;
  label: string;
  /** Number of responses behind the group's figures. */
  responses: number;
  /** Values of the group's responses, without any rater identity, in no meaningful order. */
  values: Record<string, number | null>[];
}

export interface ProtectedResponses {
  self: ShownGroup | null;
  groups: ShownGroup[];
  /** All non-self responses that may be shown (withheld ones excluded), or null below k. */
  allOthers: ShownGroup | null;
  withheldResponses: number;
  comments: { questionCode: string; text: string; groupLabel: string | null }[];
  notes: string[];
}

const labels: Record<ShownGroupKey, string> = {
  self: 'Self',
  manager: "Manager's view",
  peers: 'Peers',
  direct_reports: 'Direct reports',
  others: 'Others',
  others_pooled: 'Others (combined groups)',
};

const order: RaterGroupKey[] = ['manager', 'peers', 'direct_reports', 'others'];

function shown(key: ShownGroupKey, responses: RaterResponse[]): ShownGroup {
  return { key, label: labels[key], responses: responses.length, values: responses.map((r) => r.values) };
}

export function protectResponses(responses: RaterResponse[], rules: AnonymityRules): ProtectedResponses {
  const notes: string[] = [];
  const byGroup = new Map<RaterGroupKey, RaterResponse[]>();
  for (const response of responses) byGroup.set(response.group, [...(byGroup.get(response.group) ?? []), response]);

  const selfResponses = byGroup.get('self') ?? [];
  const groups: ShownGroup[] = [];
  const pool: RaterResponse[] = [];
  const visible: RaterResponse[] = [];
  const groupShownAlone = new Set<RaterGroupKey>();

  for (const key of order) {
    const list = byGroup.get(key) ?? [];
    if (list.length === 0) continue;
    const minimum = key === 'manager' ? rules.managerMinimum : rules.groupMinimum;
    if (list.length >= minimum && key !== 'others') {
      groups.push(shown(key, list));
      visible.push(...list);
      groupShownAlone.add(key);
    } else {
      pool.push(...list);
    }
  }
  let withheldResponses = 0;
  if (pool.length >= rules.groupMinimum) {
    const onlyOthers = pool.every((r) => r.group === 'others');
    groups.push(shown(onlyOthers ? 'others' : 'others_pooled', pool));
    visible.push(...pool);
    if (onlyOthers) groupShownAlone.add('others');
  } else if (pool.length > 0) {
    withheldResponses = pool.length;
    notes.push(
      `${pool.length} response(s) from small rater groups are not shown, to protect the raters' anonymity (fewer than ${rules.groupMinimum}).`,
    );
  }
  if (groups.some((g) => g.key === 'manager') && rules.managerMinimum < rules.groupMinimum) {
    notes.push("The manager's view is shown on its own because there is one manager; the participant is told so.");
  }

  const allOthers = visible.length >= rules.groupMinimum ? shown('others', visible) : null;
  if (allOthers) allOthers.label = 'All raters (excluding self)';
  if (!allOthers && visible.length > 0) {
    notes.push(`The all-raters figure needs at least ${rules.groupMinimum} responses besides your own.`);
  }

  // Comments: only from responses that may be shown; labelled by group only when the group
  // itself is shown alone and meets the comment threshold. Sorted so order reveals nothing.
  const visibleSet = new Set(visible);
  const comments = [...visible, ...selfResponses]
    .filter((r) => r.group === 'self' || visibleSet.has(r))
    .flatMap((r) =>
      Object.entries(r.comments)
        .filter(([, text]) => text.trim() !== '')
        .map(([questionCode, text]) => {
          const groupSize = byGroup.get(r.group)?.length ?? 0;
          const labelled =
            r.group === 'self' || (groupShownAlone.has(r.group) && groupSize >= rules.commentMinimum);
          return { questionCode, text: text.trim(), groupLabel: labelled ? labels[r.group] : null };
        }),
    )
    .sort(
      (a, b) =>
        a.questionCode.localeCompare(b.questionCode) ||
        Number(a.groupLabel === null) - Number(b.groupLabel === null) ||
        (a.groupLabel ?? '').localeCompare(b.groupLabel ?? '') ||
        a.text.localeCompare(b.text),
    );

  return {
    self: selfResponses.length > 0 ? shown('self', selfResponses) : null,
    groups,
    allOthers,
    withheldResponses,
    comments,
    notes,
  };
}

/** Team and organisation views hide any figure computed from fewer people than this. */
export const MINIMUM_CELL = 5;

/**
 * Which cells of a breakdown to hide: every cell of 1–4 people (primary suppression) and,
 * when the total is shown, as many of the smallest other cells as it takes for the hidden
 * ones to hold at least the minimum together (complementary suppression) — otherwise the
 * total minus the shown cells would give the hidden cell back. Empty cells hide nothing.
 */
export function suppressSmallCells<K>(cells: { key: K; n: number }[], totalShown: boolean, minimum = MINIMUM_CELL): Set<K> {
  const hidden = new Set(cells.filter((c) => c.n > 0 && c.n < minimum).map((c) => c.key));
  if (!totalShown) return hidden;
  let hiddenPeople = cells.filter((c) => hidden.has(c.key)).reduce((sum, c) => sum + c.n, 0);
  const candidates = cells.filter((c) => c.n > 0 && !hidden.has(c.key)).sort((a, b) => a.n - b.n);
  while (hiddenPeople > 0 && hiddenPeople < minimum && candidates.length > 0) {
    const next = candidates.shift()!;
    hidden.add(next.key);
    hiddenPeople += next.n;
  }
  return hidden;
}

/**
 * Whether a filtered group may be shown next to its whole: it needs the minimum, and so
 * does what the filter leaves out, or whole minus group would isolate those few people.
 */
export function groupIsShowable(n: number, whole: number, minimum = MINIMUM_CELL): boolean {
  const rest = whole - n;
  return n >= minimum && (rest === 0 || rest >= minimum);
}
