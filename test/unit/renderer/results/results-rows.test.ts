import { describe, expect, it } from 'vitest';
import {
  compactDateTime,
  resultRows,
  rowState,
  staffNames,
} from '../../../../renderer/desktop/screens/results/results-rows';
import { rowKeyAction } from '../../../../renderer/desktop/screens/results/row-keys';
import { currentReturn } from '../../../../renderer/desktop/screens/results/sample-returns';
import { analysisMark } from '../../../../renderer/desktop/screens/results/analysis-mark';
import { analysis, returns, sample } from './fixtures';

describe('resultRows', () => {
  it('keeps the ordered parameters in order and puts a retested result under the analysis that repeats it', () => {
    const a = analysis({ parameterName: 'A' });
    const bOld = analysis({ parameterName: 'B', status: 'retest', retestReason: 'Nilai janggal' });
    const c = analysis({ parameterName: 'C' });
    // The engine pushes the repeat at the end of the list.
    const bNew = analysis({
      parameterName: 'B',
      status: 'pending',
      result: null,
      retestOf: bOld.id,
      retestReason: 'Nilai janggal',
    });
    const rows = resultRows(sample([a, bOld, c, bNew]));
    expect(rows.map((r) => [r.analysis.parameterName, r.kind])).toEqual([
      ['A', 'current'],
      ['B', 'current'],
      ['B', 'retested'],
      ['C', 'current'],
    ]);
    expect(rows[1]!.retestReason).toBe('Nilai janggal');
    expect(rows[2]!.retestReason).toBe('Nilai janggal');
  });

  it('lists a chain of retests newest first', () => {
    const first = analysis({ parameterName: 'pH', status: 'retest', retestReason: 'satu' });
    const second = analysis({
      parameterName: 'pH',
      status: 'retest',
      retestOf: first.id,
      retestReason: 'dua',
    });
    const third = analysis({
      parameterName: 'pH',
      status: 'submitted',
      retestOf: second.id,
      retestReason: 'dua',
    });
    const rows = resultRows(sample([first, second, third]));
    expect(rows.map((r) => r.analysis.id)).toEqual([third.id, second.id, first.id]);
  });

  it('names the state of each row', () => {
    expect(rowState(analysis({ status: 'pending' }))).toBe('waiting');
    expect(rowState(analysis({ status: 'draft' }))).toBe('waiting');
    expect(rowState(analysis({ status: 'submitted' }))).toBe('ready');
    expect(rowState(analysis({ status: 'retest' }))).toBe('retested');
    expect(rowState(analysis({ status: 'validated' }))).toBe('validated');
  });

  it('maps staff ids to names', () => {
    expect(staffNames([{ id: 'u1', name: 'Sari' }]).get('u1')).toBe('Sari');
  });
});

describe('analysisMark', () => {
  it('marks against the requirement with the shared judgment, and nothing without a result', () => {
    expect(analysisMark(analysis())).toBe('meets');
    expect(
      analysisMark(
        analysis({
          result: {
            value: '13',
            numeric: 13,
            unit: '%',
            notes: '',
            belowDetectionLimit: false,
            detectionLimit: null,
            testedOn: null,
          },
        }),
      ),
    ).toBe('fails');
    expect(analysisMark(analysis({ requirement: null }))).toBe('none');
    expect(analysisMark(analysis({ result: null }))).toBeNull();
  });
});

describe('rowKeyAction', () => {
  it('moves within the rows and toggles with Space', () => {
    expect(rowKeyAction('ArrowDown', 0, 3)).toEqual({ type: 'move', to: 1 });
    expect(rowKeyAction('ArrowDown', 2, 3)).toEqual({ type: 'move', to: 2 });
    expect(rowKeyAction('ArrowUp', 0, 3)).toEqual({ type: 'move', to: 0 });
    expect(rowKeyAction('End', 0, 3)).toEqual({ type: 'move', to: 2 });
    expect(rowKeyAction('Home', 2, 3)).toEqual({ type: 'move', to: 0 });
    expect(rowKeyAction('PageDown', 0, 30)).toEqual({ type: 'move', to: 10 });
    expect(rowKeyAction(' ', 1, 3)).toEqual({ type: 'toggle' });
    expect(rowKeyAction('a', 1, 3)).toBeNull();
    expect(rowKeyAction('ArrowDown', 0, 0)).toBeNull();
  });
});

describe('currentReturn', () => {
  const s = { id: 's1', statusSince: '2026-03-14T03:00:00.000Z' };
  it('gives the MT return that brought the sample back', () => {
    const note = currentReturn(returns([{ entityId: 's1' }]), s, ['assignment.return']);
    expect(note?.reason).toMatch(/kompeten/);
  });
  it('ignores returns of other samples, other commands, and rounds the sample has moved past', () => {
    expect(currentReturn(returns([{ entityId: 's2' }]), s, ['assignment.return'])).toBeNull();
    expect(
      currentReturn(returns([{ entityId: 's1', command: 'results.return' }]), s, ['assignment.return']),
    ).toBeNull();
    expect(
      currentReturn(returns([{ entityId: 's1' }]), { id: 's1', statusSince: '2026-03-15T00:00:00.000Z' }, [
        'assignment.return',
      ]),
    ).toBeNull();
    // A later, different return on the same sample hides the earlier one.
    expect(
      currentReturn(returns([{ entityId: 's1' }, { entityId: 's1', command: 'sample.reject' }]), s, [
        'assignment.return',
      ]),
    ).toBeNull();
  });
  it('works without statusSince (stored records)', () => {
    expect(
      currentReturn(returns([{ entityId: 's1' }]), { id: 's1', statusSince: null }, ['assignment.return']),
    ).not.toBeNull();
  });
});

describe('compactDateTime', () => {
  const date = (iso: string) => (iso.startsWith('2026') ? '14 Mar 2026' : '14 Mar 2025');
  const time = () => '10.42';
  it('drops the current year and keeps another', () => {
    expect(compactDateTime('2026-03-14T03:42:00Z', 'id', date, time, new Date('2026-06-01T00:00:00Z'))).toBe(
      '14 Mar 10.42',
    );
    expect(compactDateTime('2025-03-14T03:42:00Z', 'id', date, time, new Date('2026-06-01T00:00:00Z'))).toBe(
      '14 Mar 2025 10.42',
    );
  });
});
