/**
 * The ONE thing an order waits for from the customer, or who holds it instead (UI.md, "Customer
 * portal"): decided from the order's status, the SOP clock (shared/sop/clock.ts) and the step table
 * (shared/sop/steps.ts), never by rules of its own.
 */
import type { Order, PaymentProof, ReturnNote } from '../../../shared/domain/entities';
import { canDownloadReports, currentBilling, isBillingExpired } from '../../../shared/domain/state';
import { orderStep } from '../../../shared/sop/clock';
import type { Role } from '../../../shared/sop/roles';
import { SOP_STEPS } from '../../../shared/sop/steps';

export type CustomerAction =
  | { kind: 'correct'; reason: string | null }
  | { kind: 'review_tariff' }
  | { kind: 'pay'; rejectedProof: PaymentProof | null }
  | { kind: 'billing_expired' }
  | { kind: 'survey' }
  | { kind: 'download'; canFinish: true }
  | { kind: 'finished' }
  | { kind: 'cancelled' }
  | { kind: 'wait'; step: number; holder: Role };

/** The latest "no" given on the order itself (a return to the customer, a rejected tariff or proof). */
export function latestReturn(order: Order, commands?: readonly string[]): ReturnNote | null {
  const notes = commands ? order.returns.filter((r) => commands.includes(r.command)) : order.returns;
  return notes.length ? notes[notes.length - 1]! : null;
}

export function customerAction(order: Order, now: Date): CustomerAction {
  switch (order.status) {
    case 'returned_to_customer':
      return { kind: 'correct', reason: latestReturn(order, ['order.return_to_customer'])?.reason ?? null };
    case 'tariff_approved':
      return { kind: 'review_tariff' };
    case 'awaiting_payment': {
      const b = currentBilling(order);
      if (b && isBillingExpired(b, now)) return { kind: 'billing_expired' };
      const last = order.proofs[order.proofs.length - 1];
      return { kind: 'pay', rejectedProof: last && last.status === 'rejected' ? last : null };
    }
    case 'reports_released':
      return { kind: 'survey' };
    case 'survey_completed':
      return { kind: 'download', canFinish: true };
    case 'finished':
      return { kind: 'finished' };
    case 'cancelled':
      return { kind: 'cancelled' };
    default: {
      const step = orderStep(order) ?? 4;
      return { kind: 'wait', step, holder: SOP_STEPS[step - 1]!.actor };
    }
  }
}

/** "Unduh LHU" is open only after payment is confirmed and the survey is filled (SOP step 21). */
export function reportsUnlocked(order: Order): boolean {
  return canDownloadReports(order);
}

/** Payment confirmed: Bendahara approved the proof, or the gateway's notification marked it paid. */
export function paymentConfirmed(order: Order): boolean {
  return order.billings.some((b) => b.status === 'paid') || order.proofs.some((p) => p.status === 'approved');
}
