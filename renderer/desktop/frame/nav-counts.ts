/**
 * The navigation's counts ("Pekerjaan saya" 12, "Semua sampel" 20.001) without a query of their
 * own in front of the list: the engine answers one call at a time, so a count asked first delays
 * the rows the user came for. An unfiltered list's first page already carries the counts
 * (`total` for its filter, `action` for the rows waiting for this user): "Semua sampel" gives both,
 * "Pekerjaan saya" its own. What is still missing is asked after the list's first page answered.
 * Pure, for tests; the hook (useNavCounts.ts) feeds it from the query cache.
 */
import type { WorklistPageView, WorklistQueryInput } from '../../../shared/bridge';

export interface ListEntry {
  /** The list's query (worklist/filters.ts toQuery), without a cursor. */
  query: WorklistQueryInput;
  /** Its first page, once answered. */
  first: WorklistPageView | null;
  /** Not answered yet (a first load, not a refetch). */
  pending: boolean;
}

export interface NavCounts {
  myWork: number | null;
  samples: number | null;
}

/** A list without any filter: only the page size and, for "Pekerjaan saya", `actionOnly`. */
export function unfilteredKind(q: WorklistQueryInput): 'all' | 'work' | null {
  const keys = Object.keys(q).filter(
    (k) =>
      k !== 'limit' && k !== 'actionOnly' && k !== 'after' && q[k as keyof WorklistQueryInput] !== undefined,
  );
  if (keys.length > 0) return null;
  return q.actionOnly ? 'work' : 'all';
}

/** The counts the shown lists already answered. */
export function countsFromLists(lists: readonly ListEntry[]): NavCounts {
  const out: NavCounts = { myWork: null, samples: null };
  for (const l of lists) {
    if (!l.first) continue;
    const kind = unfilteredKind(l.query);
    if (kind === 'all') {
      out.samples = l.first.total;
      out.myWork = l.first.action;
    } else if (kind === 'work' && out.myWork === null) {
      out.myWork = l.first.total;
    }
  }
  return out;
}

/**
 * Whether the navigation may ask the engine for its counts now: not while the screen's list
 * waits for its first page (on a list screen whose list has not even registered yet, it waits too).
 */
export function mayAskCounts(onListScreen: boolean, lists: readonly ListEntry[]): boolean {
  if (lists.some((l) => l.pending)) return false;
  return !onListScreen || lists.length > 0;
}
