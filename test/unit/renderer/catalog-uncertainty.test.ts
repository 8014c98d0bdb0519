import { describe, expect, it } from 'vitest';
import { messageIn, readUncertainty } from '../../../renderer/desktop/screens/admin/catalog-uncertainty';

describe('catalog default U and k as typed (Admin catalog screen)', () => {
  it('both empty: no default U', () => {
    expect(readUncertainty('', '')).toEqual({ ok: true, value: null });
  });
  it('both given: U and k as numbers', () => {
    expect(readUncertainty(0.04, 2)).toEqual({ ok: true, value: { expanded: 0.04, coverageFactor: 2 } });
  });
  it('says which field to fix, in the user language', () => {
    const noK = readUncertainty(0.04, '');
    expect(noK).toMatchObject({ ok: false, field: 'coverageFactor' });
    expect(messageIn(noK.ok ? undefined : noK.message, 'id')).toBe('k wajib diisi bila U diisi (biasanya 2)');
    expect(messageIn(noK.ok ? undefined : noK.message, 'en')).toBe('k is needed with U (usually 2)');
    expect(readUncertainty('', 2)).toMatchObject({ ok: false, field: 'expanded' });
    expect(readUncertainty(0, 2)).toMatchObject({
      ok: false,
      field: 'expanded',
      message: expect.stringContaining('U must be greater than 0'),
    });
    expect(readUncertainty(0.1, 0.5)).toMatchObject({
      ok: false,
      field: 'coverageFactor',
      message: expect.stringContaining('k is at least 1'),
    });
    expect(readUncertainty(0.1, 12)).toMatchObject({
      ok: false,
      field: 'coverageFactor',
      message: expect.stringContaining('k is at most 10'),
    });
  });
});
