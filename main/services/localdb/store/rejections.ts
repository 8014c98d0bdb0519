/**
 * The server's outcomes and what a rejection does to the rest of the queue: later commands on the
 * same order wait (blocked) until the user dismisses or redoes the rejected one; those built on it
 * remember it (blocked_by) and are decided again or rejected locally.
 */
import type { Message, RejectionCode } from '../../../../shared/domain/rejections';
import type { PushOutcome } from '../../../../shared/api/sync';
import { dependencyKeys, DependencySet } from '../../actions/commands';
import type { OutboxTable } from '../schema';
import type { StoreContext } from './context';
import { allocateSeq } from './identity';
import { hasUnresolvedRejection, payloadOf, toQueued } from './outbox';
import { recompute } from './rebase';
import type { QueuedCommand } from './types';

/** The reason shown for a command that was never sent because the change it built on was rejected. */
export const DEPENDS_ON_REJECTED: Message = {
  id: 'Tidak dikirim: perubahan ini dibuat di atas perubahan yang ditolak server. Ulangi bila masih diperlukan.',
  en: 'Not sent: this change was made on top of a change the server rejected. Redo it if it is still needed.',
};

/** Rejected commands the user has not dismissed or redone yet, oldest first. */
export function rejected(ctx: StoreContext): QueuedCommand[] {
  return ctx.sql
    .all(
      ctx.sql.q
        .selectFrom('ob.outbox')
        .selectAll()
        .where('status', '=', 'rejected')
        .where('resolution', 'is', null)
        .orderBy('seq'),
    )
    .map(toQueued);
}

/**
 * Record the server's outcomes. Idempotent: an outcome for a command that already has one (a
 * duplicated or late response) changes nothing. A rejection holds back the later unsent commands
 * on the same order (blocked) and takes the rejected command's effect out of the local view.
 */
export function recordOutcomes(
  ctx: StoreContext,
  outcomes: readonly PushOutcome[],
  at: string,
): { applied: number; rejected: number } {
  let applied = 0;
  let rejectedCount = 0;
  ctx.sql.tx(() => {
    const touched = new Set<string>();
    for (const o of outcomes) {
      const row = ctx.sql.get(
        ctx.sql.q.selectFrom('ob.outbox').selectAll().where('command_id', '=', o.commandId),
      );
      if (!row || row.seq !== o.seq) continue;
      if (row.status === 'applied' || row.status === 'rejected') continue;
      if (o.status === 'applied') {
        ctx.sql.run(
          ctx.sql.q
            .updateTable('ob.outbox')
            .set({
              status: 'applied',
              applied_version: o.version,
              outcome_at: at,
              next_attempt_at: null,
              last_error: null,
            })
            .where('command_id', '=', o.commandId),
        );
        applied += 1;
      } else {
        ctx.sql.run(
          ctx.sql.q
            .updateTable('ob.outbox')
            .set({
              status: 'rejected',
              rejection_code: o.code,
              rejection_message: JSON.stringify(o.message),
              outcome_at: at,
              next_attempt_at: null,
              last_error: null,
            })
            .where('command_id', '=', o.commandId),
        );
        blockAfterRejection(ctx, row);
        touched.add(row.aggregate_id);
        rejectedCount += 1;
      }
    }
    for (const id of touched) recompute(ctx, id);
  });
  return { applied, rejected: rejectedCount };
}

/**
 * After `refused` was rejected: every later unsent command on the same order is blocked; those
 * built on it (same analysis or sample, transitively) remember it in `blocked_by`.
 */
function blockAfterRejection(ctx: StoreContext, refused: OutboxTable): void {
  const tainted = new DependencySet();
  tainted.add(dependencyKeys(refused.type, refused.aggregate_id, payloadOf(refused)));
  const rows = ctx.sql.all(
    ctx.sql.q
      .selectFrom('ob.outbox')
      .selectAll()
      .where('aggregate_id', '=', refused.aggregate_id)
      .where('status', 'in', ['pending', 'blocked'])
      .where('seq', '>', refused.seq)
      .orderBy('seq'),
  );
  for (const r of rows) {
    const keys = dependencyKeys(r.type, r.aggregate_id, payloadOf(r));
    // A command already blocked by an earlier rejection stays with it; any other one acting on
    // what the rejected command (or a command built on it) touched was built on it.
    const dependent = r.blocked_by === null && tainted.conflicts(keys);
    if (dependent) tainted.add(keys);
    ctx.sql.run(
      ctx.sql.q
        .updateTable('ob.outbox')
        .set({ status: 'blocked', blocked_by: dependent ? refused.command_id : r.blocked_by })
        .where('command_id', '=', r.command_id),
    );
  }
}

/** Blocked commands built on this rejected one, in seq order. */
export function dependentsOf(ctx: StoreContext, commandId: string): QueuedCommand[] {
  return ctx.sql
    .all(
      ctx.sql.q
        .selectFrom('ob.outbox')
        .selectAll()
        .where('blocked_by', '=', commandId)
        .where('status', '=', 'blocked')
        .orderBy('seq'),
    )
    .map(toQueued);
}

/** Turn a never-sent blocked command into a rejection the user sees (it cannot go out as it is). */
export function rejectLocally(
  ctx: StoreContext,
  commandId: string,
  message: Message,
  at: string,
  code: RejectionCode = 'stale_version',
): void {
  ctx.sql.run(
    ctx.sql.q
      .updateTable('ob.outbox')
      .set({
        status: 'rejected',
        rejection_code: code,
        rejection_message: JSON.stringify(message),
        outcome_at: at,
        blocked_by: null,
      })
      .where('command_id', '=', commandId)
      .where('status', '=', 'blocked'),
  );
}

/** A blocked command decided again on top of a redo: new base version, placed after everything so far. */
export function rebaseBlocked(ctx: StoreContext, commandId: string, baseVersion: number | null): void {
  ctx.sql.tx(() => {
    const seq = allocateSeq(ctx);
    ctx.sql.run(
      ctx.sql.q
        .updateTable('ob.outbox')
        .set({ base_version: baseVersion, blocked_by: null, seq })
        .where('command_id', '=', commandId)
        .where('status', '=', 'blocked'),
    );
  });
}

/** Mark a rejected command as dealt with; release what it held back if nothing else holds it. */
export function resolveRejected(
  ctx: StoreContext,
  id: string,
  resolution: 'dismissed' | 'redone',
  at: string,
): QueuedCommand {
  return ctx.sql.tx(() => {
    const row = ctx.sql.get(ctx.sql.q.selectFrom('ob.outbox').selectAll().where('command_id', '=', id));
    if (!row || row.status !== 'rejected' || row.resolution !== null) {
      throw new Error(
        `Tidak ada perubahan ditolak dengan id ${id} / no unresolved rejected change with id ${id}`,
      );
    }
    ctx.sql.run(
      ctx.sql.q.updateTable('ob.outbox').set({ resolution, resolved_at: at }).where('command_id', '=', id),
    );
    return toQueued({ ...row, resolution, resolved_at: at });
  });
}

/**
 * Blocked commands of an order go back to the queue once no rejection on the order is unresolved.
 * They were never sent, so they get new seqs after everything issued so far: the server sees a
 * client's seqs strictly increase.
 */
export function releaseBlocked(ctx: StoreContext, aggregateId: string): number {
  return ctx.sql.tx(() => {
    if (hasUnresolvedRejection(ctx, aggregateId)) return 0;
    const rows = ctx.sql.all(
      ctx.sql.q
        .selectFrom('ob.outbox')
        .select('command_id')
        .where('aggregate_id', '=', aggregateId)
        .where('status', '=', 'blocked')
        .orderBy('seq'),
    );
    for (const r of rows) {
      const seq = allocateSeq(ctx);
      ctx.sql.run(
        ctx.sql.q
          .updateTable('ob.outbox')
          .set({ status: 'pending', seq, blocked_by: null })
          .where('command_id', '=', r.command_id),
      );
    }
    recompute(ctx, aggregateId);
    return rows.length;
  });
}
