/**
 * Who is signed in to the portal. On load, a refresh token kept in this tab (sessionStorage, see
 * api/client.ts) is exchanged for a session, so a reload keeps the customer where they were. The
 * portal is for customers: a staff account is told to use the SIPPT Lab desktop app.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { PublicUser } from '../../shared/api/http';
import { hasStoredSession, onSessionChange, refreshSession, UnreachableError } from './api/client';
import * as endpoints from './api/endpoints';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'unreachable' }
  | { status: 'signed_in'; user: PublicUser };

interface SessionApi {
  state: SessionState;
  login: (username: string, password: string) => Promise<PublicUser>;
  logout: () => Promise<void>;
  /** Try the stored session again (after "server tidak dapat dihubungi"). */
  retry: () => void;
}

const Ctx = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>(() =>
    hasStoredSession() ? { status: 'loading' } : { status: 'anonymous' },
  );
  const [attempt, setAttempt] = useState(0);

  useEffect(
    () =>
      onSessionChange((s) => setState(s ? { status: 'signed_in', user: s.user } : { status: 'anonymous' })),
    [],
  );

  useEffect(() => {
    if (!hasStoredSession()) return;
    let live = true;
    refreshSession()
      .then((s) => live && setState(s ? { status: 'signed_in', user: s.user } : { status: 'anonymous' }))
      .catch(
        (e) =>
          live &&
          setState(e instanceof UnreachableError ? { status: 'unreachable' } : { status: 'anonymous' }),
      );
    return () => {
      live = false;
    };
  }, [attempt]);

  const login = useCallback(
    async (username: string, password: string) => (await endpoints.login(username, password)).user,
    [],
  );
  const logout = useCallback(async () => {
    try {
      await endpoints.logout();
    } catch {
      /* the session is forgotten here either way */
    }
  }, []);
  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo(() => ({ state, login, logout, retry }), [state, login, logout, retry]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useSession(): SessionApi {
  const v = useContext(Ctx);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/** The signed-in user (only inside pages behind RequireSignIn). */
export function useUser(): PublicUser {
  const { state } = useSession();
  if (state.status !== 'signed_in') throw new Error('useUser without a session');
  return state.user;
}
