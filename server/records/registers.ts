import type { OrderRegister, Period, ReportRegister, SampleRegister } from '../../shared/api/records';
import type { Order, Sample } from '../../shared/domain/entities';
import { activeAnalyses, currentReport, orderTotal } from '../../shared/domain/state';
import type { Db } from '../db/schema';
import { inPeriod } from './period';
import { ordersActiveIn, ordersSubmittedIn, type Reference } from './load';

type Header = Pick<OrderRegister, 'unit' | 'period' | 'generatedAt'>;
const header = (ref: Reference, period: Period, now: Date): Header => ({
  unit: ref.unit,
  period,
  generatedAt: now.toISOString(),
});

/** The order register: orders submitted in the period. */
export async function orderRegister(
  db: Db,
  ref: Reference,
  period: Period,
  now: Date,
): Promise<OrderRegister> {
  return orderRegisterOf(await ordersSubmittedIn(db, period), ref, period, now);
}

export function orderRegisterOf(
  orders: readonly Order[],
  ref: Reference,
  period: Period,
  now: Date,
): OrderRegister {
  const byStatus: Record<string, number> = {};
  let samples = 0;
  let amount = 0;
  const rows = orders.map((o) => {
    const total = o.tariffTotal ?? orderTotal(o);
    byStatus[o.status] = (byStatus[o.status] ?? 0) + 1;
    samples += o.samples.length;
    amount += total;
    return {
      orderId: o.id,
      number: o.number,
      submittedAt: o.submittedAt,
      customerId: o.customerId,
      customerName: ref.customerName(o.customerId),
      sampleCount: o.samples.length,
      sampleTypes: [...new Set(o.samples.map((s) => s.sampleTypeName))],
      parameterCount: o.samples.reduce((n, s) => n + activeAnalyses(s).length, 0),
      total,
      status: o.status,
      paidAt: o.billings.find((b) => b.status === 'paid')?.paidAt ?? null,
      finishedAt: o.finishedAt,
    };
  });
  return {
    kind: 'orders',
    ...header(ref, period, now),
    rows,
    totals: { orders: rows.length, samples, amount, byStatus },
  };
}

/** The rows the samples of the orders active in the period give, each sample none, one or several. */
async function rowsOfActiveSamples<R>(
  db: Db,
  period: Period,
  rowsOf: (order: Order, sample: Sample) => R[],
): Promise<R[]> {
  const orders = await ordersActiveIn(db, period);
  return orders.flatMap((o) => o.samples.flatMap((s) => rowsOf(o, s)));
}

/** The sample register: samples registered (received, step 11) in the period, in that order. */
export async function sampleRegister(
  db: Db,
  ref: Reference,
  period: Period,
  now: Date,
): Promise<SampleRegister> {
  const rows = await rowsOfActiveSamples(db, period, (o, s): SampleRegister['rows'] => {
    if (!inPeriod(period, s.receivedAt)) return [];
    const labId = ref.labOf(s);
    return [
      {
        sampleId: s.id,
        orderId: o.id,
        number: s.number,
        orderNumber: o.number,
        receivedAt: s.receivedAt,
        customerName: ref.customerName(o.customerId),
        sampleType: s.sampleTypeName,
        description: s.description,
        customerLabel: s.customerLabel,
        labId,
        labName: ref.labName(labId),
        parameterCount: activeAnalyses(s).length,
        status: s.status,
        reportNumber: currentReport(s)?.number ?? null,
      },
    ];
  });
  rows.sort(
    (a, b) =>
      Date.parse(a.receivedAt) - Date.parse(b.receivedAt) || (a.number ?? '').localeCompare(b.number ?? ''),
  );
  const byLab: Record<string, number> = {};
  for (const r of rows) byLab[r.labName] = (byLab[r.labName] ?? 0) + 1;
  return {
    kind: 'samples',
    ...header(ref, period, now),
    rows,
    totals: { samples: rows.length, parameters: rows.reduce((n, r) => n + r.parameterCount, 0), byLab },
  };
}

/** The report (LHU) register: numbers given (step 17) in the period, amended and superseded ones included. */
export async function reportRegister(
  db: Db,
  ref: Reference,
  period: Period,
  now: Date,
): Promise<ReportRegister> {
  const rows = await rowsOfActiveSamples(db, period, (o, s) =>
    s.reports.flatMap((r): ReportRegister['rows'] => {
      if (!inPeriod(period, r.numberedAt)) return [];
      const replaced = r.replaces ? s.reports.find((x) => x.id === r.replaces) : undefined;
      return [
        {
          reportId: r.id,
          number: r.number,
          orderId: o.id,
          orderNumber: o.number,
          sampleId: s.id,
          sampleNumber: s.number,
          customerName: ref.customerName(o.customerId),
          sampleType: s.sampleTypeName,
          labName: ref.labName(ref.labOf(s)),
          numberedAt: r.numberedAt,
          signedAt: r.signedAt,
          releasedAt: r.releasedAt,
          status: r.status,
          replacesNumber: replaced?.number ?? null,
          amendReason: r.amendReason,
        },
      ];
    }),
  );
  rows.sort(
    (a, b) => Date.parse(a.numberedAt) - Date.parse(b.numberedAt) || a.number.localeCompare(b.number),
  );
  return {
    kind: 'reports',
    ...header(ref, period, now),
    rows,
    totals: {
      reports: rows.length,
      released: rows.filter((r) => r.releasedAt !== null).length,
      amended: rows.filter((r) => r.replacesNumber !== null).length,
    },
  };
}
