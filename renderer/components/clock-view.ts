/**
 * What the SOP clock bar shows, as plain data (tested in Node): how full the bar is, its tone and
 * the words beside it. The arithmetic is the shared clock's (shared/sop/clock.ts), so the bar, the
 * worklist order and the SLA report agree on what "over" means.
 */
import { WorkingCalendar } from '../../shared/calendar/working-days';
import { stepClock } from '../../shared/sop/clock';
import type { StandardTime } from '../../shared/sop/steps';
import { formatDuration } from '../lib/format';

export type ClockTone = 'ok' | 'near' | 'over' | 'none' | 'unknown';

export interface ClockView {
  tone: ClockTone;
  /** 0..100 for the bar; null when the step has no standard or no start. */
  percent: number | null;
  /** "35 mnt", "3 hari kerja". */
  used: string;
  /** "20 mnt", "14 hari kerja"; '' without a standard. */
  standard: string;
  /** "2 jam", "1 hari kerja": how far past the standard; '' when not over. */
  overBy: string;
  /** For a table cell: the largest unit only ("1 hari", "3 jam"), or "11 / 14 hari kerja". */
  short: string;
  dueAt: string | null;
}

/**
 * The working-day calendar of the clocks: the unit's holiday list once the desktop has it (the
 * Admin Satker's, brought down with the reference data: setClockHolidays), the built-in national
 * list until then (and in the portal).
 */
let calendar = new WorkingCalendar();
let calendarKey = '';

/** Use the unit's holiday list in every clock from now on; true when it changed. */
export function setClockHolidays(list: readonly { date: string }[]): boolean {
  const key = [...new Set(list.map((h) => h.date))].sort().join(',');
  if (list.length === 0 || key === calendarKey) return false;
  calendarKey = key;
  calendar = new WorkingCalendar(list);
  return true;
}

/** Amber from this share of the standard time (UI.md, "Worklists"). */
export const NEAR_FRACTION = 0.8;

function amount(standard: StandardTime, value: number, lang: string): string {
  if (standard.unit === 'working_days') {
    const n = Math.max(0, Math.round(value));
    return lang === 'en' ? `${n} working day${n === 1 ? '' : 's'}` : `${n} hari kerja`;
  }
  return formatDuration(value * 60_000, lang);
}

export function clockView(
  step: number | null | undefined,
  startedAt: string | null | undefined,
  now: Date,
  lang = 'id',
): ClockView {
  if (!step || !startedAt || Number.isNaN(Date.parse(startedAt))) {
    return { tone: 'unknown', percent: null, used: '', standard: '', overBy: '', short: '', dueAt: null };
  }
  const c = stepClock(step, startedAt, now, calendar);
  const used = amount(c.standard, c.used, lang);
  if (c.standard.unit === 'none' || c.fraction === null) {
    return { tone: 'none', percent: null, used, standard: '', overBy: '', short: used, dueAt: null };
  }
  const standard = amount(c.standard, c.standard.value, lang);
  const tone: ClockTone = c.over ? 'over' : c.fraction >= NEAR_FRACTION ? 'near' : 'ok';
  // Over by seconds still reads "lewat 1 mnt", never "lewat 0 mnt".
  const overBy = c.over
    ? amount(c.standard, c.standard.unit === 'minutes' ? Math.max(1, c.overBy) : c.overBy, lang)
    : '';
  const largest = (text: string) =>
    c.standard.unit === 'minutes' ? text.split(' ').slice(0, 2).join(' ') : text;
  const short = c.over
    ? largest(overBy)
    : c.standard.unit === 'working_days'
      ? `${Math.round(c.used)} / ${standard}`
      : `${used} / ${standard}`;
  return {
    tone,
    percent: Math.min(100, Math.max(0, c.fraction * 100)),
    used,
    standard,
    overBy,
    short,
    dueAt: c.dueAt,
  };
}
