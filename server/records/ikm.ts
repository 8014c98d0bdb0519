import type { IkmReport, Period } from '../../shared/api/records';
import { IKM_ELEMENTS, ikmIndex } from '../../shared/domain/entities';
import { ikmSummary, roundIkm } from '../../shared/ikm';
import type { Db } from '../db/schema';
import { inPeriod, wibMonth } from './period';
import { ordersActiveIn, type Reference } from './load';

/** The survey results (step 21) of the period: the IKM with its category, per element and per month. */
export async function ikmReport(db: Db, ref: Reference, period: Period, now: Date): Promise<IkmReport> {
  const responses: IkmReport['responses'] = [];
  for (const o of await ordersActiveIn(db, period)) {
    if (!o.survey || !inPeriod(period, o.survey.submittedAt)) continue;
    responses.push({
      orderId: o.id,
      orderNumber: o.number,
      customerName: ref.customerName(o.customerId),
      submittedAt: o.survey.submittedAt,
      scores: o.survey.scores,
      index: roundIkm(ikmIndex(o.survey.scores)),
      comment: o.survey.comment,
    });
  }
  responses.sort((a, b) => Date.parse(a.submittedAt) - Date.parse(b.submittedAt));
  const all = ikmSummary(responses.map((r) => r.scores));
  const months = new Map<string, number[][]>();
  for (const m of monthsOf(period)) months.set(m, []);
  for (const r of responses) months.get(wibMonth(r.submittedAt))?.push(r.scores);
  return {
    kind: 'ikm',
    unit: ref.unit,
    period,
    generatedAt: now.toISOString(),
    count: all.count,
    index: all.index,
    category: all.category,
    elements: IKM_ELEMENTS.map((e, i) => ({
      key: e.key,
      label: { id: e.id, en: e.en },
      mean: all.elementMeans[i]!,
    })),
    byMonth: [...months].map(([month, surveys]) => {
      const s = ikmSummary(surveys);
      return { month, count: s.count, index: s.index, category: s.category };
    }),
    responses,
  };
}

/** The calendar months the period touches: "2025-01", "2025-02", ... */
function monthsOf(period: Period): string[] {
  const out: string[] = [];
  let [y, m] = period.from.split('-').map(Number) as [number, number];
  const last = period.to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= last) return out;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}
