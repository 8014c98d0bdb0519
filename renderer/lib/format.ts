/**
 * Numbers and times the Indonesian way (UI.md, "Visual language"): 1.234,56; Rp315.000;
 * 14 Mar 2026 10.42 WIB. Times are shown in WIB (Asia/Jakarta), the unit's time, whatever the
 * workstation's zone.
 */
const TZ = 'Asia/Jakarta';

// One formatter per language and kind: building an Intl formatter costs far more than using one,
// and a worklist formats a date in every row on every render.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = formatters.get(key);
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f as T;
}
const locale = (lang: string) => (lang === 'en' ? 'en-GB' : 'id-ID');
/** A date-time formatter in WIB per language, built once. */
const wibFormat =
  (kind: string, options: Intl.DateTimeFormatOptions) =>
  (lang: string): Intl.DateTimeFormat =>
    cached(`${kind}:${lang}`, () => new Intl.DateTimeFormat(locale(lang), { timeZone: TZ, ...options }));
const DAY = { day: 'numeric', month: 'short', year: 'numeric' } as const;
const CLOCK = { hour: '2-digit', minute: '2-digit', hour12: false } as const;
const dateTimeFmt = wibFormat('dt', { ...DAY, ...CLOCK });
const timeFmt = wibFormat('t', CLOCK);
const dateFmt = wibFormat('d', DAY);
const numberFmt = (lang: string, digits: number) =>
  cached(`n:${lang}:${digits}`, () => new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits }));
const rupiahFmt = () => cached('rp', () => new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 }));

/** "14 Mar 2026 10.42 WIB". */
export function formatDateTime(iso: string | null | undefined, lang = 'id'): string {
  if (!iso) return '—';
  const parts = dateTimeFmt(lang).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  const sep = lang === 'en' ? ':' : '.';
  return `${get('day')} ${get('month').replace('.', '')} ${get('year')} ${get('hour')}${sep}${get('minute')} WIB`;
}

/** "10.42" (today's times in a list). */
export function formatTime(iso: string | null | undefined, lang = 'id'): string {
  if (!iso) return '—';
  return timeFmt(lang)
    .format(new Date(iso))
    .replace(':', lang === 'en' ? ':' : '.');
}

export function formatDate(iso: string | null | undefined, lang = 'id'): string {
  if (!iso) return '—';
  return dateFmt(lang).format(new Date(iso)).replace('.', '');
}

/** "1.234,56" (Indonesian) or "1,234.56". */
export function formatNumber(n: number, lang = 'id', maxFractionDigits = 6): string {
  return numberFmt(lang, maxFractionDigits).format(n);
}

/** "Rp315.000". */
export function formatRupiah(n: number): string {
  return `Rp${rupiahFmt().format(n)}`;
}

/** A duration in words: "2 jam 10 mnt", "3 hari", "45 mnt". */
export function formatDuration(ms: number, lang = 'id'): string {
  const min = Math.max(0, Math.round(ms / 60_000));
  const d = Math.floor(min / 1440);
  const h = Math.floor((min % 1440) / 60);
  const m = min % 60;
  const u = lang === 'en' ? { d: 'd', h: 'h', m: 'min' } : { d: 'hari', h: 'jam', m: 'mnt' };
  if (d > 0) return h > 0 ? `${d} ${u.d} ${h} ${u.h}` : `${d} ${u.d}`;
  if (h > 0) return m > 0 ? `${h} ${u.h} ${m} ${u.m}` : `${h} ${u.h}`;
  return `${m} ${u.m}`;
}
