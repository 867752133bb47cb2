/** Display names of the rater groups, shared by every page that lists raters. */
export const raterGroupNames: Record<string, string> = {
  self: 'Self',
  manager: 'Manager',
  peers: 'Peers',
  direct_reports: 'Direct reports',
  others: 'Others',
};
