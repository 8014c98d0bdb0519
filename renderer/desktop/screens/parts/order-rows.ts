/** The rows of the front office's order lists (the payments, the released E-LHUs): one thing of one order a row. */
import type { OnlineOrder } from '../../../../shared/bridge/online-calls';
import type { Order } from '../../../../shared/domain/entities';
import { ORDER_STATUSES, type OrderStatus } from '../../../../shared/domain/states';

/** A row for one thing of an order (a billing, a report), keyed by that thing's id. */
export interface OrderRow {
  key: string;
  order: Order;
  companyName: string;
}

/** The rows sorted newest first, by the ISO instant `at` reads of each. */
export function newestFirst<T>(rows: T[], at: (row: T) => string): T[] {
  return rows.sort((a, b) => Date.parse(at(b)) - Date.parse(at(a)));
}

/**
 * The rows of `orders`: `each` gives an order's things (its billings, its released reports), each
 * row then stands with its order and customer; newest first by `at`.
 */
export function orderRows<T extends { key: string }>(
  orders: readonly OnlineOrder[],
  each: (order: Order) => T[],
  at: (row: OrderRow & T) => string,
): (OrderRow & T)[] {
  const rows = orders.flatMap((o) =>
    each(o.order).map((thing) => ({ ...thing, order: o.order, companyName: o.summary.companyName })),
  );
  return newestFirst(rows, at);
}

/** The order states from `first` on, in the SOP's order, to its close (the cancelled exit left out). */
export function statusesFrom(first: OrderStatus): OrderStatus[] {
  return ORDER_STATUSES.slice(ORDER_STATUSES.indexOf(first), ORDER_STATUSES.indexOf('finished') + 1);
}
