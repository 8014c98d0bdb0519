/**
 * A result as the analyst types it (SOP step 14): counts in scientific notation, limits after "<",
 * words only for a text requirement, and the live mark under a guard band. Cases an analyst meets.
 */
import { describe, expect, it } from 'vitest';
import { interpretResultText, markOf, parseLabNumber } from '../../../shared/domain/result-text';
import { requirement as req } from '../blank-entities';

describe('a count in scientific notation', () => {
  it('is read with spaces around it and inside it, and with either sign', () => {
    expect(parseLabNumber('  2,5 × 10^4  ')).toBe(25_000);
    expect(parseLabNumber('2,5 x 10 ^ 4')).toBe(25_000);
    expect(parseLabNumber('2,5×10⁻³')).toBeCloseTo(0.0025, 12);
    expect(parseLabNumber('-2,5E4')).toBe(-25_000);
    expect(parseLabNumber('+2,5E4')).toBe(25_000);
    expect(parseLabNumber('2,5E10')).toBe(2.5e10);
    expect(parseLabNumber('2,5 × 10^123')).toBe(2.5e123);
  });

  it('reads every superscript digit and sign of an exponent, and a signed E exponent', () => {
    const sup = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    for (const [d, ch] of sup.entries()) expect(parseLabNumber(`1 × 10${ch}`), ch).toBe(10 ** d);
    expect(parseLabNumber('1 × 10⁺²')).toBe(100);
    expect(parseLabNumber('1 × 10⁻²')).toBe(0.01);
    expect(parseLabNumber('2,5E-3')).toBe(0.0025);
    expect(parseLabNumber('2,5e+3')).toBe(2500);
  });

  it('is not read with words before or after it: the unit is not part of the result', () => {
    expect(parseLabNumber('ca. 2,5E4')).toBeNull();
    expect(parseLabNumber('2,5E4 cfu/g')).toBeNull();
    expect(parseLabNumber('2,5 × 10^4 koloni')).toBeNull();
  });

  it('refuses an exponent of four digits, and a mantissa that is not a number', () => {
    expect(parseLabNumber('2,5E-1000')).toBeNull();
    expect(parseLabNumber('2,5 × 10^1000')).toBeNull();
    expect(parseLabNumber('1,2,3E4')).toBeNull();
    expect(parseLabNumber('.,E4')).toBeNull();
  });
});

describe('typed results', () => {
  it('"<" then something that is not a positive number is refused, saying how to write it', () => {
    for (const limit of [0.01, null])
      for (const text of ['< 0', '< -0,05', '< abc', '<']) {
        const r = interpretResultText(text, limit);
        expect(r.ok ? 'accepted' : r.message.en, `${text} (${limit})`).toBe(
          'After "<" write the detection limit as a positive number or LoQ/LOD, e.g. "< 0.05".',
        );
      }
  });

  it('"<" and the word for the method\'s limit, alone: nothing before or after it', () => {
    expect(interpretResultText('< LoQ', 0.05)).toMatchObject({
      ok: true,
      value: '< 0,05',
      detectionLimit: 0.05,
    });
    for (const text of ['< LoQ 0,01', '< kira-kira LoD', '< lod?'])
      expect(interpretResultText(text, 0.05).ok, text).toBe(false);
  });

  it('a word is kept with its spaces made single, where the requirement is a text', () => {
    const r = interpretResultText('tidak   terdeteksi', null, req({ text: 'negatif' }));
    expect(r).toMatchObject({ ok: true, value: 'tidak terdeteksi', numeric: null });
  });

  it('a word is refused where the requirement is a number, even one printed with a text, or absent', () => {
    for (const requirement of [
      null,
      req({ source: 'SNI 3553:2015' }),
      req({ max: 0.16, text: 'maks. 0,16' }),
      req({ min: 6, text: 'min. 6' }),
      req({ min: 6, max: 9, text: '6 - 9' }),
    ]) {
      const r = interpretResultText('negatif', null, requirement);
      expect(r.ok, JSON.stringify(requirement)).toBe(false);
    }
  });
});

describe('the live mark under a guard band (ILAC-G8)', () => {
  const analysis = { requirement: req({ max: 2 }), detectionLimit: null };

  it('a result that meets but lies within U of the limit is undecided: a warning, far from the 10% band', () => {
    expect(markOf(analysis, '1,5', 'simple_acceptance')).toBe('meets');
    expect(markOf(analysis, '1,5', 'guard_band', { expanded: 0.6 })).toBe('warning');
    expect(markOf(analysis, '1,5', 'guard_band', { expanded: 0.1 })).toBe('meets');
  });
});
