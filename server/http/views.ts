import type { OrderResponse } from '../../shared/api/http';
import type { Order } from '../../shared/domain/entities';
import type { Actor } from '../../shared/domain/state';
import { orderTotals } from '../../shared/tariffs';

/**
 * What a reader gets of an order. A customer sees results only once the sample's E-LHU is
 * released (before that they are the lab's working data, not yet verified and signed).
 */
export function viewOrder(actor: Actor, order: Order): Order {
  if (actor.role !== 'pelanggan') return order;
  return {
    ...order,
    samples: order.samples.map((s) =>
      s.status === 'released'
        ? s
        : {
            ...s,
            analyses: s.analyses.map((a) => ({
              ...a,
              result: null,
              enteredBy: null,
              verifiedBy: null,
              validatedBy: null,
            })),
          },
    ),
  };
}

export function orderResponse(actor: Actor, order: Order): OrderResponse {
  const t = orderTotals(order);
  return { order: viewOrder(actor, order), totals: { total: t.total, parameterCount: t.parameterCount } };
}
