/**
 * The signing queue's selection, as a pure model: one *active* report (the one previewed) and a
 * set of *chosen* reports (checkboxes) for a batch. Only reports whose E-LHU is on this computer
 * can be chosen: the others cannot be signed until downloaded.
 */

export interface QueueEntry {
  reportId: string;
  ready: boolean;
}

export interface QueueSelection {
  active: string | null;
  chosen: ReadonlySet<string>;
}

export const emptySelection: QueueSelection = { active: null, chosen: new Set() };

/** Keeps the selection valid when the queue changes (signed or refused reports leave it). */
export function reconcile(sel: QueueSelection, entries: readonly QueueEntry[]): QueueSelection {
  const ready = new Set(entries.filter((e) => e.ready).map((e) => e.reportId));
  const ids = entries.map((e) => e.reportId);
  const chosen = new Set([...sel.chosen].filter((id) => ready.has(id)));
  let active = sel.active;
  if (active === null || !ids.includes(active)) active = ids[0] ?? null;
  const same = active === sel.active && chosen.size === sel.chosen.size;
  return same ? sel : { active, chosen };
}

/** Checkbox or Space: choose or unchoose a ready report (it also becomes the previewed one). */
export function toggle(sel: QueueSelection, entry: QueueEntry): QueueSelection {
  const chosen = new Set(sel.chosen);
  if (chosen.has(entry.reportId)) chosen.delete(entry.reportId);
  else if (entry.ready) chosen.add(entry.reportId);
  return { active: entry.reportId, chosen };
}

/** Ctrl+A: every ready report; again when all are chosen: none. */
export function toggleAll(sel: QueueSelection, entries: readonly QueueEntry[]): QueueSelection {
  const ready = entries.filter((e) => e.ready).map((e) => e.reportId);
  const all = ready.length > 0 && ready.every((id) => sel.chosen.has(id));
  return { active: sel.active, chosen: all ? new Set() : new Set(ready) };
}

/** Arrow keys, Home/End: the previewed report moves; the chosen set stays. */
export function moveActive(
  sel: QueueSelection,
  entries: readonly QueueEntry[],
  to: 'next' | 'prev' | 'first' | 'last',
): QueueSelection {
  if (entries.length === 0) return sel;
  const i = entries.findIndex((e) => e.reportId === sel.active);
  const last = entries.length - 1;
  const j =
    to === 'first' ? 0 : to === 'last' ? last : to === 'next' ? Math.min(i + 1, last) : Math.max(i - 1, 0);
  return { ...sel, active: entries[j]!.reportId };
}

/**
 * What *Tandatangani (n)* signs: the chosen reports, or, when none is chosen, the previewed one if
 * it is ready (signing the one on screen is the common case).
 */
export function toSign(sel: QueueSelection, entries: readonly QueueEntry[]): string[] {
  const chosen = entries.filter((e) => sel.chosen.has(e.reportId) && e.ready).map((e) => e.reportId);
  if (chosen.length > 0) return chosen;
  const active = entries.find((e) => e.reportId === sel.active);
  return active?.ready ? [active.reportId] : [];
}

/** The header checkbox: all, some or none of the ready reports chosen. */
export function allState(sel: QueueSelection, entries: readonly QueueEntry[]): 'all' | 'some' | 'none' {
  const ready = entries.filter((e) => e.ready);
  const n = ready.filter((e) => sel.chosen.has(e.reportId)).length;
  if (n === 0) return 'none';
  return n === ready.length ? 'all' : 'some';
}
