import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../../shared/calendar/working-days';

// Bad dates and counts reach the working-day arithmetic from holiday lists a unit types in and from
// step-14 deadlines; each is refused with a message that names what is wrong.
const cal = new WorkingCalendar();

describe('working days: bad input is refused with a clear error', () => {
  it.each(['5 Maret 2026', '2026-3-5', '', 'x2026-03-05', '2026-03-05T00:00'])(
    '"%s" is not a date (YYYY-MM-DD)',
    (text) => {
      expect(() => cal.isWorkingDay(text)).toThrow(RangeError);
      expect(() => cal.isWorkingDay(text)).toThrow(`Tanggal tidak valid / invalid date: ${text}`);
    },
  );

  it('a day that does not exist (30 February) is not a date', () => {
    expect(() => cal.countWorkingDays('2026-02-27', '2026-02-30')).toThrow(
      'Tanggal tidak valid / invalid date: 2026-02-30',
    );
  });

  it.each([-1, 1.5, Number.NaN])(
    'adding %s working days is refused: the count is a whole number, 0 or more',
    (days) => {
      expect(() => cal.addWorkingDays('2026-03-02', days)).toThrow(RangeError);
      expect(() => cal.addWorkingDays('2026-03-02', days)).toThrow('days must be a non-negative integer');
    },
  );
});
