/** Indonesian dates for the report: pure functions, no clock, no Intl time-zone data needed. */
import { TIME_ZONE_OFFSET_HOURS, type IndonesianTimeZone } from './types';

export const BULAN = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** '2025-03-14' -> '14 Maret 2025'. */
export function formatDateId(isoDate: string): string {
  const m = ISO_DATE.exec(isoDate);
  if (!m) throw new RangeError(`tanggal tidak valid / invalid date: ${isoDate}`);
  const month = BULAN[Number(m[2]) - 1];
  if (!month) throw new RangeError(`tanggal tidak valid / invalid date: ${isoDate}`);
  return `${Number(m[3])} ${month} ${m[1]}`;
}

/** '2025-03-04', '2025-03-10' -> '4 Maret 2025 s.d. 10 Maret 2025'; one date when equal. */
export function formatDateRangeId(from: string, to: string): string {
  if (from === to) return formatDateId(from);
  return `${formatDateId(from)} s.d. ${formatDateId(to)}`;
}

/** The local calendar date of an instant in an Indonesian time zone (fixed offsets, no DST). */
export function localDate(instant: string | Date, tz: IndonesianTimeZone): string {
  const t = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(t)) throw new RangeError(`waktu tidak valid / invalid instant: ${String(instant)}`);
  const d = new Date(t + TIME_ZONE_OFFSET_HOURS[tz] * 3_600_000);
  return d.toISOString().slice(0, 10);
}

/** An instant as '14 Maret 2025 10:23:45 WIB'. */
export function formatDateTimeId(instant: Date, tz: IndonesianTimeZone): string {
  const d = new Date(instant.getTime() + TIME_ZONE_OFFSET_HOURS[tz] * 3_600_000);
  const iso = d.toISOString();
  return `${formatDateId(iso.slice(0, 10))} ${iso.slice(11, 19)} ${tz}`;
}

/** Midnight local time of a date, as an instant (used for the PDF's creation date). */
export function localMidnight(isoDate: string, tz: IndonesianTimeZone): Date {
  if (!ISO_DATE.test(isoDate)) throw new RangeError(`tanggal tidak valid / invalid date: ${isoDate}`);
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) - TIME_ZONE_OFFSET_HOURS[tz] * 3_600_000);
}
