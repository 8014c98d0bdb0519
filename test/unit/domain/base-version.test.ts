/**
 * The version a client sends (baseVersion) is compared with the entity the command acts on: the
 * analysis for a result, the sample for a sample step, the order or the account otherwise. A client
 * that sends none (null or absent) is not checked.
 */
import { describe, expect, it } from 'vitest';
import {
  A,
  S1,
  S1A1,
  accountAt,
  activateSeenAt,
  analysisAt,
  analysisOf,
  attempt,
  orderAt,
  sampleAt,
  sampleOf,
} from './fixtures';

const result = { sampleId: S1, analysisId: S1A1, result: { value: '7', numeric: 7, unit: '-' } };

describe('baseVersion: the version the issuer saw of the entity it acts on', () => {
  it('a result command compares with the analysis, not the sample or the order', () => {
    const o = analysisAt('pending');
    const a = analysisOf(o, S1, S1A1).version;
    const s = sampleOf(o, S1).version;
    expect(a).not.toBe(o.version);
    expect(attempt(o, A.analis1, 'result.save', result, { baseVersion: a }).ok).toBe(true);
    const byOrder = attempt(o, A.analis1, 'result.save', result, { baseVersion: o.version });
    expect(byOrder.ok ? 'accepted' : byOrder.code).toBe('stale_version');
    if (s !== a) expect(attempt(o, A.analis1, 'result.save', result, { baseVersion: s }).ok).toBe(false);
  });

  it('a sample step compares with the sample', () => {
    const o = sampleAt('registered');
    const s = sampleOf(o, S1).version;
    expect(s).not.toBe(o.version);
    expect(
      attempt(o, A.penyelia, 'sample.accept', { sampleId: S1, condition: 'Baik' }, { baseVersion: s }).ok,
    ).toBe(true);
    const byOrder = attempt(
      o,
      A.penyelia,
      'sample.accept',
      { sampleId: S1, condition: 'Baik' },
      { baseVersion: o.version },
    );
    expect(byOrder.ok ? 'accepted' : byOrder.code).toBe('stale_version');
  });

  it('an order step compares with the order; an account step with the account', () => {
    const o = orderAt('submitted');
    expect(
      attempt(o, A.cs, 'order.validate', { orderNumber: 'ORD/PLG/2026/00010' }, { baseVersion: o.version })
        .ok,
    ).toBe(true);
    const acc = accountAt('pending_activation');
    expect(activateSeenAt(acc, acc.version).ok).toBe(true);
    const stale = activateSeenAt(acc, acc.version + 1);
    expect(stale.ok ? 'accepted' : stale.code).toBe('stale_version');
  });

  it('no version sent (null or absent) is not checked', () => {
    const o = orderAt('submitted');
    expect(
      attempt(o, A.cs, 'order.validate', { orderNumber: 'ORD/PLG/2026/00011' }, { baseVersion: null }).ok,
    ).toBe(true);
    expect(attempt(o, A.cs, 'order.validate', { orderNumber: 'ORD/PLG/2026/00012' }).ok).toBe(true);
  });

  it('version 0 is a version: a new order seen at 0 and changed since is stale', () => {
    const o = orderAt('validated');
    expect(o.version).toBeGreaterThan(0);
    const r = attempt(o, A.ketuaTim, 'tariff.approve', {}, { baseVersion: 0 });
    expect(r.ok ? 'accepted' : r.code).toBe('stale_version');
  });
});
