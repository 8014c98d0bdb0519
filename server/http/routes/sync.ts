import type { FastifyReply } from 'fastify';
import { sql } from 'kysely';
import type { ZodType } from 'zod';
import { API_PREFIX } from '../../../shared/api/http';
import {
  PullRequestSchema,
  PullResponseSchema,
  PushRequestSchema,
  PushResponseSchema,
  type PullChange,
  type PushOutcome,
} from '../../../shared/api/sync';
import { applyCommand } from '../../commands/apply-command';
import { historyEpoch, newHistoryEpoch } from '../../db/connect';
import type { Trx } from '../../db/schema';
import type { AppContext } from '../context';
import type { RouteSpec } from '../route';
import { AppError, fail } from '../errors';

const SYNC_ACCESS = { permission: 'sync.use' } as const;
type SyncAccess = typeof SYNC_ACCESS;
/** What every sync operation declares alike (syncRoute fills it in). */
type FamilyFields = 'method' | 'tags' | 'access';

/**
 * Sync (DESIGN.md): push applies a desktop's outbox through the same command path as the HTTP API,
 * one command after the other in seq order, each with its own outcome; pull answers what changed in
 * the user's bucket since a cursor, including removals.
 */
export function syncRoutes(app: AppContext): void {
  const { router, env } = app;
  const db = env.handle.db;

  async function clientSeq(q: typeof db | Trx, clientId: string, userId: string): Promise<number> {
    const row = await q
      .selectFrom('sync_clients')
      .select(['user_id', 'last_seq'])
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    if (row && row.user_id !== userId)
      throw fail.forbidden('Id klien ini milik pengguna lain.', 'This client id belongs to another user.');
    return row?.last_seq ?? 0;
  }

  /** A sync operation: a POST of the desktop app, for the roles that may sync. */
  const syncRoute = <B extends ZodType>(
    spec: Omit<RouteSpec<ZodType, ZodType, B, SyncAccess>, FamilyFields>,
  ) => router.add({ ...spec, method: 'POST', tags: ['sync'], access: SYNC_ACCESS });

  syncRoute({
    url: `${API_PREFIX}/sync/push`,
    summary:
      'Sinkron: kirim perintah outbox berurutan; hasil per perintah / push outbox commands; an outcome per command',
    body: PushRequestSchema,
    response: PushResponseSchema,
    bodyLimit: 8 * 1024 * 1024,
    handler: async ({ body, auth }) => {
      const actor = auth.actor;
      for (let i = 1; i < body.commands.length; i++) {
        if (body.commands[i]!.seq <= body.commands[i - 1]!.seq) {
          throw fail.badRequest(
            'Perintah harus berurutan dengan seq yang naik.',
            'Commands must be in strictly increasing seq order.',
          );
        }
      }
      const recorded = await clientSeq(db, body.clientId, actor.userId);
      // The client was told commands up to lastAppliedSeq were applied; fewer recorded here means
      // this server's history went back (restored): applying the batch would skip the lost ones.
      // A new epoch, so that every desktop's cursor of the old history is refused, not only this one's.
      if (body.lastAppliedSeq !== undefined && recorded < body.lastAppliedSeq)
        return aheadOfFeed(await historyEpoch(env.handle));
      const outcomes: PushOutcome[] = [];
      for (const c of body.commands) {
        const r = await applyCommand(env, {
          clientId: body.clientId,
          command: {
            id: c.id,
            type: c.type,
            aggregateId: c.aggregateId,
            payload: c.payload,
            baseVersion: c.baseVersion,
          },
          actor,
          seq: c.seq,
        });
        outcomes.push(
          r.outcome.status === 'applied'
            ? { commandId: c.id, seq: c.seq, status: 'applied', version: r.outcome.version }
            : {
                commandId: c.id,
                seq: c.seq,
                status: 'rejected',
                code: r.outcome.code,
                message: r.outcome.message,
              },
        );
      }
      return {
        outcomes,
        lastProcessedSeq: await clientSeq(db, body.clientId, actor.userId),
        serverTime: env.config.now().toISOString(),
      };
    },
  });

  syncRoute({
    url: `${API_PREFIX}/sync/pull`,
    summary:
      'Sinkron: perubahan bucket pengguna sejak kursor (put/remove), berhalaman / pull changes since a cursor',
    body: PullRequestSchema,
    response: PullResponseSchema,
    handler: async ({ body, auth, reply }) => {
      const userId = auth.actor.userId;
      const limit = body.limit;
      // The cursor carries the epoch of the history it was made in (`<epoch>:<position>`); one of
      // another epoch (the database was restored) is refused: the desktop pulls again from the start.
      const epoch = await historyEpoch(env.handle);
      let raw = body.cursor;
      if (raw !== null) {
        const m = CURSOR_EPOCH.exec(raw);
        if (m) {
          if (m[1] !== epoch) throw historyChanged();
          raw = m[2]!;
        }
        // (A cursor without an epoch comes from a desktop of before the epoch: read as it is.)
      }
      if (env.handle.dialect === 'postgres')
        return pullPostgres(userId, body.clientId, raw, limit, reply, epoch);
      if (raw !== null && !/^[0-9]{1,15}$/.test(raw)) throw invalidCursor();
      const since = raw === null ? 0 : Number(raw);
      const snap = await db.transaction().execute(async (trx) => {
        const feed = await trx
          .selectFrom('counters')
          .select('value')
          .where('name', '=', 'feed')
          .executeTakeFirstOrThrow();
        if (since > feed.value) return null;
        const { puts, removes } = await bucketChanges(trx, userId, raw === null, limit, since, null);
        const lastSeq = await clientSeq(trx, body.clientId, userId);
        return { puts, removes, feed: feed.value, lastSeq };
      });
      if (!snap) return aheadOfFeed(epoch);
      const { page, hasMore } = mergePage(snap.puts, snap.removes, limit);
      const cursor = `${epoch}:${hasMore ? page[page.length - 1]!.seq : Math.max(since, snap.feed)}`;
      return sendPull(reply, page, cursor, hasMore, snap.lastSeq);
    },
  });

  /**
   * A page of the user's bucket after a position: orders written (puts) and orders that left it
   * (removes; a full pull has none to tell). On PostgreSQL, only the changes of the transaction ids
   * in [lo, hi) (see pullPostgres).
   */
  async function bucketChanges(
    trx: Trx,
    userId: string,
    full: boolean,
    limit: number,
    after: number,
    xids: { lo: string; hi: string } | null,
  ) {
    let puts = trx
      .selectFrom('orders')
      .innerJoin('order_data', 'order_data.order_id', 'orders.id')
      .select(['orders.updated_seq', 'order_data.data'])
      .where(
        'orders.id',
        'in',
        trx.selectFrom('order_members').select('order_id').where('user_id', '=', userId),
      );
    if (xids)
      puts = puts.where(
        sql<boolean>`orders.updated_xid >= ${xids.lo}::xid8 and orders.updated_xid < ${xids.hi}::xid8`,
      );
    let removes = trx.selectFrom('bucket_removals').select(['order_id', 'seq']).where('user_id', '=', userId);
    if (xids) removes = removes.where(sql<boolean>`xid >= ${xids.lo}::xid8 and xid < ${xids.hi}::xid8`);
    return {
      puts: await puts
        .where('orders.updated_seq', '>', after)
        .orderBy('orders.updated_seq')
        .limit(limit + 1)
        .execute(),
      removes: full
        ? []
        : await removes
            .where('seq', '>', after)
            .orderBy('seq')
            .limit(limit + 1)
            .execute(),
    };
  }

  function historyChanged() {
    return new AppError(409, 'history_changed', {
      id: 'Riwayat server berubah (basis data dipulihkan dari cadangan). Tarik ulang dari awal (cursor null) lalu kirim lagi perintah yang belum dimiliki server.',
      en: "The server's history changed (its database was restored from a backup). Pull again from the start (cursor null), then send again the commands the server no longer has.",
    });
  }

  /**
   * A cursor ahead of the feed: positions this server never handed out, so its history went back
   * (a restore). Its positions will be handed out again for other changes: a new epoch makes every
   * desktop's cursor of the old history invalid, not only this one.
   */
  async function aheadOfFeed(epoch: string): Promise<never> {
    await newHistoryEpoch(env.handle, epoch);
    throw historyChanged();
  }

  function invalidCursor() {
    return fail.badRequest(
      'Kursor tidak valid; tarik ulang dari awal (cursor null).',
      'Invalid cursor; pull again from the start (cursor null).',
    );
  }

  function mergePage(
    puts: { updated_seq: number; data: string }[],
    removes: { order_id: string; seq: number }[],
    limit: number,
  ) {
    const merged: PageItem[] = [
      // The stored Order JSON goes out as it is (the server wrote it from a decided, valid state):
      // a pull of thousands of orders is not parsed and serialised again.
      ...puts.map((p) => ({ seq: p.updated_seq, json: () => `{"op":"put","order":${p.data}}` })),
      ...removes.map((r) => ({
        seq: r.seq,
        json: () => JSON.stringify({ op: 'remove', orderId: r.order_id } satisfies PullChange),
      })),
    ].sort((a, b) => a.seq - b.seq);
    return { page: merged.slice(0, limit), hasMore: merged.length > limit };
  }

  function sendPull(
    reply: FastifyReply,
    page: PageItem[],
    cursor: string,
    hasMore: boolean,
    lastSeq: number,
  ) {
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
  async function pullPostgres(
    userId: string,
    clientId: string,
    raw: string | null,
    limit: number,
    reply: FastifyReply,
    epoch: string,
  ) {
    let lo = '0';
    let hi: string | null = null;
    let after = 0;
    let m: RegExpExecArray | null;
    if (raw === null) {
      // a full pull
    } else if (/^[0-9]{1,15}$/.test(raw)) {
      hi = '1';
      after = Number(raw);
    } else if ((m = /^x([0-9]{1,20})$/.exec(raw))) {
      lo = m[1]!;
    } else if ((m = /^x([0-9]{1,20})\.([0-9]{1,20})\.([0-9]{1,15})$/.exec(raw))) {
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
        const { rows } = await sql<{
          xmin: string;
        }>`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`.execute(trx);
        // A watermark above this snapshot's: transaction ids this server never reached (restored).
        if (BigInt(lo) > BigInt(rows[0]!.xmin) || (hi !== null && BigInt(hi) > BigInt(rows[0]!.xmin)))
          return null;
        const upper = hi ?? rows[0]!.xmin;
        const { puts, removes } = await bucketChanges(trx, userId, raw === null, limit, after, {
          lo,
          hi: upper,
        });
        const lastSeq = await clientSeq(trx, clientId, userId);
        return { puts, removes, upper, lastSeq };
      });
    if (!snap) return aheadOfFeed(epoch);
    const { page, hasMore } = mergePage(snap.puts, snap.removes, limit);
    const cursor = `${epoch}:${hasMore ? `x${lo}.${snap.upper}.${page[page.length - 1]!.seq}` : `x${snap.upper}`}`;
    return sendPull(reply, page, cursor, hasMore, snap.lastSeq);
  }
}

type PageItem = { seq: number; json: () => string };

/** `<epoch>:<position>`: the epoch (server/db/connect.ts historyEpoch) and the position in it. */
const CURSOR_EPOCH = /^([0-9a-f]{12}):(.+)$/;
