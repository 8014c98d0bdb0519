/** The released E-LHUs in a set of orders (the Ketua Tim's amendment list), newest release first. */
import type { OnlineOrder } from '../../../../shared/bridge/online-calls';
import type { Report, Sample } from '../../../../shared/domain/entities';
import { newestFirst, type OrderRow } from '../parts/order-rows';

export interface ReleasedRow extends OrderRow {
  sample: Sample;
  report: Report;
}

export function releasedReports(orders: readonly OnlineOrder[]): ReleasedRow[] {
  const rows: ReleasedRow[] = [];
  for (const o of orders) {
    for (const s of o.order.samples) {
      for (const r of s.reports) {
        if (r.status === 'released')
          rows.push({ key: r.id, order: o.order, sample: s, report: r, companyName: o.summary.companyName });
      }
    }
  }
  return newestFirst(rows, (r) => r.report.releasedAt ?? r.report.numberedAt);
}
