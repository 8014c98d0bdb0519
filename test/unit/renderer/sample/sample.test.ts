import { describe, expect, it } from 'vitest';
import type { HistoryEntryView } from '../../../../shared/bridge';
import { panelFor } from '../../../../renderer/desktop/screens/sample/panel-for';
import { buildTimeline, stepOfEntry } from '../../../../renderer/desktop/screens/sample/timeline';

const a = (status: string) => ({ status }) as never;

describe('panelFor', () => {
  it("gives each lab role its panel for the sample's state, and none otherwise", () => {
    expect(panelFor('penyelia', { status: 'registered', analyses: [] })).toBe('receiptCheck');
    expect(panelFor('penyelia', { status: 'received', analyses: [] })).toBe('assignment');
    expect(panelFor('penyelia', { status: 'assigned', analyses: [] })).toBeNull();
    expect(panelFor('penyelia', { status: 'assigned', analyses: [] }, true)).toBe('assignment');
    expect(panelFor('penyelia', { status: 'in_testing', analyses: [a('pending')] })).toBeNull();
    expect(panelFor('penyelia', { status: 'in_testing', analyses: [a('submitted'), a('pending')] })).toBe(
      'verification',
    );
    expect(panelFor('mt', { status: 'assigned', analyses: [] })).toBe('mtAssignment');
    expect(panelFor('mt', { status: 'results_verified', analyses: [] })).toBe('mtResults');
    expect(panelFor('analis', { status: 'in_testing', analyses: [] })).toBe('resultGrid');
    expect(panelFor('analis', { status: 'assigned', analyses: [] })).toBeNull();
    expect(panelFor('kepala_balai', { status: 'awaiting_signature', analyses: [] })).toBeNull();
  });
});

const e = (over: Partial<HistoryEntryView>): HistoryEntryView => ({
  at: '2026-03-16T02:00:00.000Z',
  actorId: 'u',
  actorName: 'Siti',
  role: 'penyelia',
  command: 'sample.accept',
  step: null,
  entity: 'sample',
  entityId: 's1',
  sampleId: 's1',
  from: null,
  to: null,
  reason: null,
  source: 'server',
  ...over,
});

describe('history timeline', () => {
  it('puts returns at the step they happened, sending work back', () => {
    expect(stepOfEntry({ command: 'assignment.return', step: null })).toBe(13);
    expect(stepOfEntry({ command: 'results.verify', step: null })).toBe(15);
  });

  it('shows done steps with who and when, the current one, steps ahead, and a return as a loop', () => {
    const entries = [
      e({ command: 'sample.register', at: '2026-03-16T01:40:00.000Z', actorName: 'Dewi', role: 'cs' }),
      e({ command: 'sample.accept', at: '2026-03-16T01:50:00.000Z' }),
      e({ command: 'sample.assign_analysts', at: '2026-03-16T02:00:00.000Z' }),
      e({
        command: 'assignment.return',
        at: '2026-03-16T02:10:00.000Z',
        actorName: 'Budi',
        role: 'mt',
        reason: 'Analis sedang cuti',
      }),
      e({ command: 'sample.assign_analysts', at: '2026-03-16T02:20:00.000Z' }),
      e({ command: 'result.save', sampleId: 'other', at: '2026-03-16T02:21:00.000Z' }),
    ];
    const tl = buildTimeline(entries, 's1', 13);
    expect(tl).toHaveLength(22);
    expect(tl[10]).toMatchObject({ step: 11, state: 'done', doneBy: 'Dewi' });
    expect(tl[11]).toMatchObject({
      step: 12,
      state: 'done',
      doneBy: 'Siti',
      doneAt: '2026-03-16T02:20:00.000Z',
      events: 2,
    });
    expect(tl[11]!.startedAt).toBe('2026-03-16T01:40:00.000Z');
    expect(tl[12]).toMatchObject({ step: 13, state: 'current' });
    expect(tl[12]!.loops).toEqual([
      {
        command: 'assignment.return',
        at: '2026-03-16T02:10:00.000Z',
        by: 'Budi',
        role: 'mt',
        reason: 'Analis sedang cuti',
        backTo: 12,
        local: false,
      },
    ]);
    expect(tl[13]!.state).toBe('ahead');
    // Another sample's entries stay out.
    expect(tl[13]!.events).toBe(0);
  });

  it('carries CS order review answers to step 5: on the return loop and on the validation that ended it', () => {
    const no = { sdm: 'bisa', metode: 'tidak_bisa', peralatan: 'bisa' } as const;
    const yes = { sdm: 'bisa', metode: 'bisa', peralatan: 'bisa' } as const;
    const tl = buildTimeline(
      [
        e({
          command: 'order.return_to_customer',
          sampleId: null,
          at: '2026-03-16T01:00:00.000Z',
          role: 'cs',
          reason: 'Kaji ulang permintaan: Kesesuaian metode tidak bisa.',
          review: no,
        }),
        e({
          command: 'order.validate',
          sampleId: null,
          step: 5,
          at: '2026-03-16T01:30:00.000Z',
          role: 'cs',
          review: yes,
        }),
      ],
      's1',
      6,
    );
    expect(tl[4]!.loops[0]).toMatchObject({ command: 'order.return_to_customer', review: no, backTo: 4 });
    expect(tl[4]).toMatchObject({ state: 'done', review: yes });
    expect(tl[5]!.review).toBeNull();
  });

  it('a finished sample has every step done', () => {
    expect(buildTimeline([], 's1', null).every((s) => s.state === 'done')).toBe(true);
  });
});
