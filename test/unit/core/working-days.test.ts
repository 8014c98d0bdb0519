import { describe, expect, it } from 'vitest';
import { WorkingCalendar, localDate } from '../../../shared/calendar/working-days';
import { NATIONAL_HOLIDAYS } from '../../../shared/calendar/holidays';

const cal = new WorkingCalendar();

describe('working days (14 hari kerja, SOP step 14)', () => {
  it('skips a weekend', () => {
    // Friday 2026-11-20 + 1 working day is Monday 2026-11-23.
    expect(cal.addWorkingDays('2026-11-20', 1)).toBe('2026-11-23');
    expect(cal.countWorkingDays('2026-11-20', '2026-11-23')).toBe(1);
    expect(cal.isWorkingDay('2026-11-21')).toBe(false);
    expect(cal.isWorkingDay('2026-11-22')).toBe(false);
  });

  it('skips a national holiday and the weekend around it', () => {
    // Friday 2026-08-14; Monday 2026-08-17 is Hari Kemerdekaan: the next working day is Tuesday.
    expect(cal.isWorkingDay('2026-08-17')).toBe(false);
    expect(cal.addWorkingDays('2026-08-14', 1)).toBe('2026-08-18');
  });

  it('counts 14 working days across Idul Fitri and cuti bersama 2026', () => {
    // From Monday 2026-03-16: 17, 18 (cuti Nyepi) ... the holidays 18-24 March are skipped.
    const due = cal.addWorkingDays('2026-03-16', 14);
    expect(cal.countWorkingDays('2026-03-16', due)).toBe(14);
    // 17 Mar, then 25,26,27, 30,31 Mar, 1,2 Apr, (3 Apr Good Friday), 6,7,8,9,10, 13 Apr.
    expect(due).toBe('2026-04-13');
  });

  it('adding 0 gives the first working day on or after the date', () => {
    expect(cal.addWorkingDays('2026-11-21', 0)).toBe('2026-11-23');
    expect(cal.addWorkingDays('2026-11-24', 0)).toBe('2026-11-24');
  });

  it('uses the unit’s local date (WIB), not UTC', () => {
    // 18:30 UTC on a Friday is already Saturday 01:30 in Palembang.
    expect(localDate(new Date('2026-11-20T18:30:00Z'))).toBe('2026-11-21');
    expect(localDate(new Date('2026-11-20T16:59:00Z'))).toBe('2026-11-20');
  });

  it('takes a unit-maintained holiday list', () => {
    const unit = new WorkingCalendar([...NATIONAL_HOLIDAYS, { date: '2026-11-24' }]);
    expect(unit.isWorkingDay('2026-11-24')).toBe(false);
    expect(unit.addWorkingDays('2026-11-23', 1)).toBe('2026-11-25');
  });

  it('refuses impossible dates and negative counts with a clear error', () => {
    expect(() => cal.addWorkingDays('2026-02-30', 1)).toThrow(/Tanggal tidak valid/);
    expect(() => cal.addWorkingDays('2026-02-03', -1)).toThrow(RangeError);
    expect(cal.countWorkingDays('2026-11-24', '2026-11-20')).toBe(0);
  });

  it('has only valid, unique holiday dates', () => {
    const dates = NATIONAL_HOLIDAYS.map((h) => h.date);
    expect(new Set(dates).size).toBe(dates.length);
    for (const d of dates) expect(() => cal.isWorkingDay(d)).not.toThrow();
  });
});
