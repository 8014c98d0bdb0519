/**
 * The working copy: every order as last pulled (base) and as the user sees it (local view), and
 * the worklist rows projected from it for the current user.
 */
import type { Order } from '../../../../shared/domain/entities';
import { activeAnalyses } from '../../../../shared/domain/state';
import { orderRow, sampleRows } from '../projection';
import { sampleClock } from '../sop-clock';
import type { StoreContext } from './context';
import { blockedBySample, pendingBySample, withWholeOrder } from './per-order';
import { readOrder, shownOrder, StoredRowError, trustedOrder } from './stored-json';
import { updateSyncState } from './sync-state';

/** The order as the user sees it (with their pending commands), or null when not in the working copy. */
export function order(ctx: StoreContext, id: string): Order | null {
  const row = ctx.sql.get(
    ctx.sql.q.selectFrom('orders').select(['id', 'base_json', 'local_json']).where('id', '=', id),
  );
  return row ? shownOrder(row) : null;
}

/** The order as the server last sent it. */
export function baseOrder(ctx: StoreContext, id: string): Order | null {
  const row = ctx.sql.get(ctx.sql.q.selectFrom('orders').select('base_json').where('id', '=', id));
  return row ? readOrder(row.base_json, id, 'base_json') : null;
}

export function orderIds(ctx: StoreContext): string[] {
  return ctx.sql.all(ctx.sql.q.selectFrom('orders').select('id').orderBy('id')).map((r) => r.id);
}

/** Every order of the local view, by id (tests and diagnostics; the UI reads the worklist). */
export function allOrders(ctx: StoreContext): Order[] {
  return ctx.sql
    .all(ctx.sql.q.selectFrom('orders').select(['id', 'base_json', 'local_json']).orderBy('id'))
    .map((r) => shownOrder(r, trustedOrder));
}

export function orderCount(ctx: StoreContext): number {
  return Number(
    ctx.sql.get(ctx.sql.q.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')))!.n,
  );
}

/** Open (pending or draft) active analyses per analyst in the working copy: the Penyelia's picker shows the load. */
export function openWorkByAnalyst(ctx: StoreContext): Map<string, number> {
  const m = new Map<string, number>();
  for (const o of allOrders(ctx)) {
    for (const s of o.samples) {
      for (const a of activeAnalyses(s)) {
        if (a.analystId && (a.status === 'pending' || a.status === 'draft'))
          m.set(a.analystId, (m.get(a.analystId) ?? 0) + 1);
      }
    }
  }
  return m;
}

/** Write an order's row (base and local view) and its worklist rows. */
export function writeOrder(
  ctx: StoreContext,
  base: Order,
  baseJson: string,
  local: Order | null,
  pending: number,
  pulledAt: string,
  pendingPerSample: Map<string, number>,
): void {
  const localJson = local ? JSON.stringify(local) : null;
  const row = orderRow(base, baseJson, local, localJson, pending, pulledAt);
  ctx.sql.run(ctx.sql.q.insertInto('orders').orReplace().values(row));
  ctx.sql.run(ctx.sql.q.deleteFrom('samples').where('order_id', '=', base.id));
  for (const s of sampleRows(
    local ?? base,
    ctx.actor,
    pendingPerSample,
    withWholeOrder(blockedBySample(ctx, base.id), local ?? base),
  )) {
    ctx.sql.run(ctx.sql.q.insertInto('samples').orReplace().values(s));
  }
}

/**
 * A local action's half in the working copy: the order's new local view (the base stays as
 * pulled) and its worklist rows, with one more pending command on the sample the payload names.
 */
export function applyLocalView(
  ctx: StoreContext,
  aggregateId: string,
  payload: unknown,
  newState: Order,
): void {
  const updated = ctx.sql.run(
    ctx.sql.q
      .updateTable('orders')
      .set((eb) => ({
        version: newState.version,
        status: newState.status,
        number: newState.number,
        local_json: JSON.stringify(newState),
        pending_commands: eb('pending_commands', '+', 1),
      }))
      .where('id', '=', aggregateId),
  );
  if (updated.changes === 0) return;
  // Pending counts per sample: what the rows had, plus this command.
  const pending = new Map(
    ctx.sql
      .all(
        ctx.sql.q
          .selectFrom('samples')
          .select(['id', 'pending_commands'])
          .where('order_id', '=', aggregateId),
      )
      .map((r) => [r.id, r.pending_commands]),
  );
  const sid = (payload as { sampleId?: unknown } | null)?.sampleId;
  if (typeof sid === 'string') pending.set(sid, (pending.get(sid) ?? 0) + 1);
  for (const s of sampleRows(
    newState,
    ctx.actor,
    pending,
    withWholeOrder(blockedBySample(ctx, aggregateId), newState),
  ))
    ctx.sql.run(ctx.sql.q.insertInto('samples').orReplace().values(s));
}

/**
 * Run `fn` and, when it fails on this order's own row, drop the order from the working copy
 * instead of failing the whole pass: a start must never be stopped by one unreadable row, so the
 * user keeps working and the outbox keeps its commands. The working copy is the server's data: the
 * next pull is made a full one and brings the order back, and its commands are decided on top of
 * it again. The status shows why (rebuiltFrom) until that pull.
 */
export function orEvict(ctx: StoreContext, id: string, fn: () => void): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof StoredRowError && e.kind === 'order' && e.key === id)) throw e;
    evict(ctx, e);
  }
}

/**
 * Drop the order a StoredRowError names from the working copy, as orEvict does: met while the
 * user opens or acts on it, its transaction has rolled back, so this is a transaction of its own.
 */
export function evict(ctx: StoreContext, e: StoredRowError): void {
  if (e.kind !== 'order') throw e;
  ctx.sql.tx(() => {
    ctx.sql.run(ctx.sql.q.deleteFrom('samples').where('order_id', '=', e.key));
    ctx.sql.run(ctx.sql.q.deleteFrom('orders').where('id', '=', e.key));
    updateSyncState(ctx, { cursor: null, rebuilt_from: e.message });
  });
}

/** Recompute every worklist row (the user's role or lab changed). */
export function reproject(ctx: StoreContext): void {
  ctx.sql.tx(() => {
    ctx.sql.run(ctx.sql.q.deleteFrom('samples'));
    const rows = ctx.sql.all(ctx.sql.q.selectFrom('orders').select(['id', 'base_json', 'local_json']));
    for (const r of rows) orEvict(ctx, r.id, () => projectShown(ctx, r));
  });
}

function projectShown(
  ctx: StoreContext,
  r: { id: string; base_json: string; local_json: string | null },
): void {
  const o = shownOrder(r, trustedOrder);
  for (const s of sampleRows(
    o,
    ctx.actor,
    pendingBySample(ctx, r.id),
    withWholeOrder(blockedBySample(ctx, r.id), o),
  ))
    ctx.sql.run(ctx.sql.q.insertInto('samples').orReplace().values(s));
}

/**
 * Every sample's stored SOP clock computed again (the unit's holiday list changed: a working-day
 * step's due time moves). Returns how many rows changed.
 */
export function recomputeClocks(ctx: StoreContext): number {
  let changed = 0;
  ctx.sql.tx(() => {
    for (const r of ctx.sql.all(ctx.sql.q.selectFrom('orders').select(['id', 'base_json', 'local_json']))) {
      orEvict(ctx, r.id, () => {
        const o = shownOrder(r, trustedOrder);
        for (const s of o.samples) {
          const c = sampleClock(o, s);
          const res = ctx.sql.run(
            ctx.sql.q
              .updateTable('samples')
              .set({ step: c.step, step_started_at: c.startedAt, due_at: c.dueAt })
              .where('id', '=', s.id)
              .where('order_id', '=', o.id)
              .where((eb) =>
                eb.or([eb('due_at', 'is distinct from', c.dueAt), eb('step', 'is distinct from', c.step)]),
              ),
          );
          changed += res.changes;
        }
      });
    }
  });
  return changed;
}
