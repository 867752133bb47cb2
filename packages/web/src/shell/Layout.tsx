import { NavLink, Navigate, Outlet, useNavigate } from 'react-router';
import { useSession } from '../auth/session.tsx';
import { navigationFor } from './navigation.ts';
import { Loading } from './states.tsx';

/** The authenticated frame: skip link, header, navigation by role, and the page. */
export function Layout() {
  const { session, loading, logOut } = useSession();
  const navigate = useNavigate();
  if (loading) return <main id="main"><Loading what="Checking your session" /></main>;
  if (!session) return <Navigate to="/login" replace />;
  const items = navigationFor(session.user);
  return (
    <>
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="app-header">
        <div className="app-header-inner">
          <span className="brand">Twofold</span>
          <span className="org-name">{session.tenant.name}</span>
          <span className="user-name">{session.user.name}</span>
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              void logOut().then(() => navigate('/login', { replace: true }));
            }}
          >
            Log out
          </button>
        </div>
        <nav aria-label="Main" className="app-nav">
          <ul>
            {items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === '/'}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
