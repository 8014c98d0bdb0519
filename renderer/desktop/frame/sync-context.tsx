/**
 * Sync status and the outbox as the whole frame sees them: one `sync.status` query kept fresh by the
 * engine's `sync.status` event (which survives a re-login), and `changes.list` refetched whenever
 * that status moves. The pill, the banner, the status bar and the sync panel read it from here.
 */
import { createContext, useCallback, useContext, useEffect, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { CallOutput, SyncStatusView } from '../../../shared/bridge';
import { bridge } from '../../bridge/client';
import { useBridgeQuery } from '../../bridge/hooks';

type Changes = CallOutput<'changes.list'>;

interface SyncState {
  status: SyncStatusView | null;
  changes: Changes | null;
  changesError: unknown;
  refetchChanges: () => void;
}

const Ctx = createContext<SyncState>({
  status: null,
  changes: null,
  changesError: null,
  refetchChanges: () => {},
});

export function SyncProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const status = useBridgeQuery('sync.status', {}, { staleTime: Infinity, refetchInterval: 30_000 });
  const changes = useBridgeQuery('changes.list', {}, { staleTime: Infinity });

  useEffect(
    () =>
      bridge.on('sync.status', (s) => {
        qc.setQueryData(['sync.status', {}], s);
        void qc.invalidateQueries({ queryKey: ['changes.list'] });
      }),
    [qc],
  );

  const refetchChanges = useCallback(() => void changes.refetch(), [changes]);
  return (
    <Ctx.Provider
      value={{
        status: status.data ?? null,
        changes: changes.data ?? null,
        changesError: changes.error,
        refetchChanges,
      }}
    >
      {children}
    </Ctx.Provider>
  );
}

export function useSync(): SyncState {
  return useContext(Ctx);
}
