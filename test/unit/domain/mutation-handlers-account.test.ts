/**
 * Admin Satker's handling of a customer account (SOP steps 2-3), through `decide`: the command must
 * name the account it acts on, and the refusal says so in Indonesian and English.
 */
import { describe, expect, it } from 'vitest';
import { A, CUSTOMER_ID, OTHER_CUSTOMER_ID, REASON, accountAt, attempt, refuse } from './fixtures';

const mismatch = {
  ok: false,
  code: 'invalid_payload',
  message: { id: 'Id pelanggan tidak cocok.', en: 'Customer id does not match.' },
};

describe('account.activate and account.deactivate with another customer id', () => {
  it('are refused, and the account keeps its status', () => {
    expect(
      refuse(accountAt('pending_activation'), A.adminSatker, 'account.activate', {
        customerId: OTHER_CUSTOMER_ID,
      }),
    ).toEqual(mismatch);
    expect(
      refuse(accountAt('active'), A.adminSatker, 'account.deactivate', {
        customerId: OTHER_CUSTOMER_ID,
        reason: REASON,
      }),
    ).toEqual(mismatch);
    expect(accountAt('active').customer.status).toBe('active');
  });

  it('deactivation of the named account records it with the reason', () => {
    const d = attempt(accountAt('active'), A.adminSatker, 'account.deactivate', {
      customerId: CUSTOMER_ID,
      reason: REASON,
    });
    if (!d.ok) throw new Error(d.message.en);
    expect(d.events.map((e) => [e.entity, e.entityId, e.from, e.to, e.reason])).toEqual([
      ['account', CUSTOMER_ID, 'active', 'deactivated', REASON],
    ]);
  });
});
