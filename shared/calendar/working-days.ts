import { NATIONAL_HOLIDAYS, type Holiday } from './holidays';

/**
 * Working-day arithmetic for the SOP's "14 hari kerja" (step 14): weekends and the unit's holiday
 * list are skipped. Dates are calendar dates (YYYY-MM-DD) in the unit's time zone; instants are
 * converted with `localDate` first so that 23:30 WIB counts on the right day.
 */
export const WIB_OFFSET_MINUTES = 7 * 60;

const DAY_MS = 86_400_000;
// Stryker disable next-line Regex: without an anchor the round trip in toDayNumber still refuses any text around the date
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function toDayNumber(date: string): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`Tanggal tidak valid / invalid date: ${date}`);
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(t).toISOString().slice(0, 10) !== date)
    throw new RangeError(`Tanggal tidak valid / invalid date: ${date}`);
  return t / DAY_MS;
}
const fromDayNumber = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** The local calendar date of an instant. */
export function localDate(instant: Date, utcOffsetMinutes = WIB_OFFSET_MINUTES): string {
  return new Date(instant.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

export class WorkingCalendar {
  private readonly holidays: Set<string>;

  constructor(holidays: readonly Pick<Holiday, 'date'>[] = NATIONAL_HOLIDAYS) {
    this.holidays = new Set(holidays.map((h) => h.date));
  }

  isWorkingDay(date: string): boolean {
    const weekday = (toDayNumber(date) + 4) % 7; // 1970-01-01 was a Thursday (4)
    return weekday !== 0 && weekday !== 6 && !this.holidays.has(date);
  }

  /**
   * The date `days` working days after `date` (the start date itself does not count). Adding 0
   * gives the first working day on or after `date`.
   */
  addWorkingDays(date: string, days: number): string {
    if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a non-negative integer');
    let n = toDayNumber(date);
    if (days === 0) {
      while (!this.isWorkingDay(fromDayNumber(n))) n += 1;
      return fromDayNumber(n);
    }
    let left = days;
    while (left > 0) {
      n += 1;
      if (this.isWorkingDay(fromDayNumber(n))) left -= 1;
    }
    return fromDayNumber(n);
  }

  /** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
  countWorkingDays(from: string, to: string): number {
    const a = toDayNumber(from);
    const b = toDayNumber(to);
    let count = 0;
    for (let n = a + 1; n <= b; n += 1) if (this.isWorkingDay(fromDayNumber(n))) count += 1;
    return count;
  }
}
