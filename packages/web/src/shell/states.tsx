import type { ReactNode } from 'react';

export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <p role="status" aria-busy="true" className="muted">
      {what}…
    </p>
  );
}

export function ErrorState({ message }: { message: string }) {
  return (
    <div className="alert alert-error" role="alert">
      {message}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <h2>{title}</h2>
      {children}
    </div>
  );
}

/** Renders loading, error, or the content once data is there. */
export function Loaded<T>({ state, children }: { state: { data: T | null; error: string | null; loading: boolean }; children: (data: T) => ReactNode }) {
  if (state.error) return <ErrorState message={state.error} />;
  if (state.loading && !state.data) return <Loading />;
  if (!state.data) return null;
  return <>{children(state.data)}</>;
}
