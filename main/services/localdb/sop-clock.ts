/**
 * Where a sample stands in the SOP for the worklist's clock, stored on its row so the worklist can
 * sort overdue first without reading every order: the shared clock (shared/sop/clock.ts), the
 * same arithmetic as the screens' clock bar and the SLA report.
 *
 * Working days skip the unit's own holiday list, as the Admin Satker keeps it on the server
 * (`/calendar/holidays`), brought down with the reference data and kept in the working copy for
 * offline use (useUnitHolidays); until one has been fetched, the built-in national list. One list
 * per process: a desktop talks to one server, the unit's.
 */
import type { Order, Sample } from '../../../shared/domain/entities';
import { WorkingCalendar } from '../../../shared/calendar/working-days';
import { dueAt, sampleWaiting } from '../../../shared/sop/clock';

export interface SampleClock {
  step: number | null;
  startedAt: string | null;
  /** Null when the step has no standard, or its start is not known (records from before statusSince). */
  dueAt: string | null;
}

let calendar: WorkingCalendar | null = null;
/** The dates of the list in use, sorted and joined (null: the built-in list). */
let inUse: string | null = null;

/**
 * Use the unit's holiday list from now on. True when it differs from the one in use, so the
 * stored clocks must be computed again (LocalStore.recomputeClocks).
 */
export function useUnitHolidays(list: readonly { date: string }[]): boolean {
  const key = [...new Set(list.map((h) => h.date))].sort().join(',');
  if (key === inUse) return false;
  inUse = key;
  calendar = new WorkingCalendar(list);
  return true;
}

export function sampleClock(order: Order, sample: Sample): SampleClock {
  const w = sampleWaiting(sample, order);
  if (!w) return { step: null, startedAt: null, dueAt: null };
  calendar ??= new WorkingCalendar();
  return {
    step: w.step,
    startedAt: w.since,
    dueAt: w.since === null ? null : dueAt(w.step, w.since, calendar),
  };
}
