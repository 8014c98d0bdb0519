/**
 * The navigation's counts, read from the lists on screen where they carry them (nav-counts.ts) and
 * otherwise asked with one `worklist.page {limit: 1}` after the screen's list has its first page.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { useQueryClient, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import type { WorklistPageView, WorklistQueryInput } from '../../../shared/bridge';
import { useBridgeQuery } from '../../bridge/hooks';
import { countsFromLists, mayAskCounts, type ListEntry, type NavCounts } from './nav-counts';

/** The lists mounted now (a list left behind in the cache may be stale: it is not refetched). */
function mountedLists(qc: QueryClient): ListEntry[] {
  return qc
    .getQueryCache()
    .findAll({ queryKey: ['worklist.page', 'list'] })
    .filter((q) => q.getObserversCount() > 0)
    .map((q) => ({
      query: (q.queryKey[2] ?? {}) as WorklistQueryInput,
      first: (q.state.data as InfiniteData<WorklistPageView> | undefined)?.pages[0] ?? null,
      pending: q.state.status === 'pending',
    }));
}

export function useNavCounts(onListScreen: boolean): NavCounts {
  const qc = useQueryClient();
  const subscribe = useCallback((cb: () => void) => qc.getQueryCache().subscribe(cb), [qc]);
  // A string snapshot: the cache moves on every page fetched while scrolling, the counts rarely.
  const snap = useSyncExternalStore(subscribe, () => {
    const lists = mountedLists(qc);
    const c = countsFromLists(lists);
    return `${c.myWork ?? ''}|${c.samples ?? ''}|${mayAskCounts(onListScreen, lists) ? 1 : 0}`;
  });
  const [myWorkS, samplesS, mayS] = snap.split('|');
  const fromLists: NavCounts = {
    myWork: myWorkS ? Number(myWorkS) : null,
    samples: samplesS ? Number(samplesS) : null,
  };
  const complete = fromLists.myWork !== null && fromLists.samples !== null;
  // One cheap call (the engine counts every row and the rows waiting for this user), kept once
  // asked: leaving the list does not blank the badges.
  const own = useBridgeQuery('worklist.page', { limit: 1 }, { enabled: !complete && mayS === '1' });
  return {
    myWork: fromLists.myWork ?? own.data?.action ?? null,
    samples: fromLists.samples ?? own.data?.total ?? null,
  };
}
