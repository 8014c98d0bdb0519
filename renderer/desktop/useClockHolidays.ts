/**
 * The desktop's clocks use the unit's holiday list (reference.holidays, kept in the working copy
 * from the last pull, so also offline). Asked again whenever the working copy changes (a pull may
 * bring a new list); the clocks on screen are drawn again when it changed.
 */
import { useEffect, useState } from 'react';
import { useBridgeQuery } from '../bridge/hooks';
import { setClockHolidays } from '../components/clock-view';

export function useClockHolidays(): number {
  const q = useBridgeQuery('reference.holidays', {}, { staleTime: 60_000 });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (q.data && setClockHolidays(q.data)) setVersion((v) => v + 1);
  }, [q.data]);
  return version;
}
