import { Link, useRouteError } from 'react-router';

export function NotFoundPage() {
  return (
    <main id="main" className="app-main">
      <h1>Page not found</h1>
      <p>There is nothing at this address. <Link to="/">Go to the home page</Link>.</p>
    </main>
  );
}

export function ErrorPage() {
  const error = useRouteError();
  console.warn(error);
  return (
    <main id="main" className="app-main">
      <h1>Something went wrong</h1>
      <p>The page could not be shown. <Link to="/">Go to the home page</Link> and try again.</p>
    </main>
  );
}

/** A section that exists in the navigation but whose screens come in a later release. */
export function UpcomingPage({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <>
      <h1>{title}</h1>
      <div className="empty-state">
        <p>{children}</p>
      </div>
    </>
  );
}
