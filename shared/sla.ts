import type { DomainEvent } from './domain/decide';
import { WorkingCalendar } from './calendar/working-days';
import { usedTime } from './sop/clock';
import { SOP_STEPS, type StandardTime } from './sop/steps';

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
    // Stryker disable next-line StringLiteral: the order flow's key only has to differ from a sample id
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
      // Stryker disable next-line ConditionalExpression,StringLiteral: a step without a standard has no value, and `n > undefined` is false
      over: standard.unit !== 'none' && actual > standard.value,
    };
    done.set(key, timing);
    flowClock.set(flow, e.at);
    if (!perSample) {
      for (const k of flowClock.keys()) {
        // Stryker disable next-line ConditionalExpression,StringLiteral: the order's own clock was just set to this same time
        if (k !== 'order') flowClock.set(k, e.at);
      }
    }
  }
  return [...done.values()].sort(
    (a, b) => a.step - b.step || Date.parse(a.finishedAt) - Date.parse(b.finishedAt),
  );
}

/** The live clock's arithmetic (shared/sop/clock.ts), in whole minutes for a finished step. */
function elapsed(standard: StandardTime, startedAt: string, at: string, calendar: WorkingCalendar): number {
  const used = usedTime(standard, startedAt, at, calendar);
  // Stryker disable next-line ConditionalExpression,StringLiteral: a count of working days is already whole, rounding it changes nothing
  return standard.unit === 'working_days' ? used : Math.round(used);
}

export function overruns(events: readonly TimedEvent[], calendar?: WorkingCalendar): StepTiming[] {
  return stepTimings(events, calendar).filter((t) => t.over);
}
