import { describe, expect, it } from 'vitest';
import { overruns, stepTimings, type StepTiming } from '../../../shared/sla';

// The SLA report's rules (SOP standard times, "mutu baku"), each checked on the events the audit
// trail holds. Standards used below: step 3 = 10 min, 4 = 30, 5 = 10, 10 = 15, 11 = 30, 12 = 20,
// 13 = 20, 14 = 14 working days, 20 = 5.
const ev = (step: number | null, at: string, sampleId: string | null = null) => ({
  step,
  at,
  sampleId,
  entity: 'order' as const,
});
const T = (hhmm: string) => `2026-11-02T${hhmm}:00.000Z`; // Monday 2 November 2026, UTC
const row = (t: StepTiming) => [t.step, t.sampleId, t.actual, t.over];

describe('SLA: exactly the standard time is not an overrun', () => {
  it('validation 10 minutes after submission is on time; 11 minutes is over', () => {
    const onTime = stepTimings([ev(4, T('01:00')), ev(5, T('01:10'))]);
    expect(onTime.find((t) => t.step === 5)).toMatchObject({ actual: 10, over: false });
    const late = stepTimings([ev(4, T('01:00')), ev(5, T('01:11'))]);
    expect(late.find((t) => t.step === 5)).toMatchObject({ actual: 11, over: true });
  });

  it('counts whole minutes: 8 min 40 s of work is 9 minutes', () => {
    const t = stepTimings([ev(4, T('01:00')), ev(5, '2026-11-02T01:08:40.000Z')]);
    expect(t.find((x) => x.step === 5)!.actual).toBe(9);
  });

  it('step 9 (payment) has no standard and is never over, even a week later', () => {
    const t = stepTimings([ev(8, T('01:00')), ev(9, '2026-11-09T01:00:00.000Z')]);
    expect(t.find((x) => x.step === 9)).toMatchObject({ standard: { unit: 'none' }, over: false });
    expect(overruns([ev(8, T('01:00')), ev(9, '2026-11-09T01:00:00.000Z')])).toEqual([]);
  });
});

describe('SLA: per-sample steps (11-20) and per-order steps', () => {
  it('times the registration of each sample from the payment, separately', () => {
    const t = stepTimings([ev(10, T('01:00')), ev(11, T('01:20'), 's1'), ev(11, T('01:45'), 's2')]);
    expect(t.filter((x) => x.step === 11).map(row)).toEqual([
      [11, 's1', 20, false],
      [11, 's2', 45, true],
    ]);
  });

  it('times the release (step 20) per sample: each LHU from its own signature', () => {
    const t = stepTimings([
      ev(19, T('02:00'), 's1'),
      ev(19, T('02:30'), 's2'),
      ev(20, T('02:04'), 's1'), // 4 min after s1 was signed
      ev(20, T('02:40'), 's2'), // 10 min after s2 was signed: over 5
    ]);
    expect(t.filter((x) => x.step === 20).map(row)).toEqual([
      [20, 's1', 4, false],
      [20, 's2', 10, true],
    ]);
  });

  it('a sample flow continues from its own last step, not from another sample', () => {
    const t = stepTimings([
      ev(10, T('01:00')),
      ev(11, T('01:10'), 's1'),
      ev(11, T('01:25'), 's2'),
      ev(12, T('01:40'), 's1'),
    ]);
    // s1 was registered at 01:10: acceptance 30 min later is over its 20.
    expect(t.find((x) => x.step === 12)).toMatchObject({
      sampleId: 's1',
      startedAt: T('01:10'),
      actual: 30,
      over: true,
    });
  });

  it('steps outside 11-20 are order steps even when the event names a sample', () => {
    const t = stepTimings([
      ev(9, T('01:00'), 's1'),
      ev(10, T('01:10'), 's1'),
      ev(11, T('01:30'), 's1'),
      ev(21, T('03:00'), 's1'),
    ]);
    expect(t.find((x) => x.step === 10)!.sampleId).toBeNull();
    expect(t.find((x) => x.step === 21)!.sampleId).toBeNull();
    // Step 21 runs from the order's last order step (10, at 01:10), not from the sample's step 11.
    expect(t.find((x) => x.step === 21)!.startedAt).toBe(T('01:10'));
  });

  it('a per-sample step reported without its sample counts for the order', () => {
    const t = stepTimings([ev(10, T('01:00')), ev(11, T('01:20')), ev(12, T('01:30'), 's1')]);
    expect(t.find((x) => x.step === 11)).toMatchObject({ sampleId: null, actual: 20 });
    // The order moved on at 01:20, so the sample's next step runs from there.
    expect(t.find((x) => x.step === 12)).toMatchObject({ sampleId: 's1', startedAt: T('01:20'), actual: 10 });
  });

  it("an order step moves every sample's clock: a sample's next step runs from it", () => {
    // A sample was returned before the order's payment was approved; its registration counts from the payment.
    const t = stepTimings([ev(null, T('00:30'), 's1'), ev(10, T('01:00')), ev(11, T('01:20'), 's1')]);
    expect(t.find((x) => x.step === 11)).toMatchObject({ startedAt: T('01:00'), actual: 20 });
  });
});

describe('SLA: the ordering of events', () => {
  it('orders the events by time, whatever order they arrive in (a sync may deliver late events)', () => {
    const inOrder = [ev(4, T('01:00')), ev(5, T('01:08')), ev(6, T('01:30')), ev(7, T('01:35'))];
    const shuffled = [inOrder[2]!, inOrder[0]!, inOrder[3]!, inOrder[1]!];
    expect(stepTimings(shuffled)).toEqual(stepTimings(inOrder));
    expect(stepTimings(shuffled).map((t) => [t.step, t.actual])).toEqual([
      [4, 0],
      [5, 8],
      [6, 22],
      [7, 5],
    ]);
  });

  it('lists the report by step, and within a step by when it finished', () => {
    const t = stepTimings([
      ev(13, T('01:00'), 's1'),
      ev(13, T('01:05'), 's2'),
      ev(14, T('02:00'), 's1'), // s1 starts its results first...
      ev(14, T('02:10'), 's2'),
      ev(14, '2026-11-04T02:00:00.000Z', 's2'), // ...but s2 finishes them first
      ev(14, '2026-11-05T02:00:00.000Z', 's1'),
    ]);
    expect(t.map((x) => [x.step, x.sampleId])).toEqual([
      [13, 's1'],
      [13, 's2'],
      [14, 's2'],
      [14, 's1'],
    ]);
  });

  it('ends a step at its last event and keeps its start (two analyses of one sample)', () => {
    const t = stepTimings([
      ev(13, T('01:00'), 's1'),
      ev(14, T('02:00'), 's1'),
      ev(14, '2026-11-03T02:00:00.000Z', 's1'),
    ]);
    expect(t.filter((x) => x.step === 14)).toEqual([
      expect.objectContaining({ startedAt: T('01:00'), finishedAt: '2026-11-03T02:00:00.000Z', actual: 1 }),
    ]);
  });
});

describe('SLA: the clock restarts after a return', () => {
  it('an activation after a deactivation is timed from the deactivation', () => {
    const t = stepTimings([ev(2, T('01:00')), ev(null, T('01:30')), ev(3, T('01:38'))]);
    expect(t.find((x) => x.step === 3)).toMatchObject({ startedAt: T('01:30'), actual: 8, over: false });
  });

  it("a sample's return restarts that sample's clock only, not the order's", () => {
    const t = stepTimings([
      ev(10, T('01:00')),
      ev(11, T('01:10'), 's1'),
      ev(null, T('01:40'), 's1'), // the Penyelia rejects s1
      ev(11, T('01:50'), 's2'), // s2 waited for registration since the payment: 50 min
      ev(12, T('01:50'), 's1'),
    ]);
    expect(t.find((x) => x.step === 11 && x.sampleId === 's2')).toMatchObject({
      startedAt: T('01:00'),
      actual: 50,
      over: true,
    });
    expect(t.find((x) => x.step === 12 && x.sampleId === 's1')).toMatchObject({
      startedAt: T('01:40'),
      actual: 10,
      over: false,
    });
  });
});
