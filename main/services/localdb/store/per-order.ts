/**
 * The outbox seen from one order: the commands whose effect is not in the order's base yet (the
 * rebase set) and the per-sample counts the worklist shows (pending, held back by a rejection).
 */
import type { Order } from '../../../../shared/domain/entities';
import type { OutboxTable } from '../schema';
import type { StoreContext } from './context';
import { syncState } from './sync-state';
import { untypedJson } from './stored-json';

/** The key under which an order-level command counts (it counts for every sample). */
const ALL_SAMPLES = '*';

function sampleIdOf(r: { command_id: string; payload: string }): string | null {
  const payload = untypedJson(r.payload, { kind: 'command', key: r.command_id, column: 'payload' });
  const sid = (payload as { sampleId?: unknown } | null)?.sampleId;
  return typeof sid === 'string' ? sid : null;
}

/** Commands whose effect is not in the base yet, for one order, in seq order. */
export function rebaseSet(
  ctx: StoreContext,
  aggregateId: string,
  options: { excludeBlocked?: boolean } = {},
): OutboxTable[] {
  const lps = syncState(ctx).last_processed_seq;
  return ctx.sql.all(
    ctx.sql.q
      .selectFrom('ob.outbox')
      .selectAll()
      .where('aggregate_id', '=', aggregateId)
      .where((eb) =>
        eb.or([
          eb('status', '=', 'pending'),
          // Blocked commands show, except those built on a rejected change (their ground is gone).
          ...(options.excludeBlocked
            ? []
            : [eb.and([eb('status', '=', 'blocked'), eb('blocked_by', 'is', null)])]),
          eb.and([eb('status', 'in', ['sent', 'applied']), eb('seq', '>', lps)]),
        ]),
      )
      .orderBy('seq'),
  );
}

/** This user's changes held back behind a rejection, per sample of an order (an order-level one counts for every sample). */
export function blockedBySample(ctx: StoreContext, aggregateId: string): Map<string, number> {
  const m = new Map<string, number>();
  const rows = ctx.sql.all(
    ctx.sql.q
      .selectFrom('ob.outbox')
      .select(['command_id', 'payload'])
      .where('aggregate_id', '=', aggregateId)
      .where('status', '=', 'blocked'),
  );
  let wholeOrder = 0;
  for (const r of rows) {
    const sid = sampleIdOf(r);
    if (sid !== null) m.set(sid, (m.get(sid) ?? 0) + 1);
    else wholeOrder += 1;
  }
  if (wholeOrder > 0) m.set(ALL_SAMPLES, wholeOrder);
  return m;
}

export function pendingBySample(ctx: StoreContext, aggregateId: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of rebaseSet(ctx, aggregateId)) {
    const sid = sampleIdOf(c);
    if (sid !== null) m.set(sid, (m.get(sid) ?? 0) + 1);
  }
  return m;
}

/** blockedBySample's order-level count spread over the order's samples (what sampleRows takes). */
export function withWholeOrder(m: Map<string, number>, order: Order): Map<string, number> {
  const all = m.get(ALL_SAMPLES);
  if (all === undefined) return m;
  m.delete(ALL_SAMPLES);
  for (const s of order.samples) m.set(s.id, (m.get(s.id) ?? 0) + all);
  return m;
}
