/**
 * The front office's "Pekerjaan saya" as data: from whole orders (online.orders) to one row per
 * step waiting for this role (an order for steps 5, 6, 8, 10; a sample for 11, 17, 18, 20), with
 * the SOP step and the time it has waited since, in the worklists' order (overdue first, then
 * oldest). The rules of what waits for whom come from the shared SOP and permission tables; this
 * module only picks and sorts.
 */
import type { OnlineOrder } from '../../../../shared/bridge/online-calls';
import type { Billing, Order, Sample } from '../../../../shared/domain/entities';
import type { OrderStatus } from '../../../../shared/domain/states';
import { dueAt, sampleWaiting } from '../../../../shared/sop/clock';
import type { Role } from '../../../../shared/sop/roles';

export type WorkAction =
  | 'validate' // 5 CS
  | 'register' // 11 CS
  | 'requestSignature' // 18 CS
  | 'release' // 20 CS
  | 'approveTariff' // 6 Ketua Tim
  | 'numberReport' // 17 Ketua Tim
  | 'issueBilling' // 8 Bendahara
  | 'reissueBilling' // 8 Bendahara, the billing expired
  | 'checkProof'; // 10 Bendahara

export interface WorkItem {
  /** Unique in the list: the order id, or order:sample. */
  key: string;
  action: WorkAction;
  step: number;
  /** When the work reached this role (the clock's start), or null when unknown. */
  since: string | null;
  order: Order;
  sample: Sample | null;
  companyName: string;
  total: number;
  parameterCount: number;
  /** What the row shows as its number: the sample's, else the order's, else a short id. */
  number: string;
}

/** The order statuses each role's "Pekerjaan saya" reads. */
export const WORK_STATUSES: Partial<Record<Role, OrderStatus[]>> = {
  cs: ['submitted', 'paid', 'in_lab'],
  ketua_tim_pji: ['validated', 'in_lab'],
  bendahara: ['billing_requested', 'awaiting_payment', 'payment_submitted'],
};

/** The billing the customer should pay now (the one issued, not replaced), if any. */
export function currentBilling(order: Order): Billing | null {
  const issued = order.billings.filter((b) => b.status !== 'replaced');
  return issued[issued.length - 1] ?? null;
}

/** SIMPONI's words for a billing: Belum dibayar, Lunas, Kedaluwarsa (an issued one past its expiry). */
export type SimponiStatus = 'belum_dibayar' | 'lunas' | 'kedaluwarsa' | 'diganti';
export function simponiStatus(b: Billing, now: Date): SimponiStatus {
  if (b.status === 'paid') return 'lunas';
  if (b.status === 'replaced') return 'diganti';
  return Date.parse(b.expiresAt) <= now.getTime() ? 'kedaluwarsa' : 'belum_dibayar';
}

const shortId = (id: string) => id.slice(0, 8);

function base(o: OnlineOrder): Pick<WorkItem, 'order' | 'companyName' | 'total' | 'parameterCount'> {
  return {
    order: o.order,
    companyName: o.summary.companyName,
    total: o.totals.total,
    parameterCount: o.totals.parameterCount,
  };
}

function orderItem(
  o: OnlineOrder,
  action: WorkAction,
  step: number,
  since: string | null = o.order.statusSince ?? o.summary.updatedAt,
): WorkItem {
  return {
    ...base(o),
    key: o.order.id,
    action,
    step,
    since,
    sample: null,
    number: o.order.number ?? shortId(o.order.id),
  };
}

function sampleItem(o: OnlineOrder, s: Sample, action: WorkAction): WorkItem {
  const w = sampleWaiting(s, o.order);
  return {
    ...base(o),
    key: `${o.order.id}:${s.id}`,
    action,
    step: w?.step ?? 0,
    since: w?.since ?? null,
    sample: s,
    parameterCount: s.analyses.filter((a) => a.status !== 'retest').length,
    // Two unnumbered samples of one order must not look alike: "ORD/…/00027 · 2/2".
    number:
      s.number ??
      `${o.order.number ?? shortId(o.order.id)}${o.order.samples.length > 1 ? ` · ${o.order.samples.indexOf(s) + 1}/${o.order.samples.length}` : ''}`,
  };
}

const SAMPLE_ACTIONS: Partial<Record<Role, Partial<Record<Sample['status'], WorkAction>>>> = {
  cs: { awaiting_registration: 'register', report_numbered: 'requestSignature', signed: 'release' },
  ketua_tim_pji: { results_validated: 'numberReport' },
};

/** The rows of work waiting for `role` in these orders, overdue first, then oldest. */
export function workItems(role: Role, orders: readonly OnlineOrder[], now: Date): WorkItem[] {
  const out: WorkItem[] = [];
  for (const o of orders) {
    const st = o.order.status;
    if (role === 'cs' && st === 'submitted') out.push(orderItem(o, 'validate', 5));
    if (role === 'ketua_tim_pji' && st === 'validated') out.push(orderItem(o, 'approveTariff', 6));
    if (role === 'bendahara') {
      if (st === 'billing_requested') out.push(orderItem(o, 'issueBilling', 8));
      if (st === 'payment_submitted') out.push(orderItem(o, 'checkProof', 10));
      if (st === 'awaiting_payment') {
        const b = currentBilling(o.order);
        if (b && simponiStatus(b, now) === 'kedaluwarsa')
          out.push(orderItem(o, 'reissueBilling', 8, b.expiresAt));
      }
    }
    const bySample = SAMPLE_ACTIONS[role];
    if (bySample && (st === 'paid' || st === 'in_lab')) {
      for (const s of o.order.samples) {
        const action = bySample[s.status];
        if (action) out.push(sampleItem(o, s, action));
      }
    }
  }
  return sortWork(out, now);
}

/** Overdue first (by how far over), then the oldest wait; unknown starts last. */
export function sortWork(items: WorkItem[], now: Date): WorkItem[] {
  const due = new Map(items.map((i) => [i.key, i.since && i.step > 0 ? dueAt(i.step, i.since) : null]));
  const t = now.getTime();
  return [...items].sort((a, b) => {
    const da = due.get(a.key);
    const db = due.get(b.key);
    const oa = da ? Date.parse(da) < t : false;
    const ob = db ? Date.parse(db) < t : false;
    if (oa !== ob) return oa ? -1 : 1;
    if (oa && ob) return Date.parse(da!) - Date.parse(db!);
    if (a.since === null || b.since === null) return a.since === null ? (b.since === null ? 0 : 1) : -1;
    return Date.parse(a.since) - Date.parse(b.since);
  });
}
