import { sql } from 'kysely';
import { AccountSchema, OrderSchema, type Account, type Order } from '../../shared/domain/entities';
import type { DomainEvent } from '../../shared/domain/decide';
import { orderTotal } from '../../shared/domain/state';
import type { DbHandle, DialectName } from '../db/connect';
import type { Database, Trx } from '../db/schema';
import type { Kysely } from 'kysely';
import { accessPrincipals, bucketMembers } from './access';

type Q = Kysely<Database>;

/**
 * Parsed orders by id and version, one cache per database (`orderCacheOf`): two databases in one
 * process (tests run SQLite and PostgreSQL side by side, with the same demo ids) must never read
 * each other's orders. An order's version grows with every accepted command, so an entry is valid
 * as long as the row still has its version (checked on every read, also across server processes).
 * Entries are put only from committed data. Cached orders are shared: treat them as immutable
 * (decide works on its own copy).
 */
export class OrderCache {
  private static readonly MAX = 5000;
  private readonly entries = new Map<string, { version: number; order: Order }>();

  /** The cached order when it is still at `version`. */
  get(id: string, version: number): Order | undefined {
    const hit = this.entries.get(id);
    return hit && hit.version === version ? hit.order : undefined;
  }

  remember(order: Order): void {
    this.entries.delete(order.id);
    this.entries.set(order.id, { version: order.version, order });
    if (this.entries.size > OrderCache.MAX) this.entries.delete(this.entries.keys().next().value!);
  }
}

const caches = new WeakMap<DbHandle, OrderCache>();
/** The order cache of one database (its handle): lives and dies with it. */
export function orderCacheOf(handle: DbHandle): OrderCache {
  let cache = caches.get(handle);
  if (!cache) caches.set(handle, (cache = new OrderCache()));
  return cache;
}

/**
 * Read an order; on PostgreSQL inside a transaction, with a row lock held until commit. With the
 * database's `cache`, an unchanged order is not parsed again.
 */
export async function loadOrder(
  q: Q,
  id: string,
  opts: { lock?: DialectName; cache?: OrderCache } = {},
): Promise<{ order: Order; members: string } | null> {
  let query = q.selectFrom('orders').select(['version', 'members']).where('id', '=', id);
  if (opts.lock === 'postgres') query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return null;
  const hit = opts.cache?.get(id, row.version);
  if (hit) return { order: hit, members: row.members };
  // One statement for row and JSON: outside a transaction two statements could see two commits.
  const full = await q
    .selectFrom('orders')
    .innerJoin('order_data', 'order_data.order_id', 'orders.id')
    .select(['orders.version', 'orders.members', 'order_data.data'])
    .where('orders.id', '=', id)
    .executeTakeFirstOrThrow();
  const order = parseOrder(full.data);
  if (order.version !== full.version)
    throw new Error(`order ${id}: data version ${order.version} differs from row version ${full.version}`);
  // Read inside a transaction that may still roll back: not remembered.
  if (!opts.lock) opts.cache?.remember(order);
  return { order, members: full.members };
}

export function parseOrder(data: string): Order {
  return OrderSchema.parse(JSON.parse(data));
}

export async function loadAccount(
  q: Q,
  id: string,
  opts: { lock?: DialectName } = {},
): Promise<Account | null> {
  let query = q.selectFrom('customers').select(['data', 'version']).where('id', '=', id);
  if (opts.lock === 'postgres') query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return null;
  return AccountSchema.parse({ customer: JSON.parse(row.data), version: row.version });
}

/**
 * Next position of the change feed. On SQLite (one writer at a time) a counter row: positions commit
 * in order. On PostgreSQL a sequence: no lock is held, so positions may commit out of order; every
 * change row also records its transaction id (xid8, set by column defaults and the orders trigger,
 * migration 0005) and a pull only hands out changes of transactions finished before its snapshot
 * (see server/http/routes/sync.ts), so a change committing later with a lower position is not skipped.
 * Taken late in a command's transaction, after the aggregate's row lock: for one aggregate, positions
 * follow the order its changes commit in.
 */
export async function nextFeedSeq(trx: Trx, dialect: DialectName): Promise<number> {
  if (dialect === 'postgres') {
    const { rows } = await sql<{ seq: number }>`select nextval('feed_seq')::integer as seq`.execute(trx);
    return rows[0]!.seq;
  }
  const row = await trx
    .updateTable('counters')
    .set({ value: sql`value + 1` })
    .where('name', '=', 'feed')
    .returning('value')
    .executeTakeFirstOrThrow();
  return row.value;
}

function membersKey(order: Order): string {
  const members = bucketMembers(order).map((m) => `m:${m.userId}:${m.role}`);
  return JSON.stringify([...members, ...accessPrincipals(order).map((p) => `a:${p}`)]);
}

/** The Order JSON of an accepted order (needs no change-feed position: written before it is taken). */
export async function writeOrderData(trx: Trx, order: Order, isNew: boolean): Promise<void> {
  const data = JSON.stringify(order);
  if (isNew) await trx.insertInto('order_data').values({ order_id: order.id, data }).execute();
  else await trx.updateTable('order_data').set({ data }).where('order_id', '=', order.id).execute();
}

/** Write an accepted order (its row, its JSON unless written already) and keep its side tables (bucket members, access, billings, reports) in step. */
export async function writeOrder(
  trx: Trx,
  order: Order,
  prior: { order: Order; members: string } | null,
  seq: number,
  at: string,
  opts: { dataWritten?: boolean; dialect: DialectName },
): Promise<void> {
  if (!opts.dataWritten) await writeOrderData(trx, order, prior === null);
  const members = membersKey(order);
  const row = {
    number: order.number,
    customer_id: order.customerId,
    status: order.status,
    version: order.version,
    unit_code: order.unitCode,
    total: orderTotal(order),
    sample_count: order.samples.length,
    members,
    updated_at: at,
    updated_seq: seq,
  };
  if (prior) {
    // PostgreSQL: the transaction id of this change (see nextFeedSeq); the column exists there only.
    const set = opts.dialect === 'postgres' ? ({ ...row, updated_xid: sql`default` } as typeof row) : row;
    const res = await trx
      .updateTable('orders')
      .set(set)
      .where('id', '=', order.id)
      .where('version', '=', prior.order.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new Error(`order ${order.id} changed under a held lock`);
  } else {
    await trx
      .insertInto('orders')
      .values({ id: order.id, submitted_at: order.submittedAt, ...row })
      .execute();
  }

  if (!prior || prior.members !== members) {
    const before = prior ? bucketMembers(prior.order) : [];
    const after = bucketMembers(order);
    const key = (m: { userId: string; role: string }) => `${m.userId}|${m.role}`;
    const afterKeys = new Set(after.map(key));
    const beforeKeys = new Set(before.map(key));
    for (const m of before) {
      if (afterKeys.has(key(m))) continue;
      await trx
        .deleteFrom('order_members')
        .where('order_id', '=', order.id)
        .where('user_id', '=', m.userId)
        .where('role', '=', m.role)
        .execute();
    }
    const added = after.filter((m) => !beforeKeys.has(key(m)));
    if (added.length > 0)
      await trx
        .insertInto('order_members')
        .values(added.map((m) => ({ order_id: order.id, user_id: m.userId, role: m.role })))
        .execute();
    // A user who no longer holds the order in any role: the next pull removes it from their copy.
    const stillIn = new Set(after.map((m) => m.userId));
    const gone = [...new Set(before.map((m) => m.userId))].filter((u) => !stillIn.has(u));
    if (gone.length > 0)
      await trx
        .insertInto('bucket_removals')
        .values(gone.map((u) => ({ user_id: u, order_id: order.id, seq })))
        .execute();

    const pBefore = prior ? new Set(accessPrincipals(prior.order)) : new Set<string>();
    const pAfter = accessPrincipals(order);
    const newP = pAfter.filter((p) => !pBefore.has(p));
    const oldP = [...pBefore].filter((p) => !pAfter.includes(p));
    if (oldP.length > 0)
      await trx
        .deleteFrom('order_access')
        .where('order_id', '=', order.id)
        .where('principal', 'in', oldP)
        .execute();
    if (newP.length > 0)
      await trx
        .insertInto('order_access')
        .values(newP.map((p) => ({ order_id: order.id, principal: p })))
        .execute();
  }
}

/** Index rows of billings and reports touched by the events (codes and numbers are looked up by them). */
export async function writeIndexes(
  trx: Trx,
  order: Order,
  events: readonly DomainEvent[],
  at: string,
): Promise<void> {
  const billingIds = new Set(events.filter((e) => e.entity === 'billing').map((e) => e.entityId));
  for (const b of order.billings) {
    if (!billingIds.has(b.id)) continue;
    await trx
      .insertInto('billings')
      .values({
        code: b.code,
        id: b.id,
        order_id: order.id,
        status: b.status,
        amount: b.amount,
        expires_at: b.expiresAt,
      })
      .onConflict((oc) =>
        oc.column('code').doUpdateSet({ status: b.status, amount: b.amount, expires_at: b.expiresAt }),
      )
      .execute();
  }
  const reportIds = new Set(events.filter((e) => e.entity === 'report').map((e) => e.entityId));
  if (reportIds.size === 0) return;
  for (const s of order.samples) {
    for (const r of s.reports) {
      if (!reportIds.has(r.id)) continue;
      const values = {
        status: r.status,
        kepala_balai_id: r.kepalaBalaiId,
        document_hash: r.documentHash,
        signed_hash: r.signedHash,
        updated_at: at,
      };
      await trx
        .insertInto('reports')
        .values({
          id: r.id,
          order_id: order.id,
          sample_id: s.id,
          number: r.number,
          document_file_id: null,
          signed_file_id: null,
          ...values,
        })
        .onConflict((oc) => oc.column('id').doUpdateSet(values))
        .execute();
    }
  }
}

export async function writeAccount(
  trx: Trx,
  account: Account,
  prior: Account | null,
  seq: number,
): Promise<void> {
  const c = account.customer;
  const row = {
    status: c.status,
    version: account.version,
    email: c.email.toLowerCase(),
    company_name: c.companyName,
    data: JSON.stringify(c),
    updated_seq: seq,
  };
  if (prior) {
    const res = await trx
      .updateTable('customers')
      .set(row)
      .where('id', '=', c.id)
      .where('version', '=', prior.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new Error(`customer ${c.id} changed under a held lock`);
  } else {
    await trx
      .insertInto('customers')
      .values({ id: c.id, registered_at: c.registeredAt, ...row })
      .execute();
  }
}

/** The entity an event is about, as it was before and after: the audit trail's before/after. */
export function snapshot(state: Order | Account | null, entity: DomainEvent['entity'], id: string): unknown {
  if (!state) return null;
  if ('customer' in state) return entity === 'account' && state.customer.id === id ? state.customer : null;
  const o = state;
  switch (entity) {
    case 'order': {
      const { samples, ...rest } = o;
      return { ...rest, sampleIds: samples.map((s) => s.id) };
    }
    case 'billing':
      return o.billings.find((b) => b.id === id) ?? null;
    case 'proof':
      return o.proofs.find((p) => p.id === id) ?? null;
    case 'sample': {
      const s = o.samples.find((x) => x.id === id);
      if (!s) return null;
      const { analyses, reports, ...rest } = s;
      return { ...rest, analysisIds: analyses.map((a) => a.id), reportIds: reports.map((r) => r.id) };
    }
    case 'analysis':
      for (const s of o.samples) {
        const a = s.analyses.find((x) => x.id === id);
        if (a) return a;
      }
      return null;
    case 'report':
      for (const s of o.samples) {
        const r = s.reports.find((x) => x.id === id);
        if (r) return r;
      }
      return null;
    default:
      return null;
  }
}
