/**
 * Why a command was refused: a code for programs (the sync decides on it what to retry) and a
 * message for people, Indonesian first. Each code is one a refusal of `decide` really carries.
 */
import { describe, expect, it } from 'vitest';
import { REJECTION_CODES, reject } from '../../../shared/domain/rejections';
import { A, REASON, orderAt, refuse } from './fixtures';

describe('refusals', () => {
  it('one per reason a program must tell apart, each met in a real refusal', () => {
    const submitted = orderAt('submitted');
    const met = [
      refuse(submitted, A.pelangganLain, 'order.cancel', { reason: REASON }).code,
      refuse(orderAt('finished'), A.pelanggan, 'order.cancel', { reason: REASON }).code,
      refuse(submitted, A.cs, 'order.validate', { orderNumber: 'x' }, { baseVersion: submitted.version + 1 })
        .code,
      refuse(submitted, A.cs, 'order.validate', {}).code,
      refuse(null, A.cs, 'order.validate', { orderNumber: 'ORD/BSPJI-PLG/2026/0001' }).code,
    ];
    expect(met).toEqual(['forbidden', 'invalid_transition', 'stale_version', 'invalid_payload', 'not_found']);
    expect([...REJECTION_CODES].sort()).toEqual([...met].sort());
  });

  it('carries the code and both languages as given', () => {
    expect(reject('not_found', 'Sampel tidak ditemukan.', 'Sample not found.')).toEqual({
      ok: false,
      code: 'not_found',
      message: { id: 'Sampel tidak ditemukan.', en: 'Sample not found.' },
    });
  });
});
