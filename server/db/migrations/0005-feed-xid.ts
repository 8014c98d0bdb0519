import type { ServerMigration } from './migration';

/**
 * PostgreSQL: change-feed positions come from a sequence (no lock held until commit, so commands
 * commit in parallel) and every change row records its transaction id (xid8). A pull hands out
 * only changes of transactions finished before its snapshot (pg_snapshot_xmin), so a change that
 * commits later with a lower position is never skipped. Rows written before this migration get
 * xid 0 (older than any cursor). SQLite keeps its counter: it has one writer at a time.
 */
// The script, on PostgreSQL only.
const FEED_XID = `
  create sequence feed_seq as integer;
  select setval('feed_seq', value + 1, false) from counters where name = 'feed';

  alter table orders add column updated_xid xid8 not null default '0';
  alter table orders alter column updated_xid set default pg_current_xact_id();
  -- Inserts take the default; writeOrder sets updated_xid = default on every update (plpgsql,
  -- for a trigger, is not available on every installation).
  create index orders_updated_xid on orders (updated_xid);

  alter table bucket_removals add column xid xid8 not null default '0';
  alter table bucket_removals alter column xid set default pg_current_xact_id();
  alter table change_feed add column xid xid8 not null default '0';
  alter table change_feed alter column xid set default pg_current_xact_id();
  create index bucket_removals_user_xid on bucket_removals (user_id, xid);
`;

export const m0005FeedXid: ServerMigration = {
  name: '0005_feed_xid',
  sql: (_types, dialect) => (dialect === 'postgres' ? FEED_XID : ''),
};
