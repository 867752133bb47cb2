import type { SessionPayload } from '../api/types.ts';

export interface NavItem {
  to: string;
  label: string;
}

/** The sections a person sees, from their roles; managers are people with direct reports. */
export function navigationFor(user: SessionPayload['user']): NavItem[] {
  const items: NavItem[] = [{ to: '/', label: 'Home' }];
  if (user.roles.includes('admin')) {
    items.push(
      { to: '/people', label: 'People' },
      { to: '/cycles', label: 'Cycles' },
      { to: '/frameworks', label: 'Frameworks' },
      { to: '/reports', label: 'Reports' },
      { to: '/outbox', label: 'Outbox' },
      { to: '/users', label: 'Users' },
    );
  }
  if (user.roles.includes('participant') || user.isManager) {
    items.push({ to: '/my-feedback', label: 'My feedback' }, { to: '/my-development', label: 'My development' });
  }
  if (user.isManager) items.push({ to: '/my-team', label: 'My team' });
  if (user.roles.includes('coach')) items.push({ to: '/coachees', label: 'Coachees' });
  return items;
}
