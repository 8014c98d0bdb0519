import type { Rejection } from '../../shared/domain/rejections';
import type { Actor } from '../../shared/domain/state';
import { inTransaction } from '../db/connect';
import type { Trx } from '../db/schema';
import type { CommandEnv, Outcome } from './apply-command';
import { nextFeedSeq } from './store';

/**
 * Administrative operations outside the SOP's state machines (staff accounts, the catalog). They
 * take the same guarantees as domain commands: one transaction, idempotent on (client, command id),
 * an append-only audit record with before and after, a change feed position.
 */
export interface AdminRequest {
  clientId: string;
  commandId: string;
  type: string;
  actor: Actor;
  entity: string;
  entityId: string;
  run(trx: Trx, at: string): Promise<{ before: unknown; after: unknown; reason?: string | null } | Rejection>;
}

export async function applyAdminOperation(
  env: CommandEnv,
  req: AdminRequest,
): Promise<{ outcome: Outcome; replayed: boolean }> {
  return inTransaction(env.handle, async (trx) => {
    const at = env.config.now().toISOString();
    const prior = await trx
      .selectFrom('command_log')
      .select(['outcome', 'type', 'aggregate_id'])
      .where('client_id', '=', req.clientId)
      .where('command_id', '=', req.commandId)
      .executeTakeFirst();
    if (prior) {
      if (prior.type !== req.type || prior.aggregate_id !== req.entityId) {
        return {
          outcome: {
            status: 'rejected',
            commandId: req.commandId,
            aggregateId: req.entityId,
            code: 'invalid_payload',
            message: {
              id: 'Idempotency-Key ini sudah dipakai untuk operasi lain.',
              en: 'This Idempotency-Key was already used for another operation.',
            },
          },
          replayed: false,
        };
      }
      return { outcome: JSON.parse(prior.outcome) as Outcome, replayed: true };
    }
    const result = await req.run(trx, at);
    let outcome: Outcome;
    if ('ok' in result && result.ok === false) {
      outcome = {
        status: 'rejected',
        commandId: req.commandId,
        aggregateId: req.entityId,
        code: result.code,
        message: result.message,
      };
    } else {
      const r = result as { before: unknown; after: unknown; reason?: string | null };
      const seq = await nextFeedSeq(trx, env.handle.dialect);
      await trx
        .insertInto('audit_log')
        .values({
          seq,
          idx: 0,
          at,
          actor_id: req.actor.userId,
          role: req.actor.role,
          command_id: req.commandId,
          command_type: req.type,
          step: null,
          entity: req.entity,
          entity_id: req.entityId,
          order_id: null,
          sample_id: null,
          from_state: null,
          to_state: null,
          reason: r.reason ?? null,
          before: JSON.stringify(r.before ?? null),
          after: JSON.stringify(r.after ?? null),
        })
        .execute();
      await trx
        .insertInto('change_feed')
        .values({ seq, kind: req.entity, aggregate_id: req.entityId, command_id: req.commandId, at })
        .execute();
      outcome = { status: 'applied', commandId: req.commandId, aggregateId: req.entityId, version: 0 };
    }
    await trx
      .insertInto('command_log')
      .values({
        client_id: req.clientId,
        command_id: req.commandId,
        seq: null,
        type: req.type,
        aggregate_id: req.entityId,
        outcome: JSON.stringify(outcome),
        created_at: at,
      })
      .execute();
    return { outcome, replayed: false };
  });
}
