/** Response shapes of the API, kept by hand in step with the server's OpenAPI document. */
export type Role = 'admin' | 'coach' | 'participant';

export interface SessionPayload {
  user: { id: string; email: string; name: string; roles: Role[]; isManager: boolean };
  tenant: { id: string; name: string; slug: string };
  csrfToken: string;
}

export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  status: 'pending' | 'sent' | 'failed' | 'outbox';
  createdAt: string;
  sentAt: string | null;
}

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  status: 'active' | 'invited' | 'disabled';
  createdAt: string;
}

export type CycleStatus = 'draft' | 'nominating' | 'collecting' | 'closed' | 'released';

export interface CycleSummary {
  id: string;
  name: string;
  status: CycleStatus;
  deadline: string;
  framework: { id: string; name: string; version: number };
  participants: number;
  invited: number;
  submitted: number;
}

export interface MyAssignment {
  id: string;
  group: string;
  status: 'not_started' | 'in_progress' | 'submitted' | 'declined';
  participantName: string;
  cycleName: string;
  deadline: string;
}

export interface VisibleReport {
  participantId: string;
  cycleName: string;
  personName: string;
  relation: 'own' | 'coachee' | 'direct report';
  releasedAt: string;
}
