import { sql } from 'kysely';
import type { ServerMigration } from './migration';

/**
 * shared/calendar/holidays.ts's NATIONAL_HOLIDAYS as it was when this migration was written, copied
 * here as data: a migration is history, and a database migrated in a later release (whose national
 * list has grown or been corrected) must start from the same list as one migrated at this release.
 */
export const HOLIDAYS_AT_0008: readonly {
  date: string;
  name: string;
  kind: 'libur_nasional' | 'cuti_bersama';
}[] = [
  // 2025 (SKB 3 Menteri No. 1017/2024, 2/2024, 2/2024)
  { date: '2025-01-01', name: 'Tahun Baru 2025 Masehi', kind: 'libur_nasional' },
  { date: '2025-01-27', name: "Isra Mi'raj Nabi Muhammad SAW", kind: 'libur_nasional' },
  { date: '2025-01-28', name: 'Cuti bersama Tahun Baru Imlek', kind: 'cuti_bersama' },
  { date: '2025-01-29', name: 'Tahun Baru Imlek 2576 Kongzili', kind: 'libur_nasional' },
  { date: '2025-03-28', name: 'Cuti bersama Hari Suci Nyepi', kind: 'cuti_bersama' },
  { date: '2025-03-29', name: 'Hari Suci Nyepi Tahun Baru Saka 1947', kind: 'libur_nasional' },
  { date: '2025-03-31', name: 'Idul Fitri 1446 H', kind: 'libur_nasional' },
  { date: '2025-04-01', name: 'Idul Fitri 1446 H', kind: 'libur_nasional' },
  { date: '2025-04-02', name: 'Cuti bersama Idul Fitri', kind: 'cuti_bersama' },
  { date: '2025-04-03', name: 'Cuti bersama Idul Fitri', kind: 'cuti_bersama' },
  { date: '2025-04-04', name: 'Cuti bersama Idul Fitri', kind: 'cuti_bersama' },
  { date: '2025-04-07', name: 'Cuti bersama Idul Fitri', kind: 'cuti_bersama' },
  { date: '2025-04-18', name: 'Wafat Yesus Kristus', kind: 'libur_nasional' },
  { date: '2025-04-20', name: 'Kebangkitan Yesus Kristus (Paskah)', kind: 'libur_nasional' },
  { date: '2025-05-01', name: 'Hari Buruh Internasional', kind: 'libur_nasional' },
  { date: '2025-05-12', name: 'Hari Raya Waisak 2569 BE', kind: 'libur_nasional' },
  { date: '2025-05-13', name: 'Cuti bersama Waisak', kind: 'cuti_bersama' },
  { date: '2025-05-29', name: 'Kenaikan Yesus Kristus', kind: 'libur_nasional' },
  { date: '2025-05-30', name: 'Cuti bersama Kenaikan Yesus Kristus', kind: 'cuti_bersama' },
  { date: '2025-06-01', name: 'Hari Lahir Pancasila', kind: 'libur_nasional' },
  { date: '2025-06-06', name: 'Idul Adha 1446 H', kind: 'libur_nasional' },
  { date: '2025-06-09', name: 'Cuti bersama Idul Adha', kind: 'cuti_bersama' },
  { date: '2025-06-27', name: 'Tahun Baru Islam 1447 H', kind: 'libur_nasional' },
  { date: '2025-08-17', name: 'Hari Kemerdekaan Republik Indonesia', kind: 'libur_nasional' },
  { date: '2025-08-18', name: 'Cuti bersama HUT RI ke-80', kind: 'cuti_bersama' },
  { date: '2025-09-05', name: 'Maulid Nabi Muhammad SAW', kind: 'libur_nasional' },
  { date: '2025-12-25', name: 'Hari Raya Natal', kind: 'libur_nasional' },
  { date: '2025-12-26', name: 'Cuti bersama Hari Raya Natal', kind: 'cuti_bersama' },
  // 2026 (SKB 3 Menteri 2025; Islamic dates follow the government's calendar and may shift by a day)
  { date: '2026-01-01', name: 'Tahun Baru 2026 Masehi', kind: 'libur_nasional' },
  { date: '2026-01-16', name: "Isra Mi'raj Nabi Muhammad SAW", kind: 'libur_nasional' },
  { date: '2026-02-16', name: 'Cuti bersama Tahun Baru Imlek', kind: 'cuti_bersama' },
  { date: '2026-02-17', name: 'Tahun Baru Imlek 2577 Kongzili', kind: 'libur_nasional' },
  { date: '2026-03-18', name: 'Cuti bersama Hari Suci Nyepi', kind: 'cuti_bersama' },
  { date: '2026-03-19', name: 'Hari Suci Nyepi Tahun Baru Saka 1948', kind: 'libur_nasional' },
  { date: '2026-03-20', name: 'Idul Fitri 1447 H', kind: 'libur_nasional' },
  { date: '2026-03-21', name: 'Idul Fitri 1447 H', kind: 'libur_nasional' },
  { date: '2026-03-23', name: 'Cuti bersama Idul Fitri', kind: 'cuti_bersama' },
  { date: '2026-03-24', name: 'Cuti bersama Idul Fitri', kind: 'cuti_bersama' },
  { date: '2026-04-03', name: 'Wafat Yesus Kristus', kind: 'libur_nasional' },
  { date: '2026-04-05', name: 'Kebangkitan Yesus Kristus (Paskah)', kind: 'libur_nasional' },
  { date: '2026-05-01', name: 'Hari Buruh Internasional', kind: 'libur_nasional' },
  { date: '2026-05-14', name: 'Kenaikan Yesus Kristus', kind: 'libur_nasional' },
  { date: '2026-05-15', name: 'Cuti bersama Kenaikan Yesus Kristus', kind: 'cuti_bersama' },
  { date: '2026-05-27', name: 'Idul Adha 1447 H', kind: 'libur_nasional' },
  { date: '2026-05-31', name: 'Hari Raya Waisak 2570 BE', kind: 'libur_nasional' },
  { date: '2026-06-01', name: 'Hari Lahir Pancasila', kind: 'libur_nasional' },
  { date: '2026-06-16', name: 'Tahun Baru Islam 1448 H', kind: 'libur_nasional' },
  { date: '2026-08-17', name: 'Hari Kemerdekaan Republik Indonesia', kind: 'libur_nasional' },
  { date: '2026-08-25', name: 'Maulid Nabi Muhammad SAW', kind: 'libur_nasional' },
  { date: '2026-12-24', name: 'Cuti bersama Hari Raya Natal', kind: 'cuti_bersama' },
  { date: '2026-12-25', name: 'Hari Raya Natal', kind: 'libur_nasional' },
];

/**
 * The unit's holiday list (GET/PUT /calendar/holidays): the working-day clock of step 14 and the
 * SOP performance report skip these dates. Starts as the national list known at this release;
 * from then on the Admin Satker keeps it.
 */
export const m0008Holidays: ServerMigration = {
  name: '0008_holidays',
  async up(db) {
    await db.schema
      .createTable('holidays')
      .addColumn('date', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .execute();
    for (const h of HOLIDAYS_AT_0008)
      await sql`insert into holidays (date, name, kind) values (${h.date}, ${h.name}, ${h.kind})`.execute(db);
  },
};
