/** The holiday list being edited: add (one date once, sorted), remove, and whether it differs from the saved one. */
import type { HolidayEntry } from '../../../../shared/api/calendar';

export function addHoliday(list: readonly HolidayEntry[], h: HolidayEntry): HolidayEntry[] | 'duplicate' {
  if (list.some((x) => x.date === h.date)) return 'duplicate';
  return [...list, h].sort((a, b) => a.date.localeCompare(b.date));
}

export function removeHoliday(list: readonly HolidayEntry[], date: string): HolidayEntry[] {
  return list.filter((h) => h.date !== date);
}

export function changed(saved: readonly HolidayEntry[], draft: readonly HolidayEntry[]): boolean {
  if (saved.length !== draft.length) return true;
  const key = (h: HolidayEntry) => `${h.date}|${h.name}|${h.kind}`;
  const a = new Set(saved.map(key));
  return draft.some((h) => !a.has(key(h)));
}

/** The years present, newest first (the list is shown one year at a time). */
export function yearsOf(list: readonly HolidayEntry[]): string[] {
  return [...new Set(list.map((h) => h.date.slice(0, 4)))].sort().reverse();
}
