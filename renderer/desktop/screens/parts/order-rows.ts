/** The rows of the front office's order lists (the payments, the released E-LHUs): one thing of one order a row. */
import type { Order } from '../../../../shared/domain/entities';

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
