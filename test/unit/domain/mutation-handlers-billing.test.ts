/**
 * The money handlers (SOP steps 7-10), through `decide`: the refusals the Bendahara and the customer
 * read about an e-billing and its payment, the events each recorded step leaves (which e-billing or
 * proof, from which status to which), and the order afterwards.
 */
import { describe, expect, it } from 'vitest';
import type { Order } from '../../../shared/domain/entities';
import { currentBilling } from '../../../shared/domain/state';
import {
  A,
  AFTER_EXPIRY,
  BILLING_EXPIRES,
  NOW,
  NTPN,
  ORDER_ID,
  ORDER_TOTAL,
  addDays,
  attempt,
  freshBillingCode,
  freshId,
  orderAt,
  refusal,
  refuse,
  runOrder,
} from './fixtures';

const issued = () => currentBilling(orderAt('awaiting_payment'))!;
const pendingProof = () => orderAt('payment_submitted').proofs.find((p) => p.status === 'submitted')!;

const flowIssue = (o: Order) =>
  runOrder(o, A.bendahara, 'billing.issue', {
    billingId: freshId(),
    code: freshBillingCode(),
    expiresAt: BILLING_EXPIRES.toISOString(),
  });

function accepted(d: ReturnType<typeof attempt>) {
  if (!d.ok) throw new Error(`refused: ${d.message.en}`);
  return d;
}

describe('billing.issue (step 8)', () => {
  it('refuses an expiry at the very instant of issue: it must lie in the future', () => {
    const r = refuse(orderAt('billing_requested'), A.bendahara, 'billing.issue', {
      billingId: freshId(),
      code: freshBillingCode(),
      expiresAt: NOW.toISOString(),
    });
    expect(r).toEqual(
      refusal(
        'invalid_payload',
        'Tanggal kedaluwarsa e-billing harus di masa depan.',
        'The e-billing expiry must be in the future.',
      ),
    );
  });

  it('bills the total Ketua Tim approved (step 7)', () => {
    const o = orderAt('billing_requested');
    expect(o.tariffTotal).toBe(ORDER_TOTAL);
    expect(currentBilling(flowIssue(o))!.amount).toBe(ORDER_TOTAL);
  });

  // `decide` records the approved total at step 7; an order stored without one (built by hand here)
  // is billed the sum of its parameters' tariffs, never a missing amount.
  it('bills the sum of the tariffs when the order holds no approved total', () => {
    const o = structuredClone(orderAt('billing_requested'));
    o.tariffTotal = null;
    expect(currentBilling(flowIssue(o))!.amount).toBe(ORDER_TOTAL);
  });

  it('accepts an expiry one millisecond after issue', () => {
    const o = runOrder(orderAt('billing_requested'), A.bendahara, 'billing.issue', {
      billingId: freshId(),
      code: freshBillingCode(),
      expiresAt: new Date(NOW.getTime() + 1).toISOString(),
    });
    expect(o.status).toBe('awaiting_payment');
  });
});

describe('billing.reissue (step 9)', () => {
  const reissue = (o: Order, billingId: string, code: string, now: Date) =>
    attempt(
      o,
      A.bendahara,
      'billing.reissue',
      { billingId, code, expiresAt: addDays(now, 7).toISOString() },
      { now },
    );

  it('refuses while the current e-billing has not expired', () => {
    const d = reissue(orderAt('awaiting_payment'), freshId(), freshBillingCode(), NOW);
    expect(d).toEqual(
      refusal(
        'invalid_transition',
        'E-billing yang berlaku belum kedaluwarsa; terbitkan ulang hanya setelah kedaluwarsa.',
        'The current e-billing has not expired; re-issue only after it expires.',
      ),
    );
  });

  const usedRefusal = refusal(
    'invalid_payload',
    'Kode atau id e-billing sudah dipakai.',
    'E-billing code or id already used.',
  );

  it('refuses the code of the expired e-billing for the new one', () => {
    expect(reissue(orderAt('awaiting_payment'), freshId(), issued().code, AFTER_EXPIRY)).toEqual(usedRefusal);
  });

  it('refuses the id of the expired e-billing for the new one', () => {
    expect(reissue(orderAt('awaiting_payment'), issued().id, freshBillingCode(), AFTER_EXPIRY)).toEqual(
      usedRefusal,
    );
  });

  it('replaces the expired e-billing and issues the new one, each recorded', () => {
    const billingId = freshId();
    const d = accepted(reissue(orderAt('awaiting_payment'), billingId, freshBillingCode(), AFTER_EXPIRY));
    expect(d.events.map((e) => [e.entity, e.entityId, e.from, e.to])).toEqual([
      ['billing', issued().id, 'issued', 'replaced'],
      ['billing', billingId, null, 'issued'],
      ['order', ORDER_ID, 'awaiting_payment', 'awaiting_payment'],
    ]);
    const o = d.state as Order;
    expect(o.billings.map((b) => b.status)).toEqual(['replaced', 'issued']);
    expect(o.billings[1]!.amount).toBe(o.tariffTotal);
  });
});

describe('payment.upload_proof (step 10)', () => {
  const upload = (o: Order, now = NOW, proofId = freshId()) =>
    attempt(o, A.pelanggan, 'payment.upload_proof', { proofId, fileId: freshId(), ntpn: NTPN }, { now });

  it('records the proof as submitted, for the current e-billing', () => {
    const proofId = freshId();
    const d = accepted(upload(orderAt('awaiting_payment'), NOW, proofId));
    expect(d.events.map((e) => [e.entity, e.entityId, e.from, e.to])).toEqual([
      ['proof', proofId, null, 'submitted'],
      ['order', ORDER_ID, 'awaiting_payment', 'payment_submitted'],
    ]);
    expect((d.state as Order).proofs).toEqual([
      expect.objectContaining({ id: proofId, billingId: issued().id, status: 'submitted', ntpn: NTPN }),
    ]);
  });

  it('refuses a proof once the e-billing has expired, and says who re-issues it', () => {
    expect(upload(orderAt('awaiting_payment'), BILLING_EXPIRES)).toEqual(
      refusal(
        'invalid_transition',
        'E-billing sudah kedaluwarsa; minta Bendahara menerbitkan ulang.',
        'The e-billing has expired; ask the Bendahara to re-issue it.',
      ),
    );
  });

  const nothingToPay = refusal(
    'invalid_transition',
    'Tidak ada e-billing yang harus dibayar.',
    'There is no e-billing to pay.',
  );

  // `decide` never leaves an order awaiting payment without an issued e-billing; these records are
  // built by hand (a damaged or hand-edited order), and no proof may be taken for them.
  it('refuses a proof when the order holds no e-billing at all', () => {
    const o = structuredClone(orderAt('awaiting_payment'));
    o.billings = [];
    expect(upload(o)).toEqual(nothingToPay);
  });

  it('refuses a proof when the current e-billing is already paid', () => {
    const o = structuredClone(orderAt('awaiting_payment'));
    o.billings[0]!.status = 'paid';
    expect(upload(o)).toEqual(nothingToPay);
  });
});

describe('payment.confirm_auto (step 10, SIMPONI)', () => {
  const confirm = (paidAt: Date) =>
    attempt(orderAt('awaiting_payment'), A.sistem, 'payment.confirm_auto', {
      billingCode: issued().code,
      ntpn: NTPN,
      paidAt: paidAt.toISOString(),
    });

  it('refuses a payment recorded after the e-billing expired', () => {
    expect(confirm(new Date(BILLING_EXPIRES.getTime() + 1))).toEqual(
      refusal(
        'invalid_transition',
        'Pembayaran tercatat setelah e-billing kedaluwarsa.',
        'Payment recorded after the e-billing expired.',
      ),
    );
  });

  it('records the e-billing paid, then the order paid', () => {
    const d = accepted(confirm(NOW));
    expect(d.events.map((e) => [e.entity, e.entityId, e.from, e.to])).toEqual([
      ['billing', issued().id, 'issued', 'paid'],
      ['order', ORDER_ID, 'awaiting_payment', 'paid'],
    ]);
  });
});

describe('payment.approve and payment.reject (step 10, by the Bendahara)', () => {
  const noProof = refusal(
    'not_found',
    'Bukti bayar yang menunggu tidak ditemukan.',
    'No pending proof of payment with this id.',
  );

  it('refuses to approve or reject a proof id that is not pending', () => {
    const o = orderAt('payment_submitted');
    expect(refuse(o, A.bendahara, 'payment.approve', { proofId: freshId() })).toEqual(noProof);
    expect(
      refuse(o, A.bendahara, 'payment.reject', { proofId: freshId(), reason: 'Nominal tidak sesuai' }),
    ).toEqual(noProof);
  });

  it('records a rejected proof with its reason, and the order back awaiting payment', () => {
    const reason = 'Nominal pada bukti bayar tidak sesuai';
    const d = accepted(
      attempt(orderAt('payment_submitted'), A.bendahara, 'payment.reject', {
        proofId: pendingProof().id,
        reason,
      }),
    );
    expect(d.events.map((e) => [e.entity, e.entityId, e.from, e.to, e.reason])).toEqual([
      ['proof', pendingProof().id, 'submitted', 'rejected', reason],
      ['order', ORDER_ID, 'payment_submitted', 'awaiting_payment', reason],
    ]);
    expect((d.state as Order).proofs[0]).toMatchObject({
      status: 'rejected',
      reason,
      decidedBy: A.bendahara.userId,
    });
  });

  it('records an approved proof, then its e-billing paid with the proof NTPN', () => {
    const d = accepted(
      attempt(orderAt('payment_submitted'), A.bendahara, 'payment.approve', { proofId: pendingProof().id }),
    );
    expect(d.events.map((e) => [e.entity, e.entityId, e.from, e.to])).toEqual([
      ['proof', pendingProof().id, 'submitted', 'approved'],
      ['billing', issued().id, 'issued', 'paid'],
      ['order', ORDER_ID, 'payment_submitted', 'paid'],
    ]);
    expect(currentBilling(d.state as Order)).toMatchObject({ status: 'paid', ntpn: NTPN });
  });
});
