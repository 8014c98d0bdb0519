/**
 * Worklist filters: what the user picked, kept per user and per list in settings
 * (`worklistFilters[username][mode]`), and the `worklist.page` query they make. Pure, for tests.
 */
import type { Settings, WorklistQueryInput } from '../../../../shared/bridge';

export type WorklistMode = 'work' | 'all';

export interface WorklistFilters {
  status: string[];
  labId: string | null;
  sampleTypeName: string | null;
  search: string;
}

export const NO_FILTERS: WorklistFilters = { status: [], labId: null, sampleTypeName: null, search: '' };

export const PAGE_SIZE = 200;

export function isFiltered(f: WorklistFilters): boolean {
  return f.status.length > 0 || f.labId !== null || f.sampleTypeName !== null || f.search.trim() !== '';
}

/**
 * The cache key of a list's pages. The navigation reads the unfiltered lists' counts from here
 * (frame/nav-counts.ts) rather than asking the engine in front of the list.
 */
export function listQueryKey(
  query: WorklistQueryInput,
): readonly ['worklist.page', 'list', WorklistQueryInput] {
  return ['worklist.page', 'list', query];
}

/** The page query for a list and its filters (without the cursor). */
export function toQuery(mode: WorklistMode, f: WorklistFilters): WorklistQueryInput {
  const q: WorklistQueryInput = { limit: PAGE_SIZE };
  if (mode === 'work') q.actionOnly = true;
  if (f.status.length > 0) q.status = f.status.slice(0, 20);
  if (f.labId) q.labId = f.labId;
  if (f.sampleTypeName) q.sampleTypeName = f.sampleTypeName;
  const s = f.search.trim();
  if (s) q.search = s.slice(0, 200);
  return q;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/** The saved filters of a user's list, defensively read (settings are a file anyone may edit). */
export function readFilters(
  settings: Pick<Settings, 'worklistFilters'> | null | undefined,
  username: string,
  mode: WorklistMode,
): WorklistFilters {
  const saved = settings?.worklistFilters?.[username]?.[mode];
  if (!saved || typeof saved !== 'object') return NO_FILTERS;
  const o = saved as Record<string, unknown>;
  return {
    status: Array.isArray(o['status'])
      ? o['status'].filter((s): s is string => typeof s === 'string').slice(0, 20)
      : [],
    labId: str(o['labId']),
    sampleTypeName: str(o['sampleTypeName']),
    search: str(o['search']) ?? '',
  };
}

/** The settings patch that keeps `f` for this user and list, leaving other users' and lists' alone. */
export function writeFilters(
  settings: Pick<Settings, 'worklistFilters'> | null | undefined,
  username: string,
  mode: WorklistMode,
  f: WorklistFilters,
): Pick<Settings, 'worklistFilters'> {
  const all = settings?.worklistFilters ?? {};
  const mine = (all[username] ?? {}) as Record<string, unknown>;
  return { worklistFilters: { ...all, [username]: { ...mine, [mode]: { ...f } } } };
}
