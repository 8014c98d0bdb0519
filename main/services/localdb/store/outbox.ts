/**
 * The outbox: the commands this user issued, in seq order, until the server's outcome is known and
 * a pull has confirmed it. A local action writes its command here and its effect into the working
 * copy in the same transaction (commitLocal).
 */
import { randomUUID } from 'node:crypto';
import type { CommandType } from '../../../../shared/domain/commands';
import type { Order } from '../../../../shared/domain/entities';
import type { Message, RejectionCode } from '../../../../shared/domain/rejections';
import { MessageSchema } from '../../../../shared/api/http';
import type { OutboxCommand } from '../../../../shared/api/sync';
import { dependencyKeys, DependencySet } from '../../actions/commands';
import type { OutboxStatus, OutboxTable } from '../schema';
import type { StoreContext } from './context';
import { allocateSeq } from './identity';
import { parsedJson, untypedJson } from './stored-json';
import { syncState } from './sync-state';
import type { NewCommand, QueuedCommand } from './types';
import { applyLocalView } from './working-copy';

const NO_MESSAGE: Message = { id: '', en: '' };

/** A stored command's payload (any JSON: decide() and the server parse it with the command's schema). */
export function payloadOf(r: Pick<OutboxTable, 'command_id' | 'payload'>): unknown {
  return untypedJson(r.payload, { kind: 'command', key: r.command_id, column: 'payload' });
}

export function toQueued(r: OutboxTable): QueuedCommand {
  return {
    id: r.command_id,
    seq: r.seq,
    type: r.type as CommandType,
    aggregateId: r.aggregate_id,
    payload: payloadOf(r),
    baseVersion: r.base_version,
    issuedAt: r.issued_at,
    status: r.status,
    summary: r.summary,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    rejection:
      r.status === 'rejected' && r.rejection_code
        ? {
            code: r.rejection_code as RejectionCode,
            message:
              r.rejection_message === null
                ? NO_MESSAGE
                : parsedJson(r.rejection_message, MessageSchema, {
                    kind: 'command',
                    key: r.command_id,
                    column: 'rejection_message',
                  }),
          }
        : null,
    resolution: (r.resolution as QueuedCommand['resolution']) ?? null,
    redoOf: r.redo_of,
    blockedBy: r.blocked_by,
    appliedVersion: r.applied_version,
  };
}

export function command(ctx: StoreContext, id: string): QueuedCommand | null {
  const r = ctx.sql.get(ctx.sql.q.selectFrom('ob.outbox').selectAll().where('command_id', '=', id));
  return r ? toQueued(r) : null;
}

export function commands(ctx: StoreContext, statuses?: readonly OutboxStatus[]): QueuedCommand[] {
  let qb = ctx.sql.q.selectFrom('ob.outbox').selectAll();
  if (statuses) qb = qb.where('status', 'in', [...statuses]);
  return ctx.sql.all(qb.orderBy('seq')).map(toQueued);
}

/** How many commands are in each state; `rejected` counts only those the user has not dealt with. */
export function counts(ctx: StoreContext): Record<OutboxStatus, number> {
  const rows = ctx.sql.all(
    ctx.sql.q
      .selectFrom('ob.outbox')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where((eb) => eb.or([eb('status', '!=', 'rejected'), eb('resolution', 'is', null)]))
      .groupBy('status'),
  );
  const out: Record<OutboxStatus, number> = { pending: 0, sent: 0, applied: 0, rejected: 0, blocked: 0 };
  for (const r of rows) out[r.status] = Number(r.n);
  return out;
}

export function hasUnresolvedRejection(ctx: StoreContext, aggregateId: string): boolean {
  return !!ctx.sql.get(
    ctx.sql.q
      .selectFrom('ob.outbox')
      .select('command_id')
      .where('aggregate_id', '=', aggregateId)
      .where('status', '=', 'rejected')
      .where('resolution', 'is', null)
      .limit(1),
  );
}

/**
 * The next commands to push: never-sent and sent-without-outcome ones, the longest prefix in seq
 * order in which no command depends on an earlier one of the same batch (same analysis, or a
 * sample-level command and anything else on that sample). A command built on another is sent
 * only once the other's outcome is known, so a rejection can hold it back (blocked) instead of
 * it reaching the server against a state that never happened.
 */
export function sendable(ctx: StoreContext, limit: number): OutboxCommand[] {
  const rows = ctx.sql.all(
    ctx.sql.q
      .selectFrom('ob.outbox')
      .selectAll()
      .where('status', 'in', ['pending', 'sent'])
      .orderBy('seq')
      .limit(limit),
  );
  const deps = new DependencySet();
  const out: OutboxCommand[] = [];
  for (const r of rows) {
    const payload = payloadOf(r);
    const keys = dependencyKeys(r.type, r.aggregate_id, payload);
    if (deps.conflicts(keys)) break;
    deps.add(keys);
    out.push({
      id: r.command_id,
      seq: r.seq,
      type: r.type as CommandType,
      aggregateId: r.aggregate_id,
      payload,
      baseVersion: r.base_version,
      issuedAt: r.issued_at,
    });
  }
  return out;
}

export function hasSendable(ctx: StoreContext): boolean {
  return !!ctx.sql.get(
    ctx.sql.q
      .selectFrom('ob.outbox')
      .select('command_id')
      .where('status', 'in', ['pending', 'sent'])
      .limit(1),
  );
}

/**
 * Before a push: these commands may reach the server from now on ("sent"), so they are never
 * renumbered; their attempt count goes up.
 */
export function markSending(ctx: StoreContext, ids: readonly string[]): void {
  if (ids.length === 0) return;
  ctx.sql.tx(() => {
    ctx.sql.run(
      ctx.sql.q
        .updateTable('ob.outbox')
        .set((eb) => ({ status: 'sent' as const, attempts: eb('attempts', '+', 1) }))
        .where('command_id', 'in', [...ids])
        .where('status', 'in', ['pending', 'sent']),
    );
  });
}

/** A push failed in a way that will be retried: remember why and when the next try is. */
export function markAttemptFailed(
  ctx: StoreContext,
  ids: readonly string[],
  error: string,
  nextAttemptAt: string | null,
): void {
  if (ids.length === 0) return;
  ctx.sql.run(
    ctx.sql.q
      .updateTable('ob.outbox')
      .set({ last_error: error.slice(0, 500), next_attempt_at: nextAttemptAt })
      .where('command_id', 'in', [...ids])
      .where('status', '=', 'sent'),
  );
}

/**
 * A local action: the command row and the order's new local view, in one transaction. Returns
 * the stored command. The caller has decided the command against the order's local view.
 */
export function commitLocal(ctx: StoreContext, cmd: NewCommand, newState: Order, at: string): QueuedCommand {
  return ctx.sql.tx(() => {
    const status: OutboxStatus = hasUnresolvedRejection(ctx, cmd.aggregateId) ? 'blocked' : 'pending';
    const row: OutboxTable = {
      command_id: randomUUID(),
      seq: allocateSeq(ctx),
      type: cmd.type,
      aggregate_id: cmd.aggregateId,
      payload: JSON.stringify(cmd.payload ?? {}),
      base_version: cmd.baseVersion,
      issued_at: cmd.issuedAt,
      status,
      rejection_code: null,
      rejection_message: null,
      resolution: null,
      resolved_at: null,
      redo_of: cmd.redoOf ?? null,
      attempts: 0,
      next_attempt_at: null,
      last_error: null,
      applied_version: null,
      outcome_at: null,
      created_at: at,
      summary: cmd.summary,
      blocked_by: null,
    };
    ctx.sql.run(ctx.sql.q.insertInto('ob.outbox').values(row));
    applyLocalView(ctx, cmd.aggregateId, cmd.payload, newState);
    return toQueued(row);
  });
}

/**
 * Drop commands that are settled and confirmed by a pull, older than `before` (keeps the file
 * small). Applied commands stay `before` long (30 days, desktop.ts): while they are kept, a
 * server restored from a backup of that age gets them again (requeueLost, pull.ts).
 */
export function prune(ctx: StoreContext, before: string): number {
  const lps = syncState(ctx).last_processed_seq;
  const r = ctx.sql.run(
    ctx.sql.q
      .deleteFrom('ob.outbox')
      .where('outcome_at', '<', before)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'applied'), eb('seq', '<=', lps)]),
          eb.and([eb('status', '=', 'rejected'), eb('resolution', 'is not', null)]),
        ]),
      ),
  );
  return r.changes;
}
