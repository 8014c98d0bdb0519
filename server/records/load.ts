import type { Period } from '../../shared/api/records';
import type { Order, Sample } from '../../shared/domain/entities';
import type { Db } from '../db/schema';

/**
 * What every record reads: the unit's name, the customers', the labs' and the sample types' (whose
 * lab a sample belongs to before CS registers it), and the orders of a period.
 *
 * Orders are read from their stored JSON without validating them again (they were validated when
 * written; a register of a year holds thousands): the records use only fields every stored order
 * has.
 */
export interface Reference {
  unit: { code: string; name: string };
  customerName(id: string): string;
  labName(id: string | null): string;
  /** The lab of a sample: the one CS picked, or the lab of its sample type. */
  labOf(sample: Pick<Sample, 'labId' | 'sampleTypeId'>): string | null;
}

export async function readReference(db: Db, unitCode: string): Promise<Reference> {
  const [unit, customers, labs, types] = await Promise.all([
    db.selectFrom('units').select(['code', 'name']).where('code', '=', unitCode).executeTakeFirst(),
    db.selectFrom('customers').select(['id', 'company_name']).execute(),
    db.selectFrom('labs').select(['id', 'name']).execute(),
    db.selectFrom('sample_types').select(['id', 'lab_id']).execute(),
  ]);
  const customerNames = new Map(customers.map((c) => [c.id, c.company_name]));
  const labNames = new Map(labs.map((l) => [l.id, l.name]));
  const typeLab = new Map(types.map((t) => [t.id, t.lab_id]));
  return {
    unit: { code: unitCode, name: unit?.name ?? unitCode },
    customerName: (id) => customerNames.get(id) ?? '-',
    labName: (id) => (id === null ? '-' : (labNames.get(id) ?? '-')),
    labOf: (s) => s.labId ?? typeLab.get(s.sampleTypeId) ?? null,
  };
}

const parse = (data: string) => JSON.parse(data) as Order;

/** The stored JSON of orders, joined to their row so a caller can narrow by submitted_at and updated_at. */
const orderDocuments = (db: Db) =>
  db
    .selectFrom('orders')
    .innerJoin('order_data', 'order_data.order_id', 'orders.id')
    .select(['order_data.data']);

/** Orders submitted in the period, oldest first. */
export async function ordersSubmittedIn(db: Db, period: Period): Promise<Order[]> {
  const rows = await orderDocuments(db)
    .where('orders.submitted_at', '>=', period.start)
    .where('orders.submitted_at', '<', period.end)
    .execute();
  // Each time parsed once, not twice per comparison (10,000 orders: ~270,000 comparisons).
  const keyed = rows.map((r) => {
    const o = parse(r.data);
    return { o, t: Date.parse(o.submittedAt) };
  });
  keyed.sort((a, b) => a.t - b.t || (a.o.id < b.o.id ? -1 : a.o.id > b.o.id ? 1 : 0));
  return keyed.map((k) => k.o);
}

/**
 * Orders that may hold something that happened in the period: submitted before its end and
 * changed at or after its start (anything that happens to an order is a command, which updates
 * the row's `updated_at`). Callers pick what happened in the period from these.
 */
export async function ordersActiveIn(db: Db, period: Period): Promise<Order[]> {
  const rows = await orderDocuments(db)
    .where('orders.submitted_at', '<', period.end)
    .where('orders.updated_at', '>=', period.start)
    .execute();
  return rows.map((r) => parse(r.data));
}

/** Orders by id (the performance report's overruns), in chunks the databases accept. */
export async function ordersById(db: Db, ids: readonly string[]): Promise<Map<string, Order>> {
  const out = new Map<string, Order>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await db.selectFrom('order_data').select(['data']).where('order_id', 'in', chunk).execute();
    for (const r of rows) {
      const o = parse(r.data);
      out.set(o.id, o);
    }
  }
  return out;
}
