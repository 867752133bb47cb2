import { Link } from 'react-router';
import { useSession } from '../auth/session.tsx';
import { navigationFor } from './navigation.ts';

const blurbs: Record<string, string> = {
  '/people': 'Import and keep the organisation’s people and reporting lines.',
  '/cycles': 'Run 360° feedback cycles and follow response rates.',
  '/frameworks': 'The leadership and management framework your cycles use.',
  '/reports': 'Released reports and organisation analytics.',
  '/outbox': 'Emails sent, or waiting when no mail server is configured.',
  '/users': 'Accounts, roles and invitations.',
  '/my-feedback': 'Your self-assessment, feedback you were asked to give, and your reports.',
  '/my-development': 'Your development plan and its goals.',
  '/my-team': 'Your direct reports’ nominations and results.',
  '/coachees': 'Reports of the people you coach.',
};

export function HomePage() {
  const { session } = useSession();
  if (!session) return null;
  const sections = navigationFor(session.user).filter((item) => item.to !== '/');
  return (
    <>
      <h1>Welcome, {session.user.name}</h1>
      <ul className="card-grid">
        {sections.map((section) => (
          <li key={section.to} className="card">
            <h2>
              <Link to={section.to}>{section.label}</Link>
            </h2>
            <p>{blurbs[section.to]}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
