import { describe, expect, it } from 'vitest';
import {
  isFiltered,
  NO_FILTERS,
  readFilters,
  toQuery,
  writeFilters,
} from '../../../../renderer/desktop/screens/worklist/filters';
import { listKey, needsMore } from '../../../../renderer/desktop/screens/worklist/keys';
import { nextActionText } from '../../../../renderer/desktop/screens/worklist/next-action';

describe('worklist keys', () => {
  it('arrows move within the list, Home/End jump, PgUp/PgDn go a page', () => {
    expect(listKey('ArrowDown', -1, 10, 5)).toEqual({ kind: 'move', index: 0 });
    expect(listKey('ArrowDown', 9, 10, 5)).toEqual({ kind: 'move', index: 9 });
    expect(listKey('ArrowUp', 0, 10, 5)).toEqual({ kind: 'move', index: 0 });
    expect(listKey('End', 2, 10, 5)).toEqual({ kind: 'move', index: 9 });
    expect(listKey('Home', 7, 10, 5)).toEqual({ kind: 'move', index: 0 });
    expect(listKey('PageDown', 2, 10, 5)).toEqual({ kind: 'move', index: 7 });
    expect(listKey('PageUp', 2, 10, 5)).toEqual({ kind: 'move', index: 0 });
  });
  it('Enter opens and Space selects the active row; nothing without one', () => {
    expect(listKey('Enter', 3, 10, 5)).toEqual({ kind: 'open', index: 3 });
    expect(listKey(' ', 3, 10, 5)).toEqual({ kind: 'toggle', index: 3 });
    expect(listKey('Enter', -1, 10, 5)).toEqual({ kind: 'none' });
    expect(listKey('ArrowDown', 0, 0, 5)).toEqual({ kind: 'none' });
    expect(listKey('a', 1, 10, 5)).toEqual({ kind: 'none' });
  });
  it('fetches the next page when the window nears the end of what is loaded', () => {
    expect(needsMore(150, 200, true, false)).toBe(true);
    expect(needsMore(100, 200, true, false)).toBe(false);
    expect(needsMore(199, 200, false, false)).toBe(false);
    expect(needsMore(199, 200, true, true)).toBe(false);
  });
});

describe('worklist filters', () => {
  it('make the page query; "Pekerjaan saya" asks only for actionable rows', () => {
    expect(toQuery('work', NO_FILTERS)).toEqual({ limit: 200, actionOnly: true });
    expect(
      toQuery('all', { status: ['in_testing'], labId: 'L', sampleTypeName: 'Karet', search: ' KR-12 ' }),
    ).toEqual({
      limit: 200,
      status: ['in_testing'],
      labId: 'L',
      sampleTypeName: 'Karet',
      search: 'KR-12',
    });
    expect(isFiltered(NO_FILTERS)).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, search: 'x' })).toBe(true);
  });
  it('are kept per user and per list, leaving the others alone', () => {
    const s1 = writeFilters({ worklistFilters: { other: { work: { search: 'a' } } } }, 'siti', 'all', {
      ...NO_FILTERS,
      status: ['received'],
    });
    expect(readFilters(s1, 'siti', 'all').status).toEqual(['received']);
    expect(readFilters(s1, 'siti', 'work')).toEqual(NO_FILTERS);
    expect(readFilters(s1, 'other', 'work').search).toBe('a');
    // A hand-edited settings file does not break the list.
    expect(
      readFilters({ worklistFilters: { siti: { all: { status: 'x', labId: 3 } } } }, 'siti', 'all'),
    ).toEqual(NO_FILTERS);
  });
});

describe('next action in words', () => {
  it("is the user's own command, or who the sample waits for", () => {
    expect(nextActionText({ next_action: 'results.verify', step: 15 }, 'id')).toEqual({
      mine: true,
      key: 'action.results.verify',
    });
    expect(nextActionText({ next_action: null, step: 13 }, 'id')).toEqual({
      mine: false,
      key: 'waitingFor',
      role: 'MT',
    });
    expect(nextActionText({ next_action: null, step: 13 }, 'en')).toEqual({
      mine: false,
      key: 'waitingFor',
      role: 'MT',
    });
    expect(nextActionText({ next_action: null, step: null }, 'id')).toEqual({ mine: false, key: 'done' });
  });
});
