import { describe, expect, it } from 'vitest';
import { DEFAULT_NUMBER_FORMATS, formatNumber, parseNumber } from '../../../shared/numbering';

// The rules of order, sample and LHU numbers (unique, sequential per unit and year), each on a
// fixed value: the first number of a year, the month of an LHU, formats a unit may configure.
describe('numbering: the first number of a year', () => {
  it.each([
    ['order', { unit: 'PLG', year: 2027, seq: 1 }, 'ORD/PLG/2027/00001'],
    ['sample', { unit: 'PLG', year: 2027, seq: 1 }, 'SPL/PLG/2027/00001'],
    ['lhu', { unit: 'PLG', year: 2027, seq: 1, month: 1 }, 'LHU/00001/PLG/01/2027'],
  ] as const)(
    'sequence 1 prints as 00001 and reads back as 1: the default %s format',
    (kind, parts, printed) => {
      expect(formatNumber(DEFAULT_NUMBER_FORMATS[kind], parts)).toBe(printed);
      expect(parseNumber(DEFAULT_NUMBER_FORMATS[kind], printed)).toEqual(parts);
    },
  );

  it.each([0, -1, 1.5, Number.NaN])('refuses sequence %s: sequences start at 1 and are whole', (seq) => {
    expect(() => formatNumber(DEFAULT_NUMBER_FORMATS.order, { unit: 'PLG', year: 2027, seq })).toThrow(
      /positive integer/,
    );
  });

  it('an LHU without a month is printed for January', () => {
    expect(formatNumber(DEFAULT_NUMBER_FORMATS.lhu, { unit: 'PLG', year: 2027, seq: 3 })).toBe(
      'LHU/00003/PLG/01/2027',
    );
  });
});

describe('numbering: the month of an LHU', () => {
  it('refuses month 00 and month 13, takes 01 and 12', () => {
    expect(parseNumber(DEFAULT_NUMBER_FORMATS.lhu, 'LHU/00042/PLG/00/2026')).toBeNull();
    expect(parseNumber(DEFAULT_NUMBER_FORMATS.lhu, 'LHU/00042/PLG/13/2026')).toBeNull();
    expect(parseNumber(DEFAULT_NUMBER_FORMATS.lhu, 'LHU/00042/PLG/01/2026')?.month).toBe(1);
    expect(parseNumber(DEFAULT_NUMBER_FORMATS.lhu, 'LHU/00042/PLG/12/2026')?.month).toBe(12);
  });

  it('the month has two digits: LHU/00042/PLG/1/2026 is not an LHU number', () => {
    expect(parseNumber(DEFAULT_NUMBER_FORMATS.lhu, 'LHU/00042/PLG/1/2026')).toBeNull();
    expect(parseNumber(DEFAULT_NUMBER_FORMATS.lhu, 'LHU/00042/PLG/011/2026')).toBeNull();
  });
});

describe('numbering: formats a unit configures', () => {
  it('a two-digit year reads back as a year of this century, and prints with its leading zero', () => {
    expect(formatNumber('{UNIT}-{YY}-{SEQ:4}', { unit: 'PLG', year: 2005, seq: 12 })).toBe('PLG-05-0012');
    expect(parseNumber('{UNIT}-{YY}-{SEQ:4}', 'PLG-05-0012')).toEqual({ unit: 'PLG', year: 2005, seq: 12 });
    expect(parseNumber('{UNIT}-{YY}-{SEQ:4}', 'PLG-2026-0012')).toBeNull();
  });

  it('a four-digit year is four digits: 26 is not a year of ORD/{UNIT}/{YYYY}', () => {
    expect(parseNumber(DEFAULT_NUMBER_FORMATS.order, 'ORD/PLG/26/00007')).toBeNull();
    expect(formatNumber('{UNIT}/{YYYY}/{SEQ:1}', { unit: 'PLG', year: 999, seq: 1 })).toBe('PLG/0999/1');
  });

  it('the unit code is upper-case letters, digits and dashes', () => {
    expect(parseNumber(DEFAULT_NUMBER_FORMATS.order, 'ORD/BSPJI-PLG/2026/00007')).toEqual({
      unit: 'BSPJI-PLG',
      year: 2026,
      seq: 7,
    });
    expect(parseNumber(DEFAULT_NUMBER_FORMATS.order, 'ORD/plg/2026/00007')).toBeNull();
  });

  it('pads to a width of two digits ({SEQ:10})', () => {
    expect(formatNumber('{UNIT}/{YYYY}/{SEQ:10}', { unit: 'PLG', year: 2026, seq: 42 })).toBe(
      'PLG/2026/0000000042',
    );
    expect(parseNumber('{UNIT}/{YYYY}/{SEQ:10}', 'PLG/2026/0000000042')).toEqual({
      unit: 'PLG',
      year: 2026,
      seq: 42,
    });
  });

  it('takes the literal text of a format literally (dots, lower-case words)', () => {
    const format = 'No.{SEQ:3}/lab/{UNIT}/{YYYY}';
    expect(formatNumber(format, { unit: 'PLG', year: 2026, seq: 5 })).toBe('No.005/lab/PLG/2026');
    expect(parseNumber(format, 'No.005/lab/PLG/2026')).toEqual({ unit: 'PLG', year: 2026, seq: 5 });
    expect(parseNumber(format, 'NoX005/lab/PLG/2026')).toBeNull();
  });
});
