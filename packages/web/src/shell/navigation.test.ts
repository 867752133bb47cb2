import { describe, expect, it } from 'vitest';
import { navigationFor } from './navigation.ts';

const user = (roles: ('admin' | 'coach' | 'participant')[], isManager = false) => ({ id: 'u', email: 'e', name: 'n', roles, isManager });

describe('navigationFor', () => {
  it('gives admins the administration sections', () => {
    expect(navigationFor(user(['admin'])).map((i) => i.label)).toEqual(['Home', 'People', 'Cycles', 'Frameworks', 'Reports', 'Outbox', 'Users']);
  });
  it('gives a participant who manages people their team too', () => {
    expect(navigationFor(user(['participant'], true)).map((i) => i.label)).toEqual(['Home', 'My feedback', 'My development', 'My team']);
  });
  it('gives coaches their coachees and nothing of the admin', () => {
    expect(navigationFor(user(['coach'])).map((i) => i.label)).toEqual(['Home', 'Coachees']);
  });
});
