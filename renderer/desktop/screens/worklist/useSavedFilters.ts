/**
 * The worklist filters of this user and list, read from settings once and written back (debounced)
 * whenever they change, so they survive a restart (UI.md: "All filters are kept per user").
 * `null` until the settings answered, so the list does not load twice.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { bridge } from '../../../bridge/client';
import { NO_FILTERS, readFilters, writeFilters, type WorklistFilters, type WorklistMode } from './filters';

export function useSavedFilters(
  username: string,
  mode: WorklistMode,
): [WorklistFilters | null, (f: WorklistFilters) => void] {
  const [filters, setFilters] = useState<WorklistFilters | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    let alive = true;
    setFilters(null);
    bridge
      .call('settings.get', {})
      .then((s) => alive && setFilters(readFilters(s, username, mode)))
      .catch(() => alive && setFilters(NO_FILTERS));
    return () => {
      alive = false;
    };
  }, [username, mode]);

  const update = useCallback(
    (f: WorklistFilters) => {
      setFilters(f);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        // Read-modify-write of the whole map: other users' and lists' filters stay as they are.
        bridge
          .call('settings.get', {})
          .then((s) => bridge.call('settings.update', writeFilters(s, username, mode, f)))
          .catch(() => {});
      }, 400);
    },
    [username, mode],
  );

  return [filters, update];
}
