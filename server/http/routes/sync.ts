import type { FastifyReply } from 'fastify';
import { sql } from 'kysely';
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
      const limit = body.limit;
      if (env.handle.dialect === 'postgres') return pullPostgres(userId, body.clientId, body.cursor, limit, reply);
      if (body.cursor !== null && !/^\d{1,15}$/.test(body.cursor)) throw invalidCursor();
      const since = body.cursor === null ? 0 : Number(body.cursor);
      const snap = await db.transaction().execute(async (trx) => {
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
      });
      const { page, hasMore } = mergePage(snap.puts, snap.removes, limit);
      const cursor = String(hasMore ? page[page.length - 1]!.seq : Math.max(since, snap.feed));
      return sendPull(reply, page, cursor, hasMore, snap.lastSeq);
    },
  });

  function invalidCursor() {
    return fail.badRequest('Kursor tidak valid; tarik ulang dari awal (cursor null).', 'Invalid cursor; pull again from the start (cursor null).');
  }

  function mergePage(puts: { updated_seq: number; data: string }[], removes: { order_id: string; seq: number }[], limit: number) {
    const merged: PageItem[] = [
      // The stored Order JSON goes out as it is (the server wrote it from a decided, valid state):
      // a pull of thousands of orders is not parsed and serialised again.
      ...puts.map((p) => ({ seq: p.updated_seq, json: () => `{"op":"put","order":${p.data}}` })),
      ...removes.map((r) => ({ seq: r.seq, json: () => JSON.stringify({ op: 'remove', orderId: r.order_id } satisfies PullChange) })),
    ].sort((a, b) => a.seq - b.seq);
    return { page: merged.slice(0, limit), hasMore: merged.length > limit };
  }

  function sendPull(reply: FastifyReply, page: PageItem[], cursor: string, hasMore: boolean, lastSeq: number) {
    const json =
      `{"changes":[${page.map((m) => m.json()).join(',')}],` +
      `"cursor":${JSON.stringify(cursor)},"hasMore":${hasMore},"lastProcessedSeq":${lastSeq},"serverTime":${JSON.stringify(env.config.now().toISOString())}}`;
    if (env.config.validateResponses) PullResponseSchema.parse(JSON.parse(json));
    return reply.type('application/json; charset=utf-8').send(json);
  }

  /**
   * PostgreSQL: feed positions come from a sequence and commit in any order, so a position alone
   * cannot be a cursor. Every change row carries its transaction id (xid8); a transaction whose id is
   * below the xmin of the pull's snapshot has finished, and its changes, if committed, are visible.
   * Cursor `x<lo>`: every change with xid < lo was handed out. A pull takes hi = xmin of its snapshot
   * and hands out the changes with lo <= xid < hi, in position order (for one order, positions follow
   * commit order: they are taken under the order's row lock); changes with xid >= hi wait for a later
   * pull. While paging, `x<lo>.<hi>.<seq>` keeps hi fixed: also handed out are the changes with
   * lo <= xid < hi up to position seq (a change rewritten meanwhile gets a new xid >= hi and comes
   * in a later pull). An old numeric cursor N (positions committed in order) is read as
   * `x0.1.N`: rows written before migration 0005 have xid 0.
   */
  async function pullPostgres(userId: string, clientId: string, raw: string | null, limit: number, reply: FastifyReply) {
    let lo = '0';
    let hi: string | null = null;
    let after = 0;
    let m: RegExpExecArray | null;
    if (raw === null) {
      // a full pull
    } else if (/^\d{1,15}$/.test(raw)) {
      hi = '1';
      after = Number(raw);
    } else if ((m = /^x(\d{1,20})$/.exec(raw))) {
      lo = m[1]!;
    } else if ((m = /^x(\d{1,20})\.(\d{1,20})\.(\d{1,15})$/.exec(raw))) {
      lo = m[1]!;
      hi = m[2]!;
      after = Number(m[3]);
    } else {
      throw invalidCursor();
    }
    const snap = await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => {
        // The first statement takes the transaction's snapshot; its xmin is the watermark.
        const { rows } = await sql<{ xmin: string }>`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`.execute(trx);
        const upper = hi ?? rows[0]!.xmin;
        const puts = await trx
          .selectFrom('orders')
          .innerJoin('order_data', 'order_data.order_id', 'orders.id')
          .select(['orders.updated_seq', 'order_data.data'])
          .where('orders.id', 'in', trx.selectFrom('order_members').select('order_id').where('user_id', '=', userId))
          .where(sql<boolean>`orders.updated_xid >= ${lo}::xid8 and orders.updated_xid < ${upper}::xid8`)
          .where('orders.updated_seq', '>', after)
          .orderBy('orders.updated_seq')
          .limit(limit + 1)
          .execute();
        const removes =
          raw === null
            ? []
            : await trx
                .selectFrom('bucket_removals')
                .select(['order_id', 'seq'])
                .where('user_id', '=', userId)
                .where(sql<boolean>`xid >= ${lo}::xid8 and xid < ${upper}::xid8`)
                .where('seq', '>', after)
                .orderBy('seq')
                .limit(limit + 1)
                .execute();
        const lastSeq = await clientSeq(trx, clientId, userId);
        return { puts, removes, upper, lastSeq };
      });
    const { page, hasMore } = mergePage(snap.puts, snap.removes, limit);
    const cursor = hasMore ? `x${lo}.${snap.upper}.${page[page.length - 1]!.seq}` : `x${snap.upper}`;
    return sendPull(reply, page, cursor, hasMore, snap.lastSeq);
  }
}

type PageItem = { seq: number; json: () => string };
