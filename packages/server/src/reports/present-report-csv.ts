import { stringify } from 'csv-stringify/sync';
import type { IndividualReport } from './build-individual-report.ts';

/**
 * The individual report as a CSV file: one row per figure, in long form (section, subject,
 * source, value), so a spreadsheet can filter it. It is built only from the report the page
 * shows (the stored snapshot once released), after confidentiality was applied, so it can
 * never hold more than the page: no group below its minimum, no rater, no per-rater answer.
 * Comments carry a group label only where the report gives one.
 */
export function presentReportCsv(report: IndividualReport): string {
  const rows: (string | number | null)[][] = [['section', 'subject', 'source', 'value']];
  const add = (section: string, subject: string, source: string, value: string | number | null) => rows.push([section, subject, source, value]);

  add('report', 'participant', '', report.participantName);
  add('report', 'cycle', '', report.cycleName);
  add('responses', 'self', '', report.responseCounts.self);
  for (const group of report.responseCounts.groups) add('responses', group.label, group.key, group.responses);
  add('responses', 'all others', '', report.responseCounts.allOthers);
  add('quadrant cut', 'value', report.quadrantCut.source, report.quadrantCut.value);

  for (const [source, indices] of [['self', report.indices.self], ['all others', report.indices.allOthers]] as const) {
    if (!indices) continue;
    add('indices', 'leadership (1-5)', source, indices.leadership);
    add('indices', 'management (1-5)', source, indices.management);
    add('indices', 'leadership (0-100)', source, indices.leadership100);
    add('indices', 'management (0-100)', source, indices.management100);
    add('indices', 'balance (L - M, 0-100)', source, indices.balance);
    add('indices', 'quadrant', source, indices.quadrant);
  }

  const groupLabels = new Map<string, string>(report.responseCounts.groups.map((g) => [g.key, g.label]));
  for (const competency of report.competencies) {
    const subject = `${competency.code} ${competency.name}`;
    add('competency', subject, 'self', competency.self);
    for (const [key, value] of Object.entries(competency.groups)) add('competency', subject, groupLabels.get(key) ?? key, value);
    add('competency', subject, 'all others', competency.allOthers);
    add('competency', subject, 'self - others', competency.gap);
    if (competency.percentile !== null) add('competency', subject, `percentile (${report.norms?.name ?? 'norm group'})`, competency.percentile);
    if (competency.agreement) add('competency', subject, 'agreement r_wg(j)', competency.agreement.rwg);
  }

  for (const spot of report.blindSpots) add('blind spot', `${spot.code} ${spot.name}`, 'self - others', spot.gap);
  for (const strength of report.hiddenStrengths) add('hidden strength', `${strength.code} ${strength.name}`, 'self - others', strength.gap);
  if (report.selfOtherClass) add('self-other agreement', 'class', '', report.selfOtherClass);
  for (const item of report.highestItems) add('highest item', `${item.code} ${item.text}`, 'all others', item.mean);
  for (const item of report.lowestItems) add('lowest item', `${item.code} ${item.text}`, 'all others', item.mean);
  for (const scale of report.orientation) {
    add('orientation', `${scale.leftPole} - ${scale.rightPole}`, 'self', scale.self);
    add('orientation', `${scale.leftPole} - ${scale.rightPole}`, 'all others', scale.allOthers);
  }
  if (report.trend) {
    for (const index of report.trend.indices) {
      add('trend', index.key, `change since ${report.trend.previousCycle}`, index.change);
      add('trend', index.key, 'reliable change index', index.rci);
    }
  }
  for (const comment of report.comments) add('comment', comment.question, comment.groupLabel ?? 'all raters', comment.text);
  for (const note of report.notes) add('note', '', '', note);
  return stringify(rows.map((row) => row.map(neutraliseFormula)));
}

/** A text cell that a spreadsheet would run as a formula (=, +, -, @) is prefixed with '. */
export function neutraliseFormula(value: string | number | null): string | number | null {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
