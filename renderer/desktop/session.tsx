/**
 * The signed-in user as the whole UI sees it: from `session.current` at start, then kept by the
 * engine's `session.changed` event (login, logout, session ended, online/offline).
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { SessionInfoView } from '../../shared/bridge';
import { bridge } from '../bridge/client';

interface SessionState {
  session: SessionInfoView | null;
  /** True until the first answer of `session.current`. */
  loading: boolean;
  setSession: (s: SessionInfoView | null) => void;
}

const Ctx = createContext<SessionState>({ session: null, loading: true, setSession: () => {} });

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionInfoView | null>(null);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    let alive = true;
    bridge
      .call('session.current', {})
      .then((s) => alive && setSession(s))
      .catch(() => alive && setSession(null))
      .finally(() => alive && setLoading(false));
    const off = bridge.on('session.changed', (s) => setSession(s));
    return () => {
      alive = false;
      off();
    };
  }, []);
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
