/** The released E-LHUs in a set of orders (the Ketua Tim's amendment list), newest release first. */
import type { OnlineOrder } from '../../../../shared/bridge/online-calls';
import type { Report, Sample } from '../../../../shared/domain/entities';
import { orderRows, type OrderRow } from '../parts/order-rows';

export interface ReleasedRow extends OrderRow {
  sample: Sample;
  report: Report;
}

export function releasedReports(orders: readonly OnlineOrder[]): ReleasedRow[] {
  return orderRows(
    orders,
    (order) =>
      order.samples.flatMap((sample) =>
        sample.reports
          .filter((report) => report.status === 'released')
          .map((report) => ({ key: report.id, sample, report })),
      ),
    (r) => r.report.releasedAt ?? r.report.numberedAt,
  );
}
