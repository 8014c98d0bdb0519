/**
 * The unit's holiday list as stored (migration 0008) and the working-day calendar made of it: what
 * every server-side SOP clock uses (step 14's "14 hari kerja", the SOP performance report), so
 * that a holiday the Admin Satker adds counts everywhere at once.
 */
import { WorkingCalendar } from '../../shared/calendar/working-days';
import type { HolidayEntry } from '../../shared/api/calendar';
import type { Db, Trx } from '../db/schema';

export async function readHolidays(db: Db | Trx): Promise<HolidayEntry[]> {
  const rows = await db.selectFrom('holidays').select(['date', 'name', 'kind']).orderBy('date').execute();
  return rows.map((r) => ({
    date: r.date,
    name: r.name,
    kind: r.kind === 'cuti_bersama' ? 'cuti_bersama' : 'libur_nasional',
  }));
}

/** Replace the whole list (inside the caller's transaction). */
export async function writeHolidays(trx: Trx, holidays: readonly HolidayEntry[]): Promise<void> {
  await trx.deleteFrom('holidays').execute();
  for (let i = 0; i < holidays.length; i += 200) {
    const chunk = holidays.slice(i, i + 200);
    if (chunk.length > 0)
      await trx
        .insertInto('holidays')
        .values(chunk.map((h) => ({ date: h.date, name: h.name, kind: h.kind })))
        .execute();
  }
}

/** The unit's working-day calendar, from the stored list. */
export async function unitCalendar(db: Db): Promise<WorkingCalendar> {
  return new WorkingCalendar(await readHolidays(db));
}
