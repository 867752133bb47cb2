import { ConflictError, type Issue } from '../http/errors.ts';
import type { CycleSettings, CycleStatus, RaterGroup } from './schema.ts';

/** The only state changes a cycle can make; anything else is refused with a reason. */
const transitions: Record<CycleStatus, CycleStatus[]> = {
  draft: ['nominating', 'collecting'],
  nominating: ['collecting'],
  collecting: ['closed'],
  closed: ['released'],
  released: [],
};

export function assertCycleTransition(from: CycleStatus, to: CycleStatus): void {
  if (!transitions[from].includes(to)) {
    const allowed = transitions[from];
    throw new ConflictError(
      `A ${from} cycle cannot move to ${to}.` +
        (allowed.length ? ` From ${from} it can move to: ${allowed.join(', ')}.` : ' It is final.'),
      { from, to, allowed },
    );
  }
}

export interface ProposedRater {
  group: RaterGroup;
  email: string;
  personId: string | null;
}

/**
 * Checks one participant's set of raters against the cycle's rules: minimum and maximum per
 * group, never the participant as their own rater, no one twice. Returns every problem.
 */
export function checkNominations(
  settings: CycleSettings,
  participant: { email: string; personId: string },
  raters: ProposedRater[],
  options: { requireMinimum: boolean },
): Issue[] {
  const issues: Issue[] = [];
  const seen = new Map<string, number>();
  raters.forEach((rater, index) => {
    const email = rater.email.toLowerCase();
    if (email === participant.email.toLowerCase() || rater.personId === participant.personId) {
      issues.push({ path: `/raters/${index}`, message: 'A participant cannot rate themselves as a rater; the self-assessment covers that.' });
    }
    const first = seen.get(email);
    if (first !== undefined) {
      issues.push({ path: `/raters/${index}`, message: `${email} is already nominated (rater ${first + 1}).` });
    } else {
      seen.set(email, index);
    }
    if (!settings.raterGroups.some((g) => g.group === rater.group)) {
      issues.push({ path: `/raters/${index}/group`, message: `This cycle has no "${rater.group}" rater group.` });
    }
  });
  for (const rule of settings.raterGroups) {
    const count = raters.filter((r) => r.group === rule.group).length;
    if (count > rule.max) {
      issues.push({ path: `/groups/${rule.group}`, message: `At most ${rule.max} ${groupLabel(rule.group)} can be nominated; there are ${count}.` });
    }
    if (options.requireMinimum && count < rule.min) {
      issues.push({ path: `/groups/${rule.group}`, message: `At least ${rule.min} ${groupLabel(rule.group)} are needed; there are ${count}.` });
    }
  }
  return issues;
}

export function groupLabel(group: RaterGroup | 'self'): string {
  switch (group) {
    case 'self':
      return 'self';
    case 'manager':
      return 'manager';
    case 'peers':
      return 'peers';
    case 'direct_reports':
      return 'direct reports';
    case 'others':
      return 'others';
  }
}

export const defaultCycleSettings: CycleSettings = {
  raterGroups: [
    { group: 'manager', min: 1, max: 1 },
    { group: 'peers', min: 3, max: 8 },
    { group: 'direct_reports', min: 3, max: 10 },
    { group: 'others', min: 0, max: 5 },
  ],
  anonymity: { groupMinimum: 3, managerMinimum: 1, commentMinimum: 3 },
  selfAssessment: true,
  managerApproval: true,
  reminderDaysBeforeDeadline: [7, 3, 1],
};

/**
 * Reminder slots that are due at `now`: a slot `d{n}` is due once the deadline is n days
 * away or less, and the cycle is still collecting. Sending records each (rater, slot) once.
 */
export function dueReminderSlots(deadline: Date, daysBefore: number[], now: Date): string[] {
  const msLeft = deadline.getTime() - now.getTime();
  if (msLeft <= 0) return [];
  // Only the latest due slot matters: one reminder per rater per slot, never a backlog.
  const due = daysBefore.filter((days) => msLeft <= days * 86_400_000).sort((a, b) => a - b);
  return due.length > 0 ? [`d${due[0]}`] : [];
}
