/**
 * Results against requirements (ISO/IEC 17025 7.8.6, decision rule: simple acceptance, the
 * reported value is compared with the limit, measurement uncertainty not taken into account; the
 * report states this rule).
 */
import type { Requirement, Result } from '../domain/entities';
import type { Judgment } from './types';

/** The parts of a result the judgment looks at. */
export type JudgedResult = Pick<Result, 'value' | 'numeric' | 'belowDetectionLimit' | 'detectionLimit'>;

/**
 * Parses a number as an analyst writes it: "12,5" and "12.5" are 12.5; with both separators the
 * dot groups thousands ("1.234,5"). Returns null for anything else ("negatif", "< 0,01").
 */
export function parseDecimal(text: string): number | null {
  let s = text.trim().replace(/\s+/g, '');
  if (!/^[-+]?[0-9.,]+$/.test(s)) return null;
  if (s.includes(',') && s.includes('.')) s = s.replace(/\./g, '').replace(',', '.');
  else if (s.includes(',')) {
    if (s.indexOf(',') !== s.lastIndexOf(',')) return null;
    s = s.replace(',', '.');
  } else if (s.indexOf('.') !== s.lastIndexOf('.')) return null;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** A number the Indonesian way: decimal comma, no exponent ("0,16", "1500"). */
export function formatNumberId(n: number): string {
  let s = String(n);
  if (/e/i.test(s)) s = n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
  return s.replace('-', '−').replace('.', ',');
}

/** The requirement as printed in the table: "min. 5", "maks. 0,16", "5 – 10", or its text. */
export function formatRequirement(req: Requirement | null): string {
  if (!req) return '';
  const { min, max, text } = req;
  if (min !== null && max !== null) return `${formatNumberId(min)} – ${formatNumberId(max)}`;
  if (min !== null) return `min. ${formatNumberId(min)}`;
  if (max !== null) return `maks. ${formatNumberId(max)}`;
  return (text ?? '').trim();
}

/** The result as printed: the analyst's value as written, or "< LOD" below the detection limit. */
export function formatResult(result: JudgedResult): string {
  if (result.belowDetectionLimit) {
    const written = result.value.trim();
    if (written.startsWith('<')) return written.replace(/^<\s*/, '< ');
    return result.detectionLimit !== null ? `< ${formatNumberId(result.detectionLimit)}` : written;
  }
  return result.value.trim();
}

const normalize = (s: string): string =>
  s
    .normalize('NFC')
    .toLocaleLowerCase('id')
    .replace(/\s+/g, ' ')
    .replace(/[.\s]+$/, '')
    .trim();

/** Requirement texts that a result below the detection limit satisfies. */
const NOT_DETECTED_TEXTS = new Set(['tidak terdeteksi', 'negatif', 'tidak ada', 'ttd', 'not detected', 'nd']);

/**
 * Judges one result against its requirement.
 *
 * - No requirement: 'none'.
 * - Numeric limits (min and/or max, both inclusive): the result's number (its `numeric`, else its
 *   text parsed) must lie within them. A result below the detection limit (LOD) is a value somewhere
 *   under the LOD: it meets a maximum when LOD <= max, fails a minimum when LOD <= min, and cannot be
 *   judged otherwise (LOD above the limit): 'none'. A result that is not a number: 'none'.
 * - A text requirement only (e.g. "negatif"): met when the result says the same thing (case, spaces
 *   and a final full stop ignored); a result below the LOD meets "tidak terdeteksi" / "negatif".
 */
export function judgeResult(result: JudgedResult, req: Requirement | null): Judgment {
  if (!req) return 'none';
  const { min, max, text } = req;
  if (min === null && max === null) {
    if (text === null || text.trim() === '') return 'none';
    const want = normalize(text);
    if (result.belowDetectionLimit) return NOT_DETECTED_TEXTS.has(want) ? 'met' : 'none';
    return normalize(result.value) === want ? 'met' : 'not_met';
  }
  if (result.belowDetectionLimit) {
    const lod = result.detectionLimit;
    if (lod === null) return 'none';
    // The true value v satisfies v < lod.
    if (min !== null) {
      if (lod <= min) return 'not_met'; // v < lod <= min
      return 'none'; // v may or may not reach min
    }
    // Only a maximum here.
    return max !== null && lod <= max ? 'met' : 'none';
  }
  const v = result.numeric ?? parseDecimal(result.value);
  if (v === null) return 'none';
  if (min !== null && v < min) return 'not_met';
  if (max !== null && v > max) return 'not_met';
  return 'met';
}

/** How a judgment is printed in the report. */
export function judgmentLabel(j: Judgment): string {
  return j === 'met' ? 'Memenuhi' : j === 'not_met' ? 'Tidak memenuhi' : '-';
}
