import type { ServerMigration } from './migration';

/**
 * The unit's holiday list (GET/PUT /calendar/holidays): the working-day clock of step 14 and the
 * SOP performance report skip these dates. Starts as the national list known at this release;
 * from then on the Admin Satker keeps it.
 *
 * The rows are shared/calendar/holidays.ts's NATIONAL_HOLIDAYS as it was when this migration was
 * written, copied here as SQL values: a migration is history, and a database migrated in a later
 * release (whose national list has grown or been corrected) must start from the same list as one
 * migrated at this release.
 */
export const m0008Holidays: ServerMigration = {
  name: '0008_holidays',
  sql: () => `
    create table holidays (
      date text primary key,
      name text not null,
      kind text not null
    );

    insert into holidays (date, name, kind) values
      -- 2025 (SKB 3 Menteri No. 1017/2024, 2/2024, 2/2024)
      ('2025-01-01', 'Tahun Baru 2025 Masehi', 'libur_nasional'),
      ('2025-01-27', 'Isra Mi''raj Nabi Muhammad SAW', 'libur_nasional'),
      ('2025-01-28', 'Cuti bersama Tahun Baru Imlek', 'cuti_bersama'),
      ('2025-01-29', 'Tahun Baru Imlek 2576 Kongzili', 'libur_nasional'),
      ('2025-03-28', 'Cuti bersama Hari Suci Nyepi', 'cuti_bersama'),
      ('2025-03-29', 'Hari Suci Nyepi Tahun Baru Saka 1947', 'libur_nasional'),
      ('2025-03-31', 'Idul Fitri 1446 H', 'libur_nasional'),
      ('2025-04-01', 'Idul Fitri 1446 H', 'libur_nasional'),
      ('2025-04-02', 'Cuti bersama Idul Fitri', 'cuti_bersama'),
      ('2025-04-03', 'Cuti bersama Idul Fitri', 'cuti_bersama'),
      ('2025-04-04', 'Cuti bersama Idul Fitri', 'cuti_bersama'),
      ('2025-04-07', 'Cuti bersama Idul Fitri', 'cuti_bersama'),
      ('2025-04-18', 'Wafat Yesus Kristus', 'libur_nasional'),
      ('2025-04-20', 'Kebangkitan Yesus Kristus (Paskah)', 'libur_nasional'),
      ('2025-05-01', 'Hari Buruh Internasional', 'libur_nasional'),
      ('2025-05-12', 'Hari Raya Waisak 2569 BE', 'libur_nasional'),
      ('2025-05-13', 'Cuti bersama Waisak', 'cuti_bersama'),
      ('2025-05-29', 'Kenaikan Yesus Kristus', 'libur_nasional'),
      ('2025-05-30', 'Cuti bersama Kenaikan Yesus Kristus', 'cuti_bersama'),
      ('2025-06-01', 'Hari Lahir Pancasila', 'libur_nasional'),
      ('2025-06-06', 'Idul Adha 1446 H', 'libur_nasional'),
      ('2025-06-09', 'Cuti bersama Idul Adha', 'cuti_bersama'),
      ('2025-06-27', 'Tahun Baru Islam 1447 H', 'libur_nasional'),
      ('2025-08-17', 'Hari Kemerdekaan Republik Indonesia', 'libur_nasional'),
      ('2025-08-18', 'Cuti bersama HUT RI ke-80', 'cuti_bersama'),
      ('2025-09-05', 'Maulid Nabi Muhammad SAW', 'libur_nasional'),
      ('2025-12-25', 'Hari Raya Natal', 'libur_nasional'),
      ('2025-12-26', 'Cuti bersama Hari Raya Natal', 'cuti_bersama'),
      -- 2026 (SKB 3 Menteri 2025; Islamic dates follow the government calendar and may shift by a day)
      ('2026-01-01', 'Tahun Baru 2026 Masehi', 'libur_nasional'),
      ('2026-01-16', 'Isra Mi''raj Nabi Muhammad SAW', 'libur_nasional'),
      ('2026-02-16', 'Cuti bersama Tahun Baru Imlek', 'cuti_bersama'),
      ('2026-02-17', 'Tahun Baru Imlek 2577 Kongzili', 'libur_nasional'),
      ('2026-03-18', 'Cuti bersama Hari Suci Nyepi', 'cuti_bersama'),
      ('2026-03-19', 'Hari Suci Nyepi Tahun Baru Saka 1948', 'libur_nasional'),
      ('2026-03-20', 'Idul Fitri 1447 H', 'libur_nasional'),
      ('2026-03-21', 'Idul Fitri 1447 H', 'libur_nasional'),
      ('2026-03-23', 'Cuti bersama Idul Fitri', 'cuti_bersama'),
      ('2026-03-24', 'Cuti bersama Idul Fitri', 'cuti_bersama'),
      ('2026-04-03', 'Wafat Yesus Kristus', 'libur_nasional'),
      ('2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)', 'libur_nasional'),
      ('2026-05-01', 'Hari Buruh Internasional', 'libur_nasional'),
      ('2026-05-14', 'Kenaikan Yesus Kristus', 'libur_nasional'),
      ('2026-05-15', 'Cuti bersama Kenaikan Yesus Kristus', 'cuti_bersama'),
      ('2026-05-27', 'Idul Adha 1447 H', 'libur_nasional'),
      ('2026-05-31', 'Hari Raya Waisak 2570 BE', 'libur_nasional'),
      ('2026-06-01', 'Hari Lahir Pancasila', 'libur_nasional'),
      ('2026-06-16', 'Tahun Baru Islam 1448 H', 'libur_nasional'),
      ('2026-08-17', 'Hari Kemerdekaan Republik Indonesia', 'libur_nasional'),
      ('2026-08-25', 'Maulid Nabi Muhammad SAW', 'libur_nasional'),
      ('2026-12-24', 'Cuti bersama Hari Raya Natal', 'cuti_bersama'),
      ('2026-12-25', 'Hari Raya Natal', 'libur_nasional');
  `,
};
