import { describe, expect, it } from 'vitest';
import type { Order } from '../../../shared/domain/entities';
import { formatRupiah, orderTotals } from '../../../shared/tariffs';
import { orderAt, S1, S2, sampleAt, sampleOf } from '../domain/fixtures';

// How an order's tariff lines are named for the customer and the Bendahara (PNBP, PP 54/2021).
describe('tariff lines: each sample is named as its reader knows it', () => {
  it('by the customer label before the lab numbers the sample', () => {
    const o = orderAt('submitted');
    expect(orderTotals(o).samples.map((s) => s.label)).toEqual([
      sampleOf(o, S1).customerLabel,
      sampleOf(o, S2).customerLabel,
    ]);
  });

  it('by the sample number once registered (step 11)', () => {
    const o = sampleAt('registered');
    const [s1, s2] = orderTotals(o).samples;
    expect(s1!.label).toBe(sampleOf(o, S1).number);
    expect(s1!.label).toMatch(/^SPL\//);
    expect(s2!.label).toBe(sampleOf(o, S2).customerLabel);
  });

  it('by the description for an order stored before samples had a customer label', () => {
    const o = orderAt('submitted');
    const old = { samples: o.samples.map((s) => ({ ...s, customerLabel: undefined })) } as unknown as Pick<
      Order,
      'samples'
    >;
    expect(orderTotals(old).samples[0]!.label).toBe(sampleOf(o, S1).description);
  });
});

describe('rupiah', () => {
  it.each([1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 2])(
    'refuses %s: rupiah amounts are whole',
    (amount) => {
      expect(() => formatRupiah(amount)).toThrow(/integers/);
    },
  );

  it('prints no decimals and a space after Rp', () => {
    expect(formatRupiah(0)).toBe('Rp 0');
    expect(formatRupiah(25_000)).toBe('Rp 25.000');
  });
});
