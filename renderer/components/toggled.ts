/** A copy of a selection with one item added, or taken out if it was in (a click on a checkbox, Space on a row). */
export function toggled<T>(set: ReadonlySet<T>, item: T): Set<T> {
  const next = new Set(set);
  if (next.has(item)) next.delete(item);
  else next.add(item);
  return next;
}
