/**
 * Keeping the invariant: for every order, the local view equals its server base with the rebase
 * set of the outbox decided on top in seq order. `recompute` restores it for an order, `recover`
 * for every order that has or had local changes.
 */
import type { Command, CommandType } from '../../../../shared/domain/commands';
import { decide } from '../../../../shared/domain/decide';
import type { Order } from '../../../../shared/domain/entities';
import type { OutboxTable } from '../schema';
import type { StoreContext } from './context';
import { pendingBySample, rebaseSet } from './per-order';
import { untypedJson } from './stored-json';
import { syncState } from './sync-state';
import { baseOrder, orEvict, writeOrder } from './working-copy';

/** A stored command as decide() takes it: decide() refuses an unknown type and parses the payload with its schema. */
function asCommand(c: OutboxTable): Command {
  return {
    id: c.command_id,
    type: c.type as CommandType,
    payload: untypedJson(c.payload, {
      kind: 'command',
      key: c.command_id,
      column: 'payload',
    }) as Command['payload'],
    baseVersion: c.base_version,
  };
}

/**
 * Base + rebase set for one order. A command that no longer decides OK over the newer base
 * stays queued (the server will answer it) but adds nothing to the view.
 */
export function viewOf(
  ctx: StoreContext,
  aggregateId: string,
  options: { excludeBlocked?: boolean } = {},
): { base: Order | null; view: Order | null; applied: number; commands: number } {
  const base = baseOrder(ctx, aggregateId);
  const cmds = rebaseSet(ctx, aggregateId, options);
  let state: Order | null = base;
  let applied = 0;
  for (const c of cmds) {
    const d = decide(state, asCommand(c), ctx.actor, new Date(c.issued_at));
    if (d.ok) {
      state = d.state as Order;
      applied += 1;
    }
  }
  return { base, view: state, applied, commands: cmds.length };
}

export function recompute(ctx: StoreContext, aggregateId: string): void {
  ctx.sql.tx(() => {
    const row = ctx.sql.get(
      ctx.sql.q.selectFrom('orders').select(['base_json', 'pulled_at']).where('id', '=', aggregateId),
    );
    if (!row) {
      ctx.sql.run(ctx.sql.q.deleteFrom('samples').where('order_id', '=', aggregateId));
      return;
    }
    const { base, view, applied, commands } = viewOf(ctx, aggregateId);
    writeOrder(
      ctx,
      base!,
      row.base_json,
      applied > 0 ? view : null,
      commands,
      row.pulled_at,
      pendingBySample(ctx, aggregateId),
    );
  });
}

/**
 * At start (and after anything that may have torn a two-file commit): recompute the view of
 * every order that has, or had, local changes. An order whose row does not read is dropped from
 * the working copy for the next pull to bring back (orEvict); its commands stay queued.
 */
export function recover(ctx: StoreContext): number {
  return ctx.sql.tx(() => {
    const lps = syncState(ctx).last_processed_seq;
    const ids = new Set<string>();
    for (const r of ctx.sql.all(
      ctx.sql.q
        .selectFrom('orders')
        .select('id')
        .where((eb) => eb.or([eb('local_json', 'is not', null), eb('pending_commands', '>', 0)])),
    )) {
      ids.add(r.id);
    }
    for (const r of ctx.sql.all(
      ctx.sql.q
        .selectFrom('ob.outbox')
        .select('aggregate_id')
        .distinct()
        .where((eb) =>
          eb.or([
            eb('status', 'in', ['pending', 'blocked']),
            eb.and([eb('status', 'in', ['sent', 'applied']), eb('seq', '>', lps)]),
          ]),
        ),
    )) {
      ids.add(r.aggregate_id);
    }
    for (const id of ids) orEvict(ctx, id, () => recompute(ctx, id));
    return ids.size;
  });
}
