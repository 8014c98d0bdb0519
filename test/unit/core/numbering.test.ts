import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_NUMBER_FORMATS,
  formatNumber,
  numberingYear,
  parseNumber,
  validateFormat,
} from '../../../shared/numbering';

describe('numbering', () => {
  it('formats the default order, sample and LHU numbers', () => {
    expect(formatNumber(DEFAULT_NUMBER_FORMATS.order, { unit: 'PLG', year: 2026, seq: 7 })).toBe(
      'ORD/PLG/2026/00007',
    );
    expect(formatNumber(DEFAULT_NUMBER_FORMATS.sample, { unit: 'PLG', year: 2026, seq: 123 })).toBe(
      'SPL/PLG/2026/00123',
    );
    expect(formatNumber(DEFAULT_NUMBER_FORMATS.lhu, { unit: 'PLG', year: 2026, seq: 42, month: 11 })).toBe(
      'LHU/00042/PLG/11/2026',
    );
  });

  it('grows past the padding instead of wrapping', () => {
    expect(formatNumber('{UNIT}-{YY}-{SEQ:2}', { unit: 'PLG', year: 2026, seq: 1234 })).toBe('PLG-26-1234');
  });

  it('parses what it formats, for every default format', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.values(DEFAULT_NUMBER_FORMATS)),
        fc.stringMatching(/^[A-Z][A-Z0-9]{1,5}$/),
        fc.integer({ min: 2000, max: 2099 }),
        fc.integer({ min: 1, max: 9_999_999 }),
        fc.integer({ min: 1, max: 12 }),
        (format, unit, year, seq, month) => {
          const text = formatNumber(format, { unit, year, seq, month });
          const parsed = parseNumber(format, text);
          expect(parsed).toMatchObject({ unit, year, seq });
        },
      ),
    );
  });

  it('rejects text that is not a number of this format', () => {
    expect(parseNumber(DEFAULT_NUMBER_FORMATS.order, 'ORD/PLG/2026/abc')).toBeNull();
    expect(parseNumber(DEFAULT_NUMBER_FORMATS.order, 'SPL/PLG/2026/00001')).toBeNull();
    expect(parseNumber(DEFAULT_NUMBER_FORMATS.order, 'ORD/PLG/2026/00000')).toBeNull();
    expect(parseNumber(DEFAULT_NUMBER_FORMATS.lhu, 'LHU/00001/PLG/13/2026')).toBeNull();
  });

  it('validates configured formats with a message that says what is missing', () => {
    expect(validateFormat('ORD/{UNIT}/{YYYY}')).toMatch(/SEQ/);
    expect(validateFormat('ORD/{UNIT}/{SEQ:4}')).toMatch(/tahun/);
    expect(validateFormat('ORD/{YYYY}/{SEQ:4}')).toMatch(/UNIT/);
    expect(validateFormat('{UNIT}/{YYYY}/{SEQ:4}/{SEQ:2}')).toMatch(/ganda/);
    expect(() => formatNumber('{SEQ:3}', { unit: 'X', year: 2026, seq: 1 })).toThrow();
  });

  it('numbers by the unit’s local year: 31 Dec 20:00 UTC is already the new year in WIB', () => {
    expect(numberingYear(new Date('2026-12-31T16:59:59Z'))).toEqual({ year: 2026, month: 12 });
    expect(numberingYear(new Date('2026-12-31T17:00:00Z'))).toEqual({ year: 2027, month: 1 });
  });
});
