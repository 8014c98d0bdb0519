import { describe, expect, it } from 'vitest';
import {
  allState,
  emptySelection,
  moveActive,
  reconcile,
  toggle,
  toggleAll,
  toSign,
} from '../../../../renderer/desktop/screens/signing/queue-selection';

const entries = [
  { reportId: 'a', ready: true },
  { reportId: 'b', ready: false },
  { reportId: 'c', ready: true },
];

describe('signing queue selection', () => {
  it('previews the first report when nothing is active, and drops reports that left the queue', () => {
    const s = reconcile(emptySelection, entries);
    expect(s.active).toBe('a');
    const chosen = toggle(toggle(s, entries[0]!), entries[2]!);
    const after = reconcile(chosen, [entries[1]!, entries[2]!]);
    expect([...after.chosen]).toEqual(['c']);
    expect(after.active).toBe('c');
    expect(reconcile(after, [entries[1]!, entries[2]!])).toBe(after);
  });

  it('a report not downloaded yet cannot be chosen, but can be previewed', () => {
    const s = toggle(emptySelection, entries[1]!);
    expect(s.active).toBe('b');
    expect(s.chosen.size).toBe(0);
    expect(toSign(s, entries)).toEqual([]);
  });

  it('Ctrl+A chooses every ready report, again clears', () => {
    const all = toggleAll(emptySelection, entries);
    expect([...all.chosen].sort()).toEqual(['a', 'c']);
    expect(allState(all, entries)).toBe('all');
    expect(toggleAll(all, entries).chosen.size).toBe(0);
    expect(allState(toggle(emptySelection, entries[0]!), entries)).toBe('some');
  });

  it('signs the chosen reports, or the previewed one when none is chosen', () => {
    const s = reconcile(emptySelection, entries);
    expect(toSign(s, entries)).toEqual(['a']);
    expect(toSign(toggle(s, entries[2]!), entries)).toEqual(['c']);
  });

  it('arrow keys move the preview within the queue', () => {
    const s = reconcile(emptySelection, entries);
    expect(moveActive(s, entries, 'next').active).toBe('b');
    expect(moveActive(s, entries, 'prev').active).toBe('a');
    expect(moveActive(s, entries, 'last').active).toBe('c');
    expect(moveActive({ ...s, active: 'c' }, entries, 'next').active).toBe('c');
    expect(moveActive(s, [], 'next')).toBe(s);
  });
});
