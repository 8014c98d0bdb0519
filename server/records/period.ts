import { WIB_OFFSET_MINUTES } from '../../shared/calendar/working-days';
import type { Period } from '../../shared/api/records';

const DAY_MS = 86_400_000;

/** A period of WIB calendar dates, both included, as the instants [start, end) it covers. */
export function periodOf(from: string, to: string): Period {
  const start = new Date(Date.parse(`${from}T00:00:00.000Z`) - WIB_OFFSET_MINUTES * 60_000);
  const end = new Date(Date.parse(`${to}T00:00:00.000Z`) + DAY_MS - WIB_OFFSET_MINUTES * 60_000);
  return { from, to, timeZone: 'WIB', start: start.toISOString(), end: end.toISOString() };
}

/** Whether an instant falls in the period (compared as instants, whatever offset it was written with). */
export function inPeriod(period: Period, at: string | null | undefined): at is string {
  if (!at) return false;
  const t = Date.parse(at);
  return t >= Date.parse(period.start) && t < Date.parse(period.end);
}

/** The WIB calendar date and time of an instant: "2025-03-14 09:05". */
export function wibDateTime(at: string): string {
  return new Date(Date.parse(at) + WIB_OFFSET_MINUTES * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The WIB month of an instant: "2025-03". */
export function wibMonth(at: string): string {
  return wibDateTime(at).slice(0, 7);
}

/** A Date whose UTC fields read as the WIB wall clock: what a spreadsheet cell (which has no time zone) should show. */
export function wibWallClock(at: string): Date {
  return new Date(Date.parse(at) + WIB_OFFSET_MINUTES * 60_000);
}
