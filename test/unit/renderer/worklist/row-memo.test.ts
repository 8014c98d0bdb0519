import { describe, expect, it } from 'vitest';
import { listQueryKey, NO_FILTERS, toQuery } from '../../../../renderer/desktop/screens/worklist/filters';
import { sameRow, type RowMemoProps } from '../../../../renderer/desktop/screens/worklist/row-equal';

const now = new Date('2026-03-14T03:00:00Z');
const columns = [{ id: 'number' }];
const base = (over: Partial<RowMemoProps> = {}): RowMemoProps => ({
  data: { id: 's1' },
  index: 4,
  start: 128,
  active: false,
  selected: false,
  now,
  columns,
  template: '30px 1fr',
  ...over,
});

describe('worklist row memo', () => {
  it('skips a row whose data, place, state, clock and columns are the same objects', () => {
    const a = base();
    expect(sameRow(a, { ...a })).toBe(true);
  });
  it('redraws for a new active or selected state (ArrowDown: the old and the new active row)', () => {
    expect(sameRow(base(), base({ active: true }))).toBe(false);
    expect(sameRow(base(), base({ selected: true }))).toBe(false);
  });
  it('redraws for new data (a refetched page), a new minute, or another column set', () => {
    expect(sameRow(base(), base({ data: { id: 's1' } }))).toBe(false);
    expect(sameRow(base(), base({ now: new Date(now.getTime() + 30_000) }))).toBe(false);
    expect(sameRow(base(), base({ columns: [{ id: 'number' }] }))).toBe(false);
    expect(sameRow(base(), base({ template: '30px 2fr' }))).toBe(false);
    expect(sameRow(base(), base({ index: 5, start: 160 }))).toBe(false);
  });
  it("keys a list's pages by its query", () => {
    expect(listQueryKey(toQuery('work', NO_FILTERS))).toEqual([
      'worklist.page',
      'list',
      { limit: 200, actionOnly: true },
    ]);
  });
});
