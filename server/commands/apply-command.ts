import { aggregateOf, CREATING_COMMANDS, type CommandType } from '../../shared/domain/commands';
import { decide, type DomainEvent } from '../../shared/domain/decide';
import type { Account, Order } from '../../shared/domain/entities';
import { rolesFor } from '../../shared/domain/permissions';
import { reject, type Message, type Rejection, type RejectionCode } from '../../shared/domain/rejections';
import type { Actor } from '../../shared/domain/state';
import { inTransaction } from '../db/connect';
import type { Trx } from '../db/schema';
import { canSee } from './access';
import type { Attachment, CommandEnv } from './env';
import { prepareCommand } from './registry';
import {
  loadAccount,
  loadOrder,
  nextFeedSeq,
  orderCacheOf,
  snapshot,
  writeAccount,
  writeIndexes,
  writeOrder,
  writeOrderData,
} from './store';

export type { Attachment, CommandEnv } from './env';

export interface IncomingCommand {
  id: string;
  type: CommandType;
  aggregateId: string;
  payload: unknown;
  baseVersion?: number | null;
}

export interface ApplyRequest {
  /** Who sent it: a desktop's client id (sync), or `http:<userId>` for the HTTP API. */
  clientId: string;
  command: IncomingCommand;
  actor: Actor;
  /** Per-client sequence (sync push): commands at or below the client's last processed seq are not applied again. */
  seq?: number;
  /** The command id was made by the server for this request (no Idempotency-Key): it cannot have an outcome yet. */
  freshId?: boolean;
  attachments?: Attachment[];
  /** Extra check in the transaction before deciding (e.g. a username still free). */
  check?: (trx: Trx) => Promise<Rejection | null>;
  /** Extra writes when accepted, in the same transaction (e.g. the user row of a registration). */
  onAccept?: (trx: Trx, state: Order | Account) => Promise<void>;
}

export type Outcome =
  | { status: 'applied'; commandId: string; aggregateId: string; version: number }
  | { status: 'rejected'; commandId: string; aggregateId: string; code: RejectionCode; message: Message };

export interface ApplyResult {
  outcome: Outcome;
  /** True when the outcome was stored before (a resent command): nothing was applied now. */
  replayed: boolean;
  /** The aggregate as it is after this call (null when it does not exist). */
  state: Order | Account | null;
}

/**
 * THE command path. Every state change of the server (HTTP operations and sync pushes) comes
 * here. In one transaction: idempotency on (client, command id) and per-client order, the
 * aggregate loaded (row lock on PostgreSQL; SQLite transactions are serialised), server data
 * filled in, the shared domain core's `decide`, then on accept the new state, side tables, audit
 * rows, change feed and the outcome; on reject the outcome only. A resent command gets the stored
 * outcome and is never applied twice.
 */
export async function applyCommand(env: CommandEnv, req: ApplyRequest): Promise<ApplyResult> {
  const result = await inTransaction(env.handle, (trx) => applyInTransaction(env, trx, req));
  // Committed: the new state is the order's current version.
  if (result.state && 'samples' in result.state) orderCacheOf(env.handle).remember(result.state);
  return result;
}

async function applyInTransaction(env: CommandEnv, trx: Trx, req: ApplyRequest): Promise<ApplyResult> {
  const { command, actor, clientId } = req;
  const now = env.config.now();
  const at = now.toISOString();
  const dialect = env.handle.dialect;
  const kind = aggregateOf(command.type);

  // Per-client order (sync): the client row is locked first, so one client's pushes run in order.
  let lastSeq = 0;
  if (req.seq !== undefined) {
    await trx
      .insertInto('sync_clients')
      .values({ client_id: clientId, user_id: actor.userId, last_seq: 0, updated_at: at })
      .onConflict((oc) => oc.column('client_id').doNothing())
      .execute();
    let q = trx.selectFrom('sync_clients').select(['last_seq', 'user_id']).where('client_id', '=', clientId);
    if (dialect === 'postgres') q = q.forUpdate();
    const client = await q.executeTakeFirstOrThrow();
    if (client.user_id !== actor.userId) {
      return unrecorded(
        command,
        reject('forbidden', 'Id klien ini milik pengguna lain.', 'This client id belongs to another user.'),
      );
    }
    lastSeq = client.last_seq;
  }

  // The aggregate, locked; then the stored outcome (checked after the lock, so two concurrent
  // sends of one command cannot both pass).
  const loaded =
    kind === 'order'
      ? await loadOrder(trx, command.aggregateId, { lock: dialect, cache: orderCacheOf(env.handle) })
      : null;
  const account = kind === 'account' ? await loadAccount(trx, command.aggregateId, { lock: dialect }) : null;
  const state: Order | Account | null = loaded?.order ?? account;

  const prior = req.freshId
    ? undefined
    : await trx
        .selectFrom('command_log')
        .select(['outcome', 'type', 'aggregate_id'])
        .where('client_id', '=', clientId)
        .where('command_id', '=', command.id)
        .executeTakeFirst();
  if (prior) {
    if (prior.type !== command.type || prior.aggregate_id !== command.aggregateId) {
      return unrecorded(
        command,
        reject(
          'invalid_payload',
          'Id perintah (Idempotency-Key) ini sudah dipakai untuk perintah lain.',
          'This command id (Idempotency-Key) was already used for another command.',
        ),
      );
    }
    return { outcome: JSON.parse(prior.outcome) as Outcome, replayed: true, state };
  }
  if (req.seq !== undefined && req.seq <= lastSeq) {
    return unrecorded(
      command,
      reject(
        'invalid_payload',
        `Nomor urut ${req.seq} sudah diproses untuk perintah lain.`,
        `Sequence ${req.seq} was already processed for another command.`,
      ),
    );
  }

  const record = async (outcome: Outcome) => {
    await trx
      .insertInto('command_log')
      .values({
        client_id: clientId,
        command_id: command.id,
        seq: req.seq ?? null,
        type: command.type,
        aggregate_id: command.aggregateId,
        outcome: JSON.stringify(outcome),
        created_at: at,
      })
      .execute();
    if (req.seq !== undefined) {
      await trx
        .updateTable('sync_clients')
        .set({ last_seq: req.seq, updated_at: at })
        .where('client_id', '=', clientId)
        .execute();
    }
  };
  const rejectWith = async (r: Rejection): Promise<ApplyResult> => {
    const outcome: Outcome = {
      status: 'rejected',
      commandId: command.id,
      aggregateId: command.aggregateId,
      code: r.code,
      message: r.message,
    };
    await record(outcome);
    return { outcome, replayed: false, state };
  };

  // Nobody learns of an order they may not see: guessing an id answers "not found".
  if (kind === 'order' && state && !canSee(actor, state as Order)) {
    return rejectWith(reject('not_found', 'Pesanan tidak ditemukan.', 'Order not found.'));
  }
  if (!rolesFor(command.type).includes(actor.role)) {
    return rejectWith(
      reject(
        'forbidden',
        `Peran ${actor.role} tidak boleh menjalankan ${command.type}.`,
        `Role ${actor.role} may not issue ${command.type}.`,
      ),
    );
  }
  if (state === null && !CREATING_COMMANDS.includes(command.type)) {
    return rejectWith(
      kind === 'order'
        ? reject('not_found', 'Pesanan tidak ditemukan.', 'Order not found.')
        : reject('not_found', 'Akun pelanggan tidak ditemukan.', 'Customer account not found.'),
    );
  }
  if (req.check) {
    const r = await req.check(trx);
    if (r) return rejectWith(r);
  }

  const prepared = await prepareCommand(
    {
      env,
      trx,
      type: command.type,
      aggregateId: command.aggregateId,
      baseVersion: command.baseVersion ?? null,
      actor,
      now,
      state,
      order: loaded?.order ?? null,
      attachments: req.attachments ?? [],
    },
    command.payload,
  );
  if ('ok' in prepared) return rejectWith(prepared);
  const decision = decide(
    state,
    {
      id: command.id,
      type: command.type,
      payload: prepared.payload,
      baseVersion: command.baseVersion ?? null,
    },
    actor,
    now,
  );
  if (!decision.ok) return rejectWith(decision);
  const late = await prepared.afterDecide(decision);
  if (late) return rejectWith(late);

  // Accepted: write everything, in this transaction. The state is the domain core's, as it is.
  const next = decision.state;
  for (const r of prepared.reservations) await r.take();
  // First what needs no change-feed position...
  if ('samples' in next) {
    await writeOrderData(trx, next, loaded === null);
    await writeIndexes(trx, next, decision.events, at);
  }
  for (const a of prepared.attachments) {
    await trx
      .insertInto('files')
      .values({
        id: a.id,
        kind: a.kind,
        order_id: kind === 'order' ? command.aggregateId : null,
        ref_id: a.refId,
        mime: a.mime,
        size: a.data.length,
        sha256: a.sha256,
        data: a.data,
        created_at: at,
        created_by: actor.userId,
        document_hash: a.documentHash ?? null,
      })
      .execute();
  }
  if (prepared.onAccept) await prepared.onAccept(trx);
  if (req.onAccept) await req.onAccept(trx, next);
  const outcome: Outcome = {
    status: 'applied',
    commandId: command.id,
    aggregateId: command.aggregateId,
    version: next.version,
  };
  await record(outcome);
  // ...then the position, late and after the aggregate's row lock (see nextFeedSeq).
  const seq = await nextFeedSeq(trx, dialect);
  if ('samples' in next) await writeOrder(trx, next, loaded, seq, at, { dataWritten: true, dialect });
  else await writeAccount(trx, next, account, seq);
  await writeAudit(trx, seq, command, decision.events, state, next);
  await trx
    .insertInto('change_feed')
    .values({ seq, kind, aggregate_id: command.aggregateId, command_id: command.id, at })
    .execute();
  return { outcome, replayed: false, state: next };
}

function unrecorded(command: IncomingCommand, r: Rejection): ApplyResult {
  return {
    outcome: {
      status: 'rejected',
      commandId: command.id,
      aggregateId: command.aggregateId,
      code: r.code,
      message: r.message,
    },
    replayed: false,
    state: null,
  };
}

async function writeAudit(
  trx: Trx,
  seq: number,
  command: IncomingCommand,
  events: readonly DomainEvent[],
  before: Order | Account | null,
  after: Order | Account,
) {
  if (events.length === 0) return;
  // An entity may appear in several events of one command: its before is the state before the
  // command, its after the state after it.
  const rows = events.map((e, idx) => ({
    seq,
    idx,
    at: e.at,
    actor_id: e.actorId,
    role: e.role,
    command_id: command.id,
    command_type: e.type,
    step: e.step,
    entity: e.entity,
    entity_id: e.entityId,
    order_id: e.orderId,
    sample_id: e.sampleId,
    from_state: e.from,
    to_state: e.to,
    reason: e.reason,
    before: JSON.stringify(snapshot(before, e.entity, e.entityId)),
    after: JSON.stringify(snapshot(after, e.entity, e.entityId)),
  }));
  for (let i = 0; i < rows.length; i += 100)
    await trx
      .insertInto('audit_log')
      .values(rows.slice(i, i + 100))
      .execute();
}
