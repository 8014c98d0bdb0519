import type { DomainEvent } from './domain/decide';
import { SOP_STEPS, type StandardTime } from './sop/steps';
import { localDate, WorkingCalendar } from './calendar/working-days';

/**
 * Service-level view of an order: for each SOP step that happened, how long it took against the
 * SOP's standard time (mutu baku), and which ran over. A step's time runs from the moment the work
 * reached the actor (the previous step of the same flow finished) to the moment the step finished.
 * Per-sample steps (11-20) are timed per sample. Times are the server's event times.
 */
export interface StepTiming {
  step: number;
  sampleId: string | null;
  startedAt: string;
  finishedAt: string;
  /** Minutes for minute standards, working days for step 14. */
  actual: number;
  standard: StandardTime;
  over: boolean;
}

type TimedEvent = Pick<DomainEvent, 'step' | 'at' | 'sampleId' | 'entity'>;

export function stepTimings(events: readonly TimedEvent[], calendar = new WorkingCalendar()): StepTiming[] {
  // The moment each flow (the order, or one sample) last moved on.
  const flowClock = new Map<string, string>();
  const done = new Map<string, StepTiming>();
  const sorted = [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  for (const e of sorted) {
    if (e.step === null) {
      // A return: the flow's clock restarts, the work goes back to someone.
      flowClock.set(e.sampleId ?? 'order', e.at);
      continue;
    }
    const perSample = e.step >= 11 && e.step <= 20 && e.sampleId !== null;
    const flow = perSample ? e.sampleId! : 'order';
    // Sample flows start when the order reached the lab (its last order-level step).
    const startedAt = flowClock.get(flow) ?? flowClock.get('order') ?? e.at;
    const key = `${e.step}:${perSample ? flow : ''}`;
    const standard = SOP_STEPS[e.step - 1]!.standard;
    // Several events may finish one step (two commands, many analyses): it ends at the last one.
    const from = done.get(key)?.startedAt ?? startedAt;
    const actual = elapsed(standard, from, e.at, calendar);
    const timing: StepTiming = {
      step: e.step,
      sampleId: perSample ? flow : null,
      startedAt: from,
      finishedAt: e.at,
      actual,
      standard,
      over: standard.unit !== 'none' && actual > standard.value,
    };
    done.set(key, timing);
    flowClock.set(flow, e.at);
    if (!perSample) for (const k of flowClock.keys()) if (k !== 'order') flowClock.set(k, e.at);
  }
  return [...done.values()].sort((a, b) => a.step - b.step || Date.parse(a.finishedAt) - Date.parse(b.finishedAt));
}

function elapsed(standard: StandardTime, startedAt: string, at: string, calendar: WorkingCalendar): number {
  return standard.unit === 'working_days'
    ? calendar.countWorkingDays(localDate(new Date(startedAt)), localDate(new Date(at)))
    : Math.round((Date.parse(at) - Date.parse(startedAt)) / 60_000);
}

export function overruns(events: readonly TimedEvent[], calendar?: WorkingCalendar): StepTiming[] {
  return stepTimings(events, calendar).filter((t) => t.over);
}
