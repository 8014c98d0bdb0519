import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../../shared/calendar/working-days';
import type { Order } from '../../../shared/domain/entities';
import {
  dueAt,
  orderStep,
  sampleClock,
  sampleStep,
  sampleWaiting,
  stepClock,
} from '../../../shared/sop/clock';
import { SOP_STEPS } from '../../../shared/sop/steps';
import { stepTimings } from '../../../shared/sla';
import {
  A,
  S1,
  S1A1,
  S2,
  addDays,
  analysisAt,
  flow,
  orderAt,
  runOrder,
  sampleAt,
  sampleOf,
} from '../domain/fixtures';

const noHolidays = new WorkingCalendar([]);
const at = (iso: string) => new Date(iso);

describe('stepClock: minute standards', () => {
  const start = '2026-11-02T01:00:00.000Z'; // Monday 08:00 WIB

  it('exactly at the standard is on time; a moment later is over', () => {
    // Step 12: 20 minutes.
    const exact = stepClock(12, start, at('2026-11-02T01:20:00.000Z'));
    expect(exact).toMatchObject({
      step: 12,
      standard: { unit: 'minutes', value: 20 },
      used: 20,
      fraction: 1,
      over: false,
      overBy: 0,
      dueAt: '2026-11-02T01:20:00.000Z',
    });
    const later = stepClock(12, start, at('2026-11-02T01:20:30.000Z'));
    expect(later.over).toBe(true);
    expect(later.overBy).toBeCloseTo(0.5);
  });

  it('measures fractions of the standard, and never negative time when the reader is behind the server', () => {
    expect(stepClock(5, start, at('2026-11-02T01:05:00.000Z')).fraction).toBeCloseTo(0.5);
    const behind = stepClock(5, start, at('2026-11-02T00:59:00.000Z'));
    expect(behind).toMatchObject({ used: 0, over: false, fraction: 0 });
  });

  it('step 9 (payment) has no standard: no due time, never over', () => {
    const c = stepClock(9, start, addDays(at(start), 30));
    expect(c).toMatchObject({ dueAt: null, fraction: null, over: false, overBy: 0 });
    expect(c.used).toBe(30 * 24 * 60);
    expect(dueAt(9, start)).toBeNull();
  });

  it('dueAt of every minute step is its standard after the start', () => {
    for (const s of SOP_STEPS) {
      if (s.standard.unit !== 'minutes') continue;
      expect(dueAt(s.number, start)).toBe(
        new Date(Date.parse(start) + s.standard.value * 60_000).toISOString(),
      );
    }
  });

  it('refuses a step outside 1..22', () => {
    expect(() => stepClock(23, start, at(start))).toThrow(RangeError);
    expect(() => dueAt(0, start)).toThrow(RangeError);
  });
});

describe('stepClock: step 14, 14 working days', () => {
  // Monday 2 Nov 2026, 10:00 WIB. Without holidays the 14th working day after it is Friday 20 Nov.
  const start = '2026-11-02T03:00:00.000Z';

  it('is due at the end (24:00 WIB) of the 14th working day after the start date', () => {
    expect(dueAt(14, start, noHolidays)).toBe('2026-11-20T17:00:00.000Z');
  });

  it('the 14th working day is on time, the 15th is over by one', () => {
    const friday = stepClock(14, start, at('2026-11-20T16:59:00.000Z'), noHolidays); // 23:59 WIB
    expect(friday).toMatchObject({ used: 14, fraction: 1, over: false, overBy: 0 });
    const monday = stepClock(14, start, at('2026-11-23T01:00:00.000Z'), noHolidays); // 08:00 WIB
    expect(monday).toMatchObject({ used: 15, over: true, overBy: 1 });
  });

  it('a weekend right after the due date is not yet over (the SOP counts working days)', () => {
    const saturday = stepClock(14, start, at('2026-11-21T03:00:00.000Z'), noHolidays);
    expect(saturday).toMatchObject({ used: 14, over: false });
    expect(Date.parse(saturday.dueAt!)).toBeLessThan(Date.parse('2026-11-21T03:00:00.000Z'));
  });

  it('the start date itself does not count, and days follow WIB, not UTC', () => {
    // 23:30 WIB on Monday is still Monday; 00:30 WIB on Tuesday is the first working day.
    expect(stepClock(14, '2026-11-02T16:30:00.000Z', at('2026-11-02T16:45:00.000Z'), noHolidays).used).toBe(
      0,
    );
    expect(stepClock(14, '2026-11-02T16:30:00.000Z', at('2026-11-02T17:30:00.000Z'), noHolidays).used).toBe(
      1,
    );
  });

  it('a start on a weekend counts from the next working day', () => {
    // Saturday 7 Nov: Monday 9 Nov is working day 1, Thursday 26 Nov the 14th.
    expect(dueAt(14, '2026-11-07T03:00:00.000Z', noHolidays)).toBe('2026-11-26T17:00:00.000Z');
  });

  it('skips holidays: Nyepi, Idul Fitri with its cuti bersama, and Good Friday', () => {
    const calendar = new WorkingCalendar(); // the national list
    // From Monday 24 Mar 2025: 28 Mar, 31 Mar..7 Apr and 18 Apr are off, so the 14th working day
    // is Wednesday 23 Apr, not Friday 11 Apr as weekends alone would give.
    const due = dueAt(14, '2025-03-24T03:00:00.000Z', calendar)!;
    let days = 0;
    for (let d = new Date('2025-03-25T05:00:00.000Z'); d.getTime() < Date.parse(due); d = addDays(d, 1)) {
      if (calendar.isWorkingDay(d.toISOString().slice(0, 10))) days += 1;
    }
    expect(days).toBe(14);
    expect(due).toBe('2025-04-23T17:00:00.000Z');
    expect(dueAt(14, '2025-03-24T03:00:00.000Z', noHolidays)).toBe('2025-04-11T17:00:00.000Z');
    expect(stepClock(14, '2025-03-24T03:00:00.000Z', at('2025-04-23T10:00:00.000Z'), calendar)).toMatchObject(
      { used: 14, over: false },
    );
    expect(stepClock(14, '2025-03-24T03:00:00.000Z', at('2025-04-24T02:00:00.000Z'), calendar)).toMatchObject(
      { used: 15, over: true },
    );
  });

  it('agrees with the SLA report of a finished step', () => {
    const ev = (step: number, iso: string) => ({ step, at: iso, sampleId: 's1', entity: 'sample' as const });
    const finished = '2026-11-24T03:00:00.000Z';
    const t = stepTimings([{ step: 13, at: start, sampleId: 's1', entity: 'sample' }, ev(14, finished)]).find(
      (x) => x.step === 14,
    )!;
    const live = stepClock(14, start, at(finished));
    expect(live.used).toBe(t.actual);
    expect(live.over).toBe(t.over);
  });
});

describe('sampleStep: where a sample waits in the 22 steps', () => {
  it('follows the order before the lab (steps 4..11)', () => {
    const expected: [Parameters<typeof orderAt>[0], number | null][] = [
      ['submitted', 5],
      ['returned_to_customer', 4],
      ['validated', 6],
      ['tariff_approved', 7],
      ['billing_requested', 8],
      ['awaiting_payment', 9],
      ['payment_submitted', 10],
      ['paid', 11],
      ['cancelled', null],
    ];
    for (const [status, step] of expected) {
      const o = orderAt(status);
      expect(sampleStep(sampleOf(o, S1), o), status).toBe(step);
      expect(orderStep(o), status).toBe(step);
    }
  });

  it('takes the sample steps 12..20 from its status', () => {
    const expected: [Parameters<typeof sampleAt>[0], number][] = [
      ['registered', 12],
      ['rejected', 11],
      ['received', 12],
      ['assigned', 13],
      ['in_testing', 14],
      ['results_verified', 16],
      ['results_validated', 17],
      ['report_numbered', 18],
      ['awaiting_signature', 19],
      ['signed', 20],
    ];
    for (const [status, step] of expected) {
      const o = sampleAt(status);
      expect(sampleStep(sampleOf(o, S1), o), status).toBe(step);
      // S2 is not registered yet: the order is as far as its slowest sample.
      expect(sampleStep(sampleOf(o, S2), o)).toBe(11);
      expect(orderStep(o)).toBe(11);
    }
  });

  it('in testing: step 14 until every current analysis is submitted, then 15 from the last submission', () => {
    let o = sampleAt('in_testing');
    const validated = sampleOf(o, S1).statusSince!;
    expect(sampleWaiting(sampleOf(o, S1), o)).toEqual({ step: 14, since: validated });
    o = flow.enterResults(o, S1);
    const s = sampleOf(o, S1);
    expect(sampleStep(s, o)).toBe(15);
    const lastSubmit = s.analyses
      .map((a) => a.statusSince!)
      .sort()
      .at(-1);
    expect(sampleWaiting(s, o)!.since).toBe(lastSubmit);
  });

  it('a retest request takes the sample back to step 14, its clock restarting at the request', () => {
    const o = analysisAt('retest');
    const s = sampleOf(o, S1);
    const w = sampleWaiting(s, o)!;
    expect(w.step).toBe(14);
    expect(w.since).toBe(s.analyses.find((a) => a.id === S1A1)!.statusSince);
  });

  it("released: steps 21 and 22 are the order's, once every sample is released", () => {
    const o = orderAt('reports_released');
    expect(sampleStep(sampleOf(o, S1), o)).toBe(21);
    expect(sampleWaiting(sampleOf(o, S1), o)!.since).toBe(o.statusSince);
    expect(orderStep(o)).toBe(21);
    const surveyed = orderAt('survey_completed');
    expect(sampleStep(sampleOf(surveyed, S2), surveyed)).toBe(22);
    expect(sampleStep(sampleOf(orderAt('finished'), S1), orderAt('finished'))).toBeNull();
    expect(orderStep(orderAt('finished'))).toBeNull();
  });

  it('a released sample in an order still in the lab waits at 21 without a clock (the customer cannot act yet)', () => {
    const o = sampleAt('released');
    expect(sampleWaiting(sampleOf(o, S1), o)).toEqual({ step: 21, since: null });
    expect(sampleClock(sampleOf(o, S1), o, new Date())).toBeNull();
  });

  it('sampleClock reads the clock of the step waited at; records without statusSince have none', () => {
    const o = sampleAt('assigned');
    const s = sampleOf(o, S1);
    const c = sampleClock(s, o, new Date(Date.parse(s.statusSince!) + 25 * 60_000))!;
    expect(c).toMatchObject({ step: 13, used: 25, over: true, overBy: 5 });
    const legacy: Order = { ...o, samples: o.samples.map((x) => ({ ...x, statusSince: null })) };
    expect(sampleClock(legacy.samples[0]!, legacy, new Date())).toBeNull();
  });

  it('a sample returned by the MT waits at 12 again, from the return', () => {
    const o = runOrder(
      sampleAt('assigned'),
      A.mt,
      'assignment.return',
      { sampleId: S1, reason: 'Analis belum kompeten' },
      { now: addDays(new Date('2026-03-02T03:00:00.000Z'), 1) },
    );
    expect(sampleWaiting(sampleOf(o, S1), o)).toEqual({ step: 12, since: '2026-03-03T03:00:00.000Z' });
  });
});
