import { isDeepStrictEqual } from 'node:util';
import type { FrameworkDocument } from './framework-document.ts';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface EntryChange {
  code: string;
  changes: FieldChange[];
}

export interface ListDiff {
  added: string[];
  removed: string[];
  changed: EntryChange[];
  /** Codes in both versions whose position changed relative to the others. */
  moved: string[];
}

export interface FrameworkDiff {
  /** Top-level fields (name, languages, description, scale, index rules). */
  settings: FieldChange[];
  competencies: ListDiff;
  items: ListDiff;
  orientation: ListDiff;
  openQuestions: ListDiff;
  identical: boolean;
}

/** Field-by-field changes of two entries with the same code. */
function entryChanges<T extends object>(before: T, after: T): FieldChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return fields
    .filter((field) => !isDeepStrictEqual((before as Record<string, unknown>)[field], (after as Record<string, unknown>)[field]))
    .map((field) => ({ field, before: (before as Record<string, unknown>)[field] ?? null, after: (after as Record<string, unknown>)[field] ?? null }));
}

/**
 * The fewest codes that, taken out and put back, turn the old order into the new one: those
 * outside the longest common subsequence. Moving one item reports that item only.
 */
function movedCodes(before: string[], after: string[]): string[] {
  const n = before.length;
  const m = after.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      lcs[i]![j] = before[i] === after[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const stay = new Set<string>();
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (before[i] === after[j]) {
      stay.add(after[j]!);
      i += 1;
      j += 1;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) i += 1;
    else j += 1;
  }
  return after.filter((code) => !stay.has(code));
}

function diffList<T extends { code: string }>(before: T[], after: T[]): ListDiff {
  const beforeByCode = new Map(before.map((e) => [e.code, e]));
  const afterByCode = new Map(after.map((e) => [e.code, e]));
  const kept = after.filter((e) => beforeByCode.has(e.code)).map((e) => e.code);
  const keptBefore = before.filter((e) => afterByCode.has(e.code)).map((e) => e.code);
  return {
    added: after.filter((e) => !beforeByCode.has(e.code)).map((e) => e.code),
    removed: before.filter((e) => !afterByCode.has(e.code)).map((e) => e.code),
    changed: kept
      .map((code) => ({ code, changes: entryChanges(beforeByCode.get(code)!, afterByCode.get(code)!) }))
      .filter((c) => c.changes.length > 0),
    moved: movedCodes(keptBefore, kept),
  };
}

/** What changed from one framework version to another, for the admin's review before publishing. */
export function diffFrameworks(before: FrameworkDocument, after: FrameworkDocument): FrameworkDiff {
  const settingsFields = ['name', 'languages', 'description', 'responseScale', 'indices'] as const;
  const settings: FieldChange[] = settingsFields
    .filter((field) => !isDeepStrictEqual(before[field], after[field]))
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
  if (before.orientation.points !== after.orientation.points) settings.push({ field: 'orientation.points', before: before.orientation.points, after: after.orientation.points });
  const diff = {
    settings,
    competencies: diffList(before.competencies, after.competencies),
    items: diffList(before.items, after.items),
    orientation: diffList(before.orientation.scales, after.orientation.scales),
    openQuestions: diffList(before.openQuestions, after.openQuestions),
  };
  const lists = [diff.competencies, diff.items, diff.orientation, diff.openQuestions];
  const identical = settings.length === 0 && lists.every((l) => l.added.length + l.removed.length + l.changed.length + l.moved.length === 0);
  return { ...diff, identical };
}
