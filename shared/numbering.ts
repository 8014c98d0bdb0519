/**
 * Order, sample and LHU numbers: unique and sequential per unit and year. The server owns the
 * sequences; this module only formats and parses, so every part prints numbers the same way.
 *
 * A format is a template with tokens: {UNIT} unit code, {YYYY} year, {YY} two-digit year,
 * {SEQ:n} sequence padded to n digits, {MM} month (of issue, informational).
 */
export type NumberKind = 'order' | 'sample' | 'lhu';

export const DEFAULT_NUMBER_FORMATS: Record<NumberKind, string> = {
  order: 'ORD/{UNIT}/{YYYY}/{SEQ:5}',
  sample: 'SPL/{UNIT}/{YYYY}/{SEQ:5}',
  lhu: 'LHU/{SEQ:5}/{UNIT}/{MM}/{YYYY}',
};

export interface NumberParts {
  unit: string;
  year: number;
  seq: number;
  month?: number;
}

const TOKEN = /\{(UNIT|YYYY|YY|MM|SEQ:(\d{1,2}))\}/g;

export function validateFormat(format: string): string | null {
  const tokens = [...format.matchAll(TOKEN)].map((m) => m[1]!.split(':')[0]);
  if (!tokens.includes('SEQ')) return 'format harus memuat {SEQ:n} / format must contain {SEQ:n}';
  if (!tokens.includes('YYYY') && !tokens.includes('YY'))
    return 'format harus memuat tahun {YYYY} atau {YY} / format must contain the year';
  if (!tokens.includes('UNIT')) return 'format harus memuat {UNIT} / format must contain {UNIT}';
  if (new Set(tokens).size !== tokens.length) return 'token ganda dalam format / duplicate token in format';
  return null;
}

export function formatNumber(format: string, parts: NumberParts): string {
  const error = validateFormat(format);
  if (error) throw new Error(error);
  if (!Number.isInteger(parts.seq) || parts.seq < 1) throw new RangeError('seq must be a positive integer');
  return format.replace(TOKEN, (_m, token: string, width?: string) => {
    switch (token.split(':')[0]) {
      case 'UNIT':
        return parts.unit;
      case 'YYYY':
        return String(parts.year).padStart(4, '0');
      case 'YY':
        return String(parts.year % 100).padStart(2, '0');
      case 'MM':
        return String(parts.month ?? 1).padStart(2, '0');
      default: {
        const s = String(parts.seq);
        // Stryker disable next-line ConditionalExpression,EqualityOperator: padStart leaves a string at least that long unchanged
        return s.length >= Number(width) ? s : s.padStart(Number(width), '0');
      }
    }
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Parse a number printed with `format`; null when it does not match. */
export function parseNumber(format: string, text: string): NumberParts | null {
  const groups: string[] = [];
  let pattern = '';
  let last = 0;
  for (const m of format.matchAll(TOKEN)) {
    pattern += escape(format.slice(last, m.index));
    const token = m[1]!.split(':')[0]!;
    groups.push(token);
    pattern +=
      token === 'UNIT'
        ? '([A-Z0-9-]+?)'
        : token === 'YYYY'
          ? '(\\d{4})'
          : token === 'YY' || token === 'MM'
            ? '(\\d{2})'
            : '(\\d+)';
    last = m.index + m[0].length;
  }
  pattern += escape(format.slice(last));
  const match = new RegExp(`^${pattern}$`).exec(text);
  if (!match) return null;
  // Stryker disable next-line ObjectLiteral,StringLiteral: a valid format has {UNIT}, a year and {SEQ}, so all three are always overwritten
  const parts: NumberParts = { unit: '', year: 0, seq: 0 };
  groups.forEach((g, i) => {
    const v = match[i + 1]!;
    if (g === 'UNIT') parts.unit = v;
    else if (g === 'YYYY') parts.year = Number(v);
    else if (g === 'YY') parts.year = 2000 + Number(v);
    else if (g === 'MM') parts.month = Number(v);
    else parts.seq = Number(v);
  });
  // Stryker disable next-line ConditionalExpression: without a month both comparisons with undefined are false anyway
  if (parts.seq < 1 || (parts.month !== undefined && (parts.month < 1 || parts.month > 12))) return null;
  return parts;
}

/** The year a number belongs to, in the unit's time zone (WIB, UTC+7 for Palembang), not UTC. */
export function numberingYear(now: Date, utcOffsetMinutes = 7 * 60): { year: number; month: number } {
  const local = new Date(now.getTime() + utcOffsetMinutes * 60_000);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1 };
}
