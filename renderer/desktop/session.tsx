/**
 * The signed-in user as the whole UI sees it: from `session.current` at start, then kept by the
 * engine's `session.changed` event (login, logout, session ended, online/offline).
 *
 * The workstation's settings (language, saved worklist filters) load together with the session,
 * once, into one TanStack Query entry (`SETTINGS_KEY`) that every screen reads: the worklist can
 * then ask for its first page as it mounts, instead of waiting for its own `settings.get` first.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionInfoView } from '../../shared/bridge';
import { bridge } from '../bridge/client';

/** The one cache entry of `settings.get` (the same key `useBridgeQuery('settings.get', {})` uses). */
export const SETTINGS_KEY = ['settings.get', {}] as const;

/** Settings change only through this app: fresh until it writes them (then it updates the entry). */
export const settingsQuery = queryOptions({
  queryKey: SETTINGS_KEY,
  queryFn: () => bridge.call('settings.get', {}),
  staleTime: Infinity,
});

/** The shared settings (loaded with the session). */
export function useSettings() {
  return useQuery(settingsQuery);
}

interface SessionState {
  session: SessionInfoView | null;
  /** True until the first answer of `session.current` (and of the settings loaded with it). */
  loading: boolean;
  setSession: (s: SessionInfoView | null) => void;
}

const Ctx = createContext<SessionState>({ session: null, loading: true, setSession: () => {} });

export function SessionProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const [session, setSession] = useState<SessionInfoView | null>(null);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    let alive = true;
    // Both calls leave at once; the boot screen stays the few ms the settings take after the
    // session, so the first screen has them (prefetchQuery never throws: a failure is the query's error).
    const current = bridge
      .call('session.current', {})
      .then((s) => alive && setSession(s))
      .catch(() => alive && setSession(null));
    void Promise.all([current, qc.prefetchQuery(settingsQuery)]).finally(() => alive && setLoading(false));
    const off = bridge.on('session.changed', (s) => setSession(s));
    return () => {
      alive = false;
      off();
    };
  }, [qc]);
  return <Ctx.Provider value={{ session, loading, setSession }}>{children}</Ctx.Provider>;
}

export function useSession(): SessionState {
  return useContext(Ctx);
}

/** For screens under the frame: the session is there. */
export function useSignedIn(): SessionInfoView {
  const { session } = useSession();
  if (!session) throw new Error('useSignedIn outside a session');
  return session;
}
