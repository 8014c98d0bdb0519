import type { Migration } from '../../migrate';

/**
 * Working copy v3: `orders` rebuilt as an ordinary rowid table. Its rows carry two JSON documents
 * of several kilobytes (base and local view); in a WITHOUT ROWID table every such row lives in the
 * primary-key b-tree itself, so each local action rewrote more pages than it needed. Rows, columns
 * and the local-view index are kept.
 */
export const m003OrdersRowid: Migration = {
  version: 3,
  name: 'orders-rowid',
  up(db) {
    db.exec(`
      CREATE TABLE orders_v3 (
        id TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        status TEXT NOT NULL,
        number TEXT,
        customer_id TEXT NOT NULL,
        submitted_at TEXT NOT NULL,
        base_version INTEGER NOT NULL,
        base_json TEXT NOT NULL,
        local_json TEXT,
        pending_commands INTEGER NOT NULL DEFAULT 0,
        pulled_at TEXT NOT NULL
      );
      INSERT INTO orders_v3 (id, version, status, number, customer_id, submitted_at, base_version, base_json, local_json, pending_commands, pulled_at)
        SELECT id, version, status, number, customer_id, submitted_at, base_version, base_json, local_json, pending_commands, pulled_at FROM orders;
      DROP TABLE orders;
      ALTER TABLE orders_v3 RENAME TO orders;
      CREATE INDEX orders_local ON orders (id) WHERE local_json IS NOT NULL;
    `);
  },
};
