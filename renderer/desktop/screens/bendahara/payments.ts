/** The Bendahara's payment list: every e-billing of the orders read, newest first, with how it was paid. */
import type { OnlineOrder } from '../../../../shared/bridge/online-calls';
import type { Billing } from '../../../../shared/domain/entities';
import { newestFirst, type OrderRow } from '../parts/order-rows';

export type PaidVia = 'notification' | 'proof' | null;

export interface PaymentRow extends OrderRow {
  billing: Billing;
  /** How a paid billing was settled: the payment notification (automatic step 9) or an approved proof. */
  via: PaidVia;
}

export function paymentRows(orders: readonly OnlineOrder[]): PaymentRow[] {
  const rows: PaymentRow[] = [];
  for (const o of orders) {
    for (const b of o.order.billings) {
      const approved = o.order.proofs.some((p) => p.billingId === b.id && p.status === 'approved');
      rows.push({
        key: b.id,
        order: o.order,
        companyName: o.summary.companyName,
        billing: b,
        via: b.status === 'paid' ? (approved ? 'proof' : 'notification') : null,
      });
    }
  }
  return newestFirst(rows, (r) => r.billing.paidAt ?? r.billing.issuedAt);
}
