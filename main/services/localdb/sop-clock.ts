/**
 * Where a sample stands in the SOP for the worklist's clock, stored on its row so the worklist can
 * sort overdue first without reading every order: the shared clock (shared/sop/clock.ts), the
 * same arithmetic as the screens' clock bar and the SLA report.
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

export function sampleClock(order: Order, sample: Sample): SampleClock {
  const w = sampleWaiting(sample, order);
  if (!w) return { step: null, startedAt: null, dueAt: null };
  calendar ??= new WorkingCalendar();
  return { step: w.step, startedAt: w.since, dueAt: w.since === null ? null : dueAt(w.step, w.since, calendar) };
}
