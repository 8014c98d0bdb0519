/**
 * The worklist filters of this user and list, read from the settings loaded with the session
 * (session.tsx, one shared query: no `settings.get` of its own in front of the list's first page)
 * and written back (debounced) whenever they change, so they survive a restart (UI.md: "All
 * filters are kept per user"). `null` only while the settings have not answered yet, so the list
 * does not load twice; a failed read is the default filters.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { bridge } from '../../../bridge/client';
import { settingsQuery, useSettings } from '../../session';
import { NO_FILTERS, readFilters, writeFilters, type WorklistFilters, type WorklistMode } from './filters';

export function useSavedFilters(
  username: string,
  mode: WorklistMode,
): [WorklistFilters | null, (f: WorklistFilters) => void] {
  const qc = useQueryClient();
  const settings = useSettings();
  const list = `${username}\u0000${mode}`;
  // What the user picked on this list since it opened; the saved filters until then.
  const [picked, setPicked] = useState<{ list: string; filters: WorklistFilters } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // Memoised on the cached settings object (structurally shared: the same while nothing changed),
  // so the list's query does not change identity on every render.
  const saved = useMemo(
    () => (settings.data ? readFilters(settings.data, username, mode) : settings.isError ? NO_FILTERS : null),
    [settings.data, settings.isError, username, mode],
  );
  const filters = picked?.list === list ? picked.filters : saved;

  const update = useCallback(
    (f: WorklistFilters) => {
      setPicked({ list, filters: f });
      // The cached settings follow at once, so coming back to this list within the debounce
      // (Alt+1/Alt+2) shows what was picked, not what was saved before.
      qc.setQueryData(settingsQuery.queryKey, (s) =>
        s ? { ...s, ...writeFilters(s, username, mode, f) } : s,
      );
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        // Read-modify-write of the whole map: other users' and lists' filters stay as they are.
        bridge
          .call('settings.get', {})
          .then((s) => bridge.call('settings.update', writeFilters(s, username, mode, f)))
          .then((s) => qc.setQueryData(settingsQuery.queryKey, s))
          .catch(() => {});
      }, 400);
    },
    [list, username, mode, qc],
  );

  return [filters, update];
}
