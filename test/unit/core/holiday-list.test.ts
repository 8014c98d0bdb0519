import { describe, expect, it } from 'vitest';
import { NATIONAL_HOLIDAYS } from '../../../shared/calendar/holidays';
import { WorkingCalendar } from '../../../shared/calendar/working-days';

// The holiday list is data the unit maintains (SKB 3 Menteri); these are the rules every entry
// keeps, so a typo in a date, a name or a kind shows here before it moves a step-14 deadline.
const OFFICIAL = [
  /^Tahun Baru \d{4} Masehi$/,
  /^Isra Mi'raj Nabi Muhammad SAW$/,
  /^Tahun Baru Imlek \d{4} Kongzili$/,
  /^Hari Suci Nyepi Tahun Baru Saka \d{4}$/,
  /^Idul Fitri \d{4} H$/,
  /^Wafat Yesus Kristus$/,
  /^Kebangkitan Yesus Kristus \(Paskah\)$/,
  /^Hari Buruh Internasional$/,
  /^Hari Raya Waisak \d{4} BE$/,
  /^Kenaikan Yesus Kristus$/,
  /^Hari Lahir Pancasila$/,
  /^Idul Adha \d{4} H$/,
  /^Tahun Baru Islam \d{4} H$/,
  /^Hari Kemerdekaan Republik Indonesia$/,
  /^Maulid Nabi Muhammad SAW$/,
  /^Hari Raya Natal$/,
];

describe('the national holiday list (SKB 3 Menteri)', () => {
  it.each(NATIONAL_HOLIDAYS.map((h) => [h.date, h] as const))(
    '%s: a named holiday of its kind',
    (_date, h) => {
      if (h.kind === 'cuti_bersama') expect(h.name).toMatch(/^Cuti bersama \S/);
      else {
        expect(h.kind).toBe('libur_nasional');
        expect(
          OFFICIAL.some((re) => re.test(h.name)),
          h.name,
        ).toBe(true);
      }
    },
  );

  it.each(['2025', '2026'])('%s has the fixed-date holidays on their dates', (year) => {
    const on = (mmdd: string) => NATIONAL_HOLIDAYS.find((h) => h.date === `${year}-${mmdd}`)?.name;
    expect(on('01-01')).toBe(`Tahun Baru ${year} Masehi`);
    expect(on('05-01')).toBe('Hari Buruh Internasional');
    expect(on('06-01')).toBe('Hari Lahir Pancasila');
    expect(on('08-17')).toBe('Hari Kemerdekaan Republik Indonesia');
    expect(on('12-25')).toBe('Hari Raya Natal');
  });

  it('is in date order, each year with its two Idul Fitri days followed by cuti bersama', () => {
    const dates = NATIONAL_HOLIDAYS.map((h) => h.date);
    expect(dates).toEqual([...dates].sort());
    for (const year of ['2025', '2026']) {
      const fitri = NATIONAL_HOLIDAYS.filter(
        (h) => h.date.startsWith(year) && h.name.startsWith('Idul Fitri'),
      );
      expect(fitri).toHaveLength(2);
      expect(
        NATIONAL_HOLIDAYS.some((h) => h.date.startsWith(year) && h.name === 'Cuti bersama Idul Fitri'),
      ).toBe(true);
    }
  });

  it('every entry is a day off for the working-day count', () => {
    const cal = new WorkingCalendar();
    expect(NATIONAL_HOLIDAYS.filter((h) => cal.isWorkingDay(h.date)).map((h) => h.date)).toEqual([]);
  });
});
