/**
 * The period of a record: WIB calendar dates, both ends included (shared/api/records.ts), and the
 * presets the screen offers. Pure: "now" comes in.
 */
import { localDate } from '../../../../shared/calendar/working-days';
import { MAX_PERIOD_DAYS } from '../../../../shared/api/records';

export interface Period {
  from: string;
  to: string;
}
export type Preset = 'thisMonth' | 'lastMonth' | 'thisYear';
export const PRESETS: Preset[] = ['thisMonth', 'lastMonth', 'thisYear'];

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate(); // m is 1-based

export function presetPeriod(preset: Preset, now: Date): Period {
  const [y, m] = localDate(now).split('-').map(Number) as [number, number];
  switch (preset) {
    case 'thisMonth':
      return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(lastDay(y, m))}` };
    case 'lastMonth': {
      const [py, pm] = m === 1 ? [y - 1, 12] : [y, m - 1];
      return { from: `${py}-${pad(pm)}-01`, to: `${py}-${pad(pm)}-${pad(lastDay(py, pm))}` };
    }
    case 'thisYear':
      return { from: `${y}-01-01`, to: `${y}-12-31` };
  }
}

/** What is wrong with a typed period, as an i18n key of the records namespace, or null. */
export function periodProblem(p: Period): 'period.missing' | 'period.order' | 'period.tooLong' | null {
  const ok = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d));
  if (!ok(p.from) || !ok(p.to)) return 'period.missing';
  if (p.from > p.to) return 'period.order';
  if ((Date.parse(p.to) - Date.parse(p.from)) / 86_400_000 >= MAX_PERIOD_DAYS) return 'period.tooLong';
  return null;
}
