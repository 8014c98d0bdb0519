import { localDate, WIB_OFFSET_MINUTES, WorkingCalendar } from '../calendar/working-days';
import type { Order, Sample } from '../domain/entities';
import type { OrderStatus, SampleStatus } from '../domain/states';
import { stepByNumber, type StandardTime } from './steps';

/**
 * The SOP clock: which of the 22 steps an order or a sample waits at, and how much of that step's
 * standard time (mutu baku) is used. The desktop's worklists sort and colour rows by it; the SLA
 * report (shared/sla.ts) measures finished steps with the same arithmetic, so the live clock and
 * the report never disagree about what "over" means.
 */

/** Where the clock of a step stands at `now`. */
export interface StepClock {
  step: number;
  standard: StandardTime;
  startedAt: string;
  /**
   * Time used so far: minutes (with fractions, never negative) for minute standards, working days
   * (days after the start date up to and including today, weekends and holidays skipped) for step 14,
   * wall-clock minutes for a step without a standard.
   */
  used: number;
  /** used / standard; null when the step has no standard (step 9). */
  fraction: number | null;
  /** When the standard time runs out (ISO, UTC); null when the step has no standard. */
  dueAt: string | null;
  /** Strictly more than the standard: exactly at the standard is still on time. */
  over: boolean;
  /** How far past the standard, in the standard's unit; 0 when not over. */
  overBy: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Time used between two instants, in the unit of `standard` (see StepClock.used). */
export function usedTime(
  standard: StandardTime,
  startedAt: string,
  at: string | Date,
  calendar: WorkingCalendar = new WorkingCalendar(),
): number {
  const end = typeof at === 'string' ? Date.parse(at) : at.getTime();
  const start = Date.parse(startedAt);
  if (standard.unit === 'working_days') {
    return calendar.countWorkingDays(localDate(new Date(start)), localDate(new Date(Math.max(start, end))));
  }
  return Math.max(0, end - start) / MINUTE_MS;
}

/**
 * When a step started at `startedAt` is due. For step 14 that is the end (24:00 WIB) of the 14th
 * working day after the start date: the SOP counts whole working days, so the day the sample
 * reached the analyst is not one of them.
 */
export function dueAt(
  step: number,
  startedAt: string,
  calendar: WorkingCalendar = new WorkingCalendar(),
): string | null {
  const standard = stepByNumber(step).standard;
  switch (standard.unit) {
    case 'none':
      return null;
    case 'minutes':
      return new Date(Date.parse(startedAt) + standard.value * MINUTE_MS).toISOString();
    case 'working_days': {
      const lastDay = calendar.addWorkingDays(localDate(new Date(startedAt)), standard.value);
      return new Date(
        Date.parse(`${lastDay}T00:00:00.000Z`) + DAY_MS - WIB_OFFSET_MINUTES * MINUTE_MS,
      ).toISOString();
    }
  }
}

/**
 * The clock of `step` started at `startedAt`, read at `now`. For step 14, "over" follows the SOP's
 * count of working days: a weekend right after the due date does not make it over until the next
 * working day begins, although `dueAt` has passed.
 */
export function stepClock(
  step: number,
  startedAt: string,
  now: Date,
  calendar: WorkingCalendar = new WorkingCalendar(),
): StepClock {
  const standard = stepByNumber(step).standard;
  const used = usedTime(standard, startedAt, now, calendar);
  const limit = standard.unit === 'none' ? null : standard.value;
  const over = limit !== null && used > limit;
  return {
    step,
    standard,
    startedAt,
    used,
    fraction: limit === null ? null : used / limit,
    dueAt: dueAt(step, startedAt, calendar),
    over,
    overBy: over ? used - limit : 0,
  };
}

/** The step an order waits at, by the order's own status (null: finished or cancelled, nobody waits). */
const ORDER_WAITS_AT: Record<OrderStatus, number | null> = {
  returned_to_customer: 4, // the customer corrects and resubmits
  submitted: 5,
  validated: 6,
  tariff_approved: 7,
  billing_requested: 8,
  awaiting_payment: 9,
  payment_submitted: 10,
  paid: 11,
  in_lab: 11, // for a sample not registered yet; registered samples have their own steps
  reports_released: 21,
  survey_completed: 22,
  finished: null,
  cancelled: null,
};

const SAMPLE_WAITS_AT: Record<
  Exclude<SampleStatus, 'awaiting_registration' | 'in_testing' | 'released'>,
  number
> = {
  registered: 12,
  rejected: 11, // CS registers a replacement sample
  received: 12,
  assigned: 13,
  results_verified: 16,
  results_validated: 17,
  report_numbered: 18,
  awaiting_signature: 19,
  signed: 20,
};

/** Analyses that count (a retested one is kept for the record only): as shared/domain/state.ts. */
const active = (s: Sample) => s.analyses.filter((a) => a.status !== 'retest');

/** Where a sample stands in the 22 steps, and since when it waits there (null when unknown). */
export interface Waiting {
  step: number;
  since: string | null;
}

const latest = (times: readonly (string | null)[]): string | null => {
  let best: string | null = null;
  for (const t of times) if (t !== null && (best === null || Date.parse(t) > Date.parse(best))) best = t;
  return best;
};

/**
 * The step a sample waits at and when that wait began, or null when nobody waits any more.
 * - Before the lab (awaiting registration) the sample waits where its order does (steps 4..11).
 * - In testing: step 14 until every current analysis is submitted, then step 15 (the Penyelia).
 *   Step 14 restarts at a retest request; step 15 starts at the last submission (or at the MT's
 *   return of the results).
 * - Released: the order-level steps 21 and 22 follow once every sample is released; until then
 *   the customer cannot act yet, so the wait has no start (`since` null, no clock).
 * `since` is null for records stored before `statusSince` was kept.
 */
export function sampleWaiting(sample: Sample, order: Order): Waiting | null {
  switch (sample.status) {
    case 'awaiting_registration': {
      const step = ORDER_WAITS_AT[order.status];
      // In an order already in the lab, the order's time is when the first sample was registered:
      // a lower bound for this one's wait, which began at payment.
      return step === null ? null : { step, since: order.statusSince };
    }
    case 'in_testing': {
      const current = active(sample);
      if (current.length > 0 && current.every((a) => a.status === 'submitted')) {
        return {
          step: 15,
          since: latest([sample.statusSince, ...current.map((a) => a.statusSince ?? a.submittedAt)]),
        };
      }
      const retests = sample.analyses.filter((a) => a.status === 'retest').map((a) => a.statusSince);
      return { step: 14, since: latest([sample.statusSince, ...retests]) };
    }
    case 'released': {
      const step = ORDER_WAITS_AT[order.status];
      if (order.status === 'in_lab') return { step: 21, since: null };
      return step === null ? null : { step, since: order.statusSince };
    }
    default:
      return { step: SAMPLE_WAITS_AT[sample.status], since: sample.statusSince };
  }
}

/** The SOP step (1..22) the sample waits at; null when the order is finished or cancelled. */
export function sampleStep(sample: Sample, order: Order): number | null {
  return sampleWaiting(sample, order)?.step ?? null;
}

/**
 * The step an order waits at. While in the lab it is the earliest step of its samples (the order
 * is as far as its slowest sample).
 */
export function orderStep(order: Order): number | null {
  if (order.status !== 'in_lab') return ORDER_WAITS_AT[order.status];
  let min: number | null = null;
  for (const s of order.samples) {
    const step = sampleStep(s, order);
    if (step !== null && (min === null || step < min)) min = step;
  }
  return min;
}

/** The live clock of a sample: its step, and the standard time used since the wait began (null: no clock). */
export function sampleClock(
  sample: Sample,
  order: Order,
  now: Date,
  calendar: WorkingCalendar = new WorkingCalendar(),
): StepClock | null {
  const w = sampleWaiting(sample, order);
  return w && w.since !== null ? stepClock(w.step, w.since, now, calendar) : null;
}
