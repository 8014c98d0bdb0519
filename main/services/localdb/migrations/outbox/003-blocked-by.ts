import type { Migration } from '../../migrate';

/**
 * Outbox v3: `blocked_by`, the rejected command a blocked command was built on (it acted on the
 * same analysis or sample after it). When the user dismisses that rejection, such commands cannot
 * go out as they are; when they redo it, they are decided again after the redo. Commands blocked
 * before this version keep NULL (they are released as before).
 */
export const m003BlockedBy: Migration = {
  version: 3,
  name: 'blocked-by',
  up(db) {
    db.exec(`
      ALTER TABLE outbox ADD COLUMN blocked_by TEXT;
      CREATE INDEX outbox_blocked_by ON outbox (blocked_by) WHERE blocked_by IS NOT NULL;
    `);
  },
};
