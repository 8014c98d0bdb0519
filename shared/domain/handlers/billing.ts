/** Money: the tariff (step 7), the e-billing (8-9) and its payment (10). */
import type { CommandType } from '../commands';
import type { Billing, PaymentProof } from '../entities';
import { reject, type Rejection } from '../rejections';
import { currentBilling, isBillingExpired, orderTotal } from '../state';
import { applyToAnalyses, emit, moveOrder, type Ctx, type Handlers } from './context';

export const BILLING_HANDLERS = {
  'tariff.approve': (ctx) => {
    const o = ctx.order!;
    const refused = applyToAnalyses(o, ctx.payload.adjustments, (a, adj) => {
      a.tariff = adj.tariff;
    });
    if (refused) return refused;
    o.tariffApprovedBy = ctx.actor.userId;
    o.tariffTotal = orderTotal(o);
    moveOrder(ctx, 'tariff_approved');
  },
  'tariff.reject': (ctx) => {
    ctx.order!.tariffApprovedBy = null;
    ctx.order!.tariffTotal = null;
    moveOrder(ctx, 'validated', ctx.payload.reason);
  },
  'billing.request': (ctx) => moveOrder(ctx, 'billing_requested'),
  'billing.issue': (ctx) => issueBilling(ctx),
  'billing.reissue': (ctx) => {
    const current = currentBilling(ctx.order!);
    if (!current || !isBillingExpired(current, ctx.now)) {
      return reject(
        'invalid_transition',
        'E-billing yang berlaku belum kedaluwarsa; terbitkan ulang hanya setelah kedaluwarsa.',
        'The current e-billing has not expired; re-issue only after it expires.',
      );
    }
    current.status = 'replaced';
    emit(ctx, 'billing', current.id, 'issued', 'replaced');
    return issueBilling(ctx);
  },
  'payment.upload_proof': (ctx) => {
    const o = ctx.order!;
    const billing = currentBilling(o);
    if (!billing || billing.status !== 'issued')
      return reject(
        'invalid_transition',
        'Tidak ada e-billing yang harus dibayar.',
        'There is no e-billing to pay.',
      );
    if (isBillingExpired(billing, ctx.now)) {
      return reject(
        'invalid_transition',
        'E-billing sudah kedaluwarsa; minta Bendahara menerbitkan ulang.',
        'The e-billing has expired; ask the Bendahara to re-issue it.',
      );
    }
    if (o.proofs.some((p) => p.id === ctx.payload.proofId))
      return reject('invalid_payload', 'Bukti bayar ini sudah diunggah.', 'This proof was already uploaded.');
    o.proofs.push({
      id: ctx.payload.proofId,
      billingId: billing.id,
      fileId: ctx.payload.fileId,
      ntpn: ctx.payload.ntpn,
      status: 'submitted',
      uploadedAt: ctx.at,
      decidedBy: null,
      reason: null,
    });
    emit(ctx, 'proof', ctx.payload.proofId, null, 'submitted');
    moveOrder(ctx, 'payment_submitted');
  },
  'payment.confirm_auto': (ctx) => {
    const o = ctx.order!;
    const billing = currentBilling(o);
    if (!billing || billing.code !== ctx.payload.billingCode) {
      return reject(
        'invalid_payload',
        'Kode billing tidak cocok dengan e-billing yang berlaku.',
        'Billing code does not match the current e-billing.',
      );
    }
    if (Date.parse(ctx.payload.paidAt) > Date.parse(billing.expiresAt)) {
      return reject(
        'invalid_transition',
        'Pembayaran tercatat setelah e-billing kedaluwarsa.',
        'Payment recorded after the e-billing expired.',
      );
    }
    for (const p of o.proofs)
      if (p.status === 'submitted') {
        p.status = 'approved';
        p.decidedBy = ctx.actor.userId;
      }
    payOrder(ctx, billing, ctx.payload.ntpn, ctx.payload.paidAt);
  },
  'payment.approve': (ctx) => {
    const proof = decideProof(ctx, 'approved');
    if ('ok' in proof) return proof;
    const billing = ctx.order!.billings.find((b) => b.id === proof.billingId)!;
    payOrder(ctx, billing, proof.ntpn, proof.uploadedAt);
  },
  'payment.reject': (ctx) => {
    const proof = decideProof(ctx, 'rejected', ctx.payload.reason);
    if ('ok' in proof) return proof;
    moveOrder(ctx, 'awaiting_payment', ctx.payload.reason);
  },
} satisfies Partial<Handlers>;

/** The Bendahara's decision on the pending proof the payload names (a rejection gives its reason). */
function decideProof(
  ctx: Ctx<'payment.approve' | 'payment.reject'>,
  to: 'approved' | 'rejected',
  reason: string | null = null,
): PaymentProof | Rejection {
  const proof = ctx.order!.proofs.find((p) => p.id === ctx.payload.proofId && p.status === 'submitted');
  if (!proof)
    return reject(
      'not_found',
      'Bukti bayar yang menunggu tidak ditemukan.',
      'No pending proof of payment with this id.',
    );
  proof.status = to;
  proof.decidedBy = ctx.actor.userId;
  proof.reason = reason;
  emit(ctx, 'proof', proof.id, 'submitted', to, { reason });
  return proof;
}

/** The e-billing is paid (by the payment gateway's notice or an approved proof), and so is the order. */
function payOrder(ctx: Ctx<CommandType>, billing: Billing, ntpn: Billing['ntpn'], paidAt: string) {
  billing.status = 'paid';
  billing.ntpn = ntpn;
  billing.paidAt = paidAt;
  emit(ctx, 'billing', billing.id, 'issued', 'paid');
  moveOrder(ctx, 'paid');
}

function issueBilling(ctx: Ctx<'billing.issue' | 'billing.reissue'>): Rejection | void {
  const o = ctx.order!;
  const p = ctx.payload;
  if (Date.parse(p.expiresAt) <= ctx.now.getTime()) {
    return reject(
      'invalid_payload',
      'Tanggal kedaluwarsa e-billing harus di masa depan.',
      'The e-billing expiry must be in the future.',
    );
  }
  if (o.billings.some((b) => b.id === p.billingId || b.code === p.code)) {
    return reject(
      'invalid_payload',
      'Kode atau id e-billing sudah dipakai.',
      'E-billing code or id already used.',
    );
  }
  const amount = o.tariffTotal ?? orderTotal(o);
  o.billings.push({
    id: p.billingId,
    code: p.code,
    amount,
    status: 'issued',
    issuedAt: ctx.at,
    expiresAt: p.expiresAt,
    ntpn: null,
    paidAt: null,
  });
  emit(ctx, 'billing', p.billingId, null, 'issued');
  moveOrder(ctx, 'awaiting_payment');
}
