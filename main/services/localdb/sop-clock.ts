/**
 * Where a sample stands in the SOP for the worklist's clock: the step it waits at, since when, and
 * when that step's standard time (mutu baku) runs out. The domain's shared function for this is
 * not in shared/sla.ts yet; until it is, this reads the step from the sample's status and the start
 * from `statusSince` (the server time the status was entered), falling back to the receipt time.
 */
import type { Order, Sample } from '../../../shared/domain/entities';
import { activeAnalyses } from '../../../shared/domain/state';
import { localDate, WorkingCalendar } from '../../../shared/calendar/working-days';
import { SOP_STEPS } from '../../../shared/sop/steps';

export interface SampleClock {
  step: number | null;
  startedAt: string | null;
  dueAt: string | null;
}

const STEP_BY_STATUS: Partial<Record<Sample['status'], number>> = {
  registered: 12,
  received: 12,
  assigned: 13,
  in_testing: 14,
  results_verified: 16,
  results_validated: 17,
  report_numbered: 18,
  awaiting_signature: 19,
  signed: 20,
};

let calendar: WorkingCalendar | null = null;

export function sampleClock(order: Order, sample: Sample): SampleClock {
  let step = STEP_BY_STATUS[sample.status] ?? null;
  if (step === null) return { step: null, startedAt: null, dueAt: null };
  let startedAt = sample.statusSince ?? sample.receivedAt ?? order.submittedAt;
  if (step === 14) {
    const active = activeAnalyses(sample);
    if (active.length > 0 && active.every((a) => a.status === 'submitted')) {
      // Every result is in: the work waits for the Penyelia's verification (step 15) since the last submission.
      step = 15;
      const last = active.map((a) => a.submittedAt).filter((t): t is string => t !== null).sort().pop();
      if (last) startedAt = last;
    }
  }
  const standard = SOP_STEPS[step - 1]!.standard;
  let dueAt: string | null = null;
  if (standard.unit === 'minutes') {
    dueAt = new Date(Date.parse(startedAt) + standard.value * 60_000).toISOString();
  } else if (standard.unit === 'working_days') {
    calendar ??= new WorkingCalendar();
    const day = calendar.addWorkingDays(localDate(new Date(startedAt)), standard.value);
    // The end of that working day in Jakarta (WIB, UTC+7).
    dueAt = new Date(`${day}T23:59:59.999+07:00`).toISOString();
  }
  return { step, startedAt, dueAt };
}
