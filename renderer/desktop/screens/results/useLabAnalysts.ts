/** The lab's analysts (names and open work) from the working copy, for pickers and the analyst column. */
import { useMemo } from 'react';
import { useBridgeQuery } from '../../../bridge/hooks';
import { staffNames } from './results-rows';

export function useLabAnalysts(labId: string | null) {
  const q = useBridgeQuery('reference.staff', labId ? { labId, role: 'analis' } : { role: 'analis' });
  const names = useMemo(() => staffNames(q.data ?? []), [q.data]);
  return { staff: q.data ?? [], names, query: q };
}
