import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setCsrfToken, setUnauthenticatedHandler } from '../api/client.ts';
import type { SessionPayload } from '../api/types.ts';

interface SessionState {
  session: SessionPayload | null;
  loading: boolean;
  logIn: (email: string, password: string) => Promise<void>;
  logOut: () => Promise<void>;
  adopt: (session: SessionPayload) => void;
}

const SessionContext = createContext<SessionState | null>(null);

/** Holds who is logged in; loads it once from /api/session and keeps the CSRF token in step. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionPayload | null>(null);
  const [loading, setLoading] = useState(true);

  const adopt = useCallback((next: SessionPayload | null) => {
    setCsrfToken(next?.csrfToken ?? null);
    setSession(next);
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() => adopt(null));
    api<{ session: SessionPayload | null }>('GET', '/api/session')
      .then((result) => adopt(result.session))
      .catch((error: unknown) => {
        console.warn('session check failed', error);
        adopt(null);
      })
      .finally(() => setLoading(false));
  }, [adopt]);

  const value = useMemo<SessionState>(
    () => ({
      session,
      loading,
      adopt,
      logIn: async (email, password) => adopt(await api<SessionPayload>('POST', '/api/auth/login', { email, password })),
      logOut: async () => {
        await api('POST', '/api/auth/logout');
        adopt(null);
      },
    }),
    [session, loading, adopt],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
