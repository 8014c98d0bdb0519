import { describe, expect, it } from 'vitest';
import { formatDateId, formatDateRangeId, formatDateTimeId, localDate } from '../../../shared/elhu/dates';
import {
  decisionRuleNote,
  formatNumberId,
  formatRequirement,
  formatResult,
  formatUncertainty,
  judgeResult,
  judgmentLabel,
  parseDecimal,
  type JudgedResult,
} from '../../../shared/elhu/judgment';
import { requirement as req } from '../blank-entities';

const num = (value: string, numeric: number | null = parseDecimal(value)): JudgedResult => ({
  value,
  numeric,
  belowDetectionLimit: false,
  detectionLimit: null,
});
const lod = (limit: number): JudgedResult => ({
  value: 'ttd',
  numeric: null,
  belowDetectionLimit: true,
  detectionLimit: limit,
});

describe('parseDecimal', () => {
  it('reads decimal commas and dots, and dots grouping thousands when both appear', () => {
    expect(parseDecimal('12,5')).toBe(12.5);
    expect(parseDecimal('12.5')).toBe(12.5);
    expect(parseDecimal('1.234,5')).toBe(1234.5);
    expect(parseDecimal(' 0,092 ')).toBe(0.092);
    expect(parseDecimal('-3')).toBe(-3);
  });
  it('gives null for anything that is not a plain number', () => {
    for (const s of ['negatif', '< 0,01', '1,2,3', '1.2.3', '', '12 %', 'e5'])
      expect(parseDecimal(s)).toBeNull();
  });
});

describe('formatting', () => {
  it('prints numbers with a decimal comma and requirements the SNI way', () => {
    expect(formatNumberId(0.16)).toBe('0,16');
    expect(formatNumberId(1e-7)).toBe('0,0000001');
    expect(formatRequirement(req({ max: 0.16 }))).toBe('maks. 0,16');
    expect(formatRequirement(req({ min: 50 }))).toBe('min. 50');
    expect(formatRequirement(req({ min: 5, max: 10 }))).toBe('5 – 10');
    expect(formatRequirement(req({ text: ' negatif ' }))).toBe('negatif');
    expect(formatRequirement(null)).toBe('');
  });
  it('prints a result below the detection limit as "< LOD"', () => {
    expect(formatResult(lod(0.5))).toBe('< 0,5');
    expect(
      formatResult({ value: '<0,01', numeric: null, belowDetectionLimit: true, detectionLimit: 0.01 }),
    ).toBe('< 0,01');
    expect(formatResult(num('0,48'))).toBe('0,48');
  });
  it('labels judgments in Indonesian', () => {
    expect(judgmentLabel('met')).toBe('Memenuhi');
    expect(judgmentLabel('not_met')).toBe('Tidak memenuhi');
    expect(judgmentLabel('none')).toBe('-');
  });
});

describe('judgeResult', () => {
  it('has no judgment without a requirement', () => {
    expect(judgeResult(num('78,5'), null)).toBe('none');
  });
  it('judges maxima and minima inclusively', () => {
    expect(judgeResult(num('0,16'), req({ max: 0.16 }))).toBe('met');
    expect(judgeResult(num('0,161'), req({ max: 0.16 }))).toBe('not_met');
    expect(judgeResult(num('50'), req({ min: 50 }))).toBe('met');
    expect(judgeResult(num('49,9'), req({ min: 50 }))).toBe('not_met');
  });
  it('judges ranges', () => {
    expect(judgeResult(num('5'), req({ min: 5, max: 10 }))).toBe('met');
    expect(judgeResult(num('10'), req({ min: 5, max: 10 }))).toBe('met');
    expect(judgeResult(num('4,99'), req({ min: 5, max: 10 }))).toBe('not_met');
    expect(judgeResult(num('10,01'), req({ min: 5, max: 10 }))).toBe('not_met');
  });
  it("prefers the analyst's parsed number over the text", () => {
    expect(judgeResult(num('0,9', 0.09), req({ max: 0.1 }))).toBe('met');
  });
  it('cannot judge a non-numeric result against numeric limits', () => {
    expect(judgeResult(num('rusak', null), req({ max: 1 }))).toBe('none');
  });
  it('judges a result below the detection limit against a maximum only when the LOD is within it', () => {
    expect(judgeResult(lod(0.5), req({ max: 8 }))).toBe('met');
    expect(judgeResult(lod(8), req({ max: 8 }))).toBe('met');
    expect(judgeResult(lod(10), req({ max: 8 }))).toBe('none');
  });
  it('fails a minimum when the LOD is at or under it, and cannot judge otherwise', () => {
    expect(judgeResult(lod(0.5), req({ min: 1 }))).toBe('not_met');
    expect(judgeResult(lod(1), req({ min: 1 }))).toBe('not_met');
    expect(judgeResult(lod(2), req({ min: 1 }))).toBe('none');
    expect(judgeResult(lod(0.5), req({ min: 1, max: 5 }))).toBe('not_met');
  });
  it('cannot judge a below-LOD result without the LOD', () => {
    expect(
      judgeResult(
        { value: '<', numeric: null, belowDetectionLimit: true, detectionLimit: null },
        req({ max: 1 }),
      ),
    ).toBe('none');
  });
  it('compares text requirements ignoring case, spaces and a final full stop', () => {
    expect(judgeResult(num('Negatif', null), req({ text: 'negatif' }))).toBe('met');
    expect(judgeResult(num('  Normal. ', null), req({ text: 'normal' }))).toBe('met');
    expect(judgeResult(num('Positif', null), req({ text: 'negatif' }))).toBe('not_met');
    expect(judgeResult(lod(0.1), req({ text: 'tidak terdeteksi' }))).toBe('met');
    expect(judgeResult(lod(0.1), req({ text: 'khas' }))).toBe('none');
  });
});

describe('dates', () => {
  it('writes Indonesian dates', () => {
    expect(formatDateId('2025-03-04')).toBe('4 Maret 2025');
    expect(formatDateRangeId('2025-03-04', '2025-03-10')).toBe('4 Maret 2025 s.d. 10 Maret 2025');
    expect(formatDateRangeId('2025-12-01', '2025-12-01')).toBe('1 Desember 2025');
    expect(() => formatDateId('2025-13-01')).toThrow();
  });
  it("uses the unit's fixed offset for local dates and times", () => {
    expect(localDate('2025-03-13T17:30:00Z', 'WIB')).toBe('2025-03-14');
    expect(localDate('2025-03-13T15:30:00Z', 'WIT')).toBe('2025-03-14');
    expect(localDate('2025-03-13T15:30:00Z', 'WIB')).toBe('2025-03-13');
    expect(formatDateTimeId(new Date('2025-03-14T03:15:42Z'), 'WIB')).toBe('14 Maret 2025 10:15:42 WIB');
    expect(formatDateTimeId(new Date('2025-03-14T03:15:42Z'), 'WITA')).toBe('14 Maret 2025 11:15:42 WITA');
  });
});

describe('decision rule at the limits (ILAC-G8:09/2019)', () => {
  const max = req({ max: 0.16 });
  const min = req({ min: 30 });
  const range = req({ min: 5, max: 10 });
  const U = (expanded: number) => ({ expanded });

  it('meets a limit with a value exactly at it under simple acceptance, and calls it undecided under a guard band', () => {
    expect(judgeResult(num('0,16'), max)).toBe('met');
    expect(judgeResult(num('0,16'), max, 'simple_acceptance', U(0.01))).toBe('met');
    expect(judgeResult(num('0,16'), max, 'guard_band', U(0.01))).toBe('undecided');
    expect(judgeResult(num('30'), min, 'guard_band', U(2))).toBe('undecided');
    expect(judgeResult(num('5'), range, 'guard_band', U(0.5))).toBe('undecided');
    expect(judgeResult(num('10'), range, 'guard_band', U(0.5))).toBe('undecided');
  });

  it('treats the guard band edges inclusively on the accepting side (v + U = L meets; v - U = L is still undecided)', () => {
    expect(judgeResult(num('0,15'), max, 'guard_band', U(0.01))).toBe('met'); // 0,15 + 0,01 = 0,16 (binary rounding forgiven)
    expect(judgeResult(num('0,17'), max, 'guard_band', U(0.01))).toBe('undecided'); // 0,17 - 0,01 = 0,16
    expect(judgeResult(num('0,171'), max, 'guard_band', U(0.01))).toBe('not_met');
    expect(judgeResult(num('32'), min, 'guard_band', U(2))).toBe('met');
    expect(judgeResult(num('28'), min, 'guard_band', U(2))).toBe('undecided');
    expect(judgeResult(num('27,9'), min, 'guard_band', U(2))).toBe('not_met');
  });

  it('gives the undecided zone inside the guard band, on either side of the limit', () => {
    expect(judgeResult(num('0,155'), max, 'guard_band', U(0.01))).toBe('undecided');
    expect(judgeResult(num('0,165'), max, 'guard_band', U(0.01))).toBe('undecided');
    expect(judgeResult(num('0,165'), max)).toBe('not_met');
    expect(judgeResult(num('7,5'), range, 'guard_band', U(0.5))).toBe('met');
    expect(judgeResult(num('9,6'), range, 'guard_band', U(0.5))).toBe('undecided');
    expect(judgeResult(num('4,4'), range, 'guard_band', U(0.5))).toBe('not_met');
  });

  it('falls back to simple acceptance under a guard band when the result has no U', () => {
    expect(judgeResult(num('0,16'), max, 'guard_band', null)).toBe('met');
    expect(judgeResult(num('0,161'), max, 'guard_band', null)).toBe('not_met');
    expect(judgeResult(num('0,16'), max, 'guard_band', U(0))).toBe('met');
  });

  it('judges a "<LOQ" value with the LOQ as its highest possible value', () => {
    // Maximum: met when LOQ (+ U under a guard band) is within it; undecided when only the LOQ is.
    expect(judgeResult(lod(0.16), max)).toBe('met');
    expect(judgeResult(lod(0.16), max, 'guard_band', U(0.01))).toBe('undecided');
    expect(judgeResult(lod(0.1), max, 'guard_band', U(0.01))).toBe('met');
    expect(judgeResult(lod(0.2), max, 'guard_band', U(0.01))).toBe('none');
    // Minimum: fails when the LOQ (+ U) is under it; undecided within U.
    expect(judgeResult(lod(30), min)).toBe('not_met');
    expect(judgeResult(lod(30), min, 'guard_band', U(2))).toBe('undecided');
    expect(judgeResult(lod(29), min, 'guard_band', U(2))).toBe('undecided');
    expect(judgeResult(lod(27), min, 'guard_band', U(2))).toBe('not_met');
    expect(judgeResult(lod(31), min, 'guard_band', U(2))).toBe('none');
  });

  it('judges text requirements the same under both rules', () => {
    expect(judgeResult(num('Negatif', null), req({ text: 'negatif' }), 'guard_band', U(1))).toBe('met');
    expect(judgeResult(lod(0.5), req({ text: 'tidak terdeteksi' }), 'guard_band', U(1))).toBe('met');
  });

  it('prints the undecided zone and the rule', () => {
    expect(judgmentLabel('undecided')).toBe('Tidak dapat diputuskan');
    expect(decisionRuleNote('guard_band')).toContain('w = U');
    expect(decisionRuleNote('simple_acceptance')).toContain('penerimaan sederhana');
    expect(formatUncertainty({ expanded: 0.008, coverageFactor: 2 })).toBe('± 0,008 (k = 2)');
    expect(formatUncertainty(null)).toBe('');
  });
});
