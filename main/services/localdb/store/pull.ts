/**
 * A pull into the working copy, and what a server restored from a backup means for the outbox:
 * commands it told us were applied but no longer has go back to the queue.
 */
import type { Order } from '../../../../shared/domain/entities';
import { orderRow, sampleRows } from '../projection';
import type { OrdersTable, SamplesTable } from '../schema';
import type { StoreContext } from './context';
import { recover } from './rebase';
import { syncState, updateSyncState } from './sync-state';
import type { PreparedChange, PreparedPut } from './types';
import { WORKLIST_COLUMNS } from './worklist';
import { orderIds } from './working-copy';

const ORDER_COLUMNS = [
  'id',
  'version',
  'status',
  'number',
  'customer_id',
  'submitted_at',
  'base_version',
  'base_json',
  'local_json',
  'pending_commands',
  'pulled_at',
] as const satisfies readonly (keyof OrdersTable)[];

/** Every column of a `samples` row: those a worklist row shows, and the rest. */
const SAMPLE_COLUMNS = [
  ...WORKLIST_COLUMNS,
  'description',
  'penyelia_id',
  'mt_id',
  'action_rank',
  'sort_at',
  'search',
] as const satisfies readonly (keyof SamplesTable)[];

/** Rows for an order of a pull, for this user (call while the pages come in). */
export function preparePut(
  ctx: StoreContext,
  order: Order,
  json: string = JSON.stringify(order),
): PreparedPut {
  return {
    op: 'put',
    id: order.id,
    row: orderRow(order, json, null, null, 0, ''),
    samples: sampleRows(order, ctx.actor),
  };
}

/**
 * Apply one complete pull (every page) in one transaction: put and remove orders, move the
 * cursor, record the server's last processed seq, then re-apply the still-pending commands.
 */
export function applyPull(
  ctx: StoreContext,
  changes: readonly PreparedChange[],
  result: { cursor: string; lastProcessedSeq: number; at: string; full: boolean },
): { puts: number; removes: number; rebased: number } {
  // Statements prepared once per pull and run for each of its (thousands of) rows.
  const db = ctx.ws.db;
  const insOrder = db.prepare(
    `INSERT OR REPLACE INTO orders (${ORDER_COLUMNS.join(', ')}) VALUES (${ORDER_COLUMNS.map(() => '?').join(', ')})`,
  );
  const insSample = db.prepare(
    `INSERT OR REPLACE INTO samples (${SAMPLE_COLUMNS.join(', ')}) VALUES (${SAMPLE_COLUMNS.map(() => '?').join(', ')})`,
  );
  const delSamples = db.prepare('DELETE FROM samples WHERE order_id = ?');
  const delOrder = db.prepare('DELETE FROM orders WHERE id = ?');
  let puts = 0;
  let removes = 0;
  let rebased = 0;
  ctx.sql.tx(() => {
    const before = syncState(ctx);
    if (result.full) {
      // A full pull (no cursor) is the whole bucket: anything not in it has left the bucket.
      const keep = new Set(changes.filter((c): c is PreparedPut => c.op === 'put').map((c) => c.id));
      for (const id of orderIds(ctx)) {
        if (!keep.has(id)) {
          delSamples.run(id);
          delOrder.run(id);
          removes += 1;
        }
      }
    }
    for (const c of changes) {
      if (c.op === 'remove') {
        delSamples.run(c.orderId);
        delOrder.run(c.orderId);
        removes += 1;
        continue;
      }
      insOrder.run(...ORDER_COLUMNS.map((k) => (k === 'pulled_at' ? result.at : c.row[k])));
      delSamples.run(c.id);
      for (const s of c.samples) insSample.run(...SAMPLE_COLUMNS.map((k) => s[k]));
      puts += 1;
    }
    let lps = Math.max(before.last_processed_seq, result.lastProcessedSeq);
    if (result.full) {
      // The server's own word on which of this client's commands it has. Below what this copy
      // knew only when the server lost history (restored from a backup): the commands it told us
      // were applied above it go back to the queue, in their seq order, to be sent again (the
      // server deduplicates by client and command id, so one it still has is not applied twice).
      lps = result.lastProcessedSeq;
      requeueLost(ctx, lps);
    }
    updateSyncState(ctx, {
      cursor: result.cursor,
      last_processed_seq: lps,
      last_pull_at: result.at,
      ...(result.full ? { rebuilt_from: null } : {}),
    });
    rebased = recover(ctx);
  });
  return { puts, removes, rebased };
}

/**
 * Commands the server said were applied but no longer has (it reports a lower last processed
 * seq: its database was restored). True when there are any: the working copy must be rebuilt
 * (a full pull) and those commands sent again.
 */
export function lostByServer(ctx: StoreContext, serverLastProcessedSeq: number): boolean {
  if (serverLastProcessedSeq < syncState(ctx).last_processed_seq) return true;
  return !!ctx.sql.get(
    ctx.sql.q
      .selectFrom('ob.outbox')
      .select('command_id')
      .where('status', '=', 'applied')
      .where('seq', '>', serverLastProcessedSeq)
      .limit(1),
  );
}

/** The highest seq the server answered 'applied' for, as far as this copy knows (sent with a push). */
export function lastAppliedSeq(ctx: StoreContext): number {
  const m =
    ctx.sql.get(
      ctx.sql.q
        .selectFrom('ob.outbox')
        .select((eb) => eb.fn.max<number | null>('seq').as('m'))
        .where('status', '=', 'applied'),
    )?.m ?? 0;
  return Math.max(m, syncState(ctx).last_processed_seq);
}

/** Put applied commands above the server's last processed seq back in the queue (see applyPull). */
function requeueLost(ctx: StoreContext, serverLastProcessedSeq: number): number {
  const lost = ctx.sql.all(
    ctx.sql.q
      .selectFrom('ob.outbox')
      .select('command_id')
      .where('status', '=', 'applied')
      .where('seq', '>', serverLastProcessedSeq)
      .orderBy('seq'),
  );
  if (lost.length === 0) return 0;
  const ids = lost.map((r) => r.command_id);
  ctx.sql.run(
    ctx.sql.q
      .updateTable('ob.outbox')
      .set({
        status: 'pending',
        applied_version: null,
        outcome_at: null,
        attempts: 0,
        next_attempt_at: null,
        last_error: null,
      })
      .where('command_id', 'in', ids),
  );
  // A signature's file went with the server's lost history: upload it again before its command.
  ctx.sql.run(
    ctx.sql.q.updateTable('ob.signed_reports').set({ uploaded_at: null }).where('command_id', 'in', ids),
  );
  return ids.length;
}
