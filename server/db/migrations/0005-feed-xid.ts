import { sql } from 'kysely';
import type { ServerMigration } from './migration';

/**
 * PostgreSQL: change-feed positions come from a sequence (no lock held until commit, so commands
 * commit in parallel) and every change row records its transaction id (xid8). A pull hands out
 * only changes of transactions finished before its snapshot (pg_snapshot_xmin), so a change that
 * commits later with a lower position is never skipped. Rows written before this migration get
 * xid 0 (older than any cursor). SQLite keeps its counter: it has one writer at a time.
 */
export const m0005FeedXid: ServerMigration = {
  name: '0005_feed_xid',
  async up(db, dialect) {
    if (dialect !== 'postgres') return;
    await sql`create sequence feed_seq as integer`.execute(db);
    await sql`select setval('feed_seq', value + 1, false) from counters where name = 'feed'`.execute(db);
    await sql`alter table orders add column updated_xid xid8 not null default '0'`.execute(db);
    await sql`alter table orders alter column updated_xid set default pg_current_xact_id()`.execute(db);
    // Inserts take the default; writeOrder sets updated_xid = default on every update (plpgsql,
    // for a trigger, is not available on every installation).
    await sql`create index orders_updated_xid on orders (updated_xid)`.execute(db);
    for (const t of ['bucket_removals', 'change_feed']) {
      await sql`alter table ${sql.table(t)} add column xid xid8 not null default '0'`.execute(db);
      await sql`alter table ${sql.table(t)} alter column xid set default pg_current_xact_id()`.execute(db);
    }
    await sql`create index bucket_removals_user_xid on bucket_removals (user_id, xid)`.execute(db);
  },
};
