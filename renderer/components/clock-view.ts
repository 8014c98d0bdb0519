/**
 * What the SOP clock bar shows, as plain data (tested in Node): how full the bar is, its tone and
 * the words beside it. The arithmetic is the shared clock's (shared/sop/clock.ts), so the bar, the
 * worklist order and the SLA report agree on what "over" means.
 */
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
  dueAt: string | null;
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
    return { tone: 'unknown', percent: null, used: '', standard: '', overBy: '', dueAt: null };
  }
  const c = stepClock(step, startedAt, now);
  const used = amount(c.standard, c.used, lang);
  if (c.standard.unit === 'none' || c.fraction === null) {
    return { tone: 'none', percent: null, used, standard: '', overBy: '', dueAt: null };
  }
  const standard = amount(c.standard, c.standard.value, lang);
  const tone: ClockTone = c.over ? 'over' : c.fraction >= NEAR_FRACTION ? 'near' : 'ok';
  return {
    tone,
    percent: Math.min(100, Math.max(0, c.fraction * 100)),
    used,
    standard,
    overBy: c.over ? amount(c.standard, c.overBy, lang) : '',
    dueAt: c.dueAt,
  };
}
