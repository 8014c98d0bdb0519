import { describe, expect, it } from 'vitest';
import type { WorklistPageView } from '../../../../shared/bridge';
import {
  countsFromLists,
  mayAskCounts,
  unfilteredKind,
  type ListEntry,
} from '../../../../renderer/desktop/frame/nav-counts';

const page = (total: number, action: number): WorklistPageView => ({ rows: [], next: null, total, action });
const entry = (
  query: ListEntry['query'],
  first: WorklistPageView | null,
  pending = first === null,
): ListEntry => ({
  query,
  first,
  pending,
});

describe('navigation counts', () => {
  it('tell an unfiltered list from a filtered one', () => {
    expect(unfilteredKind({ limit: 200 })).toBe('all');
    expect(unfilteredKind({ limit: 200, actionOnly: true })).toBe('work');
    expect(unfilteredKind({ limit: 200, search: 'SPL' })).toBeNull();
    expect(unfilteredKind({ limit: 200, actionOnly: true, status: ['in_testing'] })).toBeNull();
  });
  it('come from "Semua sampel" (both) or "Pekerjaan saya" (its own) without a query', () => {
    expect(countsFromLists([entry({ limit: 200 }, page(20001, 12))])).toEqual({ myWork: 12, samples: 20001 });
    expect(countsFromLists([entry({ limit: 200, actionOnly: true }, page(12, 12))])).toEqual({
      myWork: 12,
      samples: null,
    });
    expect(countsFromLists([entry({ limit: 200, search: 'x' }, page(3, 1))])).toEqual({
      myWork: null,
      samples: null,
    });
    expect(countsFromLists([entry({ limit: 200 }, null)])).toEqual({ myWork: null, samples: null });
  });
  it('are asked only after the list on screen has its first page', () => {
    expect(mayAskCounts(true, [])).toBe(false);
    expect(mayAskCounts(true, [entry({ limit: 200, actionOnly: true }, null)])).toBe(false);
    expect(mayAskCounts(true, [entry({ limit: 200, actionOnly: true }, page(12, 12))])).toBe(true);
    expect(mayAskCounts(false, [])).toBe(true);
  });
});
