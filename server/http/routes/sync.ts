import { API_PREFIX } from '../../../shared/api/http';
import { PullRequestSchema, PullResponseSchema, PushRequestSchema, PushResponseSchema, type PullChange, type PushOutcome } from '../../../shared/api/sync';
import { applyCommand } from '../../commands/apply-command';
import type { Trx } from '../../db/schema';
import type { AppContext } from '../context';
import { fail } from '../errors';

/**
 * Sync (DESIGN.md): push applies a desktop's outbox through the same command path as the HTTP API,
 * one command after the other in seq order, each with its own outcome; pull answers what changed in
 * the user's bucket since a cursor, including removals.
 */
export function syncRoutes(app: AppContext): void {
  const { router, env } = app;
  const db = env.handle.db;

  async function clientSeq(q: typeof db | Trx, clientId: string, userId: string): Promise<number> {
    const row = await q.selectFrom('sync_clients').select(['user_id', 'last_seq']).where('client_id', '=', clientId).executeTakeFirst();
    if (row && row.user_id !== userId) throw fail.forbidden('Id klien ini milik pengguna lain.', 'This client id belongs to another user.');
    return row?.last_seq ?? 0;
  }

  router.add({
    method: 'POST',
    url: `${API_PREFIX}/sync/push`,
    summary: 'Sinkron: kirim perintah outbox berurutan; hasil per perintah / push outbox commands; an outcome per command',
    tags: ['sync'],
    access: { permission: 'sync.use' },
    body: PushRequestSchema,
    response: PushResponseSchema,
    bodyLimit: 8 * 1024 * 1024,
    handler: async ({ body, auth }) => {
      const actor = auth!.actor;
      for (let i = 1; i < body.commands.length; i++) {
        if (body.commands[i]!.seq <= body.commands[i - 1]!.seq) {
          throw fail.badRequest('Perintah harus berurutan dengan seq yang naik.', 'Commands must be in strictly increasing seq order.');
        }
      }
      await clientSeq(db, body.clientId, actor.userId);
      const outcomes: PushOutcome[] = [];
      for (const c of body.commands) {
        const r = await applyCommand(env, {
          clientId: body.clientId,
          command: { id: c.id, type: c.type, aggregateId: c.aggregateId, payload: c.payload, baseVersion: c.baseVersion },
          actor,
          seq: c.seq,
        });
        outcomes.push(
          r.outcome.status === 'applied'
            ? { commandId: c.id, seq: c.seq, status: 'applied', version: r.outcome.version }
            : { commandId: c.id, seq: c.seq, status: 'rejected', code: r.outcome.code, message: r.outcome.message },
        );
      }
      return { outcomes, lastProcessedSeq: await clientSeq(db, body.clientId, actor.userId), serverTime: env.config.now().toISOString() };
    },
  });

  router.add({
    method: 'POST',
    url: `${API_PREFIX}/sync/pull`,
    summary: 'Sinkron: perubahan bucket pengguna sejak kursor (put/remove), berhalaman / pull changes since a cursor',
    tags: ['sync'],
    access: { permission: 'sync.use' },
    body: PullRequestSchema,
    response: PullResponseSchema,
    handler: async ({ body, auth, reply }) => {
      const userId = auth!.actor.userId;
      if (body.cursor !== null && !/^\d{1,15}$/.test(body.cursor)) throw fail.badRequest('Kursor tidak valid; tarik ulang dari awal (cursor null).', 'Invalid cursor; pull again from the start (cursor null).');
      const since = body.cursor === null ? 0 : Number(body.cursor);
      const limit = body.limit;
      const read = async (trx: Trx) => {
        const puts = await trx
          .selectFrom('orders')
          .innerJoin('order_data', 'order_data.order_id', 'orders.id')
          .select(['orders.updated_seq', 'order_data.data'])
          .where('orders.id', 'in', trx.selectFrom('order_members').select('order_id').where('user_id', '=', userId))
          .where('orders.updated_seq', '>', since)
          .orderBy('orders.updated_seq')
          .limit(limit + 1)
          .execute();
        const removes =
          body.cursor === null
            ? []
            : await trx.selectFrom('bucket_removals').select(['order_id', 'seq']).where('user_id', '=', userId).where('seq', '>', since).orderBy('seq').limit(limit + 1).execute();
        const feed = await trx.selectFrom('counters').select('value').where('name', '=', 'feed').executeTakeFirstOrThrow();
        const lastSeq = await clientSeq(trx, body.clientId, userId);
        return { puts, removes, feed: feed.value, lastSeq };
      };
      const snap =
        env.handle.dialect === 'postgres'
          ? await db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(read)
          : await db.transaction().execute(read);
      const merged: { seq: number; json: () => string }[] = [
        // The stored Order JSON goes out as it is (the server wrote it from a decided, valid state):
        // a pull of thousands of orders is not parsed and serialised again.
        ...snap.puts.map((p) => ({ seq: p.updated_seq, json: () => `{"op":"put","order":${p.data}}` })),
        ...snap.removes.map((r) => ({ seq: r.seq, json: () => JSON.stringify({ op: 'remove', orderId: r.order_id } satisfies PullChange) })),
      ].sort((a, b) => a.seq - b.seq);
      const hasMore = merged.length > limit;
      const page = merged.slice(0, limit);
      const cursor = hasMore ? page[page.length - 1]!.seq : Math.max(since, snap.feed);
      const json =
        `{"changes":[${page.map((m) => m.json()).join(',')}],` +
        `"cursor":${JSON.stringify(String(cursor))},"hasMore":${hasMore},"lastProcessedSeq":${snap.lastSeq},"serverTime":${JSON.stringify(env.config.now().toISOString())}}`;
      if (env.config.validateResponses) PullResponseSchema.parse(JSON.parse(json));
      return reply.type('application/json; charset=utf-8').send(json);
    },
  });
}
