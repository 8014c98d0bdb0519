/** The Bendahara's payment list: every e-billing of the orders read, newest first, with how it was paid. */
import type { OnlineOrder } from '../../../../shared/bridge/online-calls';
import type { Billing } from '../../../../shared/domain/entities';
import { orderRows, type OrderRow } from '../parts/order-rows';

export type PaidVia = 'notification' | 'proof' | null;

export interface PaymentRow extends OrderRow {
  billing: Billing;
  /** How a paid billing was settled: the payment notification (automatic step 9) or an approved proof. */
  via: PaidVia;
}

export function paymentRows(orders: readonly OnlineOrder[]): PaymentRow[] {
  return orderRows(
    orders,
    (order) =>
      order.billings.map((b) => {
        const approved = order.proofs.some((p) => p.billingId === b.id && p.status === 'approved');
        const via: PaidVia = b.status === 'paid' ? (approved ? 'proof' : 'notification') : null;
        return { key: b.id, billing: b, via };
      }),
    (r) => r.billing.paidAt ?? r.billing.issuedAt,
  );
}
