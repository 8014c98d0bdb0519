import { describe, expect, it } from 'vitest';
import type { QueuedCommandView } from '../../../../shared/bridge';
import type { Analysis } from '../../../../shared/domain/entities';
import {
  gridRows,
  lastSavedAt,
  readiness,
  refusedSave,
} from '../../../../renderer/desktop/screens/analis/grid-model';
import { pendingAnalysis, requirement } from '../../blank-entities';
import { queuedCommand } from '../queued-command';

const me = 'u-analis';
const analysis = (id: string, p: Partial<Analysis> = {}): Analysis =>
  pendingAnalysis(id, { requirement: requirement({ max: 1 }), analystId: me, ...p });

const cmd = (p: Partial<QueuedCommandView>) => queuedCommand({ payload: { analysisId: 'a' }, ...p });

describe('result grid rows', () => {
  it('shows only this analyst’s parameters: open ones editable, sent ones apart, retested ones hidden', () => {
    const rows = gridRows(
      {
        analyses: [
          analysis('a'),
          analysis('b', { status: 'draft' }),
          analysis('c', { status: 'submitted' }),
          analysis('d', { status: 'retest' }),
          analysis('e', { analystId: 'someone-else' }),
        ],
      },
      me,
    );
    expect(rows.editable.map((a) => a.id)).toEqual(['a', 'b']);
    expect(rows.sent.map((a) => a.id)).toEqual(['c']);
    expect(rows.others).toBe(1);
  });

  it('the saved time comes back after a restart: the newest queued save, else when it became a draft', () => {
    const a = analysis('a', { status: 'draft', statusSince: '2026-03-14T03:00:00.000Z' });
    expect(lastSavedAt(a, [])).toBe('2026-03-14T03:00:00.000Z');
    expect(
      lastSavedAt(a, [
        cmd({}),
        cmd({ issuedAt: '2026-03-14T03:50:00.000Z', payload: { analysisId: 'other' } }),
      ]),
    ).toBe('2026-03-14T03:42:00.000Z');
    expect(lastSavedAt(analysis('a'), [cmd({ status: 'rejected' })])).toBeNull();
  });

  it('a refused save is found for its row', () => {
    const refused = cmd({ status: 'rejected' });
    expect(refusedSave('a', [cmd({}), refused])).toBe(refused);
    expect(refusedSave('a', [cmd({ status: 'rejected', resolution: 'dismissed' })])).toBeNull();
  });

  it('can be sent when every value is readable, and lists the ones that do not meet', () => {
    const rows = [
      analysis('a'),
      analysis('b'),
      analysis('c', { requirement: { min: null, max: null, text: 'jernih', source: null } }),
    ];
    const values: Record<string, string> = { a: '0,5', b: '1,5', c: '' };
    let r = readiness(rows, (id) => values[id] ?? '');
    expect(r).toMatchObject({ complete: false, missing: 1, invalid: 0 });
    values.c = 'jernih';
    values.a = '0,5,1';
    r = readiness(rows, (id) => values[id] ?? '');
    expect(r).toMatchObject({ complete: false, missing: 0, invalid: 1 });
    values.a = '0,5';
    r = readiness(rows, (id) => values[id] ?? '');
    expect(r.complete).toBe(true);
    expect(r.notMet.map((x) => [x.analysis.id, x.text])).toEqual([['b', '1,5']]);
    expect(readiness([], () => '').complete).toBe(false);
  });
});
