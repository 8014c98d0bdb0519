import { describe, expect, it } from 'vitest';
import type { Requirement } from '../../../shared/domain/entities';
import { ResultSchema } from '../../../shared/domain/entities';
import { interpretResultText, markOf, parseLabNumber } from '../../../shared/domain/result-text';
import { judgeResult } from '../../../shared/elhu/judgment';
import { requirement as req } from '../blank-entities';

const ok = (text: string, limit: number | null = null, requirement: Requirement | null = null) => {
  const r = interpretResultText(text, limit, requirement);
  if (!r.ok) throw new Error(`${text}: ${r.message.en}`);
  return r;
};
const err = (text: string, limit: number | null = null, requirement: Requirement | null = null) => {
  const r = interpretResultText(text, limit, requirement);
  if (r.ok) throw new Error(`${text} was accepted`);
  expect(r.message.id).not.toBe('');
  expect(r.message.en).not.toBe('');
  return r.message;
};

describe('interpretResultText', () => {
  it('reads decimal commas and dots, and a dot grouping thousands next to a comma', () => {
    expect(ok('12,5')).toEqual({
      ok: true,
      value: '12,5',
      numeric: 12.5,
      belowDetectionLimit: false,
      detectionLimit: null,
    });
    expect(ok('12.5').numeric).toBe(12.5);
    expect(ok('1.234,5').numeric).toBe(1234.5);
    expect(ok('  0,080 ').value).toBe('0,080'); // significant figures kept as written
    expect(ok('-2,5').numeric).toBe(-2.5);
  });

  it('reads counts in scientific notation', () => {
    expect(ok('2,5 × 10^4').numeric).toBe(25_000);
    expect(ok('2,5x10⁴').numeric).toBe(25_000);
    expect(ok('1,2E3').numeric).toBe(1200);
    expect(parseLabNumber('3 × 10⁻²')).toBeCloseTo(0.03);
    expect(parseLabNumber('2 × 10^9999')).toBeNull();
  });

  it('reads "< number" as below that limit, with or without a space', () => {
    for (const t of ['<0,05', '< 0,05', '<  0.05']) {
      const r = ok(t);
      expect(r).toMatchObject({ numeric: null, belowDetectionLimit: true, detectionLimit: 0.05 });
      expect(r.value.startsWith('< ')).toBe(true);
    }
    // A limit above the method's (a diluted sample) is allowed; below it, the method cannot say.
    expect(ok('< 0,1', 0.05).detectionLimit).toBe(0.1);
    expect(ok('< 0,05', 0.05).detectionLimit).toBe(0.05);
    expect(err('< 0,01', 0.05).id).toContain('< 0,05');
    err('< 0');
    err('< abc');
    err('<');
  });

  it('reads "< LoQ" / "<LOD" as below the analysis\' own limit, and refuses it where there is none', () => {
    for (const t of ['< LoQ', '<LOD', '< lod', '<LOQ']) {
      expect(ok(t, 0.002)).toEqual({
        ok: true,
        value: '< 0,002',
        numeric: null,
        belowDetectionLimit: true,
        detectionLimit: 0.002,
      });
    }
    expect(err('< LoQ', null).id).toContain('tidak punya batas deteksi');
  });

  it('takes words only where the requirement is a text', () => {
    const negatif = req({ text: 'negatif' });
    expect(ok('Negatif', null, negatif)).toEqual({
      ok: true,
      value: 'Negatif',
      numeric: null,
      belowDetectionLimit: false,
      detectionLimit: null,
    });
    expect(ok('tidak terdeteksi', null, negatif).value).toBe('tidak terdeteksi');
    err('negatif', null, req({ max: 1 }));
    err('tidak terdeteksi', 0.01, null);
    err('12 %');
    err('1,2,3');
  });

  it('refuses an empty or over-long result', () => {
    expect(err('   ').en).toBe('Enter a result.');
    err('1'.repeat(101));
    expect(ok('1'.repeat(100)).value).toHaveLength(100);
  });

  it('gives what result.save stores', () => {
    for (const [t, lim, r] of [
      ['12,5', null, null],
      ['< 0,05', null, null],
      ['< LoQ', 0.05, null],
      ['negatif', null, req({ text: 'negatif' })],
    ] as const) {
      const x = ok(t, lim, r);
      expect(
        ResultSchema.safeParse({
          value: x.value,
          numeric: x.numeric,
          unit: 'mg/L',
          belowDetectionLimit: x.belowDetectionLimit,
          detectionLimit: x.detectionLimit,
        }).success,
      ).toBe(true);
    }
  });
});

describe('markOf', () => {
  const a = (requirement: Requirement | null, detectionLimit: number | null = null) => ({
    requirement,
    detectionLimit,
  });

  it('a maximum: meets below the band, warns within 10% of the limit value, fails above it', () => {
    const kotoran = a(req({ max: 0.16 }));
    expect(markOf(kotoran, '0,08')).toBe('meets');
    expect(markOf(kotoran, '0,143')).toBe('meets');
    expect(markOf(kotoran, '0,144')).toBe('warning'); // exactly at the band's edge
    expect(markOf(kotoran, '0,16')).toBe('warning'); // at the limit: meets (inclusive), but near
    expect(markOf(kotoran, '0,161')).toBe('fails');
  });

  it('a minimum: fails below, warns up to 10% above the limit', () => {
    const pri = a(req({ min: 50 }));
    expect(markOf(pri, '49,9')).toBe('fails');
    expect(markOf(pri, '50')).toBe('warning');
    expect(markOf(pri, '55')).toBe('warning');
    expect(markOf(pri, '55,1')).toBe('meets');
  });

  it('a range: warns within 10% of the span from either end', () => {
    const ph = a(req({ min: 6, max: 9 })); // span 3: band 0,3
    expect(markOf(ph, '5,9')).toBe('fails');
    expect(markOf(ph, '6')).toBe('warning');
    expect(markOf(ph, '6,3')).toBe('warning');
    expect(markOf(ph, '6,31')).toBe('meets');
    expect(markOf(ph, '7,5')).toBe('meets');
    expect(markOf(ph, '8,7')).toBe('warning');
    expect(markOf(ph, '9')).toBe('warning');
    expect(markOf(ph, '9,01')).toBe('fails');
  });

  it('below the detection limit: meets a maximum above the limit, warns when the limit is near it', () => {
    const pb = a(req({ max: 2 }), 0.05);
    expect(markOf(pb, '< LoQ')).toBe('meets');
    expect(markOf(pb, '< 1,9')).toBe('warning');
    expect(markOf(pb, '< 3')).toBe('none'); // the value may be above 2: cannot be judged
    expect(markOf(a(req({ min: 1 }), 0.05), '< LoQ')).toBe('fails');
  });

  it('a text requirement: meets when the text matches, fails otherwise', () => {
    const bau = a(req({ text: 'normal' }));
    expect(markOf(bau, 'Normal.')).toBe('meets');
    expect(markOf(bau, 'apek')).toBe('fails');
  });

  it('none without a requirement, for text that is not a result yet, and for "< LoQ" without a limit', () => {
    expect(markOf(a(null), '12,5')).toBe('none');
    expect(markOf(a(req({ max: 1 })), '')).toBe('none');
    expect(markOf(a(req({ max: 1 })), '0,')).toBe('meets'); // "0," is 0 while typing
    expect(markOf(a(req({ max: 1 })), '1,2,')).toBe('none');
    expect(markOf(a(req({ max: 1 })), '< LoQ')).toBe('none');
  });

  it('never disagrees with the E-LHU judgment', () => {
    const reqs = [
      req({ max: 0.16 }),
      req({ min: 50 }),
      req({ min: 6, max: 9 }),
      req({ text: 'negatif' }),
      req({ max: 2 }),
    ];
    const texts = [
      '0',
      '0,1',
      '0,16',
      '0,2',
      '6',
      '7,5',
      '9,5',
      '49',
      '50',
      '60',
      '< 0,05',
      '< LoQ',
      '< 3',
      'negatif',
      'positif',
      '1.234,5',
    ];
    for (const r of reqs) {
      for (const t of texts) {
        const x = interpretResultText(t, 0.05, r);
        if (!x.ok) continue;
        const j = judgeResult(x, r);
        const m = markOf({ requirement: r, detectionLimit: 0.05 }, t);
        expect(m === 'fails', `${t} vs ${JSON.stringify(r)}`).toBe(j === 'not_met');
        expect(m === 'meets' || m === 'warning', `${t} vs ${JSON.stringify(r)}`).toBe(j === 'met');
      }
    }
  });

  // Not under the mutation run: its instrumented code is slower by design, so the time says nothing.
  it.skipIf(process.env.STRYKER_MUTATOR_WORKER !== undefined)('is fast enough for every keystroke', () => {
    const pb = a(req({ min: 0.5, max: 2 }), 0.05);
    const t0 = performance.now();
    for (let i = 0; i < 20_000; i++) markOf(pb, i % 3 === 0 ? '< LoQ' : `1,${i % 1000}`);
    expect((performance.now() - t0) / 20_000).toBeLessThan(0.05); // ms per call
  });
});
