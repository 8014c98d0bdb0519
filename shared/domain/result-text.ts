/**
 * A result as the analyst types it (SOP step 14), read into what `result.save` stores, and the live
 * mark shown beside it. Runs on every keystroke: pure, no allocation-heavy work, no I/O. The
 * meets / fails decision is the E-LHU's own (`judgeResult`), so the screen and the report agree.
 */
import { formatNumberId, judgeResult, parseDecimal } from '../elhu/judgment';
import type { DecisionRule } from '../elhu/types';
import type { Analysis, Requirement } from './entities';
import type { Message } from './rejections';

export type InterpretedResult =
  | {
      ok: true;
      /** What is stored as the result's `value`: the text as written (significant figures kept). */
      value: string;
      /** The number, or null for "< limit" and text results. */
      numeric: number | null;
      belowDetectionLimit: boolean;
      /** The limit a "< ..." result is below, in the parameter's unit; null otherwise. */
      detectionLimit: number | null;
    }
  | { ok: false; message: Message };

/** The same limit as ResultSchema.value. */
const MAX_LENGTH = 100;
/** Words for "the method's limit" after "<": LOD/LoD, LOQ/LoQ, and the Indonesian BD/BK. */
const LIMIT_WORDS = /^(lod|loq|ld|lq|bd|bk|batas deteksi|batas kuantitasi)$/i;
const SUPERSCRIPT: Record<string, string> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
  '⁻': '-',
  '⁺': '+',
};

const fail = (id: string, en: string): InterpretedResult => ({ ok: false, message: { id, en } });

/**
 * A number as a lab writes it: what `parseDecimal` reads ("12,5", "12.5", "1.234,5"), and
 * counts in scientific notation ("2,5 × 10^4", "2,5x10⁴", "2,5E4"), common in microbiology.
 */
export function parseLabNumber(text: string): number | null {
  const plain = parseDecimal(text);
  if (plain !== null) return plain;
  const s = text.trim();
  const m = /^([-+]?[0-9.,]+)\s*(?:[×xX*]\s*10\s*(?:\^\s*)?([-+⁻⁺]?[0-9⁰¹²³⁴⁵⁶⁷⁸⁹]+)|[eE]([-+]?\d+))$/.exec(
    s,
  );
  if (!m) return null;
  const mantissa = parseDecimal(m[1]!);
  const expText = m[2] !== undefined ? m[2].replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺]/g, (c) => SUPERSCRIPT[c]!) : m[3]!;
  if (mantissa === null || !/^[-+]?\d{1,3}$/.test(expText)) return null;
  const n = mantissa * 10 ** Number(expText);
  return Number.isFinite(n) ? n : null;
}

/**
 * Reads a typed result.
 * - A number: "12,5", "12.5", "1.234,5", "2,5 × 10^4".
 * - Below a limit: "<0,05", "< 0.05" (the limit as written; not below the method's own limit,
 *   which the method cannot report under), or "< LoQ" / "<LOD" for the analysis' catalog limit.
 * - Words ("negatif", "tidak terdeteksi"): only where the requirement is a text.
 */
export function interpretResultText(
  text: string,
  detectionLimit: number | null,
  requirement: Requirement | null = null,
): InterpretedResult {
  const value = text.trim().replace(/\s+/g, ' ');
  if (value === '') return fail('Isi hasil uji.', 'Enter a result.');
  if (value.length > MAX_LENGTH)
    return fail(`Hasil maksimal ${MAX_LENGTH} karakter.`, `A result is at most ${MAX_LENGTH} characters.`);

  if (value.startsWith('<')) {
    const rest = value.slice(1).trim();
    if (LIMIT_WORDS.test(rest)) {
      if (detectionLimit === null) {
        return fail(
          'Parameter ini tidak punya batas deteksi di katalog; tulis batasnya sebagai angka, mis. "< 0,05".',
          'This parameter has no detection limit in the catalog; write the limit as a number, e.g. "< 0.05".',
        );
      }
      // Stored with the number, so the E-LHU prints the limit rather than a word.
      return {
        ok: true,
        value: `< ${formatNumberId(detectionLimit)}`,
        numeric: null,
        belowDetectionLimit: true,
        detectionLimit,
      };
    }
    const limit = parseLabNumber(rest);
    if (limit === null || limit <= 0) {
      return fail(
        'Setelah "<" tulis batas deteksi sebagai angka positif atau LoQ/LOD, mis. "< 0,05".',
        'After "<" write the detection limit as a positive number or LoQ/LOD, e.g. "< 0.05".',
      );
    }
    if (detectionLimit !== null && limit < detectionLimit) {
      const lim = formatNumberId(detectionLimit);
      return fail(
        `Batas deteksi metode ${lim}: hasil di bawahnya ditulis "< ${lim}".`,
        `The method's detection limit is ${String(detectionLimit)}: a result below it is written "< ${lim}".`,
      );
    }
    return { ok: true, value: `< ${rest}`, numeric: null, belowDetectionLimit: true, detectionLimit: limit };
  }

  const numeric = parseLabNumber(value);
  if (numeric !== null) return { ok: true, value, numeric, belowDetectionLimit: false, detectionLimit: null };

  const textRequirement =
    requirement !== null && requirement.min === null && requirement.max === null && requirement.text !== null;
  if (textRequirement)
    return { ok: true, value, numeric: null, belowDetectionLimit: false, detectionLimit: null };
  return fail(
    'Hasil harus angka (mis. 12,5 atau 1.234,5) atau di bawah batas deteksi (mis. < 0,05); satuan tidak ditulis.',
    'The result must be a number (e.g. 12.5 or 1,234.5) or below the detection limit (e.g. < 0.05), without the unit.',
  );
}

export type ResultMark = 'meets' | 'fails' | 'warning' | 'none';

/** Share of the span (range) or of the limit value (one-sided) that counts as "near the limit". */
export const WARNING_BAND = 0.1;

/**
 * The live mark beside a typed result:
 * - 'fails' (✗): the E-LHU would print "Tidak memenuhi";
 * - 'warning' (!): it meets, but lies within the warning band of a limit: for a range, within
 *   10% of the span (max - min) of either end; for a single minimum or maximum, within 10% of the
 *   limit's value (e.g. max 0,16: from 0,144 up to 0,16). A "< limit" result warns when its limit
 *   is that near a maximum. Limits are inclusive, as in the E-LHU;
 * - 'meets' (✓): it meets, away from the limits, or matches a text requirement;
 * - 'none' (—): no requirement, a result that cannot be judged, or text that is not a result yet
 *   (`interpretResultText` says why).
 */
export function markOf(
  analysis: Pick<Analysis, 'requirement' | 'detectionLimit'>,
  text: string,
  /** The order's decision rule and the result's U (ILAC-G8): under a guard band, the undecided zone shows as 'warning'. */
  rule: DecisionRule = 'simple_acceptance',
  uncertainty: { expanded: number } | null = null,
): ResultMark {
  const r = interpretResultText(text, analysis.detectionLimit, analysis.requirement);
  const req = analysis.requirement;
  if (!r.ok || req === null) return 'none';
  const judgment = judgeResult(r, req, rule, uncertainty);
  if (judgment === 'not_met') return 'fails';
  if (judgment === 'undecided') return 'warning';
  if (judgment === 'none') return 'none';
  const { min, max } = req;
  // A "< limit" result that meets can only be under a maximum alone (judgeResult): its limit is
  // the highest the value can be.
  const v = r.belowDetectionLimit ? r.detectionLimit : r.numeric;
  if (v === null) return 'meets';
  const near = (distance: number, band: number) => distance <= band * (1 + 1e-9); // 0,16 - 0,144 is 0,0160000…01 in binary
  if (min !== null && max !== null) {
    const band = (max - min) * WARNING_BAND;
    return near(v - min, band) || near(max - v, band) ? 'warning' : 'meets';
  }
  if (max !== null && near(max - v, Math.abs(max) * WARNING_BAND)) return 'warning';
  if (min !== null && near(v - min, Math.abs(min) * WARNING_BAND)) return 'warning';
  return 'meets';
}
