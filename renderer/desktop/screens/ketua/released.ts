/** The released E-LHUs in a set of orders (the Ketua Tim's amendment list), newest release first. */
import type { OnlineOrder } from '../../../../shared/bridge/online-calls';
import type { Order, Report, Sample } from '../../../../shared/domain/entities';

export interface ReleasedRow {
  key: string;
  order: Order;
  sample: Sample;
  report: Report;
  companyName: string;
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
  return rows.sort(
    (a, b) =>
      Date.parse(b.report.releasedAt ?? b.report.numberedAt) -
      Date.parse(a.report.releasedAt ?? a.report.numberedAt),
  );
}
