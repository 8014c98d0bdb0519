import type { PerformanceReport, Period } from '../../shared/api/records';
import { WorkingCalendar } from '../../shared/calendar/working-days';
import type { EventEntity } from '../../shared/domain/decide';
import { stepTimings, type StepTiming } from '../../shared/sla';
import { SOP_STEPS } from '../../shared/sop/steps';
import type { Db } from '../db/schema';
import { inPeriod } from './period';
import { ordersById, type Reference } from './load';
import { median, percentileNearestRank } from './stats';

const NOTES: Record<number, string> = {
  1: 'Membuka laman tidak tercatat / opening the site is not recorded',
  2: 'Awal pengisian tidak tercatat / the start of the form is not recorded',
  4: 'Hanya pengajuan ulang yang terukur / only resubmitted orders are timed',
};

/**
 * A step whose start nobody saw: the customer's registration (step 2) and first order (step 4)
 * begin in the customer's browser, so the step "starts" at its own end. Counted, not timed.
 */
export function unmeasured(t: Pick<StepTiming, 'step' | 'startedAt' | 'finishedAt'>): boolean {
  return (t.step === 2 || t.step === 4) && t.startedAt === t.finishedAt;
}

interface Flow {
  orderId: string | null;
  customerId: string | null;
  timings: StepTiming[];
}

/**
 * SOP performance: each step finished in the period, timed by shared/sla.ts from the audit trail
 * (the same arithmetic as the order history and the live SOP clock), against its standard time.
 *
 * - Steps 4-22 are timed per order (11-20 per sample) from the order's events; every event of an
 *   order with a step finished in the period is read, so a step that began before the period is
 *   timed from its real start.
 * - Steps 2-3 are timed per customer account (registration, then activation).
 * - Step 1 (opening the site) leaves no record: no figures.
 */
export async function performanceReport(
  db: Db,
  ref: Reference,
  period: Period,
  now: Date,
  calendar = new WorkingCalendar(),
): Promise<PerformanceReport> {
  const flows: Flow[] = [];

  // Orders with a step finished in the period, then all of their events.
  const touched = await db
    .selectFrom('audit_log')
    .select('order_id')
    .distinct()
    .where('step', 'is not', null)
    .where('order_id', 'is not', null)
    .where('at', '>=', period.start)
    .where('at', '<', period.end)
    .execute();
  const orderIds = touched.map((r) => r.order_id!);
  const byOrder = new Map<
    string,
    { at: string; step: number | null; sampleId: string | null; entity: EventEntity }[]
  >();
  for (let i = 0; i < orderIds.length; i += 500) {
    const rows = await db
      .selectFrom('audit_log')
      .select(['order_id', 'at', 'step', 'sample_id', 'entity'])
      .where('order_id', 'in', orderIds.slice(i, i + 500))
      .orderBy('seq')
      .orderBy('idx')
      .execute();
    for (const r of rows) {
      const list = byOrder.get(r.order_id!) ?? [];
      byOrder.set(r.order_id!, list);
      list.push({ at: r.at, step: r.step, sampleId: r.sample_id, entity: r.entity as EventEntity });
    }
  }
  for (const [orderId, events] of byOrder)
    flows.push({ orderId, customerId: null, timings: stepTimings(events, calendar) });

  // Customer accounts (steps 2 and 3): every account event, timed per account.
  const accountRows = await db
    .selectFrom('audit_log')
    .select(['entity_id', 'at', 'step'])
    .where('entity', '=', 'account')
    .orderBy('seq')
    .orderBy('idx')
    .execute();
  const byAccount = new Map<
    string,
    { at: string; step: number | null; sampleId: null; entity: EventEntity }[]
  >();
  for (const r of accountRows) {
    const list = byAccount.get(r.entity_id) ?? [];
    byAccount.set(r.entity_id, list);
    list.push({ at: r.at, step: r.step, sampleId: null, entity: 'account' });
  }
  for (const [customerId, events] of byAccount)
    flows.push({ orderId: null, customerId, timings: stepTimings(events, calendar) });

  // The timings that finished in the period.
  const perStep = new Map<number, number[]>();
  const counts = new Map<number, number>();
  const overruns: { flow: Flow; t: StepTiming }[] = [];
  const ordersCounted = new Set<string>();
  const ordersOver = new Set<string>();
  let timings = 0;
  for (const flow of flows) {
    for (const t of flow.timings) {
      if (!inPeriod(period, t.finishedAt)) continue;
      timings += 1;
      counts.set(t.step, (counts.get(t.step) ?? 0) + 1);
      if (!unmeasured(t)) {
        const list = perStep.get(t.step) ?? [];
        perStep.set(t.step, list);
        list.push(t.actual);
      }
      if (flow.orderId) ordersCounted.add(flow.orderId);
      if (t.over) {
        overruns.push({ flow, t });
        if (flow.orderId) ordersOver.add(flow.orderId);
      }
    }
  }

  const steps: PerformanceReport['steps'] = SOP_STEPS.map((s) => {
    const values = perStep.get(s.number) ?? [];
    return {
      step: s.number,
      actor: s.actor,
      activity: s.activity,
      standard: { unit: s.standard.unit, value: s.standard.unit === 'none' ? null : s.standard.value },
      unit: s.standard.unit === 'working_days' ? 'working_days' : 'minutes',
      count: counts.get(s.number) ?? 0,
      measured: values.length,
      median: median(values),
      p90: percentileNearestRank(values, 90),
      over: overruns.filter((o) => o.t.step === s.number).length,
      note: NOTES[s.number] ?? (s.standard.unit === 'none' ? 'Tanpa waktu baku / no standard time' : null),
    };
  });

  const involved = await ordersById(db, [
    ...new Set(overruns.map((o) => o.flow.orderId).filter((x): x is string => x !== null)),
  ]);
  const rows: PerformanceReport['overruns'] = overruns
    .map(({ flow, t }) => {
      const order = flow.orderId ? involved.get(flow.orderId) : undefined;
      const sample = t.sampleId ? order?.samples.find((x) => x.id === t.sampleId) : undefined;
      const customerId = order?.customerId ?? flow.customerId;
      return {
        step: t.step,
        orderId: flow.orderId,
        orderNumber: order?.number ?? null,
        sampleId: t.sampleId,
        sampleNumber: sample?.number ?? null,
        customerName: customerId ? ref.customerName(customerId) : '-',
        startedAt: t.startedAt,
        finishedAt: t.finishedAt,
        actual: t.actual,
        standard: t.standard.unit === 'none' ? 0 : t.standard.value,
        unit: t.standard.unit === 'working_days' ? ('working_days' as const) : ('minutes' as const),
      };
    })
    .sort((a, b) => a.step - b.step || Date.parse(a.finishedAt) - Date.parse(b.finishedAt));

  return {
    kind: 'performance',
    unit: ref.unit,
    period,
    generatedAt: now.toISOString(),
    steps,
    overruns: rows,
    totals: { timings, over: overruns.length, orders: ordersCounted.size, ordersOver: ordersOver.size },
  };
}
