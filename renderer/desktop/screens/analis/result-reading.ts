/**
 * What a typed Hasil means, and its mark, computed synchronously on every keystroke (the mark must
 * show within 50 ms). The SOP's judgment lives in shared/ (simple acceptance, elhu/judgment.ts);
 * this module only adapts the grid's text to it.
 *
 * TEMPORARY ADAPTER: shared/ is getting `interpretResultText(text, detectionLimit)` and `markOf(...)`
 * (with the warning band near a limit). When they land, this file shrinks to calling them.
 */
import type { Analysis, Requirement } from '../../../../shared/domain/entities';
import { judgeResult, parseDecimal, type JudgedResult } from '../../../../shared/elhu/judgment';

/** ✓ memenuhi, ✗ tidak memenuhi, ! dekat batas, — tanpa syarat / tidak dapat dinilai. */
export type ResultMark = 'met' | 'not_met' | 'warn' | 'none';

/** Why a typed text is not a result (keys of the `analis` namespace, under `problem.`). */
export type ReadingProblem = 'notANumber' | 'numberExpected' | 'belowNeedsLimit';

export type CellReading =
  | { kind: 'empty'; mark: 'none' }
  | { kind: 'invalid'; mark: 'none'; problem: ReadingProblem }
  | { kind: 'value'; mark: ResultMark; result: JudgedResult };

const hasNumericLimit = (req: Requirement | null): boolean => req !== null && (req.min !== null || req.max !== null);

/** Looks like an attempt at a number ("12,5,3", "1.2.3", "-"), rather than a text result. */
const looksNumeric = (t: string): boolean => /^[-+]?[0-9.,\s]+$/.test(t);

/** Words an analyst writes for "below the limit of quantitation/detection" without its number. */
const LIMIT_WORD = /^(loq|lod|lol|mdl|ldl|batas deteksi|batas kuantitasi)$/i;

/**
 * Reads the Hasil text of one analysis: a number (comma or point), "<0,05" (below a detection
 * limit of 0,05), "< LoQ" (below the method's limit, no number), or a text where the requirement
 * is a text. Anything else is a problem shown under the cell; it never blocks typing.
 */
export function readResultText(text: string, analysis: Pick<Analysis, 'requirement'>): CellReading {
  const t = text.trim();
  if (t === '') return { kind: 'empty', mark: 'none' };
  const req = analysis.requirement;

  const below = /^<\s*(.*)$/.exec(t);
  if (below) {
    const rest = (below[1] ?? '').trim();
    const limit = parseDecimal(rest);
    if (limit !== null && limit > 0) {
      const result: JudgedResult = { value: t, numeric: null, belowDetectionLimit: true, detectionLimit: limit };
      return { kind: 'value', mark: judgeResult(result, req), result };
    }
    if (LIMIT_WORD.test(rest)) {
      const result: JudgedResult = { value: t, numeric: null, belowDetectionLimit: false, detectionLimit: null };
      return { kind: 'value', mark: 'none', result };
    }
    return { kind: 'invalid', mark: 'none', problem: 'belowNeedsLimit' };
  }

  const n = parseDecimal(t);
  if (n !== null) {
    const result: JudgedResult = { value: t, numeric: n, belowDetectionLimit: false, detectionLimit: null };
    return { kind: 'value', mark: judgeResult(result, req), result };
  }
  if (looksNumeric(t)) return { kind: 'invalid', mark: 'none', problem: 'notANumber' };
  if (hasNumericLimit(req)) return { kind: 'invalid', mark: 'none', problem: 'numberExpected' };
  const result: JudgedResult = { value: t, numeric: null, belowDetectionLimit: false, detectionLimit: null };
  return { kind: 'value', mark: judgeResult(result, req), result };
}
