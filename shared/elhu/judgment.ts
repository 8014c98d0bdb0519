/**
 * Results against requirements (ISO/IEC 17025 7.8.6, 7.1.3; ILAC-G8:09/2019). Two decision rules,
 * agreed at the order and stated on the report (decisionRuleNote):
 * - simple acceptance (w = 0): the reported value is compared with the limit as it is;
 * - guard band w = U: "memenuhi" when the value lies at least U inside the limits, "tidak memenuhi"
 *   when more than U outside, "tidak dapat diputuskan" (undecided) in between.
 * The desktop's live mark (result-text.ts markOf) calls judgeResult, so screen and report agree.
 */
import type { Requirement, Result } from '../domain/entities';
import type { DecisionRule, ExpandedUncertainty, Judgment } from './types';

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

/** a <= b, forgiving binary rounding of sums such as 0,15 + 0,01 (0,16000000000000003). */
const le = (a: number, b: number): boolean => a <= b + 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

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
 *
 * Under the guard-band rule with the result's expanded uncertainty U (w = U), a numeric limit L is
 * met only when the value is at least U inside it (max: v + U <= L; min: v - U >= L), not met only
 * when more than U outside (max: v - U > L; min: v + U < L), and 'undecided' in between. A value
 * exactly at the limit is therefore 'met' under simple acceptance and 'undecided' under a guard
 * band. A "< LOD" result is judged with the LOD as its highest possible value: under a maximum it
 * meets when LOD + U <= max and is undecided when LOD <= max < LOD + U; under a minimum it fails
 * when LOD + U < min and is undecided when LOD <= min <= LOD + U. Without a U (or U = 0) the guard
 * band is zero and both rules agree. Text requirements are judged the same way under both rules.
 */
export function judgeResult(
  result: JudgedResult,
  req: Requirement | null,
  rule: DecisionRule = 'simple_acceptance',
  uncertainty: Pick<ExpandedUncertainty, 'expanded'> | null = null,
): Judgment {
  if (!req) return 'none';
  const { min, max, text } = req;
  if (min === null && max === null) {
    if (text === null || text.trim() === '') return 'none';
    const want = normalize(text);
    if (result.belowDetectionLimit) return NOT_DETECTED_TEXTS.has(want) ? 'met' : 'none';
    return normalize(result.value) === want ? 'met' : 'not_met';
  }
  const w =
    rule === 'guard_band' && uncertainty !== null && uncertainty.expanded > 0 ? uncertainty.expanded : 0;
  if (result.belowDetectionLimit) {
    const lod = result.detectionLimit;
    if (lod === null) return 'none';
    // The true value v satisfies v < lod.
    if (min !== null) {
      if (w === 0) return lod <= min ? 'not_met' : 'none'; // v < lod <= min
      if (!le(min, lod + w)) return 'not_met';
      return lod <= min ? 'undecided' : 'none';
    }
    // Only a maximum here.
    if (max === null || lod > max) return 'none';
    if (w === 0) return 'met';
    return le(lod + w, max) ? 'met' : 'undecided';
  }
  const v = result.numeric ?? parseDecimal(result.value);
  if (v === null) return 'none';
  if (w === 0) {
    if (min !== null && v < min) return 'not_met';
    if (max !== null && v > max) return 'not_met';
    return 'met';
  }
  if (min !== null && !le(min, v + w)) return 'not_met';
  if (max !== null && !le(v - w, max)) return 'not_met';
  const inside = (min === null || le(min, v - w)) && (max === null || le(v + w, max));
  return inside ? 'met' : 'undecided';
}

/** The sentence under the results table that states the decision rule (7.8.6). */
export function decisionRuleNote(rule: DecisionRule): string {
  return rule === 'guard_band'
    ? 'Pernyataan kesesuaian memakai aturan keputusan pita pengaman (guard band) w = U sesuai ILAC-G8:09/2019: ' +
        '"Memenuhi" bila hasil uji berada sekurang-kurangnya U di dalam batas persyaratan, "Tidak memenuhi" bila lebih ' +
        'dari U di luar batas, dan "Tidak dapat diputuskan" bila selisihnya dengan batas tidak lebih dari U ' +
        '(U: ketidakpastian pengukuran diperluas).'
    : 'Pernyataan kesesuaian (Memenuhi / Tidak memenuhi) memakai aturan keputusan penerimaan sederhana sesuai ' +
        'ILAC-G8:09/2019: hasil uji dibandingkan langsung dengan batas persyaratan tanpa memperhitungkan ketidakpastian pengukuran.';
}

/** "± 0,008 (k = 2)": an expanded uncertainty as printed beside the result. */
export function formatUncertainty(u: ExpandedUncertainty | null | undefined): string {
  if (!u) return '';
  return `± ${formatNumberId(u.expanded)} (k = ${formatNumberId(u.coverageFactor)})`;
}

/** How a judgment is printed in the report. */
export function judgmentLabel(j: Judgment): string {
  return j === 'met'
    ? 'Memenuhi'
    : j === 'not_met'
      ? 'Tidak memenuhi'
      : j === 'undecided'
        ? 'Tidak dapat diputuskan'
        : '-';
}
