import { z } from 'zod';
import { WorkingCalendar } from '../calendar/working-days';
import { textSchema } from '../domain/entities';

/**
 * The unit's holiday list (`/api/v1/calendar/holidays`): national holidays and collective leave
 * (cuti bersama) that the SOP's working-day clock skips ("14 hari kerja", step 14). Admin Satker
 * maintains it; every signed-in user may read it (clocks need it). Kept apart from http.ts so the
 * calendar's contract is one small file.
 */
export const HolidaySchema = z.object({
  date: z.iso.date({ error: 'tanggal YYYY-MM-DD / date as YYYY-MM-DD' }),
  /** No control characters, like every name (shared textSchema). */
  name: textSchema(200),
  kind: z.enum(['libur_nasional', 'cuti_bersama']),
});
export type HolidayEntry = z.infer<typeof HolidaySchema>;

export const HolidayListSchema = z.object({ holidays: z.array(HolidaySchema) });
export type HolidayList = z.infer<typeof HolidayListSchema>;

/** The whole list, replacing the stored one (one date once). */
export const PutHolidaysRequestSchema = z.strictObject({
  holidays: z
    .array(z.strictObject(HolidaySchema.shape))
    // Every year has national holidays: an empty list is a mistake (it would wipe them), not a choice.
    .min(1, { error: 'daftar hari libur tidak boleh kosong / the holiday list cannot be empty' })
    .max(2000)
    .refine((hs) => new Set(hs.map((h) => h.date)).size === hs.length, {
      error: 'tanggal ganda / a date is listed twice',
    }),
});

/** The working-day calendar of a stored list. */
export function calendarOf(list: readonly Pick<HolidayEntry, 'date'>[]): WorkingCalendar {
  return new WorkingCalendar(list);
}
