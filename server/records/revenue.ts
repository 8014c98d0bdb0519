import type { Period, RevenueReport } from '../../shared/api/records';
import { orderTotals } from '../../shared/tariffs';
import type { Db } from '../db/schema';
import { inPeriod } from './period';
import { ordersActiveIn, type Reference } from './load';

/**
 * PNBP revenue of the period: the e-billings paid in it, spread over the parameters and labs of
 * their orders with the approved tariffs (shared/tariffs.ts: per parameter per sample, integer
 * rupiah). An order is paid once (one paid billing; an expired one is replaced, never paid).
 */
export async function revenueReport(
  db: Db,
  ref: Reference,
  period: Period,
  now: Date,
): Promise<RevenueReport> {
  const byParameter = new Map<string, RevenueReport['byParameter'][number]>();
  const byLab = new Map<string, RevenueReport['byLab'][number] & { sampleIds: Set<string> }>();
  const payments: RevenueReport['payments'] = [];
  for (const o of await ordersActiveIn(db, period)) {
    const paid = o.billings.find((b) => b.status === 'paid' && inPeriod(period, b.paidAt));
    if (!paid) continue;
    payments.push({
      orderId: o.id,
      orderNumber: o.number,
      customerName: ref.customerName(o.customerId),
      billingCode: paid.code,
      ntpn: paid.ntpn,
      paidAt: paid.paidAt!,
      amount: paid.amount,
    });
    const totals = orderTotals(o);
    for (const [i, st] of totals.samples.entries()) {
      const sample = o.samples[i]!;
      const labId = ref.labOf(sample);
      const labKey = labId ?? '-';
      const lab = byLab.get(labKey) ?? {
        labId,
        labName: ref.labName(labId),
        samples: 0,
        count: 0,
        amount: 0,
        sampleIds: new Set<string>(),
      };
      byLab.set(labKey, lab);
      lab.sampleIds.add(sample.id);
      for (const line of st.lines) {
        const analysis = sample.analyses.find((a) => a.id === line.analysisId)!;
        const p = byParameter.get(analysis.parameterId) ?? {
          parameterId: analysis.parameterId,
          parameterName: line.parameterName,
          sampleType: sample.sampleTypeName,
          labName: lab.labName,
          count: 0,
          amount: 0,
        };
        byParameter.set(analysis.parameterId, p);
        p.count += 1;
        p.amount += line.tariff;
        lab.count += 1;
        lab.amount += line.tariff;
      }
    }
  }
  payments.sort((a, b) => Date.parse(a.paidAt) - Date.parse(b.paidAt));
  const labs = [...byLab.values()]
    .map(({ sampleIds, ...l }) => ({ ...l, samples: sampleIds.size }))
    .sort((a, b) => b.amount - a.amount || a.labName.localeCompare(b.labName));
  const params = [...byParameter.values()].sort(
    (a, b) =>
      a.labName.localeCompare(b.labName) ||
      a.sampleType.localeCompare(b.sampleType) ||
      b.amount - a.amount ||
      a.parameterName.localeCompare(b.parameterName),
  );
  return {
    kind: 'revenue',
    unit: ref.unit,
    period,
    generatedAt: now.toISOString(),
    byParameter: params,
    byLab: labs,
    payments,
    totals: {
      orders: payments.length,
      amount: labs.reduce((s, l) => s + l.amount, 0),
      billed: payments.reduce((s, p) => s + p.amount, 0),
    },
  };
}
