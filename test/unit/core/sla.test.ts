import { describe, expect, it } from 'vitest';
import { overruns, stepTimings } from '../../../shared/sla';

const ev = (step: number | null, at: string, sampleId: string | null = null) => ({
  step,
  at,
  sampleId,
  entity: 'order' as const,
});

describe('SLA against the SOP standard times', () => {
  it('times each step from the moment the work reached the actor', () => {
    const t = stepTimings([
      ev(4, '2026-11-02T01:00:00Z'),
      ev(5, '2026-11-02T01:08:00Z'), // 8 min, standard 10
      ev(6, '2026-11-02T01:30:00Z'), // 22 min, standard 10: over
    ]);
    expect(t.map((x) => [x.step, x.actual, x.over])).toEqual([
      [4, 0, false],
      [5, 8, false],
      [6, 22, true],
    ]);
  });

  it('times per-sample steps per sample, and step 14 in working days', () => {
    const events = [
      ev(10, '2026-11-02T01:00:00Z'),
      ev(11, '2026-11-02T01:20:00Z', 's1'),
      ev(11, '2026-11-02T01:50:00Z', 's2'), // 50 min after payment: over 30
      ev(13, '2026-11-02T01:35:00Z', 's1'),
      // Analyst finishes 16 working days later (two weekends plus no holiday in Nov 2026).
      ev(14, '2026-11-24T03:00:00Z', 's1'),
    ];
    const t = stepTimings(events);
    const s2 = t.find((x) => x.step === 11 && x.sampleId === 's2')!;
    expect(s2.actual).toBe(50);
    expect(s2.over).toBe(true);
    const s14 = t.find((x) => x.step === 14)!;
    expect(s14.standard).toEqual({ unit: 'working_days', value: 14 });
    expect(s14.actual).toBe(16);
    expect(overruns(events).map((x) => [x.step, x.sampleId])).toEqual([
      [11, 's2'],
      [14, 's1'],
    ]);
  });

  it('restarts the clock after a return and ends a step at its last event', () => {
    const t = stepTimings([
      ev(4, '2026-11-02T01:00:00Z'),
      ev(null, '2026-11-02T01:05:00Z'), // CS returns it to the customer
      ev(4, '2026-11-02T02:00:00Z'), // resubmitted 55 min after the return
    ]);
    expect(t).toHaveLength(1);
    expect(t[0]!.startedAt).toBe('2026-11-02T01:00:00Z');
    expect(t[0]!.actual).toBe(60);
  });

  it('never counts step 9 (payment) as over: its standard is not fixed', () => {
    const t = stepTimings([ev(8, '2026-11-02T01:00:00Z'), ev(9, '2026-11-09T01:00:00Z')]);
    expect(t.find((x) => x.step === 9)!.over).toBe(false);
  });
});
